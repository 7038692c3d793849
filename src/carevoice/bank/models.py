"""Pydantic models of a phrase bank file, and the resolved Bank used for drafting."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from carevoice.bank.settings import DraftingSettings, LintSettings, ToneSettings, TriageSettings, VariationSettings
from carevoice.bank.stages import OPTIONAL_STAGES, STAGE_ORDER, STAGES, Stage
from carevoice.inbound import Category, Emotion, Intent

__all__ = [
    "OPTIONAL_STAGES",
    "SECTORS",
    "SITUATIONS",
    "STAGES",
    "STAGE_ORDER",
    "AgentSpec",
    "AnswerSpec",
    "BankFile",
    "ChannelOverride",
    "PhraseSpec",
    "Situation",
    "Stage",
    "VoiceSpec",
]


Situation = Literal[Category, "any"]
"""A bank's cells: every situation a post can be read as, and ``any`` for lines that serve them all."""
SITUATIONS: tuple[str, ...] = Situation.__args__  # type: ignore[attr-defined]

_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)

Sector = Literal["airline", "bank", "retail", "telecom", "software", "food", "rail", "general"]
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]
_PATH = r"^[a-z_]+(\.[a-z_]+)?$"


class PhraseSpec(BaseModel):
    """One phrase as written in a bank file."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=120)
    text: str = Field(min_length=1, max_length=2000)
    emotions: list[Emotion] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    weight: float = Field(default=1.0, gt=0, le=100)
    intents: list[Intent] = Field(default_factory=list)
    covers: list[Stage] = Field(default_factory=list)
    when: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)

    @field_validator("when", "unless")
    @classmethod
    def _known_paths(cls, value: list[str]) -> list[str]:
        from carevoice.variables import CONDITION_PATHS

        for path in value:
            if path not in CONDITION_PATHS:
                raise ValueError(f"unknown condition {path!r}; known: {', '.join(CONDITION_PATHS)}")
        return value


class AnswerSpec(BaseModel):
    """One answer the brand gives to a common question, in several phrasings."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=120)
    situation: Situation | None = None
    questions: list[str] = Field(min_length=2, max_length=40)
    answer: list[str] = Field(min_length=1, max_length=20)
    link: str | None = Field(default=None, max_length=300)
    channels: list[str] = Field(default_factory=list)

    @field_validator("answer", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class VoiceSpec(BaseModel):
    """The brand voice; in a bank that extends another, unset fields are inherited."""

    model_config = _STRICT

    formality: Literal["formal", "neutral", "casual"] | None = None
    emoji: Literal["none", "sparing", "allowed"] | None = None
    sign_off: str | None = Field(default=None, max_length=200)
    preferred_terms: dict[str, str] | None = None
    banned_terms: list[str] | None = None


class AgentSpec(BaseModel):
    """The default agent who signs drafts."""

    model_config = _STRICT

    name: str | None = None
    initials: str | None = Field(default=None, max_length=4)


class ChannelOverride(BaseModel):
    """A bank's override of a channel profile (limit or acknowledge target)."""

    model_config = _STRICT

    limit: int | None = Field(default=None, gt=0, le=1_000_000)
    acknowledge_minutes: int | None = Field(default=None, gt=0, le=7 * 24 * 60)


class BankFile(BaseModel):
    """A phrase bank file exactly as written (before inheritance is resolved)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    schema_: str | None = Field(default=None, alias="$schema")
    bank: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$", max_length=60)
    extends: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9\-]*$", max_length=60)  # a name, never a path
    display_name: str | None = Field(default=None, max_length=100)
    description: str | None = None
    locale: str | None = None
    inherit_phrases: Literal["fallback", "all"] = "fallback"
    voice: VoiceSpec = Field(default_factory=VoiceSpec)
    agent: AgentSpec | None = None
    channels: list[str] | None = None
    channel_overrides: dict[str, ChannelOverride] = Field(default_factory=dict)
    sensitive: bool | None = None
    remove: list[str] = Field(default_factory=list)
    sector: Sector | None = None
    subjects: dict[Situation, str] = Field(default_factory=dict)
    answers: list[AnswerSpec] = Field(default_factory=list)
    phrases: dict[Situation, dict[Stage, list[PhraseSpec]]] = Field(default_factory=dict)
    drafting: DraftingSettings | None = None
    tone: ToneSettings | None = None
    variation: VariationSettings | None = None
    triage: TriageSettings | None = None
    lint: LintSettings | None = None

    def settings_overrides(self) -> dict[str, Any]:
        """The settings sections this file sets explicitly, as dicts of the set fields."""
        out: dict[str, Any] = {}
        for key in ("tone", "variation", "triage", "lint", "drafting"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value.model_dump(exclude_unset=True)
        return out
