"""Tone checkers (CV3xx): blame, sarcasm, talking down, shouting, exclamations, apologies, promises, terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from carevoice._plain import Finding
from carevoice.checks.context import CheckContext
from carevoice.checks.kinds import Checker, Count, Existence, Preferred
from carevoice.checks.rules import RULES

__all__ = ["TONE_CHECKERS", "Shouting", "shouted_words"]

_CAPS = re.compile(r"(?<![\w@#/.\-])[A-Z][A-Z'’]{3,}(?![\w\-])")
_VOWELS = frozenset("AEIOUY")


def shouted_words(ctx: CheckContext) -> list[re.Match[str]]:
    """All-caps words of four or more letters that are not acronyms.

    An acronym is a listed one (defaults plus the bank's ``tone.acronyms``), a
    word of the brand's display name, or a word without vowels (``HMRC``).
    """
    if _CAPS.search(ctx.text) is None:  # no all-caps word at all (most replies): nothing to look up
        return []
    known = {a.upper() for a in (*ctx.data.acronyms, *ctx.tone.acronyms)}
    if ctx.bank is not None:
        known |= {w.upper() for w in re.findall(r"\w+", ctx.bank.display_name) if w.isupper()}
    out = []
    for m in _CAPS.finditer(ctx.text):
        word = m.group().rstrip("'’")
        bare = re.sub(r"['’]S$", "", word)
        if bare in known or bare.rstrip("S") in known or not _VOWELS & set(bare):
            continue
        out.append(m)
    return out


@dataclass(frozen=True)
class Shouting:
    """Flags all-caps words that are not acronyms (see :func:`shouted_words`)."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per shouted word, suggesting it in lower case."""
        rule = RULES[self.code]
        for m in shouted_words(ctx):
            yield rule.finding(f"{m.group()!r} reads as shouting", span=m.span(), suggestion=m.group().lower())


def _terms(ctx: CheckContext) -> dict[str, str]:
    pairs = dict(ctx.data.preferred)
    if ctx.bank is not None:
        pairs.update(ctx.bank.voice.preferred_terms)
    return pairs


def _banned(ctx: CheckContext) -> list[str]:
    extra = [*ctx.tone.banned_phrases, *(ctx.bank.voice.banned_terms if ctx.bank else ())]
    return [*ctx.data.banned, *extra]


def _asked_where(ctx: CheckContext) -> bool:
    """The post asked where to find something (a pointer is then the answer, not a deflection)."""
    return ctx.reading is not None and ctx.reading.intent == "question" and ctx.reading.category == "general_question"


TONE_CHECKERS: tuple[Checker, ...] = (
    Existence("CV301", lambda c: [*c.data.blame, *c.tone.blame_phrases],
              "{match!r} blames the customer or sounds defensive",
              "own the problem and say what happens next"),
    Existence("CV302", lambda c: [*c.data.sarcasm, *c.tone.sarcasm_phrases],
              "{match!r} reads as sarcasm or anger", "say it plainly and kindly"),
    Existence("CV303", lambda c: c.data.condescension, "{match!r} can talk down to the customer",
              "drop it, or explain the step without judging"),
    Shouting("CV304"),
    Count("CV305", lambda c: [r"re:!"], lambda c: c.tone.max_exclamations, "exclamation marks"),
    Count("CV306", lambda c: c.data.apology, lambda c: c.tone.max_apologies, "apologies"),
    Existence("CV307", lambda c: [*c.data.forbidden_promises, *c.tone.forbidden_promises],
              "{match!r} is a promise the brand cannot keep", "say what you will do, not what will never happen"),
    Preferred("CV308", _terms),
    Existence("CV309", _banned, "{match!r} is a banned term for this brand", "rephrase without it"),
    Existence("CV310", lambda c: () if _asked_where(c) else c.data.deflection,
              "{match!r} points the customer elsewhere instead of helping",
              "give the answer or the one next step yourself"),
    Existence("CV311", lambda c: c.data.breezy if c.reading is not None and c.reading.negative else (),
              "{match!r} is too breezy for an upset customer", "open with the acknowledgement instead"),
)
"""The tone checkers, in code order."""
