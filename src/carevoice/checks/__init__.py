"""Validators: every draft and hand-written reply is checked before it goes public.

:func:`check` runs every rule of the CV2xx-CV6xx families (channel length,
tone, CATER structure, readability, personal data and sensitive periods) and
returns their findings; :func:`measure` gives a reply's length in its
channel's unit. The rules and their examples are in :mod:`.rules`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from carevoice._plain import Finding, Reading
from carevoice.bank.resolved import Bank
from carevoice.checks.channels import get_channel
from carevoice.checks.context import CheckContext, rule_enabled
from carevoice.checks.kinds import Checker
from carevoice.checks.length import LENGTH_CHECKERS, channel_limit, length_report, measure
from carevoice.checks.privacy import PRIVACY_CHECKERS
from carevoice.checks.readability import Readability
from carevoice.checks.rules import RULES
from carevoice.checks.structure import STRUCTURE_CHECKERS
from carevoice.checks.tone import TONE_CHECKERS

if TYPE_CHECKING:
    from carevoice.checks._data_models import ChannelProfile

__all__ = ["CHECKERS", "channel_limit", "check", "fits_channel", "length_report", "measure"]

CHECKERS: tuple[Checker, ...] = (*LENGTH_CHECKERS, *TONE_CHECKERS, *STRUCTURE_CHECKERS, Readability("CV501"),
                                 *PRIVACY_CHECKERS)
"""Every checker, in code order."""


def fits_channel(text: str, profile: ChannelProfile, bank: Bank | None = None) -> bool:
    """Whether the text is within the channel's limit (a bank may override the limit)."""
    limit = channel_limit(profile, bank)
    return limit is None or measure(text, profile) <= limit


def check(
    text: str,
    *,
    channel: str = "x",
    bank: Bank | None = None,
    reading: Reading | None = None,
    stages: Sequence[str] | None = None,
    sensitive: bool = False,
) -> list[Finding]:
    """Check a reply for a channel and a brand; return the findings (empty when clean).

    ``reading`` (what Concentrate read from the post) enables the checks that
    depend on the post; ``stages`` (the CATER stages a draft was built from, in
    order) replace guessing the structure from the text; ``sensitive`` (or the
    bank's flag) makes promotional content an error. Findings come in code
    order, then by position.

    >>> [f.code for f in check("Calm down!! As I already said, it SHIPPED.")]
    ['CV301', 'CV302', 'CV304', 'CV305']
    """
    ctx = CheckContext(text=text, profile=get_channel(channel), bank=bank, reading=reading,
                       stages=tuple(stages) if stages is not None else None,
                       sensitive=sensitive or (bank is not None and bank.sensitive))
    findings: list[Finding] = []
    for checker in _enabled(CHECKERS, tuple(ctx.tone.disabled_rules)):
        findings.extend(checker(ctx))
    return findings


_ENABLED: dict[tuple[int, tuple[str, ...]], tuple[tuple[Checker, ...], tuple[Checker, ...]]] = {}


def _enabled(checkers: tuple[Checker, ...], disabled: tuple[str, ...]) -> tuple[Checker, ...]:
    """The checkers whose rules ``disabled`` leaves on (:meth:`CheckContext.enabled`), once per setting."""
    key = (id(checkers), disabled)
    known = _ENABLED.get(key)
    if known is None or known[0] is not checkers:
        on = tuple(c for c in checkers if rule_enabled(disabled, RULES[c.code].code, RULES[c.code].name))
        known = _ENABLED[key] = (checkers, on)
    return known[1]
