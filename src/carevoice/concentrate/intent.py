"""Intent: what a post is, as a care lead sorts the queue, and what it asks for.

The intents, in the order a care lead takes them: a post not in the bank's
language is ``other_language``; ``spam`` and ``abuse`` come next; a report of
danger, crime or fraud is ``danger``; chasing an earlier contact is
``follow_up``; sincere thanks or compliments are ``praise``; then ``request``
(an action asked of the brand: refund, cancel, call back, check the DMs...),
``question`` and ``complaint`` by the weight of their evidence; a post with
none of these that jokes or chats is ``banter``. A second intent the post
also carries is kept (a complaint ending in a question, sarcastic thanks on a
complaint). Every decision names the words that drove it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from carevoice._kinds import Intent
from carevoice.concentrate.evidence import Evidence, gather
from carevoice.concentrate.keywords import Hit, Scan
from carevoice.variables import ASKS

__all__ = ["ASK_KINDS", "DANGER_URGENCIES", "IntentVerdict", "Signals", "read_intent", "read_signals"]

DANGER_URGENCIES = frozenset({"safety", "threat", "vulnerable", "fraud", "data_exposure"})
"""Urgencies that make a post a report of danger, crime or fraud."""
ASK_KINDS = ASKS
"""What a request can ask for (``Reading.asks``), from the ``request_*`` signals: the template variables' own list
(``asks.<kind>``), so the two never drift apart."""
_REQUEST_KEYS = tuple(f"request_{kind}" for kind in ASK_KINDS)
_REQUEST_KEY_SET = frozenset(_REQUEST_KEYS)
_REQUEST_CATEGORIES = frozenset({"cancellation_request", "refund_status", "feature_request"})
_TOPICS = frozenset({"booking", "loyalty", "gift_card_promo", "feature_request", "general_question"})
"""Situations named by a topic's nouns ("booking", "points") rather than by something gone wrong."""
_STRONG = 3.0
_SARCASM_NEEDS = 2.0
"""Complaint evidence (situation or negative feeling) that a sarcasm marker needs to count."""


class Signals(NamedTuple):
    """The ``signal`` family of a post's hits, summed per key."""

    evidence: Evidence

    def score(self, key: str) -> float:
        """The summed weight of one signal (0 when absent)."""
        found = self.evidence.get(key)
        return found[0] if found else 0.0

    def hits(self, key: str) -> Sequence[Hit]:
        """The hits of one signal, strongest first."""
        found = self.evidence.get(key)
        return found[1] if found else ()

    def kinds(self, prefix: str) -> tuple[str, ...]:
        """The keys with ``prefix`` that are present, without the prefix (``contacted_dm`` -> ``dm``)."""
        return tuple(sorted(k[len(prefix):] for k in self.evidence if k.startswith(prefix)))

    def label(self, key: str, limit: int = 2) -> str:
        """The phrases of a signal, quoted, for a reason."""
        return ", ".join(h.label for h in self.hits(key)[:limit])


def read_signals(found: Scan) -> Signals:
    """Sum a post's ``signal`` hits per key."""
    return Signals(gather(found.family("signal")))


class IntentVerdict(NamedTuple):
    """The leading intent, a second one, a confidence, what is asked for, whether it is sarcastic, and why."""

    intent: Intent
    intent2: Intent | None
    confidence: float
    asks: tuple[str, ...]
    sarcasm: bool
    reasons: tuple[str, ...]


def _squash(score: float) -> float:
    return round(min(0.95, score / (score + 2.0)), 3)


