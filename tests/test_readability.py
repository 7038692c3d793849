"""Readability: Flesch-Kincaid grade offline, as textstat computes it without its CMU dictionary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from carevoice.checks import check
from carevoice.checks.readability import fk_grade, prose, syllables

SAMPLES = [
    "Sorry your parcel is late. I will check with the courier and get back to you today.",
    "Notwithstanding considerable organisational complications, our investigative department anticipates "
    "comprehensive resolution regarding your consignment imminently.",
    "That's a long wait for something you were excited about. Send us a DM with your order number, and "
    "we'll chase it with the courier right away.",
    "Hi Ann. Thanks. We're on it.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_matches_textstat_with_its_pyphen_fallback(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    # textstat's own fallback when a word is not in the CMU dictionary: Pyphen. No download.
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    for fn in (_count_syllables.count_syllables, textstat.backend.metrics.flesch_kincaid_grade):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()
    expected = textstat.backend.metrics.flesch_kincaid_grade(text, "en_US")
    assert fk_grade(text) == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize(("word", "count"), [("parcel", 2), ("day", 1), ("information", 4), ("tomorrow", 3)])
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_prose_drops_urls_and_handles() -> None:
    assert prose("See https://example.com/a-very-long-path @ann #help thanks").split() == ["See", "thanks"]


def test_checking_never_imports_textstat_or_nltk() -> None:
    code = ("import sys; from carevoice.checks import check; check(sys.argv[1]); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textstat', 'nltk'}))")
    out = subprocess.run([sys.executable, "-c", code, SAMPLES[1]], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_short_replies_are_not_graded() -> None:
    assert "CV501" not in [f.code for f in check("Unfortunately, considerable organisational complications.")]


def test_finding_names_grade_and_target() -> None:
    (f,) = [f for f in check(SAMPLES[1]) if f.code == "CV501"]
    assert f.severity == "warning"
    assert f.message.startswith("reading grade ") and f.message.endswith("above the target 8")
