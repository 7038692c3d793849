"""Round 55 (eleventh stop): tune posts the blind reviewers stopped, as general rules.

Sincere praise whose only "problem" words are the topic's nouns ("the booking flow is really nice now, well
done") is praise, not sarcasm; someone hurt or unwell beside a held train or a stuck journey hears the safety
lines first, never "let's get you on your way"; someone hurt by staff is asked after, not told not to
"approach them again".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import _HURT


def test_praise_on_a_booking_topic_is_praise_not_sarcasm() -> None:
    text = ("the Crimson Trains app booking flow is actually really nice now? took me 2 min to book Manchester "
            "return. well done @CrimsonTrains 👍")
    reading = read(text)
    assert (reading.intent, reading.sarcasm) == ("praise", False), reading.reasons
    for d in drafts("northline-rail", text):
        assert "sorry" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", ["great job @NorthlineRail, my booking got cancelled twice 🙃",
                                  "well done on booking me onto a train that doesn't exist"])
def test_sarcastic_well_done_on_a_booking_problem_stays_a_complaint(text: str) -> None:
    assert read(text).intent == "complaint"


@pytest.mark.parametrize(("text", "hurt"), [
    ("he's got a cut on his head", True), ("she was injured by the door", True), ("we ended up in A&E", True),
    ("my son got hurt on the escalator", True), ("broke my wrist on your wet floor", True),
    ("it hurt my feelings tbh", False), ("the price hurts", False), ("price cut on the tv", False),
    ("the apples were bruised", False), ("burnt toast again", False), ("cut my hair", False),
])
def test_hurt_means_a_person_hurt(text: str, hurt: bool) -> None:
    assert (_HURT.search(text) is not None) is hurt


FAINTED = ("train stuck between stations outside Hebden Bridge 2 hours, no power no lights no water, a woman in "
           "coach B has fainted and there is no staff in sight. @NorthmoorTrains")


@pytest.mark.parametrize("bank", ["northline-rail", "base"])
def test_someone_unwell_on_a_held_train_hears_safety_not_moving_on(bank: str) -> None:
    reading = read(FAINTED)
    assert {"safety", "stranded"} <= set(reading.urgency), reading.reasons
    for d in drafts(bank, FAINTED):
        low = d.text.lower()
        assert "999" in low, d.text
        assert "on your way" not in low and "getting you moving" not in low, d.text
        assert "ticket's valid" not in low and "last train" not in low, d.text


ASSAULT = ("a chef at @Wokaway Birmingham New St came out from the kitchen and shoved my brother into a table "
           "because he complained about the wait. he's got a cut on his head. we've called the police")


def test_someone_hurt_by_staff_is_asked_after_and_never_blamed() -> None:
    texts = [d.text for d in drafts("crumb-and-co", ASSAULT)]
    assert any("injury looked at" in t for t in texts), texts
    for t in texts:
        assert "approach them" not in t, t
        assert t.count("act on it") <= 1, t


@pytest.mark.parametrize("text", ["@BriskBus do you still do the free travel for under 11s at weekends?",
                                  "do you still do the meal deal after 5pm or is it lunchtime only? @CrispyBarn"])
def test_asking_what_is_still_on_offer_is_no_trouble_to_apologise_for(text: str) -> None:
    reading = read(text)
    assert reading.intent == "question" and not reading.negative, reading.reasons
    for bank in ("northline-rail", "crumb-and-co"):
        for d in drafts(bank, text):
            assert "sorry" not in d.text.lower(), d.text


def test_a_refund_asked_for_an_order_the_customer_cancelled_is_not_apologised_for() -> None:
    text = ("@KettleCrumb hi, could i get a refund for the birthday cake order i cancelled on Tuesday? order KC-7781, "
            "was 4 days before pickup so should be within the policy")
    assert not read(text).negative
    assert read("we were billed for the month after we cancelled, could you refund it?").negative


@pytest.mark.parametrize("text", [
    "@StaylioHelp arrived at the apartment in Porto at 10pm, owner says he never got my booking and the place is let "
    "to someone else. booked via you, paid in full. what do i do now",
    "got to the hotel at midnight and reception turned us away, said they were overbooked @Roomery",
])
def test_no_room_on_arrival_is_someone_stranded(text: str) -> None:
    reading = read(text)
    assert "stranded" in reading.urgency, reading.reasons
    assert any("somewhere to stay" in d.text or "nowhere to stay" in d.text for d in drafts("base", text))


@pytest.mark.parametrize("text", ["my order was given to someone else at the counter",
                                  "the hotel room was lovely, we've rented it again for next year"])
def test_given_or_rented_without_a_room_lost_is_not_stranded(text: str) -> None:
    assert "stranded" not in read(text).urgency
