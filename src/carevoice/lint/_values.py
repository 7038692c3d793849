"""Rendering phrases for the linter: typical values, and worst-case values (long or missing).

Every optional variable a template uses is tried both present-and-long and
missing (all combinations up to 6 variables; beyond that all-present,
all-missing and each one missing alone); the longest result is the phrase's
worst case. A render that fails with a variable missing is CV112; any other
failure is CV113.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from carevoice.checks.channels import ChannelProfile, channels, get_channel
from carevoice.checks.sms import gsm_friendly
from carevoice.errors import RenderError
from carevoice.lint._fastrender import render_fast
from carevoice.render import MissingValueError, render
from carevoice.variables import OPTIONAL_VARIABLES, VARIABLES

PLAIN_DEFAULTS: dict[str, Any] = {"time_of_day": "day", "intent": "complaint", "emotion": "neutral",
                                  "intensity": "low", "sarcasm": False, "pii": False}
"""Values of the plain (attribute-less) variables when a render does not set them."""

__all__ = ["LONG", "TYPICAL", "Rendered", "context", "plain_worst", "render_key", "render_phrase", "render_typical",
           "template_variables"]

LONG: dict[str, Any] = {
    "customer.name": "Anastasiya-Maximiliana Featherstonehaugh-Worthington",
    "customer.first_name": "Anastasiya-Maximiliana-Rosali",  # compose caps first names at 30 characters
    "customer.handle": "maximiliana_fea",  # X handles are at most 15 characters
    "agent.name": "Bartholomew Featherstonehaugh",
    "agent.initials": "ABCD",  # the bank schema allows at most 4
    "details.order_id": "ORD-2026-0001234567",
    "details.booking_id": "QX7K2PLM",
    "details.flight": "NW12345",
    "details.product": "Ultra-Quiet Noise-Cancelling Headphones Pro",
    "details.place": "Heathrow Terminal 5, Gate B42",
    "details.date": "Wednesday 30 September",
    "details.time": "11:45pm",
    "hours.next_open": "tomorrow at 8:30am",
    "time_of_day": "afternoon",
    "details.device": "Samsung Galaxy S21 Ultra",
    "details.error": "CE-43477-5-ABCDEF",
    "details.contacted": "email",
    "details.tried": "everything",
    "details.staff": "the cabin crew on the 8:15 from Manchester",
    "subject.text": "the in-flight WiFi on your flight from Heathrow",
    "subject.named": "the in-flight WiFi on your flight from Heathrow",
    "subject.head": "in-flight entertainment",
    "subject.is": "are", "subject.has": "have", "subject.was": "were", "subject.it": "they", "subject.this": "these",
}
"""Worst-case (long) values of the variables."""

TYPICAL: dict[str, Any] = {
    "customer.name": "Sam Taylor", "customer.first_name": "Sam", "customer.handle": "samtaylor",
    "agent.name": "Alex", "agent.initials": "AL",
    "details.order_id": "4417", "details.booking_id": "K7QX2P", "details.flight": "NW214",
    "details.product": "blender", "details.place": "Leeds", "details.date": "Friday", "details.time": "9am",
    "hours.next_open": "8am", "time_of_day": "morning",
    "details.device": "iPhone", "details.error": "E-1234", "details.contacted": "dm", "details.tried": "restart",
    "details.staff": "Denise",
    "subject.text": "your order", "subject.named": "your order", "subject.head": "order", "subject.is": "is",
    "subject.has": "has", "subject.was": "was", "subject.it": "it", "subject.this": "this",
}
"""Typical values, used for tone checks and repetition (readability on raw Jinja is wrong)."""


def context(values: dict[str, Any], profile: ChannelProfile, *, brand: str, missing: frozenset[str] = frozenset(),
            is_open: bool = True) -> dict[str, Any]:
    """A template context shaped like ``compose.build_context`` from flat ``root.attr`` values."""
    def get(key: str) -> Any:
        return None if key in missing else values.get(key)

    out: dict[str, Any] = {}
    for root, attrs in VARIABLES.items():
        if attrs is None:
            out[root] = values.get(root, PLAIN_DEFAULTS[root])
        else:
            out[root] = {a: get(f"{root}.{a}") for a in attrs}
    out["brand"] = {"name": brand, "emergency": "999", "postcode": "postcode"}
    out["channel"] = {"id": profile.id, "name": profile.name, "private": profile.private, "public": profile.public}
    out["hours"]["open"] = is_open
    for root in ("asks", "urgency"):
        out[root] = {a: bool(v) for a, v in out[root].items()}
    return out


@lru_cache(maxsize=16384)
def template_variables(source: str) -> frozenset[str]:
    """The ``root.attr`` (or root) variables a template reads, found without rendering."""
    if "{" not in source:  # no tag, no variable, no comment: Jinja would parse it to text alone
        return frozenset()
    return _source_variables(source)


@lru_cache(maxsize=65536)
def _source_variables(source: str) -> frozenset[str]:
    from carevoice.render import template_key

    return _key_variables(template_key(source))


@lru_cache(maxsize=4096)
def _key_variables(key: str) -> frozenset[str]:
    from carevoice.render import key_tree

    try:
        ast = key_tree(key)
    except TemplateSyntaxError:
        return frozenset()
    found = {f"{a.node.name}.{a.attr}" for a in ast.find_all(nodes.Getattr) if isinstance(a.node, nodes.Name)}
    found |= {n.name for n in ast.find_all(nodes.Name) if n.ctx == "load"}
    return frozenset(found)


@dataclass(frozen=True)
class Rendered:
    """A phrase rendered for one channel: the worst-case text, or the code and message of a failure."""

    worst: str | None
    code: str | None = None
    message: str | None = None


def _missing_sets(optional: list[str]) -> list[frozenset[str]]:
    if len(optional) <= 6:
        return [frozenset(c) for r in range(len(optional) + 1) for c in itertools.combinations(optional, r)]
    return [frozenset(), frozenset(optional), *(frozenset({v}) for v in optional)]


def render_phrase(source: str, profile: ChannelProfile, brand: str, agent: tuple[str | None, str | None],
                  required: tuple[str, ...] = ()) -> Rendered:
    """The worst case of a template on a channel; a failure names its code (CV112 or CV113).

    ``required`` are the variables the phrase's ``when`` guarantees: never missing when it is used.
    """
    if "{" not in source:  # plain text renders to itself, whitespace collapsed (as render() does)
        return _plain_rendered(source, profile.id == "sms")
    used = template_variables(source)  # only what the template reads keys the cache: the channel, the brand...
    found = _render_worst(source, profile if "channel" in used else None, brand if "brand" in used else "",
                          ("1" if agent[0] and "agent.name" in used else None,
                           "1" if agent[1] and "agent.initials" in used else None),
                          tuple(sorted({r for r in required if r in used})) if required else ())
    if profile.id == "sms" and found.worst is not None:
        return Rendered(gsm_friendly(found.worst))  # as the Drafter sends it (plain dashes and quotes)
    return found


@lru_cache(maxsize=65536)
def plain_worst(source: str, sms: bool) -> str:
    """``render_phrase(source, ...).worst`` of a text with no ``{`` (on SMS when ``sms``), whatever the bank.

    Such a text renders to itself, whitespace collapsed (as ``render()`` does); SMS gets plain dashes and quotes.
    """
    text = " ".join(source.split())
    return gsm_friendly(text) if sms else text


@lru_cache(maxsize=65536)
def _plain_rendered(source: str, sms: bool) -> Rendered:
    """:func:`render_phrase` of a text with no ``{`` (shared: a Rendered is never changed)."""
    return Rendered(plain_worst(source, sms))


_CHANNEL_FIELDS = ("id", "name", "private", "public")
"""What a template context holds of its channel (see :func:`context`)."""


def render_key(source: str, channel: str) -> str:
    """Which channel's worst case ``source`` renders like on ``channel`` (not SMS): ``""`` for every channel.

    A template that does not read its channel renders alike everywhere; one that reads it only as
    ``channel.<field>`` renders alike on the channels with the same values of those fields
    (``{{ channel.private }}`` is "DM" on X and on Instagram): they are named by the first of them.
    SMS is apart: :func:`render_phrase` swaps in plain dashes and quotes there.
    """
    if "{" not in source or "channel" not in template_variables(source):
        return ""
    return _stand_in(source, channel)


@lru_cache(maxsize=65536)
def _stand_in(source: str, channel: str) -> str:
    """The first known channel with the values ``source`` reads of ``channel`` (``channel`` when unsure)."""
    fields = _source_channel_fields(source)
    if fields is None or "id" in fields:
        return channel
    return _first_alike(fields, channel)


@lru_cache(maxsize=1024)
def _first_alike(fields: tuple[str, ...], channel: str) -> str:
    """The first known channel with the same values of these fields as ``channel`` (templates share it)."""
    known = channels()
    wanted = [getattr(known[channel], f) for f in fields]
    return next((c for c, other in known.items() if [getattr(other, f) for f in fields] == wanted), channel)


@lru_cache(maxsize=16384)
def _source_channel_fields(source: str) -> tuple[str, ...] | None:
    from carevoice.render import template_key

    return _channel_fields(template_key(source))


@lru_cache(maxsize=4096)
def _channel_fields(key: str) -> tuple[str, ...] | None:
    """The context fields of ``channel`` a template reads, when it reads it only as ``channel.<field>``."""
    from carevoice.render import key_tree

    try:
        ast = key_tree(key)
    except (TemplateSyntaxError, RenderError):
        return None
    names = [n for n in ast.find_all(nodes.Name) if n.name == "channel"]
    reads = [a for a in ast.find_all(nodes.Getattr) if isinstance(a.node, nodes.Name) and a.node.name == "channel"]
    if any(n.ctx != "load" for n in names) or len(reads) != len(names):
        return None  # assigned, a parameter, or read whole (``channel['id']``, ``{% if channel %}``...)
    fields = sorted({a.attr for a in reads})
    return tuple(fields) if set(fields) <= set(_CHANNEL_FIELDS) else None


def _render(source: str, values: dict[str, Any]) -> str:
    """:func:`carevoice.render.render`, evaluated without compiling the template when it is simple."""
    text = render_fast(source, values)
    return render(source, values) if text is None else text


@lru_cache(maxsize=4096)
def _long_context(channel: str, brand: str, missing: frozenset[str], is_open: bool) -> dict[str, Any]:
    """:func:`context` with the worst-case values (shared: rendering never changes a context)."""
    return context(LONG, get_channel(channel), brand=brand, missing=missing, is_open=is_open)


@lru_cache(maxsize=65536)
def _render_worst(source: str, channel: ChannelProfile | None, brand: str,
                  agent: tuple[str | None, str | None], required: tuple[str, ...] = ()) -> Rendered:
    profile = channel or get_channel("x")
    used = template_variables(source)
    optional = sorted(v for v in used if v in OPTIONAL_VARIABLES)
    opens = (True, False) if "hours.open" in used else (True,)
    worst: str | None = None
    # a bank's default agent stands in when none is given, so its agent values are never missing
    supplied = {f"agent.{k}" for k, v in zip(("name", "initials"), agent, strict=True) if v} | set(required)
    tried: set[frozenset[str]] = set()
    for missing in _missing_sets(optional):
        gone = missing - supplied
        if gone in tried:  # the same values render the same text (or fail the same way)
            continue
        tried.add(gone)
        for is_open in opens:
            try:
                text = _render(source, _long_context(profile.id, brand, gone, is_open))
            except MissingValueError:
                name = ", ".join(sorted(gone & used)) or "a variable"
                one = sorted(gone & used)[0] if gone & used else "x"
                return Rendered(None, "CV112", f"prints {name} without a fallback, so it fails when that is missing; "
                                               f"write {{{{ {one} or '...' }}}} or wrap it in {{% if {one} %}}")
            except RenderError as exc:
                return Rendered(None, "CV113", f"template fails to render: {exc.message}")
            if worst is None or len(text) > len(worst):
                worst = text
    return Rendered(worst)


def render_typical(source: str, profile: ChannelProfile, brand: str) -> str | None:
    """The phrase with typical values (``None`` when it cannot render)."""
    if "{" not in source:
        return plain_worst(source, False)
    used = template_variables(source)  # only what the template reads keys the cache
    return _render_typical(source, profile if "channel" in used else None, brand if "brand" in used else "")


@lru_cache(maxsize=65536)
def _render_typical(source: str, channel: ChannelProfile | None, brand: str) -> str | None:
    try:
        return _render(source, _typical_context(channel or get_channel("x"), brand))
    except RenderError:
        return None


@lru_cache(maxsize=4096)
def _typical_context(profile: ChannelProfile, brand: str) -> dict[str, Any]:
    """:func:`context` with the typical values (shared: rendering never changes a context)."""
    return context(TYPICAL, profile, brand=brand)
