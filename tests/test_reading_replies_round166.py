"""Round 166 (twenty-seventh stop): what round 165's reviewers stopped in writers O and P's posts.

- A space heater whose plug "MELTED... caught it in time thank god. who do I report this to??" got a praise reply.
- "we are pure veg and my mother ate some" (chicken sent) got "DM us a photo".
- An impersonator "called 'Cash App Support Team'... asking for my $cashtag and my PIN" got a follow-up's lines; a
  message "from the hotel" asking to "re-enter details through a link" got a holding reply.
- "Get 10K REAL followers instantly" got complaint lines; "hope your warehouse floods" beside a fridge freezer three
  weeks late and then the wrong one got no reply.
- A threat to staff ("I'm coming down to the branch and somebody is getting hurt") got a plain complaint's lines.
- A slip in a store ("my wrist is the size of a grapefruit") was "such a hassle"; "NO BOOKING FOUND... standing at
  reception with family and 2 kids at 11pm" and an 82-year-old "left sitting on platform 11 for 40 mins" were not
  read as stranded.
- "'delayed due to a signalling fault' my favourite words every single morning... cheers" and "truly cutting edge"
  were thanked.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def test_relief_at_a_danger_caught_is_no_thanks() -> None:
    text = ("@Walmart the space heater I bought at your Lubbock store started smoking last night and the plug MELTED. "
            "my kids were asleep in the next room. caught it in time thank god. who do I report this to?? this needs a "
            "recall")
    r = read(text)
    assert r.intent == "danger" and "safety" in r.urgency, r.reasons
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert draft.action == "escalate" and "safe" in draft.text.lower(), draft.text


def test_thanks_for_a_danger_handled_is_still_praise() -> None:
    text = ("@Walmart your staff at the Lubbock store spotted the smoke from the heater display and got everyone out "
            "in seconds, thank god and thank you, amazing team")
    assert read(text).intent == "praise"


def test_pure_veg_is_a_diet() -> None:
    assert post_conditions("@zomato ordered paneer and got chicken. we are pure veg and my mother ate some")["dietary"]
    assert not post_conditions("@zomato the veg curry was cold and the rice was hard")["dietary"]


@pytest.mark.parametrize("text", [
    "@CashSupport someone called 'Cash App Support Team' just DMed me asking for my $cashtag and my PIN so they can "
    "'fix' my account. is this you??",
    "@bookingcom got a message in the booking app from the 'hotel' saying my card failed and I need to re-enter "
    "details through a link within 24hrs or lose the reservation. is this legit??",
])
def test_impersonators_asking_for_a_pin_or_card_details_are_fraud(text: str) -> None:
    assert "fraud" in read(text).urgency


def test_follower_sellers_are_spam() -> None:
    text = "@Ask_Spectrum Get 10K REAL followers instantly bit.ly/gr0wfast 100% safe no password needed DM for promo"
    assert read(text).spam


def test_a_curse_beside_a_late_wrong_delivery_is_answered() -> None:
    text = ("@curryspcworld absolute clowns. useless the lot of you. 3 weeks for a fridge freezer and you turn up with "
            "the wrong one and take it away again. hope your warehouse floods")
    assert read(text).intent == "complaint"


def test_a_threat_against_staff_is_abuse_never_answered_as_a_victim() -> None:
    text = ("@WellsFargo if my account isnt unlocked by friday I swear I'm coming down to the Main St branch and "
            "somebody is getting hurt. 3 weeks no access to my own money")
    r = read(text)
    assert r.intent == "abuse" and r.abusive, r.reasons
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert draft.action == "no_reply" and "in danger" not in draft.text, draft.text


def test_a_slip_in_a_store_with_a_swollen_wrist_is_a_safety_danger() -> None:
    text = ("@lidl_ireland slipped on a burst bottle of oil in your Ballincollig store this evening, no sign out. my "
            "wrist is the size of a grapefruit and I'm sat in SouthDoc now. what's the process for reporting it")
    assert "safety" in read(text).urgency


@pytest.mark.parametrize("text", [
    "@makemytrip reached property and they are saying NO BOOKING FOUND!! standing at reception with family and 2 "
    "kids at 11pm. resolve immediately please",
    "@northernassist my mum is 82 and booked passenger assist. nobody turned up and she's been left sitting on "
    "platform 11 for 40 mins with her walking frame. please someone go to her",
])
def test_turned_away_at_night_or_left_on_a_platform_is_stranded(text: str) -> None:
    assert "stranded" in read(text).urgency


@pytest.mark.parametrize("text", [
    "'delayed due to a signalling fault' my favourite words every single morning. £5,200 a year season ticket for "
    "this. cheers @SW_Help",
    "Shoutout to @ATT for the 5G icon that shows up right when I have zero ability to load a single webpage truly "
    "cutting edge",
])
def test_mock_praise_of_a_fault_is_no_praise(text: str) -> None:
    assert read(text).intent != "praise"
