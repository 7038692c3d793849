"""Round 107 (sixteenth stop): more questions nothing answers get "let me check", and two tune misreads.

Two blind reviewers published 14 and 13 of 16 tune questions, and 14 and 17 of 22 held-out ones, that had gone to
an agent before and now get the honest "let me check and come back to you here" (`drafting.find_out`):
- a plain question asked with some worry or annoyance ("lost my purse on the 13:05, any chance someone handed it
  in??") gets the promise alone: no greeting, no "sorry this has been such a struggle" for a struggle the post
  does not tell, and none of the cheery "good question" lines;
- a calm question the reading took for a complaint ("what are your opening hours on sunday at the Leeds store?")
  is met as the calm question it is.
Anger, sadness, a challenge ("why do I have to pay..."), a what-if or a policy question still go to an agent.
Two parts that say what we do in the same words ("we'll look into it properly. We'll look at the offer ...") read
as stitched parts, like three words said twice: the draft is drawn again. A lost authenticator or a verification
code that never comes (`post.two_step`) is not asked "is it a password problem or a code?".

Round 111 (150 other real tune posts): where a thing works is not the subject ("works in my app but not on
desktop"); "a charge you weren't expecting" needs money taken unexpectedly (`post.unexpected_charge`), not a
purchase the account does not show; a calm "seems like spam, can you confirm?" is not told it is frightening.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, part, read

from carevoice.compose import _one_of_each_move, repeats_a_move
from carevoice.variables import _post_holds

UPSET_QUESTIONS = [
    ("northline-rail", "lost my purse on the 13:05 from Cheltenham, coach A. any chance someone handed it in?? "
                       "@WestlineRail"),
    ("northwind-air", "@VerdantAir my connecting flight in Amsterdam is 55 mins. is that enough if I have to go "
                      "through passport control?"),
    ("harbour-bank", "@OakmereBS what's the max I can pay into the regular saver each month? and can I miss a "
                     "month?"),
    ("tidewave", "whats the text number for a PAC code @NimbusMobile"),
]
_CHEERY = ("good question", "great question", "fair question", "good one", "happy to", "thanks for",
           "good thing to check")


@pytest.mark.parametrize(("bank", "text"), UPSET_QUESTIONS)
def test_a_worried_or_annoyed_plain_question_gets_the_promise_alone(bank: str, text: str) -> None:
    reading = read(text)
    assert reading.emotion in ("anxiety", "frustration") or reading.negative, reading.reasons
    for draft in drafts(bank, text, range(1, 5)):
        assert draft.action == "reply" and draft.text, (draft.action, draft.reasons)
        assert any("drafting.find_out" in r for r in draft.reasons), draft.reasons
        assert [s.stage for s in draft.stages] == ["find_out"], draft.stages
        lowered = draft.text.lower()
        assert "sorry" not in lowered and not lowered.startswith(_CHEERY), draft.text
        assert draft.custom_slot and draft.custom_slot_hint and "Nothing in the bank answers" in draft.custom_slot_hint


def test_a_calm_question_read_as_a_complaint_is_met_as_a_question() -> None:
    text = "what are your opening hours on sunday at the Leeds store?"
    assert read(text).intent == "complaint"  # the weights' reading; the plan sees the calm question in it
    for draft in drafts("base", text, range(1, 5)):
        assert draft.action == "reply", (draft.action, draft.reasons)
        assert any("answered as a question, not a complaint" in r for r in draft.reasons), draft.reasons
        assert [s.stage for s in draft.stages][-1] == "find_out"
        assert "acknowledge" not in [s.stage for s in draft.stages] and "sorry" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("bank", "text"), [
    # anger: more than its question
    ("northline-rail", "WHY is there NOBODY at the ticket office at Bath Spa?? 40 minutes queueing, absolute joke"),
    # a challenge in a question's words
    ("tidewave", "@Skylinq why do I have to pay £15 to keep my own landline number when I move house and stay "
                 "with you??"),
    # a what-if about a case that does not exist
    ("northwind-air", "hypothetically speaking if I were to purchase an international flight leaving late summer, "
                      "and corona is still debilitating, would I be able to get a refund?"),
])
def test_an_angry_pointed_or_what_if_question_is_no_find_out(bank: str, text: str) -> None:
    for draft in drafts(bank, text, range(1, 3)):
        assert not any("drafting.find_out" in r for r in draft.reasons), (draft.text, draft.reasons)


def test_a_cheery_find_out_line_is_for_a_calm_asker_only() -> None:
    from carevoice.bank import load_bank

    lines = load_bank("base").cell("any", "find_out")
    cheery = [p for p in lines if p.text.lower().startswith(_CHEERY)]
    assert len(cheery) >= 10
    for phrase in cheery:
        assert phrase.emotions and set(phrase.emotions) <= {"neutral", "delight"}, phrase.id
    calm_only = {p.id for p in lines if p.emotions}
    assert len(lines) - len(calm_only) >= 60  # plenty left for a worried or annoyed asker


def test_praise_that_cannot_say_enough_is_praise() -> None:
    text = ("Can't say enough about the team at @SeaglassResorts Algarve. Sofia at the pool bar remembered our "
            "names and our drinks all week. already rebooked for next year")
    reading = read(text)
    assert reading.intent == "praise" and reading.category == "praise", reading.reasons
    for draft in drafts("base", text, range(1, 3)):
        assert "sorry" not in draft.text.lower(), draft.text


def test_having_two_accounts_is_no_question_about_merging_them() -> None:
    text = ("hey guys . I have two accounts with you guys and one has stopped working since this am at 920am "
            "central time Texas . It's one of my main biz emails and i am unable to log in to it")
    for draft in drafts("loopwork", text, range(1, 3)):
        assert "merge" not in draft.text.lower() and not any("merge-accounts" in r for r in draft.reasons), draft.text
    for draft in drafts("loopwork", "can I merge my two accounts? made a second one by mistake", range(1, 2)):
        assert any("merge-accounts" in r for r in draft.reasons), draft.reasons


@pytest.mark.parametrize(("first", "second"), [
    ("Sorry this offer hasn't worked out as you hoped; we'll look into it properly.",
     "We'll look at the offer and your account together – DM us the name it's under."),
    ("Sorry you've lost access; we'll help you get back to your stuff.",
     "Is it a password problem or an error message? Tell us by DM and we'll help."),
    ("We're sorry – this is not okay, and we'll act on it.", "Please DM us now so we can act on this straight away."),
])
def test_two_parts_doing_the_same_thing_in_the_same_words_are_drawn_again(first: str, second: str) -> None:
    parts = [part("acknowledge", first), part("resolve", second)]
    assert repeats_a_move(parts) and _one_of_each_move(parts) is None


def test_what_we_do_said_once_and_the_same_noun_twice_are_no_echo() -> None:
    parts = [part("acknowledge", "Sorry the offer didn't go through; we'll look into it."),
             part("resolve", "Which plan are you on? We'll check the offer applies to it and add it if it does.")]
    assert not repeats_a_move(parts)


@pytest.mark.parametrize(("text", "two_step"), [
    ("I recently bought a new phone and lost my authenticator in the process", True),
    ("the verification code never arrives, tried 6 times", True),
    ("locked out after 2FA reset, help", True),
    ("forgot my password and the reset email never comes", False),
    ("the new code editor update is great", False),
])
def test_the_second_step_of_signing_in_is_told_from_the_rest(text: str, two_step: bool) -> None:
    assert _post_holds("two_step", text) is two_step


def test_a_lost_authenticator_is_not_asked_whether_it_is_a_password_or_a_code() -> None:
    text = "I recently bought a new phone and lost my authenticator in the process, thanks for the help"
    for draft in drafts("loopwork", text, range(1, 7)):
        lowered = draft.text.lower()
        assert "password problem" not in lowered and "what do you see when you try" not in lowered, draft.text
        assert draft.action == "reply_and_move_private", draft.action


@pytest.mark.parametrize(("text", "not_subject"), [
    ("How come YouTube Premium works in my YouTube App but not my YouTube Desktop?", "my YouTube App"),
    ("it works on my laptop but not on my phone", "my laptop"),
])
def test_where_a_thing_works_is_not_what_the_post_is_about(text: str, not_subject: str) -> None:
    subject = read(text).subject
    assert subject is None or subject.text != not_subject, subject



def test_what_fails_is_the_subject() -> None:
    subject = read("it works on my laptop but not on my phone").subject
    assert subject is not None and subject.text == "my phone", subject


@pytest.mark.parametrize(("text", "unexpected"), [
    ("you charged me twice for my subscription", True),
    ("there is a £9.99 payment I don’t recognise", True),
    ("I have NEVER agreed to this 'ultimate protection' for any domain", True),
    ("random charge on my card from you", True),
    ("I bought it online and the transaction was successful, but the page tells me I have to buy it", False),
    ("The PayPal email on my account is the wrong one and money keeps going to it", False),
    ("I signed up for the upgrade program and have been paying monthly. Now I'm told I'm not on it", False),
])
def test_money_taken_unexpectedly_is_told_from_other_billing_trouble(text: str, unexpected: bool) -> None:
    assert _post_holds("unexpected_charge", text) is unexpected


def test_a_purchase_the_account_does_not_show_is_not_a_charge_you_did_not_expect() -> None:
    text = ("Hi All, I have a problem in downloading Minecraft Java Edition. I bought it online and the transaction "
            "was successful (I also received mail confirmation with ID). But every time I try to download the "
            "software, the web page tells me I have to buy it.")
    for draft in drafts("loopwork", text, range(1, 7)):
        lowered = draft.text.lower()
        assert "weren't expecting" not in lowered and "caught you off guard" not in lowered, draft.text


def test_a_calm_is_this_spam_question_is_not_told_it_is_frightening() -> None:
    text = "I keep getting these texts. Seems like spam. Can you confirm? link"
    for draft in drafts("harbour-bank", text, range(1, 7)):
        assert "frightening" not in draft.text.lower(), draft.text
