"""Fuzz: mutations of the shipped banks never give a traceback from load or lint.

Each example takes the head of a shipped bank (its settings and first phrases, so an example
stays fast) and applies a few random edits: lines dropped, repeated or moved, characters and
YAML or Jinja fragments inserted, values replaced by huge numbers, control characters and
invalid UTF-8. Loading may refuse the bank, always with a located :class:`BankError`; lint
reports findings, never raises. Budget: a fixed number of examples per test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHIPPED_BANKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.bank import load_bank, shipped_dir
from carevoice.errors import BankError
from carevoice.lint import lint_paths

HEAD_LINES = 90


def _head(lines: list[str]) -> list[str]:
    """The first lines of a bank, cut where a top-level key or list item begins (a whole bank)."""
    for cut in range(min(HEAD_LINES, len(lines)), 0, -1):
        if cut == len(lines) or lines[cut].startswith("  - ") or (lines[cut][:1].isalpha()):
            head = lines[:cut]
            while head and (not head[-1].strip() or head[-1].lstrip().startswith("#")
                            or (head[-1][:1].isalpha() and head[-1].rstrip().endswith(":"))):
                head.pop()  # a top-level key left with nothing under it ("answers:") is not a whole bank
            return head
    return lines[:HEAD_LINES]


HEADS = {name: _head((shipped_dir() / f"{name}.yaml").read_text(encoding="utf-8").splitlines())
         for name in SHIPPED_BANKS}

FRAGMENTS = [
    "{{", "}}", "{%", "%}", "{% for i in brand.name %}", "{% endfor %}", "{{ 10 ** 10 }}",
    "{{ agent.name.split()[9] }}",
    ":", "- ", "  ", "\t", "'", '"', "[", "]", "{", "}", "&a", "*a", "!!python/name:os.system", "<<: *a",
    "re:(a+)+$", "re:([", "9" * 5000, "1e400", ".inf", "-1", "0", "\x00", "\x1b", "\ufeff", "\u202e", "é", "😀",
    "extends: ../x", "extends: nosuchbank", "bank: other", "channels: [twiter]", "sign_off: \"{{ x }}\"",
    "tone: {blame_phrases: ['re:\\\\s*\\\\s*']}", "variation: {candidates: 0}", "lint: {min_variety: 99999}",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(HEADS)))
    lines = list(HEADS[name])
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "repeat", "move", "insert", "replace_value", "indent"]))
        if kind == "drop":
            del lines[i:i + draw(st.integers(1, 5))]
        elif kind == "repeat":
            lines.insert(i, lines[i])
        elif kind == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        elif kind == "replace_value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(FRAGMENTS))}"
        else:
            lines[i] = " " * draw(st.integers(0, 7)) + lines[i].lstrip()
        if not lines:
            lines = ["bank: t"]
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\x00"])) + data[at:]
    return name, data


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_load_never_raises_anything_but_a_located_bank_error(tmp_path_factory: pytest.TempPathFactory,
                                                              bank: tuple[str, bytes]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"{bank[0]}.yaml"
    path.write_bytes(bank[1])
    try:
        load_bank(path, cache=False)
    except BankError as exc:
        assert exc.file == str(path)
        assert exc.code.startswith("CV1")


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_lint_never_raises_and_agrees_with_load(tmp_path_factory: pytest.TempPathFactory,
                                                bank: tuple[str, bytes]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"{bank[0]}.yaml"
    path.write_bytes(bank[1])
    report = lint_paths([path])
    loaded = True
    try:
        load_bank(path, cache=False)
    except BankError:
        loaded = False
    errors = [f for f in report.findings if f.severity == "error" and f.code.startswith("CV1")]
    if not loaded:  # lint and load agree: what load refuses, lint reports as an error
        assert errors, [f"{f.line}:{f.code}" for f in report.findings]
    assert all(f.line >= 1 and f.column >= 1 for f in report.findings)


def test_the_fuzz_heads_are_valid_banks_before_mutation(tmp_path: Path) -> None:
    for name, head in HEADS.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text("\n".join(head) + "\n", encoding="utf-8")
        load_bank(path, cache=False)
