"""``carevoice channels``: list channel profiles, their limits and sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from carevoice.cli._common import print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``channels`` command."""
    p = sub.add_parser("channels", help="list channels with their limits",
                       description="List channel profiles: limit, unit and the source of the limit.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice channels``."""
    from carevoice.checks.channels import channels

    profiles = list(channels().values())
    if args.json:
        print_json([p.model_dump() for p in profiles])
        return 0
    for p in profiles:
        limit = "no limit" if p.limit is None else f"{p.limit} {p.unit}"
        sys.stdout.write(f"{p.id:<20} {limit:<22} {p.source}\n")
    return 0
