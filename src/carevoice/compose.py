"""Candidate assembly: template variables, one phrase per planned stage, joined and fitted to the channel.

Planning (which action, which stages) lives in :mod:`carevoice.plan`.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from carevoice.bank.models import OPTIONAL_STAGES
from carevoice.bank.resolved import Bank, Phrase
from carevoice.checks.channels import ChannelProfile
from carevoice.concentrate.pii import find_pii
from carevoice.errors import RenderError
from carevoice.inbound import Inbound, Reading
from carevoice.plan import Plan
from carevoice.render import render

__all__ = ["Candidate", "build_context", "join_parts", "make_candidates", "stage_options", "time_of_day"]


def _display_name(name: str | None) -> str | None:
    """The customer's display name, or None when it carries personal data or digits ("Ann07700900123")."""
    name = name.strip() if name else ""
    if not name or len(name) > 60 or "@" in name or any(ch.isdigit() for ch in name) or find_pii(name):
        return None
    return name


_NAME_JOINERS = frozenset("'\u2019-")


def _first_name(name: str | None) -> str | None:
    """The first word of the display name when it reads as a name; never a mangled e-mail or a number.

    Emoji and punctuation around the word are dropped; inside it only letters (with their marks),
    apostrophes and hyphens may appear, so "ann.smith@example.com" gives None, not "annsmithexamplecom",
    and "Ann07700900123" gives None, not the number.
    """
    words = name.split() if name else []
    if not words:
        return None
    first = words[0]
    start, end = 0, len(first)
    while start < end and not first[start].isalnum():
        start += 1
    while end > start and not first[end - 1].isalnum():
        end -= 1
    word = first[start:end]
    if not word or len(word) > 30 or not all(unicodedata.category(ch)[0] in "LM" or ch in _NAME_JOINERS for ch in word):
        return None
    at = name.index(first) + start if name else 0
    if any(m.start < at + len(word) and at < m.end for m in find_pii(name or "")):
        return None
    return word


def time_of_day(when: datetime | None) -> str:
    """morning, afternoon, evening or night for a local time; ``day`` when unknown."""
    if when is None:
        return "day"
    h = when.hour
    return "morning" if 5 <= h < 12 else "afternoon" if h < 17 else "evening" if h < 22 else "night"


def build_context(
    inbound: Inbound,
    reading: Reading,
    bank: Bank,
    profile: ChannelProfile,
    *,
    agent_name: str | None = None,
    agent_initials: str | None = None,
    local_time: datetime | None = None,
    next_open: str | None = None,
    is_open: bool = True,
) -> dict[str, Any]:
    """The variables a template may use (see ``docs/writing-banks.md``)."""
    handle = inbound.handle.lstrip("@") if inbound.handle else None
    d = reading.details
    return {
        "customer": {"name": _display_name(inbound.name), "first_name": _first_name(inbound.name), "handle": handle},
        "agent": {"name": agent_name or bank.agent_name, "initials": agent_initials or bank.agent_initials},
        "brand": {"name": bank.display_name},
        "details": {"order_id": d.order_id, "booking_id": d.booking_id, "flight": d.flight,
                    "product": d.product, "place": d.place, "date": d.date, "time": d.time},
        "channel": {"id": profile.id, "name": profile.name, "private": profile.private},
        "time_of_day": time_of_day(local_time or inbound.time),
        "hours": {"next_open": next_open, "open": is_open},
    }


@dataclass(frozen=True)
class Candidate:
    """One possible reply: the phrases chosen per stage and their rendered text."""

    parts: tuple[tuple[str, Phrase, str], ...]
    sign_off: str
    proper: frozenset[str] = frozenset()

    @property
    def body(self) -> str:
        """The reply without its sign-off."""
        return join_parts([t for _, _, t in self.parts], self.proper)

    @property
    def text(self) -> str:
        """The full public reply text."""
        return f"{self.body} {self.sign_off}".strip() if self.sign_off else self.body

    @property
    def phrase_ids(self) -> tuple[str, ...]:
        """The ids of the chosen phrases, in stage order."""
        return tuple(p.id for _, p, _ in self.parts)


_KEEP_CAPITAL = re.compile(r"^(I|I'm|I've|I'll|I'd|[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,}\w*)\b")


def join_parts(parts: Sequence[str], proper: frozenset[str] = frozenset()) -> str:
    """Join rendered stages; after a greeting ending in a comma or dash, lower the next capital.

    Words in ``proper`` (the brand's and the customer's names) and ``I`` keep their capital.
    """
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out.endswith((",", "\u2013", "\u2014", "-")) and part[:1].isupper() and not _KEEP_CAPITAL.match(part):
            word = part.split(" ", 1)[0]
            if not any(c.isupper() for c in word[1:]) and word.strip(",.!?;:'") not in proper:
                part = part[0].lower() + part[1:]
        out = f"{out} {part}" if out else part
    return out


