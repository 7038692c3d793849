"""The one Jinja2 environment: sandboxed, strict, plain text.

Phrase templates are data written by non-engineers, so they run in
``SandboxedEnvironment`` with ``StrictUndefined``; a value that may be
missing (``None``) must be given a fallback (``{{ customer.first_name or
'there' }}``), otherwise rendering fails with :class:`MissingValueError`.
Customer text only ever arrives as variable *values*; it is never parsed as
a template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, TypeVar

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from carevoice._template_lang import ALLOWED_METHODS, TemplateIssue, vet_template
from carevoice.errors import RenderError, did_you_mean
from carevoice.variables import VARIABLES

__all__ = [
    "MAX_VALUE_CHARS",
    "VARIABLES",
    "MissingValueError",
    "TemplateIssue",
    "compile_template",
    "inspect_template",
    "key_tree",
    "parsed_template",
    "render",
    "template_key",
]



_N = TypeVar("_N", bound=nodes.Node)


class MissingValueError(RenderError):
    """A template printed a value that is missing (None) without a fallback."""


MAX_VALUE_CHARS = 1000
"""The longest value a template may print; a longer one fails rendering (the phrase is skipped)."""


def _finalize(value: Any) -> Any:
    if value is None:
        raise MissingValueError("a variable that may be missing is printed without a fallback")
    return value


class _BankEnvironment(SandboxedEnvironment):
    """The sandbox, narrowed to the bank template language (see :mod:`carevoice._template_lang`).

    Templates are vetted before they compile; this is the second wall: arithmetic
    operators are refused at run time (and so never folded at compile time), and
    the only attributes that resolve are the allowed string methods (variables are
    dictionaries, read by key).
    """

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        raise SecurityError(f"arithmetic ({operator}) is not allowed in phrase templates")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, str) and attr in ALLOWED_METHODS


@lru_cache(maxsize=1)
def _env() -> SandboxedEnvironment:
    return _BankEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _parse(source: str) -> nodes.Template:
    """Parse a template; a syntax error or a template nested too deeply is a ``TemplateSyntaxError``."""
    try:
        return _env().parse(source)
    except TemplateSyntaxError:
        raise
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        what = "nested too deeply" if isinstance(exc, RecursionError) else f"cannot be read ({type(exc).__name__})"
        raise TemplateSyntaxError(f"the template is {what}", 1) from None


@lru_cache(maxsize=16384)
def parsed_template(source: str) -> nodes.Template:
    """The parsed template, cached (read it, never change it); ``TemplateSyntaxError`` when it cannot be."""
    shape = _shape(source)
    if shape is not None:
        skeleton, texts = shape
        tree = _parsed_skeleton(skeleton)
        if tree is not None:
            return _filled(tree, texts)
    return _parse(source)


_Used = frozenset[tuple[str, str | None]]
_STORE_LIMIT = 4000
"""At most this many compiled templates in one user-cache entry."""
_learnt: dict[str, tuple[bytes, _Used]] = {}


@lru_cache(maxsize=1)
def _store_name() -> str | None:
    """The user-cache entry of compiled templates for this run (see :func:`carevoice._cache.start_run`).

    Its name holds what a compiled template depends on: Python's version and bytecode,
    Jinja's version, this module and the template language, so any change makes a new one.
    """
    import sys
    from importlib.util import MAGIC_NUMBER
    from pathlib import Path

    import jinja2

    from carevoice._cache import run_context
    from carevoice._hash import sha256

    context = run_context()
    if context is None:
        return None
    here = Path(__file__).resolve().parent
    digest = sha256(f"{sys.version}|{jinja2.__version__}|{context}".encode() + MAGIC_NUMBER)
    for name in ("render.py", "_template_lang.py"):
        digest.update((here / name).read_bytes())
    return f"templates-{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:32]}.pickle"


@lru_cache(maxsize=1)
def _stored() -> dict[str, tuple[bytes, _Used]]:
    """Templates compiled (and vetted) by earlier runs: source -> marshalled code and variables used."""
    from carevoice._cache import on_flush, read_pickle

    name = _store_name()
    if name is None:
        return {}
    on_flush(_store, learnt=(name, _learnt))
    entry = read_pickle(name)
    return entry if isinstance(entry, dict) else {}


def _store() -> None:
    """Add the templates this run compiled to the user-cache entry (called once, at the end of a run)."""
    from carevoice._cache import add_learnt

    add_learnt(_store_name(), _stored, _learnt, _STORE_LIMIT)


def _from_store(source: str) -> tuple[Any, _Used] | None:
    """A template an earlier run compiled and vetted, rebuilt from its stored code; None if none (or unreadable)."""
    hit = _stored().get(source)
    if hit is None:
        return None
    import marshal

    try:
        code, used = hit
        env = _env()
        return env.template_class.from_code(env, marshal.loads(code), env.make_globals(None), None), frozenset(used)
    except Exception:  # a damaged entry: compile the template again
        return None


# Most bank templates are one line of text around a few {{ variables }} and {% if %} tags, and many share
# their tags ("Sorry, {{ customer.first_name or 'there' }}..."). Such a template parses to the tree of its
# skeleton (each text replaced by a numbered mark) with the marks put back: Jinja reads text up to the
# next tag as it is, and on one line, with no whitespace control and no leading blank, nothing else
# changes it. So each skeleton is parsed once.
_TAG = re.compile(r"\{\{(?![-+])[^{}%#\n\r]*?(?<![-+])\}\}"
                  r"|\{%(?![-+])\s*(?:if|elif|else|endif)\b[^{}%#\n\r]*?(?<![-+])%\}")
_MARK = "\x00"


def _shape(source: str) -> tuple[str, list[str]] | None:
    """The skeleton of a one-line template and its texts, or None when it must be parsed as it is."""
    if "\n" in source or "\r" in source or _MARK in source or source[:1].isspace():
        return None
    parts: list[str] = []
    texts: list[str] = []
    at = 0
    for m in _TAG.finditer(source):
        text = source[at:m.start()]
        if "{" in text or "}" in text:
            return None
        if text:
            parts.append(f"{_MARK}{len(texts)}{_MARK}")
            texts.append(text)
        parts.append(m.group())
        at = m.end()
    if not parts or "{" in source[at:] or "}" in source[at:]:
        return None
    if source[at:]:
        parts.append(f"{_MARK}{len(texts)}{_MARK}")
        texts.append(source[at:])
    return "".join(parts), texts


@lru_cache(maxsize=1024)
def _parsed_skeleton(skeleton: str) -> nodes.Template | None:
    try:
        return _parse(skeleton)
    except TemplateSyntaxError:
        return None  # the template itself is parsed, for Jinja's own message


def _filled(node: _N, texts: list[str]) -> _N:
    """A copy of a skeleton's tree with its texts in place of the marks."""
    new = object.__new__(type(node))
    new.__dict__.update(node.__dict__)
    if type(node) is nodes.TemplateData:
        new.data = texts[int(node.data.strip(_MARK))]  # type: ignore[attr-defined]
        return new
    for name in node.fields:
        value = getattr(node, name)
        if isinstance(value, nodes.Node):
            setattr(new, name, _filled(value, texts))
        elif isinstance(value, list):
            setattr(new, name, [_filled(v, texts) if isinstance(v, nodes.Node) else v for v in value])
    return new


