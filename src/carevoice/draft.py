"""The Draft value a Drafter returns, and the Finding validators attach to it.

The JSON shape (``Draft.to_json()``) is documented in ``docs/draft-json.md``;
field names listed there are stable.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from carevoice._models import dump
from carevoice.inbound import Reading

__all__ = ["Action", "Draft", "Finding", "Severity", "StageChoice"]

Severity = Literal["error", "warning", "info"]
Action = Literal["reply", "reply_and_move_private", "escalate", "needs_agent", "no_reply"]

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)
_ANALYSIS = frozenset({"analysis"})


class Finding(BaseModel):
    """One result of a rule: a stable code, a severity, a message and an optional span.

    ``span`` is a ``(start, end)`` pair of character offsets into the checked
    text; ``suggestion`` is a replacement or a next step for the writer.
    """

    model_config = _FROZEN

    code: str
    severity: Severity
    message: str
    rule: str = ""
    span: tuple[int, int] | None = None
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict."""
        return dump(self, json=True)


class StageChoice(BaseModel):
    """The phrase chosen for one CATER stage of a draft."""

    model_config = _FROZEN

    stage: str
    phrase_id: str


class Draft(BaseModel):
    """An immutable reply draft: text, what was decided and why, and findings."""

    model_config = _FROZEN

    id: str | None = None
    text: str
    channel: str
    brand: str
    action: Action
    stages: tuple[StageChoice, ...] = ()
    analysis: Reading = Field(default_factory=Reading)
    private: str | None = None
    holding: str | None = None
    """For ``needs_agent``: a short, safe holding line the agent may post while they write the reply."""
    custom_slot: bool = False
    custom_slot_at: int | None = None
    custom_slot_hint: str | None = None
    custom_slot_required: bool = False
    escalation: str | None = None
    reasons: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    situation: str | None = None
    seed: int | None = None
    similarity: float | None = None
    answer: str | None = None
    """The id of the bank answer the draft uses, if any."""

    @property
    def blocked(self) -> bool:
        """True when any finding is an error: the draft must not be published as is."""
        return any(f.severity == "error" for f in self.findings)

    @property
    def publishable(self) -> bool:
        """True when the draft is a public reply that may be recorded as published: text, no errors, not held."""
        return bool(self.text) and not self.blocked and self.action not in ("no_reply", "needs_agent")

    @property
    def phrase_ids(self) -> tuple[str, ...]:
        """The ids of the phrases the draft was built from, in order."""
        return tuple(s.phrase_id for s in self.stages)

    def to_json(self) -> dict[str, Any]:
        """The draft as a JSON-ready dict (see ``docs/draft-json.md``)."""
        data = dump(self, json=True, exclude=_ANALYSIS)
        a = self.analysis
        data["analysis"] = {
            "category": a.category,
            "confidence": round(a.confidence, 3),
            "intent": a.intent,
            "intent2": a.intent2,
            "intent_confidence": round(a.intent_confidence, 3),
            "subject": dump(a.subject) if a.subject else None,
            "language": a.language,
            "sarcasm": a.sarcasm,
            "asks": list(a.asks),
            "emotion": a.emotion,
            "intensity": round(a.intensity, 3),
            "negative": a.negative,
            "urgency": list(a.urgency),
            "abusive": a.abusive,
            "spam": a.spam,
            "praise": a.praise,
            "question": a.question,
            "bereavement": a.bereavement,
            "pii": sorted({m.kind for m in a.pii}),
            "details": a.details.present(),
            "reasons": list(a.reasons),
        }
        data["blocked"] = self.blocked
        return data
