"""Triage rule codes (CV8xx), with examples.

Examples are post streams, one post a line, written ``HH:MM author channel: text`` (times on
Monday 2024-05-06, UTC). A ``stream`` example is triaged in order by one :class:`Triage` with
:data:`EXAMPLE_SETTINGS`; a ``draft`` example is a single post. A ``flags`` example yields the
code on some post, a ``passes`` example on none (``tests/test_triage_rules.py`` runs them).
"""

from __future__ import annotations

from datetime import datetime, timezone

from carevoice.inbound import Inbound
from carevoice.rules import Rule, register

__all__ = ["ESCALATE", "EXAMPLE_SETTINGS", "OUT_OF_HOURS", "REPEATED_ABUSE", "SURGE", "parse_example"]

EXAMPLE_SETTINGS: dict[str, object] = {"timezone": "UTC", "hours": {"daily": "08:00-20:00"}}
"""Triage settings the examples run under (a team open 8am to 8pm UTC)."""

_DAY = datetime(2024, 5, 6, tzinfo=timezone.utc)

_OUTAGE = "\n".join(f"09:{i:02d} @user{i} x: {text}" for i, text in enumerate([
    "Is the app down? can't log in",
    "app down again, can't log in to pay my bill",
    "your app is down, login fails every time",
    "Anyone else unable to log in to the app right now?",
    "app login down for me too",
    "the app won't let me log in, is it down?",
    "App down?? login just spins",
    "can't log in to the app since 9, outage?",
    "login broken on the app, down for everyone?",
    "app is down and I can't log in, please fix",
]))
_MIXED = "\n".join([
    "09:00 @ann x: My order #4417 hasn't arrived yet",
    "09:02 @bob x: I was charged twice for my subscription",
    "09:03 @cy facebook: Your driver was so rude to me",
    "09:05 @di x: I want to cancel my contract",
    "09:06 @ed x: The kettle I bought broke after 2 days",
    "09:08 @fi facebook: Where is my refund for order 5521?",
    "09:09 @gu x: Thanks so much, great service!",
    "09:10 @hu x: The app is down for me",
])
_TROLL = "\n".join(f"10:0{i} @troll x: {t}" for i, t in enumerate(
    ["You are useless idiots", "Shut up you morons", "You idiots are pathetic morons"]))
_ONE_ANGRY = "\n".join([
    "10:00 @ann x: You are useless idiots",
    "10:05 @ann x: My parcel is a week late and nobody answers",
])

SURGE = register(Rule(
    "CV801", "triage.surge", "warning",
    "the post belongs to a surging situation: answer with one custom holding statement and route it to the "
    "owning team, not one scripted reply per post",
    kind="stream", flags=(_OUTAGE,), passes=(_MIXED,),
))
OUT_OF_HOURS = register(Rule(
    "CV802", "triage.out_of_hours", "info",
    "the post arrived outside service hours: the reply says when a person will follow up",
    kind="draft", flags=("22:30 @ann x: My order #4417 hasn't arrived yet",),
    passes=("09:30 @ann x: My order #4417 hasn't arrived yet",),
))
REPEATED_ABUSE = register(Rule(
    "CV803", "triage.repeated_abuse", "warning",
    "repeated abuse from one author: disengage (no reply)",
    kind="stream", flags=(_TROLL,), passes=(_ONE_ANGRY,),
))
ESCALATE = register(Rule(
    "CV804", "triage.escalate", "warning",
    "an urgent post (safety, legal, stranded, data exposure) is escalated to its owning team, with the reason",
    kind="draft", flags=("09:00 @ann x: I'm going to sue you over this double charge",
                         "09:00 @bo x: Flight NW204 cancelled, stuck at the airport with my kids"),
    passes=("09:00 @ann x: I was charged twice for my subscription",),
))


def parse_example(example: str) -> list[Inbound]:
    """Return the posts of a rule example (``HH:MM author channel: text`` per line)."""
    posts = []
    for n, line in enumerate(example.splitlines(), 1):
        clock, author, rest = line.split(" ", 2)
        channel, text = rest.split(": ", 1)
        hour, minute = (int(x) for x in clock.split(":"))
        posts.append(Inbound(id=str(n), text=text, channel=channel, handle=author,
                             time=_DAY.replace(hour=hour, minute=minute)))
    return posts
