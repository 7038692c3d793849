"""carevoice: empathetic, on-brand, never-scripted replies for social customer care.

The public API is what ``__all__`` lists; every other module is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carevoice._lazy import lazy_exports

if TYPE_CHECKING:
    from carevoice.bank import Bank, Phrase, list_banks, load_bank
    from carevoice.checks import check
    from carevoice.draft import Draft, Finding, StageChoice
    from carevoice.drafter import Drafter
    from carevoice.errors import (
        BankError,
        BankNotFoundError,
        CareVoiceError,
        ConfigError,
        DraftBlockedError,
        HistoryError,
        HistoryUnavailableError,
        InputError,
        NearDuplicateError,
        OutputError,
        RenderError,
        UnknownChoiceError,
    )
    from carevoice.inbound import Details, Inbound, PiiMatch, Reading
    from carevoice.triage import Triage
    from carevoice.variation import Accepted, History, MemoryHistory, ReplyRecord, open_history
    from carevoice.variation.postgres import PostgresHistory
    from carevoice.variation.sqlite import SQLiteHistory

__all__ = [
    "Accepted",
    "Bank",
    "BankError",
    "BankNotFoundError",
    "CareVoiceError",
    "ConfigError",
    "Details",
    "Draft",
    "DraftBlockedError",
    "Drafter",
    "Finding",
    "History",
    "HistoryError",
    "HistoryUnavailableError",
    "Inbound",
    "InputError",
    "MemoryHistory",
    "NearDuplicateError",
    "OutputError",
    "Phrase",
    "PiiMatch",
    "PostgresHistory",
    "Reading",
    "RenderError",
    "ReplyRecord",
    "SQLiteHistory",
    "StageChoice",
    "Triage",
    "UnknownChoiceError",
    "check",
    "list_banks",
    "load_bank",
    "open_history",
]

_LAZY: dict[str, str] = {
    "Accepted": "carevoice.variation",
    "Bank": "carevoice.bank",
    "BankError": "carevoice.errors",
    "BankNotFoundError": "carevoice.errors",
    "CareVoiceError": "carevoice.errors",
    "ConfigError": "carevoice.errors",
    "Details": "carevoice.inbound",
    "Draft": "carevoice.draft",
    "DraftBlockedError": "carevoice.errors",
    "Drafter": "carevoice.drafter",
    "Finding": "carevoice.draft",
    "History": "carevoice.variation",
    "HistoryError": "carevoice.errors",
    "HistoryUnavailableError": "carevoice.errors",
    "Inbound": "carevoice.inbound",
    "InputError": "carevoice.errors",
    "MemoryHistory": "carevoice.variation",
    "NearDuplicateError": "carevoice.errors",
    "OutputError": "carevoice.errors",
    "Phrase": "carevoice.bank",
    "PiiMatch": "carevoice.inbound",
    "PostgresHistory": "carevoice.variation.postgres",
    "Reading": "carevoice.inbound",
    "RenderError": "carevoice.errors",
    "ReplyRecord": "carevoice.variation",
    "SQLiteHistory": "carevoice.variation.sqlite",
    "Triage": "carevoice.triage",
    "StageChoice": "carevoice.draft",
    "UnknownChoiceError": "carevoice.errors",
    "check": "carevoice.checks",
    "list_banks": "carevoice.bank",
    "load_bank": "carevoice.bank",
    "open_history": "carevoice.variation",
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())
"""Import public names on first use, so ``carevoice --version`` starts fast."""


def __dir__() -> list[str]:
    return sorted(__all__)
