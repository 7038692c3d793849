"""Channel profiles (data in ``carevoice/data/channels.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from carevoice.errors import UnknownChoiceError

__all__ = ["ChannelProfile", "channel_ids", "channels", "get_channel"]


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


@lru_cache(maxsize=1)
def channels() -> dict[str, ChannelProfile]:
    """Every known channel profile, by id (read once, then kept in the user cache)."""
    from carevoice._cache import cached_build, data_file, models_stamp

    return cached_build("channels", [data_file("channels.yaml"), Path(__file__)], _read_channels, _valid,
                        stamp=models_stamp())


def _read_channels() -> dict[str, ChannelProfile]:
    from importlib.resources import files  # only a cache miss reads the data file

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(files("carevoice.data").joinpath("channels.yaml").read_text(encoding="utf-8"), Loader=loader)
    return {k: ChannelProfile(id=k, **v) for k, v in raw.items()}


def _valid(value: Any) -> bool:
    return type(value) is dict and bool(value) and all(
        type(k) is str and type(v) is ChannelProfile and v.id == k for k, v in value.items())


def channel_ids() -> list[str]:
    """Return the ids of the known channels, in file order."""
    return list(channels())


def get_channel(channel_id: str) -> ChannelProfile:
    """Return the profile of a channel; :class:`UnknownChoiceError` names the valid ids."""
    try:
        return channels()[channel_id]
    except KeyError:
        raise UnknownChoiceError("channel", channel_id, channel_ids()) from None
