"""Benchmark: triage a stream of 100,000 posts; print posts per second and memory.

    .venv/bin/python benchmarks/triage.py [--posts 100000] [--real]

Posts are synthesised from templates (complaints of every kind with varied details, praise,
questions, abuse, and a few outage and flight-disruption bursts) over about a week, from
a pool of authors, on X, Facebook and Instagram. With ``--real`` the first customer posts of the
IBM customer-care conversations in ../shared/data are mixed in when that folder is present.

Three figures: Concentrate alone (reading every post), triage given the readings (situations,
priority, routing, abuse), and both together. Memory: tracemalloc peak of the triage state,
measured at checkpoints through the stream (it should stay flat: bounded by the time window).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

from carevoice.concentrate import concentrate
from carevoice.inbound import Inbound
from carevoice.triage import Triage

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "data" / "ibm_twitter_cdp"

TEMPLATES = [
    "My order #{order} still hasn't arrived, it was due {day}",
    "Where is my parcel? Tracking says out for delivery since {day}",
    "Ordered a {product} and got the wrong item, this is the second time",
    "You charged me twice for order {order}, I want my money back",
    "Still waiting on my refund for the {product}, it's been {n} weeks",
    "I can't log in to my account, password reset email never comes",
    "The app crashes every time I open the basket page",
    "Your driver was really rude to me in {place} {day}",
    "The {product} I bought stopped working after {n} days",
    "How do I cancel my subscription? Can't find it anywhere",
    "Do you deliver to {place} on Sundays?",
    "Thanks so much, the {product} arrived early and works great!",
    "Big thanks to the team in {place}, brilliant service today",
    "You are useless idiots, worst company ever",
    "Win a free iPhone!!! click here bit.ly/{order}",
    "Flight {flight} delayed again, no information at the gate",
    "I'm going to report you to trading standards over order {order}",
]
BURSTS = [
    ["Is the app down? can't log in", "app down again, can't log in", "website down for everyone?",
     "your app is down, login fails every time", "app login down for me too", "outage? nothing loads",
     "can't log in to the app, down in {place} too", "App down?? login just spins"],
    ["Flight {flight} cancelled, stuck at {place} airport", "{flight} cancelled with no warning, what now?",
     "stranded at {place} after {flight} was cancelled", "no one at the desk for {flight}, cancelled flight"],
]
PRODUCTS = ["kettle", "blender", "headphones", "jacket", "phone case", "lamp", "desk chair", "toaster"]
PLACES = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Manchester", "York", "Belfast", "Norwich"]
DAYS = ["yesterday", "on Monday", "last week", "this morning", "on Friday"]


def fill(template: str, rng: random.Random) -> str:
    return template.format(order=rng.randint(10000, 99999), day=rng.choice(DAYS), product=rng.choice(PRODUCTS),
                           n=rng.randint(2, 6), place=rng.choice(PLACES), flight=f"NW{rng.randint(100, 999)}")


def real_posts() -> list[str]:
    out = []
    for name in ("dev.json", "test.json"):
        path = REAL / name
        if path.is_file():
            for conv in json.loads(path.read_text(encoding="utf-8")):
                first = next((t for t in conv["dialogContent"] if "client" in t), None)
                if first is not None and first.get("message"):
                    out.append(" ".join(w for w in first["message"].split() if not w.startswith("@")))
    return out


def synthesise(count: int, *, real: bool, seed: int = 1) -> list[Inbound]:
    rng = random.Random(seed)
    extra = real_posts() if real else []
    start = datetime(2024, 5, 6, tzinfo=timezone.utc)
    span = timedelta(days=7).total_seconds()
    bursts = sorted(rng.uniform(0, span) for _ in range(12))
    posts = []
    for i in range(count):
        t = start.timestamp() + span * i / count
        burst = next((b for b in bursts if b <= t - start.timestamp() < b + 1800), None)
        if burst is not None and rng.random() < 0.6:
            kind = BURSTS[int(burst) % len(BURSTS)]
            text = fill(rng.choice(kind), random.Random(int(burst)))  # one flight and place per burst
            text = text if rng.random() < 0.5 else fill(rng.choice(kind), rng)
        elif extra and rng.random() < 0.2:
            text = rng.choice(extra)
        else:
            text = fill(rng.choice(TEMPLATES), rng)
        posts.append(Inbound(id=str(i), text=text, channel=rng.choice(("x", "x", "facebook", "instagram")),
                             handle=f"@user{rng.randint(1, 30000)}", time=datetime.fromtimestamp(t, timezone.utc),
                             followers=rng.choice((None, 120, 800, 25000))))
    return posts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--real", action="store_true", help="mix in real posts from ../shared/data when present")
    args = parser.parse_args()
    posts = synthesise(args.posts, real=args.real)
    print(f"{len(posts):,} posts over {posts[-1].time - posts[0].time} (python {sys.version.split()[0]})")

    t0 = time.perf_counter()
    readings = [concentrate(p) for p in posts]
    read_s = time.perf_counter() - t0
    print(f"concentrate:            {len(posts) / read_s:>9,.0f} posts/s")

    triage = Triage(keep=False)
    t0 = time.perf_counter()
    for p, r in zip(posts, readings, strict=True):
        triage.add(p, r)
    triage_s = time.perf_counter() - t0
    surges = triage.tracker.surges
    print(f"triage (given readings): {len(posts) / triage_s:>9,.0f} posts/s  "
          f"({triage.tracker.evicted:,} situations evicted, {len(triage.tracker)} open, {surges} surges raised)")
    print(f"concentrate + triage:   {len(posts) / (read_s + triage_s):>9,.0f} posts/s")

    tracemalloc.start()
    triage = Triage(keep=False)
    marks = {len(posts) // 4, len(posts) // 2, 3 * len(posts) // 4, len(posts)}
    for n, (p, r) in enumerate(zip(posts, readings, strict=True), 1):
        triage.add(p, r)
        if n in marks:
            current, peak = tracemalloc.get_traced_memory()
            print(f"  after {n:>7,} posts: triage state {current / 2**20:6.1f} MiB (peak {peak / 2**20:6.1f} MiB), "
                  f"{len(triage.tracker)} open situations, {triage.tracker.index_size:,} index keys")
    tracemalloc.stop()
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB "
          "(includes the posts and readings held for the benchmark)")


if __name__ == "__main__":
    main()
