"""Round 97 (fifteenth stop): calm questions nothing answers, and new written tune posts (`w-K15-`) read wrongly.

A calm, plain question that nothing in the bank answers is met the way a care lead meets it, "let me check and come
back to you here" (`drafting.find_out`), instead of going to an agent: two blind reviewers published 63 of 80 such
replies, against none of the hand-offs. A question with trouble, feeling, sarcasm or a challenge in it ("why do I
have to pay £15 to keep my number??") still goes to an agent. "I feel attacked", "burnt ends" and "semi skimmed"
raise no urgency; a lone kind word after trouble nothing put right is sarcastic ("chargeback rejected with zero
explanation. brilliant."), as is "another day, another delay"; loan-shark posts are spam.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_bank
from reading_helpers import drafts, read

from carevoice import Drafter, Inbound
from carevoice.plan import challenges
from carevoice.variation.history import MemoryHistory

PLAIN_QUESTIONS = [
    ("crumb-and-co", "@Wokaway does the satay have peanuts in it?"),
    ("harbour-bank", "@AmberlyCard do Amberly points expire if I don't use the card for a few months?"),
    ("base", "@SeaglassResorts is the all inclusive drinks package per room or per adult?"),
    ("northwind-air", "@OrrinJet ukulele as a personal item, yes or no?"),
    ("tidewave", "@PebbleMobile 5G or just 4G?"),
    ("parcelpop", "are Tillbury delivery slots released 3 weeks ahead or 2? trying to get one for christmas eve"),
    ("northline-rail", "does the Coachway night service to Manchester stop at the airport? need to be there by 6"),
]


@pytest.mark.parametrize(("bank", "text"), PLAIN_QUESTIONS)
def test_a_calm_question_nothing_answers_gets_we_will_find_out(bank: str, text: str) -> None:
    for draft in drafts(bank, text, range(1, 4)):
        assert draft.action == "reply" and draft.text, (draft.action, draft.reasons)
        assert any("drafting.find_out" in r for r in draft.reasons), draft.reasons
        assert draft.custom_slot and not draft.custom_slot_required
        assert draft.custom_slot_hint is not None and "Nothing in the bank answers" in draft.custom_slot_hint
        lowered = draft.text.lower()
        assert "sorry" not in lowered and "apolog" not in lowered, draft.text
        assert [s.stage for s in draft.stages][-1] == "find_out", draft.stages
        assert "?" not in draft.text, draft.text


@pytest.mark.parametrize(("bank", "text"), [
    ("tidewave", "@Skylinq why do I have to pay £15 to keep my own landline number when I move house and stay with "
                 "you??"),
    ("harbour-bank", "@Pennyroot I gave my 14yo a card with a spending limit and it let him spend £180 on a game in "
                     "one go. so what's the limit for?"),
    ("parcelpop", "£2.85 for a cucumber @Basketly. a CUCUMBER. is it gold plated"),
    ("crumb-and-co", "@Bunburys can you get the Bunbury's on Mill Road to open before 11? it's 10:45 and the sign "
                     "says open, door's locked and 8 of us are waiting"),
])
def test_a_complaint_in_a_question_s_words_is_never_a_find_out(bank: str, text: str) -> None:
    for draft in drafts(bank, text, range(1, 3)):
        assert not any("drafting.find_out" in r for r in draft.reasons), (draft.text, draft.reasons)


@pytest.mark.parametrize(("text", "expected"), [
    ("why do I have to pay £15 to keep my number?", True),
    ("so what's the limit for?", True),
    ("how is a 'free' cabin bag meant to fit under the seat?", True),
    ("how come the app is dearer than the website", True),
    ("do Amberly points expire?", False),
    ("what time does the Leeds store open?", False),
    ("is the pool open in winter?", False),
])
def test_a_challenge_is_told_from_a_question(text: str, expected: bool) -> None:
    assert challenges(text) is expected


def test_a_bank_can_hand_such_questions_to_an_agent(tmp_path: Path) -> None:
    own = write_bank(tmp_path, "bank: own\ndisplay_name: Own Co\nextends: crumb-and-co\ndrafting: {find_out: false}\n",
                     "own")
    draft = Drafter(own, history=MemoryHistory(), seed=0).draft(Inbound(text=PLAIN_QUESTIONS[0][1]))
    assert draft.action == "needs_agent" and not draft.text and draft.holding


@pytest.mark.parametrize("text", [
    "my @TenpennyApp spending summary just called me out for spending £86 on coffee this month. I feel attacked ☕😭",
    "brb adding 'eats @SmokestackBBQ burnt ends 3x a week' to my dating profile as a personality trait",
    "asked for no substitutions and got oat milk instead of semi skimmed, veggie mince instead of chicken and a "
    "birthday card instead of a loaf. i'm not even joking @PantryAndCo",
])
def test_figures_of_speech_and_food_raise_no_urgency(text: str) -> None:
    reading = read(text)
    assert reading.urgency == () and reading.intent != "danger", reading.reasons


@pytest.mark.parametrize(("text", "urgency"), [
    ("my card was skimmed at the petrol station on Friday, £400 gone", "fraud"),
    ("I was attacked outside your store last night and the security guard did nothing", "threat"),
    ("burnt my hand on the cup, the lid came off", "safety"),
])
def test_the_real_dangers_beside_those_words_are_still_read(text: str, urgency: str) -> None:
    assert urgency in read(text).urgency


@pytest.mark.parametrize("text", [
    "chargeback rejected with zero explanation. brilliant. @BrackwaterBank",
    "app crashed again when I tried to pay. lovely",
    "another day, another 'signalling problem' at Hollyford. genuinely impressed by your consistency "
    "@KingfisherRail 👏",
    "another day another delay on the 7:42. love it",
])
def test_kind_words_after_unmended_trouble_are_sarcastic(text: str) -> None:
    reading = read(text)
    assert reading.sarcasm and reading.intent != "praise", reading.reasons
    for draft in drafts("northline-rail", text, range(1, 3)):
        assert not draft.text.lower().startswith(("thank", "glad", "that's very good")), draft.text


@pytest.mark.parametrize("text", [
    "my order was wrong but you sorted it in minutes. brilliant",
    "card declined twice at the till, then it worked. great",
    "parcel came a day early and the driver was so polite. lovely",
    "another week, another amazing stay at the Savoy, thank you team!",
])
def test_kind_words_after_trouble_put_right_are_not_sarcasm(text: str) -> None:
    assert not read(text).sarcasm


def test_a_loan_shark_post_is_spam() -> None:
    reading = read("Need a loan fast?? 💵 No credit checks!! Approved in 10 mins DM @QuickCashKing 👈 #VerityBank")
    assert reading.intent == "spam"
    assert read("I need a loan for a car, can I apply online?").intent != "spam"


@pytest.mark.parametrize("greet", [True, False])
def test_a_bank_without_find_out_lines_hands_the_question_to_an_agent(tmp_path: Path, greet: bool) -> None:
    cells = "  any:\n"
    if greet:
        cells += "    greet:\n      - id: g1\n        text: 'Hi there.'\n"
    cells += ("    acknowledge:\n      - id: a1\n        text: 'Thanks for telling us.'\n"
              "    resolve:\n      - id: r1\n        text: 'We are on it.'\n")
    own = write_bank(tmp_path, "bank: own\ndisplay_name: Own Co\nchannels: [x]\nphrases:\n" + cells, "own")
    draft = Drafter(own, history=MemoryHistory(), seed=0).draft(Inbound(text="do Amberly points expire?"))
    assert draft.action == "needs_agent" and not draft.text, (draft.action, draft.text, draft.reasons)
    assert draft.custom_slot_required


def test_find_out_lines_are_shared_by_every_shipped_bank() -> None:
    from carevoice.bank import load_bank

    for name in ("base", "northwind-air", "parcelpop", "harbour-bank", "tidewave", "loopwork", "crumb-and-co",
                 "northline-rail"):
        assert len(load_bank(name).cell("any", "find_out")) >= 40, name


def test_a_question_with_personal_data_in_it_is_never_a_find_out() -> None:
    text = "do Amberly points expire? my email is ann.jones@example.com if you need it"
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert not any("drafting.find_out" in r for r in draft.reasons), draft.reasons
        assert "ann.jones" not in draft.text


@pytest.mark.parametrize("text", [
    "Dim band eang ers dydd Llun yn Aberystwyth. Pryd fydd e'n ôl? @Fibrelane",
    "Diolch yn fawr am eich help heddiw",
])
def test_welsh_is_another_language(text: str) -> None:
    reading = read(text)
    assert reading.language == "cy" and reading.intent == "other_language"


@pytest.mark.parametrize("text", ["can you dim the router lights? they keep me up", "helo, my order hasn't come",
                                  "my 20 yr old son cant log in"])
def test_english_with_a_welsh_looking_word_stays_english(text: str) -> None:
    assert read(text).language == "en"
