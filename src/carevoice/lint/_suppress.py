"""Inline suppressions in YAML comments: ``# carevoice: noqa CV301`` and ``# carevoice: noqa-file CV301``.

A ``noqa`` comment applies to the phrase whose lines hold it (or, outside a
phrase, to its own line); ``noqa-file`` applies to the whole file. Without
codes a comment suppresses every code. Codes match by prefix (``CV3``). Each
(comment, code) pair that suppresses nothing is reported (CV920), and a code
that names no registered rule is reported too (CV921).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from carevoice.lint._model import LintFinding

__all__ = ["Suppression", "apply_suppressions", "parse_suppressions"]

_COMMENT = re.compile(r"#\s*carevoice:\s*(noqa-file|noqa)\b:?((?:[\s,]*CV[0-9]{1,3})*)", re.IGNORECASE)
_CODE = re.compile(r"CV[0-9]{1,3}", re.IGNORECASE)


@dataclass
class Suppression:
    """One suppression comment: where it is, its scope, and the codes it names (empty = all)."""

    line: int
    column: int
    whole_file: bool
    codes: tuple[str, ...]
    first: int = 0
    last: int = 0
    used: set[str] = field(default_factory=set)

    def covers(self, finding: LintFinding) -> str | None:
        """The code (or ``"*"``) under which this suppression covers the finding, else ``None``."""
        if not (self.whole_file or self.first <= finding.line <= self.last):
            return None
        if not self.codes:
            return "*"
        return next((c for c in self.codes if finding.code.startswith(c)), None)


def parse_suppressions(text: str, phrase_spans: list[tuple[int, int]]) -> list[Suppression]:
    """Find suppression comments; a ``noqa`` inside a phrase's line span covers that span."""
    out: list[Suppression] = []
    for number, line in enumerate(text.splitlines(), 1):
        if "carevoice" not in line.lower():
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        codes = tuple(c.upper() for c in _CODE.findall(match.group(2) or ""))
        whole = match.group(1).lower() == "noqa-file"
        first = last = number
        for start, end in phrase_spans:
            if start <= number <= end:
                first, last = start, end
                break
        out.append(Suppression(number, match.start() + 1, whole, codes, first, last))
    return out


def apply_suppressions(findings: list[LintFinding], suppressions: list[Suppression]) -> tuple[list[LintFinding], int]:
    """Drop suppressed findings; return the rest and how many were dropped (marks the used codes)."""
    kept: list[LintFinding] = []
    dropped = 0
    for finding in findings:
        hit = False
        for s in suppressions:
            code = s.covers(finding)
            if code is not None:
                s.used.add(code)
                hit = True
        if hit:
            dropped += 1
        else:
            kept.append(finding)
    return kept, dropped
