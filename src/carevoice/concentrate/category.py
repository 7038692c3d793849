"""Category: which complaint or request situation a post is about, if any clearly.

Each situation in the data (late_delivery, app_bug, ...) sums the weight of
its phrases found in the post. The best one is taken only when it clears a
minimum score *and* leads the runner-up by a margin; otherwise the post gets
no complaint category and the caller falls back to a meta category or
``general`` with low confidence, never a confidently wrong situation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, cast

from carevoice._kinds import CATEGORIES, Category
from carevoice.concentrate.evidence import Evidence, gather, squash, veto
from carevoice.concentrate.keywords import Hit, Scan
from carevoice.concentrate.lexicon import DATA_FILE, lexicon
from carevoice.errors import ConfigError

__all__ = ["CategoryVerdict", "categorize", "describe"]


class CategoryVerdict(NamedTuple):
    """The complaint situation found (or ``None``), its confidence and the evidence."""

    category: Category | None
    confidence: float
    raw: dict[str, float]
    """Summed evidence per situation (only those with any)."""
    evidence: Evidence
    reason: str


def describe(name: str, hits: Sequence[Hit], limit: int = 4) -> str:
    """Return a short reason such as ``"category app_bug: 'crash', 'app'"``."""
    return f"category {name}: " + ", ".join(h.label for h in hits[:limit])


def _most_specific(hits: list[Hit]) -> list[Hit]:
    """Drop hits strictly inside a longer hit of another situation.

    "suitcase didn't arrive" is lost baggage; the "didn't arrive" inside it
    must not also vote for a late delivery.
    """
    if len(hits) < 2 or len({h.key for h in hits}) < 2:
        return hits
    longer = [o for o in hits if o.end - o.start > 1]  # only a hit of two tokens or more holds another
    if not longer:
        return hits
    return [
        h
        for h in hits
        if not any(
            o.key != h.key and o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
            for o in longer
        )
    ]


def categorize(found: Scan) -> CategoryVerdict:
    """Score every complaint situation from a post's hits and pick one if it is clear."""
    lex = lexicon()
    decision = lex.decision
    kept = _most_specific(veto(found.family("category"), found.family("category_except")))
    evidence = gather(kept)
    raw = {key: score for key, (score, _) in evidence.items()}
    if not raw:
        return CategoryVerdict(None, 0.0, raw, evidence, "")
    # A situation backed only by weak words can neither win nor block another.
    floor = decision["min_strongest"]
    contenders = {k: v for k, v in raw.items() if evidence[k][1][0].weight >= floor}  # strongest first
    if not contenders:
        best = max(raw, key=lambda k: (raw[k], k))
        return CategoryVerdict(None, 0.0, raw, evidence, f"no category: only weak words (best {best} {raw[best]:g})")
    ranked = sorted(contenders.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < decision["min_score"]:
        return CategoryVerdict(
            None, 0.0, raw, evidence, f"no category: best {best} {top:g} below {decision['min_score']:g}"
        )
    if top - second < decision["min_margin"]:
        runner = ranked[1][0]
        return CategoryVerdict(
            None, 0.0, raw, evidence, f"no category: {best} {top:g} too close to {runner} {second:g}"
        )
    if best not in CATEGORIES:
        raise ConfigError(f"unknown category {best!r} in data; known: {', '.join(CATEGORIES)}", file=DATA_FILE)
    lead = min(1.0, (top - second) / top)
    confidence = round(squash(top, decision["scale"]) * (0.5 + 0.5 * lead), 3)
    return CategoryVerdict(cast(Category, best), confidence, raw, evidence, describe(best, evidence[best][1]))
