"""Cross-validated agreement of the whole reading (rules and learned layer) on the tune split.

Usage:  python benchmarks/reading_cv.py [--folds K] [--l2 X] [--epochs N] [--jobs J] [--misses FIELD]

``fit_reading.py --folds`` scores the learned layer alone; this scores what a
post is finally read as: for each fold, the weights are fitted on the other
folds of the tune split (exactly as ``fit_reading.py`` fits and prunes them),
and the held-back fold is read by :func:`carevoice.concentrate.concentrate`
with those weights. The held-out split is never touched, so ``--misses`` may
list what the folds miss (posts the weights never saw: the nearest thing to
the held-out misses that may be looked at).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reading_corpus import Case, load  # noqa: E402

FIELDS = ("intent", "situation", "emotion")
CACHE = Path(os.environ.get("CAREVOICE_CV_CACHE", Path(tempfile.gettempdir()) / "carevoice-reading-cv"))
"""Fold weights by a digest of what they are fitted from (the fits dominate the time; a change that moves no
feature or label reuses them)."""


def _weights(cases: list[Case], featsets: list[list[str]], *, epochs: int, l2: float, rate: float,
             real_weight: float) -> str:
    """The model file fit_reading.py would write for these cases."""
    import fit_reading as fr

    keep = fr.vocabulary(featsets)
    out: dict[str, object] = {"version": 1, "fitted_on": f"{len(cases)} fold cases", "targets": {}}
    for target, (classes, _) in fr.TARGETS.items():
        bias, weights = fr.fit(fr.rows_for(cases, featsets, target, keep), len(classes), epochs=epochs, l2=l2,
                               rate=rate, balanced=target in fr.BALANCED,
                               sample_weights=fr.sample_weights(cases, real_weight))
        rows = {}
        for f in sorted(weights):
            if max(abs(w) for w in weights[f]) < 2 * fr.PRUNE:
                continue
            row = [[k, round(w, 3)] for k, w in enumerate(weights[f]) if abs(w) >= fr.PRUNE]
            if row:
                rows[f] = row
        out["targets"][target] = {"classes": list(classes), "bias": [round(b, 4) for b in bias],  # type: ignore[index]
                                  "weights": rows}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _use(text: str) -> None:
    """Read with these weights in this process (never the shipped file, never the user cache)."""
    from carevoice.concentrate import model as m
    from carevoice.concentrate import reading as rd

    joint = m._build_joint(text.encode())
    m._joint = cache(lambda: joint)  # type: ignore[assignment]
    for f in (m.model, m._kept, m._layout, rd._allowed):
        f.cache_clear()


def _fold(args: tuple[int, int, int, float, float, float]) -> list[tuple[int, str, str, str, bool, bool]]:
    k, folds, epochs, l2, rate, real_weight = args
    from carevoice.concentrate import concentrate
    from carevoice.concentrate.reading import reading_features
    from carevoice.inbound import Inbound

    cases = [c for c in load() if c.split == "tune"]
    train = [i for i in range(len(cases)) if i % folds != k]
    test = [i for i in range(len(cases)) if i % folds == k]
    featsets = [reading_features(cases[i].text) for i in train]
    labels = [(cases[i].intent, cases[i].situation, cases[i].emotion, cases[i].urgency) for i in train]
    fitted = [epochs, l2, rate, featsets, labels]
    if real_weight != 1.0:
        fitted.append([real_weight, [cases[i].source for i in train]])
    key = hashlib.sha256(json.dumps(fitted).encode()).hexdigest()
    path = CACHE / f"{key[:32]}.json"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        text = _weights([cases[i] for i in train], featsets, epochs=epochs, l2=l2, rate=rate,
                        real_weight=real_weight)
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _use(text)
    from carevoice.concentrate import reading as rd

    for name, value in json.loads(os.environ.get("CAREVOICE_CV_PATCH", "{}")).items():
        setattr(rd, name, value)  # a threshold tried without editing the module (a sweep)
    out = []
    for i in test:
        r = concentrate(Inbound(text=cases[i].text))
        out.append((i, r.intent, r.category, r.emotion, bool(r.urgency) or r.intent == "danger",
                    r.intent == "praise"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--real-weight", type=float, default=None,
                    help="how much a real post counts against a written one (default: fit_reading.py's)")
    ap.add_argument("--misses", choices=FIELDS)
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--since", help="also report the cases whose id does not start with this prefix (the corpus "
                                    "before posts added under it)")
    a = ap.parse_args()
    import fit_reading as fr

    real_weight = fr.REAL_WEIGHT if a.real_weight is None else a.real_weight
    cases = [c for c in load() if c.split == "tune"]
    with ProcessPoolExecutor(a.jobs) as pool:
        rows = [r for part in pool.map(_fold, [(k, a.folds, a.epochs, a.l2, a.rate, real_weight)
                                               for k in range(a.folds)])
                for r in part]
    rows.sort()
    n = len(rows)
    got = {i: (intent, cat, emo, urgent, praise) for i, intent, cat, emo, urgent, praise in rows}
    right = Counter[str]()
    confusions = Counter[tuple[str, str]]()
    misses = []
    for i, case in enumerate(cases):
        intent, cat, emo, urgent, _ = got[i]
        right["intent"] += case.intent == intent
        right["situation"] += case.situation == cat
        right["emotion"] += case.emotion == emo
        if case.situation != cat:
            confusions[(case.situation, cat)] += 1
        want = {"intent": case.intent, "situation": case.situation, "emotion": case.emotion}
        have = {"intent": intent, "situation": cat, "emotion": emo}
        if a.misses and want[a.misses] != have[a.misses]:
            misses.append(f"  [{case.source}] want {want[a.misses]} got {have[a.misses]}: {case.text[:160]!r}")
    praise = [i for i, c in enumerate(cases) if c.intent == "praise"]
    urgent = [i for i, c in enumerate(cases) if c.urgency or c.intent == "danger"]
    calm = [i for i, c in enumerate(cases) if not c.urgency and c.intent != "danger"]
    print(f"{n} tune cases, {a.folds}-fold, l2 {a.l2}, epochs {a.epochs}, real weight {real_weight}: "
          "whole reading, weights fitted per fold")
    for field in FIELDS:
        print(f"  {field:<10} {right[field] / n:.1%}  ({right[field]}/{n})")
    for source in ("ibm", "written"):
        part = [i for i, c in enumerate(cases) if (c.source == "written") == (source == "written")]
        if part:
            print(f"  {source} posts ({len(part)}): " + ", ".join(
                f"{field} {sum(getattr(cases[i], field) == got[i][k] for i in part) / len(part):.1%}"
                for k, field in enumerate(FIELDS)) + f", urgency found {sum(got[i][3] for i in part if i in urgent)}/"
                f"{sum(1 for i in part if i in urgent)}")
    print(f"  praise recall {sum(got[i][4] for i in praise)}/{len(praise)}")
    print(f"  urgency found {sum(got[i][3] for i in urgent)}/{len(urgent)}; "
          f"raised without a label {sum(got[i][3] for i in calm)}/{len(calm)}")
    if a.since:
        old = [i for i, c in enumerate(cases) if not c.id.startswith(a.since)]
        print(f"  without the {len(cases) - len(old)} cases under {a.since}: " + ", ".join(
            f"{field} {sum(getattr(cases[i], field) == got[i][k] for i in old) / len(old):.1%}"
            for k, field in enumerate(FIELDS)) + f", praise recall {sum(got[i][4] for i in old if i in praise)}/"
            f"{sum(1 for i in old if i in praise)}")
    print("situation confusions")
    for (want_, have_), count in confusions.most_common(15):
        print(f"  {want_:>22} -> {have_:<22} {count}")
    for line in misses[:a.limit]:
        print(line)


if __name__ == "__main__":
    main()
