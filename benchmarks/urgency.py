"""How well carevoice finds urgent posts: recall per urgency kind and false raises, per split.

Usage:  python benchmarks/urgency.py [--split heldout|tune|all] [--set written|corpus|all]
                                     [--misses [--limit N]]

Reads two labelled sets: ``tests/corpus/urgency_written.jsonl`` (written X posts
labelled by urgency only, with hard negatives that share danger words) and the
reading corpus (``tests/corpus/reading_corpus.load()``). For each set and split it
prints, per urgency kind, how many labelled posts raise that exact kind; how many
urgent posts raise any urgency; and how many posts labelled with no urgency raise
one (false raises). ``--misses`` lists the urgency set's tune-split misses and
false raises; it refuses the held-out split, which is never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from reading_corpus import load, split_of  # noqa: E402

from carevoice.concentrate import concentrate  # noqa: E402
from carevoice.concentrate.urgency import URGENCY_ORDER  # noqa: E402
from carevoice.inbound import Inbound  # noqa: E402

WRITTEN = ROOT / "tests" / "corpus" / "urgency_written.jsonl"


class Post(NamedTuple):
    """One post labelled with its urgencies (empty: not urgent)."""

    id: str
    sector: str
    text: str
    urgency: tuple[str, ...]


def written() -> list[Post]:
    """The written urgency set."""
    rows = [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Post(r["id"], r["sector"], r["text"], tuple(r["urgency"])) for r in rows]


def corpus() -> list[Post]:
    """The reading corpus (real posts when ../shared/data is present, and written ones)."""
    return [Post(c.id, c.sector, c.text, c.urgency) for c in load()]


def report(name: str, posts: list[Post], misses: bool, limit: int) -> None:
    """Print recall per kind, recall of any urgency and false raises for ``posts``."""
    read = [concentrate(Inbound(text=p.text, channel="x")).urgency for p in posts]
    urgent = [(p, r) for p, r in zip(posts, read, strict=True) if p.urgency]
    calm = [(p, r) for p, r in zip(posts, read, strict=True) if not p.urgency]
    kinds = Counter(u for p, _ in urgent for u in p.urgency)
    same = Counter(u for p, r in urgent for u in p.urgency if u in r)
    found = sum(bool(r) for _, r in urgent)
    false = [(p, r) for p, r in calm if r]
    print(f"{name}: {len(posts)} posts, {len(urgent)} urgent, {len(calm)} not")
    for kind in URGENCY_ORDER:
        if kinds[kind]:
            print(f"  {kind:<14} {same[kind]:>3}/{kinds[kind]:<3} {same[kind] / kinds[kind]:6.1%}")
    total, hit = sum(kinds.values()), sum(same.values())
    if urgent:
        print(f"  {'exact kinds':<14} {hit:>3}/{total:<3} {hit / total:6.1%}")
        share = found / len(urgent)
        print(f"  {'any urgency':<14} {found:>3}/{len(urgent):<3} {share:6.1%}  (urgent posts raising one)")
    if calm:
        share = len(false) / len(calm)
        print(f"  {'false raises':<14} {len(false):>3}/{len(calm):<3} {share:6.1%}  (posts with no label)")
    if misses:
        shown = 0
        for p, r in urgent + false:
            if set(p.urgency) - set(r) or (not p.urgency and r):
                print(f"    [{p.id}] want {list(p.urgency)} got {list(r)}\n      {p.text!r}")
                shown += 1
                if shown >= limit:
                    break


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=["heldout", "tune", "all"])
    ap.add_argument("--set", default="all", choices=["written", "corpus", "all"])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--limit", type=int, default=200)
    a = ap.parse_args()
    if a.misses and a.split != "tune":
        sys.exit("--misses lists the tune split only (use --split tune): the held-out part is never tuned on")
    sets = {"written": written, "corpus": corpus}
    for name, get in sets.items():
        if a.set not in ("all", name):
            continue
        posts = get()
        if not posts:
            print(f"{name}: no posts found")
            continue
        for split in ("tune", "heldout"):
            if a.split in ("all", split):
                part = [p for p in posts if split_of(p.id) == split]
                report(f"{name} ({WRITTEN.name if name == 'written' else 'reading corpus'}) {split}", part,
                       a.misses and name == "written", a.limit)
                print()


if __name__ == "__main__":
    main()
