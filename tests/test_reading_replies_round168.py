"""Round 168 (twenty-eighth stop): what round 168's reviewers stopped in writers S and T's posts.

- A caller "from the bank" got the OTP ("i gave it") and ₹62,000 went: the reply said "don't reply or tap anything in
  it". A message inside a booking app asking to re-enter card details "at a link" read as a declined payment.
- "dont want charging twice" (a returns question) got "Sorry you've been charged twice"; a charge "I never signed up
  for" got account-closing lines; a subscription "renewed again even tho I cancelled" got "the wait on your refund".
- "$27 for a burger and fries and you FORGOT THE BURGER" got the pricing lines; "a $4.99 charge" was "your 99 charge".
- "10/10 would be bullied by a machine again" at a self-checkout got "call 911"; someone "trying the handle at 3am... I
  do not feel safe" in a hotel room was handed on unread; men at a grandmother's door "saying they're 'from the bank'
  and need her card" were no fraud.
- Someone with "no signal at all... cant even make a 999 call" was offered a call back.
- "hello?? anybody there?" got "let me check where things stand on that".
- A daughter's insulin in a checked bag got "tell us if there's medicine in the bag".
- An account closed without notice, in anger, got "giving you grief".
- Two strong praise phrases beside one small gripe ("Arjun and the boat team were absolutely flawless... otherwise
  10/10 would go back"), and thanks to a named colleague before "only thing is...", got complaint lines.
- "wow thanks for the 'pool view' room" got "thanks for your post"; "is the 07:12 running or not?? board says on
  time, app says cancelled" got the app's lines; "€55 at the desk because YOUR app crashed" got only device questions.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate.reading import concentrate
from carevoice.inbound import Inbound
from carevoice.plan import knocks
from carevoice.variables import post_conditions


def test_a_code_given_to_a_caller_and_money_gone_is_a_scam_done() -> None:
    text = ("@SomeBank got a call from someone saying they are from the bank and needed the OTP to 'stop a suspicious "
            "transaction', i gave it. ₹48,000 gone from my account just now. what do i do")
    assert post_conditions(text)["scam_done"]
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "tap anything" not in draft.text and draft.action == "escalate", draft.text


def test_a_code_never_given_is_no_scam_done() -> None:
    assert not post_conditions("someone rang asking for my OTP, i never gave it, is this you?")["scam_done"]


def test_a_message_in_a_booking_app_asking_for_card_details_at_a_link_is_a_scam_message() -> None:
    text = ("@Staybook got a message IN the staybook.com app from the 'hotel' saying my card was declined and I must "
            "re-enter my card details at a link within 24 hours or lose the room. is this real?")
    r = read(text)
    assert "fraud" in r.urgency and r.category == "fraud_security", r.reasons
    for draft in drafts("base", text, range(1, 4)):
        assert "wouldn't go through" not in draft.text and "payment" not in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", [
    "@Shopwell hiya do u still do free returns or is it that £3.95 thing now? got 4 bits to send back from 2 orders "
    "and dont want charging twice",
    "do you still do free delivery? I don't want to be charged twice for 2 orders",
])
def test_a_worry_about_being_charged_twice_is_no_double_charge(text: str) -> None:
    assert not post_conditions(text)["charged_twice"]
    assert read(text).category != "billing_error"


def test_a_double_charge_is_still_one() -> None:
    text = "i was charged twice for order 1234, want the second one back"
    assert post_conditions(text)["charged_twice"] and read(text).category == "billing_error"


@pytest.mark.parametrize("text", [
    "@Bankly there's a $4.99 charge from 'SVC MEMBERSHIP' on my checking, 3 months in a row, I never signed up for "
    "anything. the dispute button just spins",
    "@Pret club subscription renewed again even tho I cancelled in the app last month. how do I get my money back?",
])
def test_a_charge_never_agreed_to_is_a_billing_error(text: str) -> None:
    assert read(text).category == "billing_error"


def test_the_pence_of_a_price_is_not_the_subject() -> None:
    subject = read("there's a $4.99 charge from them on my checking account").subject
    assert subject is None or not subject.text.startswith("99"), subject


def test_a_forgotten_item_is_not_a_price_complaint() -> None:
    text = "@BurgerBarn $27 for a burger and fries and you FORGOT THE BURGER. the manager just laughed at me"
    assert not post_conditions(text)["pricing"]
    assert post_conditions("$27 for a burger and fries, absolute daylight robbery")["pricing"]


def test_a_machine_as_the_bully_is_no_threat() -> None:
    text = ("the self checkout at @Grocer told me 'unexpected item in bagging area' 11 times. the unexpected item was "
            "my hand. 10/10 would be bullied by a machine again")
    assert "threat" not in read(text).urgency
    assert "threat" in read("my son is being bullied by a member of staff at your store").urgency


def test_someone_at_a_hotel_room_door_at_night_is_a_threat() -> None:
    text = ("@Restwell room 214. someone has been banging on my door and trying the handle at 3am, twice now. "
            "reception is empty and the phone rings out. I'm on my own and I do not feel safe. who do I call")
    r = read(text)
    assert "threat" in r.urgency and r.intent == "danger", r.reasons
    for draft in drafts("base", text, range(1, 4)):
        assert draft.action == "escalate", draft.text


def test_not_feeling_safe_with_a_service_is_no_threat() -> None:
    assert "threat" not in read("i don't feel safe flying with you after that landing").urgency


def test_strangers_claiming_to_be_the_bank_at_the_door_are_fraud() -> None:
    text = ("@Buildsoc my nan (87) has had men come to her door twice this week saying they're 'from the bank' and "
            "need her card to check it. she nearly handed it over. can you put a note on her account?")
    r = read(text)
    assert "fraud" in r.urgency and r.intent == "danger", r.reasons


def test_no_callback_to_a_phone_with_no_signal() -> None:
    text = ("@Mobileco no signal at all in SE15 since yesterday. cant even make a 999 call from my flat. is there an "
            "outage? my dad's on oxygen and i need to be reachable")
    assert "callback" not in read(text).asks
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "ring you" not in draft.text and "call you" not in draft.text, draft.text


@pytest.mark.parametrize("text", ["@vrbo hello?? anybody there?", "is anyone there", "hello"])
def test_a_knock_is_asked_what_is_needed(text: str) -> None:
    assert knocks(text)
    for draft in drafts("base", text, range(1, 4)):
        assert draft.action == "reply" and any(s.stage == "clarify" for s in draft.stages), draft.stages
        assert "check where things stand" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "what time does the Cheltenham store shut on christmas eve?", "hello, is anyone there who can refund order 123?",
])
def test_a_question_is_no_knock(text: str) -> None:
    assert not knocks(text)


def test_medicine_named_is_not_asked_about() -> None:
    text = ("@Skyway stuck at Brisbane, VA921 cancelled. my 6yo is type 1 diabetic and her spare insulin and pump "
            "supplies are in the checked bag which the desk says they cant get out til tomorrow. help us NOW please")
    assert post_conditions(text)["medicine"]
    for draft in drafts("northwind-air", text, range(1, 7)):
        assert "if there's medicine" not in draft.text, draft.text
    assert not post_conditions("my bag never arrived at Heathrow, file ref LHR123")["medicine"]


def test_no_grief_line_to_anger() -> None:
    text = ("@Bigbank you closed my account WITHOUT NOTICE, a check for $3,812 is 'in the mail', and rent is due "
            "Friday. Absolutely disgusting.")
    assert read(text).emotion == "anger"
    for draft in drafts("harbour-bank", text, range(1, 9)):
        assert "grief" not in draft.text, draft.text


def test_two_strong_praise_phrases_beside_a_small_gripe_are_praise() -> None:
    text = ("4 nights at the Lake Palace @Grandhotels - Arjun and the boat team were absolutely flawless. breakfast on "
            "the last morning was a bit of a scrum tho, waited 25 min for eggs. otherwise 10/10 would go back")
    r = read(text)
    assert r.intent == "praise" and r.details.staff == "Arjun", r.reasons
    assert post_conditions(text)["gripe"]
    for draft in drafts("base", text, range(1, 5)):
        assert "sorry" not in draft.text.lower(), draft.text


def test_thanks_to_a_colleague_then_one_gripe_is_praise() -> None:
    text = ("big thanks to Aoife in the @Bankco Ennis branch who sat with my dad for an hour setting up his online "
            "banking. he's 81 and delighted. only thing is the app wont let him make the text bigger, any chance?")
    r = read(text)
    assert r.intent == "praise", r.reasons
    assert any("Aoife" in d.text for d in drafts("harbour-bank", text, range(1, 5)))


def test_a_gripe_after_plain_kind_words_is_still_a_complaint() -> None:
    text = "the dress is lovely but it came in the wrong size and the zip is broken"
    assert read(text).intent == "complaint"


def test_a_view_in_scare_quotes_is_sarcasm() -> None:
    text = "wow thanks @Hotelsite for the 'pool view' room. the pool view is a framed photo of a pool. in the corridor."
    r = read(text)
    assert r.intent == "complaint" and r.sarcasm, r.reasons


def test_a_train_running_or_not_is_transport_disruption() -> None:
    text = "@northernrail is the 07:12 from Hebden Bridge running or not?? board says on time, app says cancelled"
    assert concentrate(Inbound(text=text, channel="x")).category == "transport_disruption"


def test_money_lost_to_an_app_fault_is_looked_at() -> None:
    text = ("@Jetline €55 to get a boarding pass at the desk in Stansted because YOUR app crashed during check in. i "
            "have the screenshot. FR8342 to Porto. how is that my fault")
    for draft in drafts("northwind-air", text, range(1, 4)):
        assert "cost you money" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@Helpdesk 10/10 service today, the chat person remoted into my laptop and fixed the printer driver mess",
    "got my card back in 2 days after losing it abroad AND froze it instantly from the app. 10/10 no notes",
    "the lad in your Reading store unlocked my phone and showed my nan how to video call me. 10 out of 10",
])
def test_a_rating_of_ten_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


@pytest.mark.parametrize(("text", "category", "urgency"), [
    ("been throwing up since eating your chicken last night", "food_order", "safety"),
    ("the sofa is not like the picture at all", "wrong_item", None),
    ("turned it off and on again, the router is still dead", None, None),
])
def test_terms_of_several_words_match(text: str, category: str | None, urgency: str | None) -> None:
    r = read(text)
    if category:
        assert r.category == category, r.reasons
    if urgency:
        assert urgency in r.urgency, r.reasons
    if "off and on" in text:
        assert r.details.tried == "restart", r.reasons


def test_two_sources_that_disagree_are_mixed_messages() -> None:
    for text in ("google says 11 the app says 24hrs", "the website has two different dates on it",
                 "board says on time, app says cancelled"):
        assert post_conditions(text)["mixed_info"], text
    for text in ("my mum said she loved it and my dad said it was great", "he said yes. she said no."):
        assert not post_conditions(text)["mixed_info"], text
    for draft in drafts("parcelpop", "@Shop what time do you open on July 4th? website says 8 but google says 7"):
        assert "which is right" in draft.text, draft.text


def test_a_relative_asking_for_a_note_on_an_account_is_offered_one() -> None:
    text = ("@Bankco my mum is 84, has dementia and has given her card details twice this month to someone ringing her "
            "saying theyre from the bank. I have lasting power of attorney. can you put a note on her account?")
    assert post_conditions(text)["account_note"]
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "block it" not in draft.text and "account" in draft.text, draft.text
    assert not post_conditions("my account was closed, can you tell me why?")["account_note"]


def test_money_sent_to_a_stranger_unasked_is_fraud() -> None:
    text = "£1,500 left my account to a 'Mr J Carter' this morning. I don't know who that is. I didn't send it."
    r = read(text)
    assert "fraud" in r.urgency and r.intent == "danger", r.reasons
    assert "fraud" not in read("i didn't send it back yet, can i still return it?").urgency


def test_a_crew_out_of_hours_is_a_flight_disruption() -> None:
    text = "CV 1120 delayed 5 HOURS and now the crew are out of hours?? 200 people sat at gate 9 with no info"
    r = read(text)
    assert r.category == "flight_disruption", r.reasons
    assert r.subject is None or "gate" not in r.subject.text, r.subject
