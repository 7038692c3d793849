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
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial, reduce
from itertools import repeat
from operator import add, itemgetter, sub
from typing import Any, NamedTuple, cast

from carevoice._gc import no_gc_pause
from carevoice.errors import ConfigError

__all__ = ["MODEL_FILE", "Prediction", "Predictions", "TargetModel", "classes", "describe_feature", "model", "predict",
           "predict_all"]

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
    from importlib import resources  # imported when first needed: a draft reads the weights from the user cache

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


def _sequential_sum_is_builtin() -> bool:
    """Tell whether ``sum`` adds floats one after another (Python < 3.12; later versions compensate)."""
    return sum([1.0, 1e100, 1.0, -1e100]) == 0.0


_add_up: Callable[[Iterable[float]], float] = sum if _sequential_sum_is_builtin() else partial(reduce, add)
"""Left-to-right float addition, as ``score += weight`` does it: the same bits on every Python version."""


class _Joint(NamedTuple):
    """Every target's classes side by side, and each feature's weights for all of them (a dense row)."""

    targets: dict[str, tuple[tuple[str, ...], int]]
    """Per target: its classes and the index of its first class in the rows."""
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]


def _cache_name() -> str:
    """The cache entry for this model file and this code: any change to either makes a new name.

    The name holds the SHA-256 of the model file's and this module's digests
    (:func:`carevoice._digests.file_digest`); raises :class:`OSError` when either cannot be read.
    """
    import sys
    from pathlib import Path

    from carevoice._cache import data_file
    from carevoice._digests import file_digest
    from carevoice._hash import sha256

    digest = sha256(file_digest(data_file(MODEL_FILE)) + file_digest(Path(__file__)))
    return f"reading-model-{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:32]}.pickle"


def _build_joint(source: bytes) -> _Joint:
    raw = json.loads(source)
    targets: dict[str, tuple[tuple[str, ...], int]] = {}
    bias: list[float] = []
    for target, data in raw["targets"].items():
        if len(data["bias"]) != len(data["classes"]):
            raise ValueError(f"{target}: {len(data['bias'])} biases for {len(data['classes'])} classes")
        targets[str(target)] = (tuple(data["classes"]), len(bias))
        bias.extend(float(b) for b in data["bias"])
    zeros = [0.0] * len(bias)
    rows: dict[str, list[float]] = {}
    for (classes, lo), data in zip(targets.values(), raw["targets"].values(), strict=True):
        for f, row in data["weights"].items():
            dense = rows.get(str(f))
            if dense is None:
                dense = rows[str(f)] = list(zeros)
            for k, w in row:
                if not 0 <= int(k) < len(classes):
                    raise ValueError(f"{f!r}: no class {k}")
                dense[lo + int(k)] = float(w)
    return _Joint(targets, tuple(bias), {f: tuple(row) for f, row in rows.items()})


class _Rows(dict[str, tuple[float, ...]]):
    """The joint weights read from the user cache: a feature's row is unpacked the first time it is read.

    The rows are kept as one block of doubles (what ``array("d")`` stores: the same floats,
    bit for bit); a post reads a few dozen of the some three thousand features. Only the rows
    read so far are in the dict itself: ask :attr:`index` which features there are. The weights
    take a few thousand values (rounded as they are fitted), so a row holds one float object per
    value, shared by every row (by its bits: ``-0.0`` is not ``0.0``): a post's rows then touch
    a few small blocks of memory instead of a new float for each of its weights.
    """

    __slots__ = ("_bits", "_doubles", "_shared", "_width", "index")

    def __init__(self, features: Sequence[str], doubles: memoryview[Any], width: int) -> None:
        super().__init__()
        self.index: dict[str, int] = {f: i * width for i, f in enumerate(features)}
        self._doubles = doubles
        self._bits = doubles.cast("B").cast("Q")
        self._shared: dict[int, float] = {}
        self._width = width

    def __missing__(self, feature: str) -> tuple[float, ...]:
        start = self.index[feature]  # KeyError for a feature the model does not have, as with a dict
        end = start + self._width
        row = self[feature] = tuple(map(self._shared.setdefault, self._bits[start:end], self._doubles[start:end]))
        return row

    def __reduce__(self) -> tuple[object, ...]:
        return (dict, ({f: self[f] for f in self.index},))


def _features(joint: _Joint) -> Mapping[str, object]:
    """Every feature of the model (the keys of the weights; of their index when they are read lazily)."""
    return joint.weights.index if isinstance(joint.weights, _Rows) else joint.weights


_CACHE_FORMAT = 2


def _to_cache(joint: _Joint) -> tuple[object, ...]:
    """What the user cache keeps: the rows as one block of doubles, in feature order."""
    from array import array

    features = tuple(joint.weights)
    doubles = array("d")
    for f in features:
        doubles.extend(joint.weights[f])
    return (_CACHE_FORMAT, sys.byteorder, doubles.itemsize, joint.targets, joint.bias, features, doubles.tobytes())


