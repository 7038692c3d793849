"""Readings and replies fixed after the blind review of drafts from a brand that only extends ``base``.

Reviewers stopped drafts that praised a "Star Wars" theme that never arrived, thanked a
cheerful question as if it were praise, answered "I would like a refund" with "Sorry your
refund is taking this long", called "Minecraft PE" the thing that was late, confirmed an
outage the customer only asked about, offered a "seller" check for a phishing warning,
escalated a game's "new hacker" item as an account break-in, asked a customer who had told
their whole story "what happened", and admitted fault ("it's on us", "we should have caught
this") before anyone knew the cause.
"""

from __future__ import annotations

import pytest
from conftest import draft_post as _draft

from carevoice import Inbound
from carevoice.concentrate import concentrate


def _read(text: str):  # type: ignore[no-untyped-def]
    return concentrate(Inbound(text=text))


@pytest.mark.parametrize("text", [
    "hi, I bought the Star Wars force unleashed 2 dynamic theme and it hasn't appeared in my themes category. "
    "It has been almost an hour now.",
    "I bought 500 gems yesterday and they never showed up",
])
def test_a_product_named_star_or_gem_is_no_praise(text: str) -> None:
    reading = _read(text)
    assert reading.intent != "praise" and reading.category != "praise", reading.reasons


@pytest.mark.parametrize("text", [
    "you're a star, thanks Dave",
    "Kim at the desk was an absolute legend today",
    "you guys are legends",
])
def test_a_person_called_a_star_or_a_legend_is_still_praise(text: str) -> None:
    assert _read(text).intent == "praise"


def test_a_cheerful_question_with_no_kind_word_is_no_praise() -> None:
    reading = _read("Alright, now that every day is a pajama day, this question is v important.\n\n"
                    "If you could have a pajama print of any show what would it be?")
    assert reading.intent != "praise", reading.reasons


@pytest.mark.parametrize("text", [
    "is there anything you can do in terms of refunding? I paid 7.99 by mistake",
    "can you refund me for the ticket",
])
def test_asking_whether_a_refund_is_possible_is_a_refund_ask(text: str) -> None:
    assert "refund" in _read(text).asks


@pytest.mark.parametrize("seed", range(6))
def test_a_refund_request_is_not_answered_as_a_late_refund(seed: int) -> None:
    draft = _draft("base", "I bought a pack from the store for 30 dollars and got a skin instead of the pack. "
                           "I would like a refund", seed=seed)
    assert draft.action in ("reply", "reply_and_move_private")
    text = draft.text.lower()
    for late in ("taking this long", "waited long enough", "still hasn't", "going missing", "not clear where"):
        assert late not in text, draft.text


def test_a_refund_line_names_the_money_not_what_was_bought() -> None:
    for seed in range(6):
        draft = _draft("base", "I bought Minecraft PE for my little brother and Google Play rejected my return. "
                               "What can I do?", seed=seed)
        assert "Minecraft" not in draft.text, draft.text


@pytest.mark.parametrize("seed", range(8))
def test_a_question_about_an_outage_is_not_told_there_is_one(seed: int) -> None:
    draft = _draft("base", "Are online services down for GTA5 (Xbox 1)?", seed=seed)
    text = draft.text.lower()
    assert "the outage" not in text and "is down for you" not in text and "gone down on you" not in text, draft.text


@pytest.mark.parametrize("seed", range(8))
def test_a_phishing_warning_gets_no_seller_or_purchase_lines(seed: int) -> None:
    draft = _draft("base", "Apple Support iPhone Popup Error Scammers: https://example.info/ios-issues "
                           "WARNING! DO NOT CLICK ON https://example.info/ios-issues", seed=seed)
    assert "seller" not in draft.text.lower() and "purchase" not in draft.text.lower(), draft.text


def test_a_game_item_called_hacker_is_no_break_in() -> None:
    reading = _read("I distorted 50 signal hammers in gta but did not get the money or the new hacker what shoud I do")
    assert "data_exposure" not in reading.urgency and reading.intent != "danger", reading.reasons
    assert "data_exposure" in _read("a hacker got into my account and changed my email").urgency
    assert "data_exposure" not in _read("there are hackers in every lobby on warzone, fix it").urgency


def test_a_late_relative_is_a_bereavement() -> None:
    reading = _read("my phone was disabled by a glitch and today I lost photos of recently deceased family members")
    assert reading.bereavement and reading.emotion == "sadness", reading.reasons


_TOLD = ("Hi, any chance you can fix your LR iPad app. After editing and then exporting photos to camera roll "
         "it doesn't matter whether it's 7 or 25 photos selected, there's always 1 photo that's not exported.")


@pytest.mark.parametrize("seed", range(12))
def test_a_post_that_told_its_story_is_not_asked_what_happened(seed: int) -> None:
    text = _draft("base", _TOLD, seed=seed).text.lower()
    for ask in ("what you expected", "what happens when you open", "which screen", "what you're seeing",
                "what you see", "description of the problem", "steps that lead"):
        assert ask not in text, text


