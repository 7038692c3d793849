"""Phrase banks: file models, the located loader, inheritance and the registry."""

from carevoice.bank.loader import BankSource, check_bank_file, read_bank_file
from carevoice.bank.models import SITUATIONS, STAGES, BankFile, PhraseSpec
from carevoice.bank.registry import BankInfo, bank_dirs, list_banks, load_bank, shipped_dir, sources_for
from carevoice.bank.resolved import Bank, Phrase, Voice

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


def load_bank_file(path: str) -> Bank:
    """Load one bank file by path (helper for quick checks)."""
    return load_bank(path)
