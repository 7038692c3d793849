"""Shared test helpers: small factories rather than heavy fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from carevoice.draft import Draft

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
SHIPPED_BANKS = ("base", "northwind-air", "parcelpop", "harbour-bank", "tidewave", "loopwork", "crumb-and-co",
                 "northline-rail")


@pytest.fixture(autouse=True)
def _isolated_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real history or bank folders from tests."""
    monkeypatch.setenv("CAREVOICE_HISTORY", str(tmp_path / "history.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CAREVOICE_BANK_PATH", raising=False)
    monkeypatch.delenv("CAREVOICE_CACHE_DIR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def write_bank(tmp_path: Path, text: str, name: str = "t") -> Path:
    """Write a bank file into tmp_path and return its path."""
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


DRAFT_SEEDS = range(8)
"""The seeds :func:`draft_texts` drafts a post with: enough to meet most of a cell's lines."""


def draft_post(bank: str, text: str, seed: int = 0) -> Draft:
    """One draft of ``text`` by a shipped bank, with a fresh in-memory history."""
    from carevoice import Drafter, Inbound
    from carevoice.variation.history import MemoryHistory

    return Drafter(bank, history=MemoryHistory(), seed=seed).draft(Inbound(text=text))


def draft_texts(bank: str, text: str) -> list[str]:
    """The texts of :func:`draft_post` under every seed of :data:`DRAFT_SEEDS` ("" for no text)."""
    return [draft_post(bank, text, seed).text or "" for seed in DRAFT_SEEDS]


@pytest.fixture(autouse=True, scope="session")
def _fast_models_checked() -> None:
    """Every model carevoice builds without validation is compared with pydantic's validation of it."""
    from carevoice import _models

    _models.CHECK = True
