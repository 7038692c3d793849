"""``carevoice variety``: how many consecutive replies a bank gives each situation before one repeats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carevoice.cli._common import bank_search, print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``variety`` command."""
    p = sub.add_parser("variety", help="simulate how long a bank goes before a reply repeats",
                       description="For each situation (and channel), draft consecutive replies into an empty "
                                   "history and count how many clear the bank's similarity threshold before "
                                   "the first near-duplicate.")
    p.add_argument("bank", metavar="BANK", help="bank name (see `carevoice banks`) or path to a bank file")
    p.add_argument("--bank-dir", action="append", type=Path, default=[], metavar="DIR",
                   help="extra folder of bank files, searched first (repeatable)")
    p.add_argument("--channel", "-c", action="append", default=[], metavar="ID",
                   help="channel to simulate (repeatable; default x)")
    p.add_argument("--situation", "-s", action="append", default=[], metavar="NAME",
                   help="only this situation (repeatable)")
    p.add_argument("--limit", type=int, default=200, help="stop counting at this many replies (default 200)")
    p.add_argument("--min", type=int, default=None, metavar="N",
                   help="exit 1 when a situation repeats within N replies (default: the bank's min_variety)")
    p.add_argument("--seed", type=int, default=0, help="seed of the simulation (default 0)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice variety``: exit 1 when a situation falls under the minimum."""
    from carevoice.bank import load_bank
    from carevoice.checks.channels import get_channel
    from carevoice.errors import InputError, UnknownChoiceError
    from carevoice.variation.variety import simulate_variety

    if args.limit < 1:
        raise InputError("--limit must be at least 1")
    bank = load_bank(args.bank, search=bank_search(args))
    channels = args.channel or ["x"]
    for channel in channels:
        get_channel(channel)
        if channel not in bank.channels:
            raise UnknownChoiceError(f"channel for {bank.name}", channel, bank.channels)
    situations = [s for s in bank.situations if s != "spam"]
    for s in args.situation:
        if s not in situations:
            raise UnknownChoiceError(f"situation of {bank.name}", s, situations)
    situations = args.situation or situations
    minimum = args.min if args.min is not None else bank.variation.min_variety
    rows = [{"situation": s, "channel": c,
             "replies": simulate_variety(bank, s, channel=c, limit=args.limit, seed=args.seed)}
            for c in channels for s in situations]
    for row in rows:
        row["thin"] = row["replies"] < args.limit
        row["below_min"] = row["replies"] < minimum
    if args.json:
        print_json({"bank": bank.name, "limit": args.limit, "min": minimum, "seed": args.seed, "situations": rows})
    else:
        sys.stdout.write(f"{bank.name}: consecutive replies before a near-duplicate (limit {args.limit})\n")
        for row in rows:
            mark = "  below minimum" if row["below_min"] else ""
            shown = f"{row['replies']}+" if not row["thin"] else str(row["replies"])
            sys.stdout.write(f"  {row['situation']:<22} {row['channel']:<10} {shown:>5}{mark}\n")
    return 1 if any(r["below_min"] for r in rows) else 0
