"""Plain twins of carevoice's pydantic models, so that a command-line draft never imports pydantic.

Importing pydantic and creating the model classes is about half of what one warm command-line
draft spends. Inside :func:`plain_models` (``carevoice draft`` runs in it), the models a draft
makes (:class:`Reading`, :class:`Draft`...: built by :func:`carevoice._models.build` from values
carevoice made itself) are instances of the plain twins below, and the settings a cached bank and
the cached data files hold (``ToneSettings``, ``ChannelProfile``...: pickled with
:func:`reduce_model`) are restored as plain twins too. A twin has its model's fields in the same
order, frozen, with the model's defaults, ``==``, ``repr`` and the methods a draft uses; it is
dumped by :func:`carevoice._models.dump` as the model is. Outside :func:`plain_models` nothing
changes: :func:`~carevoice._models.build` and unpickling make the pydantic models as before, so
the library's API returns the pydantic models.

For mypy each twin is its pydantic model (the names below are imported from the model modules
when type checking), so the modules a draft imports name the models as they always did.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

__all__ = ["PLAIN", "Details", "Draft", "Finding", "Inbound", "PiiMatch", "Plain", "Reading", "StageChoice", "Subject",
           "factory", "model_class", "plain_inbound", "plain_models", "reduce_model", "restore", "restored_class",
           "twin"]

PLAIN = [False]
"""``[True]`` inside :func:`plain_models`."""

_set = object.__setattr__


@contextmanager
def plain_models() -> Iterator[None]:
    """Build and restore carevoice's models as plain twins while the block runs (the command-line draft)."""
    was = PLAIN[0]
    PLAIN[0] = True
    try:
        yield
    finally:
        PLAIN[0] = was


class _Factory:
    """A default factory of a twin's field (``factory(dict)``)."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def factory(make: Callable[[], Any]) -> Any:
    """Mark a twin's field default as made by ``make()`` (pydantic's ``default_factory``)."""
    return _Factory(make)


class _Twin(type):
    """Calling a twin calls its model: ``Reading(category=...)`` validates as it always did."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return model_class(cls.model)(*args, **kwargs)  # type: ignore[attr-defined]


