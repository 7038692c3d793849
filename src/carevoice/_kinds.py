"""The names a post's reading and a draft are made of (pydantic-free: a command-line draft imports no pydantic).

:mod:`carevoice.inbound` and :mod:`carevoice.draft` export them with their models.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["CATEGORIES", "INTENTS", "Action", "Category", "Emotion", "Intent", "PiiKind", "Severity", "Urgency"]

Category = Literal[
    "late_delivery",
    "wrong_item",
    "billing_error",
    "refund_status",
    "account_access",
    "service_outage",
    "app_bug",
    "flight_disruption",
    "lost_baggage",
    "rude_staff",
    "product_defect",
    "cancellation_request",
    "fraud_security",
    "connectivity",
    "transport_disruption",
    "booking",
    "food_order",
    "loyalty",
    "gift_card_promo",
    "feature_request",
    "general_question",
    "praise",
    "abuse",
    "spam",
    "general",
]
"""Situations a post can be about; ``general`` is the fallback when nothing fits."""

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

Intent = Literal[
    "praise",
    "complaint",
    "question",
    "request",
    "follow_up",
    "danger",
    "banter",
    "other_language",
    "spam",
    "abuse",
]
"""What a post is, as a care lead sorts the queue (see ``docs/reading.md``)."""

INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]

Emotion = Literal["anger", "frustration", "anxiety", "sadness", "delight", "neutral"]
Urgency = Literal["safety", "threat", "vulnerable", "fraud", "legal", "stranded", "data_exposure"]
PiiKind = Literal["email", "phone", "card", "account", "address", "identity"]

Severity = Literal["error", "warning", "info"]
Action = Literal["reply", "reply_and_move_private", "escalate", "needs_agent", "no_reply"]
