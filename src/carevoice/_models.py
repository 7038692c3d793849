"""Carevoice's own frozen models, built and dumped without building pydantic's validators.

A draft makes a handful of :class:`~carevoice.inbound.Reading`, :class:`~carevoice.draft.Draft`...
from values carevoice computed itself. Validating them would first build each model's
pydantic-core validator and serializer (about 20-40 ms for the draft path's models, and the
first one imports pydantic's plugin loader with ``importlib.metadata``), which is most of
what one command-line draft spends on pydantic besides importing it. :func:`build` makes
the same instance pydantic would (the same field values, of the same types: ``int`` given
for a ``float`` field becomes a ``float``, a list for a ``tuple`` field a tuple, and so on;
defaults as pydantic fills them), and :func:`dump` gives what ``model_dump`` gives for them.

Only for values carevoice made: anything read from a user (a post, a bank file) is
validated by pydantic as before. With :data:`CHECK` on (the test suite turns it on),
every :func:`build` is compared with pydantic's own validation of the same values.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from carevoice._plain import PLAIN, Plain, model_class

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["CHECK", "build", "dump"]

M = TypeVar("M", bound="BaseModel")

CHECK = False
"""Compare each :func:`build` with pydantic's validation of the same values (for tests; slow)."""


class _Plan(typing.NamedTuple):
    """How to build one model class (worked out once per class)."""

    defaults: dict[str, Any]
    factories: dict[str, Callable[[], Any]]
    converters: tuple[tuple[str, tuple[type, ...], Callable[[Any], Any]], ...]
    """Per field with a converter: its name, the types the converter keeps as they are, and the converter."""
    names: frozenset[str]
    fields: tuple[str, ...]
    """The field names in their order (as ``model_dump`` gives them)."""


_plans: dict[type, _Plan] = {}
_set = object.__setattr__


def _as_float(value: Any) -> Any:
    return float(value) if type(value) is int else value


def _as_bool(value: Any) -> Any:
    return bool(value) if type(value) is int else value


def _as_tuple(value: Any) -> Any:
    return value if type(value) is tuple else tuple(value)


def _as_float_dict(value: Any) -> Any:
    return {k: _as_float(v) for k, v in value.items()}


def _converter(annotation: Any) -> tuple[tuple[type, ...], Callable[[Any], Any]] | None:
    """What pydantic's lax mode does to a value carevoice made for a field of this type (None: nothing).

    Given as the types of value the converter returns as they are (no call needed for them), and the converter.
    """
    if annotation is float:
        return (float,), _as_float
    if annotation is bool:
        return (bool,), _as_bool
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        found = _converter(args[0] if args[1] is type(None) else args[1])
        return None if found is None else _optional(found)
    if origin is tuple:
        if any(_converter(a) is not None for a in args if a is not Ellipsis):
            raise TypeError(f"no fast build for {annotation!r}")  # elements that pydantic would convert
        return (tuple,), _as_tuple
    if origin is dict:
        if args and args[1] is float:
            return (), _as_float_dict  # always a new dict, as pydantic makes one
        if args and _converter(args[1]) is not None:
            raise TypeError(f"no fast build for {annotation!r}")
        return None
    if origin is list:
        raise TypeError(f"no fast build for {annotation!r}")  # a fresh list: not needed by frozen models
    return None


def _plan(cls: type[Any]) -> _Plan:
    """The defaults, default factories, converters and field names of a model or twin (worked out once per class)."""
    plan = _plans.get(cls)
    if plan is not None:
        return plan
    if issubclass(cls, Plain):
        converters = []
        for name, text in cls.types.items():
            found = _converter_text(text)
            if found is not None:
                converters.append((name, *found))
        plan = _plans[cls] = _Plan(cls.defaults, cls.factories, tuple(converters), frozenset(cls.fields), cls.fields)
        return plan
    from pydantic import BaseModel

    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    found_converters: list[tuple[str, tuple[type, ...], Callable[[Any], Any]]] = []
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            factory: Any = info.default_factory
            if isinstance(factory, type) and issubclass(factory, BaseModel):
                factories[name] = functools.partial(build, factory)
            else:
                factories[name] = factory
        elif not info.is_required():
            defaults[name] = info.default
        found = _converter(info.annotation)
        if found is not None:
            found_converters.append((name, *found))
    plan = _plans[cls] = _Plan(defaults, factories, tuple(found_converters), frozenset(cls.model_fields),
                               tuple(cls.model_fields))
    return plan


def _optional(found: tuple[tuple[type, ...], Callable[[Any], Any]]) -> tuple[tuple[type, ...], Callable[[Any], Any]]:
    kept, inner = found
    return (*kept, type(None)), lambda value: None if value is None else inner(value)


def _converter_text(text: str) -> tuple[tuple[type, ...], Callable[[Any], Any]] | None:
    """:func:`_converter` for a twin's field, from its annotation's text (the few forms the twins use)."""
    if text.endswith(" | None"):
        found = _converter_text(text[:-len(" | None")])
        return None if found is None else _optional(found)
    if text == "float":
        return (float,), _as_float
    if text == "bool":
        return (bool,), _as_bool
    if text.startswith("tuple["):
        return (tuple,), _as_tuple
    if text == "dict[str, float]":
        return (), _as_float_dict
    return None


