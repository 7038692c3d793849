r"""Regular expressions in bank tone lists (``re:`` entries): valid, and safe from catastrophic backtracking.

A bank may extend the tone lists with ``re:`` expressions. Python's ``re`` backtracks, so an
expression such as ``(a+)+$`` takes exponential time on a short text. A bank's expressions are
therefore held to a subset that cannot backtrack badly (checked on the parsed expression, at load
and by ``carevoice lint``, code CV115):

- no backreferences or conditionals; lookarounds only with fixed text inside;
- an open-ended repetition (``*``, ``+``, ``{m,}``, or a count over 20) applies to one character
  (a letter, a class such as ``[a-z]`` or ``\s``, or ``.``) or to a group of fixed text; what
  follows it cannot start with a character it matches (``\s+our`` is fine; ``\s*\s*``, ``.*x``
  and ``(a+)+`` are not), so it can stop in one place only; and what comes before it cannot end
  with one (``x\s+``, ``^\s+`` and ``\b[a-z]+`` are fine; ``\s+x`` at the start is not), so a
  long run starts it once, not at every position;
- small choices (``?``, ``{1,3}``, alternatives that start alike such as ``(?:not|never)``)
  multiply the ways one attempt may try; their product is at most :data:`MAX_BRANCHING`;
- an expression is at most :data:`MAX_LENGTH` characters.

Under these rules a search is linear in the text (see ``docs/checks.md`` and
``benchmarks/bounds.py``).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_BRANCHING", "MAX_LENGTH", "TONE_LISTS", "pattern_problem", "pattern_problems"]

TONE_LISTS = ("blame_phrases", "sarcasm_phrases", "forbidden_promises", "banned_phrases", "promotional_markers")
"""The ``tone:`` lists whose entries are phrases or ``re:`` expressions (``voice.banned_terms`` and the keys
of ``voice.preferred_terms`` are too)."""

MAX_LENGTH = 300
"""The longest ``re:`` expression a bank may write."""
MAX_BRANCHING = 64
"""The most alternative paths (alternatives sharing a first character, multiplied) one attempt may try."""

_P: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_C: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")

Pred = Callable[[str], bool]


class _Unsafe(Exception):
    pass


@dataclass(frozen=True)
class _Node:
    """One node of a parsed pattern: a character, a sequence, alternatives, a repeat or a zero-width test."""

    kind: str  # char, seq, alt, rep, zero
    pred: Pred | None = None
    items: tuple[_Node, ...] = ()
    lo: int = 1
    hi: int = 1
    possessive: bool = False
    anchor: str = ""  # "start" (^, \A) or "word" (\b) for a zero-width node


_SMALL = 20
"""Repetitions up to this count are bounded choices; beyond it they must match in one way only."""


def pattern_problem(expression: str) -> str | None:
    """Why a bank's ``re:`` expression is refused (invalid or unsafe), or None when it is fine."""
    if len(expression) > MAX_LENGTH:
        return f"expression longer than {MAX_LENGTH} characters"
    try:
        # twice in one alternation, as the checks combine them: no group names, no global flags mid-way
        re.compile(f"(?:{expression})|(?:{expression})", re.IGNORECASE)
        parsed = _P.parse(expression, re.IGNORECASE)
    except re.error as exc:
        return f"invalid regular expression: {exc}"
    except (RecursionError, OverflowError, ValueError):
        return "invalid regular expression: nested too deeply or numbers too large"
    sample = _sample(expression)
    try:
        tree = _convert(parsed)
        cost = _vet(tree, [], None, sample)
    except _Unsafe as exc:
        return f"unsafe regular expression ({exc}); see the rules for re: entries in docs/checks.md"
    except RecursionError:
        return "unsafe regular expression (nested too deeply)"
    if cost > MAX_BRANCHING:
        return (f"unsafe regular expression (alternatives that start alike allow {cost} ways to match, "
                f"limit {MAX_BRANCHING}); see the rules for re: entries in docs/checks.md")
    return None


