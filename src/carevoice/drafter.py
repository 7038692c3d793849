"""The Drafter: wires Concentrate, Plan, Compose, Vary and Check for one bank."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timezone
from pathlib import Path

from carevoice.bank.registry import load_bank
from carevoice.bank.resolved import Bank
from carevoice.checks import check, fits_channel
from carevoice.checks.channels import get_channel
from carevoice.compose import build_context, make_candidates, plan_reply, stage_options
from carevoice.concentrate import concentrate
from carevoice.draft import Draft, Finding, StageChoice
from carevoice.errors import DraftBlockedError, InputError, UnknownChoiceError
from carevoice.inbound import Inbound, Reading
from carevoice.render import RenderError, render
from carevoice.variation.history import History, MemoryHistory, ReplyRecord
from carevoice.variation.select import rest_factors, select

__all__ = ["Drafter"]

MAX_POST_CHARS = 20_000


class Drafter:
    """Drafts replies in one brand's voice, reading and writing a reply history.

    >>> drafter = Drafter("parcelpop", seed=7)
    >>> draft = drafter.draft(Inbound(text="My order #4417 still hasn't arrived", channel="x"))
    >>> draft.action
    'reply'
    """

    def __init__(
        self,
        bank: Bank | str | Path,
        *,
        history: History | None = None,
        seed: int = 0,
        agent_name: str | None = None,
        agent_initials: str | None = None,
        sensitive: bool = False,
    ) -> None:
        self.bank = bank if isinstance(bank, Bank) else load_bank(bank)
        self.history: History = history if history is not None else MemoryHistory()
        self.seed = seed
        self.agent_name = agent_name
        self.agent_initials = agent_initials
        self.sensitive = sensitive or self.bank.sensitive

    def _rng(self, post: Inbound) -> random.Random:
        key = f"{self.seed}\x00{self.bank.name}\x00{post.channel}\x00{post.text}\x00{post.name}"
        return random.Random(int.from_bytes(hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()[:8], "big"))

    def draft(self, post: Inbound | str, *, allow_blocked: bool = False, record: bool = False) -> Draft:
        """Draft a reply to one post.

        Raises :class:`InputError` for an empty post or a channel the bank does not serve, and
        :class:`DraftBlockedError` when the draft has error findings unless ``allow_blocked``.
        With ``record=True`` a publishable draft is recorded in the history at once.
        """
        if isinstance(post, str):
            post = Inbound(text=post)
        if not post.text.strip():
            raise InputError("the post text is empty")
        if len(post.text) > MAX_POST_CHARS:
            raise InputError(f"the post is too long ({len(post.text)} characters; limit {MAX_POST_CHARS})")
        profile = get_channel(post.channel)
        if post.channel not in self.bank.channels:
            raise UnknownChoiceError(f"channel for {self.bank.name}", post.channel, self.bank.channels)
        reading = concentrate(post)
        draft = self._compose(post, reading, profile.id)
        if draft.blocked and not allow_blocked:
            raise DraftBlockedError(draft)
        if record and not draft.blocked and draft.action != "no_reply":
            self.accept(draft, post)
        return draft

    def _compose(self, post: Inbound, reading: Reading, channel: str) -> Draft:
        profile = get_channel(channel)
        plan = plan_reply(reading)
        context = build_context(post, reading, self.bank, profile,
                                agent_name=self.agent_name, agent_initials=self.agent_initials)
        rng = self._rng(post)
        settings = self.bank.variation
        all_ids = [p.id for s in plan.stages for p in stage_options(
            self.bank, plan.situation, s, channel=channel, emotion=reading.emotion, sensitive=self.sensitive)]
        rest = rest_factors(self.history, self.bank.name, all_ids, settings.rest)
        candidates = make_candidates(
            self.bank, plan, context, channel=channel, emotion=reading.emotion, sensitive=self.sensitive,
            rng=rng, count=settings.candidates, rest=rest,
            fits=lambda text: fits_channel(text, profile, self.bank),
        )
        findings: list[Finding] = []
        reasons = list(reading.reasons) + list(plan.reasons)
        if not candidates:
            return Draft(
                id=post.id, text="", channel=channel, brand=self.bank.name, action=plan.action,
                analysis=reading, reasons=tuple(reasons), seed=self.seed,
                escalation=plan.escalation,
            )
        selection = select(
            candidates, self.history, brand=self.bank.name, settings=settings, category=plan.situation,
            customer=post.handle, thread_id=post.thread_id, now=post.time,
        )
        chosen = selection.candidate
        required = not selection.cleared and plan.action != "no_reply"
        if required and selection.closest is not None:
            findings.append(Finding(
                code="CV701", severity="warning", rule="variation.near_duplicate",
                message=(f"every candidate is within {selection.score:.0f} of an earlier reply "
                         f"(threshold {settings.threshold:g}): {selection.closest.text[:80]!r}; "
                         "add a custom line before publishing"),
            ))
        text = chosen.text if plan.action != "no_reply" or plan.situation == "abuse" else ""
        findings += check(text, channel=channel, bank=self.bank) if text and plan.action != "no_reply" else []
        custom = plan.action != "no_reply" and (
            required or reading.category == "general" or reading.confidence < 0.5
            or reading.intensity >= 0.6 or bool(reading.urgency)
        )
        private = self._private_opener(plan.situation, post, reading, context) if plan.move_private else None
        return Draft(
            id=post.id, text=text, channel=channel, brand=self.bank.name, action=plan.action,
            stages=tuple(StageChoice(stage=s, phrase_id=p.id) for s, p, _ in chosen.parts),
            analysis=reading, private=private, custom_slot=custom,
            custom_slot_at=len(chosen.body) if custom else None,
            custom_slot_hint=_hint(reading, required) if custom else None,
            custom_slot_required=required, escalation=plan.escalation, reasons=tuple(reasons),
            findings=tuple(findings), seed=self.seed,
            similarity=round(selection.score, 1),
        )

    def _private_opener(self, situation: str, post: Inbound, reading: Reading, context: dict[str, object]) -> str | None:
        options = stage_options(self.bank, situation, "private_opener", channel=post.channel,
                                emotion=reading.emotion, sensitive=self.sensitive)
        rng = self._rng(post)
        for p in rng.sample(list(options), len(options)):
            try:
                return render(p.text, context, phrase_id=p.id)
            except RenderError:
                continue
        return None

    def accept(self, draft: Draft, post: Inbound | None = None, *, time: datetime | None = None) -> ReplyRecord:
        """Record a draft as published, so later drafts vary from it."""
        return self.history.record(ReplyRecord(
            text=draft.text, brand=draft.brand, channel=draft.channel, phrase_ids=draft.phrase_ids,
            time=time or (post.time if post and post.time else datetime.now(timezone.utc)),
            customer=post.handle if post else None, thread_id=post.thread_id if post else None,
            category=draft.analysis.category, draft_id=draft.id,
        ))


def _hint(reading: Reading, required: bool) -> str:
    if required:
        return "Required: add one line in your own words; this reply is close to an earlier one."
    if reading.urgency:
        return "Add one line that speaks to what is at stake for them right now."
    if reading.category == "general" or reading.confidence < 0.5:
        return "Add one line that answers what they actually asked."
    return "Add one personal line that shows you read their post."
