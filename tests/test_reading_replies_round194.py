"""Round 194 (thirty-second stop): what round 194's reviewers stopped (254 fresh posts by writers yi-yl).

A gift-card giveaway with "verify ur info now", an impersonator's "Kindly reach our Customer Support Team on
WhatsApp" and a recovery tout answered as customers; what a customer paid, told beside something else gone wrong
("$31 for half a bag" of fries the driver ate, "$99 for a backpack that fit in your sizer"), answered as a complaint
about prices; "thanks for turning my commute into a journey of personal growth. 3rd cancellation this week" thanked;
"3rd time this month" met with a quip.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


@pytest.mark.parametrize("text", [
    "@Walmart 🔥🔥 GET $750 WALMART GIFT CARD FREE 🔥🔥 only 200 left!! click link in my bio + verify ur info now 👉👉 "
    "#walmart #giveaway #free #giftcard",
    "@LloydsBank Hello, we are sorry for the inconvenience caused. Kindly reach our Customer Support Team on WhatsApp "
    "+44 7452 889301 for fast resolution of your issue 24/7. Thank you.",
    "@AirbnbHelp Have you lost money to a fake host or scam listing?? ✅ I recovered my $8,500 with the help of "
    "@RecoverPro_Hack 💯 fast and legit, DM them now!!",
])
def test_touts_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


@pytest.mark.parametrize("text", [
    "recovered my account with the help of your support team, thanks",
    "have you lost any money from the fake charges? asking because my bank flagged two",
])
def test_customers_are_not_touts(text: str) -> None:
    assert read(text).intent != "spam"


@pytest.mark.parametrize("text", [
    "@UberEats driver ate my fries. bag was stapled when I ordered it and now it's been re-folded. $31 for half a bag",
    "@FlyFrontier you absolute clowns. $99 for a BACKPACK at the gate in Orlando that fit in your stupid sizer",
])
def test_what_was_paid_beside_a_failure_is_no_price_complaint(text: str) -> None:
    assert not post_conditions(text)["pricing"]


def test_thanks_for_turning_a_commute_into_growth_is_sarcasm() -> None:
    text = ("Big thanks to @SouthernRailUK for turning my 40 min commute into a journey of personal growth. 3rd "
            "cancellation this week. really learning to let go of things like 'plans' and 'a job'")
    assert read(text).intent == "complaint"


def test_a_failure_repeated_this_month_is_no_joke() -> None:
    text = ("@DoorDash if your driver leaves my food at the wrong house ONE more time I swear I will find him myself. "
            "3rd time this month. Jacksonville")
    assert read(text).intent not in ("banter", "praise")
    assert read("ordering Golden Bun at 11pm and saying 'just this once' for the 4th time this week 🍔 "
                "@GoldenBun").intent == "banter"


def test_a_camera_left_behind_and_the_police_called() -> None:
    gone = ("@AirbnbHelp there is a camera inside the smoke alarm pointing at the bed in our Airbnb in Queenstown. "
            "We've packed up and left, sitting in the car now. Host isn't answering")
    for d in drafts("base", gone, range(1, 4)):
        assert "cover the camera" not in d.text, d.text
    called = ("hidden camera in the smoke alarm at our CoveLets rental in Malaga, pointed at the bed. we've called the "
              "police. @CoveLets this host needs removing NOW")
    for d in drafts("base", called, range(1, 4)):
        assert "call the emergency services" not in d.text, d.text
