"""X (Twitter) weighted length, as twitter-text config v3 counts it.

The text is NFC-normalised; each code point weighs what the config's ranges
say (Latin and general punctuation 1, everything else, CJK included, 2); a
URL weighs ``transformedURLLength`` (23) however long it is; with emoji
parsing on, one emoji sequence (ZWJ family, flag, keycap, skin tone, tag
sequence) weighs the default weight (2) as one unit. A reply's leading
``@mentions`` are not counted (:func:`reply_length`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from carevoice._plain import PLAIN, restored_class

if TYPE_CHECKING:
    from carevoice.checks._data_models import TwitterConfig

__all__ = ["TweetLength", "TwitterConfig", "config", "emoji_spans", "parse_tweet", "reply_length", "url_spans"]

_CONFIG = "carevoice.checks._data_models:TwitterConfig"


def __getattr__(name: str) -> Any:
    if name == "TwitterConfig":  # the model imports pydantic: only when asked for
        from carevoice.checks._data_models import TwitterConfig

        return TwitterConfig
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TweetLength(NamedTuple):
    """The weighted length of a post, whether X would accept it, and the permillage of the limit."""

    weighted_length: int
    valid: bool
    permillage: int


def config() -> TwitterConfig:
    """Return the shipped config (twitter-text v3; read once, then kept in the user cache)."""
    return _config(PLAIN[0])


@lru_cache(maxsize=2)
def _config(plain: bool) -> TwitterConfig:
    """:func:`config`, once as a pydantic model and once as its plain twin (see :mod:`carevoice._plain`)."""
    from carevoice._cache import cached_build, data_file, models_stamp

    return cached_build("twitter-text", [data_file("twitter_text.yaml"), Path(__file__)], _read_config,
                        lambda value: type(value) is restored_class(_CONFIG), stamp=models_stamp())


def _read_config() -> TwitterConfig:
    from importlib.resources import files  # only a cache miss reads the data file

    import yaml

    from carevoice.checks._data_models import TwitterConfig

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(files("carevoice.data").joinpath("twitter_text.yaml").read_text(encoding="utf-8"), Loader=loader)
    return TwitterConfig.model_validate(raw)


# Emoji: a compact approximation of twitter-text's (twemoji) emoji regex.
_PICTO = (
    "\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa"
    "\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"
    "\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_MODIFIER = "[\U0001f3fb-\U0001f3ff]"
_TAGS = "[\U000e0020-\U000e007e]+\U000e007f"
_ELEMENT = f"(?:[\u00a9\u00ae]\ufe0f|[{_PICTO}](?:\ufe0f|{_TAGS})?{_MODIFIER}?\ufe0f?)"
_EMOJI = re.compile(f"[\U0001f1e6-\U0001f1ff]{{2}}|[0-9#*]\ufe0f?\u20e3|{_ELEMENT}(?:\u200d{_ELEMENT})*")

# URLs: a liberal candidate, validated label by label (a label is at most 63 characters, punycoded).
_BIDI = "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
_URL = re.compile(
    rf"(?<![\w@$#.\-/])(?P<proto>https?://)?(?P<host>[^\s{_BIDI}/?#:!,;'\"()<>\[\]{{}}|@]+(?<!\.))"
    rf"(?P<port>:\d{{1,5}})?(?P<path>[/?#][^\s{_BIDI}]*)?",
    re.IGNORECASE,
)
_TRAILING = ".,!?;:'\")]}"
_GENERIC_TLDS = frozenset({
    "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "ly", "tv", "ai", "app",
    "dev", "shop", "store", "online", "site", "xyz", "link", "page", "news", "blog", "cloud", "tech", "help",
    "support", "travel", "airline", "bank",
})
"""Top-level domains linked without ``http://``; other two-letter (country) domains need a path."""
_LABEL = re.compile(r"^(?!-)[\w-]+(?<!-)$")
_INVALID = frozenset("\ufffe\ufeff\uffff")


def _label_ok(label: str) -> bool:
    if not label or len(label) > 63 or not _LABEL.match(label):
        return False
    if label.isascii():
        return True
    try:
        return len("xn--" + label.encode("punycode").decode("ascii")) <= 63
    except UnicodeError:
        return False


def _valid_url(m: re.Match[str]) -> bool:
    labels = m["host"].split(".")
    if len(labels) < 2 or not all(_label_ok(x) for x in labels):
        return False
    tld = labels[-1].lower()
    if m["proto"]:
        return len(tld) >= 2 and tld.isalpha()
    return tld in _GENERIC_TLDS or (len(tld) == 2 and tld.isascii() and tld.isalpha() and bool(m["path"]))


_DOT_LABEL = re.compile(r"\.\w")
"""A URL's host has two labels or more, and a label starts with a word character: no match, no URL."""


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the URLs X would shorten, in order."""
    spans: list[tuple[int, int]] = []
    if not _DOT_LABEL.search(text):
        return spans
    for m in _URL.finditer(text):
        if not _valid_url(m):
            continue
        end = m.end()
        while end > m.end("host") and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((m.start(), end))
    return spans


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of emoji sequences (each weighs as one unit)."""
    return [m.span() for m in _EMOJI.finditer(text)]


@lru_cache(maxsize=8)
def _run_of(start: int, end: int) -> re.Pattern[str]:
    """One or more characters from ``start`` to ``end`` (code points, inclusive)."""
    return re.compile(f"[\\U{start:08x}-\\U{end:08x}]+")


def _weight(cp: int, cfg: TwitterConfig) -> int:
    for r in cfg.ranges:
        if r.start <= cp <= r.end:
            return r.weight
    return cfg.defaultWeight


def parse_tweet(text: str, cfg: TwitterConfig | None = None) -> TweetLength:
    """Weighted length, validity and permillage of ``text`` under a twitter-text config (default v3)."""
    cfg = cfg or config()
    text = unicodedata.normalize("NFC", text)
    units: dict[int, tuple[int, int]] = {s: (e, cfg.transformedURLLength * cfg.scale) for s, e in url_spans(text)}
    if cfg.emojiParsingEnabled:
        covered = [(s, e) for s, (e, _) in units.items()]
        for s, e in emoji_spans(text):
            if not any(a <= s < b for a, b in covered):
                units[s] = (e, cfg.defaultWeight)
    first = cfg.ranges[0] if cfg.ranges else None
    run = _run_of(first.start, first.end) if first is not None else None
    starts = sorted(units)
    total, i = 0, 0
    while i < len(text):
        unit = units.get(i)
        if unit is not None:
            i, weight = unit
            total += weight
            continue
        if run is not None and first is not None:  # characters of the first range weigh its weight, up to a unit
            k = bisect_right(starts, i)
            found = run.match(text, i, starts[k] if k < len(starts) else len(text))
            if found is not None:
                total += (found.end() - i) * first.weight
                i = found.end()
                continue
        total += _weight(ord(text[i]), cfg)
        i += 1
    length = total // cfg.scale
    valid = 0 < length <= cfg.maxWeightedTweetLength and _INVALID.isdisjoint(text)
    return TweetLength(length, valid, length * 1000 // cfg.maxWeightedTweetLength)


_LEADING_MENTIONS = re.compile(r"^(?:\s*@\w{1,15})+\s*")


def reply_length(text: str) -> int:
    """Return the weighted length of a reply on X: leading ``@mentions`` are not counted."""
    return parse_tweet(_LEADING_MENTIONS.sub("", text, count=1)).weighted_length
