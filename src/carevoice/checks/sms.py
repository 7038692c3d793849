r"""SMS encoding and segments (3GPP TS 23.038).

A message whose characters are all in the GSM-7 default alphabet is sent in
7-bit septets: 160 in one segment, 153 per segment when concatenated, and an
extension-table character (``{ } [ ] ~ | \ ^ €`` and form feed) takes two
septets that never straddle segments. Any other character switches the whole
message to UCS-2: 70 UTF-16 code units, 67 per segment, and a surrogate pair
never straddles segments.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["GSM7_BASIC", "GSM7_EXTENSION", "GSM_SWAPS", "SmsInfo", "gsm_friendly", "non_gsm_characters", "sms_info"]

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
"""The GSM 03.38 default alphabet (one septet each)."""

GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
"""The GSM 03.38 extension table (an escape plus one septet: two each)."""

Encoding = Literal["gsm7", "ucs2"]


class SmsInfo(NamedTuple):
    """How an SMS is sent: encoding, units (septets or UTF-16 code units) and segments."""

    encoding: Encoding
    units: int
    segments: int


GSM_SWAPS = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
             "\u2026": "...", "\u00a0": " "}
"""Typographic characters with a plain GSM-7 twin: one en dash would make a whole SMS UCS-2."""
_TYPOGRAPHY = str.maketrans(GSM_SWAPS)


def gsm_friendly(text: str) -> str:
    """``text`` with dashes, curly quotes and ellipses written the plain way an SMS carries in GSM-7."""
    return text.translate(_TYPOGRAPHY) if not text.isascii() else text


def non_gsm_characters(text: str) -> list[int]:
    """Offsets of the characters that force UCS-2."""
    return [i for i, c in enumerate(text) if c not in GSM7_BASIC and c not in GSM7_EXTENSION]


def _pack(sizes: list[int], single: int, multi: int) -> int:
    """Segments needed for characters of these unit sizes; no character is split."""
    total = sum(sizes)
    if total == 0:
        return 0
    if total <= single:
        return 1
    segments, used = 1, 0
    for size in sizes:
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return segments


_GSM7 = GSM7_BASIC | GSM7_EXTENSION


def _even(units: int, single: int, multi: int) -> int:
    """:func:`_pack` of ``units`` one-unit characters."""
    return 0 if not units else 1 if units <= single else -(-units // multi)


def sms_info(text: str) -> SmsInfo:
    """Return the encoding, units and segment count of ``text`` as an SMS (0 segments when empty)."""
    chars = set(text)
    if chars <= _GSM7:
        if chars.isdisjoint(GSM7_EXTENSION):  # one septet each
            return SmsInfo("gsm7", len(text), _even(len(text), 160, 153))
        sizes = [2 if c in GSM7_EXTENSION else 1 for c in text]
        return SmsInfo("gsm7", sum(sizes), _pack(sizes, 160, 153))
    if max(chars) <= "\uffff":  # one UTF-16 code unit each
        return SmsInfo("ucs2", len(text), _even(len(text), 70, 67))
    sizes = [2 if ord(c) > 0xFFFF else 1 for c in text]
    return SmsInfo("ucs2", sum(sizes), _pack(sizes, 70, 67))
