"""Shared test helpers: small factories rather than heavy fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture(autouse=True, scope="session")
def _fast_models_checked() -> None:
    """Every model carevoice builds without validation is compared with pydantic's validation of it."""
    from carevoice import _models

    _models.CHECK = True
