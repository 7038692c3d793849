"""Banks that used to load and lint clean, then hang, exhaust memory or crash: refused at load AND by lint.

Each case is refused with ``file:line:col`` and a code by ``load_bank`` and reported at the same place by
``carevoice lint`` (lint and load agree). Speed and memory of what is allowed are measured by
``benchmarks/bounds.py``, never asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_bank

from carevoice.bank import load_bank
from carevoice.errors import BankError, RenderError
from carevoice.lint import lint_paths
from carevoice.render import render

HEAD = "bank: t\nextends: base\ndisplay_name: T\n"


def _phrase(text: str) -> str:
    return f"phrases:\n  general:\n    acknowledge:\n      - id: a1\n        text: {text!r}\n"


# (name, bank body after HEAD, line, column, code, words in the message)
CASES = [
    ("append loop", _phrase("{% set x=[1] %}{% for i in x %}{% if x.append(i) %}{% endif %}{% endfor %}Hi."),
     8, 15, "CV114", "not allowed"),
    ("nested loops", _phrase("{% for i in brand.name*30000 %}{% for j in brand.name*30000 %}{% endfor %}"
                             "{% endfor %}Hi."), 8, 15, "CV114", "loops not allowed"),
    ("power in sign-off", 'voice:\n  sign_off: "{{ 10 ** 100000000 }}"\n', 5, 13, "CV114", "arithmetic"),
    ("string times 10**8", _phrase("{{ (brand.name ~ ' ') * 10**8 }}"), 8, 15, "CV114", "arithmetic"),
    ("a times 10**9", _phrase('{{ "a" * 10**9 }}'), 8, 15, "CV114", "arithmetic"),
    ("method call", _phrase("{{ brand.name.center(100000000) }}"), 8, 15, "CV114", "calling 'center'"),
    ("range", _phrase("{{ range(10) }}"), 8, 15, "CV114", "calling 'range'"),
    ("nested too deep", _phrase("{{ " + "(" * 900 + "1" + ")" * 900 + " }}"), 8, 15, "CV110", "too deeply"),
    ("exponential regex", 'tone:\n  blame_phrases: ["re:(a+)+$"]\n', 5, 19, "CV115", "unsafe regular expression"),
    ("invalid regex", 'tone:\n  blame_phrases: ["re:(["]\n', 5, 19, "CV115", "unterminated character set"),
    ("overlapping regex", 'voice:\n  banned_terms: ["re:\\\\s*\\\\s*x"]\n', 5, 18, "CV115", "can start like"),
    ("regex group names", 'tone:\n  sarcasm_phrases: ["re:(?P<n>x)"]\n', 5, 21, "CV115", "invalid regular expression"),
    ("5,000-digit integer", "variation:\n  candidates: " + "9" * 5000 + "\n", 5, 15, "CV105", "unreadable value"),
    ("huge integer", "variation:\n  rest: 100000000000000000000\n", 5, 9, "CV105", "number too large"),
    ("infinite float", "variation:\n  window_days: .inf\n", 5, 16, "CV105", "number out of range"),
    ("days overflow", "variation:\n  window_days: 99999999\n", 5, 3, "CV105", "less than or equal to 3650"),
    ("impossible date", "description: 2001-02-30\n", 4, 14, "CV105", "unreadable value"),
    ("extends a path", "", 2, 1, "CV108", "never a path"),
]


def _text(name: str, body: str) -> str:
    if name == "extends a path":
        return "bank: t\nextends: ../../../../etc/passwd\ndisplay_name: T\n"
    return HEAD + body


@pytest.mark.parametrize(("name", "body", "line", "column", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_at_load_and_by_lint_at_the_same_place(name: str, body: str, line: int, column: int, code: str,
                                                       words: str, tmp_path: Path) -> None:
    path = write_bank(tmp_path, _text(name, body), "t")
    with pytest.raises(BankError) as caught:
        load_bank(path, cache=False)
    err = caught.value
    assert (err.file, err.line, err.column, err.code) == (str(path), line, column, code), str(err)
    assert words in err.message
    found = {(f.line, f.column, f.code) for f in lint_paths([path]).findings if f.severity == "error"}
    assert (line, column, code) in found


@pytest.mark.parametrize("template", [
    "{% for i in brand.name %}{% endfor %}",
    "{{ 10 ** 100000000 }}",
    "{{ (brand.name ~ ' ') * 10**8 }}",
    '{{ "a" * 10**9 }}',
    "{% set x = 1 %}",
    "{{ brand.name.replace('', 'xx') }}",
    "{{ brand.name|center(100000000) }}",
    "{{ brand['name'] }}",
])
def test_render_refuses_templates_outside_the_language(template: str) -> None:
    # the render layer refuses them too, for banks built in code or read from an old cache
    with pytest.raises(RenderError):
        render(template, {"brand": {"name": "Acme"}})


def test_a_value_too_long_to_print_fails_the_phrase_not_the_draft() -> None:
    ctx = {"customer": {"name": "a" * 5000}, "brand": {"name": "Acme"}}
    with pytest.raises(RenderError, match=r"customer\.name is too long"):
        render("Hi {{ customer.name }}", ctx)
    assert render("Hi from {{ brand.name }}", ctx) == "Hi from Acme"


def test_a_nul_character_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEAD + "description: ab\x00c\n", "t")
    with pytest.raises(BankError, match=r"t\.yaml:4:16: invalid YAML: unacceptable character") as caught:
        load_bank(path, cache=False)
    assert caught.value.code == "CV100"
    assert [(f.line, f.column, f.code) for f in lint_paths([path]).findings] == [(4, 16, "CV100")]


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes((HEAD + "description: caf").encode() + b"\xe9 au lait\n")
    with pytest.raises(BankError, match=r"t\.yaml:4:17: not UTF-8 text: byte 0xe9"):
        load_bank(path, cache=False)
    assert [(f.line, f.column, f.code) for f in lint_paths([path]).findings] == [(4, 17, "CV100")]


def test_extends_never_reads_outside_the_bank_folders(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("bank: secret\ndisplay_name: Top secret\n", encoding="utf-8")
    folder = tmp_path / "banks"
    folder.mkdir()
    path = write_bank(folder, "bank: t\nextends: ../secret\ndisplay_name: T\n", "t")
    messages = " ".join(f.message for f in lint_paths([path]).findings)
    assert "never a path" in messages
    assert "Top secret" not in messages and "secret.yaml" not in messages
