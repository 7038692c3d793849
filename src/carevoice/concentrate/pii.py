"""Personal data in text: e-mail addresses, phone, card, account and identity numbers, addresses.

:func:`find_pii` is shared by Concentrate (what the customer shared) and the
validators (a public reply must never echo it), so it favours structure over
guesswork, and reads the words around a number: a number after "order",
"tracking", "ref" or "ticket" is an identifier, not a phone or a card, unless
phone or card words are nearer (the words are data: ``data/concentrate.yaml``).

- **email**: ``local@domain.tld``;
- **phone**: an international number (``+44 20 7946 0958``, ``0044 20 7946
  0958``), a North American one with separators (``(555) 123-4567``), a
  national one with a trunk ``0`` (``07700 900123``, ``(020) 7946 0958``,
  ``06 12 34 56 78``), an Indian or Spanish mobile in its usual groups
  (``98765-43210``, ``612 34 56 78``), or a bare 10-15 digit run right
  after "call me", "phone", "whatsapp" and the like;
- **card**: 13-19 digits, plain or grouped like a card (``4-4-4-4``,
  ``4-6-5``), with a card network's prefix and length (Visa, Mastercard,
  Amex, Discover, JCB, Diners, UnionPay) and a valid Luhn checksum;
- **account**: an IBAN (any case) with its country's length and a valid
  mod-97 checksum, or digits after "account number", "my account is", "acct",
  "sort code", "routing number", "customer number" and the like;
- **identity**: a passport, driving licence, national insurance or social
  security number after its name ("passport no. 925076473"), or a UK
  national insurance number by its shape;
- **address**: see :mod:`carevoice.concentrate.pii_addresses`.

Spans are character offsets into the text given, so ``text[m.start:m.end]
== m.text`` always holds. Overlaps are resolved in the order email, card,
account, identity, phone, address.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache

from carevoice._kinds import PiiKind
from carevoice._models import build
from carevoice._plain import PiiMatch
from carevoice.concentrate.keywords import plain_case
from carevoice.concentrate.lexicon import raw_data
from carevoice.concentrate.pii_addresses import addresses

__all__ = ["find_pii", "iban_valid", "luhn_valid"]

_SEP = "[ .\u00a0-]"
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
    r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_EMAIL_LOCAL = frozenset(string.ascii_letters + string.digits + "._%+-")
_EMAIL_DOMAIN = frozenset(string.ascii_letters + string.digits + "-")
"""The characters an e-mail address has just before and just after its '@'."""
_PHONE = re.compile(
    rf"(?<![\w+/.,:-])(?:\+[0-9]{{1,3}}{_SEP}?)?(?:\([0-9]{{1,5}}\){_SEP}?)?[0-9](?:[0-9]|{_SEP}(?=[0-9])){{5,18}}[0-9]"
    r"(?![0-9]|[\w/%]|[.,:-][0-9])"
)
_PHONE_DIGITS = re.compile(rf"[0-9](?:[0-9]|{_SEP}(?=[0-9])){{5,18}}[0-9]")
"""The run of digits inside every :data:`_PHONE` match (a quicker search: it starts with a digit)."""
_S = "[ .\u00a0-]"
_PHONE_SHAPES = re.compile("|".join((
    rf"(?:1{_S}?)?(?:\([0-9]{{3}}\){_S}?|[0-9]{{3}}{_S})[0-9]{{3}}{_S}[0-9]{{4}}",       # (555) 123-4567
    rf"(?:0[0-9]{{1,4}}|\(0[0-9]{{1,4}}\)){_S}?[0-9]{{3,4}}{_S}?[0-9]{{3,4}}",  # 07700 900123, (020) 7946 0958
    rf"0[1-9](?:{_S}[0-9]{{2}}){{4}}",                                                    # 06 12 34 56 78
    r"[6-9][0-9]{4}[ -][0-9]{5}",                                                         # 98765-43210
    r"[6-9][0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}",                                          # 612 34 56 78
    rf"00[1-9][0-9]{{0,2}}(?:{_S}[0-9]{{1,5}}){{2,5}}",                                   # 0044 20 7946 0958
)))
_CARD = re.compile(r"(?<![0-9.,-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9]|[.,-][0-9])")
_CARD_GROUPS = ((4, 6, 5), (4, 6, 4))
_IBAN = re.compile(r"(?i:\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b)")
_ACCOUNT = re.compile(
    r"(?i:\b(?:account|acct|acc|a/c|iban|sort[ -]?code|routing|customer|member(?:ship)?|card)"
    r"(?:\s*(?:number|num|no\.?|nr|id|#))?(?:\s+(?:is|was|ending\s+in|ending|=))?\s*[:#.]?\s*)"
    r"([0-9](?:[0-9]|[ -](?=[0-9])){4,20}[0-9])(?![0-9]|[.,-][0-9])"
)
_NINO = r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]"
_NINO_ALONE = re.compile(rf"\b{_NINO}\b")
_NINO_DIGITS = re.compile("[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]")
"""The end of every :data:`_NINO_ALONE` match (a quicker search: it starts with a digit)."""
_ACCOUNT_WORDS = ("acc", "a/c", "iban", "sort", "routing", "customer", "member", "card")
"""Some of these (lower-cased) is in every :data:`_ACCOUNT` match."""
_IDENTITY_VALUE = r"([A-Z]{2} [0-9]{2} [0-9]{2} [0-9]{2} [A-D]|[0-9]{3}-[0-9]{2}-[0-9]{4}|[A-Z0-9]{6,20})\b"
_PHONE_WORDS = (r"phone|tel|telephone|mobile|cell|cellphone|whatsapp|call|ring|text\s+me|reach\s+me|reached|"
                r"my\s+number|contact\s+number|num[ée]ro|nummer|m[óo]vil|ll[áa]mame|appelez")
_BARE_PHONE_CONTEXT = re.compile(rf"(?i:\b(?:{_PHONE_WORDS})\b[^0-9\n]{{0,24}})$")


@cache
def _context_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, int],
                                 tuple[str, ...]]:
    data = raw_data()["pii"]

    def words(key: str) -> str:
        return "|".join(sorted((re.escape(str(w)).replace("\\ ", r"\s+") for w in data[key]), key=len,
                               reverse=True))

    before = re.compile(rf"(?i:\b(?:(?P<id>{words('identifier_words')})|(?P<phone>{_PHONE_WORDS})|"
                        rf"(?P<card>{words('card_words')}))\b)")
    after = re.compile(rf"(?i:\W{{0,3}}(?:(?:is|was)\s+)?(?:(?:my|the|our|your)\s+)?"
                       rf"(?:(?P<id>{words('identifier_words')})|(?P<phone>{_PHONE_WORDS})|"
                       rf"(?P<card>{words('card_words')}))\b)")
    identity = re.compile(rf"(?i:\b(?:{words('identity_words')})(?:\s*(?:number|num|no\.?|nr|#|id))?"
                          rf"(?:\s+(?:is|was))?\s*[:#.]?\s*){_IDENTITY_VALUE}", re.I)
    lengths = {str(k).upper(): int(v) for k, v in data["iban_lengths"].items()}
    identity_hint = tuple(sorted({(w.split()[0][:5] if len(w.split()[0]) > 3 else w) for w in
                                  (str(w).lower() for w in data["identity_words"])}))
    return before, after, identity, lengths, identity_hint


def _context(text: str, start: int, end: int) -> str | None:
    """``id``, ``phone`` or ``card``: the nearest such words before the number, else right after it."""
    before, after = _context_patterns()[:2]
    found = None
    for m in before.finditer(text, max(0, start - 40), start):
        found = m.lastgroup
    if found is None:
        next_words = after.match(text, end, min(len(text), end + 30))
        found = next_words.lastgroup if next_words else None
    return found


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
    """Tell whether ``iban`` (spaces and any case allowed) has its country's length and a valid mod-97 checksum."""
    compact = iban.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34) or not compact.isascii() or not compact.isalnum():
        return False
    if _context_patterns()[3].get(compact[:2]) != len(compact):
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


