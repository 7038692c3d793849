"""Reading real-world-style posts: a regression table of hard cases, and properties that always hold.

The table is written for the tests (not real customers): sarcasm, mixed intent,
typos, hashtags, other languages and danger phrased many ways. Each row names
only what a care lead would insist on; the rest of the reading may vary.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.concentrate import concentrate, find_pii
from carevoice.inbound import Inbound, Reading

DANGER = {"safety", "threat", "vulnerable", "fraud", "data_exposure"}

# (post, expected): expected keys are Reading fields; "urgent" means some urgency is raised
CASES: list[tuple[str, dict[str, object]]] = [
    # sarcasm is a complaint, never praise
    ("Thanks a lot for the 3 hour delay on the tarmac, great job", {"intent": "complaint", "sarcasm": True}),
    ("great job @bank, locked out of my account AGAIN. love it", {"sarcasm": True, "praise": False}),
    ("love spending my friday night on hold for 2 hours #greatservice", {"intent": "complaint", "praise": False}),
    # praise, including praise in negative words
    ("Shoutout to Denise on the tills at Hollow Road, absolute star", {"intent": "praise"}),
    ("Best bank I've ever been with honestly", {"intent": "praise", "category": "praise"}),
    ("not a single problem with my order all year, you lot are brilliant", {"intent": "praise"}),
    ("thanks for the quick delivery, love the new blender!", {"intent": "praise"}),
    ("the grocery pickup is such a neat service, done in 5 mins", {"intent": "praise"}),
    # mixed intent: a complaint that asks, a request, a follow-up
    ("my order #88213 never arrived and it was due monday, where is it??", {"category": "late_delivery"}),
    ("I DMed you 3 days ago and still no reply", {"intent": "follow_up"}),
    ("can you DM me please, need to sort my bill", {"asks": ("dm_me",)}),
    ("please refund me, the item arrived broken", {"asks": ("refund",)}),
    # typos and hashtags
    ("my refnd still hasnt come thru after 3 weeks #fail", {"category": "refund_status"}),
    ("wifi on the 0815 to euston is dead again #commuterlife", {"intent": "complaint"}),
    # other languages are never read as English
    ("Mi pedido no ha llegado y nadie me responde", {"language": "es", "intent": "other_language"}),
    ("Mon vol a été annulé et personne ne répond au téléphone", {"language": "fr", "intent": "other_language"}),
    ("我的订单还没到，请帮忙查一下", {"language": "zh", "intent": "other_language"}),
    ("Danke für nichts, die Bestellung ist immer noch nicht da", {"language": "de", "intent": "other_language"}),
    # danger, phrased many ways (never missed)
    ("found a piece of plastic in my salad, my son nearly swallowed it", {"urgent": True, "intent": "danger"}),
    ("the driver kept making comments about me at midnight and followed me to my door", {"urgent": True}),
    ("someone took £400 from my account overnight, I didn't make these payments", {"urgent": True}),
    ("card declined and I'm stuck out of state with no cash to get home", {"urgent": True}),
    ("my 15 year old is stranded at leeds station, last train cancelled, no money", {"urgent": True}),
    ("my charger sparked and there's a burning smell in the socket", {"urgent": True, "intent": "danger"}),
    ("my account got hacked and they changed the email and password", {"urgent": True, "intent": "danger"}),
    ("got a text pretending to be you asking for my PIN, is this a scam?", {"category": "fraud_security"}),
    ("I'll be speaking to my solicitor about this", {"urgent": True}),
    # abuse versus harsh criticism
    ("you are all useless idiots, go to hell", {"intent": "abuse"}),
    ("this update is total garbage and the app crashes every time", {"intent": "complaint", "abusive": False}),
    ("FOLLOW ME for free crypto giveaway!!! click bit.ly/free-btc now", {"intent": "spam"}),
]


def _holds(reading: Reading, key: str, want: object) -> bool:
    if key == "urgent":
        return bool(reading.urgency) == want
    return getattr(reading, key) == want


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_hard_cases(text: str, expected: dict[str, object]) -> None:
    reading = concentrate(Inbound(text=text))
    wrong = {k: getattr(reading, k, bool(reading.urgency)) for k, v in expected.items() if not _holds(reading, k, v)}
    assert not wrong, (wrong, reading.reasons)


def test_every_decision_has_reasons() -> None:
    reading = concentrate(Inbound(text="found a piece of plastic in my salad, my son nearly swallowed it"))
    assert reading.reasons[0].startswith("intent danger")
    assert any(r.startswith("urgency safety") for r in reading.reasons)
    assert any(r.startswith("subject") for r in reading.reasons)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_reading_never_raises(text: str) -> None:
    reading = concentrate(Inbound(text=text))
    assert reading.intent
    assert 0.0 <= reading.confidence <= 1.0


_PII_POSTS = st.sampled_from([
    "my email is dana.kim@example.com and my order {} never came",
    "call me on 07700 900123 about {} please",
    "card 4111 1111 1111 1111 charged twice for {}",
    "my account number is 55779911 and {} is wrong",
    "I live at 12 Baker Street, London and {} was left outside",
])
_THINGS = st.sampled_from(["my order", "the app", "my gift card", "the wifi on my flight", "my refund", "it"])


@settings(max_examples=100, deadline=None)
@given(_PII_POSTS, _THINGS)
def test_subject_never_contains_personal_data(template: str, thing: str) -> None:
    text = template.format(thing)
    reading = concentrate(Inbound(text=text))
    if reading.subject is not None:
        assert not find_pii(reading.subject.text)
        assert not find_pii(reading.subject.reply)
        for match in reading.pii:
            assert not (reading.subject.start < match.end and match.start < reading.subject.end)
