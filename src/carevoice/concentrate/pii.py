"""Personal data in text: e-mail addresses, phone, card and account numbers, addresses.

:func:`find_pii` is shared by Concentrate (what the customer shared) and the
validators (a public reply must never echo it), so it favours structure over
guesswork:

- **email**: ``local@domain.tld``;
- **phone**: an international number (``+44 20 7946 0958``), a North
  American one with separators (``(555) 123-4567``), a national one with a
  trunk ``0`` (``07700 900123``), or a bare 10-15 digit run right after
  "call me", "phone", "whatsapp" and the like. Order numbers, dates, times
  and prices do not have these shapes;
- **card**: 13-19 digits, plain or grouped like a card (``4-4-4-4``,
  ``4-6-5``), with a card-network first digit and a valid Luhn checksum;
- **account**: an IBAN with a valid mod-97 checksum, or digits after
  "account number", "acct", "sort code", "routing number", "customer
  number" and the like;
- **address**: a house number and a street name with a street word
  (``12 Baker Street``, ``221B Baker St``), a flat or suite number
  (``Apt 4``), a PO box or a UK postcode.

Spans are character offsets into the text given, so ``text[m.start:m.end]
== m.text`` always holds. Overlaps are resolved in the order email, card,
account, phone, address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from carevoice.concentrate.lexicon import raw_data
from carevoice.inbound import PiiKind, PiiMatch

__all__ = ["find_pii", "iban_valid", "luhn_valid"]

_SEP = "[ .\u00a0-]"
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
    r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_PHONE = re.compile(
    rf"(?<![\w+/.,:-])(?:\+[0-9]{{1,3}}{_SEP}?)?(?:\([0-9]{{1,5}}\){_SEP}?)?[0-9](?:[0-9]|{_SEP}(?=[0-9])){{5,18}}[0-9]"
    r"(?![0-9]|[\w/%]|[.,:-][0-9])"
)
_NANP = re.compile(r"(?:1[ .-]?)?(?:\([0-9]{3}\)[ .\u00a0-]?|[0-9]{3}[ .\u00a0-])[0-9]{3}[ .\u00a0-][0-9]{4}")
_NATIONAL = re.compile(r"0[0-9]{1,4}[ .\u00a0-]?[0-9]{3,4}[ .\u00a0-]?[0-9]{3,4}")
_PHONE_CONTEXT = re.compile(
    r"(?i:\b(?:phone|tel|telephone|mobile|cell|cellphone|whatsapp|call\s+me|text\s+me|reach\s+me|reached)"
    r"\b[^0-9\n]{0,24})$"
)
_CARD = re.compile(r"(?<![0-9.,-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9]|[.,-][0-9])")
_CARD_GROUPS = ((4, 6, 5), (4, 6, 4))
_IBAN = re.compile(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_ACCOUNT = re.compile(
    r"(?i:\b(?:account|acct|acc|a/c|iban|sort[ -]?code|routing|customer|member(?:ship)?|card)"
    r"(?:\s*(?:number|num|no\.?|nr|id|#))?\s*[:#.]?\s*)"
    r"([0-9](?:[0-9]|[ -](?=[0-9])){4,20}[0-9])(?![0-9]|[.,-][0-9])"
)
_UNIT = re.compile(r"\b(?:(?i:apt|apartment|suite)|Flat|FLAT|Unit|UNIT)\.?\s{0,2}#?\s{0,2}[0-9]{1,5}[A-Za-z]?\b")
_PO_BOX = re.compile(r"\b(?i:p\.?\s?o\.?\s?box)\s{0,2}[0-9]{1,7}\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}\b")
_HOUSE_NUMBER = re.compile(r"[0-9][A-Za-z]?,? +[A-Za-z]")
"""Cheap check before the street patterns: a number, a space and a word."""
_UNIT_HINTS = ("apt", "apartment", "suite", "flat", "unit", "box")
_NOT_POSTCODE = frozenset({"GB", "TB", "MB", "KB", "PM", "HZ"})
"""Sizes and times that look like an inward postcode ("PS4 1TB")."""


@cache
def _address_stopwords() -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw_data()["pii"]["not_street_names"])


@cache
def _street_patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    data = raw_data()["pii"]
    suffixes = "|".join(sorted((re.escape(str(s)) for s in data["street_suffixes"]), key=len, reverse=True))
    plain = "|".join(sorted((re.escape(str(s)) for s in data["plain_suffixes"]), key=len, reverse=True))
    capital = re.compile(rf"\b[0-9]{{1,5}}[A-Za-z]?(?:,?[ ]+[A-Z][A-Za-z'\u2019.-]*){{1,3}}[ ]+(?i:{suffixes})\b\.?")
    lower = re.compile(rf"\b[0-9]{{1,5}}[a-z]?((?:[ ]+[a-z]{{3,}}){{1,2}})[ ]+(?:{plain})\b\.?")
    hints = tuple(f" {s}" for s in data["plain_suffixes"])
    return capital, lower, hints


def luhn_valid(digits: str) -> bool:
    """Tell whether the ASCII digit string passes the Luhn checksum."""
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = ord(ch) - 48
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_valid(iban: str) -> bool:
    """Tell whether ``iban`` (spaces allowed) has a plausible length and a valid mod-97 checksum."""
    compact = iban.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34) or not compact.isascii() or not compact.isalnum():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _digits(text: str) -> str:
    return "".join(ch for ch in text if "0" <= ch <= "9")


def _chunks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Sub-spans of a candidate on whitespace boundaries, longest first."""
    parts = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^ \u00a0]+", text)]
    for size in range(len(parts), 0, -1):
        for i in range(len(parts) - size + 1):
            yield parts[i][0], parts[i + size - 1][1]


