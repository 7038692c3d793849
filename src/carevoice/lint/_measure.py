"""Channel lengths for the linter: :func:`carevoice.checks.measure`, cached, with exact shortcuts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from carevoice.bank.resolved import Bank
from carevoice.checks import measure
from carevoice.checks.channels import ChannelProfile, get_channel
from carevoice.checks.sms import GSM7_BASIC, GSM7_EXTENSION

__all__ = ["measure_cached", "surely_fits"]

_X_SPECIAL = re.compile(r"@|://|www\.|\.[A-Za-z]{2}")
_X_PARSED = re.compile(r"@|://|\.\w|[^\x00-\u206f]|[\u203c\u2049]")
"""What only X's full parse counts right: a mention, a URL (a label after a dot), an emoji or its parts."""
_GSM_BASIC = re.compile(r"[A-Za-z0-9 !\"#$%&'()*+,\-./:;<=>?@_]*")
_GSM7 = GSM7_BASIC | GSM7_EXTENSION


def measure_cached(text: str, profile: ChannelProfile) -> int:
    """:func:`carevoice.checks.measure`, with exact shortcuts for plain ASCII text (most phrases)."""
    return _measure_by_id(text, profile.id)  # keyed by id: hashing the frozen model costs more than measuring


@lru_cache(maxsize=65536)
def _measure_by_id(text: str, channel: str) -> int:
    profile = get_channel(channel)
    if profile.unit == "segments":
        if _GSM_BASIC.fullmatch(text):  # GSM-7 basic characters, one septet each (3GPP TS 23.038)
            return 0 if not text else 1 if len(text) <= 160 else -(-len(text) // 153)
        chars = set(text)  # GSM-7 with extension characters (two septets each: the "^" of a sign-off)
        if chars <= _GSM7 and len(text) + sum(text.count(c) for c in chars & GSM7_EXTENSION) <= 160:
            return 1  # one segment when every septet fits in it (not empty: "" is matched above)
    elif text.isascii() and not _X_SPECIAL.search(text):
        # every ASCII character counts 1 in characters, in UTF-8 bytes and in X's weighting (code points
        # below U+1100 weigh 1); only URLs and leading @mentions count differently on X: this text has neither
        return len(text)
    elif profile.unit == "weighted" and not _X_PARSED.search(text) and unicodedata.is_normalized("NFC", text):
        # no @mention, no URL (every URL has a dot before a word character), no emoji (none is below U+2070
        # but those two, and the keycap and variation marks are above): X weighs it code point by code point
        return sum(map(_x_weight, text)) // _x_scale()
    return measure(text, profile)


@lru_cache(maxsize=4096)
def _x_weight(char: str) -> int:
    from carevoice.checks.twitter import _weight, config

    return _weight(ord(char), config())


@lru_cache(maxsize=1)
def _x_scale() -> int:
    from carevoice.checks.twitter import config

    return config().scale


_UNIT_FACTOR = {"chars": 1, "bytes": 4, "weighted": 2}
_URL_WEIGHT = 23


def surely_fits(bank: Bank, texts: Callable[[], list[str]], sign: str, profile: ChannelProfile, limit: int) -> bool:
    """Whether any reply at all fits: an upper bound (longest phrase of each stage, widest units) is in limit.

    ``texts`` gives the worst case of each of the bank's phrases; it is not asked when the bound is over
    the limit whatever they are (each stage adds at least a URL's weight and a space).
    """
    factor = _UNIT_FACTOR.get(profile.unit)
    if factor is None:
        return False
    if len({p.stage for p in bank.phrases}) * (_URL_WEIGHT + 1) + len(sign) * factor + _URL_WEIGHT > limit:
        return False
    longest: dict[str, int] = {}
    for p, t in zip(bank.phrases, texts(), strict=True):
        longest[p.stage] = max(longest.get(p.stage, 0), len(t))
    # every stage once, each character at the widest weight, a URL's fixed weight per part, plus spaces
    bound = sum(n * factor + _URL_WEIGHT + 1 for n in longest.values()) + len(sign) * factor + _URL_WEIGHT
    return bound <= limit