def _from_cache(entry: Any) -> _Joint | None:
    """The joint weights an entry of :func:`_to_cache` holds (rows unpacked when read), or None."""
    try:
        form, order, itemsize, targets, bias, features, blob = entry
        if form != _CACHE_FORMAT or order != sys.byteorder or not isinstance(blob, bytes):
            return None
        doubles = memoryview(blob).cast("d")
        width = len(bias)
        if itemsize != doubles.itemsize or len(doubles) != width * len(features) or not isinstance(targets, dict):
            return None
        return _Joint(targets, tuple(bias), _Rows(tuple(features), doubles, width))
    except (TypeError, ValueError):
        return None


@cache
def _joint() -> _Joint:
    """The shipped weights as dense rows: read from the JSON file once, then from the user cache."""
    from carevoice._cache import read_pickle, write_pickle

    try:
        name = _cache_name()
    except OSError:
        name = None
    cached = None if name is None else _from_cache(read_pickle(name))
    if cached is not None:
        return cached
    from importlib import resources  # only a cache miss reads the data file

    try:
        source = resources.files("carevoice.data").joinpath(MODEL_FILE).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot load the reading model: {exc}", file=MODEL_FILE) from exc
    try:
        with no_gc_pause():
            joint = _build_joint(source)
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot load the reading model: {exc}", file=MODEL_FILE) from exc
    if name is not None:
        write_pickle(name, _to_cache(joint))
    return joint


@lru_cache(maxsize=64)
def _kept(target: str, allowed: tuple[str, ...] | None) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The classes of ``target`` a prediction may choose, and their columns in the joint rows."""
    classes, lo = _joint().targets[target]
    keep = [i for i, c in enumerate(classes) if allowed is None or c in allowed]
    return tuple(classes[i] for i in keep), tuple(lo + i for i in keep)


def _drivers(weights: tuple[float, ...], active: list[str]) -> tuple[str, ...]:
    """The (at most three) features that pushed a class most: the largest positive weights, by name on a tie."""
    ranked = sorted(weights, reverse=True)
    if len(ranked) > 3:
        a, b, c, d = ranked[:4]
        if c > 0 and a > b > c > d:  # the usual case: three positive weights, each alone (no tie to break)
            index = weights.index
            return active[index(a)], active[index(b)], active[index(c)]
    top = [w for w in ranked[:3] if w > 0]
    if not top:
        return ()
    alone = len(ranked) == len(top) or ranked[len(top)] < top[-1]  # no weight below the top ones equals the last
    if alone and (len(top) == 1 or (top[0] > top[1] and (len(top) == 2 or top[1] > top[2]))):  # nor one another
        return tuple(map(active.__getitem__, map(weights.index, top)))  # each weight names one feature
    floor = top[-1]  # no other feature can be among the three
    pushes = sorted([(w, f) for w, f in zip(weights, active, strict=True) if w >= floor], reverse=True)
    return tuple(f for _, f in pushes[:3])


_new_prediction = cast(Callable[[tuple[str, float, str, float, tuple[str, ...]]], Prediction],
                       partial(tuple.__new__, Prediction))


class _Layout(NamedTuple):
    """The columns most predictions need, side by side: the allowed classes of the targets not looked at rarely."""

    spans: dict[str, tuple[tuple[str, ...], int, int]]
    """Per target: its allowed classes and their columns (``lo``, ``hi``)."""
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    """Per feature: its weights in those columns (worked out the first time a feature is read)."""
    features: Mapping[str, object]
    """Every feature of the model."""


class _Picked(dict[str, tuple[float, ...]]):
    """A layout's weights: each feature's columns picked from its joint row the first time it is read."""

    __slots__ = ("_pick", "_rows")

    def __init__(self, rows: Mapping[str, tuple[float, ...]], pick: Callable[[tuple[float, ...]],
                 tuple[float, ...]]) -> None:
        super().__init__()
        self._rows = rows
        self._pick = pick

    def __missing__(self, feature: str) -> tuple[float, ...]:
        picked = self[feature] = self._pick(self._rows[feature])
        return picked


@lru_cache(maxsize=16)
def _layout(allowed: tuple[tuple[str, tuple[str, ...]], ...], rarely: frozenset[str]) -> _Layout:
    joint = _joint()
    only = dict(allowed)
    spans: dict[str, tuple[tuple[str, ...], int, int]] = {}
    columns: list[int] = []
    for target, (classes, lo) in joint.targets.items():
        if target not in rarely:
            keep = [i for i, c in enumerate(classes) if target not in only or c in only[target]]
            spans[target] = (tuple(classes[i] for i in keep), len(columns), len(columns) + len(keep))
            columns.extend(lo + i for i in keep)
    pick = itemgetter(*columns)
    if len(columns) == 1:
        return _Layout(spans, (pick(joint.bias),), _Picked(joint.weights, lambda row: (pick(row),)),
                       _features(joint))
    return _Layout(spans, pick(joint.bias), _Picked(joint.weights, pick), _features(joint))


class _Scores(NamedTuple):
    """One target's scores for a post: its classes, where their weights are, their sums, the top, the softmax's sum."""

    labels: tuple[str, ...]
    rows: list[tuple[float, ...]]
    """The active features' rows the classes' weights are read from."""
    columns: Sequence[int]
    """Each class's column in ``rows``."""
    part: list[float]
    top: float
    total: float


