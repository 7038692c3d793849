"""The triage defaults shipped in ``carevoice/data/triage.yaml`` (routing, weights, levels, stopwords)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["TriageDefaults", "defaults"]


@dataclass(frozen=True)
class TriageDefaults:
    """Default routing, priority weights and levels, event categories and stopwords."""

    routing: dict[str, str]
    weights: dict[str, float]
    levels: tuple[tuple[str, float], ...]
    event_categories: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def defaults() -> TriageDefaults:
    """Return the shipped triage defaults (read once)."""
    from importlib.resources import files  # imported when first needed: a draft does not read the defaults

    import yaml

    text = files("carevoice.data").joinpath("triage.yaml").read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    levels = sorted(((str(k), float(v)) for k, v in raw["levels"].items()), key=lambda kv: -kv[1])
    return TriageDefaults(
        routing={str(k): str(v) for k, v in raw["routing"].items()},
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        levels=tuple(levels),
        event_categories=frozenset(raw["event_categories"]),
        stopwords=frozenset(str(w) for w in raw["stopwords"]),
    )
