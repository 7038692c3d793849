"""``carevoice schema``: print the JSON Schema of bank files."""

from __future__ import annotations

import argparse
from typing import Any

from carevoice.cli._common import print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``schema`` command."""
    p = sub.add_parser("schema", help="print the JSON Schema of phrase bank files",
                       description="Print a JSON Schema (draft 2020-12) for editors to check bank files.")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice schema``."""
    from carevoice.bank.schema import bank_json_schema

    print_json(bank_json_schema())
    return 0
