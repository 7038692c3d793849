"""Round 202 (thirty-fourth stop): what round 202's reviewers stopped (254 fresh posts by writers zk-zn).

Two go-arounds "10/10 would be mildly terrified again" escalated as a danger; "I hope your whole network catches
fire" met with "don't use it again"; refund and recovery touts answered as customers; a plane cheering an early
landing apologised to; "genuinely visionary work" on a skipped stop taken as a compliment; a hazard in the road, a
passenger gone a funny colour, a family locked out at night or standing on the road met with routine lines; a branch
sold out of chicken asked for a photo of the food; a rider who chucked the food over the gate taken for the kitchen;
"to ring me mam" read as a callback asked; "Arrange room NOW" taken as the subject; praise after a death thanked
without a word of the loss ("after dad passed" was no bereavement).
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def test_fear_made_light_of_is_a_joke_not_a_danger() -> None:
    text = ("the captain on @Qantas QF440 doing the full 'g'day folks, bit of a bumpy one' voice while we did two "
            "go-arounds in the Melbourne fog was the most Australian thing I've ever witnessed. 10/10 would be mildly "
            "terrified again. landed like a feather")
    reading = read(text)
    assert reading.intent == "banter"
    assert not reading.urgency
    # fear told straight stays a danger
    assert "threat" in read("@Qantas a man in 14C keeps grabbing my arm and I'm terrified, crew haven't come").urgency


def test_a_curse_wishing_fire_is_no_fire() -> None:
    text = ("@virginmedia worst company in the country. 4 days no internet, 6 hours on hold, engineer no show TWICE. "
            "you're thieving scumbags and I hope your whole network catches fire")
    reading = read(text)
    assert "safety" not in reading.urgency
    assert reading.intent == "complaint"
    assert "safety" in read("@Samsung my charger caught fire on the bedside table last night").urgency


@pytest.mark.parametrize("text", [
    "@JetBlue @Delta @united GET A FULL REFUND ON ANY FLIGHT IN 24HRS!!! my guy got back $3,400 from a cancelled trip "
    "💯 whatsapp Vikk on +1 (415) 555-0193 🔥✈️🔥",
    "@monzo @RevolutApp Lost funds to a scam?? I got ALL my money back with the help of @Recovery_Expert_Jay he is "
    "legit and fast, DM him now 💯💯",
])
def test_touts_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


def test_customers_are_not_touts() -> None:
    assert read("@united I want a full refund for my cancelled flight UA917, not a voucher").intent != "spam"
    assert read("@monzo I lost £300 to a scam yesterday, how do I get my money back?").intent != "spam"


def test_an_early_landing_cheered_is_praise() -> None:
    text = ("pilot on DL1482 ATL-MSY just came on and said 'folks we're gonna be about 20 minutes early' and the whole "
            "plane cheered like the Saints won something. @Delta never happened to me before, I'm framing the boarding "
            "pass")
    assert read(text).intent == "praise"
    assert not any("sorry" in d.text.lower() for d in drafts("northwind-air", text, range(1, 4)))


def test_visionary_work_on_a_skipped_stop_is_sarcasm() -> None:
    text = ("@NYCTSubway running the Q local AND skipping 57th on the same night is genuinely visionary work. 45 min "
            "Canal to 72nd. whoever planned this should be running the Pentagon")
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.category == "transport_disruption"
    assert not any("compliment" in d.text for d in drafts("northline-rail", text, range(1, 4)))


@pytest.mark.parametrize(("text", "urgency"), [
    ("@Morrisons someone needs to sort the Camborne store car park NOW. trolley shelter has blown over and is half in "
     "the road by the petrol station, cars swerving round it in the dark", "safety"),
    ("@GWRHelp on the 17:30 Paddington to Temple Meads, no aircon in coach D and it is like a sauna, older chap across "
     "from me has gone a funny colour. any chance the guard can come through?", "safety"),
    ("@AirbnbHelp booked a house in Crown Point Tobago for the week, reach here and the gate lock, host not answering, "
     "is 11 at night and I have two small children in the car", "stranded"),
    ("@oyorooms Booked OYO in Goa, reached at 11pm, manager is saying no rooms available. Standing on road with wife "
     "and luggage. Arrange room NOW or refund full amount", "stranded"),
])
def test_danger_now_is_found(text: str, urgency: str) -> None:
    assert urgency in read(text).urgency


@pytest.mark.parametrize("text", [
    "my TV screen has gone a funny colour since the update",
    "the sky has gone grey and the 8:10 is late again",
    "@Tesco the price of butter has gone through the roof",
])
def test_no_danger_in_colours_or_prices(text: str) -> None:
    assert not read(text).urgency


def test_an_imperative_is_never_the_subject() -> None:
    text = ("@oyorooms Booked OYO in Goa, reached at 11pm, manager is saying no rooms available and booking is 'not "
            "confirmed from our side'. Booking ID GOA4K8T21. Arrange room NOW or refund full amount")
    subject = read(text).subject
    assert subject is None or "arrange" not in subject.text.lower()


@pytest.mark.parametrize(("text", "sold_out"), [
    ("@KFC_UKI old swan KFC out of chicken AGAIN. youre a chicken shop. you have ONE job", True),
    ("@GreggsOfficial the broadmead greggs had NO sausage rolls at 11am. eleven. in the morning", True),
    ("@KFC_UKI they ran out of fries at 7pm on a friday", True),
    ("@Subway my wrap had no chicken in it, just lettuce", False),
    ("@Tesco sold me out of date chicken", False),
    ("@BT I've run out of patience with you", False),
])
def test_sold_out(text: str, sold_out: bool) -> None:
    assert post_conditions(text)["sold_out"] is sold_out


def test_a_branch_sold_out_tells_the_manager_and_asks_for_no_photo() -> None:
    text = ("@KFC_UKI old swan KFC out of chicken AGAIN. youre a chicken shop. you have ONE job. absolute joke of a "
            "company")
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "manager" in draft.text
        assert "photo" not in draft.text


def test_food_chucked_over_the_gate_is_the_rider_not_the_kitchen() -> None:
    text = ("@Menulog your driver in Newcastle just chucked my food over the side gate like a frisbee. lid off, rice "
            "all over the dog. refund pls, order 6633109")
    assert post_conditions(text)["left_badly"]
    assert not any("kitchen" in d.text for d in drafts("crumb-and-co", text, range(1, 4)))


def test_ringing_me_mam_is_no_callback() -> None:
    text = ("@EE nee signal in wor hoose in Byker since monday. 0 bars. had to gan stand in the back lane to ring me "
            "mam last neet in the rain. is there a mast doon or what")
    assert "callback" not in read(text).asks
    assert "callback" in read("@EE can someone ring me back today please, no internet since monday").asks


def test_a_card_frozen_without_an_apostrophe() -> None:
    assert post_conditions("ive frozen the card in the app but chat says wait time 2 hrs")["card_stopped"]


def test_praise_after_a_death_offers_condolence() -> None:
    text = ("Want to say a massive thank you to Jordan at @Suncorp who stayed on the phone with my mum for nearly 40 "
            "mins sorting out the accounts after dad passed. She said he never once rushed her")
    reading = read(text)
    assert reading.intent == "praise"
    assert reading.bereavement
    for draft in drafts("harbour-bank", text, range(1, 4)):
        low = draft.text.lower()
        assert any(w in low for w in ("loss", "condolences", "sympathy", "thoughts are with you"))
        assert "Jordan" in draft.text


def test_an_opening_when_is_a_question() -> None:
    assert read("@AldiUK when's the wheelbarrow back in the middle aisle").intent == "question"


def test_a_deal_price_is_no_promo_code() -> None:
    text = ("dydh da @Tesco 👋 does the clubcard meal deal price work at the little Express in Redruth or only the big "
            "stores? got charged £4.25 not £3.85 earlier. not the end of the world just wondering if i'm being daft")
    assert not any("Codes can need" in d.text or "Send the code" in d.text for d in drafts("parcelpop", text,
                                                                                            range(1, 6)))
