"""Time and memory bounds of what a bank may contain: the worst allowed templates and re: entries.

    .venv/bin/python benchmarks/bounds.py

Templates: the longest phrase the schema allows (2,000 characters) written to print as much as the
template language lets it (every value at MAX_VALUE_CHARS, joined, upper-cased, split), rendered in a
fresh compile; time (median of 20 renders after the first) and peak memory (tracemalloc) against the
goals of 50 ms and 10 MB a template. Regular expressions: the slowest kinds of re: entry the vetting
accepts, searched in adversarial texts of 2,000 and 20,000 characters, and the refused ones timed
for how long the vetting takes to refuse them.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _context(value: str) -> dict[str, object]:
    return {
        "customer": {"name": value, "first_name": value, "handle": value},
        "agent": {"name": value, "initials": "ABCD"},
        "brand": {"name": value[:100]},
        "details": {k: value for k in ("order_id", "booking_id", "flight", "product", "place", "date", "time")},
        "channel": {"id": "x", "name": "X", "private": "DM"},
        "time_of_day": "morning",
        "hours": {"next_open": value, "open": True},
    }


TEMPLATES = {
    "join of values": "{{ " + " ~ ".join(["customer.name"] * 124) + " }}",
    "upper-cased prints": "{{ customer.name|upper }}" * 76,
    "split and index": "{{ customer.name.split()[0]|title }}" * 54,
    "nested ifs": ("{% if customer.name %}" * 55) + "{{ details.product }}" + ("{% endif %}" * 55),
}


def templates() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from carevoice.render import MAX_VALUE_CHARS, _compiled, render

    value = ("Anastasiya ß " * 200)[:MAX_VALUE_CHARS]
    ctx = _context(value)
    print(f"{'template (<= 2,000 characters)':<32} {'chars':>6} {'first':>9} {'median':>9} {'peak':>9} {'output':>10}")
    for label, source in TEMPLATES.items():
        assert len(source) <= 2000, (label, len(source))
        _compiled.cache_clear()
        t = time.perf_counter()
        out = render(source, ctx)
        first = time.perf_counter() - t
        _compiled.cache_clear()
        tracemalloc.start()  # memory in a second fresh compile (tracemalloc slows it down)
        render(source, ctx)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        times = []
        for _ in range(20):
            t = time.perf_counter()
            render(source, ctx)
            times.append(time.perf_counter() - t)
        print(f"{label:<32} {len(source):6d} {first * 1000:7.1f}ms {statistics.median(times) * 1000:7.2f}ms "
              f"{peak / 2**20:7.2f}MB {len(out):10,d}")
    print("goals: 50 ms and 10 MB a template (first render includes compiling)")


PATTERNS = {
    "open repetition after text": (r"x\s+y", "x" + " " * 30),
    "two open repetitions": (r"\b[a-z]+\d+x", "a"),
    "alternatives alike": (r"\b(?:not|never|nothing|now) (?:our|your) fault\b", "not "),
    "optional words": (r"\bwe (?:can |really |totally )?(?:see|hear) you\b", "we "),
}
REFUSED = [r"(a+)+$", r"(a|aa)+$", r"\s*\s*\s*x", r"(.*a){12}", r"(\w+)\1", r"\s+x", r"[a-z]+\d+x"]


def patterns() -> None:
    from carevoice.bank._patterns import pattern_problem

    print(f"\n{'accepted re: entry':<28} {'2,000 chars':>12} {'20,000 chars':>13}")
    for label, (pattern, unit) in PATTERNS.items():
        assert pattern_problem(pattern) is None, pattern
        row = []
        for n in (2_000, 20_000):
            text = (unit * n)[:n]
            compiled = re.compile(pattern, re.IGNORECASE)
            t = time.perf_counter()
            compiled.search(text)
            row.append(time.perf_counter() - t)
        print(f"{label:<28} {row[0] * 1000:10.2f}ms {row[1] * 1000:11.2f}ms")
    print("\nrefused re: entry (vetting time)")
    for pattern in REFUSED:
        t = time.perf_counter()
        problem = pattern_problem(pattern)
        assert problem is not None, pattern
        print(f"  {pattern:<20} {(time.perf_counter() - t) * 1000:6.2f}ms  {problem.split(';')[0][:70]}")


if __name__ == "__main__":
    templates()
    patterns()
