"""Round 198 (thirty-third stop): what round 198's reviewers stopped (254 fresh posts by writers yy-zb).

A brand's own texts ("@AmericanAir keeps texting me 'Your flight is on time!'") read as harassment; a wife
"threatening to put a sock on" a router light read as a threat; "big up di driver... wait wid her till di ambulance
come" escalated as a danger; a woman "legging it with a buggy" read as an app bug; a chipped tooth on plastic in a
lasagne read as a service outage ("bit down"); a pallet leaning over a store walkway not read as a hazard; a
customer's own threat to a driver met with "if you're in danger"; a phone queue answered with lines about a queue at
a counter; Australian posts told to call 999.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions, post_region


def test_a_brands_own_texts_are_no_harassment() -> None:
    text = ("Love how @AmericanAir keeps texting me 'Your flight is on time!' while I'm staring at an empty gate and "
            "the crew is apparently still in Charlotte. AA1842 out of DFW. cool cool cool")
    reading = read(text)
    assert "threat" not in reading.urgency
    assert reading.intent == "complaint"
    assert "threat" in read("my ex keeps texting me and turned up at the hotel reception @premierinn").urgency


def test_a_joke_threat_to_a_router_light_is_no_threat() -> None:
    text = ("@FibrusHub speeds are class. only thing is the router light flashes blue all night, can i turn it off? "
            "wife is threatening to put a sock on it")
    assert "threat" not in read(text).urgency


@pytest.mark.parametrize("text", [
    "@KnutsfordExpres big up di driver pon di 5:30 Kingston to Mobay yesterday, Mr Campbell. Him pull over when a "
    "lady tek sick an wait wid her till di ambulance come. Still get wi in nearly on time. Respect",
    "@AskNationwide just want to say the fella on the phone this morning (Gareth i think) was brilliant with my mum. "
    "she has dementia and gets flustered and he was so patient. shame the online form crashes at step 3 though",
    "@dublinbusnews lovely driver on the 46A this morning waited for a woman legging it with a buggy in the lashing "
    "rain. ye get it right sometimes",
    "shoutout to the lady at Brixton station (Bev i think?) who walked my nan all the way up the stairs when the lift "
    "was out and then waited with her til I got there. @TfL you've got a good one there",
])
def test_thanks_for_a_colleague_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_chipped_tooth_on_plastic_in_food_is_a_danger_not_an_outage() -> None:
    text = ("@sainsburys found a chunk of hard blue plastic in your Taste the Difference beef lasagne tonight, my son "
            "bit down on it and has chipped his front tooth. I've kept the packaging")
    reading = read(text)
    assert reading.category != "service_outage"
    assert "safety" in reading.urgency


def test_a_load_leaning_over_a_walkway_is_a_hazard() -> None:
    text = ("@Bunnings someone needs to get to aisle 14 at Cannon Hill right now, theres a pallet of pavers on the top "
            "racking leaning out over the walkway, I watched it shift when the forklift went past. kids everywhere")
    assert "safety" in read(text).urgency


def test_a_customers_threat_to_a_driver_is_no_danger_to_the_customer() -> None:
    text = ("@dublinbusnews the driver on the 46a at 8.10 drove straight past 6 of us at Stillorgan. waved at us. "
            "WAVED. if I see him again I swear I'll drag him out of that cab")
    for d in drafts("northline-rail", text, range(1, 3)):
        assert "in danger" not in d.text and "emergency" not in d.text, d.text


def test_a_queue_on_the_phone_is_no_queue_at_a_counter() -> None:
    text = ("@DanskeBank_UK app down again?? rent is due by 5. and before anyone says ring the number i've been in "
            "the queue 25 mins listening to the same bit of music")
    assert not post_conditions(text)["queue"]
    assert post_conditions("9 people in the queue for 40 mins and only one till open")["queue"]


def test_queensland_rail_is_australian() -> None:
    assert post_region("@QueenslandRail URGENT guy on the Caboolture line train waving a broken bottle") == "AU"


def test_travel_agent_spam_is_spam() -> None:
    text = ("@KLM @Delta FLIGHTS UP TO 70% OFF our agents book ANY airline cheap, pay after travel!! WhatsApp "
            "+44 7700 900938 limited slots #cheapflights")
    assert read(text).intent == "spam"


def test_a_question_mark_on_a_furious_complaint_is_no_question() -> None:
    text = ("@Airbnb you lot are a disgrace. host cancels my Byron booking an HOUR before check in on a long weekend "
            "and you offer me a $40 coupon?? shove it")
    assert read(text).intent == "complaint"


def test_an_aside_told_as_a_joke_is_no_danger() -> None:
    text = ("@Qantas the bloke in 32C has been eating boiled eggs since Singapore. not a complaint, I just need "
            "someone else to know")
    assert read(text).intent == "banter"


def test_big_ups_is_thanks_not_the_carrier() -> None:
    text = ("big ups to Ana on live chat who sorted my number port over in like 15 min. the hold music before that "
            "though.. @2degrees please change it")
    assert read(text).category != "late_delivery"
