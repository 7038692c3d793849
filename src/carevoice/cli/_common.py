"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from carevoice.cli._io import read_text, write_out

__all__ = ["add_bank_options", "bank_search", "long_lived", "print_json", "read_text_arg", "set_program"]

_program: list[bool] = [False]


def set_program(program: bool) -> None:
    """Whether the command line runs as the program (``carevoice ...``), not called in-process (tests)."""
    _program[0] = program


@contextmanager
def long_lived() -> Iterator[None]:
    """Hold the cyclic garbage collector while a command imports its modules and loads its bank.

    That creates some fifty thousand objects that live as long as the process (modules,
    classes, the bank); the collector would walk them again and again, and once more when
    the interpreter exits: about a sixth of a draft's start-up. When the command line runs
    as the program they are then frozen (:func:`gc.freeze`): collections leave them out, and
    the collector runs as before for everything the command creates next. Called in-process
    (tests), the collector is only held, so nothing of the caller's is frozen.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if _program[0]:
                gc.freeze()
            gc.enable()


def add_bank_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--brand NAME`` and ``--bank-dir DIR``."""
    p.add_argument("--brand", "-b", required=required, metavar="NAME",
                   help="bank name (see `carevoice banks`) or path to a bank file")
    p.add_argument("--bank-dir", action="append", type=Path, default=[], metavar="DIR",
                   help="extra folder of bank files, searched first (repeatable)")


def bank_search(args: argparse.Namespace) -> list[Path]:
    """The extra bank folders given on the command line."""
    return list(getattr(args, "bank_dir", []) or [])


def read_text_arg(value: str) -> str:
    """A TEXT argument; ``-`` reads standard input (UTF-8; a closed or binary input is an InputError)."""
    return read_text(value)


def print_json(data: Any) -> None:
    """Print one JSON document (UTF-8, not ASCII-escaped) and flush it."""
    write_out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
