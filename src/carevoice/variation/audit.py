"""Audit published replies, to show how scripted a brand already looks.

Reads a CSV or JSON Lines file of replies (``text``; ``brand`` or ``author``
or ``company``; optional ``time``), or a reply history itself (every agent's
replies, with agent and situation), orders each brand's replies by time, and
counts a reply as a near-duplicate when it scores at or above the threshold
against any of the brand's previous ``window`` replies (by default the
published measure: ``token_set_ratio >= 90`` on cleaned text). Near-duplicate
links form clusters (the same script reused); the worst are reported. The
figures can also be broken down per agent or per situation (``by``): a reply
counts for its agent when it repeats an earlier reply of the brand by anyone.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rapidfuzz import process

from carevoice.errors import InputError
from carevoice.variation.similarity import STRICT_SCORER, STRICT_THRESHOLD, clean, get_scorer

if TYPE_CHECKING:
    from carevoice.variation.history import History

__all__ = ["GROUPINGS", "AuditReport", "BrandAudit", "Cluster", "GroupAudit", "Grouping", "Reply", "audit",
           "parse_since", "parse_time", "read_history",
           "read_replies"]

Grouping = Literal["brand", "agent", "situation"]
GROUPINGS: tuple[str, ...] = ("brand", "agent", "situation")

TEXT_KEYS = ("text", "reply", "message", "body")
BRAND_KEYS = ("brand", "author", "company", "screen_name", "user")
TIME_KEYS = ("time", "created_at", "date", "datetime", "timestamp")


@dataclass(frozen=True)
class Reply:
    """One published reply: read from a file (``line`` is its line or row number) or a history (its ``seq``).

    A reply that is not ``counted`` is only there to be compared with (the replies before an audited period).
    """

    text: str
    brand: str
    time: str | None
    line: int
    agent: str | None = None
    situation: str | None = None
    counted: bool = True


@dataclass(frozen=True)
class Cluster:
    """Replies linked by near-duplicate scores: one script used ``size`` times."""

    size: int
    texts: tuple[str, ...]
    lines: tuple[int, ...]


@dataclass(frozen=True)
class BrandAudit:
    """The repetition figures of one brand."""

    brand: str
    replies: int
    near_duplicates: int
    clusters: tuple[Cluster, ...]

    @property
    def rate(self) -> float:
        """Share of replies that are near-duplicates of an earlier one."""
        return self.near_duplicates / self.replies if self.replies else 0.0


@dataclass(frozen=True)
class GroupAudit:
    """The repetition figures of one agent or situation of a brand (``key`` ``"-"`` when not recorded)."""

    brand: str
    key: str
    replies: int
    near_duplicates: int

    @property
    def rate(self) -> float:
        """Share of the group's replies that repeat an earlier reply of the brand."""
        return self.near_duplicates / self.replies if self.replies else 0.0


@dataclass(frozen=True)
class AuditReport:
    """The audit of a file or history: per-brand figures, the overall rate, and per-agent or per-situation ones."""

    brands: tuple[BrandAudit, ...]
    scorer: str
    threshold: float
    window: int
    meta: dict[str, Any] = field(default_factory=dict)
    by: str = "brand"
    groups: tuple[GroupAudit, ...] = ()

    @property
    def replies(self) -> int:
        """All replies audited."""
        return sum(b.replies for b in self.brands)

    @property
    def rate(self) -> float:
        """Share of all replies that are near-duplicates of an earlier reply of the same brand."""
        return sum(b.near_duplicates for b in self.brands) / self.replies if self.replies else 0.0

    def to_json(self, top: int = 5) -> dict[str, Any]:
        """The report as a JSON-ready dict (documented in ``docs/variation.md``)."""
        return {
            "version": 1, "scorer": self.scorer, "threshold": self.threshold, "window": self.window,
            "replies": self.replies, "near_duplicates": sum(b.near_duplicates for b in self.brands),
            "rate": round(self.rate, 4),
            "brands": [{
                "brand": b.brand, "replies": b.replies, "near_duplicates": b.near_duplicates,
                "rate": round(b.rate, 4),
                "clusters": [{"size": c.size, "lines": list(c.lines), "texts": list(c.texts[:3])}
                             for c in b.clusters[:top]],
            } for b in self.brands],
            "by": self.by,
            "groups": [{"brand": g.brand, self.by: g.key, "replies": g.replies, "near_duplicates": g.near_duplicates,
                        "rate": round(g.rate, 4)} for g in self.groups],
        }