def _card_shape(candidate: str) -> bool:
    digits = _digits(candidate)
    if not (13 <= len(digits) <= 19) or digits[0] not in "23456" or not luhn_valid(digits):
        return False
    groups = tuple(len(g) for g in re.split(r"[ -]", candidate))
    if len(groups) == 1:
        return True
    if len(set(re.findall(r"[ -]", candidate))) > 1:
        return False
    return groups in _CARD_GROUPS or (all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4)


def _phone_shape(candidate: str, before: str) -> bool:
    digits = _digits(candidate)
    if not (7 <= len(digits) <= 15):
        return False
    if candidate.startswith("+"):
        return len(digits) >= 8
    if _NANP.fullmatch(candidate) or (_NATIONAL.fullmatch(candidate) and 10 <= len(digits) <= 11):
        return True
    plain = candidate.replace(" ", "").replace("\u00a0", "")
    return 10 <= len(digits) <= 15 and plain.isdigit() and bool(_PHONE_CONTEXT.search(before))


def _cards(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    for m in _CARD.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            if _card_shape(text[s:e]):
                yield "card", s, e
                break


def _phones(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    for m in _PHONE.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            candidate = text[s:e]
            if s > m.start() and candidate[0] in "+(":
                continue
            if _phone_shape(candidate, text[max(0, s - 40) : s]):
                yield "phone", s, e
                break


def _accounts(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    for m in _IBAN.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            if s == m.start() and iban_valid(text[s:e]):
                yield "account", s, e
                break
    for m in _ACCOUNT.finditer(text):
        if 6 <= len(_digits(m.group(1))) <= 20:
            yield "account", m.start(1), m.end(1)


def _addresses(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    capital, lower, hints = _street_patterns()
    low = text.lower()
    if _HOUSE_NUMBER.search(text):
        for m in capital.finditer(text):
            yield "address", m.start(), m.end()
        if any(hint in low for hint in hints):
            for m in lower.finditer(text):
                if not any(word in _address_stopwords() for word in m.group(1).split()):
                    yield "address", m.start(), m.end()
    if any(hint in low for hint in _UNIT_HINTS):
        for pattern in (_UNIT, _PO_BOX):
            for m in pattern.finditer(text):
                yield "address", m.start(), m.end()
    for m in _POSTCODE.finditer(text):
        if m.group()[-2:] not in _NOT_POSTCODE:
            yield "address", m.start(), m.end()


def find_pii(text: str) -> tuple[PiiMatch, ...]:
    """Every piece of personal data in ``text``, in order, without overlaps.

    >>> [(m.kind, m.text) for m in find_pii("mail me at ann@example.com or call +44 20 7946 0958")]
    [('email', 'ann@example.com'), ('phone', '+44 20 7946 0958')]
    """
    digits = sum(map(text.count, "0123456789"))
    found: list[tuple[PiiKind, int, int]] = []
    if "@" in text:
        found.extend(("email", m.start(), m.end()) for m in _EMAIL.finditer(text))
    if not digits:
        return tuple(PiiMatch(kind=kind, start=s, end=e, text=text[s:e]) for kind, s, e in found)
    finders = [_addresses]
    if digits >= 6:
        finders = [_cards, _accounts, _phones, _addresses] if digits >= 13 else [_accounts, _phones, _addresses]
    for finder in finders:
        for kind, start, end in finder(text):
            if start < end and not any(start < e and s < end for _, s, e in found):
                found.append((kind, start, end))
    found.sort(key=lambda f: f[1])
    return tuple(PiiMatch(kind=kind, start=s, end=e, text=text[s:e]) for kind, s, e in found)