@pytest.mark.parametrize("seed", range(12))
def test_an_app_fault_is_not_admitted_before_anyone_knows_the_cause(seed: int) -> None:
    text = _draft("base", "hey please fix it, the app keeps freezing and saying an error occurred", seed=seed).text
    assert "on us" not in text and "should have caught" not in text, text


_SIGN_IN_WORDS = ("can't sign in", "can't get in", "signing in", "sign-in isn't", "sign-in process", "log in",
                  "login", "locked", "lockout", "back in", "get into", "let you in", "shut out", "kept out",
                  "recovery")
"""What a reply to a lockout says; naming "the email you sign in with" only identifies the account."""


@pytest.mark.parametrize("bank", ["base", "loopwork"])
@pytest.mark.parametrize("text", [
    "apparently my psn account is set as primary on another console and i cant switch it to my ps4 for primary",
    "My account got deleted off my game and i lost everything on there. I had 9 high overall myplayers.",
    "hey I'm trying to change my country/region on my account and I'm having issues. Please help",
])
def test_an_account_post_about_no_sign_in_gets_no_lockout_lines(bank: str, text: str) -> None:
    for seed in range(4):
        draft = _draft(bank, text, seed=seed)
        if draft.analysis.category != "account_access":
            continue
        public = draft.text.lower()
        assert not any(w in public for w in _SIGN_IN_WORDS), draft.text


@pytest.mark.parametrize("seed", range(4))
def test_a_lockout_still_gets_sign_in_lines(seed: int) -> None:
    draft = _draft("base", "I can't log in to my account, it keeps saying wrong password", seed=seed)
    assert any(w in draft.text.lower() for w in ("sign", "log", "locked", "back in", "get in", "access")), draft.text


@pytest.mark.parametrize("text", [
    "I won the car in the casino but I didn't get it. Pls help",
    "My videos are going to be delayed today, Premiere Pro keeps crashing on any footage",
])
def test_what_the_software_worked_on_is_not_named_as_the_fault(text: str) -> None:
    for seed in range(4):
        draft = _draft("base", text, seed=seed)
        assert "the car" not in draft.text and "your videos" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("seed", range(6))
def test_a_complaint_about_bad_sellers_gets_no_account_security_lines(seed: int) -> None:
    draft = _draft("base", "I hope you are going to shut the disgusting sellers down. This is disgusting! Fix this",
                   seed=seed)
    text = draft.text.lower()
    assert "your account" not in text and "locked down" not in text, draft.text


@pytest.mark.parametrize("seed", range(6))
def test_a_refund_question_about_a_future_trip_gets_no_late_refund_lines(seed: int) -> None:
    draft = _draft("base", "hypothetically if I book an international flight for late summer and corona is still "
                           "around, would I be able to get a refund?", seed=seed)
    text = draft.text.lower()
    assert "long wait" not in text and "holding" not in text and "taking this long" not in text, draft.text


@pytest.mark.parametrize("text", [
    "my pc auto updated from last night and now I get nothing but BSOD no matter what I do",
    "my Pc keeps crashing and restarting by itself every hour, it's driving me mad",
])
def test_a_device_with_no_software_named_is_the_subject_written_as_a_platform(text: str) -> None:
    draft = _draft("base", text)
    assert "the app" not in draft.text and "your PC" in draft.text, draft.text


@pytest.mark.parametrize("seed", range(6))
def test_a_report_of_bad_sellers_gets_no_account_check_and_thanks_once(seed: int) -> None:
    draft = _draft("base", "Seriously letting Sellers price gouge toilet paper in bulk?? Total garbage. I've reported "
                           "at least 20, what the hell?? Get some checks in place PLEASE.", seed=seed)
    text = draft.text.lower()
    assert "your account" not in text and "bought anything" not in text, draft.text
    assert text.count("thank") <= 1, draft.text


@pytest.mark.parametrize("text", [
    "what time does the Leeds store close tonight",
    "what are your opening hours on sunday",
    "are you open on bank holiday monday",
])
def test_an_opening_hours_question_is_a_question_not_a_complaint(text: str) -> None:
    reading = _read(text)
    assert reading.intent == "question", reading.reasons
    # base knows no brand's hours: "we'll check and come back to you here" and the agent posts the hours, or (where
    # the reading hears frustration in "hours") an agent answers; never an apology
    draft = _draft("base", text)
    found_out = any("drafting.find_out" in r for r in draft.reasons)
    assert (draft.action == "reply" and found_out and draft.custom_slot) or draft.action == "needs_agent", \
        draft.reasons
    assert "sorry" not in draft.text.lower()


def test_a_complaint_about_closing_stays_a_complaint() -> None:
    assert _read("why are you closed AGAIN on a saturday, this is ridiculous, third week running").intent == "complaint"


@pytest.mark.parametrize("seed", range(6))
def test_a_frozen_bank_account_is_not_answered_as_a_sign_in_problem(seed: int) -> None:
    draft = _draft("harbour-bank", "why has my account been frozen? I can't pay my rent", seed=seed)
    text = draft.text.lower()
    assert not any(w in text for w in ("sign-in", "sign in", "signing in", "locked out", "back in")), draft.text
