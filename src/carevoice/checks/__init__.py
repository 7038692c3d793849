"""Validators: every draft and hand-written reply is checked before it goes public."""

from __future__ import annotations

from carevoice.bank.resolved import Bank
from carevoice.checks.channels import ChannelProfile, get_channel
from carevoice.draft import Finding

__all__ = ["check", "fits_channel", "measure"]


def measure(text: str, profile: ChannelProfile) -> int:
    """The length of ``text`` in the channel's unit."""
    if profile.unit == "bytes":
        return len(text.encode("utf-8"))
    return len(text)


def fits_channel(text: str, profile: ChannelProfile, bank: Bank | None = None) -> bool:
    """Whether the text is within the channel's limit (a bank may override the limit)."""
    limit = (bank.channel_limits.get(profile.id) if bank else None) or profile.limit
    return limit is None or measure(text, profile) <= limit


def check(text: str, *, channel: str = "x", bank: Bank | None = None) -> list[Finding]:
    """Check a reply for a channel and a brand; return the findings (empty when clean)."""
    profile = get_channel(channel)
    findings: list[Finding] = []
    if not fits_channel(text, profile, bank):
        findings.append(Finding(code="CV201", severity="error", rule="length.channel",
                                message=f"too long for {profile.name}"))
    return findings
