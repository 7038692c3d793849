"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from carevoice.cli._io import read_text, write_out

__all__ = ["add_bank_options", "bank_search", "print_json", "read_text_arg"]


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
