"""Public names a package imports on first use (PEP 562), so importing the package stays cheap.

And :func:`defer_module`: a standard module the command line imports but seldom uses, loaded
on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["defer_module", "lazy_exports"]


def lazy_exports(package: str, names: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports ``names[name]`` from its module on first use.

    The value is stored in ``namespace`` (the package's ``globals()``), so later lookups are plain
    attribute reads; an unknown name raises :class:`AttributeError` as Python's own lookup does.
    """

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__


class _Deferred(types.ModuleType):
    """A module whose code has not run yet: reading any attribute but ``__spec__`` runs it first."""

    def __getattribute__(self, attr: str) -> Any:
        if attr == "__spec__":  # all that ``import`` reads of a module already in sys.modules
            return types.ModuleType.__getattribute__(self, attr)
        spec = types.ModuleType.__getattribute__(self, "__spec__")
        types.ModuleType.__setattr__(self, "__class__", types.ModuleType)  # from now on an ordinary module
        spec.loader.exec_module(self)
        return getattr(self, attr)


def defer_module(name: str) -> bool:
    """Have ``import name`` give a module that runs its code on first use; False when not done.

    As :class:`importlib.util.LazyLoader` does: the module is in ``sys.modules`` at once, and
    reading any of its attributes first runs its code, so every user sees the same module as
    before; unlike it, ``import name`` again (which reads the module's ``__spec__`` alone) does
    not. For a module imported only to be ready for a rare case: :mod:`dataclasses` imports
    :mod:`inspect` (with :mod:`ast`, :mod:`dis` and :mod:`tokenize`: about 5 ms of a warm
    draft's start-up) only to write a signature into a class without a docstring. Nothing is
    done to a module already imported, or one that is not Python code in a file. Only the
    command line calls this, for the process it runs (one thread); the library never does.
    """
    if name in sys.modules:
        return False
    try:
        from importlib.machinery import SourceFileLoader, SourcelessFileLoader
        from importlib.util import find_spec, module_from_spec

        spec = find_spec(name)
        if spec is None or not isinstance(spec.loader, (SourceFileLoader, SourcelessFileLoader)):
            return False
        module = module_from_spec(spec)
        module.__class__ = _Deferred
    except Exception:  # an unexpected interpreter or loader: the module is imported as usual
        return False
    sys.modules[name] = module
    return True
