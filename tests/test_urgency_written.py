"""Urgency on the written urgency set (``tests/corpus/urgency_written.jsonl``), tune split only.

Every urgent post must raise each kind it is labelled with; every negative (a post that
shares danger words: "this deal is fire", "my battery died", "I'd kill for a refund")
must raise none. The held-out split is never asserted here: it is measured by
``benchmarks/urgency.py`` and never tuned on. The few tune posts the rules still miss are
listed as ``xfail`` with the reason, not forced with a rule made for one post.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice import Inbound
from carevoice.concentrate import concentrate
from carevoice.concentrate.lexicon import lexicon
from carevoice.concentrate.urgency import URGENCY_ORDER

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
from reading_corpus import split_of

SET = Path(__file__).resolve().parent / "corpus" / "urgency_written.jsonl"
ROWS = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
TUNE = [r for r in ROWS if split_of(r["id"]) == "tune"]

SECOND_KIND = "a second kind on a post already urgent, said in words no general phrase covers"
XFAIL = {
    "u-airline-016": "stranded only by a city ('stuck in Doha'): the rules know no such place",
    "u-airline-017": "stranded said as a crowd's question ('where do 200 people sleep')",
    "u-airline-018": "stranded beside vulnerable: 'stuck at JFK overnight' (an airport code is no known place)",
    "u-airline-037": "a fake page paid by bank transfer ('no booking exists'): reads like a late booking",
    "u-rail_transport-023": "stranded at night outside a club, said without a word of being stuck",
    "u-rail_transport-024": "a fake refund call: 'give my card details' is ordinary checkout talk",
    "u-bank-010": "a card blocked 'while I'm in Lisbon': a city is not read as abroad",
    "u-bank-012": "data exposure by staff said with 'using the number from my account form'",
    "u-bank-034": "'stuck at the border': a parcel is stuck at the border too",
    "u-telecom-003": SECOND_KIND + " ('a new sim in my name')",
    "u-telecom-005": "a scam call named by what it asked ('confirm my card number'): too common in real checkouts",
    "u-retail-008": "a fake redelivery-fee text: 'your parcel is held, pay' is also a real customs fee",
    "u-retail-009": SECOND_KIND + " ('sent to an email I don't own')",
    "u-retail-011": "an address changed by someone else, said without naming anyone",
    "u-retail-024": "'never had a @ShopKart store card': the brand's handle splits the phrase",
    "u-retail-037": "a friend's data in an email ('my friend's full address'): no one else's data in the rules' words",
    "u-food-023": "a card machine overcharge and more charges: reads as a billing error",
    "u-food-030": "orders from another country overnight: the rules know no country names",
    "u-hotel_booking-010": "a fake reconfirmation e-mail ('it wasn't you was it')",
    "u-hotel_booking-020": "a transfer that never came at night: 'transfer never came' is also a bank transfer",
    "u-hotel_booking-026": "other guests' bookings through a changed digit, said without 'url' or 'link' after it",
    "u-tech-001": "new accounts made to message me: the brand's handle splits 'new ... accounts'",
    "u-tech-023": SECOND_KIND + " ('posting my home address')",
    "u-tech-029": SECOND_KIND + " ('used my saved card')",
    "u-tech-036": SECOND_KIND + " ('they're in my account')",
    "u-bank-042": "negative: 'is it a scam or do you really charge £5' (the same question comes with real scams)",
    "u-tech-050": "negative: 'I got hacked... by my little brother lol', a joke the rules read literally",
}


def _case(row: dict[str, object]) -> object:
    marks = [pytest.mark.xfail(reason=XFAIL[str(row["id"])], strict=True)] if row["id"] in XFAIL else []
    return pytest.param(row, id=str(row["id"]), marks=marks)


def test_the_set_is_labelled_as_documented() -> None:
    assert len(ROWS) >= 400 and len({r["id"] for r in ROWS}) == len(ROWS)
    assert {r["source"] for r in ROWS} == {"written"}
    assert {u for r in ROWS for u in r["urgency"]} == set(URGENCY_ORDER)
    assert len({r["sector"] for r in ROWS}) == 8
    assert sum(not r["urgency"] for r in ROWS) >= 100
    assert set(XFAIL) <= {r["id"] for r in TUNE}, "xfail only tune posts"


@pytest.mark.parametrize("row", [_case(r) for r in TUNE if r["urgency"]])
def test_urgent_post_raises_its_kinds(row: dict[str, object]) -> None:
    reading = concentrate(Inbound(text=str(row["text"]), channel="x"))
    missing = [u for u in row["urgency"] if u not in reading.urgency]  # type: ignore[attr-defined]
    assert not missing, (missing, reading.reasons)


@pytest.mark.parametrize("row", [_case(r) for r in TUNE if not r["urgency"]])
def test_negative_post_raises_no_urgency(row: dict[str, object]) -> None:
    reading = concentrate(Inbound(text=str(row["text"]), channel="x"))
    assert reading.urgency == (), reading.reasons


_WORDS = sorted({t for phrase in lexicon().phrases for t in phrase if t.isalpha()})


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_reading_never_raises_on_any_text(text: str) -> None:
    reading = concentrate(Inbound(text=text, channel="x"))
    assert set(reading.urgency) <= set(URGENCY_ORDER)
    assert len(set(reading.urgency)) == len(reading.urgency)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), st.sampled_from([" ", ", ", ". ", "\n"]))
def test_urgency_words_in_any_order_read_cleanly(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    first = concentrate(Inbound(text=text, channel="x"))
    assert set(first.urgency) <= set(URGENCY_ORDER)
    assert list(first.urgency) == [u for u in URGENCY_ORDER if u in first.urgency]  # the most serious first
    assert concentrate(Inbound(text=text, channel="x")).urgency == first.urgency  # the same post reads the same


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([r["text"] for r in TUNE if not r["urgency"] and r["id"] not in XFAIL]), st.text(
    alphabet=st.characters(whitelist_categories=("Zs", "Po", "So")), max_size=6))
def test_a_calm_post_stays_calm_with_punctuation_or_emoji_added(text: str, tail: str) -> None:
    assert concentrate(Inbound(text=text + tail, channel="x")).urgency == ()
