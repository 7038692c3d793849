"""Round 205 (thirty-fourth stop): what round 205's reviewers stopped (254 fresh posts by writers zw-zz).

Gift-card giveaways ("for the first 1000 ppl!! claim now", "only 50 left!! claim at...") answered as customers; "best
commute of my life", "an actual human answered in under 2 mins... didn't know this was legal" and thanks for a stolen
card "sorted" met with complaint and fraud scripts; "I know where your branch is... you'll get what's coming" met with
a breezy DM ask; "what I can only describe as a bucket-adjacent experience... bravo" thanked; "went in for one hinge.
came out with a lemon tree... explain yourselves" asked for a DM; "said 10 mins. its been 47" read as a joke. Round 206
(writers qa-qd): "love the timing... brilliant business model" and "thanks for the free sauna" thanked; the middle
aisle's jokes asked for a DM.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


@pytest.mark.parametrize("text", [
    "@Target 🔥🔥 FREE $500 Target gift card for the first 1000 ppl!! claim now ➡️ bit.ly/tgt-reward500 ✅ no survey "
    "100% real #Target #giveaway",
    "@PapaJohnsUK 🍕 FREE £100 PAPA JOHNS GIFT CARD 🍕 only 50 left!! claim at papajohns-rewards-uk .xyz before "
    "midnight 🔥🔥 #ad #giveaway",
])
def test_giveaways_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


def test_a_customer_asking_to_claim_a_gift_card_is_no_spam() -> None:
    text = "@Target how do I claim the $50 gift card from the price match? the app says it's pending"
    assert read(text).intent != "spam"


@pytest.mark.parametrize("text", [
    "110 bus driver playing outkast at 7am. best commute of my life @MARTASERVICE",
    "switched to @Aussie_BB last month and rang support today. an actual human answered in under 2 mins, fixed my "
    "modem settings and had a yarn about the footy. didn't know this was legal",
    "@StarlingBank massive thanks to Priya on the chat last night who sorted my stolen card and had a new one ordered "
    "in about 10 mins. no hold music, no 'press 4', just sorted",
])
def test_thanks_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_threat_at_a_branch_is_abuse_not_a_danger_to_the_customer() -> None:
    text = ("@WellsFargo you are thieves and liars every single one of you. closed my account with no reason and kept "
            "$1,200. I know where your branch is on Main. you'll get what's coming")
    reading = read(text)
    assert reading.intent == "abuse"
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert "emergency" not in draft.text


def test_sarcasm_is_no_thanks() -> None:
    text = ("@KFC_UKI ordered a bucket, received what I can only describe as a bucket-adjacent experience. 6 pieces, 4 "
            "of them wings. bravo")
    assert read(text).intent == "complaint"


def test_a_jokes_own_words_are_banter() -> None:
    text = ("@Bunnings went in for one hinge. came out with a lemon tree, two bags of potting mix, a snag and a new "
            "drill. explain yourselves")
    assert read(text).intent == "banter"
    # a joke told about a real fault is still the fault
    fault = ("@BaoDownUK food was great honestly but the rider left it on the wrong doorstep then marked it 'handed to "
             "customer'. found it at number 14 lol")
    assert read(fault).intent != "banter"


def test_a_promised_time_passed_is_late() -> None:
    reading = read("@Swiggy instamart said 10 mins. its been 47. the bread is toast by now")
    assert reading.category == "late_delivery"
    assert reading.intent == "complaint"


# Round 206 (writers qa-qd): sarcasm with a problem beside it, and the middle aisle's jokes.


@pytest.mark.parametrize("text", [
    "so @XfinitySupport raises my bill $15 and in the same week the internet is out for 2 days. love the timing guys. "
    "brilliant business model",
    "@XfinitySupport love how my internet goes out every single night at 9pm right as I sit down to watch something. "
    "very thoughtful of you to remind me to read a book. 10/10 no notes",
    "34 degrees on the central line. thanks for the free sauna @TfL 🫠",
])
def test_sarcasm_beside_a_problem_is_a_complaint(text: str) -> None:
    assert read(text).intent == "complaint"


def test_the_middle_aisle_is_a_joke() -> None:
    text = ("@AldiUK the middle aisle has beaten me again. went in for milk, came out with a welding mask and a kayak "
            "paddle. i do not own a kayak. send help")
    assert read(text).intent == "banter"
    # a charge laughed about is still a charge
    charged = ("@kroger app charged me for 2 lbs of shrimp and the bag had 1 lb. pickup order 6/14 at the Clear Lake "
               "store. not mad just want my $8.99 back lol")
    assert read(charged).intent != "banter"
