"""Round 156 (twenty-fourth stop): what 76 written tune posts of seven sectors (seed 3000) had stopped.

- "how do I get a replacement sim? mine got wet" was answered with the 5G coverage answer: "how do i get 5g" had no
  topic word, since "5g" is two characters long, so it matched any "how do I get ...".
- "your website says my flight is on time, the board says cancelled" was sent back to the website.
- Thanks for a support chat ("support sorted my missing order in 3 minutes in the chat") went to "the restaurant
  team"; "Marcus in the Norwich tech dept spent 40 mins helping my dad ... 👏" was not passed to Marcus.
- "25 minutes in the drive thru for two coffees" got lines about a meal, not the wait.
- "kettle from you stopped working" was asked "Which product is it?" and, elsewhere, "Is it still usable, or has it
  stopped completely?".
- From 200 real tune posts re-reviewed at this stop's code: "That's not good enough, and I'm sorry it's happened" went
  to calm help requests ("Any ideas??"), "Which screen does it happen on?" to posts that had said, and the brand's own
  network news passed on ("We're building our 5G network...") was answered as a fault.
- Questions a telecom or restaurant bank should answer went unanswered: moving a number to another carrier, "pro rata"
  on a first bill, a replacement SIM, an allergen list; "does roaming work in Japan" got an answer about Europe.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, part, read

from carevoice.answers import _topics, tried_already
from carevoice.bank.registry import load_bank
from carevoice.compose import repeats_a_move
from carevoice.plan import speaks_as_brand
from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


def test_a_short_word_with_a_digit_is_a_topic_word() -> None:
    topics = _topics((("how do i get 5g",), ("how do i pay my bill",), ("how do i get a new router",),
                      ("how do i get a refund",)))
    assert topics["how do i get 5g"] == frozenset({"5g"})
    assert "do" not in topics["how do i pay my bill"]  # a short word without a digit is not


@pytest.mark.parametrize(("text", "answer"), [
    ("@NexaMobile how do I get a replacement sim? mine got wet lol", "replacement-sim"),
    ("@NexaMobile how do I get 5G on my phone?", "coverage-5g"),
    ("@NexaMobile I want to transfer my number to another carrier, how do i get the PIN", "pac-code"),
    ("why does my Ripple bill say 'pro rata' this month?? first bill so not sure what I'm actually paying for",
     "high-bill"),
    ("going to Japan in april, does kiteline roaming work there or do I need a local sim? @KitelineHelp", "roaming"),
])
def test_telecom_questions_get_their_own_answer(text: str, answer: str) -> None:
    for draft in drafts("tidewave", text, range(1, 3)):
        assert any(f".answer.{answer}." in i for i in _ids(draft)), (_ids(draft), draft.text)


def test_roaming_outside_europe_is_not_answered_as_europe_alone() -> None:
    text = "going to Japan in april, does kiteline roaming work there or do I need a local sim? @KitelineHelp"
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "most countries" in draft.text, draft.text


def test_an_allergen_list_asked_for_gets_the_allergen_answer() -> None:
    text = "@SliceSociety could you send me the allergen list for the new menu please"
    for draft in drafts("crumb-and-co", text, range(1, 3)):
        assert any(".answer.allergens." in i for i in _ids(draft)), (_ids(draft), draft.text)


def test_what_the_website_says_counts_as_looked_at() -> None:
    bank = load_bank("northwind-air")
    status = next(a for a in bank.answers if "status" in a.id)
    text = "@SkylineAir your website says my flight is on time, the board says cancelled. which one is it???"
    assert tried_already(text, status)
    assert not tried_already("@SkylineAir is my flight on time? can't see the board from here", status)
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "website" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("text", "expected"), [
    ("@GrubrunHelp quick shoutout, support sorted my missing order in about 3 minutes in the chat tonight", True),
    ("thanks for the refund on the burnt pizza, sorted in 5 mins on chat 👍", True),
    ("the pizza was lovely, the driver was sound", False),
    ("the chat of the other diners was so loud", False),
])
def test_a_support_chat_is_the_care_team(text: str, expected: bool) -> None:
    assert post_conditions(text)["care_team"] is expected


def test_thanks_for_a_support_chat_do_not_go_to_the_restaurant() -> None:
    text = ("@GrubrunHelp quick shoutout, support sorted my missing order in about 3 minutes in the chat tonight, "
            "refund already showing. cheers")
    for draft in drafts("crumb-and-co", text, range(1, 7)):
        assert "restaurant" not in draft.text.lower() and "kitchen" not in draft.text.lower(), draft.text


def test_a_colleague_praised_with_applause_is_named() -> None:
    text = ("@Hollowells Marcus in the Norwich tech dept spent 40 mins helping my dad pick a laptop and didn't once "
            "upsell. proper old school service 👏")
    assert read(text).details.staff == "Marcus"
    assert read("@Hollowells Marcus in the Norwich store spent 40 mins ignoring me").details.staff is None


@pytest.mark.parametrize(("text", "expected"), [
    ("@GoldenBun 25 minutes in the drive thru for two coffees, one of them with no lid", True),
    ("20 mins in the queue at Hull and the tills were empty", True),
    ("the drive thru was quick tonight", False),
    ("10 minutes in the oven and it was still raw", False),
])
def test_a_wait_at_the_drive_thru_is_a_long_wait(text: str, expected: bool) -> None:
    assert post_conditions(text)["long_wait"] is expected


def test_a_wait_at_the_drive_thru_gets_lines_about_the_wait() -> None:
    text = "@GoldenBun 25 minutes in the drive thru for two coffees, one of them with no lid"
    for draft in drafts("crumb-and-co", text, range(1, 7)):
        assert "meal" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("bank", ["parcelpop", "base"])
def test_a_product_that_stopped_working_is_not_asked_which_or_whether_it_works(bank: str) -> None:
    text = "@HearthstoneHome kettle from you stopped working after 2 months and now there's a scorch mark on the bottom"
    for draft in drafts(bank, text, range(1, 13)):
        low = draft.text.lower()
        assert "which product" not in low and "still usable" not in low, draft.text


_NETWORK_NEWS = ("We’re building our 5G network quickly and strategically so that we will make the most impact for our "
                 "customers in this critical time. In the next 6 years the #NewTMobile network will bring:\n"
                 "- 14x more capacity than TMO alone\n- 15x faster LTE \n- 90% of rural 🇺🇸")


@pytest.mark.parametrize(("text", "expected"), [
    (_NETWORK_NEWS, True),
    ("We're building a new store in Leeds and my order still hasn't come", False),
    ("our customers deserve better than this", True),
    ("the 5G network is down in Leeds", False),
])
def test_speaks_as_brand_needs_the_brand_voice_and_no_customer_self(text: str, expected: bool) -> None:
    assert speaks_as_brand(text) is expected


def test_the_brands_own_network_news_passed_on_gets_no_reply() -> None:
    for draft in drafts("tidewave", _NETWORK_NEWS, range(1, 4)):
        assert draft.action == "no_reply", (draft.text, draft.reasons)


def test_a_customer_writing_we_and_our_about_their_own_problem_is_answered() -> None:
    text = "We're building a new office and our network from you has been down since Monday"
    for draft in drafts("tidewave", text, range(1, 3)):
        assert draft.action != "no_reply", draft.reasons


@pytest.mark.parametrize("text", [
    "Is anyone having problems with adding end screens? I have been trying to do this for like an hour",
    "getting this message when I try to run any CC software. Tried uninstalling but nothing happens. Any ideas??",
    "I got me free $1,000,000 in gta online from twitch prime, but none of the other benefits can you help me out?",
])
def test_a_help_request_is_not_told_its_not_good_enough(text: str) -> None:
    for draft in drafts("loopwork", text, range(1, 13)):
        assert "not good enough" not in draft.text, draft.text


# ---- 127 posts of seven sectors written by a helper (round 156's second review): what was stopped


def test_a_fraud_urgency_the_weights_read_with_no_word_of_fraud_is_dropped() -> None:
    text = ("@Avanti_West_Coast STANDING from Euston to Manchester with a reserved seat because you swapped to a 9 "
            "carriage train and my coach doesn't exist. Paid £90 for this. DISGRACE")
    reading = read(text)
    assert "fraud" not in reading.urgency
    assert reading.emotion == "anger", reading.reasons
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "scam" not in draft.text.lower() and "unsettling" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", [
    "@OrbiqHelp my phone just went to 'no service' and 5 mins later my bank texted about a new payee. I think "
    "someone's swapped my SIM. PLEASE freeze my account",
    "@AmberlyCard got a text saying my card is blocked and to click a link, is that you? looks dodgy",
    "@AskLloydsBank just had £450 taken out my account, 3 payments to some website I've never heard of. froze the "
    "card in the app but can't get through on the phone. PLEASE help",
])
def test_fraud_with_its_words_is_still_urgent(text: str) -> None:
    assert "fraud" in read(text).urgency


def test_worry_in_a_scam_is_not_turned_into_anger() -> None:
    assert read("why is someone from russia logging into my spotify?? da fuck link").emotion == "anxiety"


@pytest.mark.parametrize("text", [
    "love how @evri has 'attempted delivery' three times now while I've been sat 2 metres from the front door. "
    "great work lads 👏",
    "love paying for \"up to\" 500mbps and getting 38 @comcastcares. truly living the dream",
    "nothing says relaxing break like a fire alarm test at 7am on a sunday. cheers @Travelodge",
])
def test_ironic_turns_of_phrase_are_complaints_not_praise(text: str) -> None:
    reading = read(text)
    assert reading.intent == "complaint", reading.reasons
    for draft in drafts("parcelpop", text, range(1, 4)):
        low = draft.text.lower()
        assert "thank you" not in low and "smile" not in low and not low.startswith(("hi", "hello", "hey")), low


def test_a_guard_thanked_by_name_through_a_disruption_is_praise() -> None:
    text = ("Shout out to Dave, the guard on the 18:15 Paddington to Bristol, for keeping everyone calm and updated "
            "during the signal failure. Proper good service @GWRHelp")
    reading = read(text)
    assert reading.intent == "praise" and not reading.sarcasm, reading.reasons
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "sorry" not in draft.text.lower() and "Dave" in draft.text, draft.text
    ignored = read("Shout out to Dave the guard for ignoring us all through the signal failure. great service")
    assert ignored.sarcasm and ignored.intent == "complaint", ignored.reasons


def test_thanks_then_a_wish_is_the_problem_it_wishes_away() -> None:
    text = ("thanks @AmazonHelp for sorting the refund so quick. would've been nicer if the replacement hadn't turned "
            "up smashed as well tho")
    assert read(text).intent == "complaint"
    assert read("thanks for the quick refund, it has been nice to deal with you").intent == "praise"


def test_serious_is_said_once() -> None:
    assert repeats_a_move([part("acknowledge", "Thank you for telling us – this is serious and we're treating it "
                                               "that way."),
                           part("resolve", "We're taking this seriously – send us a DM and we'll act on it.")])
    text = ("@British_Airways my mum is 82 and has been left at Heathrow T5 arrivals for over an hour with no "
            "wheelchair assistance even though it was booked. She can't walk that far and she's on her own. PLEASE "
            "can someone send help")
    for draft in drafts("northwind-air", text, range(1, 9)):
        assert draft.text.lower().count("serious") <= 1, draft.text


@pytest.mark.parametrize(("text", "expected"), [
    ("@nextofficial this is the 3rd time I've asked. where is my refund? sent back 18 days ago", True),
    ("this is the third time I have called", True),
    ("@VirginMoney I have sent the SAME documents FOUR times. FOUR. ridiculous", True),
    ("you sent me the wrong item 3 times", False),
    ("3rd time lucky, the order came", False),
])
def test_asked_again_reads_asked_sent_and_called(text: str, expected: bool) -> None:
    assert post_conditions(text)["asked_again"] is expected


def test_a_refund_chased_a_third_time_gets_a_person_not_the_timings() -> None:
    text = ("@nextofficial this is the 3rd time I've asked. where is my refund for return RTN0000001? sent back 18 "
            "days ago")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert not any(".answer." in i for i in _ids(draft)), draft.text


@pytest.mark.parametrize(("text", "expected"), [
    ("@Marriott wifi at the Courtyard keeps dropping every 10 mins. trying to work here", True),
    ("the hotel wifi is useless", True),
    ("in-flight wifi never connected", True),
    ("wifi onboard was down the whole flight", True),
    ("my wifi at home keeps dropping", False),
    ("my internet in Leeds is down", False),
    ("WiFi in Manchester is down", False),
])
def test_venue_wifi(text: str, expected: bool) -> None:
    assert post_conditions(text)["venue_wifi"] is expected


def test_hotel_wifi_is_passed_to_the_team_there_not_a_router_check() -> None:
    text = "@Marriott wifi at the Courtyard keeps dropping every 10 mins. trying to work here"
    for draft in drafts("base", text, range(1, 9)):
        low = draft.text.lower()
        assert "router" not in low and "postcode" not in low and "broadband" not in low, draft.text


def test_a_hotel_the_brand_cancelled_is_not_a_charge_query() -> None:
    text = ("@Expedia CANCELLED my hotel 2 days before I fly and the \"alternative\" is 40 mins away for double the "
            "price. Absolutely not acceptable")
    for draft in drafts("base", text, range(1, 5)):
        assert "charge" not in draft.text.lower() and "payment" not in draft.text.lower(), draft.text


def test_a_role_in_a_sarcastic_post_is_no_colleague_thanked() -> None:
    text = ("love how @Cartlo \"next day delivery\" means whenever the driver feels like it. day 6. great service "
            "guys 👏👏")
    reading = read(text)
    assert reading.intent == "complaint" and reading.sarcasm, reading.reasons


def test_words_of_delight_beside_an_eye_roll_are_sarcastic_and_get_no_policy() -> None:
    text = "Love paying £40 to pick a seat and then getting moved anyway. great stuff @Ryanair 🙃"
    assert read(text).sarcasm
    for draft in drafts("northwind-air", text, range(1, 4)):
        assert not any(".answer." in i for i in _ids(draft)), draft.text


def test_happy_to_pay_is_an_offer_not_praise() -> None:
    text = "@ShopnestHelp when your drivers bring the new bed frame can they take the old one to the tip? happy to pay"
    reading = read(text)
    assert reading.intent == "question" and reading.emotion != "delight", reading.reasons
    assert read("so happy with the new bed frame, the drivers were lovely").emotion == "delight"


def test_a_file_format_is_no_subject() -> None:
    text = ("When I export a video project as a mp4 with @AdobePremiere 's Twitter Full 1080p Preset, it pretends that "
            "it will export 1920*1080@30fps but the final file exported is 1520*832 ???")
    subject = read(text).subject
    assert subject is None or "mp4" not in subject.text.lower(), subject
    for draft in drafts("loopwork", text, range(1, 5)):
        assert "mp4 back" not in draft.text, draft.text


def test_the_only_reason_i_travel_is_praise() -> None:
    text = "@HarbourinnHotels the tiny shampoo bottles are the only reason I travel. I have 46. it's a collection now"
    for draft in drafts("base", text, range(1, 4)):
        assert draft.action == "reply" and "sorry" not in draft.text.lower(), (draft.action, draft.text)


# ---- round 158: 127 more posts written blind by two other helpers (the fresh measure), and what it stopped


def test_a_named_colleague_thanked_for_taking_time_is_praise() -> None:
    text = ("@JohnLewisRetail Just wanted to say thanks to Priya in the Oxford St bedding dept, she spent ages helping "
            "me choose and was lovely. Great service as always")
    reading = read(text)
    assert reading.intent == "praise" and not reading.sarcasm, reading.reasons
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "sorry" not in draft.text.lower(), draft.text


def test_a_dirty_room_taken_kindly_is_still_a_complaint() -> None:
    text = ("Hi @Travelodge, room 214 at Leeds Central had hair in the shower and stains on the sheets. Staff were "
            "nice about it but it shouldn't happen. Would appreciate someone getting in touch.")
    assert read(text).intent == "complaint"
    for draft in drafts("base", text, range(1, 4)):
        assert "brilliant" not in draft.text.lower() and "sorry" in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", [
    "shoutout to @northernassist for the 2 carriage train where i've had my face in a stranger's armpit since Wigan "
    "🙏🙏 really bringing people together",
    "Love paying £45 to sit next to my 6 year old. Great system @Ryanair. Really family friendly 👏",
])
def test_mock_thanks_for_a_crowded_train_or_a_seat_fee_is_a_complaint(text: str) -> None:
    reading = read(text)
    assert reading.intent == "complaint", reading.reasons


@pytest.mark.parametrize(("text", "urgent"), [
    ("what else do you want, my blood type?", False),
    ("booked a blood test for tomorrow", False),
    ("my son cut his hand on the tin and there is blood everywhere", True),
    ("there was blood on the plate from the broken glass", True),
])
def test_blood_is_urgent_only_when_spilt(text: str, urgent: bool) -> None:
    assert ("safety" in read(text).urgency) is urgent


@pytest.mark.parametrize("text", [
    "@Marriott staff at the Manchester one were amazing but £28 a night for parking is wild",
    "@VirginAtlantic crew on VS4 were brilliant, genuinely lovely. the food though... what was that meant to be",
    "ok the tech who came today (Andre) was great, fixed it in 20 mins. would've been nice if that happened the first "
    "two times though @Xfinity",
])
def test_kind_words_then_a_gripe_thank_and_take_up_the_gripe(text: str) -> None:
    for draft in drafts("northwind-air", text, range(1, 4)):
        assert draft.action == "reply", draft.reasons
        assert any(".praised." in i for i in _ids(draft)), (_ids(draft), draft.text)


@pytest.mark.parametrize("text", [
    "@asda this is the 4th time I've asked. where is my refund for the missing items from my order on the 3rd?? "
    "£23.40. Nobody replies to DMs",
    "@Deliveroo day 5 of asking for a refund for an order that never came. no reply to DMs. anyone there?",
])
def test_asked_again_after_an_unanswered_dm_is_not_told_to_dm_again(text: str) -> None:
    assert read(text).details.contacted == "dm"
    assert post_conditions(text)["asked_again"]
    for bank in ("crumb-and-co", "parcelpop"):
        for draft in drafts(bank, text, range(1, 4)):
            assert "DM us" not in draft.text and "by DM" not in draft.text, draft.text
