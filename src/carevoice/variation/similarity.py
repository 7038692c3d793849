"""How two replies are compared: cleaning, the configurable scorer and the strict audit measure.

A reply is compared without what a reader skips: @mentions, links and the
agent's sign-off ("^AB", "- Sam", "2/2"), then with rapidfuzz's default
processing (lower case, punctuation to spaces). The default measure is
``token_set_ratio``; the strict measure is the one behind the published
12.5% repetition figure (``token_set_ratio >= 90`` on cleaned text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

from rapidfuzz import fuzz, utils

from carevoice.errors import UnknownChoiceError

__all__ = ["SCORERS", "STRICT_SCORER", "STRICT_THRESHOLD", "Scorer", "clean", "get_scorer", "similarity"]

Scorer = Callable[..., float]

SCORERS: tuple[str, ...] = ("QRatio", "WRatio", "partial_ratio", "partial_token_set_ratio",
                            "partial_token_sort_ratio", "ratio", "token_ratio", "token_set_ratio",
                            "token_sort_ratio")
"""The rapidfuzz.fuzz scorers a bank may choose as its measure."""

STRICT_SCORER = "token_set_ratio"
STRICT_THRESHOLD = 90.0

_MENTION = re.compile(r"@\w+")
_URL = re.compile(r"https?://\S+")
_SIGN_OFF = re.compile(r"(\s*([\^\-\*~]\s*[A-Z][A-Za-z]{0,2}|-\s*[A-Z][a-z]+( [A-Z]\.?)?|\d/\d))+\s*$")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Text as compared for repetition: no mentions, links or sign-off; rapidfuzz default processing."""
    text = _URL.sub(" ", _MENTION.sub(" ", text))
    return utils.default_process(_SIGN_OFF.sub("", text).strip())


def get_scorer(name: str) -> Scorer:
    """The rapidfuzz scorer of this name; an unknown name lists the known ones."""
    if name not in SCORERS:
        raise UnknownChoiceError("similarity scorer", name, SCORERS)
    return cast(Scorer, getattr(fuzz, name))


def similarity(a: str, b: str, scorer: str = STRICT_SCORER) -> float:
    """Similarity (0-100) of two raw reply texts after cleaning, by the named scorer."""
    fn: Any = get_scorer(scorer)
    return float(fn(clean(a), clean(b), processor=None))
