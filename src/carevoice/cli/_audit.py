"""``carevoice audit``: near-duplicate clusters and repetition rates of published replies."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from carevoice.cli._common import print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``audit`` command."""
    p = sub.add_parser("audit", help="how scripted a brand's published replies already look",
                       description="Find near-duplicate clusters in published replies (CSV or JSON Lines with "
                                   "text, author or brand, time) and report the repetition rate per brand.")
    p.add_argument("file", metavar="FILE", help="CSV or JSON Lines file of published replies")
    p.add_argument("--threshold", type=float, default=90.0,
                   help="near-duplicate score, 0-100 (default 90, the published measure)")
    p.add_argument("--scorer", default="token_set_ratio", help="rapidfuzz scorer (default token_set_ratio)")
    p.add_argument("--window", type=int, default=500,
                   help="compare with this many earlier replies of the brand; 0 for all (default 500)")
    p.add_argument("--brand", "-b", action="append", default=[], metavar="NAME",
                   help="audit only this brand (repeatable)")
    p.add_argument("--top", type=int, default=5, help="worst clusters to show per brand (default 5)")
    p.add_argument("--exact", action="store_true",
                   help="score every pair exactly (no word-overlap prefilter; slower)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice audit``: exit 1 when any near-duplicate is found."""
    from carevoice.errors import InputError
    from carevoice.variation.audit import audit, read_replies
    from carevoice.variation.similarity import get_scorer

    get_scorer(args.scorer)
    if not 0 <= args.threshold <= 100:
        raise InputError(f"--threshold must be between 0 and 100, not {args.threshold:g}")
    if args.window < 0 or args.top < 0:
        raise InputError("--window and --top must be 0 or more")
    replies = read_replies(args.file)
    if args.brand:
        wanted = set(args.brand)
        replies = [r for r in replies if r.brand in wanted]
    report = audit(replies, scorer=args.scorer, threshold=args.threshold, window=args.window,
                   containment=0.0 if args.exact else 0.5)
    if args.json:
        print_json(report.to_json(top=args.top))
    else:
        sys.stdout.write(_human(report, args.top))
    return 1 if any(b.near_duplicates for b in report.brands) else 0


def _human(report: Any, top: int) -> str:
    lines = [f"{report.replies} replies, {len(report.brands)} brands: "
             f"{sum(b.near_duplicates for b in report.brands)} near-duplicates ({report.rate:.1%}) "
             f"at {report.scorer} >= {report.threshold:g} within {report.window or 'all'} earlier replies", ""]
    for b in sorted(report.brands, key=lambda b: (-b.rate, b.brand)):
        lines.append(f"{b.brand}: {b.near_duplicates}/{b.replies} near-duplicates ({b.rate:.1%}), "
                     f"{len(b.clusters)} clusters")
        for c in b.clusters[:top]:
            lines.append(f"  {c.size} x (lines {', '.join(map(str, c.lines[:6]))}{', ...' if c.size > 6 else ''}): "
                         f"{c.texts[0][:100]!r}")
    return "\n".join(lines) + "\n"
