"""The learned layer of reading: linear weights over a post's words and the rules' findings.

The rules (lexicon phrases, signals, urgency, questions, emotion cues) say
what they found; a small multinomial logistic model, fitted by
``benchmarks/fit_reading.py`` on the labelled corpus in ``tests/corpus`` and
shipped as ``data/reading_model.json``, weighs those findings together with
the post's words to choose the intent, the situation and the emotion. It is
deterministic, offline and explainable: every choice reports the features
that pushed it most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from carevoice.errors import ConfigError

__all__ = ["MODEL_FILE", "Prediction", "TargetModel", "describe_feature", "model", "predict", "predict_all"]

MODEL_FILE = "reading_model.json"


class Prediction(NamedTuple):
    """The chosen class, its probability, the runner-up and the features that drove the choice."""

    label: str
    probability: float
    second: str
    second_probability: float
    drivers: tuple[str, ...]


@dataclass(frozen=True)
class TargetModel:
    """Weights for one target (intent, situation or emotion): classes, biases, per-feature rows."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    """Per feature, its weight for every class (dense rows: summing them is one ``zip``)."""

    def predict(self, features: Iterable[str], *, allowed: Sequence[str] | None = None) -> Prediction:
        """Score the classes for a bag of features; ``allowed`` limits the choice to some classes."""
        weights = self.weights
        active = [f for f in dict.fromkeys(features) if f in weights]
        rows = [weights[f] for f in active]
        scores = [sum(col) for col in zip(self.bias, *rows, strict=True)] if rows else list(self.bias)
        keep = range(len(self.classes)) if allowed is None else [
            i for i, c in enumerate(self.classes) if c in allowed]
        top = max(scores[i] for i in keep)
        exp = {i: math.exp(scores[i] - top) for i in keep}
        total = sum(exp.values())
        ranked = sorted(keep, key=lambda i: -scores[i])
        best = ranked[0]
        second = ranked[1] if len(ranked) > 1 else best
        pushes = sorted(((row[best], f) for f, row in zip(active, rows, strict=True) if row[best] > 0), reverse=True)
        return Prediction(self.classes[best], round(exp[best] / total, 3), self.classes[second],
                          round(exp[second] / total, 3), tuple(f for _, f in pushes[:3]))


@cache
def model() -> dict[str, TargetModel]:
    """The shipped weights, by target (loaded once)."""
    try:
        raw = json.loads(resources.files("carevoice.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
        out = {}
        for target, data in raw["targets"].items():
            n = len(data["classes"])
            dense: dict[str, tuple[float, ...]] = {}
            for f, row in data["weights"].items():
                values = [0.0] * n
                for k, w in row:
                    values[int(k)] = float(w)
                dense[str(f)] = tuple(values)
            out[str(target)] = TargetModel(classes=tuple(data["classes"]), bias=tuple(float(b) for b in data["bias"]),
                                           weights=dense)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot load the reading model: {exc}", file=MODEL_FILE) from exc
    return out


def predict(target: str, features: Iterable[str], *, allowed: Sequence[str] | None = None) -> Prediction:
    """Predict one target from a post's features."""
    return model()[target].predict(features, allowed=allowed)


@dataclass(frozen=True)
class _Joint:
    """Every target's classes side by side, with each feature's non-zero weights only (a sparse row)."""

    spans: dict[str, tuple[int, int]]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]


@cache
def _joint() -> _Joint:
    targets = model()
    spans: dict[str, tuple[int, int]] = {}
    at = 0
    for name, t in targets.items():
        spans[name] = (at, at + len(t.classes))
        at += len(t.classes)
    rows: dict[str, list[tuple[int, float]]] = {}
    for name, t in targets.items():
        lo = spans[name][0]
        for f, row in t.weights.items():
            rows.setdefault(f, []).extend((lo + k, w) for k, w in enumerate(row) if w)
    return _Joint(spans, tuple(b for t in targets.values() for b in t.bias), {f: tuple(r) for f, r in rows.items()})


def predict_all(features: Iterable[str], *, allowed: dict[str, Sequence[str]] | None = None) -> dict[str, Prediction]:
    """Predict every target from a post's features in one pass (``allowed`` limits a target's classes)."""
    joint = _joint()
    weights = joint.weights
    active = [f for f in dict.fromkeys(features) if f in weights]
    scores = list(joint.bias)
    for f in active:
        for k, w in weights[f]:
            scores[k] += w
    out = {}
    allowed = allowed or {}
    for name, t in model().items():
        lo, hi = joint.spans[name]
        part = scores[lo:hi]
        keep = range(len(t.classes)) if name not in allowed else [
            i for i, c in enumerate(t.classes) if c in allowed[name]]
        top = max(part[i] for i in keep)
        exp = {i: math.exp(part[i] - top) for i in keep}
        total = sum(exp.values())
        ranked = sorted(keep, key=lambda i: -part[i])
        best = ranked[0]
        second = ranked[1] if len(ranked) > 1 else best
        row_best = t.weights
        pushes = sorted(((row_best[f][best], f) for f in active if f in row_best and row_best[f][best] > 0),
                        reverse=True)
        out[name] = Prediction(t.classes[best], round(exp[best] / total, 3), t.classes[second],
                               round(exp[second] / total, 3), tuple(f for _, f in pushes[:3]))
    return out


def describe_feature(feature: str) -> str:
    """A feature as a reason shows it: a word in quotes, a rule finding by name."""
    kind, _, value = feature.partition(":")
    if kind == "w":
        return f"'{value}'"
    if kind == "b":
        return "'" + value.replace("_", " ") + "'"
    return feature
