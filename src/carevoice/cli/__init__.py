"""The ``carevoice`` command line: thin commands over the library.

Each command lives in its own module with ``register(subparsers)`` and
``run(args) -> int``; library errors become one readable line and exit 2
(75 when the reply history's server cannot be reached: try again later).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from enum import IntEnum
from typing import Any, NoReturn

__all__ = ["COMMANDS", "ExitStatus", "main"]

COMMANDS: tuple[str, ...] = (
    "draft",
    "banks",
    "schema",
    "channels",
    "check",
    "lint",
    "triage",
    "audit",
    "variety",
)
"""Command modules (``carevoice.cli._<name>``), in the order ``--help`` lists them."""


class ExitStatus(IntEnum):
    """Exit codes of every command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    UNAVAILABLE = 75
    INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(ExitStatus.USAGE)

    def _get_formatter(self) -> argparse.HelpFormatter:
        """The formatter argparse would make, as wide, without importing :mod:`shutil`.

        A formatter given no width imports :mod:`shutil` (with :mod:`bz2`, :mod:`lzma` and
        :mod:`zlib`: about 2 ms) for :func:`shutil.get_terminal_size`, and argparse makes one for
        every argument it adds; :func:`_terminal_columns` finds the same width. Python 3.14's
        formatters also learn the output's colours here: they are left to argparse.
        """
        if sys.version_info >= (3, 14):
            return super()._get_formatter()
        return self.formatter_class(prog=self.prog, width=_terminal_columns() - 2)  # type: ignore[call-arg]


def _terminal_columns() -> int:
    """The terminal's width in columns, found as :func:`shutil.get_terminal_size` finds it.

    ``$COLUMNS`` when it is a positive whole number; else the width of the terminal standard
    output was started with; else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("carevoice")
    except PackageNotFoundError:
        return "0+unknown"


class _VersionAction(argparse._VersionAction):
    """``--version``, looking the version up only when asked (importlib.metadata costs ~20 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        self.version = f"carevoice {_version()}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full argument parser (used by ``main`` and by the docs tests).

    ``only`` names the one command to register (``main`` passes the command it was given, so a
    run imports that command's module alone); its parser and messages are the same as in
    the full parser.
    """
    parser = _Parser(prog="carevoice", description="Draft, check and lint empathetic public care replies.")
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f"carevoice.cli._{name}")
        module.register(sub)
    return parser


_DEFERRED = ("inspect", "ipaddress")
"""Standard modules the command line imports but seldom uses: loaded on first use (:mod:`carevoice._lazy`).

:mod:`dataclasses` imports :mod:`inspect` only to write a signature into a class without a
docstring (about 5 ms with :mod:`ast`, :mod:`dis` and :mod:`tokenize`); :mod:`urllib.parse`,
which :mod:`pathlib` imports, imports :mod:`ipaddress` only to check a bracketed host in a URL
(about 1 ms).
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--version"], ["-V"]):
        print(f"carevoice {_version()}")
        return ExitStatus.OK
    held = program and gc.isenabled()
    if held:  # what the command line imports before the command runs lives as long as the process
        gc.disable()
    from carevoice import _code_cache

    if program:  # the command's modules import with the dataclass code the previous run compiled
        from carevoice._lazy import defer_module

        for name in _DEFERRED:
            defer_module(name)
        _code_cache.install()
    try:
        status = _run(argv, program, held)
    finally:
        _code_cache.uninstall()
        if held and not _ending[0]:
            gc.enable()
    if _ending[0]:
        _end_now(status)
    return status


_END_AT_ONCE = frozenset({"draft", "lint"})
"""Commands whose process ends as soon as they have run, when the command line runs as the program.

The process ends with :func:`os._exit` once standard output and error are flushed, as mypy does,
instead of freeing every object one by one and collecting once more. Both commands have stored
what they learnt in the user cache and closed their files by then (a draft its reply history,
in ``finally``). Linting keeps some 200,000 objects alive to the end (about a tenth of an uncached
lint of the shipped banks); a warm one-post draft's bank, lexicon, reading model and compiled
patterns took about 10 ms to free, an eighth of the command.
"""


def _held_to_the_end(args: argparse.Namespace) -> bool:
    """Whether a command that ends at once also runs with the collector held from start to end.

    Linting and drafting one post make little cyclic garbage (the ten-odd collections of a warm
    one-post draft, some 3 ms, found none), and linting's long-lived objects would be walked once
    after linting and again at exit. A file of posts is drafted with the collector running: it
    makes garbage post after post.
    """
    return args.command == "lint" or (args.command == "draft" and getattr(args, "input", None) is None)


_ending: list[bool] = [False]


def _end_now(status: int) -> None:
    """End the process with ``status`` after flushing the standard streams (returns when they cannot be flushed)."""
    import os

    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # a closed or broken pipe: the interpreter's own exit reports it as before
        return
    os._exit(status)


def _run(argv: list[str], program: bool, held: bool) -> int:
    from carevoice.cli._common import set_program

    set_program(program)
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else ExitStatus.USAGE
    if not getattr(args, "command", None):
        parser.print_help()
        return ExitStatus.USAGE
    from carevoice.cli._io import ClosedOutput, warn
    from carevoice.errors import CareVoiceError, HistoryUnavailableError

    if sys.stdout is None:  # run with >&-: commands that write get one clear error, not AttributeError
        sys.stdout = ClosedOutput()
    # the PostgreSQL driver logs each connection it loses; the command prints one line of its own
    from carevoice._driver_log import quiet_driver

    quiet_driver()
    from carevoice import _cache, _regex_cache

    context = f"{args.command}:{getattr(args, 'brand', None) or ''}"
    _cache.start_run(context)
    _regex_cache.preload(context)
    if held:
        # the collector was held since main started: the objects made so far (modules, the parser...)
        # live as long as the process, so they are frozen (left out of every collection, as in
        # :func:`carevoice.cli._common.long_lived`) and the collector runs as usual for the command
        gc.freeze()
        if args.command in _END_AT_ONCE:  # the process ends at once when the command has run
            _ending[0] = True
        if not (_ending[0] and _held_to_the_end(args)):
            gc.enable()
    try:
        return int(args.run(args))
    except CareVoiceError as exc:
        warn(f"carevoice {args.command}: error: {exc}")
        return ExitStatus.UNAVAILABLE if isinstance(exc, HistoryUnavailableError) else ExitStatus.USAGE
    except KeyboardInterrupt:
        warn("carevoice: interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return ExitStatus.OK
    finally:
        _cache.flush()
