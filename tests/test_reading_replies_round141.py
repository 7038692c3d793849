"""Round 141 (twentieth stop): what 280 written sector tune posts had stopped.

- A question about a refund's timing ("when you took the money instantly") was escalated as a fraud; a statement
  asked for "as a pdf with my address on it" opened with "with fraud, every minute counts".
- A key box code that would not work, at 11pm with children on the pavement, was read as a promo code.
- A delivery that turned up two hours late was "still not at your door"; a television that arrived smashed was
  offered a 30-day rule; trainers that peeled after two wears were asked when they started acting up.
- The bank's own mortgage payment taken twice was asked for "the date and shop"; money sent to the wrong person by a
  typo was treated as a merchant's refund; an emptied account to close was asked where the balance should go.
- A parent whose 14-year-old was alone at an airport was told "sorry you're stranded".
- A dirty hotel room got "DM us the details"; a favour asked for a daughter's 18th ("could you put a note on our
  reservation? 🎂") got an apology; a 78-year-old father stuck at Palma was "you're stranded" to his child.
- "Love is Blind" and a multiplayer mode "STILL disabled" read as access needs.
- A grape with a needle in it was "that meal"; a pizza with plastic in it said "keep it" twice; chicken that smelled
  off before anyone ate it was told to get checked over; a brother shoved into a table was "being threatened".
- "We did laugh, but you're right" met complaints told with a laugh; "which plan were you expecting to pay for?"
  met a minibar charge.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


def test_the_brand_taking_a_payment_is_no_fraud() -> None:
    r = read("The restaurant cancelled my order after 45 mins, not Dishdash's fault I know, but @DishdashUK why "
             "does the refund take 5 days when you took the money instantly?")
    assert "fraud" not in r.urgency and r.intent != "danger", r.reasons
    # money taken by someone else still is
    assert "fraud" in read("someone took the money out of my account, I never authorised it").urgency


def test_a_document_with_my_address_on_it_is_no_data_exposure() -> None:
    r = read("@KineticMoney how do i get a statement for my mortgage application? needs to be a pdf with my address "
             "on it")
    assert not r.urgency and r.intent == "question", r.reasons
    assert "data_exposure" in read("your app is showing my address to other users").urgency


def test_a_key_box_code_is_no_promo_code() -> None:
    r = read("stuck outside an apartment in Porto at 11pm. host not answering, key box code doesn't work, 2 kids "
             "asleep on our suitcases in the street @BookoryHelp")
    assert r.category != "gift_card_promo", r.reasons
    assert read("@Shop my promo code doesn't work at checkout").category == "gift_card_promo"


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("arrived_late", "@Hartleys delivery driver turned up 2 hrs after my slot and half the frozen stuff was defrosted",
     True),
    ("arrived_late", "my parcel still hasn't arrived, it's 3 days late", False),
    ("on_arrival", 'Ordered a 55" tv, box arrived with the screen smashed', True),
    ("repayment", "@SterlingVale you've taken my mortgage payment TWICE this month. £1,340 x 2", True),
    ("repayment", "charged twice for one coffee", False),
    ("unaccompanied", "My 14 year old is flying unaccompanied from Palma and her connection just got cancelled", True),
    ("unaccompanied", "my son is 12 and he is on his own at Gatwick, flight cancelled", True),
    ("unaccompanied", "my daughter and I are stuck in Palma, flight cancelled", False),
    ("wrong_recipient", "I sent £75 to the wrong person (typo in the username). can you help get it back?", True),
    ("wrong_recipient", "I sent £75 to my landlord and it hasn't arrived", False),
    ("dirty_room", "room 412: hair in the bath, stains on the pillow and a used razor by the sink", True),
    ("dirty_room", "found a hair in my burger", False),
    ("occasion", "could you put a note on our reservation for the 14th that it's our daughter's 18th? 🎂", True),
    ("occasion", "you ruined my birthday, flight cancelled. could you refund me?", False),
    ("occasion", "can you help, my birthday present never arrived", False),
    ("plan", "charged £89 for a minibar I never opened", False),
    ("plan", "why has my monthly plan gone up by £4", True),
    ("emptied", "please close my account, money's already moved out. thanks for everything", True),
    ("emptied", "please close my account and send the balance to my new bank", False),
    ("ate", "found blue plastic in my pizza and my husband bit on it", True),
    ("ate", "chicken was 4 days in date and smelled off when I opened it", False),
    ("wore_out", "wore the new trainers twice and the sole is peeling off both", True),
])
def test_post_conditions_of_round_141(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_a_delivery_that_came_late_is_not_still_awaited() -> None:
    text = "@Hartleys delivery driver turned up 2 hrs after my slot and half the frozen stuff was defrosted"
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "still" not in draft.text.split(".")[0] and "at your door" not in draft.text, draft.text


def test_something_smashed_on_arrival_gets_no_30_day_rule() -> None:
    text = 'Ordered a 55" tv from @KingswayHelp, box arrived with the screen smashed. driver just dumped it'
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "30 days" not in draft.text, draft.text


def test_the_banks_own_repayment_taken_twice_is_no_shop_purchase() -> None:
    text = ("@SterlingVale you've taken my mortgage payment TWICE this month. £1,340 x 2. I now have £23 to last "
            "until the 28th. I need this reversed TODAY")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "shop" not in draft.text and "purchase" not in draft.text and "drops off" not in draft.text, draft.text
        assert "hb.billing_error.resolve.repayment.1" in _ids(draft), _ids(draft)


def test_money_sent_to_the_wrong_person_is_recalled_not_disputed_with_a_merchant() -> None:
    text = ("@PaydropHelp I sent £75 to the wrong person (typo in the username). can you help get it back? they "
            "haven't responded to my request")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "merchant" not in draft.text and "refund" not in draft.text, draft.text
        assert any(".wrong_recipient." in i for i in _ids(draft)), _ids(draft)
        assert "amount" not in draft.text, draft.text  # the post gave it


def test_an_emptied_account_is_not_asked_where_the_balance_goes() -> None:
    text = ("@TallybankHQ please close my tallybank account, switching to a joint account elsewhere. money's "
            "already moved out. thanks for everything")
    for draft in drafts("harbour-bank", text, range(1, 7)):
        assert "balance" not in draft.text, draft.text


def test_a_parent_of_a_child_alone_is_not_told_they_are_stranded() -> None:
    text = ("My 14 year old is flying unaccompanied from Palma and her connection just got cancelled. She's alone "
            "at the airport and no one from @BlueHeronAir is answering the phone. Please help urgently")
    for draft in drafts("northwind-air", text, range(1, 7)):
        assert "you're stranded" not in draft.text and "hotel for tonight" not in draft.text, draft.text
        assert "base.any.resolve.unaccompanied.1" in _ids(draft), _ids(draft)


@pytest.mark.parametrize("text", [
    "checked in to Lanternstay Bristol Harbourside, room 412: hair in the bath, stains on the pillow and a used razor "
    "by the sink. £160 a night for this @Lanternstay",
    "@HarbourinnHotels room 412 Glasgow Central: hair in the bath, used cotton buds under the bed, sheets that smell "
    "of someone else. moved rooms, next one's the same",
])
def test_a_dirty_room_is_cleaned_or_the_guest_moved(text: str) -> None:
    for draft in drafts("base", text, range(1, 5)):
        assert any(".dirty_room." in i for i in _ids(draft)), _ids(draft)
        assert "another room" in draft.text or "move you" in draft.text, draft.text


def test_a_favour_for_a_birthday_gets_no_apology() -> None:
    text = ("@StaywellHotels could you put a note on our reservation for the 14th that it's our daughter's 18th? "
            "nothing fancy, just if the room could be ready a bit early 🎂")
    for draft in drafts("base", text, range(1, 7)):
        assert "sorry" not in draft.text.lower() and "apolog" not in draft.text.lower(), draft.text
        assert any(".occasion." in i for i in _ids(draft)), _ids(draft)


def test_someone_elses_stranding_gets_help_to_them_not_sorry_youre_stranded() -> None:
    text = ("@TallwindAir my 78 yr old dad is stuck at Palma airport, flight cancelled, his phone is dying and he "
            "doesn't speak Spanish. nobody at your desk. PLEASE help him, TW2291")
    for draft in drafts("northwind-air", text, range(1, 7)):
        assert "you're stranded" not in draft.text and "hotel for tonight" not in draft.text, draft.text
        assert "base.any.resolve.relative_stranded.1" in _ids(draft), _ids(draft)


def test_a_question_about_a_child_flying_alone_is_no_emergency() -> None:
    text = "@NorthwindAir can my 16yo fly to Aberdeen on her own or does she need the unaccompanied minor thing"
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert not any(".unaccompanied." in i for i in _ids(draft)), draft.text


@pytest.mark.parametrize("text", [
    "Harbor & Pine Whitstable: room smelled of damp, black mould behind the curtains. we left early and they STILL "
    "charged both nights @HarborPine",
    "@Lanternstay I sent my booking ref and photos of the mould in room 208 by DM on the 3rd. no reply. this is my "
    "3rd tweet",
])
def test_a_guest_who_left_or_already_sent_everything_is_not_offered_a_room_move(text: str) -> None:
    for draft in drafts("base", text, range(1, 5)):
        assert "still staying" not in draft.text and "another room" not in draft.text, draft.text


def test_a_ride_that_came_late_is_no_late_delivery() -> None:
    assert not post_conditions("The Zipp driver turned up 25 mins late, then cancelled on me and I still got "
                               "charged the cancellation fee?? @ZippRides")["arrived_late"]


def test_access_in_a_title_or_a_disabled_feature_is_no_access_need() -> None:
    assert not post_conditions("Is Multiplayer STILL disabled? he just gets a white screen")["access_need"]
    assert not post_conditions("@netflix: Binged Tiger King & Love is Blind 👍")["access_need"]
    assert post_conditions("I'm disabled and can't get to the shop")["access_need"]
    assert post_conditions("my dad is blind and the app doesn't work with his screen reader")["access_need"]


@pytest.mark.parametrize(("bank", "text"), [
    ("parcelpop", "@MegaMart found a needle in a bag of your store brand grapes. my 4 year old was eating them. im "
                  "shaking. store 2281 in Mesa"),
    ("northwind-air", "3 of us who had the chicken on OS 455 last night have been vomiting since we landed, one is "
                      "in A&E now. @OstraAirlines someone needs to look at this"),
])
def test_food_safety_lines_never_call_any_food_that_meal(bank: str, text: str) -> None:
    for draft in drafts(bank, text, range(1, 7)):
        assert "that meal" not in draft.text, draft.text


def test_food_not_eaten_is_not_told_to_get_checked_over() -> None:
    text = "@Basketly your chicken breasts were 4 days in date and smelled off when I opened them. from the Hove store"
    for draft in drafts("parcelpop", text, range(1, 9)):
        assert "checked over" not in draft.text, draft.text


def test_plastic_in_a_pizza_says_keep_it_once() -> None:
    text = ("@SliceSociety found a piece of blue plastic baked into the crust of my pizza. my husband bit on it and "
            "his tooth is chipped. Didsbury branch, tonight around 8")
    for draft in drafts("crumb-and-co", text, range(1, 7)):
        assert draft.text.lower().count("keep") <= 1, draft.text


def test_someone_hurt_by_staff_is_not_merely_threatened() -> None:
    text = ("a chef at @Wokaway Birmingham New St came out from the kitchen and shoved my brother into a table "
            "because he complained about the wait. he's got a cut on his head. we've called the police")
    for draft in drafts("crumb-and-co", text, range(1, 7)):
        assert "threat" not in draft.text.lower(), draft.text


def test_no_laughing_at_a_complaint_told_with_a_laugh() -> None:
    text = ("you split the train at Haddon and didn't announce which half goes where. half our carriage is now "
            "going to Whitby by accident lol @NorthmoorTrains")
    for draft in drafts("northline-rail", text, range(1, 9)):
        assert "We did laugh" not in draft.text, draft.text


def test_a_minibar_charge_is_not_asked_which_plan() -> None:
    text = "thanks @StaywellHotels for charging my card £89 for a minibar I never opened. really appreciate it"
    for draft in drafts("base", text, range(1, 9)):
        assert "plan" not in draft.text, draft.text


def test_a_cancellation_asked_for_plainly_is_not_unclear() -> None:
    text = ("@StayQuill please cancel my booking at the Hotel Miramar Seville, conf SQ-4428190. plans changed and "
            "it's inside the free cancellation window")
    for draft in drafts("base", text, range(1, 9)):
        assert "unclear" not in draft.text, draft.text


# ---- round 142: 280 more written sector tune posts (`--seed 3600`), read with round 141's code

@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("trouble", "@CrimsonTrains cheers for the free coffee voucher after the delay last week 🙂", True),
    ("trouble", "@CrimsonTrains lovely smooth journey this morning, thank you", False),
    ("recommend", "you approved my first ever credit card after 2 others refused me. thank you", False),
    ("recommend", "best bank ever, I've recommended you to all my friends", True),
    ("as_credit", "the refund for my missing curry came back as Grubrun credit. I want it back on my card", True),
    ("as_credit", "still waiting on my refund for the order that never came", False),
    ("spilled", "Wokaway order turned up with the bag ripped, sauce all over everything", True),
    ("spilled", "my curry was cold and bland", False),
    ("spilled", "the delivery guy threw the bag at my door from the stairs, everything spilled", False),
    ("spilled", "the guy at the service centre laughed and said 'you spilled something, obviously'", False),
    ("sim_swap", "someone ported my number to a new SIM without my permission, my phone has no service", True),
    ("sim_swap", "my new SIM arrived today, how do I activate it?", False),
    ("new_booking", "can I book a personal shopping appointment at the Manchester store for next saturday?", True),
    ("new_booking", "can I change my booking to the 14th?", False),
    ("mobile", "whole network down? no data no calls since lunch @ZingMobileUK", True),
    ("catalogue", "pls add a middle name field to bookings. every single time I panic at the gate", False),
    ("awaiting_reply", "smell of gas on floor 3, reported to reception 40 mins ago, nobody has come up", True),
])
def test_post_conditions_of_round_142(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_praise_for_trouble_put_right_is_not_told_it_went_smoothly() -> None:
    for draft in drafts("northline-rail", "@CrimsonTrains cheers for the free coffee voucher after the delay last "
                                          "week 🙂", range(1, 13)):
        assert "smooth" not in draft.text and "to plan" not in draft.text and "went well" not in draft.text, draft.text


def test_thanks_for_a_card_is_not_thanks_for_recommending_us() -> None:
    text = ("@AmberlyCard you approved my first ever credit card after 2 other companies refused me. building my "
            "credit back up now, thank you")
    for draft in drafts("harbour-bank", text, range(1, 13)):
        assert "recommending" not in draft.text, draft.text


def test_a_refund_paid_as_credit_is_moved_back_to_the_card() -> None:
    text = ("@Grubrun the refund for my missing curry came back as Grubrun credit. I didn't ask for credit, I want it "
            "back on my card")
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "still" not in draft.text and "card you paid with" in draft.text, draft.text


def test_a_spilled_order_is_not_sent_to_the_kitchen() -> None:
    text = ("Wokaway order turned up with the bag ripped, sauce all over everything and half the prawn crackers "
            "presumably on the floor of the driver's car @Wokaway")
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "kitchen" not in draft.text and "spoiled" in draft.text, draft.text


def test_a_sim_swap_sends_the_customer_to_their_bank_first() -> None:
    text = ("@Skylinq someone ported my number to a new SIM without my permission, my phone has no service and now "
            "they're getting into my bank accounts with the codes. HELP")
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "bank" in draft.text and "block the SIM" in draft.text, draft.text
        assert "tap any links" not in draft.text, draft.text


def test_a_new_booking_is_not_changed() -> None:
    text = ("@Fennicks can I book a personal shopping appointment at the Manchester store for next saturday? can't "
            "find a way on the site")
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "changing it" not in draft.text, draft.text


def test_asked_to_dm_is_told_we_have_not_promised_a_public_answer() -> None:
    text = ("can someone from Tamarind Table DM me? looking to book the upstairs room for a work do, about 30 "
            "people, mid Dec")
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert draft.action != "needs_agent" and "post what I find" not in draft.text, draft.text


def test_no_aircon_on_a_short_wait_is_no_emergency_but_in_heat_it_is() -> None:
    r = read("tram stuck between stops for 35 min, no announcements, no aircon, and the driver on the intercom goes "
             "'I know as much as you'. helpful @VeloMetro")
    assert "safety" not in r.urgency and r.intent != "danger", r.reasons
    assert "safety" in read("stuck on the train for 2 hours, no aircon in this heat, people fainting").urgency


def test_a_case_number_beside_an_apartment_is_no_address() -> None:
    from carevoice.concentrate.pii import find_pii
    assert not find_pii("chasing again. case 88123-SF, double charged for the Lisbon apartment. 3 emails, 2 chats")
    assert find_pii("please send it to apartment 12, 5 Main St")


def test_praise_then_a_locked_toilet_is_a_complaint() -> None:
    r = read("lovely crew on LJ 774 but the toilet at the back was locked the entire 4hr flight and the front one "
             "overflowed by hour 2 🤢 @LumenJet")
    assert r.intent == "complaint", r.reasons
