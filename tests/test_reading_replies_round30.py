"""Readings and replies fixed after the blind reviews of round 30 (tune split: 100 real posts never
reviewed, and 112 written sector posts).

Reviewers stopped thanks for a shop's quiet hour or an in-store swap that credited "the folks who
pack and ship your orders"; "the dress is lovely but it came in the wrong size" read as praise; a
purchase that never reached the account, a charge after cancelling and a renewal that kept failing
all answered as "a charge you weren't expecting"; a customer who had "DMed order number and photos"
asked for the order number again; a report of a security flaw in the product answered as an account
taken over; "never felt so looked after" about a fraud team answered with the fraud script; a
work-from-home spam post answered as a complaint; and "your 10 discount" for "10% discount".
"""

from __future__ import annotations

import pytest
from conftest import draft_post as _draft
from conftest import draft_texts as _texts

from carevoice.compose import asks_for_details
from carevoice.concentrate import concentrate
from carevoice.inbound import Inbound

DELIVERY_WORDS = ("arrived", "unboxing", "pack and ship", "packing team", "haul", "next order", "warehouse",
                  "deliveries", "made it to you", "your order", "ship your next", "new stuff")

STORE_PRAISE = [
    "massive thanks to Boxhaus Croydon for swapping my faulty Pixmo tablet on the spot, no receipt drama. 5 mins in "
    "and out",
    "@MarloweStores the new café at the Bath store is lovely. great scones 👌",
    "@FreshWay the quiet hour on tuesdays has been amazing for my autistic son. thank you for doing it, it means a "
    "lot to us",
]


@pytest.mark.parametrize("text", STORE_PRAISE)
def test_praise_for_a_shop_is_not_thanked_for_a_delivery(text: str) -> None:
    for reply in _texts("parcelpop", text):
        assert reply and not any(w in reply.lower() for w in DELIVERY_WORDS), reply


def test_praise_for_a_delivery_may_still_name_it() -> None:
    replies = _texts("parcelpop", "my parcelpop order arrived a day early and the packaging was so cute!")
    assert _draft("parcelpop", "my parcelpop order arrived a day early and the packaging was so cute!"
                  ).analysis.intent == "praise"
    assert all("sorry" not in r.lower() for r in replies), replies


@pytest.mark.parametrize("text", [
    "the dress is lovely but it came in the wrong size",
    "the dress is so cute but it came in the wrong size",
    "love the app, however it crashes every time I open my basket",
])
def test_kind_words_then_a_problem_after_but_is_a_complaint(text: str) -> None:
    r = concentrate(Inbound(text=text))
    assert r.intent == "complaint", r.reasons
    assert r.emotion != "delight"


@pytest.mark.parametrize("text", [
    "honestly impressed @KestrelTech repaired my laptop for free even though it was 2 weeks out of warranty. "
    "customer for life",
    "I lost my bag in Lisbon but your team found it and drove it to my hotel, thank you so much!",
])
def test_a_problem_before_the_thanks_keeps_the_praise(text: str) -> None:
    r = concentrate(Inbound(text=text))
    assert not any("then a problem after" in reason for reason in r.reasons), r.reasons


NOT_RECEIVED = ("I purchased the Whale Shark Card Bundle (GTA5, CE Starter Pack, Whale Shark Card) but have yet to "
                "receive the money. Do I need to go somewhere or do something in game to receive it?")
AFTER_CANCEL = ("Hi, I cancelled the $11.99 one month trail as soon as I got the email that the trial is ending & I "
                "still got charged for it.")


def test_paid_but_not_received_is_not_an_unexpected_charge() -> None:
    for reply in _texts("loopwork", NOT_RECEIVED):
        assert "expecting" not in reply and "charge" not in reply.lower(), reply
        assert any(w in reply for w in ("paid", "purchase", "bought", "paying")), reply


@pytest.mark.parametrize("text", [AFTER_CANCEL, "I keep canceling subscriptions, why are you still charging me pls "
                                                "stop I am broke"])
def test_charged_after_cancelling_is_owned_and_checked(text: str) -> None:
    for seed in range(4):
        d = _draft("loopwork", text, seed)
        assert "cancel" in (d.text or "").lower(), d.text
        assert "expecting" not in (d.text or ""), d.text
    assert any(s.stage in ("acknowledge", "apologise") for s in _draft("loopwork", text).stages)


def test_a_failing_renewal_is_not_an_unexpected_charge() -> None:
    for reply in _texts("loopwork", "I've been trying to renew my realms but I keep getting the same error for "
                                    "weeks. Please help :("):
        assert "expecting" not in reply and "date and amount" not in reply, reply


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "@Wokaway still waiting for someone to get back to me about the missing gyoza from sunday. DMed "
                     "order number and photos. nothing 🤷"),
    ("base", "@TixBay 4 days since I sent my order number about the tickets that never arrived for saturday's "
             "match. match is in 2 days!!!"),
    ("tidewave", "@QuantaFibre I've given you my ref 3 times now, spoken to Jake, Sophie and Liam. line still dead "
                 "after 9 days. nobody calls back when they say they will"),
])
def test_details_already_sent_are_not_asked_for_again(bank: str, text: str) -> None:
    for reply in _texts(bank, text):
        assert reply and not asks_for_details(reply), reply


