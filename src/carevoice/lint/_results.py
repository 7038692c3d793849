"""A per-file cache of lint results, so unchanged banks cost nothing in pre-commit hooks (as ruff keeps one).

An entry holds one file's findings (after configuration and inline suppressions) and is keyed by
a hash of: the file's name and content; every bank file a parent could come from (name, size and
modification time of each ``*.yaml``/``*.yml`` next to the file, in ``--bank-dir``,
``$CAREVOICE_BANK_PATH``, ``./phrasebanks`` and the shipped banks); the lint configuration;
and carevoice itself (its version and the size and modification time of each of its files).
Entries are JSON under ``<user cache>/lint/``; ``CAREVOICE_NO_CACHE=1`` or ``--no-cache`` turns
the cache off; any problem reading or writing an entry means a fresh lint.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from carevoice._cache import cache_root, write_atomic
from carevoice._hash import sha256
from carevoice.lint._config import LintConfig
from carevoice.lint._model import LintFinding

__all__ = ["cache_key", "read_result", "write_result"]

_FORMAT = "1"


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Carevoice's version and a stamp of every file of the package (a changed rule changes results)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        out = [version("carevoice")]
    except PackageNotFoundError:
        out = ["0+unknown"]
    package = Path(__file__).resolve().parent.parent
    for f in sorted(package.rglob("*")):
        if f.suffix in (".py", ".yaml") and "__pycache__" not in f.parts:
            st = f.stat()
            out.append(f"{f.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return sha256("\n".join(out).encode()).hexdigest()


def _parent_dirs(near: Path, search: Sequence[Path]) -> list[Path]:
    # the folders bank.registry.bank_dirs() searches (kept light: no pydantic on a cache hit)
    package = Path(__file__).resolve().parent.parent
    shipped = package / "phrasebanks"
    if not shipped.is_dir():
        shipped = package.parent.parent / "phrasebanks"
    env = [Path(p) for p in os.environ.get("CAREVOICE_BANK_PATH", "").split(os.pathsep) if p]
    return [near, *search, *env, Path.cwd() / "phrasebanks", shipped]


def _stamps(folder: Path) -> list[str]:
    try:
        files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
        return [f"{f.resolve()}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files]
    except OSError:
        return [f"{folder}:unreadable"]


def cache_key(name: str, content: bytes, near: Path, search: Sequence[Path], config: LintConfig) -> str | None:
    """The key of one file's lint result, or None when the cache is off."""
    if cache_root() is None:
        return None
    h = sha256()
    for part in (_FORMAT, _code_stamp(), name, repr(_config_key(config))):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(content + b"\0")
    for folder in _parent_dirs(near, search):
        h.update(f"{folder.resolve()}\n{chr(10).join(_stamps(folder))}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


def _config_key(config: LintConfig) -> tuple[Any, ...]:
    return (config.select, config.ignore, sorted(config.per_file_ignores.items()), sorted(config.severity.items()),
            sorted(config.thresholds.items()))


def _entry(key: str) -> Path | None:
    root = cache_root()
    return None if root is None else root / "lint" / f"{key}.json"


def read_result(key: str | None) -> tuple[list[LintFinding], int] | None:
    """The cached findings and suppressed count for a key, or None."""
    entry = _entry(key) if key else None
    if entry is None:
        return None
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        return [LintFinding(**f) for f in data["findings"]], int(data["suppressed"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_result(key: str | None, findings: list[LintFinding], suppressed: int) -> None:
    """Store one file's result (atomically; errors are ignored)."""
    entry = _entry(key) if key else None
    if entry is None:
        return
    rows = [{k: getattr(f, k) for k in ("file", "line", "column", "code", "severity", "message", "rule",
                                        "phrase_id", "fingerprint", "suggestion")} for f in findings]
    write_atomic(entry, json.dumps({"findings": rows, "suppressed": suppressed}).encode("utf-8", "surrogatepass"))
