"""Round 136 (nineteenth stop): what 280 written sector tune posts had stopped.

- Mock praise ("a single boiled egg and lukewarm coffee. truly a feast") was thanked; "what a feast last night,
  thank you" was read as a question.
- A mobile signal lost at home or abroad was offered a test of the home line; a whole website down was asked for
  the account email; a dismissive "lol ok" was smiled back at.
- Headphones that "died after 5 weeks" were "sorry it arrived faulty"; an account "frozen for 8 days" was walked
  through online banking; a booking that failed after the card was charged was asked for its reference.
- A customer who had sent their account details twice was asked for the account number; a branch named in the post
  was asked for again; a restaurant's "if it turns up cold" followed tracking that said delivered.
- A station lift broken for weeks was asked for "the train and the time"; a race for a closing gate was told about
  the queue's staffing; a mother who had already clicked a scam link was thanked "for not clicking".
- Two parts that both said "let's" read as stitched; "while 2 staff chatted" became "the 2 staff".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, part, read

from carevoice.compose import repeats_a_move
from carevoice.variables import post_conditions


def test_mock_praise_of_what_went_wrong_is_sarcasm_not_thanks() -> None:
    r = read("thanks @DriftwoodInns for the 'free breakfast' of a single boiled egg and a cup of lukewarm instant "
             "coffee. truly a feast")
    assert r.intent != "praise" and r.sarcasm, r.reasons
    for draft in drafts("base", "thanks @DriftwoodInns for the 'free breakfast' of a single boiled egg and a cup of "
                                "lukewarm instant coffee. truly a feast", range(1, 4)):
        assert not any(s.phrase_id.startswith("base.praise.") for s in draft.stages), draft.stages


@pytest.mark.parametrize("text", [
    "the pasta was a real treat, thanks @Crumb",
    "what a feast at the Leeds branch last night, thank you @Crumb",
    "what a lovely meal at the Leeds branch last night, thank you @Crumb",
])
def test_real_praise_and_an_exclaiming_what_stay_praise(text: str) -> None:
    r = read(text)
    assert r.intent == "praise" and not r.question, r.reasons


@pytest.mark.parametrize("text", [
    "what time does the Leeds branch open @Crumb",
    "what are the opening hours at Leeds @Crumb",
    "how do I change my delivery address @ParcelPop",
])
def test_a_question_opening_with_what_or_how_is_still_a_question(text: str) -> None:
    assert read(text).question


def test_a_shrug_of_lol_ok_is_no_joke_to_smile_back_at() -> None:
    text = ('@Skylinq zero signal in my house since the weekend. was fine for 2 years. postcode checker says '
            '"no issues" lol ok')
    for draft in drafts("tidewave", text, range(1, 5)):
        assert not any(".wry." in s.phrase_id for s in draft.stages), draft.text
        assert "test your line" not in draft.text, draft.text  # a mobile signal: masts, not the home line


def test_a_phone_without_service_abroad_gets_roaming_help_not_a_line_test() -> None:
    text = ("@JunoWireless I'm in Lisbon and my phone has had no service since I landed, roaming is ON in settings, "
            "\"International Pass\" is on my plan. can't get an uber, can't contact my hotel. please help")
    assert post_conditions(text)["abroad"] and post_conditions(text)["mobile"]
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "roaming" in draft.text.lower(), draft.text
        assert "line" not in draft.text.lower() and "postcode" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", ["corviaair.com down?? 503 on every page", "is your website down? nothing loads"])
def test_a_site_down_for_everyone_is_never_asked_for_the_account_email(text: str) -> None:
    for draft in drafts("northwind-air", text, range(1, 7)):
        assert "account email" not in draft.text, draft.text
        assert "cut off" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@Voltcart my Solace X2 headphones died after 5 weeks. left ear just crackles. bought them from you, receipt's "
    "in the app. what now",
    "My Boxhaus own-brand kettle (KT-200) started leaking from the base after 2 months. Took it back to the Leeds "
    "store, they said I need the original box",
    "@BuildriteDIY cordless drill died after 3 uses. battery charges to full, drill does nothing",
])
def test_a_product_that_failed_after_a_while_never_arrived_faulty(text: str) -> None:
    assert post_conditions(text)["wore_out"]
    for draft in drafts("parcelpop", text, range(1, 7)):
        assert "arrived faulty" not in draft.text and "on arrival" not in draft.text, draft.text
        assert "When did it start" not in draft.text, draft.text


@pytest.mark.parametrize("text", ["my new headphones arrived broken @Voltcart",
                                  "the kettle I ordered arrived after 2 weeks and it leaks @Boxhaus"])
def test_a_product_broken_from_the_start_is_not_worn_out(text: str) -> None:
    assert not post_conditions(text)["wore_out"]


def test_account_details_sent_twice_are_not_asked_for_again() -> None:
    text = "@Vantel I already sent my account details twice, you said you'd credit the roaming charge. Any news?"
    assert post_conditions(text)["sent"]
    for draft in drafts("tidewave", text):
        assert "number" not in draft.text and "account holder" not in draft.text, draft.text


def test_a_branch_named_in_a_hygiene_report_is_not_asked_for() -> None:
    text = ("@CluckAndCo your Manchester Piccadilly branch tonight: sticky tables, bins overflowing and a fly doing "
            "laps of the sauce station. we ate outside")
    for draft in drafts("crumb-and-co", text):
        assert "the restaurant" not in draft.text and "which restaurant" not in draft.text.lower(), draft.text


def test_tracking_that_says_delivered_is_not_told_it_may_turn_up_cold() -> None:
    text = ("@BiteboxHelp order #BX-551902 marked 'delivered' 40 min ago. it was not delivered. the driver photo is of "
            "a door that isn't mine. or on my street")
    for draft in drafts("crumb-and-co", text):
        assert "turns up" not in draft.text, draft.text


def test_a_booking_move_is_not_answered_about_assistance() -> None:
    for draft in drafts("northline-rail", "@MarlinCoaches can you move my booking to the 10am instead of 8am, the "
                                          "website keeps erroring"):
        assert "assistance" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@KingfisherRail the lifts at Hollyford have been broken for 3 weeks. I can't use the stairs with my pram so I "
    "have to get off a stop later and walk back. 3 WEEKS",
    "ticket machine at Castle Square tram stop broken for a WEEK and the inspectors are still fining people",
])
def test_something_broken_at_a_station_is_reported_to_the_station_not_asked_the_train(text: str) -> None:
    assert post_conditions(text)["facility"]
    for draft in drafts("northline-rail", text, range(1, 5)):
        assert "the train, the time" not in draft.text, draft.text
        assert "station" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@SouthcoastRail 4th tweet about the broken toilet on the 06:40 from Poole. 4 weeks. nobody listens",
    "6 hr coach to Newcastle and the toilet was out of order from the start. driver refused an extra stop",
    "@CrimsonTrains the platform change announcement came 40 seconds before departure. watched an elderly man try to "
    "do the footbridge with a suitcase and the doors shut on him",
])
def test_something_broken_on_board_or_nothing_broken_is_no_station_fault(text: str) -> None:
    assert not post_conditions(text)["facility"]


def test_an_account_frozen_for_days_gets_the_review_chased() -> None:
    text = ("this is my FOURTH tweet @Pennyroot. account frozen for 8 days. ive sent ID twice. pay my rent or "
            "unfreeze it")
    assert post_conditions(text)["frozen"]
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "online banking access" not in draft.text, draft.text
        assert "review" in draft.text, draft.text


def test_a_paid_booking_that_failed_is_not_asked_for_its_reference() -> None:
    text = ("Tried to book HL 90 Glasgow-Reykjavik for 4 on the site. Payment went through (£1,240), page froze, then "
            "email says \"booking failed\". Manage booking says no such ref. Card still charged. Do I book again and "
            "risk paying twice?? @HalcyonAir")
    assert post_conditions(text)["no_booking"]
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "booking reference" not in draft.text, draft.text
        assert "don't book again" in draft.text, draft.text


def test_a_booking_question_with_no_payment_is_no_lost_booking() -> None:
    assert not post_conditions("can't find my booking in the app, where do I look?")["no_booking"]


def test_two_parts_that_both_say_lets_read_as_stitched() -> None:
    parts = [part("acknowledge", "Sorry the sign-in has been an ordeal; let's get it sorted between us."),
             part("move_private", "Let's sort this privately – DM us now.")]
    assert repeats_a_move(parts)
    for draft in drafts("crumb-and-co", "@Wokaway my Wokaway account says \"email already in use\" when I try to log "
                                        "in with Google, but it won't let me reset the password either because "
                                        "\"no account found\". which is it"):
        assert draft.text.lower().count("let's") <= 1, draft.text


@pytest.mark.parametrize(("text", "reply"), [
    ("@MarlowFinch click and collect at Bluewater: waited 35 min at the desk while 2 staff chatted, then told my "
     "order isnt there", "the staff"),
    ("TOILETS LOCKED ON A 3 HOUR JOURNEY. WITH KIDS. @RidgelineCoach", "your 3 hour journey"),
    ("the 2 bags I checked never arrived @Air", "the 2 bags"),
    ("the ticket inspector on the 9:40 from Stirling shouted at a teenager", "the ticket inspector"),
])
def test_a_count_before_the_subject_is_dropped_but_a_measure_or_determiner_keeps_it(text: str, reply: str) -> None:
    subject = read(text).subject
    assert subject is not None and subject.reply == reply


def test_a_scam_link_already_clicked_is_not_thanked_for_not_clicking() -> None:
    text = ("PSA: there's a text going round saying 'Fryday Burgers: claim your free meal for life, enter card "
            "details' with a link. @FrydayBurgers please confirm it's fake, my mum already clicked it")
    assert post_conditions(text)["clicked"]
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "rather than clicking" not in draft.text and "don't click" not in draft.text.lower(), draft.text
        assert "bank" in draft.text or "card" in draft.text, draft.text


def test_a_race_for_a_closing_gate_is_met_about_the_flight_not_the_staffing() -> None:
    text = ("not even your fault @TallwindAir but the security queue at Stansted is 90 mins and your gate closes in "
            "40. can someone tell the gate we're coming?? TW1180")
    assert post_conditions(text)["gate"]
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "staffing" not in draft.text and "hardly anyone serving" not in draft.text, draft.text
        assert "gate" in draft.text, draft.text


def test_a_fee_named_only_to_ask_what_it_pays_for_is_no_fee_disputed() -> None:
    text = ("@Tripnest the apartment had no hot water for our whole 4 night stay. host stopped answering on day 2. "
            "what am I paying your service fee for")
    assert not post_conditions(text)["fee"]
    assert post_conditions("why did you charge me a £15 service fee on a cancelled stay")["fee"]


def test_a_bereaved_customer_changing_a_flight_is_offered_help_with_the_fee() -> None:
    text = "Need to change my flight to a day earlier because of a funeral. Is there any fee waiver for bereavement?"
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "fee" in draft.text, draft.text
        assert "Manage booking" not in draft.text, draft.text


def test_praise_is_passed_to_a_branch_only_when_the_post_names_one() -> None:
    text = ("@TallybankHQ someone stole my wallet in Barcelona and Tallybank froze my card, sent a virtual one to my "
            "phone and had me paying for dinner within 15 minutes. genuinely saved my holiday")
    for draft in drafts("harbour-bank", text):
        assert "Barcelona branch" not in draft.text, draft.text


def test_a_family_split_across_a_plane_is_offered_seats_together() -> None:
    text = ("@SunHop family of 5 and you've split us across 5 different rows. kids aged 4, 7 and 9. your 'family "
            "seating policy' is a joke")
    assert post_conditions(text)["split_seats"]
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "seated together" in draft.text, draft.text
    assert not post_conditions("they split me and my wife across the plane @Air")["split_seats"]


def test_a_queue_caused_by_a_system_down_is_not_met_about_staffing() -> None:
    for bank, text in [("crumb-and-co", "@DailyGrindCafe the mobile order app has been down all morning, queue out "
                                        "the door at Liverpool St"),
                       ("northwind-air", "@LumenJet check in kiosks AND bag drop down at Dublin T1, queue out the "
                                         "door, people missing flights. staff saying the whole system is down")]:
        assert post_conditions(text)["system_down"]
        for draft in drafts(bank, text, range(1, 5)):
            assert "staffing" not in draft.text, draft.text


def test_free_wifi_is_never_called_paid_for() -> None:
    text = ("the \"free messaging wifi\" on Halcyon doesnt work on Android at all. login page just loops. whole row "
            "tried it @HalcyonAir")
    for draft in drafts("northwind-air", text):
        assert "paid for" not in draft.text.lower() and "paying for" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", [
    "half the keys on my keyboard have stopped registering. Zen 14, 10 months old. @ArcbyteCare",
    "@LumoraSupport Lumora Watch 3 strap pin snapped and the watch fell off on the bus. it's 6 weeks old",
])
def test_a_model_named_with_its_number_is_not_asked_for(text: str) -> None:
    assert post_conditions(text)["model"]
    for draft in drafts("loopwork", text):
        assert "model number" not in draft.text and "Which model" not in draft.text, draft.text


def test_a_hotel_for_tonight_is_offered_only_when_the_stranding_runs_into_the_night() -> None:
    delay = ("@GannetAir flight GN482 from Manchester to Alicante delayed 5 hours and counting. no food vouchers, no "
             "updates, the desk closed at 9pm. 180 of us just sat on the floor at gate 12")
    assert not post_conditions(delay)["overnight"]
    for draft in drafts("northwind-air", delay, range(1, 5)):
        assert "hotel for tonight" not in draft.text and "room near" not in draft.text, draft.text
    assert post_conditions("@CorvidAir flight CV219 to Belfast cancelled by text at 11pm. desk shut, no hotel")[
        "overnight"]
