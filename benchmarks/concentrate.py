"""Throughput of Concentrate on real first posts to brands.

Usage:  PYTHONPATH=src python benchmarks/concentrate.py [posts.jsonl] [--rounds N]

Reads JSON Lines with a "text" field (as made by shared/tools/posts_jsonl.py),
from the path given, else /tmp/posts.jsonl, else straight from
../shared/data/ibm_twitter_cdp. Prints posts/s for the first pass (lexicon
build and typo cache still cold) and for warm passes, and for find_pii alone.
Exits 0 with a message when no data is found (a fresh clone has none).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from carevoice.concentrate import concentrate, find_pii
from carevoice.concentrate.keywords import correct
from carevoice.concentrate.lexicon import lexicon
from carevoice.inbound import Inbound

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "ibm_twitter_cdp"
TARGET = 20_000


def load(path: str | None) -> list[str]:
    candidates = [Path(path)] if path else [Path("/tmp/posts.jsonl")]
    for candidate in candidates:
        if candidate.is_file():
            return [json.loads(line)["text"] for line in candidate.read_text().splitlines() if line.strip()]
    texts: list[str] = []
    for name in ("dev.json", "test.json"):
        file = SHARED / name
        if not file.is_file():
            continue
        for conv in json.loads(file.read_text()):
            for turn in conv["dialogContent"]:
                if "client" in turn:
                    text = re.sub(r"^(@\w+\s*)+", "", turn["message"]).strip()
                    if text:
                        texts.append(text)
                    break
    return texts


def rate(fn, items, rounds: int) -> tuple[float, float]:
    """Best and median items/s over ``rounds`` passes."""
    speeds = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            fn(item)
        speeds.append(len(items) / (time.perf_counter() - start))
    return max(speeds), statistics.median(speeds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = load(args.path)
    if not texts:
        print("concentrate benchmark skipped: no posts found (/tmp/posts.jsonl or ../shared/data)")
        return 0
    posts = [Inbound(text=t) for t in texts]
    chars = sum(len(t) for t in texts) / len(texts)

    start = time.perf_counter()
    lexicon()
    build = time.perf_counter() - start
    start = time.perf_counter()
    readings = [concentrate(p) for p in posts]
    cold = len(posts) / (time.perf_counter() - start)
    best, median = rate(concentrate, posts, args.rounds)
    pii_best, _ = rate(find_pii, texts, args.rounds)

    print(f"posts: {len(posts)} (mean {chars:.0f} characters)")
    print(f"lexicon build: {build * 1000:.0f} ms; typo cache: {correct.cache_info().currsize} tokens")
    print(f"concentrate cold pass: {cold:,.0f} posts/s")
    print(f"concentrate warm: {median:,.0f} posts/s median, {best:,.0f} best ({1e6 / median:.0f} us/post)")
    print(f"find_pii alone: {pii_best:,.0f} posts/s")
    print(f"target {TARGET:,} posts/s: {'met' if median >= TARGET else 'NOT met'}")
    shares = Counter(r.category for r in readings)
    print("categories:", ", ".join(f"{k} {v / len(readings):.0%}" for k, v in shares.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
