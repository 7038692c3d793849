"""Choose the candidate least like the brand's earlier replies.

Candidates are tried in order of how little their phrases appear in the
comparison scope (the phrase-id fingerprint pool), each scored exactly with
the bank's measure and with the strict audit measure; the search stops at the
first candidate that clears the threshold by the bank's margin (or after
``PATIENCE`` candidates once one has cleared), and otherwise returns the least
similar one, marked as not cleared (after ``GIVE_UP`` tries: the rest share
more phrases with earlier replies, and the caller recombines instead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from carevoice.compose import Candidate
from carevoice.variation.history import History, ReplyRecord
from carevoice.variation.index import ReplyIndex
from carevoice.variation.similarity import clean

if TYPE_CHECKING:
    from carevoice.bank.settings import VariationSettings

__all__ = ["GIVE_UP", "PATIENCE", "Selection", "clean", "repeats_itself", "rest_factors", "select"]


PATIENCE = 3
"""Candidates scored after one has cleared, before taking the least similar seen so far."""

GIVE_UP = 8
"""Candidates scored without any clearing before the caller is told to look wider."""


@dataclass(frozen=True)
class Selection:
    """The chosen candidate, its similarity to the closest earlier reply, and whether it cleared."""

    candidate: Candidate
    score: float
    closest: ReplyRecord | None
    cleared: bool
    strict: float = 0.0
    tried: int = 1


def rest_factors(history: History, brand: str, phrase_ids: Sequence[str], rest: int) -> dict[str, float]:
    """Weight multipliers that rest recently used phrases (least-recently-used rotation).

    A phrase used in the last ``rest`` replies that used any of these phrases gets a small
    factor; the factor grows back to 1 as other phrases are used after it.
    """
    if rest <= 0:
        return {}
    last = history.phrase_last_used(brand, phrase_ids)
    if not last:
        return {}
    order = sorted(set(last.values()), reverse=True)
    age = {seq: i for i, seq in enumerate(order)}
    return {pid: min(1.0, 0.02 + age[seq] / (rest * 4)) for pid, seq in last.items()}


def select(
    candidates: Sequence[Candidate],
    history: History,
    *,
    brand: str,
    settings: VariationSettings,
    category: str | None = None,
    customer: str | None = None,
    thread_id: str | None = None,
    now: datetime | None = None,
    index: ReplyIndex | None = None,
    ordered: bool = False,
) -> Selection:
    """Score candidates against recent, same-situation and related replies; return the least similar.

    Candidates are tried least-shared first, unless ``ordered`` says they already come in the
    order to try (as :func:`~carevoice.variation.recombine.recombine` returns them).
    """
    if not candidates:
        raise ValueError("no candidates to select from")
    if index is None:
        index = ReplyIndex(history, brand, window=settings.window, situation_window=settings.situation_window,
                           window_days=settings.window_days)
    index.refresh(category)
    now = now or datetime.now(timezone.utc)
    related = history.related(brand, customer=customer, thread_id=thread_id)
    overlap: list[float | None] = [None if ordered else index.overlap(c.phrase_ids, category) for c in candidates]
    echo = [repeats_itself(c) for c in candidates]
    ranked = sorted(range(len(candidates)), key=lambda i: (echo[i], overlap[i] or 0.0, i))
    best: Selection | None = None
    tried = 0
    for i in ranked:
        tried += 1
        cand = candidates[i]
        m = index.closest(cand.text, cand.phrase_ids, scorer=settings.scorer, category=category,
                          related=related, now=now)
        known = overlap[i]
        shared = known if known is not None else index.overlap(cand.phrase_ids, category)
        too_many = shared > settings.max_shared or echo[i]
        cleared = m.score < settings.threshold and m.strict < settings.strict_threshold and not too_many
        sel = Selection(cand, m.score, m.record, cleared, m.strict, tried)
        if best is None or (sel.cleared, -sel.score, -sel.strict) > (best.cleared, -best.score, -best.strict):
            best = sel
        if best.cleared and (m.score < settings.threshold - settings.margin or tried >= PATIENCE):
            break
        if not best.cleared and tried >= GIVE_UP:
            break
    assert best is not None
    return Selection(best.candidate, best.score, best.closest, best.cleared, best.strict, tried)


_COMMON = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "get", "has", "have", "here", "if", "in",
    "is", "it", "it's", "just", "let", "let's", "me", "my", "of", "on", "or", "our", "so", "that", "the", "there",
    "this", "to", "us", "was", "we", "we'll", "we're", "will", "with", "you", "you're", "your", "i", "i'm", "i'll",
})
"""Words too common to make a repetition noticeable on their own."""


_ENDING = re.compile(r"(?:ing|ed|es|s)$")


def _content_pairs(text: str) -> set[tuple[str, str]]:
    """Neighbouring content words, and content words a common word apart, in a rough stem.

    "treating it as urgent" and "treat this as urgent" share ("treat", "urgent").
    """
    words = re.findall(r"[a-z0-9']+", text.lower())
    pairs = {(a, b) for a, b in pairwise(words) if a not in _COMMON and b not in _COMMON}
    content = [_ENDING.sub("", w) if len(w) > 5 else w for w in words if w not in _COMMON]
    return pairs | set(pairwise(content))


def repeats_itself(candidate: Candidate) -> bool:
    """True when two parts of one reply say nearly the same thing or repeat two content words.

    "Thanks for... Thank you for...", "help center ... help center", or a name given twice,
    the sign-off included ("Hi, Jess here - ... - Jess").
    """
    texts = [t for t in (clean(text) for _, _, text in candidate.parts) if len(t) >= 15]
    if any(fuzz.ratio(a, b) >= 75 for i, a in enumerate(texts) for b in texts[i + 1:]):
        return True
    pairs = [_content_pairs(text) for _, _, text in candidate.parts]
    if any(a & b for i, a in enumerate(pairs) for b in pairs[i + 1:]):
        return True
    return bool(candidate.sign_off) and bool(_names_in_sign_off(candidate) & _words(candidate.body))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def _names_in_sign_off(candidate: Candidate) -> set[str]:
    """The names (agent, brand, customer) the sign-off prints."""
    names = {w for v in candidate.proper for w in _words(v)} - _COMMON
    return _words(candidate.sign_off) & names
