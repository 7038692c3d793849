"""The inbound post and what Concentrate reads from it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from carevoice._kinds import CATEGORIES, INTENTS, Category, Emotion, Intent, PiiKind, Urgency
from carevoice._plain import _LONE_SURROGATE
from carevoice._plain import plain_inbound as plain_inbound
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

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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
        from carevoice._plain import details_present

        return details_present(self)


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
