"""Features of a post for the learned layer: its words and what the rules found.

Words are the scan's normalised tokens (lower case, stretched letters
squeezed, misspelt keywords corrected) and pairs of neighbouring tokens; rule
findings are the lexicon families and keys hit (``category:app_bug``,
``signal:follow_up``, ``urgency:safety``...) with their strength, the rules'
own verdicts, and surface cues (a question mark, capitals, exclamations,
emoji, length, links).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from carevoice.concentrate.keywords import Scan, ascii_letters

__all__ = ["features"]

_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_AFTER_VETO = frozenset({"urgency", "urgency_except", "urgency_who", "urgency_trouble", "category_except", "emotion",
                         "praise"})
"""Families whose raw hits a veto or a negation may cancel ("fire stick", "not impressed"): only the rules'
vetted verdicts become features (``rule_urgency:``, ``rule_vote:``)."""


def _number(token: str) -> bool:
    """Tell whether a token is ASCII digits only (a token is never empty and has no line break)."""
    return token.isdigit() and token.isascii()


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    for i, edge in enumerate(edges):
        if n < edge:
            return i
    return len(edges)


def features(found: Scan, text: str, *, rules: Iterable[str] = ()) -> list[str]:
    """The feature names of a post (``rules`` adds the rules' verdicts, such as ``rule_cat:app_bug``)."""
    out: list[str] = []
    tokens = found.tokens
    words = [t for t in tokens if t[0] != "@"] if "@" in found.plain else tokens  # no '@' in the post: no handle
    if words:
        out.append("b:^_" + ("#" if _number(words[0]) else words[0]))  # how a post opens
    if any(map(str.isdigit, words)):  # a number is "w:#" (as _number tells it, inline: per word)
        out.extend(["w:#" if t.isdigit() and t.isascii() else "w:" + t for t in words])
    else:  # no word is a number: every word is itself
        out.extend(map("w:".__add__, words))
    for family, hits in found.families.items():
        if family in _AFTER_VETO:
            continue  # their vetted verdicts come in ``rules`` ("fire stick" is no fire)
        if family == "signal":
            hits = [h for h in hits if h.key != "sarcasm"]  # only sarcasm on a complaint counts (rule_sarcasm)
        strongest: dict[str, float] = {}
        for h in hits:
            if h.weight > strongest.get(h.key, 0.0):
                strongest[h.key] = h.weight
        for key, weight in strongest.items():
            out.append(f"{family}:{key}")
            if weight >= 3.0:
                out.append(f"{family}:{key}:strong")
    out.extend(rules)
    if "?" in found.plain:
        out.append("cue:question_mark")
    bangs = text.count("!")
    if bangs:
        out.append("cue:bang" if bangs == 1 else "cue:bangs")
    if text.isascii():
        letters, capitals = ascii_letters(text)
    else:
        alpha = list(filter(str.isalpha, text))
        letters, capitals = len(alpha), sum(map(str.isupper, alpha))
    if letters > 10 and capitals > 0.6 * letters:
        out.append("cue:capitals")
    if found.links:
        out.append("cue:link")
    out.append(f"cue:words_{_bucket(len(words), (4, 10, 20, 40))}")
    if not text.isascii() and _EMOJI.search(text):
        out.append("cue:emoji")
    return out