def stage_options(bank: Bank, situation: str, stage: str, *, channel: str, emotion: str,
                  sensitive: bool) -> tuple[Phrase, ...]:
    """The phrases that may serve a stage: the situation's own, else ``any``, filtered by fit."""
    for cell in (bank.cell(situation, stage), bank.cell("any", stage)):
        fitting = tuple(p for p in cell if p.fits(channel=channel, emotion=emotion, sensitive=sensitive))
        if not fitting:
            fitting = tuple(p for p in cell if not p.emotions and p.fits(channel=channel, emotion="neutral",
                                                                          sensitive=sensitive))
        if sensitive:  # a sensitive period also suppresses cheerfulness, where a calm phrase exists
            fitting = tuple(p for p in fitting if not _cheerful(p)) or fitting
        if fitting:
            return fitting
    return ()


CHEERFUL_TAGS = frozenset({"playful", "cheerful"})


def _cheerful(phrase: Phrase) -> bool:
    """Tell whether a phrase is too cheerful for a sensitive period: tagged playful or cheerful, or exclaiming."""
    return "!" in phrase.text or not CHEERFUL_TAGS.isdisjoint(phrase.tags)


def _render_options(options: Sequence[Phrase], context: Mapping[str, Any]) -> list[tuple[Phrase, str]]:
    out = []
    for p in options:
        try:
            out.append((p, render(p.text, context, phrase_id=p.id)))
        except RenderError:
            continue  # a phrase that cannot read naturally with these values is not a candidate
    return out


def make_candidates(
    bank: Bank,
    plan: Plan,
    context: Mapping[str, Any],
    *,
    channel: str,
    emotion: str,
    sensitive: bool,
    rng: random.Random,
    count: int,
    rest: Mapping[str, float] | None = None,
    fits: Callable[[str], bool] = lambda _text: True,
) -> list[Candidate]:
    """Up to ``count`` distinct candidates that fit the channel, phrases drawn by weight times rest.

    A candidate too long for the channel is shortened (optional stages dropped, shorter phrasings
    chosen); when none can fit, the shortest possible reply is returned alone.
    """
    rest = rest or {}
    options: list[tuple[str, list[tuple[Phrase, str]]]] = []
    for stage in plan.stages:
        found = stage_options(bank, plan.situation, stage, channel=channel, emotion=emotion, sensitive=sensitive)
        if stage == "move_private":
            # the situation's own next steps that already lead to a private channel serve here too
            found += tuple(p for p in stage_options(bank, plan.situation, "resolve", channel=channel,
                                                    emotion=emotion, sensitive=sensitive)
                           if "channel.private" in p.text and p not in found)
        rendered = _render_options(found, context)
        if rendered:
            options.append((stage, rendered))
    sign_off = ""
    if bank.voice.sign_off:
        try:
            sign_off = render(bank.voice.sign_off, context, phrase_id="voice.sign_off")
        except RenderError:
            sign_off = ""
    proper = frozenset(
        w for key in ("brand", "customer", "agent") for v in context[key].values() if isinstance(v, str)
        for w in v.split()
    )
    by_stage = dict(options)
    seen: set[tuple[str, ...]] = set()
    out: list[Candidate] = []
    for _ in range(count * 3):
        parts = []
        for stage, rendered in options:
            weights = [p.weight * rest.get(p.id, 1.0) for p, _ in rendered]
            p, text = rng.choices(rendered, weights=weights)[0]
            parts.append((stage, p, text))
        drawn = shorten(Candidate(tuple(parts), sign_off, proper), by_stage, fits)
        if drawn is None:
            continue
        cand = drawn
        if cand.phrase_ids not in seen:
            seen.add(cand.phrase_ids)
            out.append(cand)
        if len(out) >= count:
            break
    if not out and options:
        parts = [(stage, *min(rendered, key=lambda o: len(o[1]))) for stage, rendered in options]
        parts = [x for x in parts if x[0] not in OPTIONAL_STAGES] or parts
        out.append(Candidate(tuple(parts), sign_off, proper))
    return out


def shorten(candidate: Candidate, options_by_stage: Mapping[str, Sequence[tuple[Phrase, str]]],
            fits: Callable[[str], bool]) -> Candidate | None:
    """Make a candidate fit: drop optional stages, then choose the shortest phrasing per stage."""
    if fits(candidate.text):
        return candidate
    parts = list(candidate.parts)
    for stage in OPTIONAL_STAGES:
        parts = [x for x in parts if x[0] != stage]
        c = Candidate(tuple(parts), candidate.sign_off, candidate.proper)
        if fits(c.text):
            return c
    shortest = []
    for stage, p, text in parts:
        opts = options_by_stage.get(stage) or [(p, text)]
        sp, st = min(opts, key=lambda o: len(o[1]))
        shortest.append((stage, sp, st) if len(st) < len(text) else (stage, p, text))
    c = Candidate(tuple(shortest), candidate.sign_off, candidate.proper)
    return c if fits(c.text) else None
