"""Render the common bank templates straight from their parsed tree, without compiling them with Jinja.

The linter renders a few thousand templates once or twice each, so compiling every one of them to
Python (Jinja's way, about a millisecond each) costs more than all the rendering. This evaluates the
parsed tree instead, for the plain constructs nearly every bank template uses: text, ``{{ variable }}``,
``{% if %}``/``{% elif %}``/``{% else %}``, ``or``/``and``/``not``, comparisons, constant lists,
``... if ... else ...``, string-method calls and constant indexes. Anything else, and anything that
goes wrong (a missing value printed, an undefined variable, a value that is not text, an error), is
:data:`UNSUPPORTED`: the caller then renders with :func:`carevoice.render.render`, so every result
and every failure stays exactly Jinja's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from carevoice._template_lang import ALLOWED_METHODS, vet_template
from carevoice.render import MAX_VALUE_CHARS, key_tree, parsed_template, template_key

__all__ = ["UNSUPPORTED", "render_fast"]


class _Unsupported(Exception):
    """The tree has a construct, or the values a case, this evaluator leaves to Jinja."""


UNSUPPORTED: None = None
"""What :func:`render_fast` returns when Jinja must render the template."""

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


@lru_cache(maxsize=16384)
def _plan(source: str) -> tuple[nodes.Template, frozenset[tuple[str, str | None]]] | None:
    """The parsed tree and the variables it reads, or None when only Jinja may render it."""
    used = _key_used(template_key(source))
    if used is None:
        return None
    return parsed_template(source), used


@lru_cache(maxsize=4096)
def _key_used(key: str) -> frozenset[tuple[str, str | None]] | None:
    """The variables the templates of a key read, or None when they do not parse or are outside the language."""
    try:
        ast = key_tree(key)
    except TemplateSyntaxError:
        return None
    if vet_template(ast):
        return None
    used: set[tuple[str, str | None]] = {
        (a.node.name, a.attr) for a in ast.find_all(nodes.Getattr) if isinstance(a.node, nodes.Name)}
    used |= {(n.name, None) for n in ast.find_all(nodes.Name) if n.ctx == "load"}
    return frozenset(used)


def render_fast(source: str, context: Mapping[str, Any]) -> str | None:
    """``render(source, context)`` when this module can evaluate it, else :data:`UNSUPPORTED` (None).

    Only for templates with a ``{``: plain text never reaches Jinja anyway.
    """
    plan = _plan(source)
    if plan is None:
        return UNSUPPORTED
    ast, used = plan
    for root, attr in used:  # render() refuses an over-long value: leave that message to it
        value = context.get(root)
        if attr is not None and isinstance(value, Mapping):
            value = value.get(attr)
        if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
            return UNSUPPORTED
    out: list[str] = []
    try:
        _statements(ast.body, context, out)
    except Exception:  # _Unsupported, or an error Jinja reports with its own message
        return UNSUPPORTED
    return " ".join("".join(out).split())


def _statements(body: list[nodes.Node], ctx: Mapping[str, Any], out: list[str]) -> None:
    for node in body:
        cls = type(node)
        if cls is nodes.Output:
            for item in node.nodes:  # type: ignore[attr-defined]
                if type(item) is nodes.TemplateData:
                    out.append(item.data)
                else:
                    value = _expr(item, ctx)
                    if type(value) is not str:  # None (a missing value) fails; other types print Jinja's way
                        raise _Unsupported
                    out.append(value)
        elif cls is nodes.If:
            if _expr(node.test, ctx):  # type: ignore[attr-defined]
                _statements(node.body, ctx, out)  # type: ignore[attr-defined]
                continue
            for branch in node.elif_:  # type: ignore[attr-defined]
                if _expr(branch.test, ctx):
                    _statements(branch.body, ctx, out)
                    break
            else:
                _statements(node.else_, ctx, out)  # type: ignore[attr-defined]
        else:
            raise _Unsupported


def _truth(value: Any) -> bool:
    if value is None or type(value) in (str, bool, int, list, tuple):
        return bool(value)
    raise _Unsupported


def _expr(node: nodes.Node, ctx: Mapping[str, Any]) -> Any:
    cls = type(node)
    if cls is nodes.Getattr:
        base = node.node  # type: ignore[attr-defined]
        if type(base) is not nodes.Name or base.ctx != "load":
            raise _Unsupported
        obj = ctx.get(base.name, _Unsupported)
        attr = node.attr  # type: ignore[attr-defined]
        if type(obj) is not dict or attr not in obj or hasattr(obj, attr):
            raise _Unsupported  # an undefined key, or a dict method (the sandbox refuses it)
        return obj[attr]
    if cls is nodes.Name:
        if node.ctx != "load" or node.name not in ctx:  # type: ignore[attr-defined]
            raise _Unsupported
        return ctx[node.name]  # type: ignore[attr-defined]
    if cls is nodes.Const:
        value = node.value  # type: ignore[attr-defined]
        if value is None or type(value) in (str, bool, int):
            return value
        raise _Unsupported
    if cls is nodes.Or:
        left = _expr(node.left, ctx)  # type: ignore[attr-defined]
        return left if _truth(left) else _expr(node.right, ctx)  # type: ignore[attr-defined]
    if cls is nodes.And:
        left = _expr(node.left, ctx)  # type: ignore[attr-defined]
        return _expr(node.right, ctx) if _truth(left) else left  # type: ignore[attr-defined]
    if cls is nodes.Not:
        return not _truth(_expr(node.node, ctx))  # type: ignore[attr-defined]
    if cls is nodes.Compare:
        left = _scalar(_expr(node.expr, ctx))  # type: ignore[attr-defined]
        result = True
        for op in node.ops:  # type: ignore[attr-defined]
            compare = _COMPARE.get(op.op)
            if compare is None:
                raise _Unsupported
            right = _expr(op.expr, ctx)
            if op.op in ("in", "notin"):
                if type(right) not in (list, tuple, str) or (type(right) is str and type(left) is not str):
                    raise _Unsupported
            else:
                right = _scalar(right)
            if not compare(left, right):
                result = False
                break  # Python chains comparisons lazily, as Jinja's compiled code does
            left = right
        return result
    if cls is nodes.List or cls is nodes.Tuple:
        items = [_scalar(_expr(i, ctx)) for i in node.items]  # type: ignore[attr-defined]
        return items if cls is nodes.List else tuple(items)
    if cls is nodes.CondExpr:
        if node.expr2 is None:  # type: ignore[attr-defined]
            raise _Unsupported
        if _truth(_expr(node.test, ctx)):  # type: ignore[attr-defined]
            return _expr(node.expr1, ctx)  # type: ignore[attr-defined]
        return _expr(node.expr2, ctx)  # type: ignore[attr-defined]
    if cls is nodes.Call:
        return _call(node, ctx)  # type: ignore[arg-type]
    if cls is nodes.Getitem:
        obj = _expr(node.node, ctx)  # type: ignore[attr-defined]
        arg = node.arg  # type: ignore[attr-defined]
        if type(obj) not in (str, list) or type(arg) is not nodes.Const or type(arg.value) is not int:
            raise _Unsupported
        index: int = arg.value
        if not -len(obj) <= index < len(obj):
            raise _Unsupported
        return obj[index]
    raise _Unsupported


def _scalar(value: Any) -> Any:
    if value is None or type(value) in (str, bool, int):
        return value
    raise _Unsupported


def _call(node: nodes.Call, ctx: Mapping[str, Any]) -> Any:
    callee = node.node
    if (type(callee) is not nodes.Getattr or callee.attr not in ALLOWED_METHODS or node.kwargs
            or node.dyn_args is not None or node.dyn_kwargs is not None):
        raise _Unsupported
    obj = _expr(callee.node, ctx)
    if type(obj) is not str:
        raise _Unsupported
    args: list[str | int | None] = []
    for a in node.args:
        if type(a) is not nodes.Const or not (a.value is None or type(a.value) in (str, int)):
            raise _Unsupported
        args.append(a.value)
    method: Any = getattr(obj, callee.attr)
    return method(*args)
