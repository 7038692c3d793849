"""Bank variety: ``simulate_variety`` for the linter and ``carevoice variety`` for people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from carevoice import load_bank
from carevoice.cli import main
from carevoice.variation.variety import bank_variety, simulate_variety

MINI = load_bank(FIXTURES / "banks" / "mini.yaml")
PARCELPOP = load_bank("parcelpop")


def test_a_bank_with_two_phrasings_per_stage_repeats_within_a_few_replies() -> None:
    n = simulate_variety(MINI, "app_bug", limit=50)
    assert 1 <= n <= 8  # 2 x 2 x 1 x 2 combinations, and most of them share a phrase


def test_a_situation_with_one_phrasing_per_stage_repeats_at_the_second_reply() -> None:
    assert simulate_variety(MINI, "general", limit=50) == 1


def test_spam_gives_no_replies_and_the_count_is_capped_by_the_limit() -> None:
    assert simulate_variety(PARCELPOP, "spam") == 0
    assert simulate_variety(PARCELPOP, "late_delivery", limit=15) == 15


def test_the_simulation_is_deterministic_under_a_seed() -> None:
    runs = {simulate_variety(PARCELPOP, "general", limit=200, seed=4) for _ in range(2)}
    assert len(runs) == 1


def test_a_richer_cell_lasts_longer_than_a_thin_one() -> None:
    assert simulate_variety(PARCELPOP, "app_bug", limit=100) > simulate_variety(MINI, "app_bug", limit=100)


def test_bank_variety_reports_every_situation_but_spam() -> None:
    reports = bank_variety(MINI, limit=20)
    assert {r.situation for r in reports} == {"app_bug", "general"}
    assert all(r.thin for r in reports)


def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["variety", str(FIXTURES / "banks" / "mini.yaml"), "--limit", "30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("mini: consecutive replies") and "general" in out and "app_bug" in out


def test_cli_json_and_minimum(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "banks" / "mini.yaml")
    assert main(["variety", path, "--json", "-s", "general", "--min", "5", "--limit", "10"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["situations"] == [{"situation": "general", "channel": "x", "replies": 1, "thin": True,
                                   "below_min": True}]


@pytest.mark.parametrize(("argv", "message"), [
    (["-s", "genral"], "unknown situation of mini 'genral'; did you mean 'general'?"),
    (["-c", "twiter"], "unknown channel"),
    (["--limit", "0"], "--limit must be at least 1"),
])
def test_cli_bad_input_is_one_line_and_exit_2(argv: list[str], message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["variety", str(FIXTURES / "banks" / "mini.yaml"), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_unknown_bank(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["variety", "parcelpopp"]) == 2
    assert "did you mean 'parcelpop'" in capsys.readouterr().err
