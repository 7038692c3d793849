"""Round 204 (thirty-fourth stop): what round 204's reviewers stopped (254 fresh posts by writers zs-zv).

"fire whoever runs ops" escalated as a fire; a guard who "handled a lad... so calmly... proper professional" and a
dasher who "drove BACK... he's a gem" met with fraud and conduct scripts; a hotel complaint with a kind word for
reception thanked (a stay and a fix that "never got" there read as things put right); a "customer care line" read as
a care alarm and a network fault; "just cancel it & ill go w Spectrum" met with a fourth appointment.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def test_firing_someone_is_no_fire() -> None:
    text = "@WestJet 4th delay today on WS 3312. FOURTH. fire whoever runs ops at YYC, useless f***ing company"
    assert "safety" not in read(text).urgency
    assert "safety" in read("@WestJet there is smoke and fire coming from the engine on WS 3312").urgency


@pytest.mark.parametrize(("text", "bank"), [
    ("@TPExpressTrains just want to say the guard on the 12:26 Manchester Airport to Scarborough, Darren, handled a "
     "lad who was really kicking off so calmly. didn't raise his voice once. proper professional. hope someone makes "
     "him a brew", "northline-rail"),
    ("@DoorDash my dasher Kwame realised the restaurant gave him the wrong bag, called me, and drove BACK to get the "
     "right one. in a snowstorm. please make sure he knows he's a gem, I tipped what I could", "crumb-and-co"),
])
def test_a_colleague_praised_is_thanked(text: str, bank: str) -> None:
    assert read(text).intent == "praise"
    for draft in drafts(bank, text, range(1, 4)):
        assert "sorry" not in draft.text.lower()


def test_a_stay_and_a_fix_that_never_came_are_no_recovery() -> None:
    text = ("@premierinn stayed at Skipton last night, room 214. long hair in the bed (not mine, I'm bald), shower "
            "never got past lukewarm, and the window wouldn't shut so we had the A65 serenading us til 2am. The lass "
            "on reception was lovely to be fair and moved us at 11pm but we'd already unpacked the kids. £98 for that. "
            "Is there a refund or a voucher or anything")
    assert read(text).intent == "complaint"
    # a fix that came still lets the thanks lead
    fixed = ("@premierinn the shower was broken but the lass on reception was lovely and got it fixed in ten minutes. "
             "great stay")
    assert read(fixed).intent == "praise"


def test_a_customer_care_line_is_no_care_alarm_or_network() -> None:
    text = ("@gtbank_help I did a transfer of ₦250,000 to an Access Bank account yesterday. I was debited, beneficiary "
            "never received. Your customer care line doesn't connect. What next?")
    assert not post_conditions(text)["care_alarm"]
    assert read(text).category != "connectivity"
    assert post_conditions("my nan's care line pendant stopped working since the switch to digital")["care_alarm"]
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "alarm" not in draft.text


def test_cancel_and_go_elsewhere_is_a_cancel_ask() -> None:
    text = ("@ATTHelp 3rd missed fiber install appt. took a day off work each time. tech never showed, no call no "
            "text. at this point just cancel it & ill go w Spectrum")
    assert "cancel" in read(text).asks
    assert not any("firm date" in d.text for d in drafts("tidewave", text, range(1, 4)))
    # a food order cancelled for lateness is still a late order, not an account closing
    late = ("@JustEatUK order #48219374, 2 hrs 10 mins and still 'on its way'. I've had a bowl of cornflakes now so "
            "honestly just cancel it and give me my £31.50 back")
    assert read(late).category != "cancellation_request"
