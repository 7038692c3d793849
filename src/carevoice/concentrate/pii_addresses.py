"""Street addresses, flats, PO boxes and postcodes for :func:`carevoice.concentrate.find_pii`.

Shapes, with their words in ``data/concentrate.yaml`` (``pii``):

- number, name, street word: ``12 Baker Street``, ``221B Baker St.``, ``5 pine road``;
- number, street type, name (French): ``7 rue de la Paix``, ``15 avenue Victor Hugo``;
- street type, name, number (Spanish, Italian, Portuguese): ``Calle Mayor 5``, ``via Roma 10``;
- one-word or two-word street name, number (German, Dutch): ``Hauptstraße 12``,
  ``Berliner Str. 5``, ``Keizersgracht 123``;
- ``Apt 4B``, ``Flat 3``, ``PO Box 1234``, a UK postcode (``SW1A 1AA``), an Irish Eircode (``D15 X2K7``).

A number followed by a count word ("via Twitter 3 times") is not a house number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from carevoice._kinds import PiiKind
from carevoice.concentrate.lexicon import raw_data

__all__ = ["addresses"]

_UNIT = re.compile(r"\b(?:(?i:apt)\.?|(?i:apartment|suite)|Flat|FLAT|Unit|UNIT)\s{0,2}#?\s{0,2}[0-9]{1,5}[A-Za-z]?\b"
                   r"(?!\s(?i:weeks?|days?|months?|years?|hours?|hrs?|mins?|minutes|nights?|times)\b)")
_PO_BOX = re.compile(r"\b(?i:p\.?\s?o\.?\s?box)\s{0,2}[0-9]{1,7}\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}\b")
_HOUSE_NUMBER = re.compile(r"[0-9][A-Za-z]?,? +[A-Za-z]")
"""Cheap check before the street patterns: a number, a space and a word."""
_UNIT_WORDS = ("apt", "apartment", "suite", "flat", "unit", "box")
"""Some of these is in every flat, unit or PO box (lower-cased)."""
_EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)(?P<gap> ?)(?=[0-9AC-FHKNPRTV-Y]{0,3}[0-9])"
                      r"(?=[0-9]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}\b")
"""An Irish Eircode (``D15 X2K7``): a routing key, then four letters and digits, both kinds in the four; written
without the space (``D15X2K7``, like many order references) only where the post says "eircode"."""
_POSTCODE_END = re.compile("[0-9][ABD-HJLNP-UW-Z]{2}")
"""The end of every postcode (a quicker search: it starts with a digit)."""
_NOT_POSTCODE = frozenset({"GB", "TB", "MB", "KB", "PM", "HZ"})
"""Sizes and times that look like an inward postcode ("PS4 1TB")."""
_CAPITAL = r"[A-ZÀ-ÖØ-Þ][\w'\u2019.-]*"
_AFTER_NUMBER = re.compile(r"\s+([a-z]+)")
_NUMBER_START = (r"[0-9](?<!\w[0-9])(?<![0-9][:.][0-9])(?<!(?i:bay|row|pod|car|bus) [0-9])"
                 r"(?<!(?i:spot|stop|gate|room|seat|door|till|pump|zone|lane|dock|pier) [0-9])"
                 r"(?<!(?i:coach|aisle|stand|level|floor|table|berth|cabin) [0-9])(?<!(?i:locker|window) [0-9])"
                 r"(?<!(?i:platform|terminal|checkout) [0-9])")
"""A digit at a word's start (as ``\b[0-9]``, but a search can skip ahead to digits)."""


class _Patterns(NamedTuple):
    capital: re.Pattern[str]
    lower: re.Pattern[str]
    hints: re.Pattern[str]
    stopwords: frozenset[str]
    type_first: re.Pattern[str]
    type_first_hints: re.Pattern[str]
    number_last: re.Pattern[str]
    number_last_hints: re.Pattern[str]
    number_last_words: tuple[str, ...]
    """The words of ``number_last_hints``: it finds nothing in a text that has none of them."""
    compound: re.Pattern[str]
    compound_hints: re.Pattern[str]
    compound_words: tuple[str, ...]


