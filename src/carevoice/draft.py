"""The Draft value a Drafter returns, and the Finding validators attach to it.

The JSON shape (``Draft.to_json()``) is documented in ``docs/draft-json.md``;
field names listed there are stable. A command-line draft builds their plain twins
(:mod:`carevoice._plain`), which share these methods' code.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from carevoice._kinds import Action, Severity
from carevoice._plain import draft_blocked, draft_json, draft_publishable, finding_json
from carevoice.inbound import Reading

__all__ = ["Action", "Draft", "Finding", "Severity", "StageChoice"]

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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
        return finding_json(self)


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
        return draft_blocked(self)

    @property
    def publishable(self) -> bool:
        """True when the draft is a public reply that may be recorded as published: text, no errors, not held."""
        return draft_publishable(self)

    @property
    def phrase_ids(self) -> tuple[str, ...]:
        """The ids of the phrases the draft was built from, in order."""
        return tuple(s.phrase_id for s in self.stages)

    def to_json(self) -> dict[str, Any]:
        """The draft as a JSON-ready dict (see ``docs/draft-json.md``)."""
        return draft_json(self)
