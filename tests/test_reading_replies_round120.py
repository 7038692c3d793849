"""Round 120 (seventeenth stop): what 280 written sector tune posts and 150 real tune posts had stopped.

- A joke about a problem read surely ("if I had a dollar for every dropped call I could pay my bill", "when your
  flight is delayed so long you learn the names of the Starbucks staff") was answered with a quip ("we'll take
  that as a compliment"): it is now met as a complaint told as a joke, a smile back, a sorry and the next step
  (`post.wry`). A joke about nothing wrong keeps its quip.
- "Can you DM me" is met by saying we've messaged them: no help-page answer, no "send us a receipt".
- A charge the post calls wrong is no comment on the price: a tap-out the reader missed, the day cap taken for one
  journey, a pack paid for after cancelling (`post.pricing`, `post.after_cancel`).
- A chargeback already raised is not offered again (`post.disputed`); a sign-in code that never shows up is the
  code step (`post.two_step`); a missed engineer visit is not told how appointments work.
- Thanks for a scam someone stopped is praise, not a fraud report; "went to a friend and I lost all my things" is
  no vulnerable person lost.
- What a customer tried ("reinstalled and updated my iOS") is seldom the subject; "pixel pete's arcade" names no
  phone; a reference said twice in one reply ("SK482 ... SK482") reads as stitched parts.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, part, read

from carevoice.compose import _echoes
from carevoice.concentrate.details import _DEVICE
from carevoice.plan import joke_about_a_problem
from carevoice.variables import _post_holds

JOKES_ABOUT_PROBLEMS = [
    ("tidewave", "if i had a dollar for every dropped call on @NexaMobile this week i could pay my NexaMobile bill"),
    ("northwind-air", "when your flight is delayed so long you start learning the names of the Starbucks staff at "
                      "B gates @AeroluxAir"),
    ("tidewave", "velo metro wifi disconnecting every single time we enter a tunnel is the closest thing I have to "
                 "a meditation practice 🧘 @VeloMetro"),
]
_QUIPS = ("compliment", "framing", "highlight", "noticeboard", "smiled at and passed")


@pytest.mark.parametrize(("bank", "text"), JOKES_ABOUT_PROBLEMS)
def test_a_joke_about_a_problem_read_surely_is_met_as_the_problem(bank: str, text: str) -> None:
    reading = read(text)
    assert reading.intent == "banter" and joke_about_a_problem(reading), reading.reasons
    for draft in drafts(bank, text, range(1, 5)):
        assert any("a complaint told as a joke" in r for r in draft.reasons), draft.reasons
        stages = [s.stage for s in draft.stages]
        assert "greet" not in stages and stages[-1] in ("resolve", "move_private"), stages
        lowered = draft.text.lower()
        assert "sorry" in lowered and not any(q in lowered for q in _QUIPS), draft.text


@pytest.mark.parametrize("text", [
    "the towel swans at Staywell Torquay have gotten ambitious, today we got what I think is a towel octopus 🐙 "
    "10/10 artistry @StaywellHotels",
    "Crispy Barn on the M6 services at 2am after a 9 hour drive hits different 😭🍗 @CrispyBarn",
    "Nice try for hacking my google account 😜😂",
])
def test_a_joke_about_nothing_wrong_or_about_a_hacking_attempt_keeps_its_light_reply(text: str) -> None:
    reading = read(text)
    # "10/10 artistry" is a rating as well as a joke: since the twenty-eighth stop "10/10" counts as praise (the term
    # had never matched), and thanks are as light a reply as banter's
    assert reading.intent in ("banter", "praise") and not joke_about_a_problem(reading), reading.reasons
    for draft in drafts("base", text, range(1, 3)):
        if reading.intent == "banter":
            assert [s.stage for s in draft.stages] == ["acknowledge"], draft.stages
        assert "sorry" not in draft.text.lower() and draft.action == "reply", draft.text


@pytest.mark.parametrize(("bank", "text"), [
    ("northwind-air", "@SwiftlineAir can you DM me please, need to add my wheelchair to my booking and the online "
                      "form won't take it"),
    ("tidewave", "@OmnivoxUK I'm out of contract next month, I'd like to see what loyalty deals you can offer "
                 "before I look elsewhere. DM me"),
    ("crumb-and-co", "@PizzaPronto can u DM me, want to make a complaint about the delivery driver but not on here"),
])
def test_can_you_dm_me_is_met_by_saying_we_have_messaged_them(bank: str, text: str) -> None:
    assert "dm_me" in read(text).asks
    for draft in drafts(bank, text, range(1, 5)):
        assert draft.answer is None, draft.answer
        last = draft.stages[-1].phrase_id
        assert draft.text.count("DM") + draft.text.count("message") >= 1, draft.text
        assert not any(w in draft.text for w in ("receipt", "Manage booking", "what happened")), (last, draft.text)


@pytest.mark.parametrize(("text", "pricing"), [
    ("Velo Metro charged my contactless the max daily cap £9.80 for one journey because the gate at Riverside "
     "didn't read my card on the way out", False),
    ("@GreenwayTrams contactless charged me the full day cap of £6.80 for a single stop because the reader at the "
     "other end didn't register the tap out", False),
    ("why am I paying @StrataTVhelp £12.99 for a Movies pack I cancelled in MARCH?? I want every penny back", False),
    ("£7.50 for a microwave bacon roll on the Northmoor trolley. daylight robbery", True),
    ("why charge 50p extra for oat milk? it's 2024", True),
])
def test_a_charge_the_post_calls_wrong_is_no_comment_on_the_price(text: str, pricing: bool) -> None:
    assert _post_holds("pricing", text) is pricing


@pytest.mark.parametrize(("text", "after_cancel"), [
    ("why am I paying @StrataTVhelp £12.99 for a Movies pack I cancelled in MARCH??", True),
    ("I cancelled the trial and still got charged", True),
    ("7 months of charges since I cancelled", True),
    ("paying £12.99 a month for a pack I never watch", False),
])
def test_paying_for_what_was_cancelled_is_a_charge_after_cancelling(text: str, after_cancel: bool) -> None:
    assert _post_holds("after_cancel", text) is after_cancel


def test_tidewave_meets_a_pack_paid_for_after_cancelling_as_such() -> None:
    text = "why am I paying @StrataTVhelp £12.99 for a Movies pack I cancelled in MARCH?? 7 months of charges"
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "cancel" in draft.text.lower() and "pricing" not in draft.text.lower(), draft.text
        assert "don't recognise" not in draft.text, draft.text


@pytest.mark.parametrize(("text", "disputed"), [
    ("raised a chargeback in june for a holiday company that went bust. my chargeback is still under review", True),
    ("any update on the chargeback? uploaded the extra evidence yesterday", True),
    ("I opened a dispute 3 weeks ago and heard nothing", True),
    ("how do I dispute a transaction in the app?", False),
    ("can I do a chargeback on a holiday company that went bust?", False),
])
def test_a_chargeback_already_raised_is_told_from_one_to_raise(text: str, disputed: bool) -> None:
    assert _post_holds("disputed", text) is disputed


def test_a_chargeback_already_raised_is_not_offered_again() -> None:
    text = ('@HarborTrust raised a chargeback in june for a holiday company that went bust. its november. my '
            'chargeback is still "under review"')
    for draft in drafts("harbour-bank", text, range(1, 6)):
        assert "we can raise a dispute" not in draft.text and "raising a dispute" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "The code does not show up within the 60s timer. I've tried a few times",
    "the sms code never arrives when I try to log in",
    "lost my authenticator when I changed phones",
])
def test_a_code_that_never_shows_up_is_the_code_step(text: str) -> None:
    assert _post_holds("two_step", text)


@pytest.mark.parametrize("text", ["my promo code doesn't work at checkout", "what's the code for the wifi?"])
def test_other_codes_are_not_the_code_step(text: str) -> None:
    assert not _post_holds("two_step", text)


def test_a_missed_engineer_visit_is_not_told_how_appointments_work() -> None:
    text = "engineer booked 8-1. no show. no call. took a day off work for nothing. @CrestlineCares"
    for draft in drafts("tidewave", text, range(1, 5)):
        assert draft.answer is None and "move it until" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "to the lady at Fairway CU Wigan who talked my mum out of sending £3,000 to a 'romance' scammer - you saved her "
    "savings and probably her pride. thank you from all of us @FairwayCU",
])
def test_thanks_for_a_scam_someone_stopped_is_praise(text: str) -> None:
    reading = read(text)
    assert reading.intent == "praise", reading.reasons
    assert "fraud" in reading.urgency  # still read, still escalated to a person
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "freeze" not in draft.text and "secure your account" not in draft.text, draft.text


def test_a_scam_reported_with_no_thanks_is_still_danger() -> None:
    reading = read("someone talked my mum into sending £3,000 to a romance scammer, how do we get it back?")
    assert reading.intent == "danger", reading.reasons


def test_losing_things_at_a_friends_house_is_no_person_lost() -> None:
    text = ("Hello, I accidentally deleted Minecraft, downloaded it again and went to a friend and I lost all my "
            "things, 30 worlds became 26 help please")
    assert "vulnerable" not in read(text).urgency
    assert "vulnerable" in read("my daughter is lost at the station and her phone is dead").urgency


def test_a_fix_tried_is_seldom_the_subject() -> None:
    text = ("I've been having issues toggling between windows in PS ever since I started using this macbook. I've "
            "uninstalled/reinstalled and updated my IOS. @Photoshop Help")
    subject = read(text).subject
    assert subject is None or "IOS" not in subject.text, subject


@pytest.mark.parametrize(("text", "device"), [
    ("bought the pixel pete's arcade but I haven't got my money", None),
    ("my Pixel keeps crashing", "Pixel"),
    ("the Pixel 7a battery drains overnight", "Pixel 7a"),
])
def test_pixel_is_a_phone_only_with_a_model_or_an_owner(text: str, device: str | None) -> None:
    found = _DEVICE.search(text)
    assert (found.group() if found else None) == device


def test_a_reference_said_twice_reads_as_stitched_parts() -> None:
    assert _echoes([part("acknowledge", "Sorry about the disruption to SK482."),
                    part("resolve", "We'll find out what's happening with SK482.")])
    assert not _echoes([part("acknowledge", "Sorry about the disruption to SK482."),
                        part("resolve", "DM us the booking reference and we'll check it.")])
    assert not _echoes([part("acknowledge", "Sorry it's taken 14 days."),
                        part("resolve", "Refunds take up to 14 days to show.")])  # a number is no reference


@pytest.mark.parametrize(("text", "subject"), [
    ("@FairwayCU approved my first car loan today. thank you", "my first car loan"),
    ("ordered my replacement card 12 days ago, still nothing", "my replacement card"),
    ("still can't download my boarding pass and the flight's in 3 hours", "my boarding pass"),
    ("can't find my order number anywhere", "my order"),
    ("Are online services down for GTA5 (Xbox 1)?", "GTA5"),
])
def test_a_compound_thing_is_read_whole_and_no_further(text: str, subject: str) -> None:
    found = read(text).subject
    assert found is not None and found.text == subject, found


# Round 121 (33 more real tune posts and 196 written ones)


def test_thanks_to_support_is_thanks_to_the_team_not_the_app() -> None:
    text = "finally, I have the access now! My Gmail is recovered and I could get all my data back. Thank you support!"
    assert _post_holds("care_team", text)
    for draft in drafts("loopwork", text, range(1, 5)):
        assert draft.action == "reply" and "app" not in draft.text.lower(), draft.text
        assert any(s.phrase_id.startswith("lw.praise.thank.care.") for s in draft.stages), draft.stages


def test_a_scam_checked_before_anything_is_lost_gets_the_banks_answer() -> None:
    text = "- $200 bucks to fixed a hacked http://sbcglobal.net email account? Is this correct or a pure scam?"
    assert read(text).intent == "danger"
    for draft in drafts("loopwork", text, range(1, 4)):
        assert draft.answer == "paid-recovery-scam", draft.reasons
        assert draft.action == "escalate" and "don't pay" in draft.text, draft.text


def test_clear_praise_the_weights_doubt_is_thanked_not_handed_on() -> None:
    text = ("shout out to the driver of the 47 at 6am who waited for me when he saw me running. you made my day "
            "@LooplineBus")
    reading = read(text)
    assert reading.intent == "praise" and reading.intent_confidence >= 0.75, reading.reasons
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert draft.action == "reply" and "sorry" not in draft.text.lower(), (draft.action, draft.text)


@pytest.mark.parametrize(("text", "suspended"), [
    ("the email address associated with my rockstar account has been deactivated. can you help change it?", False),
    ("my account has been deactivated for no reason, please reinstate it", True),
    ("youtube suspended my channel", True),
])
def test_a_deactivated_email_is_no_suspended_account(text: str, suspended: bool) -> None:
    assert _post_holds("suspended", text) is suspended


@pytest.mark.parametrize(("text", "subject"), [
    ("I cant download a world. when I went to pay for it I used my email now I cant do nothing?", None),
    ("help. Someone has been using my Spotify account and adding songs to my list", "my Spotify account"),
])
def test_what_the_customer_did_it_with_is_not_the_subject(text: str, subject: str | None) -> None:
    found = read(text).subject
    assert (found.text if found else None) == subject, found


def test_the_quip_that_claims_a_pun_is_gone_and_wry_faces_are_wry() -> None:
    from carevoice.variables import _WRY

    text = "the Tramwell announcer saying 'Pickle Lane' with that much enthusiasm every morning is what keeps me going"
    assert all("what you did there" not in d.text for d in drafts("northline-rail", text, range(1, 12)))
    assert _WRY.search("Great 10 hours ahead 🙃") and _WRY.search("me at 3am: still here 🫠")


def test_a_critique_of_a_security_flaw_is_answered_in_public() -> None:
    text = ("People in my community use @zoom_us because of security (end-to-end encryption.) The vulnerability "
            "reported on today is bad, but the tepid response by Zoom and the fact there was 90 days prior to fix it")
    for draft in drafts("loopwork", text, range(1, 5)):
        assert draft.action == "reply" and "own account" not in draft.text, (draft.action, draft.text)
        assert "security team" in draft.text, draft.text


def test_a_security_critique_read_as_nothing_in_particular_takes_the_security_lines() -> None:
    text = ("I really like @zoom_us as a product, but they've got some really, REALLY dumb hot takes about security "
            "in response to vulnerabilities in their Mac client.")
    for draft in drafts("loopwork", text, range(1, 4)):
        assert draft.action == "reply" and any("security flaw in the product: fraud_security lines" in r
                                               for r in draft.reasons), draft.reasons
        assert any(s.phrase_id.startswith("lw.fraud_security.") for s in draft.stages), draft.stages


@pytest.mark.parametrize(("text", "eligibility"), [
    ("I'm supposed to fly to Washington in 2 weeks and everything is shut down. Is my flight refundable?", True),
    ("only thing you can say is sorry my ticket is non-refundable", True),
    ("can we get our money back if the concert is cancelled?", True),
    ("am I entitled to a refund if the hotel closes?", True),
    ("when will I get my refund? it has been 3 weeks", False),
    ("my flight was changed by 5 hours so I'm entitled to a refund. please process it", False),
])
def test_whether_a_booking_can_be_refunded_is_told_from_a_refund_on_its_way(text: str, eligibility: bool) -> None:
    assert _post_holds("refund_eligibility", text) is eligibility


def test_a_refund_eligibility_question_is_not_told_its_refund_is_late() -> None:
    text = "I'm supposed to fly to Washington in 2 weeks and everything is shut down there. Is my flight refundable?"
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "taking longer" not in draft.text and "owed" not in draft.text, draft.text
        assert any(s.phrase_id.startswith("nw.refund_status.") and "eligibility" in s.phrase_id
                   for s in draft.stages), draft.stages


@pytest.mark.parametrize(("text", "missing"), [
    ("I won the car from the casino earlier but i logged on just now and it’s not there. Help", True),
    ("on the 28 of march i won the car from the casino wheel, and I still don't have in my garages", True),
    ("my progen pr4 which I won from the podium has gone and I'm not sure where", True),
    ("I bought the game in 2014 and I still have it, love it", False),
    ("I bought my phone in 2019 and it has been great", False),
])
def test_something_won_or_bought_that_is_not_there_never_reached_the_account(text: str, missing: bool) -> None:
    assert _post_holds("not_received", text) is missing


# Round 123's tune stops (the fixed tune 200)


def test_remove_my_name_from_your_files_is_an_opt_out_not_a_contact_answer() -> None:
    text = ("I DO NOT have an account with you BUT you keep emailing me this BS below. PLEASE remove my name from "
            "your files")
    assert "opt_out" in read(text).asks
    for draft in drafts("loopwork", text, range(1, 4)):
        assert draft.answer is None and any(w in draft.text for w in ("remove", "off our", "stop")), draft.text


def test_a_forgotten_email_is_not_asked_whether_it_is_a_password_or_a_code() -> None:
    text = "Hey @MojangSupport , I forgott my email and cant login into my login please help me"
    assert read(text).details.forgot
    for draft in drafts("loopwork", text, range(1, 7)):
        assert "password problem, a code" not in draft.text and "What do you see" not in draft.text, draft.text


def test_post_conditions_read_once_are_what_the_context_would_read() -> None:
    from carevoice import Inbound
    from carevoice.bank import load_bank
    from carevoice.checks.channels import get_channel
    from carevoice.variables import build_context, post_conditions

    text = "why am I paying £12.99 for a Movies pack I cancelled in MARCH?? the engineer never turned up either"
    post, bank, x = Inbound(text=text, channel="x"), load_bank("tidewave"), get_channel("x")
    conditions = post_conditions(text)
    assert conditions["after_cancel"] and conditions["no_show"] and not conditions["pricing"]
    assert (build_context(post, read(text), bank, x, conditions=conditions)["post"]
            == build_context(post, read(text), bank, x)["post"])
