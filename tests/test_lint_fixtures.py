"""Broken banks: each fixture under tests/fixtures/lint yields exactly the expected (line, column, code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from carevoice.lint import LintConfig, lint_paths

LINT = FIXTURES / "lint"

# fixture -> every (line, column, code) the linter must report with the default configuration
EXPECTED: dict[str, set[tuple[int, int, str]]] = {
    "schema.yaml": {(5, 3, "CV105"), (6, 3, "CV104"), (9, 5, "CV104"), (15, 9, "CV105"), (7, 1, "CV910")},
    "templates.yaml": {(18, 15, "CV110"), (20, 15, "CV111"), (22, 15, "CV112"), (24, 15, "CV113"),
                       (25, 9, "CV107")},
    "length.yaml": {(27, 15, "CV901"), (29, 15, "CV902"), (30, 3, "CV904")},
    "repetition.yaml": {(18, 15, "CV711"), (24, 15, "CV712")},
    "coverage.yaml": {(24, 5, "CV910"), (6, 1, "CV910")},  # general: no apology at all; app_bug: none on facebook
    "suppress.yaml": {(23, 17, "CV920"), (26, 72, "CV921")},
    "tone.yaml": {(12, 23, "CV302"), (12, 72, "CV301")},
    "extends.yaml": {(3, 1, "CV108")},
    "yaml_syntax.yaml": {(3, 13, "CV100")},
}

# words each fixture's messages must contain (the message is what a writer acts on)
WORDS = {
    "schema.yaml": ["did you mean 'sign_off'", "did you mean 'resolve'", "valid number", "'posh'"],
    "templates.yaml": ["syntax error", "did you mean 'customer'", "details.order_id without a fallback",
                       "has no element 3", "duplicate phrase id 'fix'"],
    "length.yaml": ["even alone: 286/280", "shortest partners", "no lost_baggage reply fits X"],
    "repetition.yaml": ["near-duplicate of fix", "identical to sorry"],
    "coverage.yaml": ["on facebook"],
    "suppress.yaml": ["CV301 suppresses nothing", "CV999"],
    "extends.yaml": ["unknown parent bank 'nosuchbank'"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_findings(name: str) -> None:
    report = lint_paths([LINT / name])
    assert {(f.line, f.column, f.code) for f in report.findings} == EXPECTED[name]
    text = " | ".join(f.message for f in report.findings)
    for words in WORDS.get(name, []):
        assert words in text


def test_every_fixture_has_expectations() -> None:
    assert {p.name for p in LINT.glob("*.yaml")} == set(EXPECTED)


def test_schema_errors_are_all_reported_not_just_the_first() -> None:
    codes = [f.code for f in lint_paths([LINT / "schema.yaml"]).findings]
    assert len([c for c in codes if c.startswith("CV1")]) == 4
    # and they hide nothing else: the bank's coverage is judged with what is left
    assert "CV910" in codes


def test_suppressed_findings_are_counted() -> None:
    report = lint_paths([LINT / "suppress.yaml"])
    assert report.suppressed == 2  # CV711 by noqa-file, CV712 by the phrase's noqa


def test_opt_in_longest_partner_rule() -> None:
    default = lint_paths([LINT / "length.yaml"])
    opted = lint_paths([LINT / "length.yaml"], config=LintConfig(select=("CV", "CV903")))
    assert "CV903" not in {f.code for f in default.findings}
    worst = [f for f in opted.findings if f.code == "CV903"]
    assert worst and all("/280 (+" in f.message for f in worst)


def test_every_finding_is_one_based_and_in_file() -> None:
    for path in sorted(LINT.glob("*.yaml")):
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        for f in lint_paths([path]).findings:
            assert 1 <= f.line <= max(len(lines), 1)
            assert f.column >= 1


def test_length_shortcuts_agree_with_checks_measure() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from carevoice.checks import measure
    from carevoice.checks.channels import get_channel
    from carevoice.lint._measure import measure_cached as _measure

    alphabet = st.sampled_from([*"abcXYZ019 .,!?'\"-:;()&%/@#*+=<>$_", "é", "—", "{", "€", "😀", "^", "~", "\\"])

    @settings(max_examples=1000, deadline=None)
    @given(st.text(alphabet, max_size=400), st.sampled_from(["x", "sms", "google_play", "google_reviews"]))
    def agree(text: str, channel: str) -> None:
        profile = get_channel(channel)
        assert _measure(text, profile) == measure(text, profile)

    agree()
