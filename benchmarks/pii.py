"""Precision and recall of find_pii on the labelled cases, hard-negative rates, and speed.

Usage:  .venv/bin/python benchmarks/pii.py [--rounds N] [--seed N] [--mistakes] [--baseline REV]

1. The hand-labelled cases in tests/pii_cases.yaml (``cases``, which the rules were written
   against, and ``holdout``, written afterwards and not tuned against): a found item is right
   when it overlaps a labelled item of the same kind; precision = right / found, recall =
   labelled items found. Per kind, and overall, with the number of exact spans.
2. Generated families (fixed seed): order and ticket numbers that look like phones (a leading
   zero, 10-11 digits) and like cards (13-17 digits, 1 in 10 Luhn-valid), flagged as personal
   data, and real shapes (Luhn-valid cards, UK and Indian mobiles) missed.
3. find_pii alone over the real first posts (as benchmarks/concentrate.py reads them), posts/s;
   with ``--baseline REV`` also find_pii as it was at that git revision, interleaved round by
   round, so a busy machine slows both alike and the ratio stays fair.
"""

from __future__ import annotations

import argparse
import random
import string
import subprocess
import sys
import time
import types
from collections import Counter
from pathlib import Path

import yaml

from carevoice.concentrate import find_pii
from carevoice.concentrate.pii import luhn_valid

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "pii_cases.yaml"


def labelled(section: str = "cases") -> list[tuple[str, list[tuple[str, int, int]]]]:
    """The cases of one section of tests/pii_cases.yaml (``cases`` or ``holdout``) with spans."""
    out = []
    for case in yaml.safe_load(CASES.read_text(encoding="utf-8"))[section]:
        text, spans, at = case["text"], [], 0
        for kind, value in case["pii"]:
            start = text.index(str(value), at)
            spans.append((kind, start, start + len(str(value))))
            at = start + len(str(value))
        out.append((text, spans))
    return out


def score(cases: list[tuple[str, list[tuple[str, int, int]]]]) -> tuple[dict[str, Counter[str]], list[str]]:
    """Per kind: found, right, labelled, hit, exact; and the mistakes, for reading."""
    counts: dict[str, Counter[str]] = {}
    mistakes = []
    for text, expected in cases:
        found = [(m.kind, m.start, m.end) for m in find_pii(text)]
        for kind, s, e in found:
            c = counts.setdefault(kind, Counter())
            c["found"] += 1
            if any(k == kind and s < ee and ss < e for k, ss, ee in expected):
                c["right"] += 1
            else:
                mistakes.append(f"false positive {kind} {text[s:e]!r} in {text!r}")
        for kind, s, e in expected:
            c = counts.setdefault(kind, Counter())
            c["labelled"] += 1
            if any(k == kind and s < ee and ss < e for k, ss, ee in found):
                c["hit"] += 1
                c["exact"] += (kind, s, e) in found
            else:
                mistakes.append(f"missed {kind} {text[s:e]!r} in {text!r}")
    return counts, mistakes


def _luhn_id(rng: random.Random, length: int, valid: bool) -> str:
    while True:
        digits = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(length - 1))
        if luhn_valid(digits) == valid:
            return digits


def _card(rng: random.Random) -> str:
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
                                 ("6011", 16), ("65", 16), ("3528", 16)])
    while True:
        digits = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix)))
        if luhn_valid(digits):
            return digits


ORDER_WORDS = ["order {}", "order #{}", "my order number is {}", "ref {}", "{} is my order", "ticket {}",
               "invoice {} is wrong", "tracking {} not moving", "booking {} cancelled", "order no. {} late"]
CARD_WORDS = ["card {}", "my card {} was charged", "{} is my visa", "charged on {}", "card number: {}"]
PHONE_WORDS = ["call me on {}", "my number is {}", "{} is my mobile", "text {}", "ring {} please"]


