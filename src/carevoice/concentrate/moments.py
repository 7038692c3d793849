"""Moments: the dates and times a post mentions ("28 of march", "on Monday", "3pm").

Conservative like every detail: a bare "may" is a verb, "7/10" is a rating
unless "on"/"since"/"by" comes before it, "2:35" is a video position unless
"at"/"since"/"around" comes before it and no "in the video" follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import NamedTuple

__all__ = ["AGE_AFTER", "WORD_TRIGGERS", "Found", "dates", "times"]


class Found(NamedTuple):
    """A detail's value and where it stands in the post."""

    value: str
    start: int
    end: int


_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS = rf"(?:{_MONTH_NAMES}|may(?=\s*(?:[,.!?)]|$|[0-9])))"
"""Month names; "may" only where it cannot be the verb ("28 May", "May 28", "may 2020")."""
_MONTHS_FULL = ("january", "february", "march", "april", "may", "june", "july", "august", "september")
_MONTH_WORDS = frozenset([*_MONTHS_FULL, "october", "november", "december", "sept"]) | {
    m[:3] for m in (*_MONTHS_FULL, "october", "november", "december")
}
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_RELATIVE = frozenset(["yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week"])
WORD_TRIGGERS = _WEEKDAYS | _RELATIVE
"""Words that can make a date without any digit ("on Monday", "yesterday")."""
_WORD_DATES = (
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTHS}\b(?:,?\s+[0-9]{{4}}\b)?", re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\s+{_DAY}\b(?:,?\s+[0-9]{{4}}\b)?", re.IGNORECASE),
)
_SLASH_DATES = (
    re.compile(r"\b(?:3[01]|[12][0-9]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])/(?:[0-9]{4}|[0-9]{2})\b(?![/.-]?[0-9])"),
    re.compile(
        r"\b(?:on|since|from|until|till|by)\s+(?P<v>(?:3[01]|[12][0-9]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9]))"
        r"\b(?![/.-]?[0-9])",
        re.IGNORECASE,
    ),
)
AGE_AFTER = re.compile(r"\s+(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|mins?|minutes?)\b", re.IGNORECASE)
"""A time unit after a number ("2 years ago"): the number is an age, so "Minecraft 2 years ago" names no
"Minecraft 2" (the subject and ``details.product`` both test it)."""
_ISO_DATE = re.compile(r"\b[0-9]{4}-(?:1[0-2]|0[1-9])-(?:3[01]|[12][0-9]|0[1-9])\b")
_WEEKDAY_DATE = re.compile(
    r"\b(?:on|last|this|next|since|until|till|by)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tonight|(?:this|last)\s+(?:morning|afternoon|evening|night|week))\b", re.IGNORECASE
)
_AMPM = re.compile(r"\b(?:1[0-2]|0?[1-9])(?::[0-5][0-9])?\s?(?i:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])")
_CLOCK = (
    re.compile(r"\b(?:[01]?[0-9]|2[0-3]):[0-5][0-9]\s?(?i:h|hrs|gmt|utc|bst|cet|est|edt|pst|pdt|cst|cdt)\b"),
    re.compile(
        r"\b(?:at|around|about|by|since|until|till|before|after|from)\s+"
        r"(?P<v>(?:[01]?[0-9]|2[0-3]):[0-5][0-9])\b(?!:[0-9])(?!\s+(?:in|into|of)\b)",
        re.IGNORECASE,
    ),
    # a departure named by its time: "the 17:32 from Leeds", "my 08:15 to Euston", "the 10:30 Euston to Glasgow",
    # "the 5:12 Hutt Valley from Wellington"
    re.compile(r"\b(?:the|my|our|this|that|today's|tonight's)\s+(?P<v>(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9])\b"
               r"(?=\s+(?:from|to|train|service|bus|departure|flight|out|into)\b|\s+\w+(?:\s+\w+)?\s+(?:to|from|-|–)\s)",
               re.IGNORECASE),
    # a departure with no article, named by its time and route: "07:32 Brighton to Victoria cancelled AGAIN"
    re.compile(r"(?<![\w:.])(?P<v>(?:[01][0-9]|2[0-3])[:.][0-5][0-9])(?![\w:.])"
               r"(?=\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:to|-|–)\s+[A-Z])"),
)
_DIGIT_AMPM = re.compile(r"[0-9][ap]m\b")
_HHMM = re.compile(r"[0-9][:.][0-5][0-9]")


def _matches(text: str, patterns: Iterable[re.Pattern[str]]) -> Iterator[Found]:
    for pattern in patterns:
        group = "v" if "v" in pattern.groupindex else 0
        for m in pattern.finditer(text):
            yield Found(" ".join(m.group(group).split()), m.start(group), m.end(group))


def dates(text: str, words: AbstractSet[str], has_digit: bool) -> Iterator[Found]:
    """Yield the dates in ``text``, most specific forms first.

    ``words`` are the post's lower-case tokens; forms whose words are absent
    are skipped without running their patterns.
    """
    if has_digit and not _MONTH_WORDS.isdisjoint(words):
        yield from _matches(text, _WORD_DATES)
    if has_digit and "/" in text:
        yield from _matches(text, _SLASH_DATES)
    if has_digit and "-" in text:
        yield from _matches(text, (_ISO_DATE,))
    if not _WEEKDAYS.isdisjoint(words):
        yield from _matches(text, (_WEEKDAY_DATE,))
    if not _RELATIVE.isdisjoint(words):
        yield from _matches(text, (_RELATIVE_DATE,))


def times(text: str, low: str, words: AbstractSet[str]) -> Iterator[Found]:
    """Yield the clock times in ``text`` ("3pm", "3:30 p.m.", "at 14:30", "14:30 GMT")."""
    if "am" in words or "pm" in words or "a.m" in low or "p.m" in low or _DIGIT_AMPM.search(low):
        yield from _matches(text, (_AMPM,))
    if (":" in text or "." in text) and _HHMM.search(text):
        yield from _matches(text, _CLOCK)