def pattern_problems(model: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """(key path, problem) for every refused ``re:`` entry of a bank file model (a ``BankFile``)."""
    entries: list[tuple[tuple[str | int, ...], str]] = []
    if model.tone is not None:
        for name in TONE_LISTS:
            entries += [(("tone", name, i), e) for i, e in enumerate(getattr(model.tone, name))]
    entries += [(("voice", "banned_terms", i), e) for i, e in enumerate(model.voice.banned_terms or [])]
    entries += [(("voice", "preferred_terms", k), k) for k in model.voice.preferred_terms or {}]
    out = []
    for path, entry in entries:
        text = entry.strip()
        if text.startswith("re:"):
            problem = pattern_problem(text[3:])
            if problem is not None:
                out.append((path, f"tone list entry {entry!r}: {problem}"))
    return out


def _sample(expression: str) -> str:
    extra = "’‘“”—–éÉßİıſK١\u00a0\u2003\u200bあ😀"
    chars = set(map(chr, range(256))) | set(extra) | set(expression)
    return "".join(sorted(chars | {c.upper() for c in chars} | {c.lower() for c in chars}))


def _fold(ch: str) -> set[str]:
    return {ch, ch.lower(), ch.upper(), ch.casefold()}


def _literal(code: int, *, negate: bool = False) -> Pred:
    ch = chr(code)
    if negate:
        return lambda c: ch not in _fold(c)
    return lambda c: ch in _fold(c)


def _range(lo: int, hi: int) -> Pred:
    return lambda c: any(lo <= ord(x) <= hi for x in _fold(c) if len(x) == 1)


def _category(cat: Any) -> Pred:
    name = str(cat).upper()
    base: Pred
    if "DIGIT" in name:
        base = str.isdecimal
    elif "SPACE" in name:
        base = str.isspace
    elif "WORD" in name:
        def base(c: str) -> bool:
            return c.isalnum() or c == "_"
    else:
        return lambda _c: True
    return (lambda c: not base(c)) if "NOT" in name else base


def _in_class(items: list[tuple[Any, Any]]) -> Pred:
    negate = False
    tests: list[Pred] = []
    for op, av in items:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            tests.append(_literal(av))
        elif op is _C.RANGE:
            tests.append(_range(*av))
        elif op is _C.CATEGORY:
            tests.append(_category(av))
        else:  # anything unexpected counts as matching everything (the safe assumption)
            tests.append(lambda _c: True)
    if negate:
        return lambda c: not any(t(c) for t in tests)
    return lambda c: any(t(c) for t in tests)


def _convert(sub: Any) -> _Node:
    out: list[_Node] = []
    for op, av in sub:
        if op is _C.LITERAL:
            out.append(_Node("char", pred=_literal(av)))
        elif op is _C.NOT_LITERAL:
            out.append(_Node("char", pred=_literal(av, negate=True)))
        elif op is _C.ANY:
            out.append(_Node("char", pred=lambda _c: True))
        elif op is _C.IN:
            out.append(_Node("char", pred=_in_class(av)))
        elif op is _C.AT:
            name = str(av).upper()
            kind = "start" if name.endswith(("AT_BEGINNING", "AT_BEGINNING_STRING")) else (
                "word" if name.endswith("AT_BOUNDARY") else "")
            out.append(_Node("zero", anchor=kind))
        elif op is _C.BRANCH:
            out.append(_Node("alt", items=tuple(_convert(b) for b in av[1])))
        elif op is _C.SUBPATTERN:
            out.append(_convert(av[-1]))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op is getattr(_C, "POSSESSIVE_REPEAT", None):
            lo, hi, body = av
            out.append(_Node("rep", items=(_convert(body),), lo=lo, hi=hi,
                             possessive=op is getattr(_C, "POSSESSIVE_REPEAT", None)))
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            body = _convert(av[1])
            if _has_variable_repeat(body):
                raise _Unsafe("a lookaround may only hold fixed text")
            out.append(_Node("zero"))
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            out.append(_convert(av))
        elif op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            raise _Unsafe("backreferences and conditionals are not allowed")
        else:
            raise _Unsafe(f"{str(op).lower()} is not allowed")
    return out[0] if len(out) == 1 else _Node("seq", items=tuple(out))


def _has_variable_repeat(node: _Node) -> bool:
    if node.kind == "rep" and node.lo != node.hi:
        return True
    return any(_has_variable_repeat(n) for n in node.items)


def _nullable(node: _Node) -> bool:
    if node.kind == "char":
        return False
    if node.kind == "zero":
        return True
    if node.kind == "alt":
        return any(_nullable(n) for n in node.items)
    if node.kind == "rep":
        return node.lo == 0 or _nullable(node.items[0])
    return all(_nullable(n) for n in node.items)


def _first(node: _Node) -> Iterator[Pred]:
    if node.kind == "char" and node.pred is not None:
        yield node.pred
    elif node.kind in ("alt", "rep"):
        for n in node.items:
            yield from _first(n)
    elif node.kind == "seq":
        for n in node.items:
            yield from _first(n)
            if not _nullable(n):
                return


def _overlap(a: list[Pred], b: list[Pred], sample: str) -> bool:
    return any(any(p(c) for p in a) and any(q(c) for q in b) for c in sample)


def _simple(node: _Node) -> bool:
    """One character, or a sequence of single characters (fixed text)."""
    if node.kind == "char":
        return True
    return node.kind == "seq" and all(n.kind in ("char", "zero") for n in node.items)


def _last(node: _Node) -> Iterator[Pred]:
    if node.kind == "char" and node.pred is not None:
        yield node.pred
    elif node.kind in ("alt", "rep"):
        for n in node.items:
            yield from _last(n)
    elif node.kind == "seq":
        for n in reversed(node.items):
            yield from _last(n)
            if not _nullable(n):
                return


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _before(items: tuple[_Node, ...], precede: list[Pred] | None) -> list[Pred] | None:
    """What the character before ``items[-1]``'s end can be; None when it can be anything (a search start)."""
    out: list[Pred] = []
    for m in reversed(items):
        if m.kind == "zero" and m.anchor == "start":
            return out
        if m.kind == "zero" and m.anchor == "word":
            return [*out, lambda c: not _word(c)]  # a boundary before a word: the character before is no word
        out += list(_last(m))
        if not _nullable(m):
            return out
    return None if precede is None else out + precede


def _vet(node: _Node, follow: list[Pred], precede: list[Pred] | None, sample: str) -> int:
    """Refuse what can backtrack without bound; return how many ways an attempt may try (a product)."""
    if node.kind == "seq":
        total = 1
        for i, n in enumerate(node.items):
            after: list[Pred] = []
            for m in node.items[i + 1:]:
                after += list(_first(m))
                if not _nullable(m):
                    break
            else:
                after += follow
            total = min(total * _vet(n, after, _before(node.items[:i], precede), sample), MAX_BRANCHING + 1)
        return total
    if node.kind == "alt":
        firsts = [list(_first(n)) for n in node.items]
        widest = max(sum(1 for f in firsts if _overlap(f, g, sample)) for g in firsts)
        return max(1, widest) * max(_vet(n, follow, precede, sample) for n in node.items)
    if node.kind != "rep":
        return 1
    body = node.items[0]
    if node.hi > _SMALL:
        if node.lo == node.hi:
            raise _Unsafe(f"a fixed repetition may be at most {_SMALL}")
        if not _simple(body):
            raise _Unsafe("an open-ended repetition (*, +, {m,}) may only apply to one character "
                          "or a group of fixed text")
        if not node.possessive and _overlap(list(_first(body)), follow, sample):
            raise _Unsafe("what follows an open-ended repetition can start like the repetition itself, "
                          "so it can match in many ways")
        if precede is None or _overlap(list(_first(body)), precede, sample):
            raise _Unsafe("an open-ended repetition must come after something that cannot match its characters "
                          "(a letter it does not match, or \\b before word characters), or every position of a "
                          "long run would start it again")
        return 1
    # a small count: at most (hi - lo + 1) ways to stop, each body trying its own ways
    inner = _vet(body, list(_first(body)) + follow if node.hi > 1 else follow,
                 None if precede is None else list(_last(body)) + precede if node.hi > 1 else precede, sample)
    ways: int = node.hi - node.lo + 1 if _overlap(list(_first(body)), follow, sample) else 1
    product: int = inner ** node.hi * ways
    return min(product, MAX_BRANCHING + 1)
