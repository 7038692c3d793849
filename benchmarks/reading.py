"""How well carevoice reads posts: agreement with a person's labels, per field, and posts per second.

Usage:  python benchmarks/reading.py [--split heldout|tune|all] [--source ibm|written|all]
                                     [--misses FIELD [--limit N]] [--rounds N]

Reads the labelled corpus in tests/corpus (real IBM posts, their texts from
../shared/data when present; written cases always). Prints, for the chosen
split (default: heldout, never tuned on), agreement per field, praise recall,
urgency recall, language recall, a confusion table for situations, and reading
speed. ``--misses`` lists disagreements of one field; it refuses the held-out
split, so nobody tunes on it by accident.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from reading_corpus import Case, load  # noqa: E402

from carevoice.concentrate import concentrate  # noqa: E402
from carevoice.inbound import Inbound, Reading  # noqa: E402

DANGER = {"safety", "threat", "vulnerable", "fraud", "data_exposure"}


def level(intensity: float) -> str:
    """The intensity band a person would label: low, medium or high."""
    return "high" if intensity >= 0.6 else "medium" if intensity >= 0.3 else "low"


def subject_agrees(case: Case, r: Reading) -> bool:
    """Both name no subject, or the subject read overlaps the labelled span."""
    if case.subject is None or r.subject is None:
        return case.subject is None and r.subject is None
    start = case.text.find(case.subject)
    return start < r.subject.end and r.subject.start < start + len(case.subject)


FIELDS = {
    "intent": lambda c, r: c.intent == r.intent,
    "situation": lambda c, r: c.situation == r.category,
    "emotion": lambda c, r: c.emotion == r.emotion,
    "intensity": lambda c, r: c.intensity == level(r.intensity),
    "subject": subject_agrees,
    "sarcasm": lambda c, r: c.sarcasm == r.sarcasm,
    "language": lambda c, r: (c.language == "en") == (r.language == "en"),
    "urgency": lambda c, r: bool(c.urgency) == bool(r.urgency),
}


def show(case: Case, r: Reading, field: str) -> str:
    got = {"intent": r.intent, "situation": r.category, "emotion": r.emotion, "intensity": level(r.intensity),
           "subject": r.subject.text if r.subject else None, "sarcasm": r.sarcasm, "language": r.language,
           "urgency": list(r.urgency)}[field]
    want = {"situation": case.situation}.get(field, getattr(case, field, None))
    return f"[{case.id}] want {want!r} got {got!r}\n    {case.text[:220]!r}\n    {'; '.join(r.reasons[:5])}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="heldout", choices=["heldout", "tune", "all"])
    ap.add_argument("--source", default="all", choices=["ibm", "written", "all"])
    ap.add_argument("--misses", choices=sorted(FIELDS))
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    sources = ("ibm", "written") if a.source == "all" else (a.source,)
    every = load(sources)
    cases = [c for c in every if a.split == "all" or c.split == a.split]
    if not cases:
        print("no labelled cases found (the real posts need ../shared/data)")
        return
    readings = [concentrate(Inbound(text=c.text)) for c in cases]
    n = len(cases)
    by_source = Counter(c.source for c in cases)
    print(f"{n} cases ({', '.join(f'{k} {v}' for k, v in sorted(by_source.items()))}), split {a.split}")
    print("\nagreement with the labels")
    for name, agree in FIELDS.items():
        hits = sum(agree(c, r) for c, r in zip(cases, readings, strict=True))
        print(f"  {name:<10} {hits / n:6.1%}  ({hits}/{n})")
    praise = [(c, r) for c, r in zip(cases, readings, strict=True) if c.intent == "praise"]
    if praise:
        found = sum(r.intent == "praise" for _, r in praise)
        print(f"  praise recall {found}/{len(praise)} = {found / len(praise):.1%}")
    urgent = [(c, r) for c, r in zip(cases, readings, strict=True) if c.urgency]
    if urgent:
        found = sum(bool(r.urgency) or r.intent == "danger" for _, r in urgent)
        print(f"  urgency found {found}/{len(urgent)} = {found / len(urgent):.1%} (any urgency or danger intent)")
        kinds = Counter(u for c, _ in urgent for u in c.urgency)
        same = Counter(u for c, r in urgent for u in c.urgency if u in r.urgency)
        print("    by kind: " + ", ".join(f"{k} {same[k]}/{v}" for k, v in kinds.most_common()))
        false = sum(1 for c, r in zip(cases, readings, strict=True) if r.urgency and not c.urgency)
        print(f"    raised without a label: {false}/{n - len(urgent)}")
    foreign = [(c, r) for c, r in zip(cases, readings, strict=True) if c.language != "en"]
    if foreign:
        found = sum(r.language != "en" for _, r in foreign)
        print(f"  other languages found {found}/{len(foreign)}")
    print("\nsituation confusions (label -> read: count)")
    conf = Counter((c.situation, r.category) for c, r in zip(cases, readings, strict=True) if c.situation != r.category)
    for (want, got), count in conf.most_common(15):
        print(f"  {want:>22} -> {got:<22} {count}")
    print("\nintent confusions")
    conf = Counter((c.intent, r.intent) for c, r in zip(cases, readings, strict=True) if c.intent != r.intent)
    for (want, got), count in conf.most_common(10):
        print(f"  {want:>15} -> {got:<15} {count}")
    texts = [c.text for c in every]
    rates = []
    for _ in range(a.rounds):
        start = time.perf_counter()
        for t in texts:
            concentrate(Inbound(text=t))
        rates.append(len(texts) / (time.perf_counter() - start))
    print(f"\nspeed: {statistics.median(rates):,.0f} posts/s median over {a.rounds} rounds of {len(texts)} posts")
    if a.misses:
        if a.split != "tune":
            sys.exit("--misses lists the tune split only (use --split tune): the held-out part is never tuned on")
        shown = 0
        for c, r in zip(cases, readings, strict=True):
            if not FIELDS[a.misses](c, r):
                print(show(c, r, a.misses))
                shown += 1
                if shown >= a.limit:
                    break


if __name__ == "__main__":
    main()
