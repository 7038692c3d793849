"""Evidence: turning a family of hits into per-key scores without double counting."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from carevoice.concentrate.keywords import Hit

__all__ = ["Evidence", "gather", "squash", "veto"]

Evidence = dict[str, tuple[float, list[Hit]]]
"""Per key: the summed weight and the hits that made it, strongest first."""


def veto(hits: Iterable[Hit], vetoes: Iterable[Hit]) -> list[Hit]:
    """Drop hits that share a token with a veto hit of the same key.

    Veto phrases are listed in the data (``category_except``,
    ``urgency_except``): "fire stick" keeps "fire" from meaning danger.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for v in vetoes:
        spans.setdefault(v.key, []).append((v.start, v.end))
    if not spans:
        return list(hits)
    return [h for h in hits if not any(h.start < e and s < h.end for s, e in spans.get(h.key, ()))]


def gather(hits: Sequence[Hit]) -> Evidence:
    """Sum hit weights per key, counting a phrase nested in a longer one once.

    Within one key, a hit whose tokens lie inside an already counted hit adds
    nothing ("late delivery" counts, the "delivery" inside it does not), and
    the same phrase counts once however often it appears.
    """
    if len(hits) < 2:
        return {hits[0].key: (hits[0].weight, [hits[0]])} if hits else {}
    by_key: dict[str, list[Hit]] = {}
    for hit in hits:
        group = by_key.get(hit.key)
        if group is None:
            by_key[hit.key] = [hit]
        else:
            group.append(hit)
    evidence: Evidence = {}
    for key, group in by_key.items():
        if len(group) == 1:
            evidence[key] = (group[0].weight, group)
            continue
        group.sort(key=lambda h: (h.start - h.end, -h.weight, h.start))
        kept: list[Hit] = []
        seen: set[str] = set()
        for hit in group:
            if hit.phrase in seen:
                continue
            if any(k.start <= hit.start and hit.end <= k.end for k in kept):
                continue
            kept.append(hit)
            seen.add(hit.phrase)
        kept.sort(key=lambda h: (-h.weight, h.start))
        evidence[key] = (sum(h.weight for h in kept), kept)
    return evidence


def squash(score: float, scale: float) -> float:
    """Map a non-negative evidence score onto 0..1 (``1 - exp(-score / scale)``)."""
    return round(1.0 - math.exp(-max(score, 0.0) / scale), 3)
