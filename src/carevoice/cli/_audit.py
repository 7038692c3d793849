"""``carevoice audit``: near-duplicate clusters and repetition rates of published replies."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from typing import Any

from carevoice.cli._common import print_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``audit`` command."""
    p = sub.add_parser("audit", help="how scripted a brand's published replies already look",
                       description="Find near-duplicate clusters in published replies (CSV or JSON Lines with "
                                   "text, author or brand, time; or a reply history) and report the repetition "
                                   "rate per brand, agent or situation.")
    p.add_argument("file", metavar="FILE", nargs="?", help="CSV or JSON Lines file of published replies")
    p.add_argument("--history", metavar="PATH|URL", nargs="?", const="",
                   help="audit a reply history instead of a file: a SQLite file or a postgresql:// URL "
                        "(alone: $CAREVOICE_HISTORY or the default file)")
    p.add_argument("--since", metavar="WHEN",
                   help="audit replies from this time (a date, a date and time, or a span back: 24h, 7d); "
                        "with --history, earlier replies are still compared with")
    p.add_argument("--by", choices=("brand", "agent", "situation"), default="brand",
                   help="also break the figures down per agent or per situation (default: per brand only)")
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
    from carevoice.variation.audit import audit, parse_since, read_history, read_replies
    from carevoice.variation.similarity import get_scorer

    get_scorer(args.scorer)
    if not 0 <= args.threshold <= 100:
        raise InputError(f"--threshold must be between 0 and 100, not {args.threshold:g}")
    if args.window < 0 or args.top < 0:
        raise InputError("--window and --top must be 0 or more")
    if (args.file is None) == (args.history is None):
        raise InputError("give either FILE or --history")
    since = parse_since(args.since) if args.since else None
    if args.history is not None:
        from carevoice.variation import open_history

        history = open_history(args.history)
        try:
            replies = read_history(history, brands=args.brand, since=since, context=args.window or 5000)
        finally:
            history.close()
    else:
        replies = read_replies(args.file)
        if since is not None:
            replies = [r for r in replies if r.time is not None and _after(r.time, since)]
    if args.brand:
        wanted = set(args.brand)
        replies = [r for r in replies if r.brand in wanted]
    report = audit(replies, scorer=args.scorer, threshold=args.threshold, window=args.window,
                   containment=0.0 if args.exact else 0.5, by=args.by)
    if args.json:
        print_json(report.to_json(top=args.top))
    else:
        sys.stdout.write(_human(report, args.top))
    return 1 if any(b.near_duplicates for b in report.brands) else 0


def _after(when: str, since: datetime) -> bool:
    try:
        at = datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        return False
    return (at if at.tzinfo is not None else at.replace(tzinfo=timezone.utc)) >= since


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
        for g in (g for g in report.groups if g.brand == b.brand):
            lines.append(f"  {report.by} {g.key}: {g.near_duplicates}/{g.replies} near-duplicates ({g.rate:.1%})")
    return "\n".join(lines) + "\n"
