"""Emotion: the feeling a post carries and how strongly, from a hand-written lexicon.

Lexicon phrases vote for anger, frustration, anxiety, sadness or delight;
emoji and emoticons vote too. A negator shortly before a word turns delight
into frustration ("not happy") and cancels a negative word ("not worried").
Intensity adds the strength of that vote to surface cues: shouting in
capitals, exclamation marks, intensifiers, swearing, emoji and stretched
letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from carevoice._kinds import Emotion
from carevoice.concentrate.evidence import gather
from carevoice.concentrate.keywords import Hit, Scan, sentence_start
from carevoice.concentrate.lexicon import lexicon

__all__ = ["NEGATIVE_EMOTIONS", "EmotionVerdict", "read_emotion"]

NEGATIVE_EMOTIONS: tuple[Emotion, ...] = ("anger", "anxiety", "frustration", "sadness")
"""Negative emotions in the order that breaks ties (most pressing first)."""

_MIN_SCORE = 2.0
_ABUSE_VOTE = 3.0
_NEGATION_WINDOW = 3
_NO_MORE = frozenset({"more", "longer"})
"""Words after "no" that negate what follows ("no more waiting")."""
_WILLING = frozenset({"happy", "glad", "willing"})
_WILLING_TO = frozenset({"pay", "wait", "help", "provide", "send", "share", "drive", "collect", "travel", "move", "do",
                         "give", "call", "try", "talk", "chat", "switch", "upgrade", "cover", "swap", "return",
                         "bring"})
""""happy to pay", "glad to wait": an offer, not delight (a customer "happy to" do something is asking)."""
_CAPS_HINT = re.compile(r"[A-Z][A-Z][A-Z]")  # ([A-Z]{3}: spelt out, a search skips ahead to capitals)
_CAPS = re.compile(r"[A-Z](?<![\w/.][A-Z])[A-Z]{2,}(?![\w/.])")
"""Words of three or more capitals, outside links and handles' neighbours (no letter, digit, '_', '/' or '.'
on either side; the look back comes after the first capital so a search can skip to capitals)."""


class EmotionVerdict(NamedTuple):
    """Emotion, intensity (0..1), summed votes per emotion and a reason."""

    emotion: Emotion
    intensity: float
    votes: dict[str, float]
    reason: str


@cache
def _symbols() -> tuple[dict[str, str], re.Pattern[str], tuple[tuple[str, str], ...]]:
    data = lexicon().data["emotion"]
    emoji = {ch: name for name, chars in data["emoji"].items() for ch in str(chars)}
    # the characters from the lowest emoji up: a quick first cut, then the emoji among them
    pattern = re.compile("[" + re.escape(min(emoji, default="\U0010ffff")) + "-\U0010ffff]")
    emoticons = tuple((str(face), name) for name, faces in data["emoticons"].items() for face in faces)
    return emoji, pattern, emoticons


def _negated(hit: Hit, tokens: Sequence[str], negators: frozenset[str], plain: str) -> bool:
    """Whether a negator shortly before the hit, in the same sentence, turns it around.

    The tokens carry no punctuation, so a negator found is checked against the sentence the hit is in
    ("didn't have to. thank you" thanks; "not thank you" does not). ``plain`` is the text they were read from.
    """
    if tokens[hit.start] in negators:
        return False  # the phrase carries its own negation ("not happy", "never again")
    start = max(0, hit.start - _NEGATION_WINDOW)
    found = _negator_in(tokens, start, hit.start, negators)
    if found:  # rare: only then is the sentence looked for
        begin = sentence_start(plain, hit.start)
        if begin > start:
            return _negator_in(tokens, begin, hit.start, negators)
    return found


def _negator_in(tokens: Sequence[str], start: int, end: int, negators: frozenset[str]) -> bool:
    # "no more waiting", "no longer crashing": "no" alone is too loose a negator ("no complaints, lovely stay")
    return any(t in negators for t in tokens[start:end]) or any(
        tokens[i] == "no" and tokens[i + 1] in _NO_MORE for i in range(start, end - 1))


_STILL_ON = frozenset({"running", "available", "on", "valid", "open", "going", "active", "happening", "live",
                       "offered", "accepting", "selling", "taking", "allowed", "possible", "included", "free",
                       "stocked", "honoured", "honored", "there"})
"""What a "still" asks about when it asks whether something goes on ("still running?", "still available?")."""
_ASKING = frozenset({"is", "are", "do", "does", "can", "will", "would", "could"})
"""Words that make a question of it ("is the bonus still running?")."""
_WAITED_FOR = frozenset({("for", "me"), ("for", "us")})
"""Someone who "waited for me" was kind; a customer who waited is not."""


def _still_on(tokens: Sequence[str], i: int) -> bool:
    """Whether a "still" asks if something goes on ("is the welcome bonus still running?"): no frustration in it."""
    return (i + 1 < len(tokens) and tokens[i + 1] in _STILL_ON
            and any(t in _ASKING for t in tokens[max(0, i - 6):i]))


def _votes(hits: Sequence[Hit], tokens: Sequence[str], text: str,
           plain: str) -> tuple[dict[str, float], list[Hit], int]:
    votes: dict[str, float] = {}
    adjusted: list[Hit] = []
    if hits:
        negators = lexicon().negators
        for hit in hits:
            if hit.phrase == "still" and "?" in text and _still_on(tokens, hit.start):
                continue
            if hit.phrase in ("waited", "waiting") and tuple(tokens[hit.start + 1:hit.start + 3]) in _WAITED_FOR:
                continue  # "the driver waited for me when he saw me running": someone's kindness, no wait of ours
            if (hit.phrase in _WILLING and hit.start + 2 < len(tokens) and tokens[hit.start + 1] == "to"
                    and tokens[hit.start + 2] in _WILLING_TO):
                continue  # "can they take the old one to the tip? happy to pay": willing, not delighted
            if _negated(hit, tokens, negators, plain):
                if hit.key != "delight":
                    continue
                hit = hit._replace(key="frustration", weight=hit.weight * 0.8, phrase=f"not {hit.phrase}")
            adjusted.append(hit)
        votes = {key: score for key, (score, _) in gather(adjusted).items()}
    emoji, pattern, emoticons = _symbols()
    symbols = 0
    if not text.isascii():
        for ch in pattern.findall(text):
            if ch not in emoji:
                continue
            symbols += 1
            votes[emoji[ch]] = votes.get(emoji[ch], 0.0) + 1.5
    if ":" in text or "<3" in text or ";)" in text:
        for face, name in emoticons:
            if face in text:
                symbols += 1
                votes[name] = votes.get(name, 0.0) + 1.5
    return votes, adjusted, symbols


def _pick(votes: dict[str, float]) -> tuple[Emotion, float]:
    if not votes:
        return "neutral", 0.0
    delight = votes.get("delight", 0.0)
    best: Emotion = "neutral"
    top = negative = 0.0
    for emotion in NEGATIVE_EMOTIONS:  # most pressing first: ties keep the earlier one
        vote = votes.get(emotion, 0.0)
        negative += vote
        if vote > top:
            best, top = emotion, vote
    if delight >= _MIN_SCORE and delight > negative:
        return "delight", delight
    return (best, top) if top >= _MIN_SCORE else ("neutral", 0.0)


def _cues(found: Scan, text: str, symbols: int) -> tuple[float, list[str]]:
    words, stretched = len(found.tokens), found.stretched
    cues: list[str] = []
    boost = 0.0
    caps = _CAPS.findall(text) if _CAPS_HINT.search(text) else []
    if len(caps) >= 3 and len(caps) >= 0.4 * words:
        boost += 0.25
        cues.append("capitals")
    elif any(len(w) >= 4 for w in caps):
        boost += 0.1
        cues.append("a word in capitals")
    bangs = text.count("!")
    if bangs:
        boost += min(0.24, 0.06 * bangs)
        cues.append("'!'" if bangs == 1 else f"{bangs}x '!'")
    if "??" in text or "?!" in text or "!?" in text:
        boost += 0.08
        cues.append("'??'")
    swears, intensifiers = len(found.family("swear")), len(found.family("intensifier"))
    if swears:
        boost += min(0.3, 0.15 * swears)
        cues.append("swearing")
    if intensifiers:
        boost += min(0.18, 0.06 * intensifiers)
        cues.append("intensifiers")
    if symbols:
        boost += min(0.16, 0.08 * symbols)
        cues.append("emoji")
    if stretched:
        boost += min(0.1, 0.05 * stretched)
        cues.append("stretched words")
    return boost, cues


def read_emotion(found: Scan, text: str, abusive: bool = False) -> EmotionVerdict:
    """Read the emotion and its intensity from a post's hits and raw text.

    An ``abusive`` post (see :mod:`.signals`) counts as a strong vote for anger.
    """
    praise = found.family("praise")
    # a word of bad feeling inside a phrase of praise is the praise's ("keep that man", "scary but sorted")
    felt = [h for h in found.family("emotion")
            if h.key == "delight" or not any(p.start <= h.start and h.end <= p.end for p in praise)]
    votes, hits, symbols = _votes(felt, found.tokens, text, found.plain)
    if abusive:
        votes["anger"] = votes.get("anger", 0.0) + _ABUSE_VOTE
    emotion, score = _pick(votes)
    labels = [h.label for h in sorted(hits, key=lambda h: -h.weight) if h.key == emotion]
    if abusive and emotion == "anger":
        labels.insert(0, "abuse")
    boost, cues = _cues(found, text, symbols)
    strength = 0.15 + 0.35 * min(1.0, score / 6.0)
    raw = min(0.3, boost) if emotion == "neutral" else strength + boost
    intensity = round(max(0.0, min(1.0, raw)), 2)
    evidence = ", ".join(labels[:3] + cues)
    reason = f"emotion {emotion}" + (f": {evidence}" if evidence else "")
    return EmotionVerdict(emotion, intensity, votes, reason)
