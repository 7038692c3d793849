"""The agent who signs a reply: a name and initials fit to appear in public text.

Both reach every reply a Drafter writes (greetings, sign-offs), so they are checked once,
when the Drafter is made: a name is letters (any script, with their combining marks),
single spaces, apostrophes, hyphens and full stops, at most :data:`MAX_NAME_CHARS`
characters; initials are 1 to :data:`MAX_INITIALS` letters or full stops, as the bank schema
allows. Control and format characters (bidirectional overrides, zero-width joiners), lone
surrogates, digits and symbols are refused with an :class:`~carevoice.errors.InputError`
that names the character.
"""

from __future__ import annotations

import unicodedata

from carevoice.errors import InputError

__all__ = ["MAX_INITIALS", "MAX_NAME_CHARS", "check_agent_initials", "check_agent_name"]

MAX_NAME_CHARS = 60
MAX_INITIALS = 4
"""The bank schema's limit for ``agent.initials``."""
_NAME_PUNCTUATION = frozenset(" '\u2019.-")
_INITIALS_PUNCTUATION = frozenset(".")


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '(unnamed)')}"


def _check(kind: str, value: str, limit: int, punctuation: frozenset[str], allowed: str) -> str:
    if len(value) > limit:
        raise InputError(f"agent {kind}: {len(value):,} characters; at most {limit}")
    for i, ch in enumerate(value):
        if not (unicodedata.category(ch)[0] in "LM" or ch in punctuation):
            raise InputError(f"agent {kind}: {_describe(ch)} at position {i + 1} cannot appear in a public reply; "
                             f"use {allowed}")
    if unicodedata.category(value[0])[0] != "L":
        raise InputError(f"agent {kind}: {value!r} must start with a letter")
    return value


def check_agent_name(name: str | None) -> str | None:
    """The agent name, without outer spaces; ``None`` for none. Raises :class:`InputError` when unfit.

    >>> check_agent_name(" Zoë O'Neil-Smith ")
    "Zoë O'Neil-Smith"
    """
    if name is None or not name.strip():
        return None
    name = name.strip()
    if "  " in name:
        raise InputError(f"agent name: {name!r} has a double space")
    return _check("name", name, MAX_NAME_CHARS, _NAME_PUNCTUATION,
                  f"letters, single spaces, apostrophes, hyphens and full stops (at most {MAX_NAME_CHARS})")


def check_agent_initials(initials: str | None) -> str | None:
    """The agent's initials; ``None`` for none. Raises :class:`InputError` when unfit.

    >>> check_agent_initials("JS")
    'JS'
    """
    if initials is None or not initials.strip():
        return None
    return _check("initials", initials.strip(), MAX_INITIALS, _INITIALS_PUNCTUATION,
                  f"1 to {MAX_INITIALS} letters or full stops")
