"""Channel profiles (data in ``carevoice/data/channels.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carevoice._plain import PLAIN, restored_class
from carevoice.errors import UnknownChoiceError

if TYPE_CHECKING:
    from carevoice.checks._data_models import ChannelProfile

__all__ = ["ChannelProfile", "channel_ids", "channels", "get_channel"]

_PROFILE = "carevoice.checks._data_models:ChannelProfile"


def __getattr__(name: str) -> Any:
    if name == "ChannelProfile":  # the model imports pydantic: only when asked for
        from carevoice.checks._data_models import ChannelProfile

        return ChannelProfile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def channels() -> dict[str, ChannelProfile]:
    """Every known channel profile, by id (read once, then kept in the user cache)."""
    return _channels(PLAIN[0])


@lru_cache(maxsize=2)
def _channels(plain: bool) -> dict[str, ChannelProfile]:
    """:func:`channels`, once as pydantic models and once as their plain twins (see :mod:`carevoice._plain`)."""
    from carevoice._cache import cached_build, data_file, models_stamp

    return cached_build("channels", [data_file("channels.yaml"), Path(__file__)], _read_channels, _valid,
                        stamp=models_stamp())


def _read_channels() -> dict[str, ChannelProfile]:
    from importlib.resources import files  # only a cache miss reads the data file

    import yaml

    from carevoice.checks._data_models import ChannelProfile

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(files("carevoice.data").joinpath("channels.yaml").read_text(encoding="utf-8"), Loader=loader)
    return {k: ChannelProfile(id=k, **v) for k, v in raw.items()}


def _valid(value: Any) -> bool:
    kind = restored_class(_PROFILE)
    return type(value) is dict and bool(value) and all(
        type(k) is str and type(v) is kind and v.id == k for k, v in value.items())


def channel_ids() -> list[str]:
    """Return the ids of the known channels, in file order."""
    return list(channels())


def get_channel(channel_id: str) -> ChannelProfile:
    """Return the profile of a channel; :class:`UnknownChoiceError` names the valid ids."""
    try:
        return channels()[channel_id]
    except KeyError:
        raise UnknownChoiceError("channel", channel_id, channel_ids()) from None