def _alternation(words: list[object]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


def _hints(words: list[object], before: str = "", after: str = "") -> re.Pattern[str]:
    """One search in lower-cased text for the words in their place: a cheap test before a street pattern."""
    return re.compile(before + "(?:" + "|".join(re.escape(str(w).lower()) for w in words) + ")" + after)


@cache
def _patterns() -> _Patterns:
    data = raw_data()["pii"]
    suffixes = _alternation(data["street_suffixes"])
    plain = _alternation(data["plain_suffixes"])
    particles = _alternation(data["name_particles"])
    first = _alternation(data["street_types_first"])
    last = _alternation(data["street_types_number_last"])
    endings = _alternation(data["street_word_endings"])
    separate = _alternation(data["separate_street_words"])
    name = rf"(?:(?i:{particles})\s*)*{_CAPITAL}(?:\s+(?:(?i:{particles})\s*)*{_CAPITAL}){{0,2}}"
    return _Patterns(
        # (not a subway station named for a numbered street: "the gap at 14 St-Union Sq")
        capital=re.compile(rf"{_NUMBER_START}[0-9]{{0,4}}[A-Za-z]?(?![ ]+St-)"
                           rf"(?:,?[ ]+[A-Z][A-Za-z'\u2019.-]*){{1,3}}[ ]+(?i:{suffixes})\b\.?"),
        lower=re.compile(rf"{_NUMBER_START}[0-9]{{0,4}}[a-z]?((?:[ ]+[a-z]{{3,}}){{1,2}})[ ]+(?:{plain})\b\.?"),
        hints=_hints(data["plain_suffixes"], " "),
        stopwords=frozenset(str(w).lower() for w in data["not_street_names"]),
        type_first=re.compile(rf"{_NUMBER_START}[0-9]{{0,3}}(?:\s?(?i:bis|ter))?,?\s+(?i:{first})\s+{name}"),
        type_first_hints=_hints(data["street_types_first"], "[0-9][a-z]*,? +", r"\s"),
        number_last=re.compile(rf"(?<![\w.])(?i:{last})\s+{name},?\s+[0-9]{{1,4}}[A-Za-z]?\b"),
        number_last_hints=_hints(data["street_types_number_last"], r"(?<![\w.])", r"\s"),
        number_last_words=tuple(str(w).lower() for w in data["street_types_number_last"]),
        compound=re.compile(rf"\b[A-ZÄÖÜ][\w-]*?(?i:{endings})\s+[0-9]{{1,4}}[a-z]?\b|"
                            rf"\b[A-ZÄÖÜ][\w-]+\s+(?i:{separate})\s+[0-9]{{1,4}}[a-z]?\b"),
        compound_hints=_hints(data["street_word_endings"], "", r"\s+[0-9]"),
        compound_words=tuple(str(w).lower() for w in data["street_word_endings"]),
    )


def _counted(text: str, end: int, stopwords: frozenset[str]) -> bool:
    """Tell whether the number ending at ``end`` counts something ("3 times", "2 days")."""
    after = _AFTER_NUMBER.match(text, end)
    return bool(after and after.group(1) in stopwords)


def addresses(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    """Spans of street addresses, flats, PO boxes and postcodes in ``text`` (which has a digit)."""
    p = _patterns()
    low = text.lower()
    if _HOUSE_NUMBER.search(text):
        for m in p.capital.finditer(text):
            yield "address", m.start(), m.end()
        if p.hints.search(low):
            for m in p.lower.finditer(text):
                if not any(word in p.stopwords for word in m.group(1).split()):
                    yield "address", m.start(), m.end()
        if p.type_first_hints.search(low):
            for m in p.type_first.finditer(text):
                yield "address", m.start(), m.end()
    if any(map(low.__contains__, p.number_last_words)) and p.number_last_hints.search(low):
        for m in p.number_last.finditer(text):
            if not _counted(text, m.end(), p.stopwords):
                yield "address", m.start(), m.end()
    if any(map(low.__contains__, p.compound_words)) and p.compound_hints.search(low):
        for m in p.compound.finditer(text):
            if not _counted(text, m.end(), p.stopwords):
                yield "address", m.start(), m.end()
    if any(map(low.__contains__, _UNIT_WORDS)):
        for pattern in (_UNIT, _PO_BOX):
            for m in pattern.finditer(text):
                yield "address", m.start(), m.end()
    for m in _EIRCODE.finditer(text):
        if m.group("gap") or "eircode" in low:
            yield "address", m.start(), m.end()
    if _POSTCODE_END.search(text) is not None:
        for m in _POSTCODE.finditer(text):
            if m.group()[-2:] not in _NOT_POSTCODE:
                yield "address", m.start(), m.end()
