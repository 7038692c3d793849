"""find_all's needle screen: the same matches as scanning every phrase of the list."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.checks.context import compile_phrases, tone_data
from carevoice.checks.kinds import _screen, find_all

EDGES = (
    "re:(?-i:ABC) def", "re:x?y*", "re:(?:a|bc)+d", r"re:\bcaf[eé]\b", "re:(ab)\\1", "re:(?=look)look", "re:é+t",
    "we'll", "it’s fine", "café", "re:[^a]bc", "re:(?:)", "re:a{2,}b", "re:(?:at|om)+ic",
)
"""Patterns with parts a needle must see through or give up on (flags, repeats, lookarounds, non-ASCII)."""


def _scan_all(text: str, phrases: tuple[str, ...]) -> list[tuple[tuple[int, int], str]]:
    found = sorted((m for p in compile_phrases(phrases) for m in p.finditer(text) if m.end() > m.start()),
                   key=lambda m: (m.start(), -m.end()))
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return [(m.span(), m.group()) for m in out]


def _lists() -> list[tuple[str, ...]]:
    data = tone_data()
    return [data.blame, data.sarcasm, data.condescension, data.forbidden_promises, data.deflection, data.breezy,
            data.apology, data.next_step, tuple(data.preferred), EDGES]


def _words() -> list[str]:
    out = ["ABC", "abc def", "ſorry", "\u212aelvin", "İt", "we’ll", "WE'LL", "CAFÉ", "ééT", "abab", "look"]
    for phrases in _lists():
        out += [w for p in phrases for w in p.removeprefix("re:").split()]
    return out


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_lists()),
       st.lists(st.one_of(st.sampled_from(_words()), st.text(alphabet="aAbB cé'’!?.,-", max_size=6)), max_size=12),
       st.sampled_from(["lower", "upper", "title", "same"]))
def test_find_all_matches_a_scan_of_every_phrase(phrases: tuple[str, ...], parts: list[str], case: str) -> None:
    text = " ".join(parts)
    text = text if case == "same" else getattr(text, case)()
    assert [(m.span(), m.group()) for m in find_all(text, phrases)] == _scan_all(text, phrases)


def test_plain_and_expression_phrases_get_needles() -> None:
    _, needles, rest, _ = _screen(("as I already said", r"re:\b(?:sorry|regret)\b", "re:x?y*"))
    assert {n for n, i in needles if i == 0} == {"already"}
    assert {n for n, i in needles if i == 1} == {"sorry", "regret"}
    assert rest == (2,)
