"""Round 174 (twenty-ninth stop): what round 174's reviewers stopped in writers e, f, g and h's posts (74eb340).

- Jokes and praise read as danger: "a genius and a menace" (the French "menace" is a threat), "the free coffee on
  sparks" (M&S's loyalty scheme, read as sparks from a plug), a station agent thanked for staying with a woman who fell
  "until the paramedics came", thanks to Priya after a scam was put right.
- Sarcasm read as praise: "love the line having 'minor delays' for the 3rd day in a row", "paying £42 a month for
  "the UK's best network"", "my ice cream arrived as a milkshake 🙂 great innovation honestly".
- Praise read as a complaint: a gate agent's stand-up set that "deserves a raise", "give that man a raise", "whoever
  fixed it deserves an OAM", thanks to Dan at the bereavement team with "awful everywhere else but he called back".
- Plain how-to questions read as complaints ("whats the max cheque amount i can pay in using the app?") and answered
  with "Sorry – that shouldn't have happened".
- A text "saying your NetBank has been suspended, verify at commbank-au-secure.info — that's not you right?" read as a
  sign-in problem; a rider who "asked for my number after dropping off my order", a technician's "comments to my 16
  year old daughter", a man "swinging a metal pipe at people", "yelling at two young girls and following them", and
  "someone just tried to open my door with a key card at 2am" not read as threats.
- Spam ("Hot singles in your area tonight... click here bit.ly/...") thanked; an Eircode echoed in public while the
  same reply asked the customer to delete the post; "my number" (a phone number) named as the subject; "how do i change
  the primary bank account" answered with how to change a PIN; two apologies in one reply ("Sorry for the trouble with
  the website. Sorry about this.").
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice import Drafter, Inbound
from carevoice.concentrate.pii import find_pii
from carevoice.variables import post_conditions
from carevoice.variation.history import MemoryHistory


@pytest.mark.parametrize("text", [
    "@sainsburys whoever decided to put the crumpets right next to the butter in the Kings Cross store is a genius "
    "and a menace. £14 for a 'quick shop' again",
    "@marksandspencer do you still do the free coffee on sparks or has that stopped? havent seen it in the app for "
    "weeks",
])
def test_a_nuisance_or_a_loyalty_scheme_is_no_danger(text: str) -> None:
    r = read(text)
    assert r.intent != "danger" and not r.urgency, r.reasons


def test_menace_in_french_is_still_a_threat() -> None:
    assert "threat" in read("@Voyago le chauffeur m'a menacé hier soir, je ne me sens pas en sécurité").urgency


@pytest.mark.parametrize("text", [
    "hey @SFBART the station agent at 16th st mission tonight (i think his name was Marcus) helped an older lady who "
    "fell on the escalator and stayed with her until the paramedics came. real one. pls make sure he hears about it",
    "Really want to say thank you to Priya at @NatWest_Help. I rang in a right state yesterday after getting scammed "
    "on facebook marketplace, she was so kind and patient with me and the money was back in my account this morning. "
    "Honestly didn't expect that at all. Thank you x",
])
def test_thanks_for_a_danger_handled_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


@pytest.mark.parametrize("text", [
    "@Transperth love the Joondalup line having 'minor delays' for the 3rd day in a row. minor to who",
    "@EE no signal at all in Truro city centre since Sunday. 4 days now. paying £42 a month for \"the UK's best "
    "network\" and I have to stand at the kitchen window to send a text",
    "@letsblinkit 10 minute delivery they said. 48 mins later my ice cream arrived as a milkshake 🙂 great innovation "
    "honestly",
])
def test_sarcasm_is_a_complaint(text: str) -> None:
    r = read(text)
    assert r.intent == "complaint" and r.sarcasm, r.reasons


@pytest.mark.parametrize("text", [
    "@metrotrains ok I'll admit it. Frankston line on time 5 days in a row. who are you and what have you done with "
    "the real Metro 😂",
    "@Wokaway the new chilli crisp noodles are unreal. ordered them 3 nights running. no regrets",
])
def test_something_good_in_a_row_is_no_sarcasm(text: str) -> None:
    assert not read(text).sarcasm


@pytest.mark.parametrize("text", [
    "@SouthwestAir the gate agent at Midway B22 doing a full stand up set during the boarding announcement deserves "
    "a raise. C group in shambles 😂",
    "@easyJet the pilot on EZY6204 to Belfast doing a full stand up routine over the tannoy about our 'scenic' holding "
    "pattern over Liverpool had the whole plane in bits. give that man a raise. still 40 mins late mind",
    "@McDonaldsAU ice cream machine at Dubbo is WORKING!!! first time since 2019. whoever fixed it deserves an OAM",
    "Want to say thank you to Dan at @BarclaysUKHelp bereavement team. Sorting my mum's accounts has been awful "
    "everywhere else but he called back exactly when he said he would, explained everything and never once made me "
    "repeat myself. small thing but it meant a lot x",
])
def test_praise_is_praise(text: str) -> None:
    r = read(text)
    assert r.intent == "praise", r.reasons


def test_a_colleague_thanked_then_a_turn_to_their_failing_stays_a_complaint() -> None:
    text = ("thank you to Dan at the branch. the new app is lovely but he couldn't fix my card and it's still blocked "
            "after 3 days")
    assert read(text).intent != "praise"


@pytest.mark.parametrize("text", [
    "@NatWest_Help whats the max cheque amount i can pay in using the app? got one for £1,800 from my nan and the "
    "nearest branch is 30 miles away now since you closed the one in town",
    "@giffgaff if I buy a goodybag on the 28th and my current one runs out on the 2nd does the new one start straight "
    "away or does it wait till the old one's done?",
])
def test_a_calm_how_to_question_is_a_question(text: str) -> None:
    r = read(text)
    assert r.intent == "question" and r.emotion == "neutral", r.reasons


@pytest.mark.parametrize("text", [
    "@BrackwaterBank so the Kirkby branch shuts in March and the 'banking hub' is open 2 mornings a week in a "
    "library. my mum (79) pays her bills over the counter. what's she meant to do?",
    "@FlyPeregrine picked up my suitcase in Dublin and one of the wheels is just gone, plus a big dent in the shell. "
    "how do i make a damage claim",
])
def test_a_question_asked_as_a_complaint_is_not_made_calm(text: str) -> None:
    assert read(text).intent != "question"


def test_a_question_about_a_text_that_looks_like_the_bank_is_a_phishing_check() -> None:
    text = ("@CommBank got a text just now saying 'your NetBank has been suspended, verify at "
            "commbank-au-secure.info' — that's not you right? my mum got the same one and nearly clicked it. "
            "she's 74")
    r = read(text)
    assert r.category == "fraud_security" and r.intent == "question", r.reasons
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert d.action != "needs_agent" and "NetBank" not in d.text, d.text
        assert any(w in d.text.lower() for w in ("click", "tap", "link", "reply")), d.text


@pytest.mark.parametrize("text", [
    "@Deliveroo rider just called me 'love' and asked for my number after dropping off my order. that's not ok, I "
    "live on my own. order 4f2-88c1. please make sure he doesn't have my address anymore",
    "@Ask_Spectrum one of your technicians was in my house today installing the modem and made comments to my 16 "
    "year old daughter that made her really uncomfortable. I am not ok with this.",
    "@NYCTSubway there's a man on the downtown 4/5 platform at 125th swinging a metal pipe at people, no cops "
    "anywhere, please send someone NOW",
    "@TransLinkSEQ there's a man on the Gold Coast line train right now, carriage 3 heading to Helensvale, yelling at "
    "two young girls and following them between seats. no guard anywhere. please send someone to the next stop",
    "@HiltonHelp someone just tried to open my door with a key card at 2am, Hampton Inn on International Drive in "
    "Orlando. front desk said 'probably a mistake' and hung up. I'm a woman travelling alone and I'm honestly scared.",
])
def test_a_threat_to_a_person_is_read(text: str) -> None:
    r = read(text)
    assert "threat" in r.urgency and r.intent == "danger", r.reasons


@pytest.mark.parametrize("text", [
    "the agent asked for my number and then the call dropped, nobody rang back",
    "I tried to open my door with the key card 3 times and it didn't work, had to go back to reception",
    "@Airbnb your host in Rotorua is a thief, kept my $400 over a 'stain' that was there when we arrived. I know "
    "where he lives and if I dont get it back I'll sort it out myself",
])
def test_no_threat_to_the_customer(text: str) -> None:
    assert "threat" not in read(text).urgency


def test_a_stranger_who_knows_where_the_customer_lives_is_still_a_threat() -> None:
    assert "threat" in read("the driver from last night knows where i live now and keeps texting me").urgency


def test_dating_spam_is_spam() -> None:
    assert read("@JustEatUK ❤️ Hot singles in your area tonight 🔥 click here bit.ly/3xK9pQ ❤️").spam


def test_details_sent_by_dm_are_no_data_exposed() -> None:
    text = ("@VodafoneIreland still nothing on my new router. ordered 2 weeks ago, told 3-5 days, DM'd ye on Monday "
            "with my account number and no reply. hello??")
    r = read(text)
    assert "data_exposure" not in r.urgency and r.intent == "follow_up", r.reasons


def test_no_water_told_after_the_flight_is_no_danger() -> None:
    text = ("@Delta DL 1472 ATL to MSP sat on the tarmac 2 hrs 10 min tonight, no water came round until one flight "
            "attendant (Keisha i think?) went and got it herself. she was great. am I owed anything for that")
    assert "safety" not in read(text).urgency


def test_a_pastry_tube_is_no_train() -> None:
    assert read("@GreggsOfficial sausage roll had no sausage in it. just a pastry tube. is this a metaphor").category \
        != "transport_disruption"


@pytest.mark.parametrize("text, code", [
    ("Eircode D15 X2K7 if that helps", "D15 X2K7"), ("my eircode is A65F4E2", "A65F4E2"), ("D6W XY12", "D6W XY12"),
])
def test_an_eircode_is_personal_data(text: str, code: str) -> None:
    assert [m.text for m in find_pii(text) if m.kind == "address"] == [code]


@pytest.mark.parametrize("text", ["ref A65F4E2 ok", "flight EI105 on A320 NEO", "order A12 3456", "T12 ABCD"])
def test_references_are_no_eircode(text: str) -> None:
    assert not find_pii(text)


def test_an_eircode_is_never_echoed() -> None:
    text = ("@eir 2nd time the engineer hasn't shown up for the fibre install. took a day off work for it, again. "
            "Eircode D15 X2K7 if that helps, 087 123 4567. is anyone going to ring me or do I just keep waiting")
    for d in drafts("tidewave", text):
        assert "X2K7" not in d.text and "4567" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "@Qantas hey, how do I change the name on my frequent flyer account? my number is 1928447106 if that helps",
    "@Deliveroo rider asked for my number after dropping off my order",
])
def test_a_contact_detail_is_never_the_subject(text: str) -> None:
    r = read(text)
    assert r.subject is None or "number" not in r.subject.text, r.reasons


def test_an_answer_must_name_what_its_question_is_about() -> None:
    text = ("@PhonePeSupport how do i change the primary bank account for receiving money? have both SBI and Canara "
            "linked, want everything to go to Canara now")
    d = Drafter("harbour-bank", history=MemoryHistory(), seed=1).draft(Inbound(text=text, channel="x"))
    assert d.answer is None and "PIN" not in d.text, d.text


def test_an_answer_still_matches_its_own_words() -> None:
    d = Drafter("parcelpop", history=MemoryHistory(), seed=1).draft(
        Inbound(text="how do I change the email on my quickcart account? the old one is from uni and I can't get "
                     "into it anymore", channel="x"))
    assert d.answer is not None, d.reasons


def test_one_apology_when_a_long_reply_falls_back() -> None:
    text = ("@Qantas hey, how do I change the name on my frequent flyer account after getting married? the website "
            "keeps throwing an error when I upload the certificate (pdf, under 2mb). my number is 1928447106 if that "
            "helps. have sent a DM too")
    for d in drafts("northwind-air", text, range(1, 4)):
        assert d.text.lower().count("sorry") <= 1, d.text


def test_a_case_reported_days_ago_gets_no_help_steps() -> None:
    text = ("@JioCare JioFiber down since Sunday night in Sector 57 Gurgaon. red light on the router. raised "
            "complaint, got SMS 'resolved' this morning. it is NOT resolved. both of us work from home, been running "
            "off mobile hotspot for 3 days")
    for d in drafts("tidewave", text, range(1, 4)):
        assert d.answer is None and "orange" not in d.text, d.text


def test_an_app_outage_answer_makes_no_claim_about_the_card() -> None:
    text = ("@AIBIreland payday and the app is down AGAIN. card just got declined in Tesco with a full trolley and a "
            "queue behind me. mortifying. is there an outage or is it just me")
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "work in shops" not in d.text and "works in shops" not in d.text, d.text


def test_getting_off_the_train_is_at_the_station() -> None:
    text = ("@TfL man on the central line eastbound, left Bond St about 2 mins ago, carriage 3 from the front, "
            "shouting at women and grabbing at them. I got off at Oxford Circus. please send someone now")
    assert post_conditions(text)["at_station"]
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "busier coach" not in d.text, d.text


def test_flags_on_a_relatives_account_are_offered() -> None:
    text = ("@HSBC_UK my mother-in-law (79) has been transferring money to a man she met online. can the bank put any "
            "flags or limits on her account? we don't have POA")
    assert post_conditions(text)["account_note"]


def test_medicine_out_of_reach_while_stranded_comes_first() -> None:
    text = ("@JetBlue stuck at JFK T5, B6 1317 to SJU cancelled at 11:40pm, desk is closed, app won't rebook us, I "
            "have my 78yo mom with me and she's diabetic and her insulin is in the checked bag. what do we do right "
            "now?? please someone answer")
    for d in drafts("northwind-air", text, range(1, 4)):
        assert "medicine" in d.text.lower(), d.text


def test_a_knock_hint_says_what_to_check() -> None:
    d = Drafter("base", history=MemoryHistory(), seed=1).draft(Inbound(text="hello?? anybody there?", channel="x"))
    assert "earlier posts" in d.custom_slot_hint and "could not be read" not in d.custom_slot_hint


@pytest.mark.parametrize("bank, text", [
    ("crumb-and-co", "@Starbucks how do I move my stars from my old account to the new one? changed my phone number "
                     "and it made me create a new account, lost like 340 stars"),
    ("northwind-air", "@Delta how do i change the last name on my SkyMiles acct? got married in may, passport is "
                      "updated now but the app wont let me edit it. do i have to call"),
])
def test_a_how_to_with_a_snag_is_met_with_let_me_check(bank: str, text: str) -> None:
    for d in drafts(bank, text, range(1, 4)):
        assert d.action == "reply" and any("drafting.find_out" in r for r in d.reasons), (d.action, d.reasons)
