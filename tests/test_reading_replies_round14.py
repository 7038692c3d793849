"""Readings and replies fixed after the sector walk-through of round 14.

Each case is a kind of post a care lead sees every day outside tech support (airlines, rail,
food, banks, telecoms, retail) that carevoice misread before: sarcastic thanks on a repeated
failure, thanks for advice read as a chase, "treat" corrected into "threat", a ticket machine
read as fraud, an account "disabled" read as a vulnerable person, a needle in a changing room
or a family on the hard shoulder missed, a grieving customer sent the self-service closing
steps, a legal threat answered with "that's a real nuisance".
"""

from __future__ import annotations

import pytest
from conftest import draft_post as _draft
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice import Inbound
from carevoice.concentrate import concentrate
from carevoice.concentrate.lexicon import expand
from carevoice.errors import ConfigError


def _read(text: str):  # type: ignore[no-untyped-def]
    return concentrate(Inbound(text=text))


@pytest.mark.parametrize("text", [
    "great job @NorthwindAir, 2nd time this month my flight gets cancelled. thanks a lot",
    "your router is a brick. thanks a lot for nothing",
    "Great service as always, third time in a row my parcel is late. Well done",
])
def test_thanks_on_a_failure_that_keeps_happening_is_sarcasm(text: str) -> None:
    reading = _read(text)
    assert reading.sarcasm and reading.intent != "praise" and not reading.praise, reading.reasons


@pytest.mark.parametrize("text", [
    "Thanks @NorthlineRail for the advice about the split ticket, saved me £40!",
    "Fair play, you lot actually fixed my bill without me having to chase",
    "credit where it's due, the new app is so much quicker",
    "whoever invented your cinnamon swirl deserves a knighthood",
])
def test_thanks_with_a_travel_ticket_or_a_fix_in_it_is_praise(text: str) -> None:
    reading = _read(text)
    assert reading.intent == "praise" and not reading.sarcasm, reading.reasons


@pytest.mark.parametrize("text", [
    "my support ticket number 44120 still has no reply",
    "I opened a ticket last week and nobody has answered",
])
def test_a_support_ticket_is_still_a_follow_up(text: str) -> None:
    assert _read(text).intent == "follow_up"


def test_a_term_alternative_without_a_word_is_refused() -> None:
    with pytest.raises(ConfigError, match="no word"):
        expand("ticket number|no|#", {})
    assert expand("ticket number|no", {}) == ["ticket number", "ticket no"]
    assert expand("someone * logging_into", {}) == ["someone * logging into"]


@pytest.mark.parametrize(("text", "never"), [
    ("The staff at your Oxford Road branch were so rude to my mum, disgusting way to treat a customer", "threat"),
    ("Ticket machine at Stockport took my money and gave no ticket", "fraud"),
    ("@FreskoHQ app keeps saying account disabled when I try to log in", "vulnerable"),
    ("Is Multiplayer STILL disabled? My friend just gets a white screen", "vulnerable"),
    ("hey my hotel room smells like smoke and the front desk won't move me", "safety"),
    ("I searched for hotels through the benefit. Today it's the same thing, no hotels participate in this", "stranded"),
    ("my mother lost her Android mobile. Find my device is not on. How to find its last location, please help urgent?",
     "vulnerable"),
])
def test_ordinary_words_raise_no_urgency(text: str, never: str) -> None:
    assert never not in _read(text).urgency, _read(text).reasons


@pytest.mark.parametrize(("text", "kind"), [
    ("Found a used needle in the changing room at your Leeds store. A child could have picked that up", "safety"),
    ("the car I rented had a flat tyre and the roadside line won't pick up. I'm on the hard shoulder with my kids",
     "safety"),
    ("the car I rented had a flat tyre and the roadside line won't pick up. I'm on the hard shoulder with my kids",
     "stranded"),
    ("there's broken glass all over the steps down to platform 1 and kids going to school", "safety"),
    ("driver cancelled on me 4 times at the airport at midnight. stuck at terminal 2", "stranded"),
    ("my 87 year old nan's shopping never came. she has no food in the house and can't go out", "vulnerable"),
    ("is this an official account? they DM'd me offering compensation and asked me for my card number", "fraud"),
    ("lost my wheelchair on the flight to Dublin. I literally cannot leave the airport", "vulnerable"),
    ("lost my wheelchair on the flight to Dublin. I literally cannot leave the airport", "stranded"),
    ("Stuck between stations for an hour, lights off, no announcements. people are starting to panic", "safety"),
    ("Your driver reversed into my car and drove off. I have it on my doorbell camera", "safety"),
])
def test_danger_phrased_many_ways_is_found(text: str, kind: str) -> None:
    assert kind in _read(text).urgency, _read(text).reasons


@pytest.mark.parametrize(("text", "staff"), [
    ("thanks for sorting my mortgage so quickly, Priya at the Bristol branch was a star", "Priya"),
    ("Tom at the Leeds store was really kind to my son", "Tom"),
    ("Today was great, thank you", None),
    ("Bristol was lovely, thanks for the smooth trip", None),
])
def test_a_colleague_praised_by_name_is_read(text: str, staff: str | None) -> None:
    assert _read(text).details.staff == staff