@lru_cache(maxsize=8192)
def _compiled(source: str) -> tuple[Any, _Used]:
    stored = _from_store(source)
    if stored is not None:
        return stored
    ast = _parse(source)  # a fresh tree: compiling optimises it in place
    issues = vet_template(ast)
    if issues:
        raise RenderError(issues[0].message)
    used: set[tuple[str, str | None]] = {
        (a.node.name, a.attr) for a in ast.find_all(nodes.Getattr) if isinstance(a.node, nodes.Name)}
    used |= {(n.name, None) for n in ast.find_all(nodes.Name) if n.ctx == "load"}
    env = _env()
    code = env.compile(ast)
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    if _store_name() is not None:
        import marshal

        _learnt[source] = (marshal.dumps(code), frozenset(used))
    return template, frozenset(used)


def compile_template(source: str) -> Any:
    """Compile a template once (cached).

    Raises ``TemplateSyntaxError``, or :class:`RenderError` for a construct outside the bank
    template language (see ``docs/writing-banks.md``).
    """
    return _compiled(source)[0]


@lru_cache(maxsize=16384)
def template_key(source: str) -> str:
    """What a template's tree depends on but for its texts: its skeleton when it has one, else the template.

    Everything read from a tree but its text (variables, issues) is the same for templates of one key;
    :func:`key_tree` gives a tree for the key.
    """
    shape = _shape(source)
    if shape is not None and _parsed_skeleton(shape[0]) is not None:
        return shape[0]
    return source


def key_tree(key: str) -> nodes.Template:
    """A tree of the templates of a :func:`template_key` (read it, never change it); as :func:`parsed_template`."""
    tree = _parsed_skeleton(key) if _MARK in key else None
    return tree if tree is not None else parsed_template(key)


def inspect_template(source: str) -> list[TemplateIssue]:
    """Syntax errors, constructs outside the template language, unknown variables and attributes, statically."""
    if "{" not in source:  # plain text: nothing to parse (keeps loading and linting big banks fast)
        return []
    return list(_inspect_key(template_key(source)))


@lru_cache(maxsize=4096)
def _inspect_key(key: str) -> tuple[TemplateIssue, ...]:
    try:
        ast = key_tree(key)
    except TemplateSyntaxError as exc:
        return (TemplateIssue("CV110", f"template syntax error: {exc.message}", exc.lineno or 1),)
    issues = vet_template(ast)
    called = {id(c.node) for c in ast.find_all(nodes.Call)}
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
        if id(attr) in called or not isinstance(attr.node, nodes.Name) or attr.node.name not in VARIABLES:
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
    return tuple(issues)


def render(source: str, context: Mapping[str, Any], *, phrase_id: str | None = None) -> str:
    """Render a template with the given variables; raise :class:`RenderError` on failure.

    A value the template reads that is longer than :data:`MAX_VALUE_CHARS` fails rendering, so
    one template's output stays bounded whatever the values.
    """
    if "{" not in source:  # plain text: no tag, no variable; Jinja would give it back as it is
        return " ".join(source.split())
    try:
        template, used = _compiled(source)
    except TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", phrase_id=phrase_id) from None
    except RenderError as exc:
        raise RenderError(exc.message, phrase_id=phrase_id) from None
    for root, attr in used:
        value = context.get(root)
        if attr is not None and isinstance(value, Mapping):
            value = value.get(attr)
        if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
            name = f"{root}.{attr}" if attr else root
            raise RenderError(f"{name} is too long to print ({len(value)} characters; limit {MAX_VALUE_CHARS})",
                              phrase_id=phrase_id)
    try:
        out = template.render(**context)
    except MissingValueError as exc:
        raise MissingValueError(exc.message, phrase_id=phrase_id) from None
    except Exception as exc:  # the sandbox and undefined variables raise many kinds
        raise RenderError(f"{type(exc).__name__}: {exc}", phrase_id=phrase_id) from None
    return " ".join(str(out).split())
