"""Variation engine at scale: draft time, throughput, memory and prefilter recall by history size.

    .venv/bin/python benchmarks/variation.py [--sizes 1000,10000,100000,1000000] [--brand parcelpop]
                                             [--drafts 300] [--cache DIR]

For each size a SQLite history of that many realistic replies is built once and
cached: up to 20,000 distinct replies as carevoice would have published them for
the situations of real posts (phrase rotation, fingerprints, selection), repeated
in order beyond that, spread over the last 29 days so that every one is inside
the 30-day window; then a
fresh process drafts ``--drafts`` real posts into it, recording each, and
reports p50/p95 of the whole draft and of the variation step, drafts per
second, the process's peak resident memory, and the recall of the prefilter:
of the candidates an exhaustive scan of the comparison scope finds to be
near-duplicates (bank measure, and strict token_set_ratio >= 90), the share
the indexed path also finds.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from carevoice.bank.resolved import Bank
    from carevoice.inbound import Reading

ROOT = Path(__file__).resolve().parent.parent
POSTS_TOOL = ROOT.parent / "shared" / "tools" / "posts_jsonl.py"
FALLBACK_POSTS = [
    "My order #5521 still hasn't arrived, it's been two weeks", "You charged me twice this month!!",
    "The app keeps crashing when I open my basket", "I can't log in to my account, reset link never comes",
    "Where is my refund? Returned the item 3 weeks ago", "Your site is down again", "How do I change my address?",
    "Thanks for the quick help today, great service", "The kettle I bought sparks when switched on",
    "Your staff at the Leeds store were so rude to me", "I want to cancel my membership", "hello?",
]


def load_posts(limit: int) -> list[str]:
    """Real customer posts (from the shared tool when present), else a small built-in set, repeated."""
    texts: list[str] = []
    if POSTS_TOOL.is_file():
        out = subprocess.run([sys.executable, str(POSTS_TOOL)], capture_output=True, text=True, check=False)
        texts = [json.loads(line)["text"] for line in out.stdout.splitlines() if line.strip()]
    texts = texts or FALLBACK_POSTS
    return [texts[i % len(texts)] for i in range(limit)]


def build(path: Path, brand: str, size: int, seed: int = 1) -> None:
    """Write a history of ``size`` realistic replies for ``brand`` to ``path``."""
    from carevoice.bank import load_bank
    from carevoice.concentrate import concentrate
    from carevoice.inbound import Inbound
    from carevoice.variation.history import ReplyRecord
    from carevoice.variation.sqlite import SQLiteHistory

    bank = load_bank(brand)
    rng = random.Random(seed)
    readings = [concentrate(Inbound(text=t)) for t in load_posts(1025)[:1025]]
    unique = engine_replies(bank, readings, min(size, 20_000), rng)
    path.unlink(missing_ok=True)
    history = SQLiteHistory(path)
    start = datetime.now(timezone.utc) - timedelta(days=29)
    step = timedelta(days=29) / size
    batch: list[ReplyRecord] = []
    for i in range(size):
        text, ids, category = unique[i % len(unique)]
        batch.append(ReplyRecord(text=text, brand=bank.name, channel="x", phrase_ids=ids, category=category,
                                 time=start + step * i, customer=f"user{rng.randrange(size)}",
                                 draft_id=f"bench-{i}"))
        if len(batch) >= 20_000:
            history.record_many(batch)
            batch = []
    history.record_many(batch)
    history.close()


def engine_replies(bank: Bank, readings: list[Reading], n: int,
                   rng: random.Random) -> list[tuple[str, tuple[str, ...], str]]:
    """``n`` replies as carevoice itself would have published them (rotation, fingerprints, selection)."""
    from carevoice.checks.channels import get_channel
    from carevoice.compose import build_context, make_candidates
    from carevoice.inbound import Inbound
    from carevoice.plan import plan_reply
    from carevoice.variation.history import MemoryHistory, ReplyRecord
    from carevoice.variation.index import ReplyIndex
    from carevoice.variation.recombine import recombine
    from carevoice.variation.select import select

    profile, settings = get_channel("x"), bank.variation
    history = MemoryHistory()
    index = ReplyIndex(history, bank.name, window=settings.window, situation_window=settings.situation_window)
    names = [None, "Sam Lee", "Ana", "Priya", "Tom", "Jo", "Luis", "Mei"]
    out: list[tuple[str, tuple[str, ...], str]] = []
    while len(out) < n:
        reading = readings[rng.randrange(len(readings))]
        plan = plan_reply(reading)
        if not plan.stages or plan.action == "no_reply":
            continue
        ctx = build_context(Inbound(text="-", name=rng.choice(names)), reading, bank, profile)
        drawn = make_candidates(bank, plan, ctx, channel="x", emotion=reading.emotion, sensitive=False,
                                rng=rng, count=48)
        index.refresh(plan.situation)
        cands = recombine(drawn, index, category=plan.situation, rng=rng, count=8,
                          max_shared=settings.max_shared) or drawn
        if not cands:
            continue
        chosen = select(cands, history, brand=bank.name, settings=settings, category=plan.situation,
                        index=index).candidate
        history.record(ReplyRecord(text=chosen.text, brand=bank.name, channel="x", phrase_ids=chosen.phrase_ids,
                                   category=plan.situation))
        out.append((chosen.text, chosen.phrase_ids, plan.situation))
    return out


def measure(path: Path, brand: str, drafts: int) -> dict[str, float]:
    """Draft into the history at ``path`` and return the figures (run in a fresh process)."""
    import carevoice.drafter as drafter_module
    from carevoice.bank import load_bank
    from carevoice.checks.channels import get_channel
    from carevoice.compose import build_context, make_candidates
    from carevoice.concentrate import concentrate
    from carevoice.inbound import Inbound
    from carevoice.plan import plan_reply
    from carevoice.variation.sqlite import SQLiteHistory

    bank = load_bank(brand)
    history = SQLiteHistory(path)
    drafter = drafter_module.Drafter(bank, history=history, seed=3)
    select_times: list[float] = []
    real_select = drafter_module.select

    def timed_select(*args: object, **kwargs: object) -> object:
        t = time.perf_counter()
        try:
            return real_select(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            select_times.append(time.perf_counter() - t)

    drafter_module.select = timed_select  # type: ignore[assignment]
    posts = load_posts(drafts + 10)
    for text in posts[:10]:
        drafter.draft(Inbound(text=text), allow_blocked=True, record=True)
    select_times.clear()
    times = []
    per_draft_select = []
    for n, text in enumerate(posts[10:]):
        before = len(select_times)
        t = time.perf_counter()
        drafter.draft(Inbound(text=text, id=f"m{n}"), allow_blocked=True, record=True)
        times.append(time.perf_counter() - t)
        per_draft_select.append(sum(select_times[before:]))
    drafter_module.select = real_select  # type: ignore[assignment]
    # recall of the prefilter against an exhaustive scan of the same scope
    index, settings, profile, rng = drafter._index, bank.variation, get_channel("x"), random.Random(5)
    found = Counter()
    for text in posts[10:10 + 150]:
        reading = concentrate(Inbound(text=text))
        plan = plan_reply(reading)
        ctx = build_context(Inbound(text=text), reading, bank, profile)
        index.refresh(plan.situation)
        for c in make_candidates(bank, plan, ctx, channel="x", emotion=reading.emotion, sensitive=False,
                                 rng=rng, count=24):
            fast = index.closest(c.text, c.phrase_ids, scorer=settings.scorer, category=plan.situation)
            full = index.closest(c.text, c.phrase_ids, scorer=settings.scorer, category=plan.situation,
                                 exhaustive=True)
            for name, a, b, th in (("default", fast.score, full.score, settings.threshold),
                                   ("strict", fast.strict, full.strict, settings.strict_threshold)):
                if b >= th:
                    found[f"{name}_pos"] += 1
                    found[f"{name}_hit"] += a >= th
            found["compared_fast"] += fast.compared
            found["compared_full"] += full.compared
            found["candidates"] += 1
    ms = sorted(t * 1000 for t in times)
    sel = sorted(t * 1000 for t in per_draft_select)
    return {
        "size": history.count(), "p50_ms": statistics.median(ms), "p95_ms": ms[int(len(ms) * 0.95)],
        "drafts_per_s": len(ms) / (sum(ms) / 1000), "select_p50_ms": statistics.median(sel),
        "select_p95_ms": sel[int(len(sel) * 0.95)],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "recall_default": found["default_hit"] / max(1, found["default_pos"]), "pos_default": found["default_pos"],
        "recall_strict": found["strict_hit"] / max(1, found["strict_pos"]), "pos_strict": found["strict_pos"],
        "scored_per_candidate": found["compared_fast"] / max(1, found["candidates"]),
        "scope_per_candidate": found["compared_full"] / max(1, found["candidates"]),
    }


def main() -> None:
    """Build (or reuse) each history in a child process, then measure it in a fresh one."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--brand", default="parcelpop")
    ap.add_argument("--drafts", type=int, default=300)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/carevoice-bench"))
    ap.add_argument("--build", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    path = args.cache / f"{args.brand}-{args.build or args.measure}.sqlite"
    if args.build:
        build(path, args.brand, args.build)
        return
    if args.measure:
        work = args.cache / f"{args.brand}-{args.measure}-work.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(path, work)
        print(json.dumps(measure(work, args.brand, args.drafts)))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        return
    print(f"brand {args.brand}, {args.drafts} drafts per size, one core; times in ms")
    print(f"{'history':>9} {'p50':>6} {'p95':>6} {'drafts/s':>8} {'var p50':>7} {'var p95':>7} {'peak MB':>7} "
          f"{'recall':>7} {'(n)':>5} {'strict':>7} {'(n)':>5} {'scored':>6} {'scope':>5}")
    for size in [int(s) for s in args.sizes.split(",")]:
        cached = args.cache / f"{args.brand}-{size}.sqlite"
        if not cached.exists():
            subprocess.run([sys.executable, __file__, "--brand", args.brand, "--cache", str(args.cache),
                            "--build", str(size)], check=True)
        out = subprocess.run([sys.executable, __file__, "--brand", args.brand, "--cache", str(args.cache),
                              "--drafts", str(args.drafts), "--measure", str(size)],
                             check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{size:>9,} {r['p50_ms']:6.1f} {r['p95_ms']:6.1f} {r['drafts_per_s']:8.0f} {r['select_p50_ms']:7.2f} "
              f"{r['select_p95_ms']:7.2f} {r['peak_mb']:7.0f} {r['recall_default']:7.2%} {r['pos_default']:5d} "
              f"{r['recall_strict']:7.2%} {r['pos_strict']:5d} {r['scored_per_candidate']:6.0f} "
              f"{r['scope_per_candidate']:5.0f}", flush=True)


if __name__ == "__main__":
    main()
