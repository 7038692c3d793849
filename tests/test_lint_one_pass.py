"""One lint pass says everything; small command-line cases of lint and banks."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import write_bank

from carevoice.bank import list_banks
from carevoice.cli import main
from carevoice.lint import lint_paths

GOOD = "Thanks for telling us about this."
FALLBACK = "We are checking order {{ details.order_id }} now."  # CV112
BLAME = "As I already said, it is on its way."  # CV301


def child(parent: str = "base", extra: str = "") -> str:
    return (f"bank: child\nextends: {parent}\ndisplay_name: Child\n{extra}phrases:\n  late_delivery:\n"
            f"    acknowledge:\n      - {{id: c1, text: {GOOD!r}}}\n      - {{id: c2, text: {FALLBACK!r}}}\n"
            f"      - {{id: c3, text: {BLAME!r}}}\n      - {{id: c4, text: 'Sorry.', weight: lots}}\n")


def codes(path: Path, *more: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for f in lint_paths([path, *more]).findings:
        if f.file == str(path):
            out.setdefault(f.code, []).append(f.line)
    return out


def test_a_schema_error_in_one_phrase_hides_nothing_else(tmp_path: Path) -> None:
    found = codes(write_bank(tmp_path, child(), "child"))
    assert found["CV105"] == [10]  # weight: lots
    assert found["CV112"] == [8] and found["CV301"] == [9]


def test_a_parent_with_a_schema_error_hides_nothing_of_its_child(tmp_path: Path) -> None:
    parent = write_bank(tmp_path, "bank: parent\nextends: base\ndisplay_name: P\nvoice: {formality: posh}\n", "parent")
    path = write_bank(tmp_path, child("parent"), "child")
    found = codes(path, parent)
    assert "CV108" in found and {"CV105", "CV112", "CV301"} <= set(found)
    assert codes(parent) == {"CV105": [4]}  # the parent's error is reported in the parent's file


def test_an_unknown_parent_hides_nothing_of_the_phrases(tmp_path: Path) -> None:
    found = codes(write_bank(tmp_path, child("nosuchbank"), "child"))
    assert found["CV108"] == [2]
    assert {"CV105", "CV112", "CV301"} <= set(found)
    assert not any(c.startswith("CV91") for c in found)  # coverage needs the whole bank: not judged


def test_lint_dash_reads_one_bank_from_standard_input(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(child().encode())))
    code = main(["lint", "-", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["files"] == ["<stdin>"]
    assert {(f["file"], f["line"], f["code"]) for f in report["findings"]} >= {
        ("<stdin>", 8, "CV112"), ("<stdin>", 9, "CV301"), ("<stdin>", 10, "CV105")}


def test_lint_dash_with_standard_input_closed_is_one_line(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["lint", "-"]) == 2
    assert capsys.readouterr().err.startswith("carevoice lint: error: cannot read a bank from standard input")


def test_lint_of_a_folder_without_banks_fails_naming_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a bank", encoding="utf-8")
    assert main(["lint", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "no bank files" in err


def test_banks_with_a_bank_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_bank(tmp_path, "bank: acme\nextends: base\ndisplay_name: Acme\n", "acme")
    assert main(["banks", "--bank-dir", str(tmp_path), "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["acme"]["display_name"] == "Acme" and rows["acme"]["error"] is None
    assert "acme" in [b.name for b in list_banks([str(tmp_path)])]


def test_a_bank_named_unlike_its_file_is_a_finding(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "bank: acme\nextends: base\ndisplay_name: Acme\n", "acme-2")
    assert codes(path) == {"CV109": [1]}


def test_unchanged_files_come_from_the_result_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import carevoice.lint._engine as engine
    from carevoice.lint import LintConfig

    parent = write_bank(tmp_path, "bank: parent\nextends: base\ndisplay_name: P\n", "parent")
    path = write_bank(tmp_path, child("parent"), "child")
    first = lint_paths([path])
    calls: list[Path] = []
    real = engine.lint_file
    monkeypatch.setattr(engine, "lint_file", lambda p, *a, **k: calls.append(p) or real(p, *a, **k))
    assert lint_paths([path]) == first and calls == []  # a hit: the linter is not run
    assert lint_paths([path], cache=False) == first and len(calls) == 1
    assert lint_paths([path], config=LintConfig(ignore=("CV3",))) != first and len(calls) == 2  # configuration
    parent.write_text("bank: parent\nextends: base\ndisplay_name: Parent\nvoice: {formality: posh}\n")
    changed = lint_paths([path])  # a parent changed: linted again, and now the parent's errors show
    assert len(calls) == 3 and "CV108" in {f.code for f in changed.findings}
    path.write_text(child("parent").replace("Sorry.", "Sorry!"), encoding="utf-8")
    lint_paths([path])
    assert len(calls) == 4  # the file changed
