"""``carevoice check``: check a reply for a channel (and a brand) before it goes public."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from carevoice.cli._common import add_bank_options, bank_search, print_json, read_text_arg

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``check`` command."""
    p = sub.add_parser("check", help="check a reply: channel length, tone, structure, readability, personal data",
                       description="Check a reply before it goes public. Exit 0 when clean (warnings allowed), "
                                   "1 when a finding is an error, 2 on usage errors.")
    p.add_argument("text", metavar="TEXT", help="the reply text, or - to read standard input")
    p.add_argument("--channel", "-c", default="x", help="channel id (default: x; see `carevoice channels`)")
    add_bank_options(p, required=False)
    p.add_argument("--sensitive", action="store_true",
                   help="sensitive period: promotional content is an error")
    p.add_argument("--json", action="store_true", help="print length, limit, unit and findings as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice check``."""
    from carevoice.checks import check, length_report
    from carevoice.checks.channels import get_channel
    from carevoice.errors import InputError

    text = read_text_arg(args.text)
    if args.text == "-":
        text = text.rstrip("\r\n")
    if not text.strip():
        raise InputError("the reply text is empty")
    profile = get_channel(args.channel)
    bank = None
    if args.brand:
        from carevoice.bank import load_bank

        bank = load_bank(args.brand, search=bank_search(args))
    findings = check(text, channel=profile.id, bank=bank, sensitive=args.sensitive)
    report: dict[str, Any] = {"channel": profile.id, **length_report(text, profile, bank),
                              "findings": [f.to_json() for f in findings]}
    errors = sum(f.severity == "error" for f in findings)
    if args.json:
        print_json(report)
    else:
        sys.stdout.write(_human(report, text))
    return 1 if errors else 0


def _human(report: dict[str, Any], text: str) -> str:
    limit = "no limit" if report["limit"] is None else f"limit {report['limit']}"
    head = f"{report['channel']}: {report['length']} {report['unit']} ({limit})"
    if "encoding" in report:
        head += f", {report['encoding']}, {report['units']} units"
    lines = [head]
    for f in report["findings"]:
        where = ""
        if f["span"]:
            start, end = f["span"]
            where = f" at {start}-{end} {text[start:end]!r}"
        hint = f" -> {f['suggestion']}" if f["suggestion"] else ""
        lines.append(f"{f['severity']}: {f['code']} {f['message']}{where}{hint}")
    if not report["findings"]:
        lines.append("clean")
    return "\n".join(lines) + "\n"
