"""Round 148 (twenty-second stop): what 229 written sector tune posts and the real tune 200 had stopped.

- A fraud victim whose card's number "just rings out" was told to call it; a father on the phone to a scammer
  "right now" got "please don't respond"; an account posing as the brand under its posts got "reach us so we can
  secure your account".
- Salary that never landed read as an app fault ("tell us whether an error message appears"); internet cut off over
  a bill already paid offered a line test; a mortgage with a completion date at risk got "DM us whatever you can
  share".
- Food bought on a train was asked "which restaurant was it from?"; a refund for a cancelled Advance ticket quoted
  the fee for unused Anytime tickets.
- "on hold for 1 hour 52 minutes. 'your call is important to us' 🙂" was met with "Heard, loud and clear."
- Real posts too vague to read ("I need help finding new shows", "what's this about 😩 [link]") went to an agent,
  and a company's own 5G announcement, shared by a customer, too.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.plan import asks_vaguely, plan_reply, reads_as_announcement
from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("on_hold", "now $2,300 is gone. please call me, the number on my card just rings out", True),
    ("on_hold", "FOUR HOURS on the phone today. 4 transfers between departments", True),
    ("on_hold", "the phone rang while I was in the shower", False),
    ("pay_missing", "payday and my salary hasn't landed. rent goes out at 9", True),
    ("pay_missing", "my wages still not showing and it's the 28th", True),
    ("pay_missing", "got paid today, love the new app", False),
    ("cut_off_paid", "YOU HAVE CUT OFF MY INTERNET FOR A BILL I PAID. I HAVE THE BANK STATEMENT", True),
    ("cut_off_paid", "disconnected over a payment we've already paid twice", True),
    ("cut_off_paid", "my internet cuts off every evening", False),
    ("scam_live", "my dad is on the phone right now with someone claiming to be your fraud team", True),
    ("scam_live", "as we speak my mum is on the phone with a man saying he's from the bank", True),
    ("scam_live", "I was on the phone for an hour with your team", False),
    ("big_stake", "our purchase completes on the 19th and the seller is threatening to pull out", True),
    ("big_stake", "we're about to lose the house", True),
    ("big_stake", "the mortgage offer came through, thank you", False),
    ("fake_account", "there's a \"Coinlet Support\" account replying to everyone under your tweets", True),
    ("fake_account", "your support account replied to me in 4 minutes", False),
    ("in_store", "shelf said £2.50 till charged £3.75", True),
    ("split_seats", "booked seats together for me and my 7yo, she ended up 4 rows behind me", True),
    ("split_seats", "we were 4 rows from the front", False),
])
def test_round148_post_conditions(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_a_card_line_that_rings_out_is_not_given_back_as_the_way_to_reach_us() -> None:
    text = ("@FairwayCU got a call \"from the credit union\" that sounded legit, read them the code you texted me, "
            "and now $2,300 is gone via Zelle. please call me, the number on my card just rings out")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "call the number" not in draft.text.lower(), draft.text
        assert "fraud team will" in draft.text, draft.text


def test_a_scam_call_still_going_on_is_told_to_hang_up() -> None:
    text = ("my dad (81) is on the phone right now with someone claiming to be @HollowayMutual fraud team telling "
            "him to move his savings to a 'safe account'. I'm on my way over. can you put a block on his account NOW")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert any("scam_live" in i for i in _ids(draft)), _ids(draft)
        assert "don't reply to them" not in draft.text, draft.text


def test_an_account_posing_as_the_brand_is_reported_not_treated_as_the_customers_breach() -> None:
    text = ("@CoinletSupport there's a \"Coinlet Support\" account replying to everyone under your tweets asking them "
            "to DM their seed phrase to \"verify\" their wallet. one of them got my friend yesterday. please get it "
            "taken down")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "reported" in draft.text, draft.text
        assert "secure your account" not in draft.text, draft.text


def test_missing_salary_is_traced_not_sent_to_the_app_team() -> None:
    text = ("@TallybankHQ payday and my salary hasn't landed. everyone at other banks got paid at midnight. app just "
            "says 'pending'. rent goes out at 9")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "error message" not in draft.text and "app team" not in draft.text, draft.text
        assert any("pay_missing" in i for i in _ids(draft)), _ids(draft)


def test_cut_off_over_a_paid_bill_is_reconnected_not_line_tested() -> None:
    text = ("@SignalboxTel YOU HAVE CUT OFF MY INTERNET FOR A BILL I PAID. I HAVE THE BANK STATEMENT. I WORK FROM "
            "HOME. 2 hours on hold this morning and then the line went dead. SORT IT TODAY")
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "test your line" not in draft.text, draft.text
        assert "reconnected" in draft.text, draft.text


def test_a_completion_at_risk_is_chased_today() -> None:
    text = ("@OakmereBS mortgage offer was meant to be issued 'within 10 days'. day 23. our purchase completes on the "
            "19th and the seller is threatening to pull out")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "today" in draft.text, draft.text
        assert "annoyed" not in draft.text, draft.text


def test_food_bought_on_a_train_is_not_asked_which_restaurant() -> None:
    for text in ("@CrimsonTrains the onboard shop ran out of everything except crisps before Rugby. 4 hr journey",
                 "Greyford first class breakfast: a cold croissant and a yoghurt with a use by date of yesterday."):
        for draft in drafts("northline-rail", text, range(1, 5)):
            assert "restaurant" not in draft.text and "order number" not in draft.text, draft.text


def test_a_cancelled_train_refund_has_no_fee_and_a_strike_question_keeps_its_answer() -> None:
    for draft in drafts("northline-rail", "my train was cancelled, can I get a refund?", range(1, 4)):
        assert "refund-cancelled-train" in (draft.answer or ""), draft.text
        assert "£5" not in draft.text
    text = ("Quick question, what happens to my ticket if my train is cancelled due to the strike next week? Just "
            "planning ahead 🙂 @MeridianRail")
    for draft in drafts("northline-rail", text, range(1, 3)):
        assert draft.answer is not None and "live-times" in draft.answer, draft.text


def test_a_long_hold_told_lightly_is_still_a_complaint() -> None:
    text = "@SterlingVale on hold for 1 hour 52 minutes. 'your call is important to us' 🙂"
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "loud and clear" not in draft.text, draft.text
        assert "sorry" in draft.text.lower(), draft.text


def test_a_power_of_attorney_is_paperwork_not_a_legal_threat() -> None:
    text = ("@SterlingVale could you DM me? I need to register a power of attorney for my father's accounts and "
            "don't know where to start")
    assert "legal" not in read(text).urgency
    assert "legal" in read("my attorney will be in touch about this").urgency


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi twitter friends I need help finding new shows on Netflix and Hulu", True),
    ("what’s this about 😩 link", True),
    ("hey guys I just had this really weird pop up on my phone and I’m really worried about it please help me !! "
     "Is this normal to see link", True),
    ("@BoxhausHelp one of the legs on the chair snapped the first time my husband sat on it", False),
    ("I need help " + "with this thing that happened to my order and then again " * 3, False),
])
def test_asks_vaguely(text: str, expected: bool) -> None:
    assert asks_vaguely(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The New @TMobile is the ONLY wireless provider that has the resources to launch a broad and deep 5G network",
     True),
    ("Join the #PhotoshopMasterclass on the iPad, LIVE NOW on @Behance", True),
    ("size 12 in your jeans is a size 8 anywhere else. @ShopVividly who is doing your sizing", False),
    ("my parcel never came", False),
    ("pobrano mi dwa razy opłatę za przelew zagraniczny do Polski", False),
])
def test_reads_as_announcement(text: str, expected: bool) -> None:
    assert reads_as_announcement(text) is expected


def test_a_vague_plea_gets_a_question_back_not_a_hand_off_or_an_apology() -> None:
    text = "Hi twitter friends I need help finding new shows on Netflix and Hulu"
    for draft in drafts("loopwork", text, range(1, 6)):
        assert draft.action == "reply", draft.reasons
        assert any(".clarify." in i for i in _ids(draft)), _ids(draft)
        assert "sorry" not in draft.text.lower(), draft.text


def test_an_unsure_post_that_told_its_story_still_goes_to_an_agent() -> None:
    text = "@BoxhausHelp one of the legs on the chair snapped the first time my husband sat on it"
    reading = read(text)
    assert reading.intent_confidence < 0.35
    plan = plan_reply(reading, vague=asks_vaguely(text), announcement=reads_as_announcement(text))
    assert plan.action == "needs_agent" and not plan.clarify, plan.reasons


def test_a_shared_announcement_gets_no_reply_and_clarify_can_be_turned_off() -> None:
    from carevoice.bank.settings import DraftingSettings

    text = ("The New @TMobile is the ONLY wireless provider that has the resources to launch a broad and deep 5G "
            "network using combined low, mid and high spectrum bands, bringing wireless access to people throughout "
            "the country quickly.")
    reading = read(text).model_copy(update={"negative": False})
    assert reading.intent_confidence < 0.35 and reading.emotion == "neutral"
    assert plan_reply(reading, announcement=True).action == "no_reply"
    upset = reading.model_copy(update={"negative": True, "emotion": "frustration"})
    assert plan_reply(upset, announcement=True).action == "needs_agent"
    sprint = "It’s official, @Sprint is part of the T-Mobile family. Now more than ever, you need a network."
    assert reads_as_announcement(sprint)
    vague = read("what’s this about 😩 link")
    assert plan_reply(vague, vague=True).clarify
    off = plan_reply(vague, vague=True, drafting=DraftingSettings(clarify=False))
    assert off.action == "needs_agent" and not off.clarify


def test_thanks_for_being_the_worst_is_sarcasm_and_gets_no_thanks_back() -> None:
    text = ("shoutout to you guys for being the worst email providers to possible use. 2nd time being hacked with no "
            "possible way of getting my things back. Thanks")
    assert read(text).sarcasm
    for draft in drafts("loopwork", text, range(1, 7)):
        assert not draft.text.lower().startswith(("thank", "we're treating this as urgent, and thank")), draft.text


def test_a_joke_about_a_failed_hacking_attempt_is_met_with_the_step_that_keeps_it_failed() -> None:
    for draft in drafts("loopwork", "Nice try for hacking my google account 😜😂", range(1, 5)):
        assert "two-step verification" in draft.text.lower(), draft.text


def test_an_address_reported_as_a_phisher_is_not_the_customers_to_delete() -> None:
    from carevoice.concentrate.pii import find_pii
    from carevoice.plan import reports_an_address

    text = ("hey yahoo - I've identified a Yahoo account sending phish emails. How do I report "
            "brucekennedy34@yahoo.com to your abuse team?")
    assert reports_an_address(text, find_pii(text))
    own = "my email is ann.smith@example.com and I can't log in"
    assert not reports_an_address(own, find_pii(own))
    spammed = "I keep getting spam sent to ann.smith@example.com"
    assert not reports_an_address(spammed, find_pii(spammed))
    for draft in drafts("loopwork", text, range(1, 5)):
        assert "privacy" not in [s.stage for s in draft.stages], _ids(draft)
        assert "delete" not in draft.text and "take down" not in draft.text, draft.text


def test_a_post_about_how_a_brand_delivers_is_not_asked_whether_it_was_a_delivery() -> None:
    text = "apparently this is how @amazon delivers packages while remaining socially distant link"
    assert post_conditions(text)["delivery"]
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "at delivery, at pickup" not in draft.text, draft.text


def test_a_code_already_given_is_not_asked_for_again() -> None:
    text = "i got error code WS-37368-7 and i have no idea why or how i got it. Please respond so i can play again."
    for draft in drafts("loopwork", text, range(1, 5)):
        assert "with the code" not in draft.text, draft.text


def test_a_chat_service_question_gets_the_contact_answer() -> None:
    text = "hello GoDaddy, do you still have a chat service? I'm not able to find it"
    for draft in drafts("loopwork", text, range(1, 3)):
        assert draft.answer is not None and "contact-us" in draft.answer, draft.text


def test_a_question_back_passes_the_structure_check_and_tells_the_agent_why() -> None:
    text = "Hi twitter friends I need help finding new shows on Netflix and Hulu"
    for draft in drafts("loopwork", text, range(1, 4)):
        assert not [f for f in draft.findings if f.code == "CV403"], draft.findings
        assert draft.custom_slot and "could not be read surely" in (draft.custom_slot_hint or "")
