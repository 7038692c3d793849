"""Reusable rule kinds: existence of phrases, preferred forms and counts (proselint-style).

A checker is a callable ``(CheckContext) -> Iterator[Finding]`` with a ``code``;
each kind reads its phrase lists from the context, so banks extend them.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from carevoice._plain import Finding
from carevoice.checks.context import CheckContext, compile_phrases
from carevoice.checks.rules import RULES

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


Screen = tuple[tuple[re.Pattern[str], ...], tuple[tuple[str, int], ...], tuple[int, ...], re.Pattern[str] | None]


@lru_cache(maxsize=256)
def _screen(phrases: tuple[str, ...]) -> Screen:
    """A quicker test than :func:`_any_of`: for each phrase a few strings one of which its every match holds.

    Returns the patterns (in :func:`compile_phrases` order), the needles as (lower-cased string,
    pattern number) pairs, the numbers of the patterns without a needle, and the alternation of
    those (None when there are none). A needle is a run of literal characters every match of the
    pattern contains (see :func:`_needles`), or one of a few such runs; it is kept only when each of
    its characters is ASCII or has no case, so that on a text :func:`_lowered` leaves alone, a
    pattern none of whose needles is in the lower-cased text cannot match.
    """
    patterns = compile_phrases(phrases)
    entries = [phrase for phrase in phrases if phrase.strip()]  # the phrases compile_phrases compiles
    needles: list[tuple[str, int]] = []
    rest: list[int] = []
    for i, pattern in enumerate(patterns):
        found = _needles(pattern)
        if found is None:
            rest.append(i)
        else:
            needles += [(needle, i) for needle in found]
    return patterns, tuple(needles), tuple(rest), _any_of(tuple(entries[i] for i in rest))


def _needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match of ``pattern`` holds (the most telling), or None.

    On the command line, the needles earlier runs of the same command and bank found are read
    from the user cache (:func:`_stored_needles`): parsing the ~100 patterns again took some 4 ms.
    """
    key = (pattern.pattern, pattern.flags)
    stored = _stored_needles()
    if key in stored:
        return stored[key]
    found = _parsed_needles(pattern)
    if _needle_store_name() is not None:
        _learnt_needles[key] = found
    return found


def _parsed_needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
        tree = parser.parse(pattern.pattern, pattern.flags)
        return _best(_required(parser, list(tree)))
    except Exception:  # an unexpected tree (another Python's parser): scan the pattern on every text
        return None


def _required(parser: Any, items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """Sets of strings (as tuples) of which every match of the parsed ``items`` holds one, each set."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, arg in items:
        if op is parser.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            out.append(("".join(run),))
            run = []
        if op is parser.SUBPATTERN:
            out += _required(parser, list(arg[-1]))
        elif op is getattr(parser, "ATOMIC_GROUP", None):
            out += _required(parser, list(arg))
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1:
            out += _required(parser, list(arg[2]))
        elif op is parser.BRANCH:
            alternatives = [_best(_required(parser, list(branch))) for branch in arg[1]]
            if all(alternatives):
                out.append(tuple(dict.fromkeys(s for a in alternatives if a for s in a)))
        # anything else (a boundary, a lookaround, a class, a back reference...) holds no known string
    if run:
        out.append(("".join(run),))
    return out


def _best(sets: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The most telling of the sets whose strings all lower-case safely (longest shortest string, fewest)."""
    usable = [tuple(s.lower() for s in strings) for strings in sets
              if all(s and all(c.isascii() or _uncased(c) for c in s) for s in strings)]
    if not usable:
        return None
    return max(usable, key=lambda strings: (min(map(len, strings)), -len(strings)))


_NEEDLE_LIMIT = 4000
"""At most this many patterns in one user-cache entry of needles."""
_learnt_needles: dict[tuple[str, int], tuple[str, ...] | None] = {}


@lru_cache(maxsize=1)
def _needle_store_name() -> str | None:
    """The user-cache entry of the needles earlier runs of this command and bank found.

    Needles depend on the pattern, Python's regular-expression parser and this module, so
    the name holds the Python version and build and this module's text. None outside a
    command-line run.
    """
    from pathlib import Path

    from carevoice._cache import run_context
    from carevoice._hash import sha256

    context = run_context()
    if context is None:
        return None
    try:
        key = f"{sys.version}|{sys.implementation.cache_tag}|{context}"
        digest = sha256(key.encode() + b"\0" + Path(__file__).read_bytes())
    except OSError:
        return None
    return f"needles-{digest.hexdigest()[:32]}.pickle"


@lru_cache(maxsize=1)
def _stored_needles() -> dict[tuple[str, int], tuple[str, ...] | None]:
    """Needles stored by earlier runs ((pattern, flags) -> needles or None); empty when there are none."""
    from carevoice._cache import on_flush, read_pickle

    name = _needle_store_name()
    if name is None:
        return {}
    on_flush(_store_needles, learnt=(name, _learnt_needles))
    entry = read_pickle(name)
    if type(entry) is not dict or not all(_valid_needles(k, v) for k, v in entry.items()):
        return {}  # a damaged or foreign entry: parse again
    return entry


def _valid_needles(key: object, value: object) -> bool:
    return (type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is int
            and (value is None or (type(value) is tuple and len(value) > 0
                                   and all(type(s) is str and s for s in value))))


def _store_needles() -> None:
    """Add the needles this run found to the user-cache entry (called once, at the end of a run)."""
    from carevoice._cache import add_learnt

    add_learnt(_needle_store_name(), _stored_needles, _learnt_needles, _NEEDLE_LIMIT)


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
    if low is not None:  # a phrase none of whose needles is in the text cannot match: scan only the others
        compiled, needles, rest, others = _screen(key)
        hit = {i for needle, i in needles if needle in low}
        if not hit and (others is None or others.search(text) is None):
            return []  # no needle found and no other phrase matching: none matches (exactly as quick)
        patterns = [compiled[i] for i in sorted(hit.union(rest))]
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