def test_asks_for_details_tells_asks_from_promises() -> None:
    assert asks_for_details("Send the order number by DM and we'll chase it.")
    assert asks_for_details("DM us the booking reference and I'll come back to you.")
    assert not asks_for_details("We'll find what you've already sent us and chase it now.")
    assert not asks_for_details("Thanks for your patience – we've found your message and will answer it today.")


@pytest.mark.parametrize("text", [
    "People in my community use @zoom_us because of security (end-to-end encryption.) The vulnerability reported on "
    "today is bad, but the tepid response by Zoom and the fact there was 90 days prior to fix this is much worse.",
    "I love @zoom_us and frequently recommend it to my clients. However, I am now seriously considering uninstalling "
    "it and recommending my clients and followers do the same: https://medium.com/bugbountywriteup/zoom-zero-day",
])
def test_a_security_flaw_is_not_answered_as_a_takeover(text: str) -> None:
    for reply in _texts("loopwork", text):
        assert "security team" in reply, reply
        assert "getting into your account" not in reply and "username" not in reply, reply


def test_work_from_home_spam_gets_no_reply() -> None:
    d = _draft("parcelpop", "🔥🔥 WORK FROM HOME, EARN £300 A DAY, NO EXPERIENCE NEEDED 🔥🔥 click here 👉 link "
                            "@CornerCartUK @Tillburys @FreskoHQ")
    assert d.analysis.intent == "spam" and d.action == "no_reply"


def test_thanks_to_a_fraud_team_is_praise_and_still_escalated() -> None:
    d = _draft("harbour-bank", "@CrestlineCard fraud team called me within 5 mins of a weird charge, card blocked, "
                               "new one on the way. never felt so looked after")
    assert d.analysis.intent == "praise"
    assert "fraud" in d.analysis.urgency and d.action == "escalate"
    assert "don't reply" not in (d.text or "") and "sorry" not in (d.text or "").lower(), d.text


def test_a_percentage_keeps_its_sign_in_the_subject() -> None:
    r = concentrate(Inbound(text="I claimed the Twitch prime loot for GTA V but I'm not getting an extra 10% "
                                 "discount"))
    assert r.subject is not None and r.subject.reply == "your 10% discount"
    r = concentrate(Inbound(text='the "Corvia Summer Sale 30% off" doesnt apply to a single flight I search'))
    assert r.subject is None or not r.subject.reply.endswith("30")


def test_every_post_condition_is_documented() -> None:
    from pathlib import Path

    from carevoice.variables import _POST_CONDITIONS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "writing-banks.md").read_text()
    missing = [c for c in _POST_CONDITIONS if f"| `post.{c}` |" not in doc]
    assert not missing, missing


@pytest.mark.parametrize("text", [
    "Honestly the night bus drivers dont get enough credit. Route N5 driver tonight stopped a fight and still got "
    "everyone home. legend @CityLinkBus",
    "my Zipp driver last night kept asking if I had a boyfriend and then drove past my street and wouldnt let me out "
    "until I shouted. I'm shaking. @ZippRides",
])
def test_a_bus_or_ride_share_post_gets_no_train_lines(text: str) -> None:
    for reply in _texts("northline-rail", text):
        assert reply and not any(w in reply.lower() for w in ("train", "platform", "station", "coach")), reply


def test_a_train_post_keeps_its_train_lines() -> None:
    replies = _texts("northline-rail", "my train to Leeds was cancelled and the replacement bus never came")
    assert any("train" in r.lower() for r in replies), replies


def test_a_sharp_product_is_not_answered_as_a_fire() -> None:
    text = ("the Loomwell baby sleepsuit zip has a sharp metal edge at the top, it scratched my 3 month old's neck and "
            "drew blood. bought 2 packs. please check them")
    for bank in ("parcelpop", "base"):
        for reply in _texts(bank, text):
            assert not any(w in reply.lower() for w in ("smoke", "battery", "cool", "charge it", "plug")), reply


def test_a_smoking_charger_still_gets_the_fire_lines() -> None:
    replies = _texts("base", "my new phone charger from you started smoking and melted the plug last night")
    assert any(w in r.lower() for r in replies for w in ("smoke", "unplug", "cool", "plug")), replies


def test_a_long_wait_for_food_is_about_the_wait() -> None:
    text = ("Tacoloco Leeds staff were lovely but we waited 40 mins for 2 tacos while people who ordered after us got "
            "theirs first. sort the kitchen out @TacolocoUK")
    for reply in _texts("crumb-and-co", text):
        assert "what was off" not in reply and "photo of the food" not in reply, reply
        assert "wait" in reply, reply


