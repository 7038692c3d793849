"""Reading: the decision that combines every signal of a post into one Reading.

The category is chosen in this order, first match wins:

1. ``abuse`` for a threat, directed curse or slur, or for an insult aimed at
   the brand when no complaint situation is clear (an insult inside a real
   complaint keeps the complaint's category and sets ``abusive``);
2. ``spam`` when promotional evidence reaches its minimum and outweighs any
   complaint evidence;
3. ``praise`` for thanks or compliments without negative emotion that
   outweigh any complaint evidence;
4. the complaint situation, when it cleared its threshold and margin;
5. ``general_question`` for a clear question;
6. ``general`` with low confidence.
"""

from __future__ import annotations

from carevoice.concentrate.category import categorize
from carevoice.concentrate.details import read_details
from carevoice.concentrate.emotion import NEGATIVE_EMOTIONS, read_emotion
from carevoice.concentrate.evidence import squash
from carevoice.concentrate.keywords import scan
from carevoice.concentrate.lexicon import lexicon
from carevoice.concentrate.pii import find_pii
from carevoice.concentrate.signals import read_abuse, read_praise, read_question, read_spam
from carevoice.concentrate.urgency import read_urgency
from carevoice.inbound import Category, Inbound, Reading

__all__ = ["concentrate"]

_STUCK = frozenset({"stuck", "stranded", "trapped"})
"""Words that, with a place and a disrupted journey, mean a customer is stranded now."""

_GENERAL_EMPTY = 0.2
"""Confidence of ``general`` when nothing pointed anywhere."""
_GENERAL_UNCLEAR = 0.1
"""Confidence of ``general`` when some evidence pointed somewhere, but not clearly."""


def concentrate(inbound: Inbound) -> Reading:
    """Read a post: category, emotion, urgency, details, personal data and flags.

    >>> r = concentrate(Inbound(text="My order #12345 never arrived and I'm furious!"))
    >>> (r.category, r.emotion, r.details.order_id, r.negative)
    ('late_delivery', 'anger', '12345', True)
    """
    text = inbound.text
    decision = lexicon().decision
    scale = decision["scale"]
    found = scan(text)
    verdict = categorize(found)
    abuse = read_abuse(found)
    emotion = read_emotion(found, text, abuse.abusive)
    urgency, urgency_reasons = read_urgency(found)
    spam_score, spam_reason = read_spam(found, text)
    praise_score, praise_hits = read_praise(found)
    question_score, question, question_reason = read_question(found)
    pii = find_pii(text)
    details = read_details(text, pii, frozenset(found.tokens))
    if "stranded" not in urgency and details.place and _STUCK & set(found.tokens) and (
            verdict.category in ("flight_disruption", "lost_baggage") or details.flight):
        # "stuck in Lisbon" after a cancelled flight: a customer stranded away from home now
        urgency = (*urgency, "stranded")
        urgency_reasons = (*urgency_reasons, f"urgency stranded: stuck, in {details.place}")

    top = max(verdict.raw.values(), default=0.0)
    bereavement = bool(found.family("bereavement"))
    negative_emotion = emotion.emotion in NEGATIVE_EMOTIONS or bereavement
    # a complaint category read from little evidence (a topical word such as "flight") yields to
    # clear praise or a clear, calm question: never a confidently wrong complaint
    weak = verdict.category is not None and squash(verdict.raw[verdict.category], scale) < decision["weak_category"]
    praise = not negative_emotion and not abuse.abusive and (
        praise_score >= decision["praise_min"] or (weak and praise_score > 0 and emotion.emotion == "delight"))
    spam = spam_score >= decision["spam_min"] and spam_score >= top
    reasons: list[str] = []
    category: Category
    if abuse.abusive and (abuse.severe or verdict.category is None):
        category, confidence = "abuse", 0.9 if abuse.severe else 0.7
        reasons.append(abuse.reason)
    elif spam:
        category, confidence = "spam", squash(spam_score, scale)
        reasons.append(spam_reason)
    elif praise and (verdict.category is None or praise_score >= top or weak):
        category, confidence = "praise", squash(praise_score, scale)
        reasons.append("praise: " + ", ".join(h.label for h in praise_hits[:3]))
    elif weak and not negative_emotion and not urgency and question_score >= decision["question_min"]:
        category, confidence = "general_question", round(min(0.7, squash(question_score, scale)), 3)
        reasons.append(f"{question_reason}; a calm question outweighs weak evidence of {verdict.category}")
    elif verdict.category is not None:
        category, confidence = verdict.category, verdict.confidence
        reasons.append(verdict.reason)
    elif question_score >= decision["question_min"]:
        category, confidence = "general_question", round(min(0.7, squash(question_score, scale)), 3)
        reasons.append(question_reason)
    else:
        category = "general"
        confidence = _GENERAL_UNCLEAR if verdict.raw else _GENERAL_EMPTY
        reasons.append(verdict.reason or "no category: no situation matched")
    if verdict.category is None and verdict.reason and category != "general":
        reasons.append(verdict.reason)

    scores = {name: squash(raw, scale) for name, raw in verdict.raw.items()}
    for name, raw in (("general_question", question_score), ("praise", praise_score), ("spam", spam_score)):
        if raw > 0:
            scores[name] = squash(raw, scale)
    if abuse.abusive:
        scores["abuse"] = 0.9 if abuse.severe else 0.7
        if category != "abuse":
            reasons.append(abuse.reason)
    reasons.append(emotion.reason)
    if bereavement:
        reasons.append("bereavement: " + ", ".join(h.label for h in found.family("bereavement")[:2]))
    reasons.extend(urgency_reasons)
    if question and category != "general_question" and question_reason:
        reasons.append(question_reason)
    present = [name for name, value in details.__dict__.items() if value]
    if present:
        reasons.append("details: " + ", ".join(present))
    if pii:
        kinds = sorted({m.kind for m in pii})
        reasons.append(f"personal data: {len(pii)} ({', '.join(kinds)})")

    return Reading(
        category=category,
        confidence=confidence,
        scores=scores,
        emotion="sadness" if bereavement else emotion.emotion,
        intensity=emotion.intensity,
        negative=negative_emotion or bool(urgency) or category in (verdict.category, "abuse"),
        urgency=urgency,
        abusive=abuse.abusive,
        spam=category == "spam",
        praise=praise,
        question=question,
        bereavement=bereavement,
        details=details,
        pii=pii,
        reasons=tuple(reasons),
    )
