"""Round 176 (twenty-ninth stop): what round 175's reviewers stopped in writers i, j, k and l's posts (08939a7).

- "yall are the most useless organization... regional rail 20 min late EVERY. SINGLE. DAY." got a banter line ("We
  read that twice, just to enjoy it again").
- Praise read as a complaint or a danger: "Have to give a shout out to Priya... was just lovely about it", "Huge thanks
  to @AskNationwide and especially Gareth" after a bereavement, "shoutout to Marisol... your app was useless tho" (a
  later gripe about the app, not Marisol), "the best sleep of my life", a flight attendant who "sat with him during
  boarding til he settled... thank you", "deserves a promotion. also respectfully why were the pretzels gone".
- Dangers missed: "what looks like a piece of glass" in a jar a child ate from, a toddler "bright red" after two hours
  without air conditioning, a passenger who will "find her after we land", a man "swinging a belt at people".
- "this is harassment" about a rejected port-out read as a threat; a claims tout ("Claim up to $700 compensation in
  24hrs... Contact our agent on WhatsApp") answered; "50 mins on hold and then cut off" with insults left unanswered.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


def test_an_angry_post_is_no_banter() -> None:
    text = ("@SEPTA yall are the most useless organization in the history of Philadelphia and thats saying something. "
            "regional rail 20 min late EVERY. SINGLE. DAY. whoever runs this place should be in jail")
    r = read(text)
    assert r.intent == "complaint", r.reasons
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "enjoy" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "Have to give a shout out to Priya in haberdashery at John Lewis Kingston @JohnLewisRetail - spent a good 20 mins "
    "helping me match thread for my nan's old wedding dress that I'm altering and was just lovely about it. Proper "
    "service still exists x",
    "Huge thanks to @AskNationwide and especially Gareth at the Swansea branch who sat with me for over an hour after "
    "my husband died and sorted the joint account and all the bereavement paperwork. Means more than you know",
    "@SouthwestAir shoutout to Marisol at the BWI gate who rebooked my whole family in like 4 minutes after our "
    "connection got canceled. she deserves a raise. your app was useless tho, kept crashing at the payment screen",
    "@Travelodge genuinely the best sleep of my life at your Cardiff Central one. don't know what's in those "
    "mattresses but I'd like to be buried in one",
    "@AlaskaAir just wanted to say the flight attendant on 343 SEA-SAN yesterday noticed my dad was confused and sat "
    "with him during boarding til he settled. he has early dementia and we were so nervous about him flying alone. "
    "thank you. genuinely",
    "@NandosUK shoutout to Priya at Nando's Brighton Marina who noticed my son's reward had expired yesterday and gave "
    "him his free chicken anyway he was buzzing. also pls bring back the old garlic bread, the new one isn't it",
])
def test_thanks_is_praise(text: str) -> None:
    r = read(text)
    assert r.intent == "praise", r.reasons


@pytest.mark.xfail(strict=True, reason="known gap: a sarcastic shout-out whose only bad word is what the colleague did "
                   "('for ignoring us') is read as praise, as at the stop's start")
def test_a_colleague_thanked_for_ignoring_us_is_no_praise() -> None:
    assert read("shoutout to Dave at the desk for ignoring us for 20 mins while he chatted").intent != "praise"


def test_praise_then_an_aside_about_a_problem_thanks_first() -> None:
    text = ("@SouthwestAir the flight attendant on WN1920 MDW-DEN who did the whole safety demo like a game show host "
            "deserves a promotion. also respectfully why were the pretzels gone by row 9")
    r = read(text)
    assert r.category != "app_bug" and r.intent2 == "praise", r.reasons
    for d in drafts("northwind-air", text, range(1, 4)):
        assert "sorry about the flight attendant" not in d.text.lower() and "device" not in d.text, d.text


@pytest.mark.parametrize("text, kind", [
    ("@sainsburys found what looks like a piece of glass in a jar of your Taste the Difference pesto, my son had "
     "already eaten some of the pasta before I noticed", "safety"),
    ("@Delta DL1147 ATL to MSP has been sitting at the gate 2 hrs 10 min with no AC. there's a toddler behind me who "
     "is bright red and the crew keeps saying 'few more minutes'", "safety"),
    ("@AlaskaAir on AS332 SEA to SFO right now, guy in 14C has been screaming at the flight attendant for 20 min and "
     "just told her he'll 'find her after we land'. the FAs have been amazing staying calm", "threat"),
    ("@NYCTSubway theres a guy on the downtown 4 train just left 125th swinging a belt at people, 2nd to last car. "
     "please send someone", "threat"),
])
def test_a_danger_is_read(text: str, kind: str) -> None:
    r = read(text)
    assert kind in r.urgency and r.intent == "danger", r.reasons


def test_harassment_as_a_figure_of_speech_is_no_threat() -> None:
    text = ("@ViCustomerCare my port out request rejected 3 times now saying 'outstanding dues' but I have paid "
            "everything. this is harassment at this point")
    assert "threat" not in read(text).urgency


def test_a_claims_tout_is_spam() -> None:
    assert read("@FlyFrontier @Delta Flight delayed or cancelled?? ✈️ Claim up to $700 compensation in 24hrs!! 💰💰 "
                "Contact our agent on WhatsApp +1 (646) 555-0193 👉 fast payout guaranteed, no win no fee").spam


def test_insults_beside_a_long_hold_are_answered() -> None:
    text = ("@NatWest_Help you absolute useless clowns. 50 mins on hold and then cut off. whoever designed your "
            "fucking phone system should be sacked. disgrace of a bank")
    assert read(text).intent == "complaint"


def test_also_opening_a_question_is_an_aside_not_a_gripe() -> None:
    text = ("@Starbucks Shoutout to Lily at the Pike Place store who remembered my order after seeing me once. Also "
            "quick question, do my Rewards stars expire if I don't use them? Got like 340 sitting there")
    assert read(text).intent == "praise"
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "sorry" not in d.text.lower(), d.text