def _card_network(digits: str) -> bool:
    """Tell whether the prefix and length are a card network's (Visa, Mastercard, Amex, ...)."""
    n, two, three, four = len(digits), int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4":
        return n in (13, 16, 19)
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return n == 16
    if two in (34, 37):
        return n == 15
    if two in (36, 38, 39) or 300 <= three <= 305 or 3528 <= four <= 3589:
        return 14 <= n <= 19
    return (four == 6011 or two in (62, 65) or 644 <= three <= 649) and 16 <= n <= 19


def _card_shape(candidate: str) -> bool:
    digits = _digits(candidate)
    if not (13 <= len(digits) <= 19) or not _card_network(digits) or not luhn_valid(digits):
        return False
    groups = tuple(len(g) for g in re.split(r"[ -]", candidate))
    if len(groups) == 1:
        return True
    if len(set(re.findall(r"[ -]", candidate))) > 1:
        return False
    return groups in _CARD_GROUPS or (all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4)


def _phone_shape(candidate: str, text: str, start: int, end: int) -> bool:
    digits = _digits(candidate)
    if not (7 <= len(digits) <= 15):
        return False
    if candidate.startswith("+"):
        return len(digits) >= 8
    context = _context(text, start, end)
    if context in ("id", "card"):
        return False
    if _PHONE_SHAPES.fullmatch(candidate):
        return not (candidate.startswith("0") and candidate.isdigit()) or len(digits) in (10, 11)
    plain = candidate.replace(" ", "").replace("\u00a0", "")
    return 10 <= len(digits) <= 15 and plain.isdigit() and bool(_BARE_PHONE_CONTEXT.search(text, 0, start))


