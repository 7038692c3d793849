"""Recombine drawn candidates' phrases so that no two replies share too many of them.

Random draws waste most of their tries on a busy day: once a situation's
common pairs of phrases have been used, most draws repeat one. This module
takes the phrasings the draws rendered for each stage and searches the
combinations depth first, pruning any partial reply that already shares more
than ``max_shared`` of its script phrases with one reply in the comparison
scope (phrase-id fingerprints). Phrases are tried in a weighted random order
(phrase weights honoured, seeded) that puts phrases the scope uses less first.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from carevoice.bank.resolved import Phrase
from carevoice.compose import Candidate, repeats_a_move
from carevoice.variation.index import ReplyIndex, fingerprint

__all__ = ["RECOMBINED", "recombine"]

RECOMBINED = 8
"""How many recombined candidates the engine asks for: they already avoid shared phrases."""

Part = tuple[str, Phrase, str]


def recombine(
    drawn: Sequence[Candidate],
    index: ReplyIndex,
    *,
    category: str | None,
    rng: random.Random,
    count: int,
    max_shared: float,
    fits: Callable[[str], bool] = lambda _text: True,
    budget: int = 800,
) -> list[Candidate]:
    """Up to ``count`` new candidates whose phrases no reply in scope shares more than ``max_shared`` of."""
    if not drawn:
        return []
    shape = Counter(tuple(s for s, _, _ in c.parts) for c in drawn).most_common(1)[0][0]
    model = next(c for c in drawn if tuple(s for s, _, _ in c.parts) == shape)
    options: dict[str, dict[str, Part]] = {s: {} for s in shape}
    for c in drawn:
        if tuple(s for s, _, _ in c.parts) == shape:
            for part in c.parts:
                options[part[0]].setdefault(part[1].id, part)
    n_content = sum(1 for s in shape if fingerprint([next(iter(options[s]))]))
    sizes = index.script_sizes(category)
    uses = {pid: index.using(pid, category) for s in shape for pid in options[s]}
    out: list[Candidate] = []
    seen: set[tuple[str, ...]] = set()
    steps = 0

    limits = {seq: max_shared * min(n_content, size or n_content) for seq, size in sizes.items()}

    def allowed(counts: dict[int, int], changed: set[int]) -> bool:
        return all(counts[seq] <= limits[seq] for seq in changed)

    def walk(level: int, order: list[list[Part]], parts: list[Part], counts: dict[int, int]) -> Candidate | None:
        nonlocal steps
        if level == len(shape):
            ids = tuple(p[1].id for p in parts)
            cand = replace(model, parts=tuple(parts))
            if ids in seen or repeats_a_move(parts) or not fits(cand.text):
                return None
            seen.add(ids)
            return cand
        for part in order[level]:
            steps += 1
            if steps >= budget:
                return None
            used = uses[part[1].id]
            new = counts
            if used:
                new = dict(counts)
                for seq in used:
                    new[seq] = new.get(seq, 0) + 1
            if not used or allowed(new, used):
                found = walk(level + 1, order, [*parts, part], new)
                if found is not None:
                    return found
        return None

    for _ in range(count * 2):
        if len(out) >= count or steps >= budget:
            break
        order = [_order(list(options[s].values()), uses, rng) for s in shape]
        found = walk(0, order, [], {})
        if found is not None:
            out.append(found)
    return out


def _order(parts: list[Part], uses: dict[str, set[int]], rng: random.Random) -> list[Part]:
    """Weighted random order (Efraimidis-Spirakis keys), phrases used less in scope first."""
    def key(part: Part) -> float:
        weight = max(part[1].weight, 1e-9)
        return -math.log(1.0 - rng.random()) / weight * (1 + len(uses[part[1].id]))

    return sorted(sorted(parts, key=lambda p: p[1].id), key=key)
