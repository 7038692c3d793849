"""Round 160 (twenty-fifth stop): what 127 fresh helper-written posts (writers E and F) had stopped.

- A passenger reporting "a guy ... shouting that he's going to stab someone" was read as abuse and left unanswered;
  "18:42 Queen St to Edinburgh" was read as a street address.
- "Shoutout to Mel in the lounge... Absolute legend" and "Shout out to the conductor who let my 5yo 'help'" got a
  complaint's lines; gripes with no kind word ("a bit much babe 🥵", "signal so bad... is this a fitness feature")
  got thanks.
- References the customer gave ("reservation HMQ4Z2K9XT", "Case ref 24-0918733", "DR-00000-9921") were asked for.
- A card the customer had already frozen was to be frozen again; money already gone to a "safe account" got "don't
  respond"; a scam text asked about ("ring an 0800 number... is this real?") got "don't reply to them again".
- Help already called ("used her epipen and called 999") was told to call the emergency services; a cut head got
  "make sure everyone's safe first".
- Hindi in Latin letters ("bhai mera refund abhi tak nahi aaya") was answered in English.
- A follow-up chasing our DM, and a refund 40 days late, got the policy answer ("up to 5 business days").
- A last train cancelled late at night with the customer alone was not read as stranded; a train held outside a
  station got "DM us roughly when it was" and "if it was your last train".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate.details import read_details
from carevoice.concentrate.pii import find_pii
from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


THREAT = ("@ScotRail theres a guy in the 2nd carriage of the 18:42 Queen St to Edinburgh shouting that he's going to "
          "stab someone, everyone moving away from him. just left Falkirk High. is there anyone on board or police at "
          "the next stop??")


def test_a_threat_someone_else_makes_is_a_danger_not_abuse() -> None:
    r = read(THREAT)
    assert r.intent == "danger" and "threat" in r.urgency and not r.abusive
    for draft in drafts("northline-rail", THREAT, range(1, 4)):
        assert draft.action == "escalate" and "61016" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@ScotRail I'm going to stab someone if this train is late again",
    "@AcmeBank gonna kill you all",
])
def test_a_threat_the_customer_makes_is_still_abuse(text: str) -> None:
    assert read(text).intent == "abuse"


def test_a_time_before_a_street_name_is_no_house_number() -> None:
    assert find_pii("the 18:42 Queen St to Edinburgh") == ()
    assert [m.kind for m in find_pii("I live at 42 Queen St")] == ["address"]


@pytest.mark.parametrize(("bank", "text", "staff"), [
    ("northwind-air", "Shoutout to Mel in the @Qantas lounge in Brisbane who found my dad's reading glasses down the "
     "side of a chair and ran them all the way to gate 32. Absolute legend, he'd have been lost for the whole trip",
     "Mel"),
    ("northline-rail", "Shout out to the @Amtrak conductor on the Pacific Surfliner this morning who let my 5yo "
     "'help' with the Oceanside announcement. he has not stopped talking about it 🚆❤️", None),
])
def test_a_post_that_opens_thanking_a_colleague_is_praise(bank: str, text: str, staff: str | None) -> None:
    assert read(text).intent == "praise"
    for draft in drafts(bank, text, range(1, 4)):
        assert draft.analysis.intent == "praise" and "sorry" not in draft.text.lower(), draft.text
        if staff:
            assert staff in draft.text or "team" in draft.text, draft.text


def test_a_shout_out_with_an_eye_roll_stays_sarcastic() -> None:
    r = read("shoutout to the driver who left without me 🙃")
    assert r.intent == "complaint" and r.sarcasm


@pytest.mark.parametrize("text", [
    "whoever at @TfL set the Piccadilly line temperature today, a bit much babe 🥵",
    "the signal in my kitchen is so bad I have to stand on one leg by the fridge to send a whatsapp. @O2 is this a "
    "fitness feature",
    "@Hotels_com the stamps are gone and now I have 'OneKey Cash' and honestly no idea what either of them ever meant",
])
def test_a_gripe_with_no_kind_word_is_not_praise(text: str) -> None:
    assert read(text).intent != "praise"


def test_a_loss_the_customer_was_spared_is_thanks() -> None:
    text = ("@CommBank just want to say that little 'this could be a scam' pop up stopped me sending $900 to a fake "
            "Marketplace seller for a couch that doesn't exist. so yeah. thanks")
    assert read(text).intent == "praise"
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert "freeze" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("text", "ref"), [
    ("@Airbnb please cancel reservation HMQ4Z2K9XT and refund me, there is no hot tub.", "HMQ4Z2K9XT"),
    ("@British_Airways third time asking. Case ref 24-0918733. Still nothing on my Avios.", "24-0918733"),
    ("@ScotRail still no reply to my delay repay claim from March. submitted it 3 times. DR-00000-9921",
     "DR-00000-9921"),
    ("@ChaseSupport still waiting on a call back about my dispute. ref DSP-0000-4471", "DSP-0000-4471"),
    ("booking ref 4FGT7Q9 not showing in the app", "4FGT7Q9"),
])
def test_a_reference_the_customer_gave_is_read(text: str, ref: str) -> None:
    assert read_details(text, []).booking_id == ref


@pytest.mark.parametrize("text", [
    "app crashes with error AB-1234", "got ERR-502 on checkout", "case 2023-11-04 was opened",
    "my booking is now cancelled",
])
def test_error_codes_and_dates_are_no_reference(text: str) -> None:
    assert read_details(text, []).booking_id is None


def test_a_reference_given_is_never_asked_for() -> None:
    text = "@ScotRail still no reply to my delay repay claim from March. submitted it 3 times. DR-00000-9921"
    for draft in drafts("northline-rail", text, range(1, 7)):
        assert "reference" not in draft.text.lower(), draft.text


def test_a_card_already_frozen_is_never_to_be_frozen_again() -> None:
    text = ("@westpac someone is spending on my card RIGHT NOW, 4 payments to some gaming site in 10 mins. I've "
            "locked it in the app but another one just came up pending?? phone line says 40 min wait")
    assert post_conditions(text)["card_stopped"]
    for draft in drafts("harbour-bank", text, range(1, 7)):
        assert "freeze the card" not in draft.text.lower() and "freeze your card" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("text", "stopped"), [
    ("I froze my card", True), ("we have cancelled both cards", True), ("just locked it", True),
    ("you blocked my card", False), ("I've cancelled my order", False), ("I locked myself out", False),
])
def test_card_stopped_is_the_customer_doing(text: str, stopped: bool) -> None:
    assert post_conditions(text)["card_stopped"] is stopped


def test_money_gone_to_a_safe_account_and_bounced_gets_a_call() -> None:
    text = ("My dad is 84 and his @HSBC_UK account has been emptied. £6,200 moved over 3 days to a 'safe "
            "account' after "
            "someone rang pretending to be your fraud team. He's in bits. Branch says ring the number, the number says "
            "go to the branch.")
    conditions = post_conditions(text)
    assert conditions["scam_done"] and conditions["bounced"]
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "back and forth" in draft.text and "don't respond" not in draft.text, draft.text


def test_a_scam_text_asked_about_is_told_not_to_call_the_number() -> None:
    text = ("got a text from 'NatWest' saying a new payee was added and to ring an 0800 number if it wasn't me. it "
            "wasn't me. is this real @NatWest_Help or a scam? haven't rung it yet")
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "reply to them again" not in draft.text, draft.text


def test_help_already_called_is_not_told_to_call_it() -> None:
    text = ("@Deliveroo I wrote SEVERE PEANUT ALLERGY in the notes on my order from a Thai place and there was "
            "satay in "
            "it. my daughter's lips are swelling, we've used her epipen and called 999. I need the restaurant details, "
            "order #8811-2903")
    for draft in drafts("crumb-and-co", text, range(1, 7)):
        assert "emergency services" not in draft.text and "call 999" not in draft.text, draft.text


def test_someone_hurt_is_told_where_to_get_help() -> None:
    text = ("@HiltonHelp my husband slipped on the wet pool deck at the Hilton in Cancun, no sign, nothing, and he's "
            "cut his head pretty badly. front desk said they'd send someone 30 min ago. nobody. who do I call")
    for draft in drafts("base", text, range(1, 7)):
        assert "everyone's safe first" not in draft.text, draft.text
        assert "999" in draft.text or "medical" in draft.text or "emergency" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@IndiGo6E bhai mera refund abhi tak nahi aaya, 18 din ho gaye. PNR X7K2QM. flight aapne cancel ki thi maine "
    "nahi. kitna wait karu??",
    "@Swiggy order cancel kar do please, 50 min ho gaye aur rider abhi tak restaurant pe hi khada hai.",
])
def test_hindi_in_latin_letters_is_not_answered_in_english(text: str) -> None:
    r = read(text)
    assert r.intent == "other_language" and r.language == "hi"


@pytest.mark.parametrize("text", [
    "the @GreenwayTrams driver did the little ding ding twice for a pigeon on the track and honestly? respect 🐦",
    "I love Kit Kat and koi fish, ka-ching",
])
def test_english_with_a_stray_hindi_looking_word_stays_english(text: str) -> None:
    assert read(text).language == "en"


def test_a_follow_up_chasing_our_dm_gets_no_policy_answer() -> None:
    text = ("@Starbucks still waiting on the DM about my gift card balance going from $43.50 to $0 overnight. "
            "it's been "
            "5 days since you said someone would reach out")
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert not any(".answer." in i for i in _ids(draft)), draft.text


def test_a_wait_past_the_quoted_timeline_gets_no_timeline() -> None:
    text = "@Shein_official returned 2 March. 40 days. WHERE IS MY REFUND"
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "5 business days" not in draft.text, draft.text


def test_a_last_train_cancelled_is_stranded() -> None:
    text = ("@SW_Help last train to Woking just got cancelled at Waterloo and the next one is 05:12. I'm on my own, "
            "phone on 9%. is there a replacement taxi or anything? no one at the barriers")
    assert "stranded" in read(text).urgency
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "when it was" not in draft.text, draft.text


def test_a_train_held_outside_a_station_gets_the_held_train_lines() -> None:
    text = ("@Amtrak train 49 sitting outside Cleveland for 2 hours now with no announcements, no AC, no food "
            "car open. "
            "What is going on")
    conditions = post_conditions(text)
    assert conditions["stuck"] and conditions["live"]
    for draft in drafts("northline-rail", text, range(1, 7)):
        assert "last train" not in draft.text and "when it was" not in draft.text, draft.text


def test_handed_to_resident_is_marked_delivered() -> None:
    text = ("@AmazonHelp my parcel was apparently 'handed to resident' at 3:12pm. I live alone and I was home all day. "
            "nobody knocked")
    assert post_conditions(text)["marked_delivered"]


def test_a_joke_on_the_way_to_an_ask_is_the_ask() -> None:
    text = ("@Currys fourth engineer visit booked for the same Bosch washing machine. I know him better than my "
            "neighbours now. nice guy. can I just have a replacement please")
    assert read(text).intent != "banter"
    assert read("@FlyTallwing landed 25 min early. 25. MINUTES. EARLY. who are you").intent != "question"


def test_a_sarcastic_shout_out_to_the_brand_is_no_praise() -> None:
    text = ("shoutout to @northernassist for the 2 carriage train where i've had my face in a stranger's armpit since "
            "Wigan 🙏🙏 really bringing people together")
    assert read(text).intent == "complaint"


def test_money_taken_from_a_frozen_card_is_still_taken_up() -> None:
    text = ("@Revolut someone just took £640 out of my account in 4 payments to a site I've never heard of. I've "
            "frozen "
            "the card but what happens now")
    for draft in drafts("harbour-bank", text, range(1, 7)):
        assert draft.action == "escalate" and "freeze" not in draft.text.lower(), draft.text


def test_a_price_rise_on_our_own_food_goes_to_the_pricing_team() -> None:
    text = ("@Tesco the meal deal creeping up again has genuinely changed my relationship with lunch. I am now a "
            "man who "
            "brings a sandwich from home in a tupperware. I hope you're happy")
    assert post_conditions(text)["pricing"]
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "pricing.resolve" not in " ".join(_ids(draft)) and any("pricing" in i for i in _ids(draft)), draft.text


def test_money_now_gone_is_no_price_complaint() -> None:
    assert not post_conditions("website took payment, then said 'order failed', now £89 gone")["pricing"]
    assert post_conditions("the meal deal now being £3.85 is a personal attack")["pricing"]


@pytest.mark.parametrize("text", [
    "@bookingcom @Expedia Stop overpaying for hotels 🏨 we get 70% off 5 star rooms worldwide 🌍 100% legit not a "
    "scam, reviews in bio. DM 'DEAL' 💯💯",
    "🔥 CHEAP COACH TICKETS 70% OFF 🔥 all UK routes, pay via paypal friends & family, DM now!!! @Coachway @BriskBus",
])
def test_resellers_fake_deals_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


def test_dm_now_in_a_complaint_is_no_spam() -> None:
    assert read("@AcmeShop my order never came, DM now please I need it").intent != "spam"


@pytest.mark.parametrize("text", [
    "@TTChelps shoutout to the Line 1 slow zone between St Clair and Summerhill for letting me finish an entire "
    "podcast episode. truly a public service",
    "@NAB cute ad with the dog. now do one about the branches you've closed in regional Vic this year, closest one to "
    "my mum is now a 45 min drive",
])
def test_a_kind_word_turned_on_the_brand_is_no_praise(text: str) -> None:
    assert read(text).intent != "praise"


def test_the_private_opener_never_asks_for_a_reference_the_post_gave() -> None:
    text = "@Airbnb please cancel reservation HMQ4Z2K9XT and refund me, there is no hot tub"
    for draft in drafts("base", text, range(1, 7)):
        assert draft.private is not None and "reference" not in draft.private.lower(), draft.private
