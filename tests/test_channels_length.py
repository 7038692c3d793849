"""Channel units (weighted, chars, bytes, SMS segments) and the length finding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.checks import check, length_report, measure
from carevoice.checks.channels import channel_ids, channels, get_channel
from carevoice.checks.sms import sms_info
from carevoice.errors import UnknownChoiceError


@pytest.mark.parametrize(("text", "encoding", "units", "segments"), [
    ("", "gsm7", 0, 0),
    ("Hello", "gsm7", 5, 1),
    ("x" * 160, "gsm7", 160, 1),
    ("x" * 161, "gsm7", 161, 2),
    ("x" * 306, "gsm7", 306, 2),
    ("x" * 307, "gsm7", 307, 3),
    ("€" * 80, "gsm7", 160, 1),               # extension table: two septets each
    ("€" * 81, "gsm7", 162, 2),
    ("x" * 152 + "€", "gsm7", 154, 1),
    ("It’s", "ucs2", 4, 1),                   # one curly apostrophe forces UCS-2
    ("é" * 70, "gsm7", 70, 1),                # é is in the GSM-7 alphabet
    ("ł" * 70, "ucs2", 70, 1),
    ("ł" * 71, "ucs2", 71, 2),
    ("ł" * 134, "ucs2", 134, 2),
    ("ł" * 135, "ucs2", 135, 3),
    ("😀" * 35, "ucs2", 70, 1),               # surrogate pairs: two code units each
    ("ł" * 66 + "😀", "ucs2", 68, 1),
])
def test_sms_segments(text: str, encoding: str, units: int, segments: int) -> None:
    assert sms_info(text) == (encoding, units, segments)


def test_a_character_never_straddles_segments() -> None:
    assert sms_info("x" * 152 + "€" + "x" * 152) == ("gsm7", 306, 3)     # 2 x 153 septets, but split
    assert sms_info("x" * 153 + "x" * 153) == ("gsm7", 306, 2)
    assert sms_info("ł" * 66 + "😀" + "ł" * 66) == ("ucs2", 134, 3)      # 2 x 67 units, but split


@pytest.mark.parametrize(("channel", "text", "length"), [
    ("x", "日本 ok", 7),
    ("facebook", "日本 ok", 5),
    ("google_reviews", "日本 ok", 9),          # UTF-8 bytes
    ("google_reviews", "😀", 4),
    ("sms", "x" * 161, 2),
    ("email", "x" * 100_000, 100_000),
])
def test_measure_in_channel_units(channel: str, text: str, length: int) -> None:
    assert measure(text, get_channel(channel)) == length


def test_every_channel_has_a_source_and_a_known_unit() -> None:
    for profile in channels().values():
        assert profile.source
        assert profile.unit in ("weighted", "chars", "bytes", "segments")


def test_unknown_channel_names_the_known_ones() -> None:
    with pytest.raises(UnknownChoiceError, match=r"did you mean .x.|known: "):
        check("hi", channel="twiter")


def test_length_finding_says_by_how_much() -> None:
    (finding,) = [f for f in check("x" * 300) if f.code == "CV201"]
    assert finding.severity == "error"
    assert "300 weighted characters, limit 280 (20 over)" in finding.message


def test_sms_length_finding_names_septets() -> None:
    (finding,) = [f for f in check("x" * 500, channel="sms") if f.code == "CV201"]
    assert "4 segments (500 GSM-7 septets), limit 3 (1 over)" in finding.message


def test_sms_report_has_segments() -> None:
    report = length_report("It’s late", get_channel("sms"))
    assert report == {"length": 1, "limit": 3, "unit": "segments", "segments": 1, "encoding": "ucs2", "units": 9}


def test_no_limit_never_flags() -> None:
    assert "CV201" not in [f.code for f in check("word " * 5000, channel="email")]


_PIECES = st.sampled_from(["x", " ", "日", "😀", "€", "é", "ł", "👩‍💻", "https://a.co ", "@ann ", "word " * 20])
_TEXT = st.one_of(st.text(max_size=400), st.lists(_PIECES, max_size=120).map("".join))


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, channel=st.sampled_from(channel_ids()))
def test_length_finding_appears_exactly_when_over_the_limit(text: str, channel: str) -> None:
    profile = get_channel(channel)
    over = profile.limit is not None and measure(text, profile) > profile.limit
    codes = [f.code for f in check(text, channel=channel)]
    assert ("CV201" in codes) == over
