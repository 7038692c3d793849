"""``carevoice draft``: draft a reply to one post, or to every post of a JSON Lines file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carevoice.cli._common import add_bank_options, bank_search, print_json, read_text_arg

if TYPE_CHECKING:
    from carevoice.drafter import Drafter
    from carevoice.inbound import Inbound
    from carevoice.variation.records import ReplyRecord

__all__ = ["register", "run"]

INPUT_KEYS = ("id", "text", "channel", "name", "handle", "time", "thread_id", "followers")


def register(sub: Any) -> None:
    """Add the ``draft`` command."""
    p = sub.add_parser("draft", help="draft a reply to a post (or to each post of a JSONL file)",
                       description="Draft a CATER reply in a brand's voice.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the post text, or - to read standard input")
    add_bank_options(p)
    p.add_argument("--channel", "-c", default="x", help="channel id (default: x; see `carevoice channels`)")
    p.add_argument("--name", help="the customer's display name")
    p.add_argument("--handle", help="the customer's handle")
    p.add_argument("--seed", type=int, default=0, help="seed for a reproducible choice (default 0)")
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.add_argument("--input", "-i", metavar="FILE.jsonl",
                   help="draft every post of a JSON Lines file (id, text, channel, name, handle); - for stdin")
    p.add_argument("--history", metavar="PATH|URL",
                   help="reply history: a SQLite file, a postgresql:// URL, or :memory: "
                        "(default: $CAREVOICE_HISTORY or the XDG data dir)")
    p.add_argument("--no-record", action="store_true", help="do not record the drafts in the history")
    p.add_argument("--new-reply", action="store_true",
                   help="record a further reply even when the post (same id) already has one")
    p.add_argument("--agent", metavar="NAME", help="agent name for sign-offs")
    p.add_argument("--initials", metavar="XX", help="agent initials for sign-offs")
    p.add_argument("--sensitive", action="store_true",
                   help="sensitive period: no promotional phrases (tragedy, disaster)")
    p.set_defaults(run=run)


def _posts(args: argparse.Namespace) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, post fields or None, error or None) for each non-blank input line."""
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    with source:
        for n, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"not valid JSON: {exc.msg} (column {exc.colno})"
                continue
            if not isinstance(obj, dict):
                yield n, None, "each line must be a JSON object with at least 'text'"
                continue
            if not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield n, {"id": str(obj["id"])} if obj.get("id") is not None else None, "missing or empty 'text'"
                continue
            yield n, {k: obj[k] for k in INPUT_KEYS if obj.get(k) is not None}, None


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice draft``."""
    from carevoice.drafter import Drafter
    from carevoice.errors import InputError
    from carevoice.variation import open_history
    from carevoice.variation.coordinate import HOLD_SECONDS

    if (args.text is None) == (args.input is None):
        raise InputError("give either TEXT (or -) or --input FILE.jsonl")
    if args.input not in (None, "-") and not Path(args.input).is_file():
        raise InputError(f"no input file at {args.input}")
    from carevoice.bank import load_bank

    bank = load_bank(args.brand, search=bank_search(args))
    history = open_history(args.history)
    try:
        record = not args.no_record
        drafter = Drafter(bank, history=history, seed=args.seed, agent_name=args.agent,
                          agent_initials=args.initials, sensitive=args.sensitive,
                          hold_seconds=HOLD_SECONDS if record else 0)
        return _run(args, drafter, record)
    finally:
        history.close()


def _run(args: argparse.Namespace, drafter: Drafter, record: bool) -> int:
    from pydantic import ValidationError

    from carevoice.errors import CareVoiceError
    from carevoice.inbound import Inbound

    if args.input is None:
        text = read_text_arg(args.text)
        post = Inbound(text=text, channel=args.channel, name=args.name, handle=args.handle)
        out = _draft_one(drafter, post, record=record, new_reply=args.new_reply)
        if args.json:
            print_json(out)
        else:
            sys.stdout.write(_human(out))
        return 1 if out.get("blocked") else 0
    bad = 0
    for n, fields, error in _posts(args):
        if fields is not None and error is None:
            fields.setdefault("channel", args.channel)
            if "id" in fields:
                fields["id"] = str(fields["id"])
            try:
                post = Inbound(**fields)
                out = _draft_one(drafter, post, record=record, new_reply=args.new_reply)
            except ValidationError as exc:
                error = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            except CareVoiceError as exc:
                error = str(exc)
        if error is not None:
            bad += 1
            sys.stderr.write(f"{args.input}:{n}: {error}\n")
            out = {"line": n, "id": fields.get("id") if fields else None, "error": error}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 2 if bad else 0


def _draft_one(drafter: Drafter, post: Inbound, *, record: bool, new_reply: bool) -> dict[str, Any]:
    """Draft one post and, with ``record``, publish it; the draft's JSON, or the reply the post already has."""
    from carevoice.errors import NearDuplicateError

    if record and not new_reply:
        existing = drafter.answered(post)
        if existing is not None:
            return _answered(post, existing)
    draft = drafter.draft(post, allow_blocked=True)
    if not record or draft.blocked or draft.action == "no_reply" or not draft.text:
        return draft.to_json()
    for attempt in range(3):  # someone published a reply like it meanwhile: publish the fresh draft instead
        try:
            accepted = drafter.accept(draft, post, new_reply=new_reply)
        except NearDuplicateError as exc:
            if exc.fresh is None or exc.fresh.blocked or attempt == 2:
                raise
            draft = exc.fresh
            continue
        if accepted.outcome == "already_answered":
            return _answered(post, accepted.record)
        break
    return draft.to_json()


def _answered(post: Inbound, reply: ReplyRecord) -> dict[str, Any]:
    """The output for a post that already has its published reply (nothing new is drafted or stored)."""
    return {"id": post.id, "already_answered": True, "text": reply.text, "seq": reply.seq,
            "time": reply.time.isoformat(), "agent": reply.agent}


def _human(d: dict[str, Any]) -> str:
    if d.get("already_answered"):
        by = f" by {d['agent']}" if d.get("agent") else ""
        return f"already answered (reply #{d['seq']}, {d['time'][:16]}{by}); nothing new recorded\n\n{d['text']}\n"
    a = d["analysis"]
    head = f"{d['action']} · {a['category']} ({a['confidence']:.2f}) · {a['emotion']}"
    if a["urgency"]:
        head += f" · urgent: {', '.join(a['urgency'])}"
    lines = [head, "", d["text"] or "(no reply)"]
    if d["custom_slot"]:
        lines.append(f"  + custom line{' (required)' if d['custom_slot_required'] else ''}: {d['custom_slot_hint']}")
    if d["private"]:
        lines += ["", f"private opener: {d['private']}"]
    if d["escalation"]:
        lines.append(f"escalate: {d['escalation']}")
    for f in d["findings"]:
        lines.append(f"{f['severity']}: {f['code']} {f['message']}")
    return "\n".join(lines) + "\n"
