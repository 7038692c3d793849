"""A baseline of accepted findings, keyed by file, phrase id, code and text hash (never by line)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from carevoice.errors import ConfigError
from carevoice.lint._model import LintFinding

__all__ = ["BASELINE_VERSION", "read_baseline", "write_baseline"]

BASELINE_VERSION = 1

Key = tuple[str, str, str, str]


def _norm(file: str) -> str:
    return Path(file).as_posix()


def read_baseline(path: Path) -> set[Key]:
    """The keys of a baseline file; :class:`ConfigError` when it is missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror}", file=str(path)) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not JSON: {exc.msg} (line {exc.lineno})", file=str(path)) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(
            data.get("findings"), list):
        raise ConfigError(f"not a carevoice baseline (expected version {BASELINE_VERSION} and 'findings')",
                          file=str(path))
    keys: set[Key] = set()
    for i, row in enumerate(data["findings"]):
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("file", "phrase", "code",
                                                                                        "hash")):
            raise ConfigError("each entry needs string 'file', 'phrase', 'code' and 'hash'", file=str(path),
                              key=f"findings[{i}]")
        keys.add((_norm(row["file"]), row["phrase"], row["code"], row["hash"]))
    return keys


def write_baseline(path: Path, findings: Iterable[LintFinding]) -> int:
    """Write every finding's key to a baseline file; return how many entries it holds."""
    rows = sorted({(_norm(f.file), *f.baseline_key[1:]) for f in findings})
    data = {"version": BASELINE_VERSION,
            "findings": [{"file": a, "phrase": b, "code": c, "hash": d} for a, b, c, d in rows]}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(rows)
