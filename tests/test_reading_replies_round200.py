"""Round 200 (thirty-third stop): what round 200's reviewers stopped (254 fresh posts by writers zc-zf).

Sarcasm thanked ("shoutout to @BofA_Help for the $35 overdraft fee on a $2.19 coffee", "very unlimited", "10/10 would
eavesdrop again"); recovery touts, "DM me 'INFO'" and a fake "official helpline" answered as customers; a fire alarm
sounding now met with "if anyone's hurt" while an alarm "at 3am, fine" stays no danger; "is the queso gluten free?
wife has celiac and gets really sick" escalated as a danger; fee questions asked ahead ("if I go £20 over my
overdraft", "trying to send some to my daughter") read as disputes.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


@pytest.mark.parametrize("text", [
    "shoutout to @BofA_Help for the $35 overdraft fee on a $2.19 gas station coffee. truly the bank of america",
    "@UMobile 'unlimited' data but after 10GB speed become like 2005 dial up. very unlimited. wah.",
    "the walls at @Travelodge Gatwick are so thin I now know the man next door's full opinion on Spurs' back four. "
    "10/10 would eavesdrop again",
])
def test_sarcasm_is_no_thanks(text: str) -> None:
    assert read(text).intent == "complaint"


@pytest.mark.parametrize("text", [
    "@TheOfficialSBI Lost funds to an online scam?? I got 100% of my money back in 48hrs thanks to @RecoverWithMark_ "
    "contact him on WhatsApp +1 302 555 0149 he is legit",
    "@amazon @Target @Walmart I made $4,800 last week working from home with just my phone!! DM me 'INFO' to find out "
    "how #workfromhome",
    "@Paytm Hello sir for your refund issue kindly contact our official helpline +91 74392 18665 available 24*7 or "
    "WhatsApp fast resolution guaranteed",
])
def test_touts_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


def test_customers_asking_for_whatsapp_or_a_helpline_are_not_touts() -> None:
    assert read("@monzo can you contact me on whatsapp please, my card is stuck").intent != "spam"
    assert read("@AskNationwide is this your official helpline? 0800 123 456 someone rang me from it").intent != "spam"


def test_a_fire_alarm_sounding_now() -> None:
    text = ("@IHG urgent - fire alarm going off on floor 6 at the Holiday Inn Manchester Central Park for 10 mins, no "
            "announcement and nobody at reception. do we evacuate?")
    assert "safety" in read(text).urgency
    assert post_conditions(text)["alarm_sounding"]
    assert any("nearest exit" in d.text for d in drafts("base", text, range(1, 4)))
    over = "@premierinn Fire alarm at 3am, fine, these things happen. But nobody on reception knew anything"
    assert "safety" not in read(over).urgency
    assert not post_conditions("strong burning smell around row 30 on AI302, crew say it's normal")["alarm_sounding"]


def test_a_food_question_about_what_would_happen_is_no_danger() -> None:
    text = ("@ChipotleTweets is the queso blanco gluten free? wife has celiac and gets really sick, the page is "
            "confusing")
    reading = read(text)
    assert not reading.urgency
    assert reading.intent == "question"


@pytest.mark.parametrize("text", [
    "@AskLloydsBank if I go £20 over my arranged overdraft for a day or two is it a flat fee or just interest? got "
    "paid late this month",
    "@AskAIB is there a fee for sending money to a UK account through the app? trying to send some to my daughter",
])
def test_a_fee_asked_about_ahead_is_a_question(text: str) -> None:
    assert read(text).intent == "question"


def test_a_threat_beside_a_hurt_child_is_answered_and_a_threat_alone_is_not() -> None:
    hurt = ("@dublinbusnews the driver on the 39A this morning closed the doors on my 12 year old's arm and drove off "
            "laughing. if I see him again I swear to god I'll drag him out of that cab myself")
    assert read(hurt).intent != "abuse"
    alone = ("@dublinbusnews the driver on the 46a at 8.10 drove straight past 6 of us at Stillorgan. waved at us. "
             "if I see him again I swear I'll drag him out of that cab")
    assert read(alone).intent == "abuse"