def _cards(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    for m in _CARD.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            if _card_shape(text[s:e]):
                # an unbroken run after "order" or "tracking" is that number; grouped 4-4-4-4 is a card
                if not (text[s:e].isdigit() and _context(text, s, e) == "id"):
                    yield "card", s, e
                break


def _phones(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    if _PHONE_DIGITS.search(text) is None:
        return  # a quick look for the run of digits every phone number has
    for m in _PHONE.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            candidate = text[s:e]
            if s > m.start() and candidate[0] in "+(":
                continue
            if _phone_shape(candidate, text, s, e):
                yield "phone", s, e
                break


def _accounts(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    for m in _IBAN.finditer(text):
        for s, e in _chunks(m.group(), m.start()):
            if s == m.start() and iban_valid(text[s:e]):
                yield "account", s, e
                break
    if plain_case(text) and not any(map(text.lower().__contains__, _ACCOUNT_WORDS)):
        return
    for m in _ACCOUNT.finditer(text):
        if 6 <= len(_digits(m.group(1))) <= 20:
            yield "account", m.start(1), m.end(1)


def _identities(text: str) -> Iterator[tuple[PiiKind, int, int]]:
    patterns = _context_patterns()
    low = text.lower()
    if any(map(low.__contains__, patterns[4])):
        for m in patterns[2].finditer(text):
            if len(_digits(m.group(1))) >= 4:
                yield "identity", m.start(1), m.end(1)
    if _NINO_DIGITS.search(text) is not None:
        for m in _NINO_ALONE.finditer(text):
            yield "identity", m.start(), m.end()


def _may_be_email(text: str) -> bool:
    """Tell whether some '@' has a local part's character before it and a domain's after it (as every e-mail has).

    A handle ("@AmazonHelp") has neither: the e-mail pattern need not search a post full of them.
    """
    at = text.find("@", 1)
    while at != -1:
        if text[at - 1] in _EMAIL_LOCAL and text[at + 1:at + 2] in _EMAIL_DOMAIN:
            return True
        at = text.find("@", at + 1)
    return False


def find_pii(text: str) -> tuple[PiiMatch, ...]:
    """Every piece of personal data in ``text``, in order, without overlaps.

    >>> [(m.kind, m.text) for m in find_pii("mail me at ann@example.com or call +44 20 7946 0958")]
    [('email', 'ann@example.com'), ('phone', '+44 20 7946 0958')]
    """
    digits = sum(map(text.count, "0123456789"))
    found: list[tuple[PiiKind, int, int]] = []
    if "@" in text and _may_be_email(text):
        found.extend(("email", m.start(), m.end()) for m in _EMAIL.finditer(text))
    if not digits:
        return tuple(build(PiiMatch, kind=kind, start=s, end=e, text=text[s:e]) for kind, s, e in found)
    finders = [_cards] if digits >= 13 else []
    finders += [_accounts, _identities, _phones] if digits >= 6 else [_identities] if digits >= 4 else []
    finders.append(addresses)
    for finder in finders:
        for kind, start, end in finder(text):
            if start < end and not any(start < e and s < end for _, s, e in found):
                found.append((kind, start, end))
    found.sort(key=lambda f: f[1])
    return tuple(build(PiiMatch, kind=kind, start=s, end=e, text=text[s:e]) for kind, s, e in found)
