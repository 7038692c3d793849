"""Choose the candidate least like the brand's recent replies."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process, utils

from carevoice.bank.settings import VariationSettings
from carevoice.compose import Candidate
from carevoice.variation.history import History, ReplyRecord

__all__ = ["Selection", "clean", "rest_factors", "select"]

_MENTION = re.compile(r"@\w+")
_URL = re.compile(r"https?://\S+")
_SIGN_OFF = re.compile(r"(\s*([\^\-\*~]\s*[A-Z][A-Za-z]{0,2}|-\s*[A-Z][a-z]+( [A-Z]\.?)?|\d/\d))+\s*$")


def clean(text: str) -> str:
    """Text as compared for repetition: no mentions, links or sign-off; rapidfuzz default processing."""
    text = _URL.sub(" ", _MENTION.sub(" ", text))
    return utils.default_process(_SIGN_OFF.sub("", text).strip())


@dataclass(frozen=True)
class Selection:
    """The chosen candidate, its similarity to the closest earlier reply, and whether it cleared."""

    candidate: Candidate
    score: float
    closest: ReplyRecord | None
    cleared: bool


def rest_factors(history: History, brand: str, phrase_ids: Sequence[str], rest: int) -> dict[str, float]:
    """Weight multipliers that rest recently used phrases (least-recently-used rotation)."""
    if rest <= 0:
        return {}
    last = history.phrase_last_used(brand, phrase_ids)
    if not last:
        return {}
    newest = max(last.values())
    return {pid: min(1.0, 0.05 + (newest - seq) / (rest * 4)) for pid, seq in last.items()}


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
) -> Selection:
    """Score each candidate against recent and related replies; return the least similar."""
    if not candidates:
        raise ValueError("no candidates to select from")
    since = now - timedelta(days=settings.window_days) if now else None
    pool: list[ReplyRecord] = list(history.recent(brand, limit=settings.window, since=since))
    pool += history.related(brand, customer=customer, thread_id=thread_id)
    scorer = getattr(fuzz, settings.scorer)
    choices: Mapping[int, str] = {i: clean(r.text) for i, r in enumerate(pool)}
    best: Selection | None = None
    for cand in candidates:
        score, closest = 0.0, None
        if choices:
            hit = process.extractOne(clean(cand.text), choices, scorer=scorer, processor=None)
            if hit is not None:
                score, closest = float(hit[1]), pool[int(hit[2])]
        sel = Selection(cand, score, closest, score < settings.threshold)
        if best is None or sel.score < best.score:
            best = sel
        if sel.score == 0.0:
            break
    assert best is not None
    return best