def families(seed: int, n: int = 500) -> list[tuple[str, str, float]]:
    """(family, what is counted, rate) for each generated family."""
    rng = random.Random(seed)

    def rate(texts: list[str], kind: str | None) -> float:
        hits = sum(any(kind is None or m.kind == kind for m in find_pii(t)) for t in texts)
        return hits / len(texts)

    zero_ids = ["0" + "".join(rng.choice(string.digits) for _ in range(rng.choice([9, 10]))) for _ in range(n)]
    long_ids = [_luhn_id(rng, rng.randint(13, 17), rng.random() < 0.1) for _ in range(n)]
    cards = [_card(rng) for _ in range(n)]
    uk = [f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}" for _ in range(n)]
    india = [f"{rng.choice('6789')}{rng.randint(1000, 9999)}{rng.choice(['-', ' '])}{rng.randint(10000, 99999)}"
             for _ in range(n)]
    return [
        ("order ids, leading zero, 10-11 digits, with order words", "read as phone",
         rate([rng.choice(ORDER_WORDS).format(i) for i in zero_ids], "phone")),
        ("order ids, 13-17 digits (10% Luhn-valid), with order words", "read as card",
         rate([rng.choice(ORDER_WORDS).format(i) for i in long_ids], "card")),
        ("bare 13-17 digit numbers (10% Luhn-valid), no words", "read as card",
         rate([f"it says {i} now" for i in long_ids], "card")),
        ("Luhn-valid cards, with card words", "missed", 1 - rate([rng.choice(CARD_WORDS).format(c) for c in cards],
                                                                   "card")),
        ("UK mobiles 07xxx xxxxxx, with phone words", "missed",
         1 - rate([rng.choice(PHONE_WORDS).format(p) for p in uk], "phone")),
        ("Indian mobiles 5-5, with phone words", "missed",
         1 - rate([rng.choice(PHONE_WORDS).format(p) for p in india], "phone")),
    ]


def baseline(rev: str):
    """find_pii as it was at git revision ``rev`` (its pii.py alone, on today's data file)."""
    source = subprocess.run(["git", "show", f"{rev}:src/carevoice/concentrate/pii.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType("baseline_pii")
    exec(compile(source, f"{rev}:pii.py", "exec"), module.__dict__)
    return module.find_pii


def speed(rounds: int, rev: str | None) -> tuple[int, dict[str, float]] | None:
    """Best posts/s of find_pii (and of the baseline's, interleaved round by round so load hits both)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from concentrate import load

    texts = load(None)
    if not texts:
        return None
    fns = {"find_pii": find_pii} | ({f"find_pii at {rev}": baseline(rev)} if rev else {})
    best = dict.fromkeys(fns, 0.0)
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.perf_counter()
            for text in texts:
                fn(text)
            best[name] = max(best[name], len(texts) / (time.perf_counter() - start))
    return len(texts), best


def report(section: str, show_mistakes: bool) -> None:
    cases = labelled(section)
    counts, mistakes = score(cases)
    total: Counter[str] = sum(counts.values(), Counter())
    print(f"{section}: {len(cases)} texts, {total['labelled']} items of personal data, "
          f"{sum(1 for _, s in cases if not s)} texts without any ({CASES.relative_to(ROOT)})")
    print(f"{'kind':<10} {'precision':>10} {'recall':>8} {'found':>6} {'labelled':>9} {'exact':>6}")
    for kind in sorted(counts):
        c = counts[kind]
        p = c["right"] / c["found"] if c["found"] else 1.0
        r = c["hit"] / c["labelled"] if c["labelled"] else 1.0
        print(f"{kind:<10} {p:>10.1%} {r:>8.1%} {c['found']:>6} {c['labelled']:>9} {c['exact']:>6}")
    p = total["right"] / total["found"] if total["found"] else 1.0
    r = total["hit"] / total["labelled"]
    print(f"{'all':<10} {p:>10.1%} {r:>8.1%} {total['found']:>6} {total['labelled']:>9} {total['exact']:>6}")
    if show_mistakes:
        print(*mistakes, sep="\n")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--mistakes", action="store_true", help="list every false positive and miss")
    parser.add_argument("--baseline", metavar="REV", help="also time find_pii as it was at this git revision")
    args = parser.parse_args()
    for section in ("cases", "holdout"):
        report(section, args.mistakes)
    print(f"generated families (500 each, seed {args.seed}):")
    for family, what, value in families(args.seed):
        print(f"  {family}: {value:.1%} {what}")
    measured = speed(args.rounds, args.baseline)
    if measured is None:
        print("\nfind_pii speed skipped: no posts found (/tmp/posts.jsonl or ../shared/data)")
        return 0
    count, best = measured
    print(f"\nspeed over {count:,} real posts, best of {args.rounds} interleaved rounds:")
    for name, value in best.items():
        print(f"  {name}: {value:,.0f} posts/s")
    if args.baseline:
        print(f"  ratio: {best[f'find_pii at {args.baseline}'] / best['find_pii']:.2f}x the baseline's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
