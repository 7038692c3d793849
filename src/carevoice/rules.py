"""The one registry of rule codes shared by validators, the Drafter, the linter and triage.

A rule is a small declarative value: a stable code (``CV301``, never renamed),
a dotted name (``tone.blame``), a default severity, a one-line summary, and
examples that must flag and examples that must pass (a meta-test fails for
a rule without both). Code families:

==========  ==========================================================
CV0xx       drafter notes
CV1xx       phrase bank schema and templates
CV2xx       channel length
CV3xx       tone
CV4xx       CATER structure
CV5xx       readability
CV6xx       personal data, sensitive periods, promotional content
CV70x       variation (drafts repeating earlier replies)
CV71x-CV79x repetition inside a bank (lint)
CV8xx       triage and situations
CV9xx       lint: coverage, worst-case length, suppressions
==========  ==========================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from carevoice._kinds import Severity
from carevoice._models import build
from carevoice._plain import Finding

__all__ = ["Rule", "RuleKind", "all_rules", "get_rule", "register"]

RuleKind = Literal["text", "bank", "draft", "stream"]
"""What a rule's examples are: reply texts, bank YAML snippets, posts to draft, or post streams."""

_CODE = re.compile(r"^CV[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class Rule:
    """A registered rule: code, dotted name, default severity, summary and examples."""

    code: str
    name: str
    severity: Severity
    summary: str
    kind: RuleKind = "text"
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    channel: str = "x"

    def finding(
        self,
        message: str | None = None,
        *,
        span: tuple[int, int] | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule (message defaults to the summary)."""
        return build(Finding, code=self.code, severity=severity or self.severity, message=message or self.summary,
                       rule=self.name, span=span, suggestion=suggestion)


def register(rule: Rule) -> Rule:
    """Add a rule to the registry; codes and names are validated and must be unique."""
    if not _CODE.match(rule.code):
        raise ValueError(f"rule code {rule.code!r} must look like CV123")
    if not _NAME.match(rule.name):
        raise ValueError(f"rule name {rule.name!r} must be dotted lowercase, like tone.blame")
    existing = _RULES.get(rule.code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {rule.code} is already registered as {existing.name}")
    if any(r.name == rule.name and r.code != rule.code for r in _RULES.values()):
        raise ValueError(f"rule name {rule.name} is already registered")
    _RULES[rule.code] = rule
    return rule


def _load_all() -> None:
    import importlib

    for module in ("carevoice.bank.rules", "carevoice.checks.rules", "carevoice.variation.rules",
                   "carevoice.lint.rules", "carevoice.triage.rules"):
        importlib.import_module(module)


def all_rules() -> Iterator[Rule]:
    """Every registered rule, by code."""
    _load_all()
    return iter(sorted(_RULES.values(), key=lambda r: r.code))


def get_rule(code: str) -> Rule:
    """The rule with this code; ``KeyError`` names the unknown code."""
    _load_all()
    return _RULES[code]