@pytest.mark.parametrize("text", ["Cannot update billing info - getting \"Failed to load modal\" error. Help!!!!!",
                                  "I didn’t miss any required info. I just want to update a credit card."])
def test_updating_a_card_is_not_a_charge(text: str) -> None:
    for reply in _texts("loopwork", text):
        assert "charge" not in reply.lower() and "expecting" not in reply, reply


def test_praise_for_customer_service_is_not_sent_to_the_warehouse() -> None:
    text = ("@HollinsReed your customer service team are AMAZING. my parcel got lost, they sent a replacement next day "
            "no questions asked. thank you thank you")
    for reply in _texts("parcelpop", text):
        assert "warehouse" not in reply and "pack" not in reply and "made the cut" not in reply, reply


@pytest.mark.parametrize(("text", "device"), [
    ("I've been having issues toggling between windows in PS ever since I started using this macbook", "macbook"),
    ("ordered mac and cheese for the third time this week", None),
    ("my Windows 10 laptop won't update", "Windows 10"),
])
def test_lower_case_windows_and_mac_are_words_not_devices(text: str, device: str | None) -> None:
    assert concentrate(Inbound(text=text)).details.device == device


def test_thanks_for_the_support_team_go_to_the_support_team() -> None:
    text = ("Dashly support actually sorted my missing order in like 2 minutes and added credit. honestly didnt "
            "expect that. thank you 👏 @DashlyEats")
    for reply in _texts("crumb-and-co", text):
        assert "support team" in reply or "care team" in reply or "team who helped" in reply, reply
        assert "spot" not in reply and "visit" not in reply, reply


def test_a_bus_company_handle_makes_a_road_post() -> None:
    for reply in _texts("northline-rail", "@BriskBus where is the 4??? 40 min gap"):
        assert "train" not in reply.lower() and "Advance" not in reply, reply


def test_a_policy_reason_quoted_is_no_threat() -> None:
    r = concentrate(Inbound(text='got an email yesterday that @youtube suspended/terminated my account for "sexually '
                                 'explicit content" 🤨 how? I have had this acc for like 10 years...'))
    assert "threat" not in r.urgency
    assert "threat" in concentrate(Inbound(text="the driver made sexual comments to my daughter")).urgency


def test_reporting_a_website_is_a_report() -> None:
    r = concentrate(Inbound(text="how can I report a website that is commuting online fraud that is being hosted on "
                                 "your platform?"))
    assert "remove" in r.asks


def test_a_sent_dm_is_checked() -> None:
    d = _draft("northwind-air", "@OstraAirlines please cancel my booking OS 610 on 12 Oct and put the value as credit, "
                                "I can't travel anymore. DM sent with details")
    assert "check_dm" in d.analysis.asks
    assert "DM" in (d.text or "") and "Manage booking" not in (d.text or ""), d.text


def test_an_apartment_and_a_number_of_weeks_is_no_address() -> None:
    from carevoice.concentrate.pii import find_pii

    assert find_pii("cancelled the Lisbon apartment 3 weeks ago, its my rent money") == ()
    assert [m.kind for m in find_pii("please send it to Apartment 3, 12 High Street")][:1] == ["address"]


def test_a_customer_who_has_waited_is_not_thanked_for_being_quick() -> None:
    text = ("please let me into my Hacked Gmail account. I left you an email in the inbox. I’ve been waiting with no "
            "response to the email for days")
    for reply in _texts("loopwork", text):
        assert "quickly" not in reply and "fast was" not in reply and "straight away –" not in reply, reply


def test_thanks_for_a_found_kindle_is_not_thanked_as_a_flight() -> None:
    for reply in _texts("northwind-air", "thank u @CorviaAir for finding my kindle 📚🙏"):
        assert not any(w in reply.lower() for w in ("flying", "flight", "trip", "journey", "on board", "skies")), reply


def test_thanks_for_a_flight_may_still_speak_of_it() -> None:
    text = ("Shout out to the Corvia crew on the 06:10 Glasgow to Dublin, captain came out to talk to my autistic son "
            "about the cockpit before we boarded. made his year")
    replies = _texts("northwind-air", text)
    assert any(w in r.lower() for r in replies for w in ("flying", "flight", "trip", "crew")), replies


@pytest.mark.parametrize("text", [
    "I purchased Minecraft 2 years ago and have been playing ever since without a problem. Recently it stopped working",
    "I bought Photoshop 3 months ago and it won't open",
])
def test_a_number_of_years_is_not_part_of_a_name(text: str) -> None:
    r = concentrate(Inbound(text=text))
    assert r.subject is None or not r.subject.reply.rstrip().endswith(("2", "3")), r.subject
    assert r.details.product is None or not r.details.product.endswith(("2", "3")), r.details.product


def test_a_subject_never_spans_a_full_stop() -> None:
    r = concentrate(Inbound(text="Got faulty iPhone 11 Pro from Amazon. Device is not even charging at all."))
    assert r.subject is None or "." not in r.subject.text, r.subject
    assert concentrate(Inbound(text="the v2.5 update broke the app")).subject is not None
