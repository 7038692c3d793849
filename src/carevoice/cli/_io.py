"""Standard streams and JSON Lines input: bad bytes become located errors, never tracebacks.

- :func:`read_text` reads a TEXT argument (``-`` reads standard input) as UTF-8 text;
- :func:`json_lines` reads a JSON Lines file (or standard input) one line at a time. A line that
  is not UTF-8, not JSON, nested too deeply or longer than :data:`MAX_LINE_BYTES` is reported
  with its number and reading goes on; a UTF-8 byte-order mark is accepted; a UTF-16 or binary
  file is refused whole with one clear error, before anything is drafted;
- :func:`write_out` writes to standard output and flushes, so that a command records a draft
  only once it was written (a closed or full output raises :class:`OutputError`).
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from carevoice.errors import InputError, OutputError

__all__ = ["MAX_LINE_BYTES", "STDIN", "ClosedOutput", "Line", "json_line", "json_lines", "read_text",
           "require_stdin", "require_stdout", "source_name", "warn", "write_out"]

MAX_LINE_BYTES = 1 << 20
"""Longest input line read (1 MiB): a post is at most 20,000 characters."""
MAX_TEXT_BYTES = 1 << 20
"""Longest TEXT read from standard input."""
STDIN = "<stdin>"
_SNIFF_BYTES = 8192
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class Line(NamedTuple):
    """One non-blank input line: its number, and its JSON value or why it cannot be used."""

    number: int
    value: Any
    error: str | None


def source_name(path: str) -> str:
    """How messages name an input: the path, or ``<stdin>`` for ``-``."""
    return STDIN if path == "-" else path


def require_stdin() -> None:
    """Fail before any work when standard input is closed (``<&-``)."""
    if sys.stdin is None or getattr(sys.stdin, "closed", False):
        raise InputError("standard input is closed; give the text as an argument, a file with --input, "
                         "or pipe it in")


def _stdin() -> IO[bytes]:
    require_stdin()
    stream = sys.stdin
    raw = getattr(stream, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (an embedding program's StringIO)
        return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))
    return raw  # type: ignore[no-any-return]


def _sniff(head: bytes, where: str) -> None:
    """Refuse UTF-16/UTF-32 and binary input whole: line by line it would only be noise."""
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # UTF-16 without a byte-order mark: Latin text has a zero in every other byte, on one side only
    if head.startswith(_UTF16_BOMS) or (half >= 2 and max(even, odd) >= half * 0.3 and min(even, odd) <= half * 0.02):
        raise InputError(f"{where}: UTF-16 (or UTF-32) text; carevoice reads UTF-8 "
                         f"(convert it first: iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in head:
        raise InputError(f"{where}: a binary file, not UTF-8 JSON Lines text")


def _decode_error(raw: bytes, exc: UnicodeDecodeError) -> str:
    column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
    return f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {column})"


def read_text(value: str) -> str:
    """A TEXT argument; ``-`` reads standard input (UTF-8, a byte-order mark allowed)."""
    if value != "-":
        return value
    try:
        raw = _stdin().read(MAX_TEXT_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input: {exc}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise InputError(f"standard input is longer than {MAX_TEXT_BYTES // 1024} KiB; a post is much shorter")
    _sniff(raw[:_SNIFF_BYTES], STDIN)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{STDIN}: {_decode_error(raw, exc)}") from None


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return _stdin()
    if not Path(path).is_file():
        raise InputError(f"no input file at {path}")
    try:
        return open(path, "rb")  # closed by the reader
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def json_lines(path: str) -> Iterator[Line]:
    """Each non-blank line of a JSON Lines file (``-``: standard input), parsed or with its error.

    Opening, UTF-16 and binary checks happen at once (raising :class:`InputError`); lines are
    then read lazily, so a stream of any length is processed in constant memory.
    """
    where = source_name(path)
    stream = _open(path)
    try:
        buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
        _sniff(buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES], where)
    except (OSError, ValueError) as exc:
        stream.close()
        raise InputError(f"cannot read {where}: {exc}") from None
    except InputError:
        stream.close()
        raise
    return _lines(buffered, stream, path == "-")


def _lines(buffered: Any, stream: IO[bytes], is_stdin: bool) -> Iterator[Line]:
    try:
        number = 0
        while True:
            raw: bytes = buffered.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := buffered.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield Line(number, None, f"line longer than {MAX_LINE_BYTES // 1024} KiB")
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            yield _parse(number, raw)
    finally:
        if not is_stdin:
            stream.close()


def _parse(number: int, raw: bytes) -> Line:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Line(number, None, _decode_error(raw, exc))
    try:
        return Line(number, json.loads(text), None)
    except json.JSONDecodeError as exc:
        return Line(number, None, f"not valid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Line(number, None, "not usable JSON: nested too deeply")
    except ValueError as exc:  # an integer of more than 4,300 digits
        return Line(number, None, f"not usable JSON: {exc}")


def json_line(value: Any) -> str:
    """One JSON document on one line, UTF-8 as is; escaped when it holds a lone surrogate (from a bad input id)."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value)
    return text + "\n"


def warn(message: str) -> None:
    """One line on standard error; nothing when standard error is closed (``2>&-``)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


class ClosedOutput:
    """Stands in for a closed standard output (``>&-``): writing raises :class:`OutputError`."""

    closed = True

    def write(self, text: str) -> int:
        """Refuse to write."""
        raise OutputError("standard output is closed")

    def flush(self) -> None:
        """Nothing to flush."""


def require_stdout(consequence: str = "") -> None:
    """Fail (before any work, when a command calls it first) when standard output is closed (``>&-``)."""
    if sys.stdout is None or getattr(sys.stdout, "closed", False):
        raise OutputError(f"standard output is closed{'; ' + consequence if consequence else ''}")


def write_out(text: str) -> None:
    """Write to standard output and flush; raise :class:`OutputError` when that fails.

    A broken pipe (the reader went away) is left to the command line's quiet exit.
    """
    require_stdout()
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write to standard output: {exc}") from None
