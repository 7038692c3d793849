"""``carevoice triage``: read a stream of posts and print the queue, situations, surges and drafts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from carevoice.cli._common import add_bank_options, bank_search, print_json
from carevoice.cli._io import Line, write_out
from carevoice.errors import OutputError

if TYPE_CHECKING:
    from carevoice.draft import Draft
    from carevoice.inbound import Inbound

__all__ = ["register", "run"]

KEYS = ("id", "text", "time", "channel", "author", "name", "handle", "followers", "thread_id")


def register(sub: Any) -> None:
    """Add the ``triage`` command."""
    p = sub.add_parser("triage", help="triage a stream of posts: queue, deadlines, situations, surges, drafts",
                       description="Triage a JSON Lines stream of posts (id, text, time, channel, author) for a "
                                   "brand: priority queue with deadlines, situations, surges and drafts.")
    p.add_argument("--input", "-i", required=True, metavar="FILE.jsonl", help="JSON Lines posts; - for stdin")
    add_bank_options(p)
    p.add_argument("--channel", "-c", default="x", help="channel for lines without one (default: x)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--history", metavar="PATH", default=":memory:",
                   help="reply history for the drafts: a SQLite file, a postgresql:// URL or :memory: (default)")
    p.add_argument("--no-record", action="store_true", help="do not record the drafts in the history")
    p.add_argument("--no-drafts", action="store_true", help="triage only, draft nothing")
    p.add_argument("--top", type=int, metavar="N", help="print only the first N posts of the queue")
    p.add_argument("--seed", type=int, default=0, help="seed for reproducible drafts (default 0)")
    p.add_argument("--sensitive", action="store_true", help="sensitive period: no promotional or cheerful phrases")
    p.set_defaults(run=run)


class _Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.label = label
        self.on = self.stream.isatty()
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.on or total <= 0:
            return
        pct = done * 100 // total
        if pct == self._shown and done != total:
            return
        self._shown = pct
        bar = "#" * (pct // 4) + "-" * (25 - pct // 4)
        self.stream.write(f"\r{self.label} [{bar}] {pct:3d}% {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _parse(n: int, obj: Any, args: argparse.Namespace, channels: tuple[str, ...]) -> Inbound:
    from pydantic import ValidationError

    from carevoice.errors import InputError
    from carevoice.inbound import Inbound

    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object with 'text' and 'time'", line=n)
    if not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise InputError("missing or empty 'text'", line=n)
    raw_time = obj.get("time")
    if not isinstance(raw_time, str):
        raise InputError("missing 'time' (ISO 8601, such as 2024-05-06T09:30:00Z)", line=n)
    try:
        time = datetime.fromisoformat(raw_time.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"'time' is not ISO 8601: {raw_time!r}", line=n) from None
    channel = str(obj.get("channel") or args.channel)
    if channel not in channels:
        from carevoice.errors import did_you_mean

        raise InputError(f"channel {channel!r} is not served by this bank; {did_you_mean(channel, channels)}"
                         f"known: {', '.join(channels)}", line=n)
    fields = {k: obj[k] for k in KEYS if obj.get(k) is not None and k not in ("time", "author", "channel")}
    if "id" in fields:
        fields["id"] = str(fields["id"])
    author = obj.get("author")
    if author is not None and "handle" not in fields:
        fields["handle"] = str(author)
    try:
        return Inbound(**fields, time=time, channel=channel)
    except ValidationError as exc:
        msg = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(msg, line=n) from None


def _posts(lines: list[Line], args: argparse.Namespace, channels: tuple[str, ...],
           bad: list[str]) -> Iterator[Inbound]:
    from carevoice.cli._io import source_name, warn
    from carevoice.errors import InputError

    progress = _Progress("triage")
    for i, line in enumerate(lines, 1):
        progress(i, len(lines))
        try:
            if line.error is not None:
                raise InputError(line.error, line=line.number)
            yield _parse(line.number, line.value, args, channels)
        except InputError as exc:
            message = f"{source_name(args.input)}:{line.number}: {exc.message}"
            bad.append(message)
            warn(message)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice triage``."""
    from carevoice.bank import load_bank
    from carevoice.cli._io import json_lines, require_stdin, require_stdout
    from carevoice.errors import InputError
    from carevoice.triage import Triage

    require_stdout("nothing was drafted or recorded")
    if args.input == "-":
        require_stdin()
    elif not Path(args.input).is_file():
        raise InputError(f"no input file at {args.input}")
    if args.top is not None and args.top < 1:
        raise InputError("--top must be at least 1")
    bank = load_bank(args.brand, search=bank_search(args))
    triage = Triage(bank)
    bad: list[str] = []
    for post in _posts(list(json_lines(args.input)), args, bank.channels, bad):
        triage.add(post)
    holdings: dict[str, Draft] = {}
    if args.no_drafts:
        from carevoice.triage.drafts import QueueEntry

        entries = [QueueEntry(i) for i in triage.queue()]
    else:
        from carevoice.drafter import Drafter
        from carevoice.triage.drafts import draft_queue
        from carevoice.variation import open_history
        from carevoice.variation.coordinate import HOLD_SECONDS

        history = open_history(args.history)
        try:  # drafts not recorded are not held either: nobody would release them
            drafter = Drafter(bank, history=history, seed=args.seed, sensitive=args.sensitive,
                              hold_seconds=0 if args.no_record else HOLD_SECONDS)
            entries, holdings = draft_queue(triage, drafter, record=not args.no_record, progress=_Progress("drafts"))
        finally:
            history.close()
    from carevoice.triage.report import human, report

    data = report(triage, entries, holdings, bank=bank.name, bad=bad, top=args.top)
    try:
        if args.json:
            print_json(data)
        else:
            write_out(human(data))
    except OutputError as exc:
        if args.no_drafts or args.no_record or args.history == ":memory:":
            raise
        raise OutputError(f"{exc}; the drafts were already recorded in the reply history at {args.history} "
                          "(triage records as it drafts, so the batch varies)") from None
    return 2 if bad else 0
