"""The values the linter produces: one located finding, and the report of a run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from carevoice._hash import sha256

if TYPE_CHECKING:
    from carevoice.draft import Severity

__all__ = ["SEVERITY_RANK", "LintFinding", "LintReport", "text_hash"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
"""Severities from least to most serious (``--fail-on`` compares with this)."""


def text_hash(text: str) -> str:
    """A short, stable hash of a phrase text (baseline and SARIF fingerprints)."""
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class LintFinding:
    """One problem at ``file:line:column`` (1-based), with its rule code and severity.

    ``phrase_id`` names the phrase the finding is about (``None`` for file-level findings);
    ``fingerprint`` is the hash of that phrase's template text (or of the message), so a
    baseline survives lines moving.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    rule: str = ""
    phrase_id: str | None = None
    fingerprint: str = ""
    suggestion: str | None = None

    def with_severity(self, severity: Severity) -> LintFinding:
        """The same finding with another severity."""
        return replace(self, severity=severity)

    @property
    def baseline_key(self) -> tuple[str, str, str, str]:
        """(file, phrase id, code, text hash): what a baseline entry matches, never line numbers."""
        return (PurePath(self.file).as_posix(), self.phrase_id or "", self.code,
                self.fingerprint or text_hash(self.message))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order findings by file, position, code, then message."""
        return (self.file, self.line, self.column, self.code, self.message)

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (shape documented in ``docs/lint.md``)."""
        return {
            "file": self.file, "line": self.line, "column": self.column, "code": self.code,
            "severity": self.severity, "rule": self.rule, "message": self.message,
            "phrase_id": self.phrase_id, "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class LintReport:
    """The result of linting some files: the findings kept, and what was set aside."""

    findings: tuple[LintFinding, ...]
    files: tuple[str, ...]
    suppressed: int = 0
    baselined: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def build(findings: list[LintFinding], files: list[str], *, suppressed: int = 0, baselined: int = 0) -> LintReport:
        """A report with findings sorted and counted by severity."""
        ordered = tuple(sorted(findings, key=LintFinding.sort_key))
        by = Counter(f.severity for f in ordered)
        counts = {s: by.get(s, 0) for s in ("error", "warning", "info")}
        return LintReport(ordered, tuple(files), suppressed, baselined, counts)

    def reaches(self, fail_on: str) -> bool:
        """Whether any finding is at or above the ``fail_on`` severity."""
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= threshold for f in self.findings)
