"""Drafts for a triaged queue: one draft per post, one holding statement per surging situation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from carevoice.draft import Draft
from carevoice.errors import CareVoiceError
from carevoice.triage.engine import Triage, TriagedPost

if TYPE_CHECKING:
    from carevoice.drafter import Drafter

__all__ = ["QueueEntry", "draft_queue"]


@dataclass(frozen=True)
class QueueEntry:
    """A triaged post with its draft (``None`` when the advice is to disengage) or a drafting error."""

    item: TriagedPost
    draft: Draft | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the entry as a JSON-ready dict: the triaged post with ``draft`` and ``error``."""
        data = self.item.to_json()
        data["draft"] = self.draft.to_json() if self.draft is not None else None
        data["error"] = self.error
        return data


def _attach(draft: Draft, item: TriagedPost) -> Draft:
    known = {f.code for f in draft.findings}
    extra = tuple(f for f in item.findings if f.code not in known)
    return draft.model_copy(update={"situation": item.situation, "findings": draft.findings + extra})


def draft_queue(
    triage: Triage,
    drafter: Drafter,
    *,
    record: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[QueueEntry], dict[str, Draft]]:
    """Draft every kept post of ``triage`` in queue order, and one holding statement per surging situation.

    Each draft carries its situation id and the post's triage findings (CV801 for a surging
    situation, CV802 out of hours, CV804 escalation). Posts from an author recognised for
    repeated abuse get no draft. With ``record`` the drafts are recorded in the drafter's
    history as they are made, so the batch varies. Returns the entries and the holding
    statements by situation id.
    """
    queue = triage.queue()
    entries: list[QueueEntry] = []
    first: dict[str, TriagedPost] = {}
    for item in sorted(queue, key=lambda i: i.seq):
        first.setdefault(item.situation, item)
    for n, item in enumerate(queue, 1):
        if progress is not None:
            progress(n, len(queue))
        if item.recommendation == "disengage":
            entries.append(QueueEntry(item))
            continue
        try:
            draft = drafter.draft(item.post, allow_blocked=True, record=record)
        except CareVoiceError as exc:
            entries.append(QueueEntry(item, error=str(exc)))
            continue
        entries.append(QueueEntry(item, _attach(draft, item)))
    holdings: dict[str, Draft] = {}
    for situation in triage.situations():
        if situation.surged_at is None or situation.id not in first:
            continue
        try:
            holdings[situation.id] = drafter.holding(first[situation.id].post, situation=situation.id)
        except CareVoiceError:
            continue
    return entries, holdings