def _pick(row: dict[str, Any], keys: Sequence[str]) -> Any:
    for k in keys:
        if row.get(k) not in (None, ""):
            return row[k]
    return None


def read_replies(path: str | Path) -> list[Reply]:
    """Replies from a CSV or JSON Lines file; bad input raises one located :class:`InputError`."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no file at {path}")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    rows = _jsonl(raw, str(path)) if raw.lstrip().startswith("{") else _csv(raw, str(path))
    out = []
    for line, row in rows:
        text = _pick(row, TEXT_KEYS)
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"no reply text (expected one of: {', '.join(TEXT_KEYS)})", source=str(path),
                             line=line)
        brand = _pick(row, BRAND_KEYS)
        when = _pick(row, TIME_KEYS)
        if when is not None and parse_time(str(when)) is None:
            raise InputError(f"time {str(when)[:40]!r} is not a time carevoice reads (ISO 8601 such as "
                             f"2017-10-31T22:10:47Z, Twitter's 'Tue Oct 31 22:10:47 +0000 2017', RFC 2822 or "
                             f"Unix seconds)", source=str(path), line=line)
        out.append(Reply(text, str(brand) if brand is not None else "-", str(when) if when is not None else None,
                         line))
    return out


def read_history(history: History, *, brands: Iterable[str] = (), since: datetime | None = None,
                 context: int = 500) -> list[Reply]:
    """The published replies of a history (of some brands, from ``since``); ``line`` is each reply's ``seq``.

    With ``since``, each brand's ``context`` replies before the period come too, not counted, so
    that a reply of the period that repeats an older one is still found.
    """
    wanted = list(dict.fromkeys(brands))
    scans = [history.scan(b, since=since) for b in wanted] if wanted else [history.scan(since=since)]
    out = [Reply(r.text, r.brand, r.time.isoformat(), r.seq, r.agent, r.category) for scan in scans for r in scan]
    if since is None or not context:
        return out
    first: dict[str, int] = {}
    for r in out:
        first.setdefault(r.brand, r.line)
    older = [Reply(r.text, r.brand, r.time.isoformat(), r.seq, r.agent, r.category, counted=False)
             for brand, seq in first.items() for r in reversed(history.recent(brand, limit=context, before=seq))]
    return older + out


_AGO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, *, now: datetime | None = None) -> datetime:
    """A point in time: an ISO date or date-time (UTC unless it says), or a span back from now (``24h``, ``7d``)."""
    ago = _AGO.match(text)
    if ago:
        return (now or datetime.now(timezone.utc)) - timedelta(**{_UNITS[ago.group(2)]: float(ago.group(1))})
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--since {text!r}: expected a date (2026-05-20), a date and time (2026-05-20T08:00) "
                         "or a span back from now (90m, 24h, 7d, 2w)") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _jsonl(raw: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", source=source, line=n) from exc
        if not isinstance(obj, dict):
            raise InputError("each line must be a JSON object", source=source, line=n)
        yield n, obj


def _csv(raw: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(raw.splitlines())
    fields = {f.strip().lower() for f in reader.fieldnames or ()}
    if not fields & set(TEXT_KEYS):
        raise InputError(f"no text column (expected one of: {', '.join(TEXT_KEYS)}; found: "
                         f"{', '.join(sorted(fields)) or 'nothing'})", source=source, line=1)
    for row in reader:
        yield reader.line_num, {(k or "").strip().lower(): v for k, v in row.items()}


_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"
"""Twitter's ``created_at``: ``Tue Oct 31 22:10:47 +0000 2017``."""
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
                  re.I)


