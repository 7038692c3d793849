"""CATER planning (which action, which stages) and candidate assembly."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from carevoice.bank.models import OPTIONAL_STAGES
from carevoice.bank.resolved import Bank, Phrase
from carevoice.checks.channels import ChannelProfile
from carevoice.draft import Action
from carevoice.errors import RenderError
from carevoice.inbound import Inbound, PiiMatch, Reading
from carevoice.render import render

__all__ = [
    "Candidate",
    "Plan",
    "build_context",
    "join_parts",
    "make_candidates",
    "plan_reply",
    "possible_stage_plans",
    "time_of_day",
]

COMPLAINTS = frozenset({
    "late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "service_outage",
    "app_bug", "flight_disruption", "lost_baggage", "rude_staff", "product_defect",
})
ACCOUNT_SPECIFIC = frozenset({"billing_error", "refund_status", "account_access", "lost_baggage",
                              "cancellation_request"})
STAGE_PLANS: dict[str, tuple[str, ...]] = {
    "complaint": ("greet", "acknowledge", "apologise", "explain", "resolve"),
    "cancellation_request": ("greet", "acknowledge", "thank", "explain", "resolve"),
    "general_question": ("greet", "thank", "explain", "resolve"),
    "praise": ("greet", "thank", "acknowledge", "resolve"),
    "general": ("greet", "acknowledge", "resolve"),
    "abuse": ("boundary",),
    "spam": (),
}
ESCALATE = {"safety": "safety risk reported", "legal": "legal threat", "data_exposure": "possible data exposure"}


@dataclass(frozen=True)
class Plan:
    """What to do with a post and which stages the reply needs, with the reasons."""

    action: Action
    situation: str
    stages: tuple[str, ...]
    escalation: str | None
    move_private: bool
    reasons: tuple[str, ...]


def plan_reply(reading: Reading, *, out_of_hours: bool = False) -> Plan:
    """Decide the action and the CATER stages for a reading of a post."""
    reasons: list[str] = []
    situation = reading.category
    if reading.spam or situation == "spam":
        return Plan("no_reply", "spam", (), None, False, ("spam: no reply",))
    if reading.abusive or situation == "abuse":
        return Plan("no_reply", "abuse", STAGE_PLANS["abuse"], None, False,
                    ("abusive post: no reply recommended; a boundary line is offered if the team answers",))
    key = "complaint" if situation in COMPLAINTS else situation
    stages = list(STAGE_PLANS.get(key, STAGE_PLANS["general"]))
    if situation == "general_question" and reading.negative:
        # an upset question is acknowledged and apologised for before it is explained (CATER order)
        stages[stages.index("thank")] = "acknowledge"
        stages.insert(stages.index("acknowledge") + 1, "apologise")
        reasons.append("question with negative feeling: acknowledgement and apology instead of thanks")
    escalation = "; ".join(ESCALATE[u] for u in reading.urgency if u in ESCALATE) or None
    move_private = bool(reading.pii) or situation in ACCOUNT_SPECIFIC or "data_exposure" in reading.urgency
    action: Action = "reply"
    if escalation:
        action = "escalate"
        reasons.append(f"escalate: {escalation}")
    elif move_private:
        action = "reply_and_move_private"
    if reading.pii:
        reasons.append(f"personal data posted publicly ({', '.join(sorted({m.kind for m in reading.pii}))}): "
                       "move private, never echo it")
    elif situation in ACCOUNT_SPECIFIC:
        reasons.append(f"{situation} needs account details: move private")
    if reading.bereavement and situation not in ("praise", "general_question"):
        # a death in the family: condolence, then the next step; no process talk, no apology, no thanks
        stages = [s for s in stages if s not in ("acknowledge", "thank", "apologise", "explain")]
        stages.insert(1 if stages[:1] == ["greet"] else 0, "condolence")
        reasons.append("bereavement: condolence and a gentle next step instead of process")
    if "safety" in reading.urgency and "explain" in stages:
        stages[stages.index("explain")] = "safety"
        reasons.append("safety risk: a safety line takes the place of the explanation")
    if move_private and "resolve" in stages:
        stages[stages.index("resolve")] = "move_private"
    if out_of_hours:
        stages.append("out_of_hours")
        reasons.append("outside service hours: says when a person follows up")
    return Plan(action, situation, tuple(stages), escalation, move_private, tuple(reasons))


@lru_cache(maxsize=64)
def possible_stage_plans(situation: str, *, out_of_hours: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every stage sequence :func:`plan_reply` can give a situation, derived from ``plan_reply`` itself.

    The linter judges length and coverage over these, so it can never drift from the Drafter.
    """
    pii = (PiiMatch(kind="email", start=0, end=1, text="x"),)
    plans: list[tuple[str, ...]] = []
    for negative in (False, True):
        for found in ((), pii):
            for urgency in ((), ("safety",)):
                for closed in ((False, True) if out_of_hours else (False,)):
                    for bereaved in (False, True):
                        reading = Reading(category=situation, negative=negative, pii=found, urgency=urgency,
                                          bereavement=bereaved)
                        stages = plan_reply(reading, out_of_hours=closed).stages
                        if stages and stages not in plans:
                            plans.append(stages)
    return tuple(plans)


def _first_name(name: str | None) -> str | None:
    if not name:
        return None
    first = name.strip().split()[0] if name.strip() else ""
    first = re.sub(r"[^\w'\-]", "", first)
    return first[:30] if first and first[0].isalpha() else None


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
        "customer": {"name": inbound.name or None, "first_name": _first_name(inbound.name), "handle": handle},
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
