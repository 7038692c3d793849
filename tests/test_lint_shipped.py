"""The shipped banks under the linter (the content writers own the phrases; this guards the result)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED_BANKS

from carevoice.lint import LintConfig, lint_paths

BANKS = [ROOT / "phrasebanks" / f"{name}.yaml" for name in SHIPPED_BANKS]
PRESENT = [p for p in BANKS if p.is_file()]


@pytest.mark.parametrize("path", PRESENT, ids=lambda p: p.stem)
def test_shipped_bank_has_no_schema_or_template_problems(path: Path) -> None:
    report = lint_paths([path], config=LintConfig(select=("CV1",)))
    assert [f"{f.line}:{f.column} {f.code} {f.message}" for f in report.findings] == []


@pytest.mark.parametrize("path", PRESENT, ids=lambda p: p.stem)
def test_shipped_bank_tone_and_repetition_are_clean(path: Path) -> None:
    report = lint_paths([path], config=LintConfig(select=("CV3", "CV5", "CV6", "CV71")))
    assert [f"{f.line}:{f.column} {f.code} {f.message}" for f in report.findings] == []


def test_shipped_banks_lint_clean_at_warning() -> None:
    report = lint_paths(PRESENT)
    assert not report.reaches("warning"), [f"{f.file}:{f.line} {f.code}" for f in report.findings][:20]
