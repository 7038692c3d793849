"""Triage: situations and surges, deadlines, priority, routing, repeated abuse, hours."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.bank import load_bank
from carevoice.bank.settings import TriageSettings
from carevoice.inbound import Inbound, Reading
from carevoice.triage import SituationTracker, Triage, route
from carevoice.triage.abuse import AbuseTracker
from carevoice.triage.situations import keywords

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)  # a Monday

OUTAGE = [
    "Is the app down? can't log in", "app down again, can't log in to pay", "your app is down, login fails",
    "app login down for me too", "the app won't let me log in, is it down?", "App down?? login just spins",
    "can't log in to the app since 9, outage?", "login broken on the app, down for everyone?",
    "app is down and I can't log in, please fix", "website and app both down, cannot log in",
]
UNRELATED = [
    "My order #4417 hasn't arrived yet", "I was charged twice for my subscription",
    "Your driver was so rude to me", "I want to cancel my contract", "The kettle I bought broke after 2 days",
    "Where is my refund for the blender?", "Thanks so much, great service today!",
    "Flight NW204 delayed, no information at the gate", "Got the wrong jacket in my parcel",
    "How do I change my delivery address?",
]


def post(text: str, minutes: float, author: str, channel: str = "x", **kw: object) -> Inbound:
    return Inbound(text=text, time=T0 + timedelta(minutes=minutes), handle=author, channel=channel, **kw)


def burst() -> tuple[list[Inbound], list[Inbound]]:
    """Four dozen outage posts over 40 minutes, with unrelated complaints mixed in."""
    outage = [post(OUTAGE[i % len(OUTAGE)], i * 0.8, f"@fan{i}") for i in range(48)]
    other = [post(text, 1.5 + i * 4, f"@other{i}") for i, text in enumerate(UNRELATED)]
    return outage, other


def test_a_burst_is_one_situation_and_surges_within_a_bounded_number_of_posts() -> None:
    outage, other = burst()
    triage = Triage()
    placed = {}
    for p in sorted(outage + other, key=lambda p: p.time):
        placed[id(p)] = triage.add(p)
    outage_ids = [placed[id(p)].situation for p in outage]
    main = max(set(outage_ids), key=outage_ids.count)
    assert outage_ids.count(main) >= 0.9 * len(outage)
    surge_at = next(i for i, p in enumerate(outage) if placed[id(p)].recommendation == "holding")
    assert surge_at < 12
    assert all(any(f.code == "CV801" for f in placed[id(p)].findings) for p in outage[surge_at:]
               if placed[id(p)].situation == main)
    situation = triage.situation(main)
    assert situation is not None and situation.surging and situation.category == "service_outage"
    assert situation.authors >= 40 and situation.trend in ("rising", "steady")
    others = [placed[id(p)].situation for p in other if "app" not in p.text]
    assert main not in others
    assert len(set(others)) == len(others)


def _reading(category: str = "late_delivery", **kw: object) -> Reading:
    return Reading(category=category, negative=True, **kw)  # type: ignore[arg-type]


def test_unrelated_posts_stay_apart() -> None:
    tracker = SituationTracker()
    cats = ["late_delivery", "billing_error", "rude_staff", "cancellation_request", "product_defect",
            "refund_status", "praise", "flight_disruption", "wrong_item", "general_question"]
    ids = [tracker.add(text, T0 + timedelta(minutes=i), f"a{i}", _reading(cat)).situation
           for i, (text, cat) in enumerate(zip(UNRELATED, cats, strict=True))]
    assert len(set(ids)) == len(ids)


def test_different_flights_are_different_situations() -> None:
    tracker = SituationTracker()
    from carevoice.inbound import Details

    def add(text: str, flight: str, minute: int) -> str:
        r = Reading(category="flight_disruption", details=Details(flight=flight))
        return tracker.add(text, T0 + timedelta(minutes=minute), f"a{minute}", r).situation

    first = add("Flight NW204 cancelled, stuck at the airport", "NW204", 0)
    assert add("NW204 cancelled with no warning", "NW204", 1) == first
    assert add("Flight NW999 cancelled, stuck at the airport", "NW999", 2) != first


def _word(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out += chr(97 + r)
    return out


def test_memory_is_bounded_by_the_window() -> None:
    tracker = SituationTracker(TriageSettings(window_minutes=60))
    for i in range(300):
        words = " ".join(_word(3 * i + k) for k in range(3))
        tracker.add(f"complaint about {words}", T0 + timedelta(minutes=10 * i), f"a{i}", _reading("general"))
    assert len(tracker) <= 7
    assert tracker.index_size <= 7 * 10
    assert tracker.evicted >= 290


def test_a_steady_background_stops_surging_once_it_has_a_baseline() -> None:
    tracker = SituationTracker()
    last = None
    for i in range(200):  # 12 late-delivery posts every 30 minutes for over 8 hours
        last = tracker.add("my parcel is late again, order not arrived", T0 + timedelta(minutes=2.5 * i), f"a{i}",
                           _reading())
    assert last is not None and not last.surging
    situation = tracker.get(last.situation)
    assert situation is not None and situation.surged_at is not None  # warm-up: no baseline yet


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OUTAGE + UNRELATED), st.integers(0, 600)), min_size=1, max_size=60))
def test_tracker_invariants(stream: list[tuple[str, int]]) -> None:
    tracker = SituationTracker(TriageSettings(window_minutes=30))
    for seen, (text, minute) in enumerate(sorted(stream, key=lambda x: x[1]), 1):
        a = tracker.add(text, T0 + timedelta(minutes=minute), "a", _reading("general"))
        snap = tracker.get(a.situation)
        assert snap is not None and 1 <= snap.count <= seen
        assert len(tracker) <= seen


def test_keywords_drop_stopwords_and_plurals() -> None:
    assert keywords("The parcels are still not here, parcels!") == ["parcel"]


@pytest.mark.parametrize(("channel", "minutes"), [
    ("x", 15), ("facebook", 60), ("instagram", 60), ("google_reviews", 1440),
])
def test_deadlines_follow_the_channel_targets(channel: str, minutes: int) -> None:
    item = Triage().add(post("My order #4417 hasn't arrived yet", 0, "@ann", channel))
    assert item.deadline == T0 + timedelta(minutes=minutes)


def test_bank_override_and_urgent_posts_shorten_the_deadline() -> None:
    bank = dataclasses.replace(load_bank("parcelpop"), acknowledge_minutes={"facebook": 30})
    triage = Triage(bank)
    assert triage.add(post("My order #4417 hasn't arrived yet", 0, "@a", "facebook")).deadline == \
        T0 + timedelta(minutes=30)
    urgent = triage.add(post("I'm going to sue you over this double charge", 0, "@b", "facebook"))
    assert urgent.deadline == T0 + timedelta(minutes=15)
    assert urgent.recommendation == "escalate" and urgent.team == "legal"
    assert any(f.code == "CV804" and "legal threat" in f.message for f in urgent.findings)


def test_priority_raises_urgent_negative_and_high_reach_posts() -> None:
    triage = Triage()

    def prio(text: str, **kw: object) -> int:
        return triage.add(post(text, 0, "@p", **kw)).priority.score

    praise = prio("Thanks so much, great service today!")
    negative = prio("My order #4417 hasn't arrived yet and I'm furious")
    assert negative > praise
    assert prio("My order #4417 hasn't arrived yet", followers=250_000) > prio("My order #4417 hasn't arrived yet")
    assert prio("Flight NW204 cancelled, stuck at the airport with my kids") > negative


def test_bank_weights_override_the_defaults() -> None:
    quiet = Triage(settings=TriageSettings(weights={"negative": 0, "intensity": 0}))
    assert quiet.add(post("I was charged twice for my subscription", 0, "@a")).priority.score == 20


@pytest.mark.parametrize(("reading", "team", "reason"), [
    (Reading(category="billing_error"), "billing", None),
    (Reading(category="late_delivery"), "logistics", None),
    (Reading(category="service_outage"), "it_support", None),
    (Reading(category="late_delivery", urgency=("legal",)), "legal", "legal threat"),
    (Reading(category="general", urgency=("safety", "stranded")), "safety",
     "safety risk reported; customer stranded now"),
])
def test_routing(reading: Reading, team: str, reason: str | None) -> None:
    assert route(reading) == (team, reason)


def test_bank_routing_overrides_a_category() -> None:
    assert route(Reading(category="billing_error"), {"billing_error": "finance"}) == ("finance", None)


def test_repeated_abuse_is_recognised() -> None:
    triage = Triage()
    texts = ["You are useless idiots", "Shut up you morons", "You idiots are pathetic morons"]
    items = [triage.add(post(t, i, "@troll")) for i, t in enumerate(texts)]
    assert [i.recommendation for i in items] == ["no_reply", "no_reply", "disengage"]
    assert "3 abusive posts from @troll" in items[-1].reasons[0]
    assert any(f.code == "CV803" for f in items[-1].findings)
    assert items[-1].deadline is None and items[-1].priority.score == 0
    others = [triage.add(post(t, 5 + i, f"@x{i}")).recommendation for i, t in enumerate(texts)]
    assert "disengage" not in others


def test_abuse_expires_after_its_window() -> None:
    tracker = AbuseTracker(posts=2, hours=24)
    assert tracker.add("@t", T0) is None
    assert tracker.add("@t", T0 + timedelta(hours=25)) is None
    assert tracker.add("@t", T0 + timedelta(hours=26)) is not None
    assert len(tracker) == 1


def test_the_queue_is_in_priority_order_and_updated_for_later_surges() -> None:
    outage, other = burst()
    triage = Triage()
    for p in sorted(outage + other, key=lambda p: p.time):
        triage.add(p)
    queue = triage.queue()
    replying = [q for q in queue if q.deadline is not None]
    assert [q.priority.score for q in replying] == sorted((q.priority.score for q in replying), reverse=True)
    first_outage = next(q for q in queue if q.post is outage[0])
    assert first_outage.recommendation == "holding"


def test_a_post_without_time_is_an_input_error() -> None:
    from carevoice.errors import InputError

    with pytest.raises(InputError, match="needs a time"):
        Triage().add(Inbound(text="hello"))


def test_the_python_example_in_the_triage_docs_runs() -> None:
    import re

    from conftest import ROOT

    doc = (ROOT / "docs" / "triage.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    assert blocks
    printed: list[tuple[object, ...]] = []
    for block in blocks:
        exec(compile(block, "docs/triage.md", "exec"), {"print": lambda *a, **k: printed.append(a)})
    assert printed[0][:2] == ("S1", "holding")


def test_weight_names_match_the_shipped_defaults() -> None:
    from carevoice.triage.defaults import defaults
    from carevoice.triage.priority import WEIGHT_NAMES

    assert set(WEIGHT_NAMES) == set(defaults().weights)


def test_unknown_settings_keys_are_named() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="unknown routing key 'biling_error'"):
        TriageSettings(routing={"biling_error": "finance"})
    with pytest.raises(ValidationError, match="unknown priority weight 'negatve'"):
        TriageSettings(weights={"negatve": 3})
