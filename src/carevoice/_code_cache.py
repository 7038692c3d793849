"""The code :mod:`dataclasses` and :mod:`typing` compile, kept in the user cache so a command need not compile it.

A ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__``,
``__setattr__``... as text and runs it with :func:`exec`, which compiles it first. A draft
imports some ninety dataclasses: some 450 small compilations, about a sixth of its start-up.
While a command imports its modules, :func:`install` has :mod:`dataclasses` call
:func:`_exec` instead of the built-in: the same text gets the code the previous run compiled
for it (looked up by the whole text), any other text is compiled exactly as ``exec`` would
(no inherited ``__future__`` flags, file name ``<string>``) and kept for the next run
(:func:`save`). The code then runs as before, so the classes are the same. Likewise, each
string annotation :mod:`typing` turns into a ``ForwardRef`` is compiled (``compile(text,
"<string>", "eval")``; pydantic-core's schema types alone hold about a thousand): while
installed, :func:`_compile` gives :mod:`typing` the code compiled for the same text before,
and :func:`_eval` gives :func:`collections.namedtuple` the code of its ``__new__`` (a
``lambda`` it builds as text and runs with :func:`eval`; a draft makes some forty).

The entry is trusted only for the interpreter that wrote it (its key holds the Python
version and build and the bytecode magic number); a missing, damaged or foreign entry is
ignored and everything is compiled as usual. Only the command line does this
(:func:`uninstall` puts the built-ins back when the command ends); the library never does.
``CAREVOICE_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import builtins
import sys
import typing
from types import CodeType
from typing import Any

__all__ = ["install", "save", "uninstall"]

_FORMAT = 1
_KEEP = 4000
"""At most this many codes in an entry."""

_codes: dict[str, CodeType] = {}
"""The codes by source text: those loaded from the entry and those compiled this run."""
_EVAL = "\x00eval\x00"
"""Key prefix of an expression compiled for :mod:`typing` (no dataclass source starts with NUL)."""
_new: list[int] = [0]
_name: list[str] = []


def _entry_name() -> str:
    from importlib.util import MAGIC_NUMBER

    from carevoice._hash import sha256

    key = f"{_FORMAT}|{sys.version}|{sys.implementation.cache_tag}|{MAGIC_NUMBER.hex()}|{sys.flags.optimize}"
    digest = sha256(key.encode()).hexdigest()[:32]
    return f"dataclass-code-{sys.version_info[0]}{sys.version_info[1]}-{digest}.marshal"


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
    """:func:`exec` for :mod:`dataclasses`, with the code of a source text it ran before."""
    if globals is None:  # as exec: the caller's namespaces
        frame = sys._getframe(1)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    if type(source) is str:
        code = _codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(_codes) < _KEEP:
                _codes[source] = code
                _new[0] += 1
        source = code
    builtins.exec(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
             optimize: int = -1) -> Any:
    """:func:`compile` for :mod:`typing`, with the code of a forward reference compiled before.

    :mod:`typing` has no ``__future__`` imports, so its ``compile`` calls inherit no flags: the
    same as ``dont_inherit=True`` here.
    """
    if type(source) is str and filename == "<string>" and mode == "eval" and not flags and optimize == -1:
        key = _EVAL + source
        code = _codes.get(key)
        if code is None:
            code = compile(source, filename, mode, dont_inherit=True)
            if len(_codes) < _KEEP:
                _codes[key] = code
                _new[0] += 1
        return code
    return compile(source, filename, mode, flags, True, optimize)


def _eval(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> Any:
    """:func:`eval` for :mod:`collections`, with the code of an expression it evaluated before.

    ``eval`` of a text strips leading spaces and tabs and compiles it with the caller's
    ``__future__`` flags (:mod:`collections` has none); such a text is left to ``eval``.
    """
    if globals is None:  # as eval: the caller's namespaces
        frame = sys._getframe(1)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    if type(source) is str and source[:1] not in (" ", "\t"):
        source = _compile(source, "<string>", "eval")
    return builtins.eval(source, globals, locals)


def install() -> bool:
    """Serve :mod:`dataclasses`' compilations from the cache until :func:`uninstall`; False when off.

    :func:`save` then runs when the command line flushes the cache (:func:`carevoice._cache.flush`).
    """
    import collections
    import dataclasses

    from carevoice._cache import cache_root, on_flush

    uninstall()
    _name.clear()
    _codes.clear()
    _new[0] = 0
    try:
        root = cache_root()
        if root is None or not callable(getattr(dataclasses, "_create_fn", None)):
            return False
        name = _entry_name()
        _name.append(name)
        on_flush(save)
        _codes.update(_read(root / name))
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the built-in
        typing.compile = _compile  # type: ignore[attr-defined]
        collections.eval = _eval  # type: ignore[attr-defined]
        return True
    except Exception:  # an unexpected interpreter: compile as usual
        uninstall()
        return False


def _read(path: Any) -> dict[str, CodeType]:
    """The codes of an entry; nothing when it is missing, damaged or not ours."""
    import marshal

    try:
        entry = marshal.loads(path.read_bytes())
    except Exception:
        return {}
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _FORMAT and isinstance(entry[1], dict)):
        return {}
    codes = entry[1]
    if not all(type(k) is str and type(v) is CodeType for k, v in codes.items()):
        return {}
    return codes


def uninstall() -> None:
    """Give :mod:`dataclasses`, :mod:`typing` and :mod:`collections` back the built-ins (what was compiled is kept)."""
    dataclasses = sys.modules.get("dataclasses")
    if dataclasses is not None and getattr(dataclasses, "exec", None) is _exec:
        del dataclasses.exec
    if getattr(typing, "compile", None) is _compile:
        del typing.compile  # type: ignore[attr-defined]
    collections = sys.modules.get("collections")
    if collections is not None and getattr(collections, "eval", None) is _eval:
        del collections.eval


def save() -> None:
    """Store the codes for the next run, when this run compiled any."""
    import marshal

    from carevoice._cache import cache_root, write_atomic

    try:
        uninstall()
        if not _name or not _new[0]:
            return
        root = cache_root()
        if root is not None:
            write_atomic(root / _name[0], marshal.dumps((_FORMAT, dict(_codes))))
    except Exception:  # the cache is only a speed-up
        return
    finally:
        _name.clear()
        _codes.clear()
        _new[0] = 0
