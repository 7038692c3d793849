"""CV70x: every variation rule's examples flag and pass as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from carevoice import Drafter, Inbound, MemoryHistory
from carevoice.rules import all_rules, get_rule
from carevoice.variation.rules import EXAMPLE_BANK

VARIATION = [r for r in all_rules() if r.code.startswith("CV70")]


def stream_codes(stream: str, tmp_path: Path) -> set[str]:
    bank = tmp_path / "thin.yaml"
    bank.write_text(EXAMPLE_BANK, encoding="utf-8")
    drafter = Drafter(bank, history=MemoryHistory(), seed=0)
    codes: set[str] = set()
    for text in stream.splitlines():
        draft = drafter.draft(Inbound(text=text), allow_blocked=True, record=True)
        codes |= {f.code for f in draft.findings}
    return codes


def test_the_variation_family_is_registered() -> None:
    assert [r.code for r in VARIATION] == ["CV701"]
    assert get_rule("CV701").name == "variation.near_duplicate"


@pytest.mark.parametrize("rule", VARIATION, ids=lambda r: r.code)
def test_flag_examples_flag(rule: object, tmp_path: Path) -> None:
    assert rule.kind == "stream" and rule.flags  # type: ignore[attr-defined]
    for example in rule.flags:  # type: ignore[attr-defined]
        assert rule.code in stream_codes(example, tmp_path)  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", VARIATION, ids=lambda r: r.code)
def test_pass_examples_pass(rule: object, tmp_path: Path) -> None:
    assert rule.passes  # type: ignore[attr-defined]
    for example in rule.passes:  # type: ignore[attr-defined]
        assert rule.code not in stream_codes(example, tmp_path)  # type: ignore[attr-defined]
