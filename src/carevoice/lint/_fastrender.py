"""Render the common bank templates straight from their parsed tree, without compiling them with Jinja.

The linter renders a few thousand templates once or twice each, so compiling every one of them to
Python (Jinja's way, about a millisecond each) costs more than all the rendering. This evaluates the
template's plan instead (:mod:`carevoice._template_plans`: the plain constructs nearly every bank
template uses, made from its parsed tree). Anything else, and anything that goes wrong (a missing value
printed, an undefined variable, a value that is not text, an error), is :data:`UNSUPPORTED`: the caller
then renders with :func:`carevoice.render.render`, so every result and every failure stays exactly Jinja's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from carevoice._template_lang import vet_template
from carevoice._template_plans import UNSUPPORTED, TemplatePlan, evaluate, make_plan, too_long
from carevoice.render import key_tree, parsed_template, template_key

__all__ = ["UNSUPPORTED", "render_fast"]


@lru_cache(maxsize=16384)
def _plan(source: str) -> tuple[TemplatePlan, frozenset[tuple[str, str | None]]] | None:
    """The template's plan and the variables it reads, or None when only Jinja may render it."""
    used = _key_used(template_key(source))
    if used is None:
        return None
    plan = make_plan(parsed_template(source))
    return None if plan is None else (plan, used)


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
    body, used = plan
    if too_long(used, context):  # render() refuses an over-long value: leave that message to it
        return UNSUPPORTED
    return evaluate(body, context)
