"""Template plans: a bank template as plain tuples, evaluated as Jinja renders it, without importing Jinja.

A plan holds the plain constructs nearly every bank template uses: text, ``{{ expression }}``,
``{% if %}``/``{% elif %}``/``{% else %}``, ``or``/``and``/``not``, ``==``/``!=``/``in``/``not in``,
constant lists, ``... if ... else ...``, string-method calls with constant arguments and constant
indexes. :func:`evaluate` gives Jinja's output for the values it handles (text, None, booleans, whole
numbers, lists, dictionaries read by key) and :data:`UNSUPPORTED` for anything else: a missing value
printed, an undefined name, a value that is not text, an error. The caller then renders with
:func:`carevoice.render.render`, so every result and every failure stays Jinja's.

The linter evaluates plans instead of compiling its few thousand templates. A command-line draft
keeps the plans of the templates it rendered in the user cache (entry ``template-plans-*.pickle``,
per command and bank, keyed by Python, Jinja's package file, this module, :mod:`carevoice.render`
and the template language), so a later draft whose templates all have plans never imports Jinja.
Without a stored plan (the library, a first run, caching off) :func:`render_phrase` is
:func:`carevoice.render.render`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import nodes

__all__ = ["UNSUPPORTED", "TemplatePlan", "evaluate", "make_plan", "render_phrase"]

TemplatePlan = tuple[Any, ...]
"""A template's body: a tuple of statements, each a tuple whose first item names it (see :func:`make_plan`)."""
_Used = frozenset[tuple[str, str | None]]

UNSUPPORTED: None = None
"""What :func:`evaluate` returns when Jinja must render the template."""

MAX_VALUE_CHARS = 1000
"""As :data:`carevoice.render.MAX_VALUE_CHARS` (a test keeps the two equal): render() refuses a longer value."""

_ALLOWED_METHODS = frozenset({"capitalize", "endswith", "lower", "lstrip", "rstrip", "split", "startswith", "strip",
                              "title", "upper"})
"""As :data:`carevoice._template_lang.ALLOWED_METHODS` (a test keeps the two equal)."""


class _Unsupported(Exception):
    """The plan has a construct, or the values a case, this evaluator leaves to Jinja."""


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


def make_plan(tree: nodes.Template) -> TemplatePlan | None:
    """The plan of a parsed template that passed :func:`carevoice._template_lang.vet_template`, or None.

    None when the tree holds a construct plans do not evaluate (Jinja renders those templates).
    Statements: ``("text", str)``, ``("print", expr)``, ``("if", ((test, body), ...), else_body)``.
    Expressions: ``("attr", name, attr)``, ``("name", name)``, ``("const", value)``, ``("or", a, b)``,
    ``("and", a, b)``, ``("not", a)``, ``("cmp", a, ((op, b), ...))``, ``("list", items)``,
    ``("tuple", items)``, ``("cond", test, a, b)``, ``("call", a, method, args)``, ``("item", a, index)``.
    """
    try:
        return _body(tree.body)
    except _Unsupported:
        return None


def _body(body: list[nodes.Node]) -> TemplatePlan:
    from jinja2 import nodes

    out: list[tuple[Any, ...]] = []
    for node in body:
        if type(node) is nodes.Output:
            for item in node.nodes:
                out.append(("text", item.data) if type(item) is nodes.TemplateData else ("print", _plan_expr(item)))
        elif type(node) is nodes.If:
            branches = [(_plan_expr(node.test), _body(node.body))]
            branches += [(_plan_expr(b.test), _body(b.body)) for b in node.elif_]
            out.append(("if", tuple(branches), _body(node.else_)))
        else:
            raise _Unsupported
    return tuple(out)


