"""``carevoice banks``: list the shipped and local phrase banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carevoice.cli._common import bank_search, print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``banks`` command."""
    p = sub.add_parser("banks", help="list the phrase banks carevoice can use",
                       description="List shipped and local banks (./phrasebanks, $CAREVOICE_BANK_PATH, --bank-dir).")
    p.add_argument("--json", action="store_true", help="print a JSON list of objects")
    p.add_argument("--bank-dir", action="append", type=Path, default=[], metavar="DIR",
                   help="extra folder of bank files")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice banks``."""
    from carevoice.bank import list_banks, load_bank
    from carevoice.errors import BankError

    rows: list[dict[str, Any]] = []
    for info in list_banks(bank_search(args)):
        row: dict[str, Any] = {"name": info.name, "path": str(info.path), "shipped": info.shipped}
        try:
            bank = load_bank(info.path, search=bank_search(args))
            row.update(display_name=bank.display_name, extends=list(bank.lineage[:-1]),
                       phrases=len(bank.phrases), situations=list(bank.situations),
                       channels=list(bank.channels), description=bank.description, error=None)
        except BankError as exc:
            row.update(error=str(exc))
        rows.append(row)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        where = "shipped" if r["shipped"] else r["path"]
        if r["error"]:
            sys.stdout.write(f"{r['name']:<16} BROKEN  {r['error']}\n")
        else:
            parent = f" (extends {r['extends'][-1]})" if r["extends"] else ""
            sys.stdout.write(f"{r['name']:<16} {r['display_name']}{parent}: {r['phrases']} phrases, {where}\n")
    return 1 if any(r["error"] for r in rows) else 0
