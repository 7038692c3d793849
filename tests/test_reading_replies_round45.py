"""Round 45: what the blind reviewers of tune posts stopped, as general rules.

A reply never asks again for what the post gave (its reference, the branch or station, the time); a customer
staff called names made no phone call; a customer who has asked three times or more, or was sent back and
forth between teams, hears that owned rather than "sorry for the wait"; and payment trouble is named for
what it is: a double charge is no charge they don't recognise, a declined card took no money, and a direct
debit is only spoken of when the post named one.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import drafts, read

from carevoice.compose import asks_for_given, misframes_payment
from carevoice.variables import _ASKED_AGAIN, _BOUNCED, _CHARGED_TWICE, _PAYMENT_FAILED


@pytest.mark.parametrize(("text", "place"), [
    ('"extra crispy" apparently means burnt black at @CluckAndCo Bolton', "Bolton"),
    ("need an ambulance at Newport @GreyfordRail", "Newport"),
    ("a man on the platform at Union Square grabbing women", "Union Square"),
    ("stuck at Milton Keynes Central for an hour", "Milton Keynes Central"),
    ("lost my purse on the 13:05 from Cheltenham, coach A", "Cheltenham"),
])
def test_towns_stations_and_squares_are_places(text: str, place: str) -> None:
    assert read(text).details.place == place


def test_a_home_address_is_never_a_place() -> None:
    reading = read("I live at 12 Union Square and the parcel never came")
    assert reading.details.place is None
    assert any(m.kind == "address" for m in reading.pii)


@pytest.mark.parametrize(("line", "given_details"), [
    ("We'll chase lost property now – send your report reference by {{ channel.private }}.", {"booking_id": "LP-1"}),
    ("Send the order number by {{ channel.private }} and we'll chase it.", {"order_id": "88192"}),
    ("Which Crumb & Co was it, and what time? The manager there will want to hear this.", {"place": "Bolton"}),
    ("Which restaurant was it from? Tell us by {{ channel.private }}.", {"place": "Hull"}),
    ("Roughly what time did you order? The kitchen's records help.", {"time": "12:15"}),
    ("Send the flight number by {{ channel.private }} and we'll check.", {"flight": "NW 802"}),
])
def test_a_line_asking_for_a_given_detail_is_seen(line: str, given_details: dict[str, str]) -> None:
    assert asks_for_given(line, {"details": given_details})
    assert not asks_for_given(line, {"details": {}})


@pytest.mark.parametrize("line", [
    "Send us a quick {{ channel.private }} and we'll check it for you.",
    "Which train was it – the time and where you got on?",  # a train is no place given
    "{% if details.place %}We'll tell the {{ details.place }} team.{% else %}Which branch was it?{% endif %}",
])
def test_lines_that_ask_for_nothing_given_are_kept(line: str) -> None:
    assert not asks_for_given(line, {"details": {"place": "Bolton", "booking_id": "X1"}})


@pytest.mark.parametrize(("bank", "text"), [
    ("northline-rail", "any update on my lost property claim?? ref LP-20931, black bag left on the 17:32 to York. "
                       "day 9. @MeridianRail"),
    ("crumb-and-co", '"extra crispy" apparently means burnt black at @CluckAndCo Bolton 😤'),
    ("northline-rail", "still waiting for the refund on my season ticket, cancelled 6 weeks ago. "
                       "ref NMT-70012 @NorthmoorTrains"),
])
def test_drafts_never_ask_again_for_what_the_post_gave(bank: str, text: str) -> None:
    reading = read(text)
    context = {"details": reading.details.present()}
    for d in drafts(bank, text):
        assert not asks_for_given(d.text, context), d.text


@pytest.mark.parametrize("text", [
    "the lady at the check in desk rolled her eyes and called me 'difficult' for asking about my seat",
    "the driver called me a liar in front of everyone",
    "ticket inspector called my son a thief",
])
def test_being_called_names_is_no_phone_call(text: str) -> None:
    assert read(text).details.contacted is None


@pytest.mark.parametrize("text", ["I called twice and nobody answered", "you called me yesterday and hung up",
                                  "called me back and said it was fixed"])
def test_a_call_made_is_still_a_contact(text: str) -> None:
    assert read(text).details.contacted == "phone"


@pytest.mark.parametrize("text", ["3rd tweet. 3rd.", "3rd time messaging about the SMS charges",
                                  "I have asked 4 times", "this is my FOURTH tweet", "FIFTH time asking",
                                  "I've emailed you three times"])
def test_asking_three_times_or_more_is_asked_again(text: str) -> None:
    assert _ASKED_AGAIN.search(text), text


@pytest.mark.parametrize("text", ["2nd time asking", "second tweet about this",
                                  "3rd time my order has had no fries"])  # a failure repeated, not an ask
def test_a_second_ask_or_a_repeated_failure_is_not_asked_again(text: str) -> None:
    assert not _ASKED_AGAIN.search(text), text


@pytest.mark.parametrize("text", ["Lost property told me to contact you, you told me to contact lost property",
                                  "I've been passed from pillar to post", "going round in circles with your team",
                                  "the store sent me back to you"])
def test_sent_back_and_forth_is_bounced(text: str) -> None:
    assert _BOUNCED.search(text), text


def test_bounced_between_teams_is_owned_not_passed_on() -> None:
    text = ("3rd tweet. 3rd. Lost property told me to contact you, you told me to contact lost property. "
            "I just want my laptop back @MetroOrbit")
    for d in drafts("northline-rail", text):
        ids = [s.phrase_id for s in d.stages]
        assert any(".bounced." in i or ".asked_again." in i for i in ids), (ids, d.text)
        assert "slow reply" not in d.text and "sorry for the wait" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "I've been charged twice for one order at the same shop, both payments showing on my account",
    "autopay took my payment TWICE this month. $143.20 x2",
    "double charged for my seat selection", "duplicate payment on my card",
    "being charged for 2 meals on one order", "two payments taken for one order",
])
def test_money_taken_twice_is_charged_twice(text: str) -> None:
    assert _CHARGED_TWICE.search(text), text


@pytest.mark.parametrize("text", ["charged £6 for a single latte", "3rd time my order has had no fries",
                                  "the 2 payments I made last month were fine, thanks"])
def test_one_wrong_charge_is_not_charged_twice(text: str) -> None:
    assert not _CHARGED_TWICE.search(text), text


@pytest.mark.parametrize(("text", "declined"), [
    ("my card got declined at the supermarket", True), ("I'm having trouble on the checkout", True),
    ("can't pay with Apple Pay in the app", True), ("cant pay anyone new without the card reader", False),
])
def test_a_payment_that_would_not_go_through(text: str, declined: bool) -> None:
    assert bool(_PAYMENT_FAILED.search(text)) is declined, text


def _post(**held: bool) -> dict[str, dict[str, bool]]:
    return {"post": held}


def test_a_double_charge_line_needs_a_double_charge() -> None:
    line = "If you've been charged twice, send the date and amount by {{ channel.private }}."
    assert misframes_payment(line, _post())
    assert not misframes_payment(line, _post(charged_twice=True))


def test_no_unrecognised_charge_for_a_double_charge_or_a_declined_card() -> None:
    line = "I'm sorry you've been charged something you weren't expecting."
    assert not misframes_payment(line, _post())
    for held in ("charged_twice", "payment_failed", "not_received"):
        assert misframes_payment(line, _post(**{held: True})), held


def test_a_declined_card_took_no_money() -> None:
    assert misframes_payment("We'll find out what's been taken and why.", _post(payment_failed=True))
    assert not misframes_payment("We'll see why it was declined and what was taken.", _post(payment_failed=True))


def test_direct_debit_lines_need_a_direct_debit() -> None:
    line = "If a direct debit was taken twice, we can ask for it back."
    assert misframes_payment(line, _post(charged_twice=True))
    assert not misframes_payment(line, _post(charged_twice=True, direct_debit=True))
    assert misframes_payment("Was it a direct debit or card? Tell us by DM.", _post(direct_debit=True))


@given(st.text(max_size=120))
def test_payment_screens_never_raise(text: str) -> None:
    for held in ({}, {"charged_twice": True}, {"payment_failed": True, "direct_debit": True}):
        assert misframes_payment(text, _post(**held)) in (True, False)
        assert asks_for_given(text, {"details": {"place": "Leeds", "time": "9:00"}}) in (True, False)


@pytest.mark.parametrize("bank", ["harbour-bank", "crumb-and-co", "tidewave", "base"])
def test_a_declined_card_is_answered_as_one(bank: str) -> None:
    text = "my @Pennyroot card got declined at the supermarket with £300 in the account. so embarrassing. why???"
    for d in drafts(bank, text):
        low = d.text.lower()
        assert "expect" not in low and "recognise" not in low and "taken twice" not in low, d.text
        assert any(w in low for w in ("declined", "turned down", "go through", "stopped", "blocked")), d.text


@pytest.mark.parametrize("bank", ["harbour-bank", "crumb-and-co", "tidewave", "parcelpop", "base"])
def test_a_double_charge_is_named(bank: str) -> None:
    text = "I've been charged twice for one order, both payments showing on my account"
    for d in drafts(bank, text):
        low = d.text.lower()
        assert any(w in low for w in ("twice", "two payments", "double")), d.text
        assert "weren't expecting" not in low and "don't recognise" not in low, d.text


def test_a_direct_debit_taken_twice_is_a_direct_debit_claim_at_the_bank() -> None:
    text = "@NorthvaleBank direct debit for my council tax went out TWICE this month and now im overdrawn"
    for d in drafts("harbour-bank", text):
        assert "shop" not in d.text and "purchase" not in d.text, d.text


def test_forgotten_email_behind_another_word_is_forgotten() -> None:
    assert read("I can’t remember my old twitter password or my yahoo email").details.forgot == "email"
    assert read("I cant remember my yahoo email").details.forgot == "email"


def test_stranded_in_a_city_reads_naturally() -> None:
    text = ("My 14 year old is flying unaccompanied from Palma and her connection just got cancelled. She's alone "
            "at the airport and no one is answering the phone. Please help urgently")
    assert all(" at Palma" not in d.text for d in drafts("northwind-air", text))


@pytest.mark.parametrize(("text", "awaiting"), [
    ("following up on my complaint from 2 weeks ago. no reply yet", True),
    ("still no response to my email about being charged", True),
    ("I DMed you last week", True),
    ("I submitted a ticket a month ago and never got a response.", True),
    ("still waiting for the refund on my season ticket, cancelled 6 weeks ago", False),
    ("any update on my lost property claim??", False),
])
def test_awaiting_a_reply_is_only_said_of_someone_who_wrote(text: str, awaiting: bool) -> None:
    from carevoice.variables import _AWAITING_REPLY
    assert bool(_AWAITING_REPLY.search(text)) is awaiting, text


def test_chasing_a_refund_is_not_sorry_for_a_slow_reply() -> None:
    text = ("still waiting for the refund on my season ticket, cancelled 6 weeks ago (redundancy). i really need "
            "that money. ref NMT-70012 @NorthmoorTrains")
    for d in drafts("northline-rail", text, seeds=range(1, 13)):
        low = d.text.lower()
        assert "slow reply" not in low and "silence" not in low and "get back to you" not in low, d.text