def parse_time(value: str) -> datetime | None:
    """A reply's time as an aware UTC datetime, or None when it is not a time carevoice reads.

    Reads ISO 8601 with or without an offset (``2017-10-31T22:10:47Z``, ``...+02:00``,
    ``2017-10-31 22:10:47.5+0200``; no offset means UTC), Twitter's ``created_at``
    (``Tue Oct 31 22:10:47 +0000 2017``), RFC 2822 (``Tue, 31 Oct 2017 22:10:47 +0000``)
    and Unix seconds or milliseconds.

    >>> parse_time("Tue Oct 31 22:10:47 +0000 2017").isoformat()
    '2017-10-31T22:10:47+00:00'
    """
    text = value.strip()
    when: datetime | None = None
    iso = _ISO.fullmatch(text)
    if iso:
        day, clock, offset = iso.groups()
        clock = clock or "00:00"
        offset = "+00:00" if offset is None or offset.upper() == "Z" else offset
        if len(offset) == 3:
            offset += ":00"
        elif ":" not in offset:
            offset = f"{offset[:3]}:{offset[3:]}"
        try:
            when = datetime.fromisoformat(f"{day}T{clock.replace(',', '.')}{offset}")
        except ValueError:
            return None
    elif re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) == 13 else 1)
        when = datetime.fromtimestamp(seconds, timezone.utc)
    else:
        try:
            when = datetime.strptime(text, _TWITTER_TIME)
        except ValueError:
            try:
                when = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def _sort_key(reply: Reply) -> tuple[int, datetime, int]:
    when = parse_time(reply.time) if reply.time is not None else None
    return (0, when, reply.line) if when is not None else (1, _NO_TIME, reply.line)


_NO_TIME = datetime.min.replace(tzinfo=timezone.utc)


def audit(replies: Sequence[Reply], *, scorer: str = STRICT_SCORER, threshold: float = STRICT_THRESHOLD,
          window: int = 500, containment: float = 0.5, by: Grouping = "brand") -> AuditReport:
    """Near-duplicate rate and clusters per brand (``window`` 0 compares with every earlier reply).

    ``by="agent"`` or ``"situation"`` also counts each brand's replies and near-duplicates per
    agent or per situation (``groups``, busiest first).
    """
    fn = get_scorer(scorer)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_brand: dict[str, list[Reply]] = defaultdict(list)
    for r in replies:
        by_brand[r.brand].append(r)
    brands = []
    for brand, items in sorted(by_brand.items()):
        items.sort(key=_sort_key)
        texts = [clean(r.text) for r in items]
        vocab: dict[str, int] = {}
        masks, sizes = [], []
        for t in texts:
            words = set(t.split())
            masks.append(sum(1 << vocab.setdefault(w, len(vocab)) for w in words))
            sizes.append(len(words))
        parent = list(range(len(items)))
        dups = 0
        for i, t in enumerate(texts):
            if not items[i].counted:
                continue
            start = max(0, i - window) if window else 0
            pool = [j for j in range(start, i)
                    if (masks[i] & masks[j]).bit_count() >= containment * min(sizes[i], sizes[j])]
            group = tally[(brand, _group_key(items[i], by))]
            group[0] += 1
            if not pool or not t:
                continue
            hit = process.extractOne(t, [texts[j] for j in pool], scorer=fn, processor=None, score_cutoff=threshold)
            if hit is not None:
                group[1] += 1
                dups += 1
                parent[_find(parent, i)] = _find(parent, pool[int(hit[2])])
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(items)):
            groups[_find(parent, i)].append(i)
        clusters = sorted((Cluster(len(g), tuple(items[i].text for i in g), tuple(items[i].line for i in g))
                           for g in groups.values() if len(g) > 1), key=lambda c: (-c.size, min(c.lines)))
        brands.append(BrandAudit(brand, sum(r.counted for r in items), dups, tuple(clusters)))
    per = sorted((GroupAudit(b, k, n, d) for (b, k), (n, d) in tally.items()),
                 key=lambda g: (g.brand, -g.replies, g.key))
    return AuditReport(tuple(brands), scorer, threshold, window, by=by, groups=tuple(per) if by != "brand" else ())


def _group_key(reply: Reply, by: str) -> str:
    if by == "agent":
        return reply.agent or "-"
    if by == "situation":
        return reply.situation or "-"
    return reply.brand


def _find(parent: list[int], i: int) -> int:
    """Union-find root of ``i`` (with path halving)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