@pytest.mark.parametrize(("text", "never"), [
    ("Is there an outage? can't log into online banking", "outage"),
    ("the car I rented had a flat tyre and your roadside line won't pick up", "pick up"),
    ("is there anyway I can filter out the MSM news results when I search?", "the msm"),
])
def test_troubles_verbs_and_bare_acronyms_are_not_named_as_things(text: str, never: str) -> None:
    subject = _read(text).subject
    assert subject is None or never not in subject.reply.lower()


def test_a_named_thing_keeps_its_article() -> None:
    subject = _read("The Piccadilly line announcer this morning was hilarious").subject
    assert subject is not None and subject.reply == "the Piccadilly line announcer"


def test_a_joke_the_weights_took_for_a_gripe_is_banter() -> None:
    reading = _read("@CrumbAndCo just ordered mac and cheese for the 3rd time this week, no regrets 🧀")
    assert reading.intent == "banter" and reading.emotion not in ("anger", "frustration"), reading.reasons


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_grieving_customer_gets_condolence_not_self_service_steps(seed: int) -> None:
    draft = _draft("harbour-bank", "My mum passed away last month and I need to close her account. Who do I talk to?",
                   seed)
    assert draft.stages[0].stage == "condolence"
    assert draft.answer is None and "answer" not in [s.stage for s in draft.stages]
    assert "Close account" not in draft.text and "in the app" not in draft.text


_LEGAL_LINES = {"base.any.acknowledge.69", "base.any.acknowledge.70", "base.any.acknowledge.71",
                "base.any.resolve.62", "base.any.resolve.63", "base.any.resolve.64",
                "base.any.move_private.11", "base.any.move_private.12"}


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), bank=st.sampled_from(["base", "harbour-bank", "tidewave"]))
def test_a_legal_threat_gets_a_serious_line(seed: int, bank: str) -> None:
    draft = _draft(bank, "I will be taking this to the ombudsman and my solicitor if this isn't resolved by Friday",
                   seed)
    assert draft.action == "escalate"
    used = {s.phrase_id for s in draft.stages}
    assert used & _LEGAL_LINES, (draft.text, used)
    assert "nuisance" not in draft.text


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_card_declined_while_stranded_gets_the_card_line(seed: int) -> None:
    draft = _draft("harbour-bank",
                   "My card was declined at the hotel and I'm stranded out of state with no way to pay. Help!!", seed)
    steps = [s.phrase_id for s in draft.stages if s.stage in ("resolve", "move_private")]
    assert steps and all(p in {"hb.billing_error.resolve.1", "hb.billing_error.resolve.2", "hb.billing_error.resolve.3",
                               "base.any.move_private.13"} for p in steps), (draft.text, steps)
    assert "direct debit" not in draft.text


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_an_urgent_post_in_an_unsure_situation_gets_no_other_situations_safety_advice(seed: int) -> None:
    text = ("the car I rented had a flat tyre and your roadside line won't pick up. "
            "I'm on the hard shoulder with my kids")
    draft = _draft("base", text, seed)
    assert draft.action == "escalate"
    assert "train" not in draft.text and "stop using it" not in draft.text.lower(), draft.text
    assert any("for an urgent post: the general lines" in r for r in draft.reasons), draft.reasons


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_situation_with_its_own_stranded_lines_keeps_them(seed: int) -> None:
    # base's flight_disruption cell has lines for someone stranded: the generic "any" ones do not displace them
    draft = _draft("base", "Flight cancelled, stuck at Frankfurt airport overnight with two kids and no hotel offered",
                   seed)
    assert "stranded" in draft.analysis.urgency
    steps = [s.phrase_id for s in draft.stages if s.stage in ("resolve", "move_private")]
    assert steps and all(p.startswith("base.flight_disruption.") for p in steps), (draft.text, steps)


@pytest.mark.parametrize("text", [
    ("I just led my first Zoom meeting. Two people signed in using their phones and stayed muted. I didn't know how "
     "to unmute them. What should I tell them next time?"),
    "is there anyway I can filter out the news results when I search? Please help! Thank you",
])
def test_a_calm_how_to_question_is_never_answered_as_a_complaint(text: str) -> None:
    draft = _draft("loopwork", text)
    assert draft.action == "needs_agent" or "question" in str(draft.reasons), draft.reasons
    assert not any(w in draft.text.lower() for w in ("sorry", "apolog")), draft.text


@pytest.mark.parametrize("text", [
    "my son is lost at the airport, he's 8 and on his own",
    "my dad got lost at the station and isn't answering, he has dementia",
])
def test_a_relative_who_is_lost_is_still_vulnerable(text: str) -> None:
    assert "vulnerable" in _read(text).urgency, _read(text).reasons


def test_a_site_that_will_not_load_is_not_a_sign_in_problem_read_surely() -> None:
    reading = _read("I've had my domain forwarded for years but lately people can't access the site. Why not?")
    assert reading.category != "account_access" or reading.confidence < 0.8, reading.reasons