def _plan_expr(node: nodes.Node) -> tuple[Any, ...]:
    from jinja2 import nodes

    cls = type(node)
    if cls is nodes.Getattr:
        base = node.node  # type: ignore[attr-defined]
        if type(base) is not nodes.Name or base.ctx != "load":
            raise _Unsupported
        return ("attr", base.name, node.attr)  # type: ignore[attr-defined]
    if cls is nodes.Name:
        if node.ctx != "load":  # type: ignore[attr-defined]
            raise _Unsupported
        return ("name", node.name)  # type: ignore[attr-defined]
    if cls is nodes.Const:
        value = node.value  # type: ignore[attr-defined]
        if value is None or type(value) in (str, bool, int):
            return ("const", value)
        raise _Unsupported
    if cls is nodes.Or or cls is nodes.And:
        return ("or" if cls is nodes.Or else "and", _plan_expr(node.left), _plan_expr(node.right))  # type: ignore[attr-defined]
    if cls is nodes.Not:
        return ("not", _plan_expr(node.node))  # type: ignore[attr-defined]
    if cls is nodes.Compare:
        ops = tuple((op.op, _plan_expr(op.expr)) for op in node.ops)  # type: ignore[attr-defined]
        if any(op not in _COMPARE for op, _ in ops):
            raise _Unsupported
        return ("cmp", _plan_expr(node.expr), ops)  # type: ignore[attr-defined]
    if cls is nodes.List or cls is nodes.Tuple:
        return ("list" if cls is nodes.List else "tuple", tuple(_plan_expr(i) for i in node.items))  # type: ignore[attr-defined]
    if cls is nodes.CondExpr:
        if node.expr2 is None:  # type: ignore[attr-defined]
            raise _Unsupported
        return ("cond", _plan_expr(node.test), _plan_expr(node.expr1), _plan_expr(node.expr2))  # type: ignore[attr-defined]
    if cls is nodes.Call:
        callee = node.node  # type: ignore[attr-defined]
        if (type(callee) is not nodes.Getattr or callee.attr not in _ALLOWED_METHODS or node.kwargs  # type: ignore[attr-defined]
                or node.dyn_args is not None or node.dyn_kwargs is not None):  # type: ignore[attr-defined]
            raise _Unsupported
        args = []
        for a in node.args:  # type: ignore[attr-defined]
            if type(a) is not nodes.Const or not (a.value is None or type(a.value) in (str, int)):
                raise _Unsupported
            args.append(a.value)
        return ("call", _plan_expr(callee.node), callee.attr, tuple(args))
    if cls is nodes.Getitem:
        arg = node.arg  # type: ignore[attr-defined]
        if type(arg) is not nodes.Const or type(arg.value) is not int:
            raise _Unsupported
        return ("item", _plan_expr(node.node), arg.value)  # type: ignore[attr-defined]
    raise _Unsupported


def evaluate(plan: TemplatePlan, context: Mapping[str, Any]) -> str | None:
    """What Jinja renders from the plan's template with ``context``, whitespace runs as one space; or UNSUPPORTED.

    As :func:`carevoice.render.render` gives it; values longer than MAX_VALUE_CHARS are the caller's to refuse.
    """
    out: list[str] = []
    try:
        _statements(plan, context, out)
    except Exception:  # _Unsupported, an error Jinja reports with its own message, or a damaged plan
        return UNSUPPORTED
    return " ".join("".join(out).split())


def _statements(body: TemplatePlan, ctx: Mapping[str, Any], out: list[str]) -> None:
    for node in body:
        kind = node[0]
        if kind == "text":
            out.append(node[1])
        elif kind == "print":
            value = _expr(node[1], ctx)
            if type(value) is not str:  # None (a missing value) fails; other types print Jinja's way
                raise _Unsupported
            out.append(value)
        elif kind == "if":
            for test, branch in node[1]:
                if _expr(test, ctx):  # Python's truth, as Jinja's compiled ``if``
                    _statements(branch, ctx, out)
                    break
            else:
                _statements(node[2], ctx, out)
        else:
            raise _Unsupported


def _truth(value: Any) -> bool:
    if value is None or type(value) in (str, bool, int, list, tuple):
        return bool(value)
    raise _Unsupported


def _scalar(value: Any) -> Any:
    if value is None or type(value) in (str, bool, int):
        return value
    raise _Unsupported


def _expr(node: tuple[Any, ...], ctx: Mapping[str, Any]) -> Any:
    kind = node[0]
    if kind == "attr":
        obj = ctx.get(node[1], _Unsupported)
        attr = node[2]
        if type(obj) is not dict or attr not in obj or hasattr(obj, attr):
            raise _Unsupported  # an undefined key, or a dict method (the sandbox refuses it)
        return obj[attr]
    if kind == "name":
        if node[1] not in ctx:
            raise _Unsupported
        return ctx[node[1]]
    if kind == "const":
        return node[1]
    if kind == "or":
        left = _expr(node[1], ctx)
        return left if _truth(left) else _expr(node[2], ctx)
    if kind == "and":
        left = _expr(node[1], ctx)
        return _expr(node[2], ctx) if _truth(left) else left
    if kind == "not":
        return not _truth(_expr(node[1], ctx))
    if kind == "cmp":
        left = _scalar(_expr(node[1], ctx))
        for op, operand in node[2]:
            right = _expr(operand, ctx)
            if op in ("in", "notin"):
                if type(right) not in (list, tuple, str) or (type(right) is str and type(left) is not str):
                    raise _Unsupported
            else:
                right = _scalar(right)
            if not _COMPARE[op](left, right):
                return False  # Python chains comparisons lazily, as Jinja's compiled code does
            left = right
        return True
    if kind == "list":
        return [_scalar(_expr(i, ctx)) for i in node[1]]
    if kind == "tuple":
        return tuple(_scalar(_expr(i, ctx)) for i in node[1])
    if kind == "cond":
        return _expr(node[2], ctx) if _truth(_expr(node[1], ctx)) else _expr(node[3], ctx)
    if kind == "call":
        obj = _expr(node[1], ctx)
        if type(obj) is not str or node[2] not in _ALLOWED_METHODS:
            raise _Unsupported
        method: Any = getattr(obj, node[2])
        return method(*node[3])
    if kind == "item":
        obj = _expr(node[1], ctx)
        index = node[2]
        if type(obj) not in (str, list) or type(index) is not int or not -len(obj) <= index < len(obj):
            raise _Unsupported
        return obj[index]
    raise _Unsupported


