"""Fit the learned layer of reading (src/carevoice/data/reading_model.json) on the labelled corpus.

Usage:  python benchmarks/fit_reading.py [--check] [--folds K] [--epochs N] [--l2 X]

Fits one multinomial logistic model per target (intent, situation, emotion)
on the ``tune`` split of tests/corpus (never the held-out split), over the
features of carevoice.concentrate.features: the post's words and word pairs
(kept when they occur in at least two training posts) and what the rules
found. Pure Python, deterministic (fixed order, fixed seed). ``--folds K``
prints K-fold cross-validated agreement on the tune split instead of writing
weights; ``--check`` refits and fails when the shipped weights differ.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from reading_corpus import Case, load  # noqa: E402

from carevoice.concentrate.reading import reading_features  # noqa: E402
from carevoice.inbound import CATEGORIES, INTENTS  # noqa: E402

OUT = ROOT / "src" / "carevoice" / "data" / "reading_model.json"
EMOTIONS = ("anger", "frustration", "anxiety", "sadness", "delight", "neutral")
URGENCY = ("none", "safety", "threat", "vulnerable", "fraud", "data_exposure", "legal", "stranded")
TARGETS = {
    "intent": (INTENTS, lambda c: c.intent),
    "situation": (CATEGORIES, lambda c: c.situation),
    "emotion": (EMOTIONS, lambda c: c.emotion),
    "urgency": (URGENCY, lambda c: c.urgency[0] if c.urgency else "none"),
    "urgent": (("no", "yes"), lambda c: "yes" if c.urgency else "no"),
}
BALANCED = frozenset({"urgent"})
"""Targets fitted with balanced class weights: a missed urgent post costs far more than a false alarm."""
MIN_COUNT = 2
PRUNE = 0.05
REAL_WEIGHT = 1.0
"""How much a real (IBM) post counts in the fit against a written one."""
"""Weights smaller than this are dropped from the shipped file (they change no decision that matters)."""


def fit(rows: Sequence[tuple[list[str], int]], classes: int, *, epochs: int, l2: float, rate: float,
        seed: int = 7, balanced: bool = False,
        sample_weights: Sequence[float] | None = None) -> tuple[list[float], dict[str, list[float]]]:
    """Softmax regression by AdaGrad with L2, over sparse binary features (optionally class-balanced).

    ``sample_weights`` scales each row's gradient (a real post may count for more than a written one).
    """
    counts = Counter(y for _, y in rows)
    scale = {y: len(rows) / (classes * n) if balanced else 1.0 for y, n in counts.items()}
    bias = [0.0] * classes
    weights: dict[str, list[float]] = {}
    g_bias = [1e-8] * classes
    g_w: dict[str, list[float]] = {}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = rows[i]
            scores = bias[:]
            for f in feats:
                w = weights.get(f)
                if w is not None:
                    for k in range(classes):
                        scores[k] += w[k]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            grad = [e / total for e in exp]
            grad[y] -= 1.0
            if balanced:
                grad = [g * scale[y] for g in grad]
            if sample_weights is not None and sample_weights[i] != 1.0:
                grad = [g * sample_weights[i] for g in grad]
            for k in range(classes):
                g_bias[k] += grad[k] * grad[k]
                bias[k] -= rate * grad[k] / math.sqrt(g_bias[k])
            for f in feats:
                w = weights.setdefault(f, [0.0] * classes)
                g = g_w.setdefault(f, [1e-8] * classes)
                for k in range(classes):
                    step = grad[k] + l2 * w[k]
                    g[k] += step * step
                    w[k] -= rate * step / math.sqrt(g[k])
    return bias, weights


def predict(bias: Sequence[float], weights: dict[str, list[float]], feats: Sequence[str]) -> int:
    scores = list(bias)
    for f in feats:
        w = weights.get(f)
        if w is not None:
            for k in range(len(scores)):
                scores[k] += w[k]
    return max(range(len(scores)), key=lambda k: scores[k])


def vocabulary(featsets: Sequence[list[str]]) -> set[str]:
    counts = Counter(f for feats in featsets for f in set(feats))
    return {f for f, n in counts.items() if n >= MIN_COUNT or not f.startswith(("w:", "b:"))}


def rows_for(cases: Sequence[Case], featsets: Sequence[list[str]], target: str,
             keep: set[str]) -> list[tuple[list[str], int]]:
    classes, label = TARGETS[target]
    index = {c: i for i, c in enumerate(classes)}
    return [([f for f in dict.fromkeys(feats) if f in keep], index[label(c)])
            for c, feats in zip(cases, featsets, strict=True)]


def sample_weights(cases: Sequence[Case], real_weight: float) -> list[float]:
    """Each case's weight in the fit: ``real_weight`` for a real post, 1 for a written one."""
    return [1.0 if c.source == "written" else real_weight for c in cases]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--real-weight", type=float, default=REAL_WEIGHT,
                    help=f"how much a real post counts against a written one (default {REAL_WEIGHT})")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--misses", choices=sorted(TARGETS), help="with --folds: list cross-validated misses")
    a = ap.parse_args()
    cases = [c for c in load() if c.split == "tune"]
    if not cases:
        sys.exit("no labelled cases (the real posts need ../shared/data)")
    featsets = [reading_features(c.text) for c in cases]
    if a.folds:
        for target in TARGETS:
            right = 0
            for k in range(a.folds):
                train = [i for i in range(len(cases)) if i % a.folds != k]
                test = [i for i in range(len(cases)) if i % a.folds == k]
                keep = vocabulary([featsets[i] for i in train])
                rows = rows_for([cases[i] for i in train], [featsets[i] for i in train], target, keep)
                bias, weights = fit(rows, len(TARGETS[target][0]), epochs=a.epochs, l2=a.l2, rate=a.rate,
                                    balanced=target in BALANCED,
                                    sample_weights=sample_weights([cases[i] for i in train], a.real_weight))
                for i, (feats, y) in zip(test, rows_for([cases[i] for i in test], [featsets[i] for i in test],
                                                         target, keep), strict=True):
                    got = predict(bias, weights, feats)
                    right += got == y
                    if target == a.misses and got != y:
                        classes = TARGETS[target][0]
                        print(f"  [{cases[i].source}] want {classes[y]} got {classes[got]}: {cases[i].text[:150]!r}")
            print(f"{target:<10} {right / len(cases):.1%} ({a.folds}-fold on {len(cases)} tune cases)")
        return
    keep = vocabulary(featsets)
    out: dict[str, object] = {"version": 1, "fitted_on": f"{len(cases)} tune cases", "targets": {}}
    for target, (classes, _) in TARGETS.items():
        bias, weights = fit(rows_for(cases, featsets, target, keep), len(classes), epochs=a.epochs, l2=a.l2,
                            rate=a.rate, balanced=target in BALANCED,
                            sample_weights=sample_weights(cases, a.real_weight))
        rows = {}
        for f in sorted(weights):
            if max(abs(w) for w in weights[f]) < 2 * PRUNE:
                continue  # a feature that moves no class noticeably costs time on every post
            row = [[k, round(w, 3)] for k, w in enumerate(weights[f]) if abs(w) >= PRUNE]
            if row:
                rows[f] = row
        out["targets"][target] = {"classes": list(classes), "bias": [round(b, 4) for b in bias],  # type: ignore[index]
                                  "weights": rows}
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if a.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("shipped weights are up to date" if same else "shipped weights differ from a fresh fit")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(text) / 1024:.0f} KiB, fitted on {len(cases)} tune cases")


if __name__ == "__main__":
    main()
