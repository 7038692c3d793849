"""Per-bank settings sections: tone, variation, triage and lint.

Each section is optional in a bank file; a bank that extends another
inherits every field it does not set.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from carevoice._plain import reduce_model

__all__ = ["MAX_VARIETY", "DraftingSettings", "LintSettings", "ToneSettings", "TriageSettings", "VariationSettings"]

_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class _Cached(BaseModel):
    """A settings section: pickled (in a cached bank) so that a command-line draft restores its plain twin."""

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_model(self)
_WEEK_MINUTES = 7 * 24 * 60
MAX_VARIETY = 1000
"""The largest ``min_variety`` (the linter simulates that many replies)."""


class ToneSettings(_Cached):
    """Tone rules and readability targets (validators).

    The list fields extend the defaults in ``carevoice/data/tone.yaml``;
    ``disabled_rules`` takes codes (``CV305``), rule names (``tone.exclamations``)
    or name prefixes (``tone``); ``public_contacts`` are the brand's own
    e-mail addresses and phone numbers, allowed in a public reply.
    """

    model_config = _STRICT

    max_exclamations: int = Field(default=1, ge=0, le=100)
    max_apologies: int = Field(default=1, ge=0, le=100)
    readability_grade: float = Field(default=8.0, gt=0, le=100)
    readability_min_words: int = Field(default=12, ge=1, le=10_000)
    forbidden_promises: list[str] = Field(default_factory=list)
    banned_phrases: list[str] = Field(default_factory=list)
    blame_phrases: list[str] = Field(default_factory=list)
    sarcasm_phrases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    promotional_markers: list[str] = Field(default_factory=list)
    public_contacts: list[str] = Field(default_factory=list)
    disabled_rules: list[str] = Field(default_factory=list)


class VariationSettings(_Cached):
    """How replies are kept from repeating each other (variation engine; see ``docs/variation.md``).

    ``scorer`` and ``threshold`` are the measure of "the same script"; ``strict_threshold`` is a
    second, fixed check by ``token_set_ratio`` (the published audit measure). ``window`` replies of
    the brand and ``situation_window`` of the same situation, within ``window_days``, are compared; the search
    stops at a candidate ``margin`` points under the threshold. A candidate that shares more than
    ``max_shared`` of its script phrases (greetings aside) with one reply in scope never clears.
    ``rest`` is how many replies a used phrase rests (least-recently-used rotation).
    """

    model_config = _STRICT

    scorer: str = "token_set_ratio"
    threshold: float = Field(default=85.0, ge=0, le=100)
    strict_threshold: float = Field(default=90.0, ge=0, le=101)
    margin: float = Field(default=10.0, ge=0, le=100)
    max_shared: float = Field(default=0.5, ge=0, le=1)
    candidates: int = Field(default=24, ge=1, le=500)
    window: int = Field(default=500, ge=1, le=100_000)
    situation_window: int = Field(default=100, ge=0, le=100_000)
    window_days: float = Field(default=30.0, gt=0, le=3650)
    rest: int = Field(default=6, ge=0, le=10_000)
    min_variety: int = Field(default=0, ge=0, le=MAX_VARIETY)

    @field_validator("scorer")
    @classmethod
    def _known_scorer(cls, value: str) -> str:
        from carevoice.variation.similarity import SCORERS

        if value not in SCORERS:
            raise ValueError(f"unknown scorer {value!r}; known: {', '.join(SCORERS)}")
        return value


class TriageSettings(_Cached):
    """Service hours, routing, priority and situation tracking (triage; see ``docs/triage.md``).

    ``hours`` maps day specs (``mon``..``sun``, ranges like ``mon-fri``, ``daily``, ``weekdays``,
    ``weekends``) to ``"08:00-20:00"`` (several spans joined by commas) or ``"closed"``, in
    ``timezone``; later entries override earlier ones; no hours means always open. ``routing``
    maps a category or an urgency (``safety``, ``legal``...) to its owning team, over the defaults
    in ``carevoice/data/triage.yaml``; ``weights`` overrides priority weights by name.
    """

    model_config = _STRICT

    timezone: str = "UTC"
    hours: dict[str, str] = Field(default_factory=dict)
    routing: dict[str, str] = Field(default_factory=dict)
    weights: dict[str, float] = Field(default_factory=dict)
    urgent_acknowledge_minutes: int = Field(default=15, gt=0, le=_WEEK_MINUTES)
    high_reach_followers: int = Field(default=10_000, ge=1, le=10**10)
    window_minutes: float = Field(default=120.0, gt=0, le=_WEEK_MINUTES)
    similarity: float = Field(default=70.0, ge=0, le=200)
    surge_minutes: float = Field(default=30.0, gt=0, le=_WEEK_MINUTES)
    surge_posts: int = Field(default=8, ge=2, le=1_000_000)
    surge_authors: int = Field(default=5, ge=1, le=1_000_000)
    surge_ratio: float = Field(default=3.0, ge=1, le=1000)
    abuse_posts: int = Field(default=3, ge=2, le=10_000)
    abuse_hours: float = Field(default=24.0, gt=0, le=8760)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from carevoice.errors import ConfigError
        from carevoice.triage.hours import load_zone

        try:
            load_zone(value)
        except ConfigError as exc:
            raise ValueError(exc.message) from None
        return value

    @field_validator("hours")
    @classmethod
    def _valid_hours(cls, value: dict[str, str]) -> dict[str, str]:
        from carevoice.errors import ConfigError
        from carevoice.triage.hours import parse_hours

        try:
            parse_hours(value)
        except ConfigError as exc:
            raise ValueError(exc.message) from None
        return value

    @field_validator("routing")
    @classmethod
    def _known_routing_keys(cls, value: dict[str, str]) -> dict[str, str]:
        from carevoice.triage.routing import ROUTABLE

        unknown = sorted(set(value) - set(ROUTABLE))
        if unknown:
            raise ValueError(f"unknown routing key {unknown[0]!r}; known: {', '.join(sorted(ROUTABLE))}")
        return value

    @field_validator("weights")
    @classmethod
    def _known_weights(cls, value: dict[str, float]) -> dict[str, float]:
        from carevoice.triage.priority import WEIGHT_NAMES

        unknown = sorted(set(value) - set(WEIGHT_NAMES))
        if unknown:
            raise ValueError(f"unknown priority weight {unknown[0]!r}; known: {', '.join(WEIGHT_NAMES)}")
        return value


class DraftingSettings(_Cached):
    """How drafts are made from a reading (see ``docs/writing-banks.md``).

    A post whose reading is less sure than ``min_confidence`` (intent or, for a
    problem, situation), a post in a language outside ``languages`` (default:
    the bank's locale), and a question nothing in the bank answers are handed to
    an agent (action ``needs_agent``) with a holding line instead of a confident
    wrong reply. ``answer_threshold`` is the rapidfuzz score (0-100) a bank
    answer must reach for a post, and ``answer_margin`` its lead over the next
    answer. ``greet_rate`` is the share of replies that open with a greeting
    (never to an angry or frightened customer). A problem situation read less
    surely than ``situation_confidence`` is answered from the ``general`` cell
    (lines that name the subject but assume nothing situation-specific), since a
    confident line for the wrong situation is the worst kind of misread.
    ``hand_off_general`` hands a calm question about a problem situation in
    general ("is breakfast included in the Flex rate?", "do points expire?")
    to an agent when no answer matches, since the situation's lines are written
    for the customer's own case ("DM us the booking reference"). ``find_out``
    drafts a calm, plain question that nothing in the bank answers as an honest
    "we'll check and come back to you here" (a line of the ``find_out`` stage;
    action ``reply``, with the custom slot asking the agent to post the answer
    in the thread) instead of handing it to an agent; a question with anger,
    sarcasm, trouble, urgency or a challenge in it still goes to an agent.
    ``clarify`` meets a post read too unsurely to act on (intent under
    ``min_confidence``), with no urgency in it, by asking what the customer
    needs (a line of the ``clarify`` stage) instead of handing it to an agent;
    such a post with no question, no ask and no first person ("The new 5G
    network will bring 14x more capacity...": a share or an announcement) gets
    no reply.
    """

    model_config = _STRICT

    min_confidence: float = Field(default=0.35, ge=0, le=1)
    languages: list[str] = Field(default_factory=list)
    answer_threshold: float = Field(default=80.0, ge=0, le=100)
    answer_margin: float = Field(default=5.0, ge=0, le=100)
    greet_rate: float = Field(default=0.5, ge=0, le=1)
    situation_confidence: float = Field(default=0.8, ge=0, le=1)
    banter: bool = True
    hand_off_general: bool = True
    find_out: bool = True
    clarify: bool = True


class LintSettings(_Cached):
    """Bank-level lint thresholds (``carevoice lint``); they override ``[tool.carevoice.lint]``.

    ``min_variety`` ``None`` means: use ``variation.min_variety``; 0 turns the variety rule off.
    """

    model_config = _STRICT

    min_variants: int = Field(default=8, ge=0, le=10_000)
    near_duplicate_threshold: float = Field(default=90.0, ge=0, le=100)
    min_variety: int | None = Field(default=None, ge=0, le=MAX_VARIETY)
