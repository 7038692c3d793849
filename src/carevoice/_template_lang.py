"""The template language a phrase bank may use: a checked subset of Jinja2 that always ends quickly.

Banks are data written by non-engineers and may come from customers of a care
platform, so a template is a straight-line program: text, ``{{ expression }}``
and ``{% if %}``/``{% elif %}``/``{% else %}``. Expressions read the documented
variables and combine them with ``or``, ``and``, ``not``, ``... if ... else ...``,
comparisons, ``~`` (join), a few filters, tests and string methods, and constant
indexes and slices. There are no loops, no assignments, no macros, no calls of
anything else and no arithmetic, so each node runs at most once: rendering time
is linear in the template's size and the output is at most the template's text
plus its printed values (each bounded by :data:`carevoice.render.MAX_VALUE_CHARS`).
See ``docs/writing-banks.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from jinja2 import nodes

__all__ = ["ALLOWED_FILTERS", "ALLOWED_METHODS", "ALLOWED_TESTS", "MAX_NUMBER", "TemplateIssue", "vet_template"]

ALLOWED_FILTERS = frozenset({"capitalize", "d", "default", "first", "last", "length", "lower", "title", "trim",
                             "upper"})
"""Filters a template may use (each returns at most a few times its input)."""

ALLOWED_TESTS = frozenset({"defined", "lower", "none", "number", "string", "undefined", "upper"})
"""Tests a template may use (``x is none``, ``x is not none``...)."""

ALLOWED_METHODS = frozenset({"capitalize", "endswith", "lower", "lstrip", "rstrip", "split", "startswith", "strip",
                             "title", "upper"})
"""String methods a template may call (``agent.name.split()[0]``); none of them can grow a value."""

MAX_NUMBER = 1_000_000
"""The largest number a template may write (indexes and comparisons need no more)."""

_COMPARISONS = frozenset({"eq", "ne", "lt", "lteq", "gt", "gteq", "in", "notin"})
_ARITHMETIC = (nodes.BinExpr, nodes.Neg, nodes.Pos)

_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.For: "{% for %} loops", nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}",
    nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.FilterBlock: "{% filter %} blocks",
    nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}", nodes.Block: "{% block %}", nodes.With: "{% with %}",
    nodes.ExprStmt: "{% do %}", nodes.Continue: "{% continue %}", nodes.Break: "{% break %}",
}
_ALLOWED_STATEMENTS = "text, {{ expressions }} and {% if %}/{% elif %}/{% else %}"


@dataclass(frozen=True)
class TemplateIssue:
    """A problem found in a template without rendering it (1-based line inside the template)."""

    code: str
    message: str
    line: int


def vet_template(ast: nodes.Template) -> list[TemplateIssue]:
    """Every construct of a parsed template outside the bank template language (code CV114)."""
    out: list[TemplateIssue] = []
    _statements(ast.body, out)
    return out


def _issue(out: list[TemplateIssue], node: nodes.Node, message: str) -> None:
    out.append(TemplateIssue("CV114", message, getattr(node, "lineno", 1) or 1))


def _statements(body: list[nodes.Node], out: list[TemplateIssue]) -> None:
    for node in body:
        if isinstance(node, nodes.Output):
            for item in node.nodes:
                if not isinstance(item, nodes.TemplateData):
                    _expr(item, out)
        elif isinstance(node, nodes.If):
            _expr(node.test, out)
            _statements(node.body, out)
            _statements(list(node.elif_), out)
            _statements(node.else_, out)
        else:
            what = _STATEMENTS.get(type(node), f"{{% {type(node).__name__.lower()} %}}")
            _issue(out, node, f"{what} not allowed in phrase templates; they may use {_ALLOWED_STATEMENTS}")


def _expr(node: nodes.Node | None, out: list[TemplateIssue]) -> None:
    if node is None:
        return
    if isinstance(node, nodes.Const):
        _const(node, out)
    elif isinstance(node, nodes.Name):
        return  # unknown names are CV111, found by the caller
    elif isinstance(node, nodes.Getattr):
        if not isinstance(node.node, nodes.Name):
            _issue(out, node, f"'.{node.attr}' is not allowed here: only variables have attributes "
                              f"(string methods must be called: {', '.join(sorted(ALLOWED_METHODS))})")
    elif isinstance(node, nodes.Call):
        _call(node, out)
    elif isinstance(node, nodes.Getitem):
        _expr(node.node, out)
        _index(node, out)
    elif isinstance(node, nodes.Filter):
        if node.name not in ALLOWED_FILTERS:
            _issue(out, node, f"filter {node.name!r} is not allowed; allowed: {', '.join(sorted(ALLOWED_FILTERS))}")
        _args(node, out)
        _expr(node.node, out)
    elif isinstance(node, nodes.Test):
        if node.name not in ALLOWED_TESTS:
            _issue(out, node, f"test {node.name!r} is not allowed; allowed: {', '.join(sorted(ALLOWED_TESTS))}")
        _args(node, out)
        _expr(node.node, out)
    elif isinstance(node, nodes.And | nodes.Or):
        _expr(node.left, out)
        _expr(node.right, out)
    elif isinstance(node, nodes.Not):
        _expr(node.node, out)
    elif isinstance(node, nodes.Compare):
        _expr(node.expr, out)
        for op in node.ops:
            if op.op not in _COMPARISONS:
                _issue(out, node, f"comparison {op.op!r} is not allowed")
            _expr(op.expr, out)
    elif isinstance(node, nodes.Concat):
        for part in node.nodes:
            _expr(part, out)
    elif isinstance(node, nodes.CondExpr):
        _expr(node.test, out)
        _expr(node.expr1, out)
        _expr(node.expr2, out)
    elif isinstance(node, nodes.List | nodes.Tuple):
        for item in node.items:
            _expr(item, out)
    elif isinstance(node, nodes.Neg | nodes.Pos) and isinstance(node.node, nodes.Const):
        _const(node.node, out)  # a negative number
    elif isinstance(node, _ARITHMETIC):
        _issue(out, node, "arithmetic (+, -, *, /, //, %, **) is not allowed in phrase templates; "
                          "join text with '~'")
    else:
        _issue(out, node, f"{type(node).__name__} expressions are not allowed in phrase templates")


def _const(node: nodes.Const, out: list[TemplateIssue]) -> None:
    value = node.value
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int | float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            _issue(out, node, f"number out of range (templates allow at most {MAX_NUMBER:,})")
        return
    _issue(out, node, f"constant of type {type(value).__name__} is not allowed")


def _args(node: nodes.Filter | nodes.Test | nodes.Call, out: list[TemplateIssue]) -> None:
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        _issue(out, node, "*args and **kwargs are not allowed in phrase templates")
    for arg in node.args:
        _expr(arg, out)
    for kw in node.kwargs:
        _expr(kw.value, out)


def _call(node: nodes.Call, out: list[TemplateIssue]) -> None:
    callee = node.node
    if not isinstance(callee, nodes.Getattr) or callee.attr not in ALLOWED_METHODS:
        name = callee.attr if isinstance(callee, nodes.Getattr) else getattr(callee, "name", "this")
        _issue(out, node, f"calling {name!r} is not allowed; templates may call the string methods "
                          f"{', '.join(sorted(ALLOWED_METHODS))}")
        return
    _expr(callee.node, out)
    _args(node, out)


def _index(node: nodes.Getitem, out: list[TemplateIssue]) -> None:
    arg = node.arg
    parts = [arg.start, arg.stop, arg.step] if isinstance(arg, nodes.Slice) else [arg]
    for part in parts:
        if part is None:
            continue
        value = part.node if isinstance(part, nodes.Neg) else part
        if not isinstance(value, nodes.Const) or isinstance(value.value, bool) or not isinstance(value.value, int):
            _issue(out, node, "an index must be a whole number written in the template, like [0] or [:20]")
            return
        _const(value, out)
