"""``carevoice lint``: phrase banks checked like code.

Every problem of each bank file, located at ``path:line:column`` with a stable
rule code: schema and templates (CV1xx), worst-case channel length (CV90x),
the validators' tone rules on rendered phrases (CV3xx, CV5xx, CV6xx),
repetition inside the bank (CV71x), CATER coverage and variety (CV91x), and
suppression hygiene (CV92x). See ``docs/lint.md``. Names load on first use, so
linting unchanged (cached) banks imports neither pydantic nor Jinja.

>>> from carevoice.lint import lint_paths
>>> report = lint_paths(["phrasebanks/parcelpop.yaml"])  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from carevoice.lint._baseline import read_baseline, write_baseline
    from carevoice.lint._config import LintConfig, load_config
    from carevoice.lint._engine import lint_file
    from carevoice.lint._formats import FORMATS, Formatter, get_formatter
    from carevoice.lint._model import LintFinding, LintReport
    from carevoice.lint._run import bank_files, lint_paths

__all__ = [
    "FORMATS",
    "Formatter",
    "LintConfig",
    "LintFinding",
    "LintReport",
    "bank_files",
    "get_formatter",
    "lint_file",
    "lint_paths",
    "load_config",
    "read_baseline",
    "write_baseline",
]

_LAZY = {
    "read_baseline": "_baseline", "write_baseline": "_baseline", "LintConfig": "_config", "load_config": "_config",
    "lint_file": "_engine", "FORMATS": "_formats", "Formatter": "_formats", "get_formatter": "_formats",
    "LintFinding": "_model", "LintReport": "_model", "bank_files": "_run", "lint_paths": "_run",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'carevoice.lint' has no attribute {name!r}")
    return getattr(importlib.import_module(f"carevoice.lint.{module}"), name)