_new_scores = cast(Callable[[tuple[tuple[str, ...], list[tuple[float, ...]], Sequence[int], list[float], float, float]],
                            _Scores], partial(tuple.__new__, _Scores))


class Predictions(Mapping[str, Prediction]):
    """Every target's prediction for one post, each worked out the first time it is asked for."""

    def __init__(self, features: Iterable[str], allowed: Mapping[str, Sequence[str]], rarely: frozenset[str]) -> None:
        self._allowed = allowed
        self._layout = layout = _layout(tuple((k, tuple(v)) for k, v in allowed.items()), rarely)
        self._active = list(filter(layout.features.__contains__, dict.fromkeys(features)))
        self._rows = list(map(layout.weights.__getitem__, self._active))
        # per class: its bias, then each active feature's weight, summed left to right (one column at a time,
        # the columns not kept: the few a prediction's drivers need are read from the rows again)
        self._part = list(map(_add_up, zip(layout.bias, *self._rows, strict=True)))
        self._done: dict[str, Prediction] = {}
        self._scored: dict[str, _Scores] = {}

    def __getitem__(self, target: str) -> Prediction:
        done = self._done.get(target)
        if done is None:
            done = self._done[target] = self._predict(target)
        return done

    def probability(self, target: str, label: str) -> float:
        """The probability of one class, as a prediction that ranks it first or second shows it.

        Cheaper than the prediction: the features that drove the choice are not looked for.
        """
        labels, _, _, part, top, total = self._scores(target)
        return round(math.exp(part[labels.index(label)] - top) / total, 3)

    def _scores(self, target: str) -> _Scores:
        scored = self._scored.get(target)
        if scored is not None:
            return scored
        span = self._layout.spans.get(target)
        columns: Sequence[int]
        if span is not None:
            labels, lo, hi = span
            rows, columns, part = self._rows, range(lo, hi), self._part[lo:hi]
        else:  # a target looked at rarely: its columns from the full rows
            joint = _joint()
            if target not in joint.targets:
                raise KeyError(target)
            only = self._allowed.get(target)
            labels, columns = _kept(target, None if only is None else tuple(only))
            rows = list(map(joint.weights.__getitem__, self._active))
            every = list(zip(joint.bias, *rows, strict=True))
            part = list(map(_add_up, map(every.__getitem__, columns)))
        top = max(part)
        total = sum(map(math.exp, map(sub, part, repeat(top))))  # exp(score - top), summed in class order
        scored = self._scored[target] = _new_scores((labels, rows, columns, part, top, total))
        return scored

    def _predict(self, target: str) -> Prediction:
        labels, rows, columns, part, top, total = self._scores(target)
        exp = math.exp
        best = part.index(top)  # the first of equals, as a stable sort ranks them
        second = best
        if len(part) > 1:
            part = part.copy()
            part[best] = -math.inf
            second = part.index(max(part))
            part[best] = top
        return _new_prediction((labels[best], round(exp(part[best] - top) / total, 3), labels[second],
                                round(exp(part[second] - top) / total, 3),
                                _drivers(tuple(map(itemgetter(columns[best]), rows)), self._active)))

    def __iter__(self) -> Iterator[str]:
        return iter(_joint().targets)

    def __len__(self) -> int:
        return len(_joint().targets)


def classes(target: str) -> tuple[str, ...]:
    """The classes of one target, in the model's order."""
    return _joint().targets[target][0]


def predict_all(features: Iterable[str], *, allowed: Mapping[str, Sequence[str]] | None = None,
                rarely: Iterable[str] = ()) -> Predictions:
    """Predict every target from a post's features (``allowed`` limits a target's classes).

    The post's weights are gathered once, but for the targets named ``rarely``
    (gathered apart, if ever); each target is scored the first time it is
    asked for, so a reading that never looks at one never pays for it.
    """
    return Predictions(features, allowed or {}, frozenset(rarely))


@cache
def describe_feature(feature: str) -> str:
    """A feature as a reason shows it: a word in quotes, a rule finding by name."""
    kind, _, value = feature.partition(":")
    if kind == "w":
        return f"'{value}'"
    if kind == "b":
        return "'" + value.replace("_", " ") + "'"
    return feature
