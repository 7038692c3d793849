"""Repetition inside a bank: near-duplicates within a stage (CV711), identical phrases across stages (CV712)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from carevoice.bank.resolved import Bank, Phrase

__all__ = ["RepeatIssue", "check_repetition", "names_twice"]

_AGENT = ("agent.name", "agent.initials")


@dataclass(frozen=True)
class RepeatIssue:
    """A phrase that repeats an earlier one."""

    code: str
    phrase: Phrase
    other: Phrase
    message: str


def check_repetition(bank: Bank, typical: Callable[[Phrase], str | None], own: Callable[[Phrase], bool],
                     threshold: float) -> list[RepeatIssue]:
    """Own phrases that repeat an earlier phrase of the resolved bank (each reported once, on the later one)."""
    out: list[RepeatIssue] = []
    cells: dict[tuple[str, str], list[tuple[Phrase, str]]] = {}
    for p in bank.phrases:
        text = typical(p)
        if text is not None:
            cells.setdefault((p.situation, p.stage), []).append((p, utils.default_process(text)))
    reported: set[str] = set()
    for items in cells.values():
        if len(items) < 2 or not any(own(p) for p, _ in items):
            continue
        texts = [text for _, text in items]
        for j, (p, text) in enumerate(items):
            if not own(p):
                continue
            found = _closest(text, texts[:j], threshold)
            if found is not None:
                other, score = items[found[0]][0], found[1]
                reported.add(p.id)
                out.append(RepeatIssue("CV711", p, other,
                                       f"near-duplicate of {other.id} (line {other.line}) in {p.situation}.{p.stage}: "
                                       f"token_set_ratio {score:.0f} >= {threshold:g}; "
                                       "reword it so the two read differently"))
    first: dict[str, tuple[Phrase, tuple[str, str]]] = {}
    for key, items in cells.items():
        for p, text in items:
            if text in first and first[text][1] != key:
                other = first[text][0]
                if own(p) and p.id not in reported and other.stage != p.stage:
                    out.append(RepeatIssue("CV712", p, other,
                                           f"identical to {other.id} ({other.situation}.{other.stage}, "
                                           f"line {other.line}); a phrase belongs to one stage"))
            else:
                first.setdefault(text, (p, key))
    return out


def _closest(text: str, earlier: list[str], threshold: float) -> tuple[int, float] | None:
    """The first earlier text with the best ``token_set_ratio`` to ``text`` (above 0 and at least ``threshold``)."""
    if not earlier:
        return None
    if 0 <= threshold <= 100:  # scored in one call (the first best wins, as below)
        found = process.extractOne(text, earlier, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=threshold)
        return (found[2], found[1]) if found is not None and found[1] > 0 else None
    best, score = None, 0.0
    for i, other in enumerate(earlier):
        s = fuzz.token_set_ratio(text, other, score_cutoff=threshold)
        if s > score:
            best, score = i, s
    return None if best is None else (best, score)


def names_twice(bank: Bank, variables: Callable[[str], frozenset[str]]) -> tuple[str | None, list[Phrase]]:
    """The agent variable the sign-off prints, and the public phrases that print it too.

    A reply is the public phrases plus the sign-off, so such a phrase names the agent twice
    ("Hi, Jess here - ... - Jess"). Private openers start a private conversation without the
    sign-off, so they may.
    """
    if not bank.voice.sign_off:
        return None, []
    signed = [v for v in _AGENT if v in variables(bank.voice.sign_off)]
    if not signed:
        return None, []
    twice = [p for p in bank.phrases if p.stage != "private_opener" and signed[0] in variables(p.text)]
    return signed[0], twice
