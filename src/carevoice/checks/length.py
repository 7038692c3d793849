"""Channel length (CV2xx): measure a reply in its channel's unit and compare with the limit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from carevoice._plain import Finding
from carevoice.bank.resolved import Bank
from carevoice.checks.context import CheckContext
from carevoice.checks.rules import RULES
from carevoice.checks.sms import GSM_SWAPS, non_gsm_characters, sms_info
from carevoice.checks.twitter import reply_length

if TYPE_CHECKING:
    from carevoice.checks._data_models import ChannelProfile

__all__ = ["LENGTH_CHECKERS", "ChannelLength", "SmsUnicode", "channel_limit", "length_report", "measure"]

_UNIT_NAMES = {"weighted": "weighted characters", "chars": "characters", "bytes": "bytes", "segments": "segments"}


def measure(text: str, profile: ChannelProfile) -> int:
    """Return the length of ``text`` in the channel's unit (X: weighted, without leading @mentions)."""
    if profile.unit == "weighted":
        return reply_length(text)
    if profile.unit == "bytes":
        return len(text.encode("utf-8", "surrogatepass"))
    if profile.unit == "segments":
        return sms_info(text).segments
    return len(text)


def channel_limit(profile: ChannelProfile, bank: Bank | None = None) -> int | None:
    """Return the channel's limit, or the bank's override of it (``None``: no limit)."""
    override = bank.channel_limits.get(profile.id) if bank is not None else None
    return override if override is not None else profile.limit


def length_report(text: str, profile: ChannelProfile, bank: Bank | None = None) -> dict[str, Any]:
    """``length``, ``limit`` and ``unit`` (plus ``segments``, ``encoding``, ``units`` for SMS), JSON-ready."""
    out: dict[str, Any] = {"length": measure(text, profile), "limit": channel_limit(profile, bank),
                           "unit": _UNIT_NAMES[profile.unit]}
    if profile.unit == "segments":
        info = sms_info(text)
        out.update(segments=info.segments, encoding=info.encoding, units=info.units)
    return out


@dataclass(frozen=True)
class ChannelLength:
    """Flags a reply over its channel's limit, saying by how much."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """At most one finding: length, limit and the excess."""
        limit = channel_limit(ctx.profile, ctx.bank)
        length = measure(ctx.text, ctx.profile)
        if limit is None or length <= limit:
            return
        unit = _UNIT_NAMES[ctx.profile.unit]
        extra = ""
        if ctx.profile.unit == "segments":
            info = sms_info(ctx.text)
            extra = f" ({info.units} {'GSM-7 septets' if info.encoding == 'gsm7' else 'UCS-2 code units'})"
        yield RULES[self.code].finding(
            f"too long for {ctx.profile.name}: {length} {unit}{extra}, limit {limit} ({length - limit} over)",
            suggestion="shorten it or drop an optional part; never cut mid-sentence",
        )


@dataclass(frozen=True)
class SmsUnicode:
    """On SMS, flags characters that force UCS-2 (70 characters a segment instead of 160)."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """At most one finding, at the first character outside GSM-7, with a GSM-7 replacement if any."""
        if ctx.profile.unit != "segments":
            return
        offsets = non_gsm_characters(ctx.text)
        if not offsets:
            return
        i, c = offsets[0], ctx.text[offsets[0]]
        others = f" (and {len(offsets) - 1} more)" if len(offsets) > 1 else ""
        yield RULES[self.code].finding(
            f"{c!r} (U+{ord(c):04X}){others} switches the SMS to UCS-2: 70 characters a segment, not 160",
            span=(i, i + 1), suggestion=GSM_SWAPS.get(c))


LENGTH_CHECKERS = (ChannelLength("CV201"), SmsUnicode("CV202"))
"""The length checkers, in code order."""
