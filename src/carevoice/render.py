"""The one Jinja2 environment: sandboxed, strict, plain text.

Phrase templates are data written by non-engineers, so they run in
``SandboxedEnvironment`` with ``StrictUndefined``; a value that may be
missing (``None``) must be given a fallback (``{{ customer.first_name or
'there' }}``), otherwise rendering fails with :class:`MissingValueError`.
Customer text only ever arrives as variable *values*; it is never parsed as
a template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from carevoice.errors import RenderError, did_you_mean
from carevoice.variables import OPTIONAL_VARIABLES, VARIABLES

__all__ = [
    "VARIABLES",
    "MissingValueError",
    "TemplateIssue",
    "compile_template",
    "inspect_template",
    "render",
]



class MissingValueError(RenderError):
    """A template printed a value that is missing (None) without a fallback."""


def _finalize(value: Any) -> Any:
    if value is None:
        raise MissingValueError("a variable that may be missing is printed without a fallback")
    return value


@lru_cache(maxsize=1)
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class TemplateIssue:
    """A problem found in a template without rendering it (1-based line inside the template)."""

    code: str
    message: str
    line: int


@lru_cache(maxsize=8192)
def compile_template(source: str) -> Any:
    """Compile a template once (cached); raises ``TemplateSyntaxError``."""
    return _env().from_string(source)


def inspect_template(source: str) -> list[TemplateIssue]:
    """Syntax errors, unknown variables and unknown attributes, found statically."""
    if "{" not in source:  # plain text: nothing to parse (keeps loading and linting big banks fast)
        return []
    try:
        ast = _env().parse(source)
    except TemplateSyntaxError as exc:
        return [TemplateIssue("CV110", f"template syntax error: {exc.message}", exc.lineno or 1)]
    issues: list[TemplateIssue] = []
    assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name in ast.find_all(nodes.Name):
        if name.ctx != "load" or name.name in VARIABLES or name.name in assigned:
            continue
        hint = did_you_mean(name.name, VARIABLES)
        issues.append(TemplateIssue(
            "CV111",
            f"unknown variable {name.name!r}; {hint}known: {', '.join(sorted(VARIABLES))}",
            name.lineno,
        ))
    for attr in ast.find_all(nodes.Getattr):
        if not isinstance(attr.node, nodes.Name) or attr.node.name not in VARIABLES:
            continue
        allowed = VARIABLES[attr.node.name]
        if allowed is None or attr.attr not in allowed:
            known = ", ".join(f"{attr.node.name}.{a}" for a in allowed or ())
            hint = did_you_mean(attr.attr, allowed or ())
            issues.append(TemplateIssue(
                "CV111",
                f"unknown variable '{attr.node.name}.{attr.attr}'; {hint}known: {known or attr.node.name}",
                attr.lineno,
            ))
    return issues


def render(source: str, context: Mapping[str, Any], *, phrase_id: str | None = None) -> str:
    """Render a template with the given variables; raise :class:`RenderError` on failure."""
    try:
        out = compile_template(source).render(**context)
    except MissingValueError as exc:
        raise MissingValueError(exc.message, phrase_id=phrase_id) from None
    except TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", phrase_id=phrase_id) from None
    except Exception as exc:  # the sandbox and undefined variables raise many kinds
        raise RenderError(f"{type(exc).__name__}: {exc}", phrase_id=phrase_id) from None
    return " ".join(str(out).split())
