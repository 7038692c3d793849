"""Lint configuration: ``[tool.carevoice.lint]`` in ``pyproject.toml``, then command-line options.

Thresholds set here are defaults for every bank; a bank file's own ``lint:``
section overrides them for that bank.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from carevoice.errors import ConfigError, did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

if TYPE_CHECKING:
    from carevoice.draft import Severity

__all__ = ["OPT_IN", "SEVERITIES", "LintConfig", "config_from_table", "find_pyproject", "load_config"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
OPT_IN = frozenset({"CV903"})
"""Codes enabled only when selected by a prefix of at least four characters (``CV90``, ``CV903``)."""
_KEYS = ("select", "ignore", "per-file-ignores", "severity", "fail-on", "min-variants",
         "near-duplicate-threshold", "min-variety")


@dataclass(frozen=True)
class LintConfig:
    """What to check and how strictly; every field has a documented default."""

    select: tuple[str, ...] = ("CV",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = "error"
    thresholds: Mapping[str, float] = field(default_factory=dict)
    source: str | None = None

    def enabled(self, code: str, file: str | None = None) -> bool:
        """Whether a code is selected, not ignored, and not ignored for this file (longest prefix wins)."""
        chosen = max((p for p in self.select if code.startswith(p)), key=len, default=None)
        if chosen is None or (code in OPT_IN and len(chosen) < 4):
            return False
        ignored = [p for p in self.ignore if code.startswith(p)]
        if file is not None:
            name = Path(file).as_posix()
            for pattern, prefixes in self.per_file_ignores.items():
                if fnmatch(name, pattern) or fnmatch(Path(file).name, pattern):
                    ignored += [p for p in prefixes if code.startswith(p)]
        return not ignored or len(max(ignored, key=len)) < len(chosen)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity of a code (longest matching prefix), else its default."""
        best = max((p for p in self.severity if code.startswith(p)), key=len, default=None)
        return self.severity[best] if best is not None else default

    def merged(self, **changes: Any) -> LintConfig:
        """A copy with command-line changes applied (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _codes(value: Any, key: str, file: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.startswith("CV") for v in value):
        raise ConfigError("expected a list of code prefixes such as [\"CV3\", \"CV711\"]", file=file, key=key)
    return tuple(cast(list[str], value))


def _severity(value: Any, key: str, file: str) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(f"unknown severity {value!r}; {did_you_mean(str(value), SEVERITIES)}known: "
                          f"{', '.join(SEVERITIES)}", file=file, key=key)
    return cast("Severity", value)


def _number(value: Any, key: str, file: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"expected a non-negative number, got {value!r}", file=file, key=key)
    return float(value)


def config_from_table(table: Mapping[str, Any], file: str) -> LintConfig:
    """Build a :class:`LintConfig` from a ``[tool.carevoice.lint]`` table; unknown keys are errors."""
    out: dict[str, Any] = {"source": file}
    thresholds: dict[str, float] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        where = f"tool.carevoice.lint.{raw_key}"
        if key not in _KEYS:
            raise ConfigError(f"unknown lint setting {raw_key!r}; {did_you_mean(key, _KEYS)}known: {', '.join(_KEYS)}",
                              file=file, key=where)
        if key in ("select", "ignore"):
            out[key] = _codes(value, where, file)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError("expected a table of glob = [code prefixes]", file=file, key=where)
            out["per_file_ignores"] = {str(k): _codes(v, f"{where}.{k}", file) for k, v in value.items()}
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError("expected a table of code prefix = severity", file=file, key=where)
            out["severity"] = {str(k): _severity(v, f"{where}.{k}", file) for k, v in value.items()}
        elif key == "fail-on":
            out["fail_on"] = _severity(value, where, file)
        else:
            thresholds[key.replace("-", "_")] = _number(value, where, file)
    out["thresholds"] = thresholds
    return LintConfig(**out)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> LintConfig:
    """Read ``[tool.carevoice.lint]`` from ``path`` (or the nearest pyproject.toml); defaults if absent."""
    if path is None:
        path = find_pyproject((start or Path.cwd()).resolve())
        if path is None:
            return LintConfig()
    elif not path.is_file():
        raise ConfigError("no such configuration file", file=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", file=str(path)) from None
    table = data.get("tool", {}).get("carevoice", {}).get("lint")
    if table is None:
        return LintConfig(source=str(path))
    if not isinstance(table, dict):
        raise ConfigError("expected a table", file=str(path), key="tool.carevoice.lint")
    return config_from_table(table, str(path))
