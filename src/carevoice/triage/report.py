"""The triage report: the queue, situations, surges and drafts as JSON, or as text for a person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from carevoice.draft import Draft
from carevoice.triage.drafts import QueueEntry
from carevoice.triage.engine import Triage

__all__ = ["human", "report"]


def report(triage: Triage, entries: Sequence[QueueEntry], holdings: Mapping[str, Draft], *, bank: str,
           bad: Sequence[str] = (), top: int | None = None) -> dict[str, Any]:
    """Build the report (documented in ``docs/triage.md``).

    ``situations`` lists situations of two posts or more, largest first, each with its owning
    team and, when it surged, its holding statement; ``surges`` their ids; ``queue`` the posts
    in priority order (the first ``top`` when given).
    """
    situations = []
    for s in triage.situations():
        if s.count < 2:
            continue
        data = s.to_json()
        data["team"] = triage.team_for(s.category)
        holding = holdings.get(s.id)
        data["holding"] = holding.to_json() if holding is not None else None
        situations.append(data)
    shown = entries if top is None else entries[:top]
    return {
        "brand": bank,
        "posts": len(entries),
        "bad_lines": len(bad),
        "surges": [s["id"] for s in situations if s["surged_at"]],
        "situations": situations,
        "queue": [e.to_json() for e in shown],
    }


def _clock(iso: str | None) -> str:
    return "no deadline" if iso is None else f"due {iso[:16].replace('T', ' ')}"


def human(data: Mapping[str, Any]) -> str:
    """Render a report as text: a summary, the surging situations, then the queue."""
    lines = [f"{data['brand']}: {data['posts']} posts · {len(data['situations'])} situations · "
             f"{len(data['surges'])} surging · {data['bad_lines']} bad lines"]
    for s in data["situations"]:
        mark = "SURGE" if s["surged_at"] else "situation"
        lines.append(f"{mark} {s['id']} {s['category']} [{s['label']}] · {s['count']} posts · {s['authors']} authors"
                     f" · {s['rate_per_hour']:g}/h {s['trend']} · team {s['team']}")
        if s["holding"]:
            lines.append(f"  holding statement: {s['holding']['text']}")
    lines.append("")
    for n, q in enumerate(data["queue"], 1):
        head = (f"{n:>3}. {q['level']} {q['priority']:>3} {_clock(q['deadline'])} {q['channel']} "
                f"#{q['id'] or q['seq']} {q['author']} · {q['category']} · {q['situation']} · team {q['team']}"
                f" · {q['recommendation']}")
        lines.append(head)
        lines.append(f"     post: {q['text'][:200]}")
        if q["escalation"]:
            lines.append(f"     escalate: {q['escalation']}")
        for r in q["reasons"]:
            lines.append(f"     {r}")
        d = q.get("draft")
        if d is not None:
            lines.append(f"     draft: {d['text'] or '(no reply)'}")
            for f in d["findings"]:
                lines.append(f"     {f['severity']}: {f['code']} {f['message']}")
        elif q.get("error"):
            lines.append(f"     draft error: {q['error']}")
        else:
            for f in q["findings"]:
                lines.append(f"     {f['severity']}: {f['code']} {f['message']}")
    return "\n".join(lines) + "\n"
