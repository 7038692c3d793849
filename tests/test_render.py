"""The Jinja sandbox: strict, plain text, and customer text is data, never a template."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carevoice.errors import RenderError
from carevoice.render import MissingValueError, inspect_template, render

CTX = {
    "customer": {"name": None, "first_name": None, "handle": None},
    "agent": {"name": "Sam", "initials": "SR"},
    "brand": {"name": "Acme"},
    "details": {k: None for k in ("order_id", "booking_id", "flight", "product", "place", "date", "time")},
    "channel": {"id": "x", "name": "X", "private": "DM"},
    "time_of_day": "day",
    "hours": {"next_open": None, "open": True},
}


def test_missing_value_needs_a_fallback() -> None:
    with pytest.raises(MissingValueError):
        render("Hi {{ customer.first_name }},", CTX)
    assert render("Hi {{ customer.first_name or 'there' }},", CTX) == "Hi there,"


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__ }}",
    "{{ brand.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ nosuch }}",
    "{{ brand.nosuch }}",
])
def test_sandbox_and_strict_undefined_refuse(template: str) -> None:
    with pytest.raises(RenderError):
        render(template, CTX)


@given(st.text(max_size=200))
def test_customer_values_are_never_rendered_as_templates(name: str) -> None:
    ctx = {**CTX, "customer": {"name": name, "first_name": name, "handle": None}}
    out = render("Hi {{ customer.first_name or 'there' }}!", ctx)
    expected = " ".join(f"Hi {name or 'there'}!".split())
    assert out == expected


@pytest.mark.parametrize(("template", "code", "words"), [
    ("{{ custmer.name }}", "CV111", "did you mean 'customer'"),
    ("{{ details.order }}", "CV111", "did you mean 'order_id'"),
    ("{% if %}", "CV110", "syntax"),
    ("{% for x in [1] %}{{ x }}{% endfor %}", "CV114", "loops not allowed"),
    ("{% if agent.name %}{{ agent.name.split()[0] }}{% endif %}", None, ""),
])
def test_inspect_template(template: str, code: str | None, words: str) -> None:
    issues = inspect_template(template)
    if code is None:
        assert issues == []
    else:
        assert [i.code for i in issues] == [code]
        assert words in issues[0].message
