"""Per-bank settings sections: tone, variation, triage and lint.

Each section is optional in a bank file; a bank that extends another
inherits every field it does not set.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["LintSettings", "ToneSettings", "TriageSettings", "VariationSettings"]

_STRICT = ConfigDict(extra="forbid", frozen=True)


class ToneSettings(BaseModel):
    """Tone rules and readability targets (validators)."""

    model_config = _STRICT

    max_exclamations: int = Field(default=1, ge=0)
    max_apologies: int = Field(default=1, ge=0)
    readability_grade: float = Field(default=8.0, gt=0)
    readability_min_words: int = Field(default=12, ge=1)
    forbidden_promises: list[str] = Field(default_factory=list)
    disabled_rules: list[str] = Field(default_factory=list)


class VariationSettings(BaseModel):
    """How replies are kept from repeating each other (variation engine)."""

    model_config = _STRICT

    scorer: str = "token_set_ratio"
    threshold: float = Field(default=80.0, ge=0, le=100)
    candidates: int = Field(default=24, ge=1, le=500)
    window: int = Field(default=500, ge=1)
    window_days: float = Field(default=30.0, gt=0)
    rest: int = Field(default=3, ge=0)
    min_variety: int = Field(default=0, ge=0)


class TriageSettings(BaseModel):
    """Service hours, routing and priority (triage)."""

    model_config = _STRICT

    timezone: str = "UTC"
    hours: dict[str, str] = Field(default_factory=dict)
    routing: dict[str, str] = Field(default_factory=dict)


class LintSettings(BaseModel):
    """Bank-level lint thresholds."""

    model_config = _STRICT

    min_variants: int = Field(default=8, ge=0)
