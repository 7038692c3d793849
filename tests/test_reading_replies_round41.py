"""Round 41: what the blind reviewers of tune posts stopped, as general rules.

A customer who says they DMed already is not asked to DM their details again, nor sent back to their DMs
after asking us to stop; a new idea is not mourned as a change; a question about what would happen is
handed to an agent instead of being answered as the customer's own case; and a public warning about a scam
link is thanked in public, not taken into DMs to "make the account safe".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.compose import asks_for_details
from carevoice.plan import asks_what_if
from carevoice.variables import _CHANGED, _SENT


@pytest.mark.parametrize("text", [
    "been 3 weeks, still no refund for the cancelled train. DMed twice",
    "I've messaged you 4 times about this",
    "already emailed, nobody replies",
    "stop telling me to check my DMs, I have",
])
def test_a_customer_who_wrote_already_has_sent(text: str) -> None:
    assert _SENT.search(text), text


@pytest.mark.parametrize("text", [
    "can you DM me please",
    "I sent a complaint last year and it was fine",  # nothing sent about this case
])
def test_no_contact_said_is_nothing_sent(text: str) -> None:
    assert not _SENT.search(text), text


def test_a_dm_step_naming_the_reference_asks_for_details() -> None:
    assert asks_for_details("Could you {{ channel.private }} the claim reference? We'll check on it.")
    assert not asks_for_details("Send us a {{ channel.private }} and we'll get this looked at today.")


def test_dmed_twice_is_not_asked_for_the_reference_again() -> None:
    text = "@NorthlineRail been 4 weeks. still no delay repay for the 2 hr delay at Crewe. DMed twice"
    for d in drafts("northline-rail", text):
        assert not asks_for_details(d.text), d.text


def test_told_to_check_dms_is_no_ask_to_read_a_dm() -> None:
    text = ("3rd time asking. you promised a refund for order #88120 TWO WEEKS AGO. nothing in my account. "
            "stop telling me to check my DMs, I have")
    reading = read(text)
    assert "check_dm" not in reading.asks, reading.reasons
    for d in drafts("crumb-and-co", text):
        assert "look out for" not in d.text.lower() and "check your dm" not in d.text.lower(), d.text


def test_please_check_my_dm_still_asks_to_read_it() -> None:
    assert "check_dm" in read("@Parcelpop please check my DM, sent you the order details").asks


@pytest.mark.parametrize(("text", "changed"), [
    ("why did you take away the option to turn off auto renew?", True),
    ("since the latest update the playlist view is gone", True),
    ("please bring back the old layout", True),
    ("please add a colour picker to the editor", False),
    ("would love a dark mode on the web app", False),
])
def test_a_change_is_told_from_a_new_idea(text: str, changed: bool) -> None:
    assert bool(_CHANGED.search(text)) is changed


def test_a_new_idea_is_not_mourned_as_a_loss() -> None:
    text = "please put the same pen tool and colour picker in all your apps. switching between them is a nightmare"
    for d in drafts("loopwork", text):
        low = d.text.lower()
        assert "the change" not in low and "lost something" not in low and "losing something" not in low, d.text


@pytest.mark.parametrize("text", [
    "hypothetically, if I were to book a flight for next summer and it got cancelled, would I get a refund?",
    "what happens if my train is cancelled and I miss my connection?",
])
def test_a_what_if_question_is_told(text: str) -> None:
    assert asks_what_if(text)


def test_a_what_if_question_is_not_answered_as_the_customers_own_case() -> None:
    # a calm one is met with "we'll check and come back to you here" (`drafting.find_out`), never with the lines
    # for the customer's own refund ("DM us the booking reference")
    text = ("hypothetically speaking if I were to buy a return flight for August and things are still bad, "
            "would I be able to get a refund?")
    for d in drafts("northwind-air", text):
        found_out = any("drafting.find_out" in r for r in d.reasons)
        assert d.action == "needs_agent" or (d.action == "reply" and found_out), (d.action, d.reasons)
        assert any("what would happen" in r for r in d.reasons), d.reasons
        assert "booking reference" not in (d.holding or d.text).lower()


def test_an_own_refund_is_still_answered() -> None:
    text = "my refund for booking NW88213 still hasn't arrived after 3 weeks, where is it?"
    assert not asks_what_if(text)
    assert all(d.action != "needs_agent" for d in drafts("northwind-air", text))


def test_a_public_warning_about_a_scam_link_is_thanked_in_public() -> None:
    text = "WARNING: scammers are sending fake support popups, do not click on https://example.com/fake-help"
    for d in drafts("loopwork", text):
        assert d.action != "reply_and_move_private", (d.action, d.reasons)
        assert "making the account safe" not in d.text, d.text


def test_a_damaged_bag_is_not_searched_for() -> None:
    text = ("my suitcase came off the belt at Gatwick with the handle snapped off and a hole in the side. "
            "filled the form at the desk, they said email. @NorthwindAir")
    for d in drafts("northwind-air", text):
        low = d.text.lower()
        assert d.situation == "lost_baggage" or "lost_baggage" in " ".join(d.reasons), d.reasons
        assert not any(w in low for w in ("missing bag", "once it's found", "went astray", "didn't arrive",
                                          "still without", "where it's got to", "tracing")), d.text


def test_stranded_with_a_blocked_card_hears_it_first() -> None:
    text = ("@HarbourBank card blocked for suspicious activity while I'm in Lisbon. it was me. can't pay my hotel, "
            "can't get cash, the in-app check keeps failing. I'm stuck here with 20 euros. please unblock it")
    assert "stranded" in read(text).urgency
    for d in drafts("harbour-bank", text):
        ack = d.stages[0].phrase_id
        assert ack in ("hb.account_access.acknowledge.30", "hb.account_access.acknowledge.31"), d.text
        assert "sign-in" not in d.text and "getting into your banking" not in d.text, d.text


@pytest.mark.parametrize(("text", "left"), [
    ("the driver threw my parcel over the fence and it landed in the pond", True),
    ("they left the parcel outside in the rain, everything's soaked", True),
    ("delivered to the wrong house AGAIN", True),
    ("my parcel still hasn't arrived, tracking says out for delivery", False),
    ("I left a review last week", False),
])
def test_a_parcel_left_badly_is_told(text: str, left: bool) -> None:
    from carevoice.variables import _LEFT_BADLY

    assert bool(_LEFT_BADLY.search(text)) is left


@pytest.mark.parametrize("bank", ["parcelpop", "base"])
def test_a_parcel_thrown_over_the_fence_is_not_late(bank: str) -> None:
    text = "@ParcelPop your driver chucked my parcel over the gate and it landed in a puddle. great"
    for d in drafts(bank, text):
        low = d.text.lower()
        assert not any(w in low for w in ("still hasn't", "still isn't", "running so late", "still waiting",
                                          "on its way", "turned up")), d.text


@pytest.mark.parametrize("text", [
    "got a text saying it's from you about a missed payment with a link to pay. is this legit?",
    "Got an email from 'Brand Security' asking me to confirm my login or lose my points. Looks dodgy? "
    "Haven't clicked anything.",
])
def test_a_message_checked_with_us_gets_the_phishing_lines(text: str) -> None:
    assert read(text).category == "fraud_security", read(text).reasons
    for d in drafts("base", text):
        low = d.text.lower()
        assert "click" in low or "screenshot" in low or "never ask" in low, d.text
        assert "caught up in this" not in low and "anything unusual" not in low, d.text
        assert "i'm really sorry." not in low, d.text


@pytest.mark.parametrize("bank", ["northline-rail", "base", "parcelpop"])
def test_chasing_a_report_of_staff_hears_about_what_happened_not_only_the_wait(bank: str) -> None:
    text = "i reported the driver who swore at me and my kids on monday and nobody has got back to me. still waiting"
    reading = read(text)
    assert reading.intent == "follow_up" and reading.category == "rude_staff", reading.reasons
    for d in drafts(bank, text):
        first = d.stages[0].phrase_id
        assert first.startswith("base.rude_staff.apologise."), (first, d.text)


def test_food_left_in_the_rain_is_about_the_rider_not_the_dish() -> None:
    text = "rider just left my food on the pavement in the rain and drove off, didnt even knock. bag soaked through"
    for d in drafts("crumb-and-co", text):
        low = d.text.lower()
        assert "left like that" in low or "rider" in low or "delivery" in low, d.text
        assert "up to scratch" not in low and "restaurant" not in low, d.text


@pytest.mark.parametrize("bank", ["crumb-and-co", "base", "northline-rail"])
def test_thanks_for_help_in_a_medical_emergency_gets_relief_not_cheer(bank: str) -> None:
    text = ("the staff at the Leeds branch were amazing when my dad collapsed in the queue today. they stayed with "
            "him and called an ambulance. he's home now. thank you so much")
    assert read(text).intent == "praise"
    for d in drafts(bank, text):
        low = d.text.lower()
        assert not any(w in low for w in ("visit", "enjoy", "next time", "made our day", "!")), d.text
        assert any(w in low for w in ("okay", "relieved", "frightening", "recovery", "take care")), d.text


def test_a_furious_fourth_chase_is_not_thanked_for_bearing_with_us() -> None:
    text = "this is my FOURTH tweet. account frozen for 8 days. ive sent ID twice. pay my rent or unfreeze it"
    for d in drafts("harbour-bank", text, range(1, 13)):
        assert "bearing with us" not in d.text and "your patience" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "my son is 9 and the bus never came, he's stood at the stop alone in the dark",
    "our daughter is 12 and the last train was cancelled, she's on her own at the station",
])
def test_a_child_named_by_age_and_left_alone_is_vulnerable(text: str) -> None:
    reading = read(text)
    assert "vulnerable" in reading.urgency, reading.reasons
    assert reading.intent == "danger", reading.reasons


def test_a_childs_age_beside_no_trouble_is_no_urgency() -> None:
    assert read("my son is 9 and loves your new dinosaur trains, thank you!").urgency == ()


def test_an_unsure_situation_beside_a_clear_answer_takes_the_general_words() -> None:
    text = "Is there a phone number where I can talk to a rep without having to pay?"
    for d in drafts("loopwork", text):
        assert d.answer is not None, d.reasons
        low = d.text.lower()
        assert "treated" not in low and "behave" not in low, d.text


def test_a_phishing_site_reported_with_its_link_is_no_fake_app() -> None:
    text = "#Phishing page pretending to be your login found: https://example.net/fake-login please take it down"
    for d in drafts("loopwork", text):
        assert "fake app" not in d.text, d.text


@pytest.mark.parametrize("text", ["why aren't apps updating? Stay Safe", "I need help changing my password"])
def test_a_plain_post_gets_no_grave_apology(text: str) -> None:
    for d in drafts("loopwork", text, range(1, 13)):
        assert not any(s.phrase_id.startswith("base.general.acknowledge.serious.") for s in d.stages), d.text
        assert "not good enough" not in d.text and "falls short of what we owe" not in d.text, d.text
