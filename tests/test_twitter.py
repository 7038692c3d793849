"""X weighted length: the official twitter-text conformance cases and our own."""

from __future__ import annotations

import json
import random
import unicodedata

import pytest
import yaml
from conftest import SHARED_DATA

from carevoice.checks.twitter import (
    TweetLength,
    TwitterConfig,
    config,
    emoji_spans,
    parse_tweet,
    reply_length,
    url_spans,
)

TT = SHARED_DATA / "twitter-text"
SECTIONS = {  # section -> the config the reference implementation runs it with
    "WeightedTweetsCounterTest": "v2",
    "WeightedTweetsWithDiscountedEmojiCounterTest": "v3",
    "UnicodeDirectionalMarkerCounterTest": "v3",
}


def _cases() -> list[tuple[str, str, str, dict[str, object]]]:
    path = TT / "conformance" / "validate.yml"
    if not path.is_file():
        return []
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    return [(section, c["description"], c["text"], c["expected"]) for section in SECTIONS for c in tests[section]]


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="twitter-text conformance data is not available")
@pytest.mark.parametrize(("section", "description", "text", "expected"), CASES,
                         ids=[f"{s}:{d}" for s, d, _, _ in CASES])
def test_conformance(section: str, description: str, text: str, expected: dict[str, object]) -> None:
    cfg = TwitterConfig.model_validate(json.loads((TT / "config" / f"{SECTIONS[section]}.json").read_text()))
    got = parse_tweet(text, cfg)
    assert (got.weighted_length, got.valid, got.permillage) == (
        expected["weightedLength"], expected["valid"], expected["permillage"]), description


@pytest.mark.skipif(not TT.is_dir(), reason="twitter-text config is not available")
def test_shipped_config_matches_official_v3() -> None:
    official = TwitterConfig.model_validate(json.loads((TT / "config" / "v3.json").read_text()))
    assert config() == official


OWN = [
    ("", 0),
    ("Hello", 5),
    ("Thanks, Ann.", 12),
    ("café", 4),
    ("cafe\u0301", 4),                      # NFC: e + combining acute is one character
    ("日本", 4),                             # CJK weighs 2
    ("❤️", 2),                               # heart + VS16: one emoji
    ("👍🏽", 2),                               # skin tone modifier
    ("🇬🇧", 2),                               # flag: two regional indicators
    ("#️⃣", 2),                              # keycap
    ("👩‍💻 ok", 5),                          # ZWJ sequence
    ("©", 1),                                # text-style symbol below U+1100
    ("See https://example.com/a/very/long/path?with=query", 27),
    ("See example.com.", 28),
    ("Go to www.example.co.uk/help now", 33),
    ("Not a link: e.g. this", 21),
    ("Version 1.2.3", 13),
    ("x" * 280, 280),
]


@pytest.mark.parametrize(("text", "length"), OWN)
def test_own_cases(text: str, length: int) -> None:
    assert parse_tweet(text).weighted_length == length


def test_url_spans_drop_trailing_punctuation() -> None:
    text = "Track it at https://example.com/track."
    (start, end), = url_spans(text)
    assert text[start:end] == "https://example.com/track"


@pytest.mark.parametrize(("text", "length"), [
    ("@ann thanks!", 7),
    ("@ann @bob_99 thanks!", 7),
    ("thanks @ann!", 12),                    # only leading mentions are free
    ("@ann", 0),
])
def test_reply_length_skips_leading_mentions(text: str, length: int) -> None:
    assert reply_length(text) == length


def test_invalid_characters_make_a_post_invalid() -> None:
    assert parse_tweet("ok\ufffe").valid is False
    assert parse_tweet("ok").valid is True
    assert parse_tweet("").valid is False


def _weighed_one_by_one(text: str) -> TweetLength:
    """parse_tweet as it weighed every character on its own (the reference for its runs of the first range)."""
    cfg = config()
    text = unicodedata.normalize("NFC", text)
    units = {s: (e, cfg.transformedURLLength * cfg.scale) for s, e in url_spans(text)}
    covered = [(s, e) for s, (e, _) in units.items()]
    for s, e in emoji_spans(text):
        if cfg.emojiParsingEnabled and not any(a <= s < b for a, b in covered):
            units[s] = (e, cfg.defaultWeight)
    total, i = 0, 0
    while i < len(text):
        unit = units.get(i)
        if unit is not None:
            i, weight = unit
            total += weight
            continue
        cp = ord(text[i])
        total += next((r.weight for r in cfg.ranges if r.start <= cp <= r.end), cfg.defaultWeight)
        i += 1
    length = total // cfg.scale
    valid = 0 < length <= cfg.maxWeightedTweetLength and not any(c in "\ufffe\ufeff\uffff" for c in text)
    return TweetLength(length, valid, length * 1000 // cfg.maxWeightedTweetLength)


def test_runs_of_the_first_range_weigh_what_each_character_does() -> None:
    pieces = [*"abc XYZ.,!?-@#", "https://t.co/abc ", "www.example.com/x ", "example.com ", "😷", "👨‍👩‍👧", "🇬🇧",
              "1️⃣", "日本", "é", "e\u0301", "\u2013", "\u2019", "\u200b", "\ufeff", "\u2000", "\u2030", "\U0001f600",
              "\x00", "\u10ff\u1100", "\u1100"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert parse_tweet(text) == _weighed_one_by_one(text), text
