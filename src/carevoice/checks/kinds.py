"""Reusable rule kinds: existence of phrases, preferred forms and counts (proselint-style).

A checker is a callable ``(CheckContext) -> Iterator[Finding]`` with a ``code``;
each kind reads its phrase lists from the context, so banks extend them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from carevoice.checks.context import CheckContext, compile_phrases
from carevoice.checks.rules import RULES
from carevoice.draft import Finding

__all__ = ["Checker", "Count", "Existence", "Preferred", "find_all"]

Phrases = Callable[[CheckContext], Sequence[str]]


class Checker(Protocol):
    """A rule's mechanism: yields findings for one reply."""

    @property
    def code(self) -> str:
        """The code of the rule this checker implements."""
        ...

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield the findings of this rule for the reply in ``ctx``."""
        ...


@lru_cache(maxsize=256)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of all the phrases: a quick test before the exact per-phrase scan."""
    patterns = compile_phrases(phrases)
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _uncased(char: str) -> bool:
    return char.lower() == char == char.upper()


Screen = tuple[tuple[tuple[re.Pattern[str], str | None], ...], re.Pattern[str] | None, int]


@lru_cache(maxsize=256)
def _screen(phrases: tuple[str, ...]) -> Screen:
    """A quicker test than :func:`_any_of`: each phrase's pattern with a word it must start with, and the rest.

    A plain phrase (not ``re:``) matches only where its first word does, up to its first apostrophe
    (which may be either ``'`` or ``’``); that start, lower-cased, is the needle, when each of its
    characters is ASCII or has no case (else None). The phrases without a needle make the alternation
    returned alongside (None when there are none), and how many have no needle. Patterns come in
    :func:`compile_phrases` order.
    """
    patterns = compile_phrases(phrases)
    entries = [phrase for phrase in phrases if phrase.strip()]  # the phrases compile_phrases compiles
    screened: list[tuple[re.Pattern[str], str | None]] = []
    rest: list[str] = []
    for phrase, pattern in zip(entries, patterns, strict=True):
        entry = phrase.strip()
        needle = "" if entry.startswith("re:") else entry.split()[0].split("'")[0]
        if needle and all(c.isascii() or _uncased(c) for c in needle):
            screened.append((pattern, needle.lower()))
        else:
            screened.append((pattern, None))
            rest.append(phrase)
    return tuple(screened), _any_of(tuple(rest)), len(rest)


@lru_cache(maxsize=4096)
def _lowered(text: str) -> str | None:
    """The text in lower case when case-insensitive matching of ASCII letters and lower() agree on it.

    They agree unless the text has a cased letter outside ASCII (``ſ`` matches ``s``, ``K`` matches ``k``...).
    """
    if text.isascii() or all(c.isascii() or _uncased(c) for c in text):
        return text.lower()
    return None


def find_all(text: str, phrases: Sequence[str]) -> list[re.Match[str]]:
    """Every match of the phrases in ``text``, by position, without overlaps (the longest wins)."""
    key = tuple(phrases)
    quick = _any_of(key)
    if quick is None:
        return []
    low = _lowered(text)
    patterns: Sequence[re.Pattern[str]]
    if low is not None:  # a phrase whose needle is not in the text cannot match: scan only the others
        screened, rest, unscreened = _screen(key)
        patterns = [p for p, needle in screened if needle is None or needle in low]
        if len(patterns) == unscreened and (rest is None or rest.search(text) is None):
            return []  # no needle found and no other phrase matching: none matches (exactly as quick)
    elif quick.search(text) is None:
        return []
    else:
        patterns = compile_phrases(key)
    found = sorted((m for p in patterns for m in p.finditer(text) if m.end() > m.start()),
                   key=lambda m: (m.start(), -m.end()))
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


@dataclass(frozen=True)
class Existence:
    """Flags every occurrence of a listed phrase; ``message`` may use ``{match}``."""

    code: str
    phrases: Phrases
    message: str
    suggestion: str | None = None

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per occurrence."""
        rule = RULES[self.code]
        for m in find_all(ctx.text, self.phrases(ctx)):
            yield rule.finding(self.message.format(match=m.group()), span=m.span(), suggestion=self.suggestion)


@dataclass(frozen=True)
class Preferred:
    """Flags a discouraged form and suggests the preferred one (``{discouraged: preferred}``)."""

    code: str
    pairs: Callable[[CheckContext], Mapping[str, str]]

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per discouraged form, with the preferred form as suggestion."""
        rule = RULES[self.code]
        pairs = {k.lower(): v for k, v in self.pairs(ctx).items()}
        for m in find_all(ctx.text, list(pairs)):
            good = pairs.get(" ".join(m.group().lower().split()).replace("’", "'"))
            if good is None:
                continue
            yield rule.finding(f"prefer {good!r} to {m.group()!r}", span=m.span(), suggestion=good)


@dataclass(frozen=True)
class Count:
    """Flags more than ``limit`` occurrences (``noun`` is plural); spans the first extra one to the last."""

    code: str
    phrases: Phrases
    limit: Callable[[CheckContext], int]
    noun: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """At most one finding: how many there are and how many are allowed."""
        found = find_all(ctx.text, self.phrases(ctx))
        limit = self.limit(ctx)
        if len(found) > limit:
            yield RULES[self.code].finding(
                f"{len(found)} {self.noun}; at most {limit} per reply",
                span=(found[limit].start(), found[-1].end()),
            )