def render_phrase(source: str, context: Mapping[str, Any], *, phrase_id: str | None = None) -> str:
    """:func:`carevoice.render.render`, from the template's stored plan when an earlier run left one.

    A command-line run stores the plan of each template Jinja rendered without error; the library never does.
    """
    if "{" not in source:  # plain text: no tag, no variable; Jinja would give it back as it is
        return " ".join(source.split())
    hit = _stored().get(source)
    if hit is not None:
        text = _from_plan(hit, context)
        if text is not None:
            return text
    from carevoice.render import render

    text = render(source, context, phrase_id=phrase_id)
    if hit is None and _store_name() is not None:
        _learn(source)
    return text


def too_long(used: Any, context: Mapping[str, Any]) -> bool:
    """Whether a variable the template reads holds a value over MAX_VALUE_CHARS.

    render() refuses such a value with its own message, so a plan leaves that render to it.
    """
    for root, attr in used:
        value = context.get(root)
        if attr is not None and isinstance(value, Mapping):
            value = value.get(attr)
        if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
            return True
    return False


def _from_plan(hit: Any, context: Mapping[str, Any]) -> str | None:
    """The template rendered from a stored (plan, variables read), or None (Jinja must render it)."""
    try:
        plan, used = hit
        if too_long(used, context):
            return None
        return evaluate(plan, context) if type(plan) is tuple else None
    except Exception:  # a damaged entry: Jinja renders it
        return None


_STORE_LIMIT = 4000
"""At most this many plans in one user-cache entry."""
_learnt: dict[str, tuple[TemplatePlan, _Used]] = {}


def _learn(source: str) -> None:
    """Keep the plan of a template Jinja just rendered, to store at the end of the run."""
    from jinja2 import TemplateSyntaxError, nodes

    from carevoice.render import parsed_template

    try:
        tree = parsed_template(source)
    except TemplateSyntaxError:
        return
    plan = make_plan(tree)
    if plan is None:
        return
    used: set[tuple[str, str | None]] = {
        (a.node.name, a.attr) for a in tree.find_all(nodes.Getattr) if isinstance(a.node, nodes.Name)}
    used |= {(n.name, None) for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    _learnt[source] = (plan, frozenset(used))


@lru_cache(maxsize=1)
def _store_name() -> str | None:
    """The user-cache entry of plans for this run (see :func:`carevoice._cache.start_run`), or None.

    Its name holds what a plan depends on: Python's version, Jinja's package file (its version),
    this module, :mod:`carevoice.render` and the template language, and the run's command and bank.
    """
    import sys
    from importlib.util import find_spec
    from pathlib import Path

    from carevoice._cache import run_context
    from carevoice._digests import file_digest
    from carevoice._hash import sha256

    context = run_context()
    if context is None:
        return None
    try:
        spec = find_spec("jinja2")
        if spec is None or not spec.origin or not spec.has_location:
            return None
        here = Path(__file__).resolve().parent
        digest = sha256(f"{sys.version}|{context}".encode())
        for path in (Path(spec.origin), here / "_template_plans.py", here / "render.py", here / "_template_lang.py"):
            digest.update(file_digest(path) + b"\0")
    except (ImportError, ValueError, OSError):
        return None
    return f"template-plans-{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:32]}.pickle"


@lru_cache(maxsize=1)
def _stored() -> dict[str, tuple[TemplatePlan, _Used]]:
    """Plans stored by earlier runs (template source -> plan and the variables it reads); empty when none."""
    from carevoice._cache import on_flush, read_pickle

    name = _store_name()
    if name is None:
        return {}
    on_flush(_store, learnt=(name, _learnt))
    entry = read_pickle(name)
    return entry if type(entry) is dict else {}


def _store() -> None:
    """Add the plans this run made to the user-cache entry (called once, at the end of a run)."""
    from carevoice._cache import add_learnt

    add_learnt(_store_name(), _stored, _learnt, _STORE_LIMIT)
