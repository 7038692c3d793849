"""The parents of a linted bank, read as tolerantly as the bank itself.

A parent with schema errors is still used (repaired, see :mod:`carevoice.lint._parse`) so a
child's own findings are reported; the child gets one CV108 saying the parent cannot be
loaded until its errors (reported in the parent's file) are fixed. An unknown parent, a
cycle or a chain too deep leaves the bank alone: its phrases are still checked, but not
the rules that need the whole bank (worst-case length, coverage).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carevoice.bank.loader import BankSource
from carevoice.bank.registry import find_bank_file
from carevoice.errors import BankError, BankNotFoundError
from carevoice.lint._parse import file_problems, parse_tolerant

__all__ = ["MAX_DEPTH", "Chain", "ParentCache", "parent_chain"]

MAX_DEPTH = 8


@dataclass(frozen=True)
class Chain:
    """A bank's parents, base first, and why the chain is broken or cannot be loaded (None when fine)."""

    parents: tuple[BankSource, ...]
    problem: str | None = None
    complete: bool = True


ParentCache = dict[tuple[str, tuple[Path, ...]], Chain]


def parent_chain(source: BankSource, dirs: tuple[Path, ...], cache: ParentCache) -> Chain:
    """The parents of ``source`` (looked up next to it, then in ``dirs``), cached per run."""
    parent = source.model.extends
    if parent is None:
        return Chain(())
    key = (parent, (source.path.parent, *dirs))
    if key not in cache:
        cache[key] = _read_chain(parent, source.path.parent, dirs)
    chain = cache[key]
    names = [s.model.bank for s in chain.parents]
    if source.model.bank in names:
        cycle = " -> ".join([source.model.bank, *reversed(names[names.index(source.model.bank):])])
        return Chain((), f"'extends' makes a cycle: {cycle}", complete=False)
    return chain


def _read_chain(name: str, near: Path, dirs: tuple[Path, ...]) -> Chain:
    chain: list[BankSource] = []
    problem: str | None = None
    seen: list[str] = []
    where: Path | None = near
    while True:
        try:
            path = find_bank_file(name, where, list(dirs))
        except BankNotFoundError as exc:
            what = "unknown parent bank" if not chain else f"{chain[-1].model.bank!r} extends an unknown bank"
            return Chain((), f"{what} {name!r}: {exc.message.split('; ', 1)[-1]}", complete=False)
        parsed = parse_tolerant(path)
        if parsed.source is None:
            first = parsed.problems[0] if parsed.problems else BankError("unreadable", file=str(path))
            return Chain((), f"parent bank {name!r} cannot be read: {first}", complete=False)
        source = parsed.source
        problems = parsed.problems + file_problems(parsed)
        if problems and problem is None:
            problem = (f"parent bank {name!r} has {len(problems)} error{'s' if len(problems) != 1 else ''} "
                       f"(first: {problems[0]}); it cannot be loaded until they are fixed")
        if source.model.bank in seen:
            return Chain((), f"'extends' makes a cycle: {' -> '.join([*seen, source.model.bank])}", complete=False)
        seen.append(source.model.bank)
        chain.append(source)
        if len(chain) > MAX_DEPTH:
            return Chain((), f"'extends' chain deeper than {MAX_DEPTH} banks", complete=False)
        if source.model.extends is None:
            break
        name, where = source.model.extends, source.path.parent
    chain.reverse()
    return Chain(tuple(chain), problem)
