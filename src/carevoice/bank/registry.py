"""Finding banks by name: shipped banks, local folders, and explicit paths."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carevoice.bank.resolved import Bank
from carevoice.errors import BankError, BankNotFoundError

if TYPE_CHECKING:
    from carevoice.bank.loader import BankSource

__all__ = ["BankInfo", "bank_dirs", "find_bank_file", "list_banks", "load_bank", "shipped_dir", "sources_for"]

ENV_PATH = "CAREVOICE_BANK_PATH"


def shipped_dir() -> Path:
    """The folder of the banks shipped with carevoice (package data, or the source tree)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "phrasebanks"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "phrasebanks"


def bank_dirs(extra: Sequence[str | Path] | None = None) -> list[Path]:
    """Folders searched for banks, first match wins: extra, $CAREVOICE_BANK_PATH, ./phrasebanks, shipped."""
    dirs = [Path(d) for d in extra or []]
    env = os.environ.get(ENV_PATH, "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    local = Path.cwd() / "phrasebanks"
    if local.is_dir():
        dirs.append(local)
    dirs.append(shipped_dir())
    out: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [o.resolve() for o in out]:
            out.append(d)
    return out


@dataclass(frozen=True)
class BankInfo:
    """A bank found on the search path."""

    name: str
    path: Path
    shipped: bool


def list_banks(extra: Sequence[str | Path] | None = None) -> list[BankInfo]:
    """Every bank on the search path, by name (a local bank hides a shipped one of the same name)."""
    shipped = shipped_dir().resolve()
    found: dict[str, BankInfo] = {}
    for d in bank_dirs(extra):
        for f in sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml")):
            if f.stem not in found:
                found[f.stem] = BankInfo(f.stem, f, f.resolve().parent == shipped)
    return [found[k] for k in sorted(found)]


_NAME = re.compile(r"^[a-z0-9][a-z0-9\-]*$")


def find_bank_file(name: str, near: Path | None = None, extra: Sequence[str | Path] | None = None) -> Path:
    """The file of the bank named ``name``: next to ``near``, then on the search path; else BankNotFoundError."""
    if not _NAME.match(name):  # a name, never a path: a lookup cannot leave the bank folders
        raise BankNotFoundError(name, [b.name for b in list_banks(extra)])
    dirs = ([near] if near else []) + bank_dirs(extra)
    for d in dirs:
        for ext in (".yaml", ".yml"):
            p = d / f"{name}{ext}"
            if p.is_file():
                return p
    raise BankNotFoundError(name, [b.name for b in list_banks(extra)])


def sources_for(name_or_path: str | Path, extra: Sequence[str | Path] | None = None) -> list[BankSource]:
    """The chain of bank files (base first) for a bank name or file path; located errors."""
    path = _top_file(name_or_path, extra)
    from carevoice.bank.loader import check_bank_file, read_bank_file

    chain: list[BankSource] = []
    seen: list[str] = []
    while True:
        source = read_bank_file(path)
        problems = check_bank_file(source)
        if problems:
            raise problems[0]
        if source.model.bank in seen:
            raise BankError(f"'extends' makes a cycle: {' -> '.join([*seen, source.model.bank])}",
                            file=source.file, line=source.locate(("extends",))[0], code="CV108")
        seen.append(source.model.bank)
        chain.append(source)
        parent = source.model.extends
        if parent is None:
            break
        if len(chain) > 8:
            raise BankError("'extends' chain deeper than 8 banks", file=source.file, code="CV108")
        try:
            path = find_bank_file(parent, source.path.parent, extra)
        except BankNotFoundError as exc:
            line, col = source.locate(("extends",))
            raise BankError(str(exc).replace("unknown brand", "unknown parent bank"), file=source.file,
                            line=line, column=col, key_path="extends", code="CV108") from None
    chain.reverse()
    return chain


def load_bank(name_or_path: str | Path, *, search: Sequence[str | Path] | None = None, cache: bool = True) -> Bank:
    """Load and resolve a bank by name (``"parcelpop"``) or path; raise a located :class:`BankError`.

    A resolved bank is cached (see :mod:`carevoice.bank.cache`) until one of its files changes.
    """
    from carevoice.bank.cache import read_cached, write_cached

    top = _top_file(name_or_path, search)
    key = "|".join([str(top.resolve()), *(str(d.resolve()) for d in bank_dirs(search))])
    if cache:
        hit = read_cached(key)
        if hit is not None:
            return hit
    from carevoice.bank.loader import resolve

    bank = resolve(sources_for(top, search))
    if cache:
        write_cached(key, bank)
    return bank


def _top_file(name_or_path: str | Path, extra: Sequence[str | Path] | None) -> Path:
    p = Path(name_or_path)
    if isinstance(name_or_path, Path) or p.suffix in (".yaml", ".yml") or os.sep in str(name_or_path):
        if not p.is_file():
            raise BankError(f"no bank file at {p}", file=str(p), code="CV100")
        return p
    return find_bank_file(str(name_or_path), None, extra)
