"""The resolved Bank (after inheritance) and its Phrases, as used for drafting."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from carevoice.bank.settings import (
        DraftingSettings,
        LintSettings,
        ToneSettings,
        TriageSettings,
        VariationSettings,
    )

__all__ = ["Answer", "Bank", "Phrase", "Voice"]


def _default(section: str) -> Callable[[], Any]:
    """The default of a settings section (the settings models import pydantic: a cached bank has its own)."""
    def make() -> Any:
        from carevoice.bank import settings

        return getattr(settings, section)()

    return make


@dataclass(frozen=True)
class Phrase:
    """One phrase of a resolved bank, with the file and line it came from."""

    id: str
    situation: str
    stage: str
    text: str
    emotions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    weight: float = 1.0
    bank: str = ""
    file: str = ""
    line: int = 0
    column: int = 0
    text_line: int = 0
    intents: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def fits(self, *, channel: str, emotion: str, sensitive: bool = False, intent: str | None = None) -> bool:
        """Whether the phrase may be used on this channel, for this emotion and intent, in this period."""
        if self.channels and channel not in self.channels:
            return False
        if self.emotions and emotion not in self.emotions:
            return False
        if intent is not None and self.intents and intent not in self.intents:
            return False
        return not (sensitive and "promotional" in self.tags)


@dataclass(frozen=True)
class Answer:
    """One answer of a resolved bank: the questions it answers and its phrasings."""

    id: str
    questions: tuple[str, ...]
    texts: tuple[str, ...]
    situation: str | None = None
    link: str | None = None
    channels: tuple[str, ...] = ()
    bank: str = ""
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Voice:
    """A brand voice, fully resolved."""

    formality: Literal["formal", "neutral", "casual"] = "neutral"
    emoji: Literal["none", "sparing", "allowed"] = "none"
    sign_off: str = ""
    preferred_terms: Mapping[str, str] = field(default_factory=dict)
    banned_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bank:
    """A phrase bank after inheritance: a brand voice and its phrases by (situation, stage)."""

    name: str
    display_name: str
    voice: Voice
    phrases: tuple[Phrase, ...]
    channels: tuple[str, ...]
    locale: str = "en"
    description: str = ""
    agent_name: str | None = None
    agent_initials: str | None = None
    sensitive: bool = False
    lineage: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    channel_limits: Mapping[str, int] = field(default_factory=dict)
    acknowledge_minutes: Mapping[str, int] = field(default_factory=dict)
    tone: ToneSettings = field(default_factory=_default("ToneSettings"))
    variation: VariationSettings = field(default_factory=_default("VariationSettings"))
    triage: TriageSettings = field(default_factory=_default("TriageSettings"))
    lint: LintSettings = field(default_factory=_default("LintSettings"))
    drafting: DraftingSettings = field(default_factory=_default("DraftingSettings"))
    sector: str = "general"
    subjects: Mapping[str, str] = field(default_factory=dict)
    answers: tuple[Answer, ...] = ()
    _index: dict[tuple[str, str], tuple[Phrase, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Phrase]] = {}
        for p in self.phrases:
            index.setdefault((p.situation, p.stage), []).append(p)
        self._index.update({k: tuple(v) for k, v in index.items()})

    def cell(self, situation: str, stage: str) -> tuple[Phrase, ...]:
        """The phrases written for exactly this (situation, stage)."""
        return self._index.get((situation, stage), ())

    def phrases_for(self, situation: str, stage: str) -> tuple[Phrase, ...]:
        """Phrases for a stage of a situation, falling back to the ``any`` situation."""
        return self.cell(situation, stage) or self.cell("any", stage)

    def phrase(self, phrase_id: str) -> Phrase:
        """The phrase with this id; ``KeyError`` when there is none."""
        for p in self.phrases:
            if p.id == phrase_id:
                return p
        raise KeyError(phrase_id)

    @property
    def situations(self) -> tuple[str, ...]:
        """The situations this bank has phrases for (excluding ``any``)."""
        return tuple(sorted({s for s, _ in self._index if s != "any"}))
