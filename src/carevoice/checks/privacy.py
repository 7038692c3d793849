"""Personal data and promotional content (CV6xx).

A public reply must never carry an e-mail address, phone, card or account
number or street address (found by :func:`carevoice.concentrate.find_pii`),
nor echo any personal data the customer posted (``reading.pii``). In a
sensitive period (tragedy, disaster) promotional content is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from carevoice._plain import Finding
from carevoice.checks.context import CheckContext
from carevoice.checks.kinds import Existence
from carevoice.checks.rules import RULES
from carevoice.checks.twitter import url_spans

__all__ = ["PRIVACY_CHECKERS", "EchoedData", "PersonalData", "Promotional"]

_KIND_NAMES = {"email": "an e-mail address", "phone": "a phone number", "card": "a card number",
               "account": "an account number", "address": "a street address",
               "identity": "an identity document number"}


def _move_private(ctx: CheckContext) -> str:
    return f"remove it and move to {ctx.profile.private} to handle personal details privately"


@dataclass(frozen=True)
class PersonalData:
    """Flags personal data in a public reply (not inside a link; the brand's ``tone.public_contacts`` excepted)."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per e-mail address, phone, card or account number or address."""
        from carevoice.concentrate import find_pii

        rule = RULES[self.code]
        allowed = {_compact(c) for c in ctx.tone.public_contacts}
        links = url_spans(ctx.text)
        for m in find_pii(ctx.text):
            if _compact(m.text) in allowed or any(a <= m.start and m.end <= b for a, b in links):
                continue
            yield rule.finding(f"{_KIND_NAMES.get(m.kind, m.kind)} in a public reply",
                               span=(m.start, m.end), suggestion=_move_private(ctx))


def _compact(text: str) -> str:
    return re.sub(r"[\s().\-]", "", text).lower()


@dataclass(frozen=True)
class EchoedData:
    """Flags a reply that repeats personal data the customer posted."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per echoed item not already flagged as personal data (ignoring spaces, dots, dashes)."""
        if ctx.reading is None or not ctx.reading.pii:
            return
        from carevoice.concentrate import find_pii

        rule = RULES[self.code]
        flagged = [(m.start, m.end) for m in find_pii(ctx.text)]
        squeezed = [(i, c) for i, c in enumerate(ctx.text) if not re.match(r"[\s().\-]", c)]
        flat = "".join(c for _, c in squeezed).lower()
        for m in ctx.reading.pii:
            needle = _compact(m.text)
            at = flat.find(needle) if len(needle) >= 4 else -1
            if at >= 0:
                span = (squeezed[at][0], squeezed[at + len(needle) - 1][0] + 1)
                if any(a < span[1] and span[0] < b for a, b in flagged):
                    continue  # already a CV601 finding
                yield rule.finding(f"the reply repeats {_KIND_NAMES.get(m.kind, m.kind)} the customer posted",
                                   span=span, suggestion=_move_private(ctx))


@dataclass(frozen=True)
class Promotional:
    """In sensitive mode, flags promotional content."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding per promotional marker, only in sensitive mode."""
        if not ctx.sensitive:
            return
        yield from Existence(self.code, lambda c: [*c.data.promotional, *c.tone.promotional_markers],
                             "{match!r} is promotional; no promotions in a sensitive period",
                             "remove the promotion")(ctx)


PRIVACY_CHECKERS = (PersonalData("CV601"), EchoedData("CV602"), Promotional("CV603"))
"""The personal-data and sensitive-period checkers, in code order."""