class Plain(metaclass=_Twin):
    """A frozen record with the fields of one pydantic model (its twin), in the model's order.

    A subclass names its model (``model="carevoice.inbound:Reading"``) and declares the fields it
    builds as the model does (name, type as text, default or :func:`factory`); a twin that is
    only restored (settings, channel profiles) declares none. Twins are made by
    :func:`carevoice._models.build` and :func:`restore`; calling one makes its pydantic model.
    """

    model: ClassVar[str] = ""
    fields: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}
    factories: ClassVar[dict[str, Callable[[], Any]]] = {}
    types: ClassVar[dict[str, str]] = {}
    """Each field's annotation, as text."""

    def __init_subclass__(cls, model: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.model = model
        cls.__name__ = model.rsplit(":", 1)[-1]  # the model's name, as repr shows it
        annotations = _annotations(cls)
        cls.fields = tuple(annotations)
        cls.types = annotations
        cls.defaults, cls.factories = {}, {}
        for name in annotations:
            if name in cls.__dict__:
                value = cls.__dict__[name]
                delattr(cls, name)
                if isinstance(value, _Factory):
                    make = value.make
                    cls.factories[name] = (functools.partial(_build, make) if isinstance(make, type)
                                           and issubclass(make, Plain) else make)
                else:
                    cls.defaults[name] = value
        _TWINS[model] = cls

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields replaced, unvalidated (as pydantic's ``model_copy``)."""
        copy = type(self).__new__(type(self))
        _set(copy, "__dict__", {**self.__dict__, **(update or {})})
        return copy


def _annotations(cls: type) -> dict[str, str]:
    """The annotations a class body declares, as :func:`inspect.get_annotations` gives them.

    Read from the class's own ``__dict__`` as :mod:`inspect` does, without importing it (a
    warm draft need not: see :func:`carevoice._lazy.defer_module`); from Python 3.14, whose
    annotations are evaluated lazily, :func:`inspect.get_annotations` itself.
    """
    if sys.version_info >= (3, 14):
        import inspect

        return dict(inspect.get_annotations(cls))
    found = cls.__dict__.get("__annotations__")  # noqa: RUF063  # what inspect reads, without importing it
    return dict(found) if isinstance(found, dict) else {}


def _build(cls: type[Plain]) -> Any:
    from carevoice._models import build

    made: Any = cls
    return build(made)


_TWINS: dict[str, type[Plain]] = {}


@functools.cache
def model_class(key: str) -> Any:
    """The pydantic model a twin (or a pickled model) names: ``module:qualname``."""
    module, name = key.split(":")
    return getattr(importlib.import_module(module), name)


def restored_class(key: str) -> Any:
    """The class a pickled model (``module:qualname``) unpickles as now: its twin inside :func:`plain_models`."""
    return _TWINS[key] if PLAIN[0] else model_class(key)


def twin(model: type[Any]) -> type[Plain] | None:
    """The plain twin of a pydantic model class, if it has one."""
    return _TWINS.get(f"{model.__module__}:{model.__qualname__}")


def reduce_model(model: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """``__reduce__`` of a pydantic model a cache entry holds: restored by :func:`restore`.

    The state is what pydantic's own pickling keeps (``__getstate__``), so outside
    :func:`plain_models` the model unpickles as it always did.
    """
    cls = type(model)
    return restore, (f"{cls.__module__}:{cls.__qualname__}", model.__dict__, model.__pydantic_fields_set__,
                     model.__pydantic_extra__, model.__pydantic_private__)


def restore(key: str, values: dict[str, Any], fields_set: set[str], extra: Any, private: Any) -> Any:
    """A pickled model: its plain twin inside :func:`plain_models`, else the pydantic model as pickle made it."""
    if PLAIN[0] and extra is None and private is None:
        cls = _TWINS.get(key)
        if cls is not None:
            record = cls.__new__(cls)
            _set(record, "__dict__", values)
            return record
    model = model_class(key)
    instance = model.__new__(model)
    instance.__setstate__({"__dict__": values, "__pydantic_extra__": extra,
                           "__pydantic_fields_set__": fields_set, "__pydantic_private__": private})
    return instance


# --- the twins a draft builds (carevoice.inbound, carevoice.draft) --------------------------------------

class _Finding(Plain, model="carevoice.draft:Finding"):
    code: str
    severity: str
    message: str
    rule: str = ""
    span: tuple[int, int] | None = None
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return finding_json(self)


class _StageChoice(Plain, model="carevoice.draft:StageChoice"):
    stage: str
    phrase_id: str


class _Inbound(Plain, model="carevoice.inbound:Inbound"):
    text: str
    channel: str = "x"
    name: str | None = None
    handle: str | None = None
    id: str | None = None
    time: Any = None
    thread_id: str | None = None
    followers: int | None = None


class _PiiMatch(Plain, model="carevoice.inbound:PiiMatch"):
    kind: str
    start: int
    end: int
    text: str


class _Details(Plain, model="carevoice.inbound:Details"):
    order_id: str | None = None
    booking_id: str | None = None
    flight: str | None = None
    product: str | None = None
    place: str | None = None
    date: str | None = None
    time: str | None = None
    device: str | None = None
    error: str | None = None
    contacted: str | None = None
    tried: str | None = None
    forgot: str | None = None
    staff: str | None = None

    def present(self) -> dict[str, str]:
        return details_present(self)


class _Subject(Plain, model="carevoice.inbound:Subject"):
    text: str
    reply: str
    head: str
    start: int
    end: int
    plural: bool = False


class _Reading(Plain, model="carevoice.inbound:Reading"):
    category: str = "general"
    confidence: float = 0.0
    intent: str = "complaint"
    intent2: str | None = None
    intent_confidence: float = 0.0
    subject: _Subject | None = None
    language: str = "en"
    sarcasm: bool = False
    asks: tuple[str, ...] = ()
    scores: dict[str, float] = factory(dict)
    emotion: str = "neutral"
    intensity: float = 0.0
    negative: bool = False
    urgency: tuple[str, ...] = ()
    abusive: bool = False
    spam: bool = False
    praise: bool = False
    question: bool = False
    bereavement: bool = False
    details: _Details = factory(_Details)
    pii: tuple[_PiiMatch, ...] = ()
    reasons: tuple[str, ...] = ()


class _Draft(Plain, model="carevoice.draft:Draft"):
    id: str | None = None
    text: str
    channel: str
    brand: str
    action: str
    stages: tuple[_StageChoice, ...] = ()
    analysis: _Reading = factory(_Reading)
    private: str | None = None
    holding: str | None = None
    custom_slot: bool = False
    custom_slot_at: int | None = None
    custom_slot_hint: str | None = None
    custom_slot_required: bool = False
    escalation: str | None = None
    reasons: tuple[str, ...] = ()
    findings: tuple[_Finding, ...] = ()
    situation: str | None = None
    seed: int | None = None
    similarity: float | None = None
    answer: str | None = None

    @property
    def blocked(self) -> bool:
        return draft_blocked(self)

    @property
    def publishable(self) -> bool:
        return draft_publishable(self)

    @property
    def phrase_ids(self) -> tuple[str, ...]:
        return tuple(s.phrase_id for s in self.stages)

    def to_json(self) -> dict[str, Any]:
        return draft_json(self)


# --- the twins a draft restores (settings of a cached bank, the cached data files) ------------------------

for _key in ("carevoice.bank.settings:ToneSettings", "carevoice.bank.settings:VariationSettings",
             "carevoice.bank.settings:TriageSettings", "carevoice.bank.settings:DraftingSettings",
             "carevoice.bank.settings:LintSettings", "carevoice.checks._data_models:ChannelProfile",
             "carevoice.checks._data_models:ToneData", "carevoice.checks._data_models:TwitterConfig",
             "carevoice.checks._data_models:_Range"):
    type(_key.split(":")[1], (Plain,), {"__module__": __name__}, model=_key)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair: not a character, and cannot be stored or printed as UTF-8."""
_INBOUND_TEXT = frozenset({"text", "name"})
_INBOUND_IDS = frozenset({"id", "handle", "thread_id", "channel"})


def plain_inbound(fields: dict[str, object]) -> Inbound | None:
    """``Inbound(**fields)`` when the fields are plain values that validation would keep as they are, else None.

    That is: ``text`` a string, ``channel``, ``name``, ``handle``, ``id`` and ``thread_id`` strings
    or None, ``followers`` an int or None, no ``time``, and no lone surrogate anywhere. Such a
    post is built without building pydantic's validator (see :mod:`carevoice._models`; inside
    :func:`plain_models`, as its plain twin); anything else (a time to parse, a wrong type, a value
    the validators change or refuse) is left to ``Inbound(**fields)``, with its messages.
    """
    from carevoice._models import build

    if type(fields.get("text")) is not str:
        return None
    for key, value in fields.items():
        if key not in _Inbound.fields:
            return None
        if value is None:
            continue
        if key in _INBOUND_TEXT or key in _INBOUND_IDS:
            if type(value) is not str or _LONE_SURROGATE.search(value):
                return None
        elif key != "followers" or type(value) is not int:
            return None
    return build(Inbound, **fields)


# --- what a model and its twin share ---------------------------------------------------------------------

_ANALYSIS = frozenset({"analysis"})


def finding_json(finding: Any) -> dict[str, Any]:
    """``Finding.to_json()``."""
    from carevoice._models import dump

    return dump(finding, json=True)


def details_present(details: Any) -> dict[str, str]:
    """``Details.present()``: the details that were found, by name."""
    from carevoice._models import dump

    return {k: v for k, v in dump(details).items() if v}


def draft_blocked(draft: Any) -> bool:
    """``Draft.blocked``: any finding is an error."""
    return any(f.severity == "error" for f in draft.findings)


def draft_publishable(draft: Any) -> bool:
    """``Draft.publishable``: a public reply with text, no errors, not held."""
    return bool(draft.text) and not draft_blocked(draft) and draft.action not in ("no_reply", "needs_agent")


def draft_json(draft: Any) -> dict[str, Any]:
    """``Draft.to_json()`` (see ``docs/draft-json.md``)."""
    from carevoice._models import dump

    data = dump(draft, json=True, exclude=_ANALYSIS)
    a = draft.analysis
    data["analysis"] = {
        "category": a.category,
        "confidence": round(a.confidence, 3),
        "intent": a.intent,
        "intent2": a.intent2,
        "intent_confidence": round(a.intent_confidence, 3),
        "subject": dump(a.subject) if a.subject else None,
        "language": a.language,
        "sarcasm": a.sarcasm,
        "asks": list(a.asks),
        "emotion": a.emotion,
        "intensity": round(a.intensity, 3),
        "negative": a.negative,
        "urgency": list(a.urgency),
        "abusive": a.abusive,
        "spam": a.spam,
        "praise": a.praise,
        "question": a.question,
        "bereavement": a.bereavement,
        "pii": sorted({m.kind for m in a.pii}),
        "details": a.details.present(),
        "reasons": list(a.reasons),
    }
    data["blocked"] = draft_blocked(draft)
    return data


if TYPE_CHECKING:
    from carevoice.draft import Draft, Finding, StageChoice
    from carevoice.inbound import Details, Inbound, PiiMatch, Reading, Subject
else:
    Finding, StageChoice, Draft = _Finding, _StageChoice, _Draft
    Inbound, PiiMatch, Details, Subject, Reading = _Inbound, _PiiMatch, _Details, _Subject, _Reading