def build(cls: type[M], /, **values: Any) -> M:
    """``cls(**values)`` for values carevoice made, without validation: the same instance, field for field.

    ``cls`` may be a model's plain twin (:mod:`carevoice._plain`): outside
    :func:`~carevoice._plain.plain_models` its pydantic model is built, inside it the twin.
    Raises ``TypeError`` for an unknown or missing field (a programming error).
    """
    if issubclass(cls, Plain) and not PLAIN[0]:
        cls = model_class(cls.model)
    plan = _plans.get(cls) or _plan(cls)
    if not plan.names.issuperset(values):
        raise TypeError(f"{cls.__name__} has no field {sorted(set(values) - plan.names)[0]!r}")
    fields_set = set(values)
    given = dict(values) if CHECK else values
    for name, kept, convert in plan.converters:  # converted in place: ``values`` is this call's own dict
        if name in values and type(values[name]) not in kept:
            values[name] = convert(values[name])
    if len(values) < len(plan.names):
        # the defaults first, the values given over them (the order does not matter: fields order them below)
        values = plan.defaults | values
        if len(values) < len(plan.names):
            for name in plan.fields:
                if name not in values:
                    if name not in plan.factories:
                        raise TypeError(f"{cls.__name__} needs {name!r}")
                    values[name] = plan.factories[name]()
    model = cls.__new__(cls)
    fields = plan.fields
    _set(model, "__dict__", dict(zip(fields, map(values.__getitem__, fields), strict=True)))  # model_dump's order
    if issubclass(cls, Plain):
        if CHECK:
            _check(model_class(cls.model)(**{k: _as_model(v) for k, v in given.items()}), model)
        return model
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    if CHECK:
        _check(cls(**given), model)
    return model


def _check(expected: Any, got: Any) -> None:
    """Fail unless two values are equal and of the same types, all the way down."""
    from pydantic import BaseModel

    if isinstance(got, Plain) and isinstance(expected, BaseModel):
        if model_class(type(got).model) is not type(expected) or list(expected.__dict__) != list(got.__dict__):
            raise AssertionError(f"plain build of {type(got).__name__} differs from pydantic's {expected!r}")
        for name, value in expected.__dict__.items():
            _check(value, got.__dict__[name])
        return
    if type(expected) is not type(got):
        raise AssertionError(f"fast build gave {type(got).__name__} {got!r}, pydantic {type(expected).__name__}")
    if isinstance(expected, BaseModel):
        if expected.model_fields_set != got.model_fields_set or list(expected.__dict__) != list(got.__dict__):
            raise AssertionError(f"fast build of {type(got).__name__} differs in its fields")
        for name, value in expected.__dict__.items():
            _check(value, got.__dict__[name])
    elif isinstance(expected, tuple | list):
        if len(expected) != len(got):
            raise AssertionError(f"fast build gave {got!r}, pydantic {expected!r}")
        for a, b in zip(expected, got, strict=True):
            _check(a, b)
    elif isinstance(expected, dict):
        if list(expected) != list(got):
            raise AssertionError(f"fast build gave {got!r}, pydantic {expected!r}")
        for key, value in expected.items():
            _check(value, got[key])
    elif expected != got and expected == expected:  # NaN aside
        raise AssertionError(f"fast build gave {got!r}, pydantic {expected!r}")


def dump(model: BaseModel, *, json: bool = False, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``model.model_dump()`` (``mode="json"`` with ``json``) for carevoice's frozen models.

    Their fields hold strings, numbers, booleans, None, tuples, dicts and other such models, so
    this is what pydantic's serializer gives, without building it: nested models become dicts,
    and in JSON mode tuples become lists. Any other value (a date, an infinite number) is left
    to pydantic's own ``model_dump``.
    """
    try:
        values = model.__dict__
        names = values if isinstance(model, Plain) else type(model).model_fields
        return {name: _dumped(values[name], json) for name in names if name not in exclude}
    except _Unsupported:
        dumped: dict[str, Any] = _as_model(model).model_dump(mode="json" if json else "python",
                                                             exclude=set(exclude) or None)
        return dumped


class _Unsupported(Exception):
    """A value :func:`dump` leaves to pydantic."""


_PLAIN = (str, int, bool, type(None))


def _as_model(value: Any) -> Any:
    """A plain twin as its pydantic model, unvalidated, all the way down (for values only pydantic dumps)."""
    if isinstance(value, Plain):
        model = model_class(type(value).model)
        instance = model.__new__(model)
        _set(instance, "__dict__", {k: _as_model(v) for k, v in value.__dict__.items()})
        _set(instance, "__pydantic_fields_set__", set(value.__dict__))
        _set(instance, "__pydantic_extra__", None)
        _set(instance, "__pydantic_private__", None)
        return instance
    if type(value) is tuple:
        return tuple(_as_model(v) for v in value)
    return value


def _dumped(value: Any, json: bool) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is float:
        if json and (value != value or value in (float("inf"), float("-inf"))):
            raise _Unsupported
        return value
    if kind is tuple:
        items = [_dumped(v, json) for v in value]
        return items if json else tuple(items)
    if kind is list:
        return [_dumped(v, json) for v in value]
    if kind is dict:
        if not all(type(k) is str for k in value):
            raise _Unsupported
        return {k: _dumped(v, json) for k, v in value.items()}
    if isinstance(value, Plain):
        return {name: _dumped(v, json) for name, v in value.__dict__.items()}
    from pydantic import BaseModel

    if isinstance(value, BaseModel) and type(value).__module__.startswith("carevoice."):
        values = value.__dict__
        return {name: _dumped(values[name], json) for name in type(value).model_fields}
    raise _Unsupported
