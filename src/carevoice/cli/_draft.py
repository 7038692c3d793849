"""``carevoice draft``: draft a reply to one post, or to every post of a JSON Lines file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carevoice.cli._common import add_bank_options, bank_search, read_text_arg
from carevoice.errors import CareVoiceError, InputError

if TYPE_CHECKING:
    from carevoice.draft import Draft
    from carevoice.drafter import Drafter
    from carevoice.inbound import Inbound

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
    p.add_argument("--history", metavar="PATH",
                   help="reply history: a SQLite file, or :memory: (default: $CAREVOICE_HISTORY or the XDG data dir)")
    p.add_argument("--no-record", action="store_true", help="do not record the drafts in the history")
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

    A draft is recorded only after it was written to standard output: a draft that could
    not be written out is never recorded.
    """
    from carevoice.cli._io import require_stdin, require_stdout

    if (args.text is None) == (args.input is None):
        raise InputError("give either TEXT (or -) or --input FILE.jsonl")
    require_stdout("nothing was drafted or recorded")
    if "-" in (args.text, args.input):
        require_stdin()
    if args.input not in (None, "-") and not Path(args.input).is_file():
        raise InputError(f"no input file at {args.input}")
    text = read_text_arg(args.text) if args.input is None else None

    from carevoice.drafter import Drafter
    from carevoice.variation import open_history

    history = open_history(args.history)
    from carevoice.bank import load_bank

    bank = load_bank(args.brand, search=bank_search(args))
    drafter = Drafter(bank, history=history, seed=args.seed, agent_name=args.agent,
                      agent_initials=args.initials, sensitive=args.sensitive)
    if text is not None:
        return _one(args, drafter, text)
    return _batch(args, drafter)


def _one(args: argparse.Namespace, drafter: Drafter, text: str) -> int:
    from carevoice.cli._io import write_out

    post = _inbound({"text": text, "channel": args.channel, "name": args.name, "handle": args.handle})
    draft = drafter.draft(post, allow_blocked=True)
    write_out(json.dumps(draft.to_json(), ensure_ascii=False, indent=2) + "\n" if args.json
              else _human(draft.to_json()))
    if not args.no_record and draft.publishable:
        drafter.accept(draft, post)
    return 1 if draft.blocked else 0


def _batch(args: argparse.Namespace, drafter: Drafter) -> int:
    from carevoice.cli._io import json_line, json_lines, source_name, warn, write_out

    record = not args.no_record
    bad = 0
    where = source_name(args.input)
    for line in json_lines(args.input):
        fields, error = (None, line.error) if line.error else _fields(line.value)
        draft: Draft | None = None
        post: Inbound | None = None
        if fields is not None and error is None:
            fields.setdefault("channel", args.channel)
            if "id" in fields:
                fields["id"] = str(fields["id"])
            try:
                post = _inbound(fields)
                draft = drafter.draft(post, allow_blocked=True)
            except CareVoiceError as exc:
                error = exc.message if isinstance(exc, InputError) else str(exc)
        if draft is None or error is not None:
            bad += 1
            warn(f"{where}:{line.number}: {error}")
            out: dict[str, Any] = {"line": line.number, "id": fields.get("id") if fields else None, "error": error}
        else:
            out = draft.to_json()
        write_out(json_line(out))
        if draft is not None and post is not None and record and draft.publishable:
            drafter.accept(draft, post)
    return 2 if bad else 0


def _inbound(fields: dict[str, Any]) -> Inbound:
    """The post, or one readable :class:`InputError` for fields of the wrong type."""
    from pydantic import ValidationError

    from carevoice.inbound import Inbound

    try:
        return Inbound(**fields)
    except ValidationError as exc:
        raise InputError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None


def _human(d: dict[str, Any]) -> str:
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
