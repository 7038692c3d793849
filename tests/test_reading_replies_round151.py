"""Round 151 (twenty-third stop): what 150 fresh real tune posts (seed 2700) had stopped.

- A customer passing on the brand's own notice ("Our branches are open for customers who need us...") got "We'll take
  that as a compliment."; a shared product blog post got "Sorry – that's not the experience we want anyone to have".
  The "?" of a shared link's query string and "customers who need us" had made both read as messages to the brand.
- "I need to reinstall, lost code, purchased online win10" was asked "what can we help with?": it had said.
- A Yahoo user reporting an address that sends phishing got "sorry this one's worried you" and an offer to go
  through their own sign-ins.
- A laptop on next-day shipping that had not come was met with "a purchase should never just go missing" and
  "which account you used": the software brand's lines for in-app purchases.
- "my account has not been verified" got "Sorry you've been locked out of your account".
- A question about how to contact the team about development got "We'll get that checked by the right people",
  and a lost two-step verification device "Have you changed your phone number or email lately?".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, part, read

from carevoice.compose import repeats_a_move
from carevoice.plan import asks_vaguely, plan_reply, reads_as_announcement, shares_content
from carevoice.variables import post_conditions

_NOTICE = ("Our branches are open for customers who need us. We are temporarily closing some branches and revising "
           "hours as needed, but there will be an open branch or ATM near you. To find updated branch or ATM info, "
           "check your Chase Mobile app or https://locator.chase.com/?locale=en_US&jp_cmp=rb/locator/off/branch/na "
           "link")
_PROMO = ("Deliver a secure and agile work environment for employees with new Dropbox features for IT. #DropboxWIP "
          "https://blog.dropbox.com/topics/product/dropbox-business-it-solutions?utm_source=twitter&utm_medium=social")


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "expected"), [
    (_NOTICE, True),
    (_PROMO, True),
    ("Why is the app down again", False),
    ("the app is down. why", False),
    ("Who decided this was a good idea", False),
    ("loving the update https://example.com/post?id=4", True),
    ("the app is down?", False),
])
def test_reads_as_announcement_ignores_links_and_question_words_inside_a_sentence(text: str, expected: bool) -> None:
    assert reads_as_announcement(text) is expected


@pytest.mark.parametrize(("bank", "text"), [("harbour-bank", _NOTICE), ("loopwork", _PROMO)])
def test_a_brands_own_notice_passed_on_gets_no_reply(bank: str, text: str) -> None:
    for draft in drafts(bank, text, range(1, 4)):
        assert draft.action == "no_reply", (draft.text, draft.reasons)
        assert any("share or an announcement" in r for r in draft.reasons), draft.reasons


@pytest.mark.parametrize("text", [
    "The app crashes every time on the login page",
    "Terrible customer support in time of crisis.",
    "Seriously, @zoom_us . You can do better. This is not ok. link",
])
def test_a_complaint_without_first_person_is_still_answered(text: str) -> None:
    for draft in drafts("loopwork", text, range(1, 3)):
        assert draft.action != "no_reply", (draft.text, draft.reasons)


def test_a_quiet_share_needs_a_link_and_a_reading_of_nothing_in_particular() -> None:
    reading = read(_PROMO)
    assert reading.emotion == "neutral" and shares_content(_PROMO)
    assert plan_reply(reading, announcement=True, shared=True).action == "no_reply"
    assert plan_reply(reading, announcement=True, shared=False).action != "no_reply"
    assert plan_reply(reading, announcement=False, shared=True).action != "no_reply"
    upset = reading.model_copy(update={"emotion": "frustration"})
    assert plan_reply(upset, announcement=True, shared=True).action != "no_reply"
    specific = reading.model_copy(update={"category": "app_bug", "confidence": 0.95})
    assert plan_reply(specific, announcement=True, shared=True).action != "no_reply"
    sure = reading.model_copy(update={"intent_confidence": 0.9})
    assert plan_reply(sure, announcement=True, shared=True).action != "no_reply"


@pytest.mark.parametrize("text", [
    "@KestrelTech phone auto-correcting \"lol\" to \"lil\" for 2 years now. we've accepted it. its family",
    "@Fennicks only one changing room open on a saturday afternoon and a queue of 15 people",
    "wifi in the rooms is unusable @TrundleStays",
    "@CorvinaAir if your planes are named after fish can the next one be called Gary",
    "@CobwebFibre router delivered with a cracked case and a power lead for the wrong country 🙄",
])
def test_a_joke_or_gripe_told_to_the_brand_without_a_link_is_answered(text: str) -> None:
    assert not shares_content(text)
    for draft in drafts("base", text, range(1, 3)):
        assert draft.action != "no_reply", (draft.text, draft.reasons)


@pytest.mark.parametrize(("text", "expected"), [
    ("I need to reinstall, lost code, purchased online win10 tia", False),
    ("I need a refund", False),
    ("I need help with my account", True),
    ("what is this", True),
])
def test_a_post_that_names_its_need_is_not_vague(text: str, expected: bool) -> None:
    assert asks_vaguely(text) is expected


def test_a_named_need_read_unsurely_goes_to_an_agent_not_a_question_back() -> None:
    for draft in drafts("loopwork", "I need to reinstall, lost code, purchased online win10 tia", range(1, 4)):
        assert not any(".clarify." in i for i in _ids(draft)), _ids(draft)


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("reports_sender", "I've identified a Yahoo account sending phish emails. How do I report ann@yahoo.com?", True),
    ("reports_sender", "I need to report that someone is sending spam email from a yahoo account", True),
    ("reports_sender", "how do I report this sender", True),
    ("reports_sender", "is this email from you? it says my account is locked", False),
    ("phishing", "I've identified a Yahoo account sending phish emails. How do I report ann@yahoo.com?", False),
    ("phishing", "got a phish email pretending to be you", True),
    ("shipped", "I paid for next day shipping and it still isn't here", True),
    ("shipped", "my replacement hub was meant to ship last week. tracking number doesnt work", True),
    ("shipped", "bought the season pass and it's not in my library", False),
    ("verify", "i have done everything what is needed, but my account has not been verified", True),
    ("verify", "why do I have to verify my identity AGAIN every time I log in", False),
    ("verify", "my Orchard Tab wont update, says \"unable to verify update\"", False),
    ("verify", "therefore i request you to verify my channel and give me reward notification", False),
    ("verify", "my verification is still pending after 2 weeks", True),
    ("verify", "I can’t verify my account because it says my password is incorrect", False),
    ("verify", "verified purchase review says it broke in a week", False),
])
def test_round151_post_conditions(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_a_reported_phisher_is_thanked_and_asked_for_the_address_not_reassured() -> None:
    text = ("hey yahoo - I've identified a Yahoo account sending phish emails. How do I report "
            "brucekennedy34@yahoo.com to your abuse team?")
    for draft in drafts("loopwork", text, range(1, 5)):
        assert any("reports_sender" in i for i in _ids(draft)), _ids(draft)
        low = draft.text.lower()
        assert "worried" not in low and "sign-ins" not in low and "genuine" not in low, draft.text
        assert "abuse team" in low, draft.text


def test_a_late_shipment_to_a_software_brand_is_chased_as_an_order() -> None:
    text = ("I paid for next day shipping. I'm not understanding why when I called inquiring about my order, I was "
            "told that it's going to take a while. If I PAID that fee, it should be here the next day")
    for draft in drafts("loopwork", text, range(1, 6)):
        low = draft.text.lower()
        assert "in your account" not in low and "go missing" not in low and "which account" not in low, draft.text
        assert "order number" in low, draft.text
        assert any(".shipped." in i for i in _ids(draft)), _ids(draft)


def test_a_digital_purchase_still_gets_the_account_lines() -> None:
    text = "bought the Whale Shark card 3 days ago and it still isn't in my account"
    assert not post_conditions(text)["shipped"]
    for draft in drafts("loopwork", text, range(1, 4)):
        assert not any(".shipped." in i for i in _ids(draft)), _ids(draft)


def test_a_verification_that_will_not_go_through_is_not_a_lockout() -> None:
    text = ("Hello, i have done everything what is needed, but my account has not been verified. My account link is: "
            "link")
    for draft in drafts("loopwork", text, range(1, 5)):
        low = draft.text.lower()
        assert "locked out" not in low and "kept out" not in low, draft.text
        assert "verif" in low, draft.text


def test_asking_how_to_reach_the_team_gets_the_contact_answer() -> None:
    text = "How would I contact a member of the Mojang to ask them a question about Minecraft's development?"
    for draft in drafts("loopwork", text, range(1, 3)):
        assert any("contact-us" in i for i in _ids(draft)), _ids(draft)


def test_a_lost_two_step_device_gets_the_recovery_answer() -> None:
    text = "I lost my 2step verification device ,can I move it to another device?"
    for draft in drafts("loopwork", text, range(1, 3)):
        assert any("two-step-lost-phone" in i for i in _ids(draft)), _ids(draft)


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("accident", "i dropped my @HP pavilion laptop tonight and it cracked", True),
    ("accident", "I lost my grip and now the computer is broke", True),
    ("accident", "I dropped a video yesterday and anyone cannot watch it", False),
    ("accident", "the hinge has cracked. I've never dropped it", False),
    ("phishing", "I keep getting these texts. Seems like spam. Can you confirm?", True),
    ("phishing", "is this spam or did you really text me", True),
])
def test_round151_more_post_conditions(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_a_dropped_laptop_is_offered_a_repair_not_troubleshooting() -> None:
    text = "i dropped my @HP pavilion laptop tonight and it cracked :((( I’ve had this for about 4 years"
    for draft in drafts("loopwork", text, range(1, 5)):
        low = draft.text.lower()
        assert ("repair" in low or "fix it" in low) and "factory reset" not in low, draft.text
        assert "out of nowhere" not in low and any(".accident." in i for i in _ids(draft)), _ids(draft)


def test_a_text_that_seems_like_spam_is_not_answered_as_a_call_or_a_card_freeze() -> None:
    text = "I keep getting these texts. Seems like spam. Can you confirm? link"
    for draft in drafts("harbour-bank", text, range(1, 5)):
        low = draft.text.lower()
        assert "hang up" not in low and "freeze your card" not in low, draft.text


def test_let_us_look_after_lets_look_is_an_echo() -> None:
    lets = part("acknowledge", "Sorry it still isn't right; let's look a bit deeper.")
    assert repeats_a_move([lets, part("resolve", "Let us look into this for you – a quick DM is all we need.")])
    assert not repeats_a_move([lets, part("resolve", "Let us know which device it's on.")])


def test_a_report_with_nothing_linked_is_not_said_to_be_with_the_review_team() -> None:
    text = "what are you doing about price gouging? Lysol spray 24oz is $4 a bottle and minimum I have seen is $12"
    for draft in drafts("parcelpop", text, range(1, 6)):
        assert "this one's with them" not in draft.text, draft.text


@pytest.mark.parametrize(("text", "expected"), [
    ("Deliver a secure work environment https://blog.example.com/post?utm_source=twitter", True),
    ("new features for IT www.example.com/it", True),
    ("Vintage pottery lovers unite. Pitcher and Bowl via @eBay", True),
    ("Our branches are open for customers who need us.", True),
    ("the app keeps crashing on my phone", False),
])
def test_shared_content_knows_a_link_as_post_link_does(text: str, expected: bool) -> None:
    from carevoice.plan import has_link

    assert shares_content(text) is expected
    if has_link(text):
        assert shares_content(text)
