"""``carevoice lint``: phrase banks checked like code.

Every problem of each bank file, located at ``path:line:column`` with a stable
rule code: schema and templates (CV1xx), worst-case channel length (CV90x),
the validators' tone rules on rendered phrases (CV3xx, CV5xx, CV6xx),
repetition inside the bank (CV71x), CATER coverage and variety (CV91x), and
suppression hygiene (CV92x). See ``docs/lint.md``.

>>> from carevoice.lint import lint_paths
>>> report = lint_paths(["phrasebanks/parcelpop.yaml"])  # doctest: +SKIP
"""

from carevoice.lint._baseline import read_baseline, write_baseline
from carevoice.lint._config import LintConfig, load_config
from carevoice.lint._engine import bank_files, lint_file, lint_paths
from carevoice.lint._formats import FORMATS, Formatter, get_formatter
from carevoice.lint._model import LintFinding, LintReport

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
