"""The pydantic models of carevoice's data files: channel profiles, default tone data, twitter-text's config.

They live apart from the modules that read them (:mod:`carevoice.checks.channels`,
:mod:`carevoice.checks.context`, :mod:`carevoice.checks.twitter`, which export them), so that a
command-line draft reading them from the user cache imports no pydantic (see :mod:`carevoice._plain`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from carevoice._plain import reduce_model

__all__ = ["ChannelProfile", "ToneData", "TwitterConfig"]


class ChannelProfile(BaseModel):
    """How a channel counts length, its limit, and its practice targets."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    name: str
    limit: int | None
    unit: Literal["weighted", "chars", "bytes", "segments"]
    private: str
    public: bool
    acknowledge_minutes: int
    source: str

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_model(self)


class ToneData(BaseModel):
    """The default lists of ``carevoice/data/tone.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    blame: tuple[str, ...] = ()
    sarcasm: tuple[str, ...] = ()
    condescension: tuple[str, ...] = ()
    forbidden_promises: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    preferred: dict[str, str] = Field(default_factory=dict)
    acronyms: tuple[str, ...] = ()
    apology: tuple[str, ...] = ()
    acknowledgement: tuple[str, ...] = ()
    next_step: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    promotional: tuple[str, ...] = ()
    deflection: tuple[str, ...] = ()
    breezy: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_model(self)


class _Range(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    start: int
    end: int
    weight: int

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_model(self)


class TwitterConfig(BaseModel):
    """A twitter-text configuration (the fields of ``config/v*.json``)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True, defer_build=True)

    version: int = 3
    maxWeightedTweetLength: int = 280
    scale: int = 100
    defaultWeight: int = 200
    emojiParsingEnabled: bool = False
    transformedURLLength: int = 23
    ranges: tuple[_Range, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_model(self)
