"""Phrase banks: file models, the located loader, inheritance and the registry.

Only the registry and the resolved Bank are imported eagerly; the pydantic file
models and the loader load on first use (they are not needed on a cache hit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carevoice._lazy import lazy_exports
from carevoice.bank.registry import BankInfo, bank_dirs, list_banks, load_bank, shipped_dir, sources_for
from carevoice.bank.resolved import Bank, Phrase, Voice

if TYPE_CHECKING:
    from carevoice.bank.loader import BankSource, check_bank_file, read_bank_file
    from carevoice.bank.models import SITUATIONS, STAGES, BankFile, PhraseSpec

__all__ = [
    "SITUATIONS",
    "STAGES",
    "Bank",
    "BankFile",
    "BankInfo",
    "BankSource",
    "Phrase",
    "PhraseSpec",
    "Voice",
    "bank_dirs",
    "check_bank_file",
    "list_banks",
    "load_bank",
    "read_bank_file",
    "shipped_dir",
    "sources_for",
]

_LAZY = {
    "BankSource": "carevoice.bank.loader",
    "check_bank_file": "carevoice.bank.loader",
    "read_bank_file": "carevoice.bank.loader",
    "SITUATIONS": "carevoice.bank.models",
    "STAGES": "carevoice.bank.models",
    "BankFile": "carevoice.bank.models",
    "PhraseSpec": "carevoice.bank.models",
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())
