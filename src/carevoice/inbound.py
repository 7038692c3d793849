"""The inbound post and what Concentrate reads from it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from carevoice.errors import InputError

__all__ = [
    "CATEGORIES",
    "INTENTS",
    "Category",
    "Details",
    "Emotion",
    "Inbound",
    "Intent",
    "PiiKind",
    "PiiMatch",
    "Reading",
    "Subject",
    "Urgency",
]

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

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair: not a character, and cannot be stored or printed as UTF-8."""


class Inbound(BaseModel):
    """One public post to answer.

    ``channel`` is a channel id such as ``x`` or ``facebook`` (see ``carevoice
    channels``); ``name`` and ``handle`` describe the author when known.
    """

    model_config = _FROZEN

    text: str
    channel: str = "x"
    name: str | None = None
    handle: str | None = None
    id: str | None = None
    time: datetime | None = None
    thread_id: str | None = None
    followers: int | None = None

    @field_validator("text", "name")
    @classmethod
    def _replace_lone_surrogates(cls, value: str | None) -> str | None:
        """Free text keeps its meaning with U+FFFD where a lone surrogate was (a cut emoji, a bad byte)."""
        if not value or value.isascii():  # a surrogate is never ASCII: most posts need no search
            return value
        return _LONE_SURROGATE.sub("\ufffd", value)

    @field_validator("id", "handle", "thread_id", "channel")
    @classmethod
    def _refuse_lone_surrogates(cls, value: str | None, info: ValidationInfo) -> str | None:
        """An identifier must stay exactly what it was to be stored and compared: invalid Unicode is refused."""
        found = _LONE_SURROGATE.search(value) if value else None
        if found:
            raise InputError(f"the post's {info.field_name} {value!r} is not valid Unicode "
                             f"(a lone surrogate at position {found.start()})")
        return value


_INBOUND_TEXT = frozenset({"text", "name"})
_INBOUND_IDS = frozenset({"id", "handle", "thread_id", "channel"})


def plain_inbound(fields: dict[str, object]) -> Inbound | None:
    """``Inbound(**fields)`` when the fields are plain values that validation would keep as they are, else None.

    That is: ``text`` a string, ``channel``, ``name``, ``handle``, ``id`` and ``thread_id`` strings
    or None, ``followers`` an int or None, no ``time``, and no lone surrogate anywhere. Such a
    post is built without building pydantic's validator (see :mod:`carevoice._models`); anything
    else (a time to parse, a wrong type, a value the validators change or refuse) is left to
    ``Inbound(**fields)``, with its messages.
    """
    from carevoice._models import build

    if type(fields.get("text")) is not str:
        return None
    for key, value in fields.items():
        if key not in Inbound.model_fields:
            return None
        if value is None:
            continue
        if key in _INBOUND_TEXT or key in _INBOUND_IDS:
            if type(value) is not str or _LONE_SURROGATE.search(value):
                return None
        elif key != "followers" or type(value) is not int:
            return None
    return build(Inbound, **fields)


class PiiMatch(BaseModel):
    """Personal data found in a post: never to be echoed in a public reply."""

    model_config = _FROZEN

    kind: PiiKind
    start: int
    end: int
    text: str


class Details(BaseModel):
    """Details worth echoing in a reply (never personal data)."""

    model_config = _FROZEN

    order_id: str | None = None
    booking_id: str | None = None
    flight: str | None = None
    product: str | None = None
    place: str | None = None
    date: str | None = None
    time: str | None = None
    device: str | None = None
    """The platform or device named (``PS4``, ``iPhone``, ``Android``, ``Windows``)."""
    error: str | None = None
    """An error code quoted by the customer (``CE-43477-5``, ``error 404``)."""
    contacted: str | None = None
    """How the customer already contacted the brand (``dm``, ``email``, ``phone``, ``chat``, ``store``)."""
    tried: str | None = None
    """A fix the customer says they already tried (``restart``, ``reinstall``, ``reset``...)."""
    forgot: str | None = None
    """What the customer says they forgot or no longer have (``email``: the account's e-mail or login details;
    ``phone``: the phone, number or authenticator that gets their codes), so a reply never asks for it."""
    staff: str | None = None
    """A colleague the customer names or describes (``Denise``, ``the driver``, ``the crew``)."""

    def present(self) -> dict[str, str]:
        """The details that were found, by name."""
        from carevoice._models import dump

        return {k: v for k, v in dump(self).items() if v}


class Subject(BaseModel):
    """The specific thing a post is about, as the customer named it and as a reply can name it.

    ``text`` is the span of the post (``my gift card``); ``reply`` is the same
    thing from the brand's side (``your gift card``; the customer's ``your app``
    becomes ``the app``); ``head`` is its main noun; ``plural`` tells the verb
    form. Never personal data.
    """

    model_config = _FROZEN

    text: str
    reply: str
    head: str
    start: int
    end: int
    plural: bool = False


class Reading(BaseModel):
    """What Concentrate read from a post: explainable, rule-based signals."""

    model_config = _FROZEN

    category: Category = "general"
    confidence: float = 0.0
    intent: Intent = "complaint"
    intent2: Intent | None = None
    intent_confidence: float = 0.0
    subject: Subject | None = None
    language: str = "en"
    sarcasm: bool = False
    asks: tuple[str, ...] = ()
    scores: dict[str, float] = Field(default_factory=dict)
    emotion: Emotion = "neutral"
    intensity: float = 0.0
    negative: bool = False
    urgency: tuple[Urgency, ...] = ()
    abusive: bool = False
    spam: bool = False
    praise: bool = False
    question: bool = False
    bereavement: bool = False
    details: Details = Field(default_factory=Details)
    pii: tuple[PiiMatch, ...] = ()
    reasons: tuple[str, ...] = ()
