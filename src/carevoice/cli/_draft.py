"""``carevoice draft``: draft a reply to one post, or to every post of a JSON Lines file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carevoice.cli._common import add_bank_options, bank_search, long_lived, read_text_arg
from carevoice.errors import CareVoiceError, InputError

if TYPE_CHECKING:
    from carevoice.draft import Draft
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


def _fields(value: Any) -> tuple[dict[str, Any] | None, str | None]:
    """(post fields or None, error or None) for one parsed input line."""
    if not isinstance(value, dict):
        return None, "each line must be a JSON object with at least 'text'"
    if not isinstance(value.get("text"), str) or not value["text"].strip():
        return ({"id": str(value["id"])} if value.get("id") is not None else None), "missing or empty 'text'"
    return {k: value[k] for k in INPUT_KEYS if value.get(k) is not None}, None


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice draft``.

    A draft is held while it is written out and published only after it was written to
    standard output: a draft that could not be written out is never recorded. The command
    builds plain twins of the models (:mod:`carevoice._plain`): it prints their JSON and
    text, the same as the models', and never imports pydantic on a warm run.
    """
    from carevoice._plain import plain_models

    with plain_models():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from carevoice.cli._io import require_stdin, require_stdout

    if (args.text is None) == (args.input is None):
        raise InputError("give either TEXT (or -) or --input FILE.jsonl")
    require_stdout("nothing was drafted or recorded")
    if "-" in (args.text, args.input):
        require_stdin()
    if args.input not in (None, "-") and not Path(args.input).is_file():
        raise InputError(f"no input file at {args.input}")
    text = read_text_arg(args.text) if args.input is None else None

    with long_lived():
        from carevoice.bank import load_bank
        from carevoice.drafter import Drafter
        from carevoice.variation import open_history
        from carevoice.variation.coordinate import HOLD_SECONDS

        bank = load_bank(args.brand, search=bank_search(args))
    history = open_history(args.history)
    try:
        record = not args.no_record
        drafter = Drafter(bank, history=history, seed=args.seed, agent_name=args.agent,
                          agent_initials=args.initials, sensitive=args.sensitive,
                          hold_seconds=HOLD_SECONDS if record else 0)
        if text is not None:
            return _one(args, drafter, text, record)
        return _batch(args, drafter, record)
    finally:
        history.close()


def _one(args: argparse.Namespace, drafter: Drafter, text: str, record: bool) -> int:
    from carevoice.cli._io import write_out

    post = _inbound({"text": text, "channel": args.channel, "name": args.name, "handle": args.handle})
    out, draft = _prepare(drafter, post, record=record, new_reply=args.new_reply)
    write_out(json.dumps(out, ensure_ascii=False, indent=2) + "\n" if args.json else _human(out))
    if draft is not None and record:
        _publish(drafter, draft, post, new_reply=args.new_reply)
    return 1 if out.get("blocked") else 0


def _batch(args: argparse.Namespace, drafter: Drafter, record: bool) -> int:
    from carevoice.cli._io import json_line, json_lines, source_name, warn, write_out

    bad = 0
    where = source_name(args.input)
    for line in json_lines(args.input):
        fields, error = (None, line.error) if line.error else _fields(line.value)
        draft: Draft | None = None
        post: Inbound | None = None
        out: dict[str, Any] = {}
        if fields is not None and error is None:
            fields.setdefault("channel", args.channel)
            if "id" in fields:
                fields["id"] = str(fields["id"])
            try:
                post = _inbound(fields)
                out, draft = _prepare(drafter, post, record=record, new_reply=args.new_reply)
            except CareVoiceError as exc:
                error = exc.message if isinstance(exc, InputError) else str(exc)
        if error is not None:
            bad += 1
            warn(f"{where}:{line.number}: {error}")
            out = {"line": line.number, "id": fields.get("id") if fields else None, "error": error}
        write_out(json_line(out))
        if draft is not None and post is not None and record:
            try:
                _publish(drafter, draft, post, new_reply=args.new_reply)
            except CareVoiceError as exc:
                bad += 1
                warn(f"{where}:{line.number}: not recorded: {exc}")
    return 2 if bad else 0


def _prepare(drafter: Drafter, post: Inbound, *, record: bool,
             new_reply: bool) -> tuple[dict[str, Any], Draft | None]:
    """The output for a post (its draft, or the reply it already has) and the draft to publish, if any."""
    if record and not new_reply:
        existing = drafter.answered(post)
        if existing is not None:
            return _answered(post, existing), None
    draft = drafter.draft(post, allow_blocked=True)
    return draft.to_json(), draft if draft.publishable else None


def _publish(drafter: Drafter, draft: Draft, post: Inbound, *, new_reply: bool) -> None:
    """Publish a draft that was written out; a reply like it published meanwhile is a clear error, not a copy."""
    drafter.accept(draft, post, new_reply=new_reply)


def _answered(post: Inbound, reply: ReplyRecord) -> dict[str, Any]:
    """The output for a post that already has its published reply (nothing new is drafted or stored)."""
    return {"id": post.id, "already_answered": True, "text": reply.text, "seq": reply.seq,
            "time": reply.time.isoformat(), "agent": reply.agent}


def _inbound(fields: dict[str, Any]) -> Inbound:
    """The post, or one readable :class:`InputError` for fields of the wrong type."""
    from carevoice._plain import plain_inbound

    post = plain_inbound(fields)
    if post is not None:
        return post
    from pydantic import ValidationError

    from carevoice.inbound import Inbound

    try:
        return Inbound(**fields)
    except ValidationError as exc:
        raise InputError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None


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
