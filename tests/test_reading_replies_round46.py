"""Rounds 46 and 47: what the blind reviewers of tune posts stopped, as general rules.

Plain praise ("good experience", "actually good", "respect") is praise, and "the middle of nowhere" is a place,
not someone stranded; a security guard following a shopper is a complaint about staff, not a threat to
escalate; someone on a platform hears about station staff and the station, not "the train and coach"; a
numbered title keeps its whole name ("Black Ops 4"); and a question about how the brand runs, with no case of
the customer's own, goes to an agent instead of "DM us the details".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.plan import asks_about_policy
from carevoice.variables import _AT_STATION


@pytest.mark.parametrize("text", [
    "good experience at @GadgetryUK Reading, lad in the TV section talked me OUT of the expensive one. respect",
    "switched to @BeaconMobile last month and the signal at my mum's in the middle of nowhere is actually good. "
    "who knew",
])
def test_plain_praise_is_praise_and_never_apologised_to(text: str) -> None:
    reading = read(text)
    assert reading.intent == "praise", reading.reasons
    assert not reading.urgency, reading.reasons
    for d in drafts("parcelpop", text) + drafts("tidewave", text):
        assert "sorry" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", ["not a good experience at all, staff were rude",
                                  "the app is actually good now but it keeps logging me out"])
def test_kind_words_beside_a_problem_stay_a_complaint(text: str) -> None:
    assert read(text).intent == "complaint"


def test_dropped_in_the_middle_of_nowhere_is_still_stranded() -> None:
    reading = read("replacement bus dropped us in a car park in the middle of nowhere at midnight and drove off. "
                   "15 of us, no signal @NorthlineRail")
    assert "stranded" in reading.urgency


def test_a_guard_following_a_shopper_is_no_threat() -> None:
    reading = read("@Tillburys the security guard followed me round the whole shop and asked to see my bag for "
                   "no reason")
    assert "threat" not in reading.urgency, reading.reasons
    for d in drafts("parcelpop", "@Tillburys the security guard followed me round the whole shop and asked to "
                                 "see my bag for no reason"):
        assert "911" not in d.text and "999" not in d.text, d.text


@pytest.mark.parametrize("text", ["a man followed me home from the station", "someone is stalking me on your app",
                                  "he followed me to my car in your car park"])
def test_being_followed_home_or_stalked_is_a_threat(text: str) -> None:
    assert "threat" in read(text).urgency


@pytest.mark.parametrize(("text", "at_station"), [
    ("there's a man on the platform at Union Square going up to women and grabbing them", True),
    ("fight in the ticket hall at Leeds, no staff anywhere", True),
    ("a man on the train keeps grabbing women, coach C", False),
    ("on the platform now but someone on the train was shouting at me", False),
])
def test_on_a_platform_is_at_the_station(text: str, at_station: bool) -> None:
    assert bool(_AT_STATION.search(text)) is at_station


def test_someone_on_a_platform_is_not_asked_for_the_train_and_coach() -> None:
    text = ("there's a man on the platform at Union Square going up to women and grabbing them, he's been doing it "
            "for 10 mins, no staff anywhere. platform 2 westbound @Velo")
    for d in drafts("northline-rail", text):
        assert "coach" not in d.text and "onboard" not in d.text, d.text
        assert "61016" in d.text or "999" in d.text, d.text


@pytest.mark.parametrize(("text", "subject"), [
    ("trying to redownload Black Ops 4, go to my purchased tab in my library", "Black Ops 4"),
    ("I can't play Red Dead Redemption 2 online", "Red Dead Redemption 2"),
    ("the Bonus money never arrived", "the bonus money"),
])
def test_a_numbered_title_keeps_its_whole_name(text: str, subject: str) -> None:
    found = read(text).subject
    assert found is not None and found.reply == subject


@pytest.mark.parametrize(("text", "policy"), [
    ("is there a reason you refuse to close the lobbies of your banks to protect your employees?", True),
    ("why are your branches still letting the public in during the pandemic?", True),
    ("any chance you are opening your WiFi hotspots to kids schooling from home?", True),
    ("why won't you refund me for the cancelled flight?", False),
    ("why is my bill so high this month?", False),
])
def test_a_question_about_how_the_brand_runs(text: str, policy: bool) -> None:
    assert asks_about_policy(text) is policy


def test_a_policy_question_goes_to_an_agent() -> None:
    text = ("is there a reason you refuse to close the lobbies of your banks to protect your employees and have "
            "everyone use the drive-thru?")
    for d in drafts("harbour-bank", text):
        assert d.action == "needs_agent", (d.action, d.text)
        assert any("how we run things" in r for r in d.reasons), d.reasons


# round 47: the tune reviewers' stops after round 46, as general rules

def test_a_relative_in_hospital_is_a_reason_not_an_emergency() -> None:
    text = ("@RoomeryTravel please cancel booking RM-7734120, my mum's in hospital and we can't travel. "
            "can you waive the fee?")
    reading = read(text)
    assert "safety" not in reading.urgency and reading.intent != "danger", reading.reasons
    assert reading.details.booking_id == "RM-7734120"
    for d in drafts("base", text):
        assert "111" not in d.text and "booking reference" not in d.text, d.text


@pytest.mark.parametrize("text", ["my son is in hospital after eating your peanut sauce, he's allergic",
                                  "my dad's in hospital after falling on your icy steps",
                                  "I slipped on the wet floor in your Leeds store"])
def test_an_injury_is_still_a_safety_report(text: str) -> None:
    assert "safety" in read(text).urgency


@pytest.mark.parametrize(("text", "place"), [
    ("@CirrusWings flight CW 1184 to Faro cancelled at 11pm. no hotel", None),  # where they were going
    ("went to the Leeds store and they refused", "Leeds"),
    ("found plastic in my pizza. Didsbury branch, tonight around 8", "Didsbury"),
    ("The branch was closed again", None),
])
def test_a_destination_is_no_place_and_a_named_branch_is(text: str, place: str | None) -> None:
    assert read(text).details.place == place


def test_a_patronising_phone_agent_is_a_staff_complaint() -> None:
    assert read("@CrestlineCable the man on the phone was so patronising, talked to me like I was stupid"
                ).category == "rude_staff"


def test_will_trains_run_tomorrow_goes_to_an_agent() -> None:
    text = "@RailGuideUK are trains running from Edinburgh tomorrow with the snow? Beast from the East has me worried"
    for d in drafts("northline-rail", text):
        assert d.action == "needs_agent", d.text


@pytest.mark.parametrize("text", ["how would I go about reporting the channel Ssoyoung?",
                                  "how can I report a website that is committing fraud hosted on your platform?"])
def test_how_to_report_someone_else_is_answered(text: str) -> None:
    for d in drafts("loopwork", text):
        assert "Report" in d.text, d.text
        assert "your account" not in d.text, d.text


@pytest.mark.parametrize(("bank", "text", "answer"), [
    ("harbour-bank", "@AshfordBank how long does a CHAPS payment take to arrive? buying a house on friday",
     "transfer-times"),
    ("harbour-bank", "@Pennyroot can i use my card abroad without fees or is there a limit? going to spain next month",
     "fees-abroad"),
    ("crumb-and-co", "quick q - do Crispy Barn gift cards expire? got one for xmas and just found it in a drawer",
     "gift-cards"),
    ("tidewave", "going to Japan in april, does kiteline roaming work there or do I need a local sim?", "roaming"),
    ("northline-rail", "does a 16-25 railcard work on advance tickets?", "railcards"),
])
def test_common_questions_in_customers_words_are_answered(bank: str, text: str, answer: str) -> None:
    for d in drafts(bank, text, seeds=range(1, 3)):
        assert any(f".answer.{answer}." in s.phrase_id for s in d.stages), (d.action, d.text)


def test_no_fees_beside_a_condolence() -> None:
    text = ("@JunoWireless I need to cancel my late father's line. what do you need from me? happy to DM the death "
            "certificate")
    for d in drafts("tidewave", text):
        assert "fee" not in d.text.lower() and "charge" not in d.text.lower(), d.text


def test_shaking_with_anger_at_staff_is_no_threat() -> None:
    reading = read('tallwing crew member rolled her eyes and said "oh great, another one" when my son with Down\'s '
                   "syndrome asked for water. I am shaking @FlyTallwing")
    assert "threat" not in reading.urgency, reading.reasons
    assert reading.category == "rude_staff"


@pytest.mark.parametrize(("text", "intent"), [
    ("the new Strata Box Q is so much quicker than the old one, no more waiting 10 seconds to change channel. good "
     "job @StrataTVhelp", "praise"),
    ("no complaints, lovely stay at the Leeds hotel", "praise"),
])
def test_no_more_waiting_is_no_complaint(text: str, intent: str) -> None:
    assert read(text).intent == intent


def test_a_fourth_message_is_asked_again() -> None:
    from carevoice.variables import _ASKED_AGAIN
    assert _ASKED_AGAIN.search("this is the 4th time im messaging. you said the refund would land in 3-5 days")


def test_no_model_asked_of_a_post_that_named_one() -> None:
    from carevoice.compose import asks_for_given
    assert asks_for_given("Which model is it? Tell us by {{ channel.private }}.", {"details": {"product": "hp110"}})
    assert not asks_for_given("Which model is it? Tell us by {{ channel.private }}.",
                              {"details": {"product": "printer"}})


def test_no_reset_email_to_someone_without_the_email() -> None:
    text = "How do I recover my Gmail account if I don't have a number or email linked to it? I forgot my password."
    assert read(text).details.forgot == "email"
    for d in drafts("loopwork", text):
        assert "reset link" not in d.text, d.text


def test_no_reset_link_to_someone_whose_resets_failed() -> None:
    text = '@Cartlo cant log into my account, reset password 4 times, the email link says "expired" every single time'
    for d in drafts("parcelpop", text):
        assert "reset link" not in d.text and "Forgot password" not in d.text, d.text
    assert any("reset link" in d.text for d in drafts("parcelpop", "how do I reset my password"))


def test_charged_after_cancelling_is_no_unrecognised_charge() -> None:
    text = "@FibreNest cancelled in may, youre STILL taking direct debits in august. 3 months of paying for nothing"
    for d in drafts("tidewave", text):
        assert "recognise" not in d.text and "expect" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "If I cancel a Staylio booking within 24 hours of making it do I get everything back including the service fee?",
    "@X if I cancel my sub now will I lose my files?",
])
def test_if_i_cancel_do_i_is_a_question_about_what_would_happen(text: str) -> None:
    from carevoice.plan import asks_what_if
    assert asks_what_if(text)


@pytest.mark.parametrize(("text", "subject"), [
    ("when i try to redeem my windows 10 code i'm being told it's already used", "your windows 10 code"),
    ("why can't I save certain videos to my watch later", None),
    ("my watch stopped charging", "your watch"),
    ("I bought 2 tickets for the show", "the show"),
])
def test_numbered_names_and_watch_later(text: str, subject: str | None) -> None:
    found = read(text).subject
    assert (found.reply if found else None) == subject


def test_a_booking_reference_is_never_the_subject_named() -> None:
    text = ("need to add my infant to booking ZR4KQ8 for the 14th, @CirrusWings can someone do it for me? website "
            "won't let me")
    for d in drafts("northwind-air", text):
        assert "zr4kq8" not in d.text, d.text


@pytest.mark.parametrize(("text", "urgent"), [
    ("@SliceSociety what oil do you use for the fryer? sunflower or something else? asking for an allergy", False),
    ("does the pad thai have peanuts? I have a nut allergy", False),
    ("I asked for no onions (allergy) and there's onions in every bite", True),
    ("my son had an allergic reaction to your cake", True),
    ("my daughter is allergic to nuts and the cookie had nuts in it, she is swelling up", True),
])
def test_an_allergy_named_is_a_question_until_something_happened(text: str, urgent: bool) -> None:
    assert ("safety" in read(text).urgency) is urgent