def read_intent(
    signals: Signals,
    *,
    language: str,
    locale_language: str = "en",
    spam: bool,
    abuse: bool,
    urgency: Sequence[str],
    praise: float,
    question: float,
    question_min: float,
    complaint: float,
    problem: float,
    category: str | None,
    negative: bool,
    emotion_votes: Mapping[str, float],
    eye_roll: bool = False,
    irony: bool = False,
    trouble_before: bool = False,
    staff_thanked: bool = False,
) -> IntentVerdict:
    """Decide the leading intent from every signal read from the post.

    ``complaint`` is the evidence of the problem situation read (0 when none),
    ``problem`` the strongest evidence of any problem situation (chosen or
    not: sarcasm needs a problem); ``category`` the situation read, if any; ``eye_roll`` that the post
    carries an eye-roll or upside-down face (🙃, 🙄, 😒), or a claim of quality in scare quotes ("thanks for the
    'hot' bao"), which makes its praise words sarcastic beside a problem ("sent me in a loop 5 times 🙃 love it");
    ``irony`` that the post ends on a lone kind word ("ended the chat when I asked for a manager. lovely"),
    sarcastic when anything before it reads as a problem; ``trouble_before`` that words of trouble come before
    that ending ("chargeback rejected with zero explanation. brilliant."), which makes it sarcastic on their own;
    ``staff_thanked`` that a colleague is named in thanks ("Shout out to Dave, the guard... for keeping everyone calm
    during the signal failure"): the problem is what they handled, so the praise is meant when nothing sounds upset.
    """
    reasons: list[str] = []
    if _REQUEST_KEY_SET.isdisjoint(signals.evidence):  # most posts ask for nothing: no score to look up
        asks: tuple[str, ...] = ()
        request = 0.0
    else:
        requested = [signals.score(key) for key in _REQUEST_KEYS]
        asks = tuple(kind for kind, score in zip(ASK_KINDS, requested, strict=True) if score >= _STRONG)
        request = max(requested)
    if category == "feature_request":
        request = max(request, complaint)
        complaint = 0.0
    follow = signals.score("follow_up")
    banter = signals.score("banter")
    negative_votes = sum(v for k, v in emotion_votes.items() if k != "delight")
    # "sent me in a loop 5 times 🙃 love it": kind words (praise, or words of delight: "love paying £40... great
    # stuff 🙃") with an eye roll
    rolled = eye_roll and (praise > 0 or emotion_votes.get("delight", 0.0) > 0)
    rolled = rolled or (irony and (trouble_before or (
        praise > 0 and max(complaint, problem) + negative_votes >= _SARCASM_NEEDS)))
    sarcasm = rolled or (signals.score("sarcasm") >= _STRONG
                         and (max(complaint, problem) + negative_votes >= _SARCASM_NEEDS or negative))
    # "thanks a lot for nothing", "great job, 2nd time this month"
    sure = rolled or signals.score("sarcasm_sure") >= _STRONG
    margin = praise - complaint
    if (sarcasm and not sure and praise >= 2 * _STRONG and negative_votes == 0 and not negative
            and (margin > _SARCASM_NEEDS or (margin == _SARCASM_NEEDS and category in _TOPICS))):
        # a topic's nouns ("the booking flow is really nice now, well done") are no problem to be sarcastic about
        sarcasm = False  # "Thank you so much for sorting my flight": a problem's noun, no bad feeling, praise
        reasons.append("no sarcasm: praise with no bad feeling beside the problem's words")
    elif sarcasm and not sure and staff_thanked and not negative and (
            (praise > 0 and negative_votes == 0) or (praise >= _STRONG and negative_votes <= _SARCASM_NEEDS)):
        # "thanks to Priya... she spent ages helping me choose and was lovely. Great service as always", "a shout out
        # to Priya... was just lovely about it. Proper service still exists": clear praise of a named colleague
        # outweighs one middling word ("ages", "still")
        sarcasm = False
        reasons.append("no sarcasm: a colleague thanked by name, with no bad feeling beside the problem's words")
    if sarcasm:
        reasons.append("sarcasm: " + (signals.label("sarcasm") if not rolled or signals.score("sarcasm") else
                                      "kind words beside an eye roll or a claim in scare quotes") + " on a complaint")
        praise = 0.0
        complaint += 2.0
    if request and asks:
        reasons.append("asks: " + ", ".join(asks) + " (" + ", ".join(
            signals.label(f"request_{k}", 1) for k in asks) + ")")

    scored: dict[Intent, float] = {}
    if not DANGER_URGENCIES.isdisjoint(urgency):
        scored["danger"] = 6.0
    if follow >= _STRONG:
        scored["follow_up"] = follow + 1.0
        reasons.append("follow-up: " + signals.label("follow_up"))
    if praise > 0 and not negative:
        scored["praise"] = praise
    if request >= _STRONG:
        scored["request"] = request + (2.0 if category in _REQUEST_CATEGORIES or complaint < _STRONG else -1.0)
    if question >= question_min:
        scored["question"] = question - (1.0 if complaint >= _STRONG and negative else 0.0)
    if complaint > 0 or negative:
        scored["complaint"] = complaint + (negative_votes / 2 if negative else 0.0)
    if banter >= _STRONG and complaint < _STRONG and not negative:
        scored["banter"] = banter + 1.0
        reasons.append("banter: " + signals.label("banter"))

    lead: Intent
    if language != locale_language:
        lead, confidence = "other_language", 0.9
    elif spam:
        lead, confidence = "spam", 0.9
    elif abuse:
        lead, confidence = "abuse", 0.8
    elif "danger" in scored:
        lead, confidence = "danger", 0.85
    elif "follow_up" in scored:
        lead, confidence = "follow_up", _squash(scored["follow_up"])
    elif scored.get("praise", 0.0) >= 2.0 and scored["praise"] >= scored.get("complaint", 0.0):
        lead, confidence = "praise", _squash(scored["praise"])
    elif scored:
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        lead = ranked[0][0]
        margin = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)
        confidence = round(_squash(ranked[0][1]) * (0.6 + 0.4 * min(1.0, margin / 3.0)), 3)
    else:
        lead, confidence = "complaint", 0.2
        reasons.append("intent complaint: no clear sign of any intent")
    second = sorted(((v, k) for k, v in scored.items() if k != lead and v >= 2.0), reverse=True)
    intent2: Intent | None = second[0][1] if second else None
    if lead == "other_language":
        intent2 = max(scored.items(), key=lambda kv: kv[1])[0] if scored else None
    reasons.insert(0, f"intent {lead}" + (f" (then {intent2})" if intent2 else ""))
    return IntentVerdict(lead, intent2, confidence, asks, sarcasm, tuple(reasons))
