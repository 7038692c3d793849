"""Output formats of ``carevoice lint``: text, json, github and sarif, all subclasses of one Formatter.

Like flake8's formatters, a subclass overrides small hooks: ``start``,
``finding`` (one line or ``None``) and ``finish``; ``render`` runs them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from carevoice.lint._model import LintFinding, LintReport

__all__ = ["FORMATS", "JSON_VERSION", "Formatter", "get_formatter"]

JSON_VERSION = 1
"""Version of the ``--format json`` shape (``docs/lint.md``); bumped on any incompatible change."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("carevoice")
    except PackageNotFoundError:
        return "0+unknown"


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return path.as_posix()


class Formatter:
    """Base of every output format; the default hooks print nothing."""

    name: ClassVar[str] = ""

    def start(self, report: LintReport) -> list[str]:
        """Lines before the findings."""
        return []

    def finding(self, finding: LintFinding) -> str | None:
        """One finding as a line (``None``: nothing per finding)."""
        return None

    def finish(self, report: LintReport) -> list[str]:
        """Lines after the findings."""
        return []

    def render(self, report: LintReport) -> str:
        """The whole output for a report."""
        lines = self.start(report)
        lines += [line for f in report.findings if (line := self.finding(f)) is not None]
        lines += self.finish(report)
        return "".join(f"{line}\n" for line in lines)


class TextFormatter(Formatter):
    """``path:line:col: CODE message`` per finding, then a summary line."""

    name = "text"

    def finding(self, finding: LintFinding) -> str | None:
        """``path:line:col: CODE [severity] message``."""
        return f"{finding.file}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}"

    def finish(self, report: LintReport) -> list[str]:
        """A summary: counts by severity, suppressed and baselined findings."""
        c = report.counts
        total = len(report.findings)
        files = len(report.files)
        head = (f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                if total else f"all clean: {files} file{'s' if files != 1 else ''} checked")
        parts = [f"{c[s]} {s}{'s' if c[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info")
                 if c.get(s)]
        extra = [f"{n} {what}" for n, what in ((report.suppressed, "suppressed"), (report.baselined, "in baseline"))
                 if n]
        return [head + (f" ({', '.join(parts)})" if parts else "") + (f"; {', '.join(extra)}" if extra else "")]


class JsonFormatter(Formatter):
    """One JSON document, versioned (``version``), documented in ``docs/lint.md``."""

    name = "json"

    def render(self, report: LintReport) -> str:
        """The report as JSON."""
        data: dict[str, Any] = {
            "version": JSON_VERSION,
            "tool": {"name": "carevoice", "version": _version()},
            "files": list(report.files),
            "findings": [f.to_json() for f in report.findings],
            "summary": {**report.counts, "total": len(report.findings), "suppressed": report.suppressed,
                        "baselined": report.baselined},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


class GithubFormatter(Formatter):
    """GitHub Actions workflow commands: one annotation per finding (chosen when ``GITHUB_ACTIONS=true``)."""

    name = "github"
    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def finding(self, finding: LintFinding) -> str | None:
        """``::error file=...,line=...,col=...,title=CODE::message``."""
        props = (f"file={_escape(finding.file, prop=True)},line={finding.line},col={finding.column},"
                 f"title={_escape(f'{finding.code} {finding.rule}'.strip(), prop=True)}")
        return f"::{self.LEVELS[finding.severity]} {props}::{_escape(f'{finding.code} {finding.message}')}"


class SarifFormatter(Formatter):
    """SARIF 2.1.0 for GitHub code scanning (relative URIs, rule metadata, partial fingerprints)."""

    name = "sarif"
    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "note"}

    def render(self, report: LintReport) -> str:
        """The report as one SARIF log."""
        from carevoice.rules import get_rule

        codes = sorted({f.code for f in report.findings})
        rules: list[dict[str, Any]] = []
        for code in codes:
            try:
                rule = get_rule(code)
            except KeyError:
                rules.append({"id": code, "shortDescription": {"text": code}})
                continue
            rules.append({"id": code, "name": rule.name, "shortDescription": {"text": rule.summary},
                          "defaultConfiguration": {"level": self.LEVELS[rule.severity]},
                          "properties": {"tags": [rule.name.split(".")[0]]}})
        index = {code: i for i, code in enumerate(codes)}
        results = [{
            "ruleId": f.code, "ruleIndex": index[f.code], "level": self.LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.file)},
                "region": {"startLine": f.line, "startColumn": f.column}}}],
            "partialFingerprints": {"carevoiceFinding/v1": "/".join(f.baseline_key[1:])},
        } for f in report.findings]
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "carevoice", "version": _version(),
                                    "informationUri": "https://pypi.org/project/carevoice/", "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, type[Formatter]] = {
    cls.name: cls for cls in (TextFormatter, JsonFormatter, GithubFormatter, SarifFormatter)
}
"""Output formats by name."""


def get_formatter(name: str) -> Formatter:
    """A formatter by name; :class:`UnknownChoiceError` names the valid ones."""
    from carevoice.errors import UnknownChoiceError

    try:
        return FORMATS[name]()
    except KeyError:
        raise UnknownChoiceError("format", name, FORMATS) from None
