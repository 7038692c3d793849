"""Template plans render as Jinja does, and a command-line run keeps them in the user cache."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from carevoice import _cache, _template_lang, _template_plans, compose, drafter, render
from carevoice.errors import RenderError

CORPUS = Path(__file__).resolve().parent / "corpus" / "written.jsonl"
BANKS = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "phrasebanks").glob("*.yaml"))


def _jinja(source: str, context: Mapping[str, Any]) -> str | tuple[str, str]:
    try:
        return render.render(source, context)
    except RenderError as exc:
        return type(exc).__name__, str(exc)


def _planned(source: str, context: Mapping[str, Any]) -> str | None:
    plan = _template_plans.make_plan(render.parsed_template(source))
    return None if plan is None else _template_plans.evaluate(plan, context)


def test_the_copied_constants_are_the_template_languages() -> None:
    assert _template_plans.MAX_VALUE_CHARS == render.MAX_VALUE_CHARS
    assert _template_plans._ALLOWED_METHODS == _template_lang.ALLOWED_METHODS


@pytest.mark.parametrize(("source", "context"), [
    ("Hi {{ customer.first_name or 'there' }}!", {"customer": {"first_name": "Ana"}}),
    ("Hi {{ customer.first_name or 'there' }}!", {"customer": {"first_name": None}}),
    ("Hi {{ customer.first_name }}!", {"customer": {"first_name": None}}),  # a missing value printed
    ("Hi {{ customer.first_name }}!", {"customer": {}}),  # an undefined key
    ("{{ customer.items }}", {"customer": {"items": "x"}}),  # a dict method: the sandbox refuses it
    ("{{ n }}", {"n": 3}),  # not text: Jinja prints it
    ("{% if a %}A{% elif b %}B{% else %}C{% endif %}", {"a": "", "b": [1]}),
    ("{% if a == 'x' and b != 2 %}yes{% endif %}", {"a": "x", "b": 3}),
    ("{{ 'in' if a in ['x', 'y'] else 'out' }}", {"a": "y"}),
    ("{{ 'in' if a not in 'xyz' else 'out' }}", {"a": "q"}),
    ("{{ name.split()[0] }} / {{ name.upper() }} / {{ name[-1] }}", {"name": "ana maria"}),
    ("{{ name[5] }}", {"name": "ana"}),  # out of range
    ("{{ name.split('') }}", {"name": "ana"}),  # an error
    ("{{ not a }}{{ a and 'b' }}", {"a": True}),
    ("{{ x | lower }}", {"x": "A"}),  # a filter: Jinja only
    ("  Two\n  lines {{ x }}\n", {"x": "and   spaces"}),
])
def test_a_plan_renders_as_jinja_or_leaves_it_to_jinja(source: str, context: dict[str, Any]) -> None:
    planned = _planned(source, context)
    if planned is not None:
        assert planned == _jinja(source, context)


def test_unsupported_cases_are_left_to_jinja() -> None:
    assert _planned("Hi {{ customer.first_name }}!", {"customer": {"first_name": None}}) is None
    assert _planned("{{ customer.items }}", {"customer": {"items": "x"}}) is None
    assert _planned("{{ x | lower }}", {"x": "A"}) is None
    assert _planned("Hi {{ name }}", {"name": "Ana"}) == "Hi Ana"


def _posts(limit: int) -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines[:limit]]


@pytest.mark.parametrize("bank", BANKS)
def test_every_template_a_draft_renders_has_a_plan_that_renders_as_jinja(bank: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import draft_post

    seen: list[int] = [0, 0]

    def checked(source: str, context: Mapping[str, Any], *, phrase_id: str | None = None) -> str:
        expected = _jinja(source, context)
        if "{" in source:
            planned = _planned(source, context)
            seen[0] += 1
            if planned is not None:
                seen[1] += 1
                assert planned == expected, source
        if isinstance(expected, tuple):
            raise RenderError(expected[1])
        return expected

    monkeypatch.setattr(compose, "render_phrase", checked)
    monkeypatch.setattr(drafter, "render_phrase", checked)
    for text in _posts(40):
        try:
            draft_post(bank, text)
        except Exception:  # a post a bank blocks or cannot draft: the renders so far were checked
            continue
    assert seen[1] > seen[0] * 0.9  # nearly every template is planned


# -- plans kept in the user cache (the command line only)


@pytest.fixture
def plan_store(monkeypatch: pytest.MonkeyPatch) -> Any:
    def reset() -> None:
        _template_plans._store_name.cache_clear()
        _template_plans._stored.cache_clear()
        _template_plans._learnt.clear()

    reset()
    _cache.start_run("test:plans")
    yield reset
    monkeypatch.setattr(_cache, "_context", [])
    reset()


def _no_jinja(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("rendered with Jinja")

    monkeypatch.setattr(render, "render", refuse)


def test_plans_stored_and_reused(plan_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    source = "Hi {{ customer.first_name or 'there' }}, about {{ subject or 'this' }}."
    context = {"customer": {"first_name": "Ana"}, "subject": None}
    expected = render.render(source, context)
    assert _template_plans.render_phrase(source, context) == expected == "Hi Ana, about this."
    assert source in _template_plans._learnt
    _cache.flush()
    plan_store()
    assert source in _template_plans._stored()
    with monkeypatch.context() as m:
        _no_jinja(m)
        assert _template_plans.render_phrase(source, context) == expected
        assert _template_plans.render_phrase(source, {"customer": {"first_name": "Bo"}, "subject": "it"}) == \
            "Hi Bo, about it."
    assert not _template_plans._learnt


def test_a_stored_plan_leaves_what_it_cannot_render_to_jinja(plan_store: Any) -> None:
    source = "Hi {{ customer.first_name }}."
    _template_plans.render_phrase(source, {"customer": {"first_name": "Ana"}})
    _cache.flush()
    plan_store()
    assert source in _template_plans._stored()
    with pytest.raises(render.MissingValueError):
        _template_plans.render_phrase(source, {"customer": {"first_name": None}}, phrase_id="p1")
    with pytest.raises(RenderError, match="too long"):
        _template_plans.render_phrase(source, {"customer": {"first_name": "a" * 1001}})


@pytest.mark.parametrize("damage", ["garbage", "foreign", "bad plan"])
def test_damaged_plan_entry_falls_back_to_jinja(damage: str, plan_store: Any, tmp_path: Path) -> None:
    source = "Thanks {{ customer.first_name or 'there' }}!"
    context = {"customer": {"first_name": None}}
    expected = _template_plans.render_phrase(source, context)
    _cache.flush()
    name = _template_plans._store_name()
    assert name is not None
    if damage == "garbage":
        (tmp_path / "cache" / "carevoice" / name).write_bytes(b"\x00garbage")
    elif damage == "foreign":
        _cache.write_pickle(name, ["not", "a", "dict"])
    else:
        _cache.write_pickle(name, {source: ((("print", ("bogus",)),), frozenset())})
    plan_store()
    assert _template_plans.render_phrase(source, context) == expected == "Thanks there!"


def test_the_library_never_stores_plans(plan_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cache, "_context", [])
    plan_store()
    assert _template_plans.render_phrase("Hi {{ name }}", {"name": "Ana"}) == "Hi Ana"
    assert _template_plans._store_name() is None
    assert not _template_plans._learnt


def test_plans_off_with_no_cache(plan_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREVOICE_NO_CACHE", "1")
    plan_store()
    assert _template_plans.render_phrase("Hi {{ name }}", {"name": "Ana"}) == "Hi Ana"
    _cache.flush()
    assert _template_plans._stored() == {}
