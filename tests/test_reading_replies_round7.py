"""Readings and replies fixed after blind review round 6: named things, lost details, links, news questions.

Each case is a real kind of post that reviewers stopped: a reply that named "your no video"
or "V14 0", asked for the e-mail a customer had said they forgot, asked for a link that was
in the post, or treated "any update about <a show>?" as a case being chased.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice import Drafter, Inbound
from carevoice.concentrate import concentrate
from carevoice.variation.history import MemoryHistory


def _read(text: str):  # type: ignore[no-untyped-def]
    return concentrate(Inbound(text=text))


@pytest.mark.parametrize(("text", "never"), [
    ("Why is this happening? No video showing but there is sound.", "no video"),
    ("i got error code WS-37368-7 and i have no idea why. Please respond so i can play again.", "error"),
    ("Just switched over to Premiere 2020 V14.0. Damn is it buggy, at least with multi-cam.", "14 0"),
    ("hey I bought a 1.25m shark card got the money but not the bonus deal, do I have to wait?", "25m"),
    ("After updating to iPadOS 13.4 it is impossible to connect 2 airpods. What can i do?", "13 4"),
    ("why am i stuck at 480p no premium", "480p"),
])
def test_a_missing_thing_a_code_or_a_number_is_never_the_subject(text: str, never: str) -> None:
    subject = _read(text).subject
    assert subject is None or never not in subject.reply.lower()


@pytest.mark.parametrize(("text", "named"), [
    ("the wifi on my flight was awful", "the wifi on your flight"),
    ("My PS4 Pro won't turn on", "your PS4"),
    ("my gift card won't work at checkout", "your gift card"),
])
def test_things_are_still_named(text: str, named: str) -> None:
    subject = _read(text).subject
    assert subject is not None and subject.reply == named


@pytest.mark.parametrize(("text", "forgot"), [
    ("I cant log into my account because I have forgotten the information to it, the email and password", "email"),
    ("I can't delete my old video because I don't remember the E-mail and password", "email"),
    ("I've got a new phone and didn't transfer my authenticator so I can't log in", "phone"),
    ("I lost my phone number so the code never arrives and I'm locked out", "phone"),
])
def test_what_the_customer_forgot_is_read(text: str, forgot: str) -> None:
    assert _read(text).details.forgot == forgot


@pytest.mark.parametrize("text", ["I forgot my password", "my parcel never came", "I changed my mind about the order"])
def test_nothing_forgotten_is_read_where_nothing_was(text: str) -> None:
    assert _read(text).details.forgot is None


_ASKS_EMAIL = re.compile(r"\b(e-?mail|address you sign in)\b[^.?!]*\bby DM\b|"
                         r"\b(send|share|tell us|drop|DM us|which)\b[^.?!]*\b(e-?mail|address you sign in)\b",
                         re.IGNORECASE)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), bank=st.sampled_from(["loopwork", "base"]))
def test_a_customer_who_forgot_the_email_is_never_asked_for_it(seed: int, bank: str) -> None:
    text = "I can't get into my account, I don't remember the email I used and I've forgotten the password"
    draft = Drafter(bank, history=MemoryHistory(), seed=seed).draft(Inbound(text=text))
    assert draft.action != "needs_agent"
    assert _read(text).details.forgot == "email"
    asks = [s for s in re.split(r"(?<=[.?!])\s+", draft.text) if _ASKS_EMAIL.search(s) and "whatever" not in s]
    assert not asks, draft.text  # "whatever name or email you think it's under" asks for no certainty


_ASKS_LINK = re.compile(r"\b(link|screenshot|which (store|site))\b", re.IGNORECASE)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), bank=st.sampled_from(["parcelpop", "loopwork", "base"]))
def test_a_report_that_gave_the_link_is_not_asked_for_it(seed: int, bank: str) -> None:
    text = ("Look at this seller trying to sell a 3 pack of lysol for $350, price gouging "
            "https://shop.example/itm/3730043")
    draft = Drafter(bank, history=MemoryHistory(), seed=seed).draft(Inbound(text=text))
    assert "remove" in _read(text).asks
    asked = [s.phrase_id for s in draft.stages if s.stage in ("resolve", "move_private")]
    assert asked, draft.stages
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", draft.text) if _ASKS_LINK.search(s)]
    assert all("thanks for the link" in s.lower() or "got the link" in s.lower() or "that link" in s.lower()
               for s in sentences), draft.text


@pytest.mark.parametrize("text", ["any update about Mirzapur 2 Please",
                                  "any word on when your San Antonio store locations are opening back up?"])
def test_news_asked_for_is_a_question_not_a_follow_up(text: str) -> None:
    reading = _read(text)
    assert reading.intent == "question"
    assert any("no case of the customer's own" in r for r in reading.reasons)


@pytest.mark.parametrize("text", ["any update on my refund? I've been waiting two weeks",
                                  "Still no answer to my email from last week, any update?"])
def test_a_case_being_chased_stays_a_follow_up(text: str) -> None:
    assert _read(text).intent == "follow_up"


@pytest.mark.parametrize("text", [
    "My partners at @Tmobile are donating up to $500k to the Relief Fund. Simply tweet and tag @Tmobile",
    "check our basement. parasite is live, watch now: https://video.example/detail/amzn1",
])
def test_promotional_posts_get_no_reply(text: str) -> None:
    draft = Drafter("loopwork", history=MemoryHistory()).draft(Inbound(text=text))
    assert draft.action == "no_reply" and draft.text == ""


@pytest.mark.parametrize("text", ["The new update is live and now my app crashes every time",
                                  "I can't watch now, the stream keeps buffering"])
def test_complaints_that_mention_live_or_watch_are_not_promotions(text: str) -> None:
    assert _read(text).intent != "spam"


@pytest.mark.parametrize("text", [
    "Flight cancelled at 11pm, desk closed, no hotel offered. Sleeping on the floor at the airport with a toddler",
    "broken down on the M6 and my phone says emergency calls only, I need to ring recovery",
    "They gave our room away and it's 1am, we have nowhere to go",
    "My card is blocked while I'm abroad and I can't pay for anything",
    "Reception closed, my key card stopped working and I can't get into my room at midnight",
])
def test_customers_stranded_now_are_found(text: str) -> None:
    assert "stranded" in _read(text).urgency


@pytest.mark.parametrize("text", ["The airport lounge was lovely, thanks for the upgrade",
                                  "My hotel booking confirmation never arrived by email, can you resend it?",
                                  "I fell asleep on the train and the app still charged me the right fare, nice"])
def test_travel_posts_without_a_stranded_customer_are_not_urgent(text: str) -> None:
    assert "stranded" not in _read(text).urgency


@pytest.mark.parametrize(("parts", "joined"), [
    (["Sorry the sign-in keeps failing.", "Of course. Send the email by DM."],
     "Sorry the sign-in keeps failing. Send the email by DM."),
    (["Sorry – that's not right.", "Absolutely – tell us by DM what you tried."],
     "Sorry – that's not right. Tell us by DM what you tried."),
    (["Of course. Send the email by DM."], "Of course. Send the email by DM."),
    (["Hi there,", "Of course. Send it."], "Hi there, of course. Send it."),
])
def test_a_reply_opening_word_is_dropped_after_another_sentence(parts: list[str], joined: str) -> None:
    from carevoice.compose import join_parts

    assert join_parts(parts) == joined


@given(st.lists(st.sampled_from(["Sorry about this.", "Of course. We'll check it.", "Understood, thanks.",
                                 "Absolutely – DM us.", "Thanks for telling us!"]), min_size=1, max_size=4))
def test_no_reply_opening_word_follows_a_full_stop(parts: list[str]) -> None:
    from carevoice.compose import join_parts

    text = join_parts(parts)
    assert not re.search(r"[.!?] (Of course|Understood|Absolutely)\b", text), text
    assert text.startswith(parts[0][:5])


@pytest.mark.parametrize(("text", "reply"), [
    ("Hey @Spotify is there a way to browse podcasts by publisher in the MacOS app", "the MacOS app"),
    ("plz fix Microsoft account I can't log in", "your Microsoft account"),
    ("I've tried many times to get this Windows Update to install but nothing works", "the Windows Update"),
])
def test_a_named_thing_ending_in_a_common_noun_takes_a_determiner(text: str, reply: str) -> None:
    subject = _read(text).subject
    assert subject is not None and subject.reply == reply


@pytest.mark.parametrize("text", ["Hello Dear Youtube Team. When I try to go live it fails",
                                  "Hi team, my order never came", "Dear Customer Service, the app keeps crashing"])
def test_a_salutation_is_never_the_subject(text: str) -> None:
    subject = _read(text).subject
    assert subject is None or not subject.reply.lower().endswith(("team", "service")), subject


def test_a_report_that_asks_where_to_send_phishing_gets_the_banks_answer() -> None:
    text = "what email do I use to forward spam emails, phishing like there from Apple???"
    draft = Drafter("loopwork", history=MemoryHistory()).draft(Inbound(text=text))
    assert draft.answer == "report-phishing"
    assert "phishing form" in draft.text or "phishing reports" in draft.text
    assert not draft.findings or all(f.severity != "error" for f in draft.findings)


@pytest.mark.parametrize("text", [
    "Thank you for blocking my card so quickly when it was stolen, brilliant team, really appreciate it",
    "Huge thanks to the crew who got my wheelchair back to the plane door in five minutes, brilliant service",
])
def test_thanks_for_a_danger_handled_is_praise_and_still_escalated(text: str) -> None:
    reading = _read(text)
    assert reading.intent == "praise"
    draft = Drafter("northwind-air", history=MemoryHistory()).draft(Inbound(text=text))
    assert not re.search(r"\b(sorry|apologi[sz]e)\b", draft.text, re.IGNORECASE), draft.text


@pytest.mark.parametrize("text", [
    "someone stole my card and spent £400, I need it blocked now",
    "thanks for nothing, my account was hacked and you still haven't helped",
])
def test_danger_without_thanks_stays_danger(text: str) -> None:
    assert _read(text).intent == "danger"


@pytest.mark.parametrize(("confidence", "situation"), [(0.56, "general"), (0.79, "general"), (0.95, "feature_request")])
def test_an_unsure_feature_request_takes_the_general_lines(confidence: float, situation: str) -> None:
    from carevoice.inbound import Reading
    from carevoice.plan import plan_reply

    plan = plan_reply(Reading(category="feature_request", confidence=confidence, intent="complaint",
                              intent_confidence=0.9, negative=True, emotion="frustration"))
    assert plan.situation == situation


@pytest.mark.parametrize(("text", "tried", "contacted"), [
    ("I restarted my phone and it still crashes", "restart", None),
    ("I've already tried restarting it twice", "restart", None),
    ("I called you three times and nobody helps", None, "phone"),
    ("when I call for help your line just hangs up on me", None, "phone"),
    ("my phone is stuck in an infinite restart loop", None, None),
    ("I can't call support because my phone is broken", None, None),
    ("how do I restart my router?", None, None),
])
def test_a_fix_tried_or_a_call_made_is_read_only_when_it_happened(text: str, tried: str | None,
                                                                    contacted: str | None) -> None:
    details = _read(text).details
    assert (details.tried, details.contacted) == (tried, contacted)
