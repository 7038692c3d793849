"""Bank loading: every bad-bank case gives a located error (file:line:column, code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, write_bank

from carevoice.bank import load_bank
from carevoice.errors import BankError, BankNotFoundError

BAD = FIXTURES / "badbanks"

# (fixture, line, column, code, words the message must contain)
CASES = [
    ("bad_yaml.yaml", 5, 1, "CV100", "invalid YAML"),
    ("unknown_key.yaml", 4, 3, "CV104", "did you mean 'sign_off'"),
    ("wrong_type.yaml", 8, 9, "CV105", "valid number"),
    ("duplicate_id.yaml", 8, 9, "CV107", "duplicate phrase id 'a' (first at line 5)"),
    ("template_syntax.yaml", 6, 15, "CV110", "template syntax error"),
    ("undeclared_variable.yaml", 10, 1, "CV111", "did you mean 'customer'"),
    ("python_tag.yaml", 2, 15, "CV100", "unsupported YAML tag"),
    ("alias_bomb.yaml", None, None, "CV102", "too large"),
    ("duplicate_key.yaml", 3, 1, "CV103", "duplicate key 'display_name'"),
    ("unknown_stage.yaml", 4, 5, "CV104", "did you mean 'resolve'"),
    ("orphan.yaml", 2, 1, "CV108", "unknown parent bank 'nosuchbank'"),
    ("misnamed.yaml", 2, 1, "CV109", "named 'acme' but its file is 'misnamed.yaml'"),
    ("unknown_channel.yaml", 2, 15, "CV105", "unknown channel 'twiter'"),
]


@pytest.mark.parametrize(("name", "line", "column", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_bank_is_located(name: str, line: int | None, column: int | None, code: str, words: str) -> None:
    with pytest.raises(BankError) as info:
        load_bank(BAD / name)
    err = info.value
    assert err.file == str(BAD / name)
    assert err.code == code
    if line is not None:
        assert (err.line, err.column) == (line, column)
        assert str(err).startswith(f"{BAD / name}:{line}:{column}: ")
    else:
        assert err.line is not None
    assert words in str(err)


def test_every_bad_fixture_has_a_case() -> None:
    assert {p.name for p in BAD.glob("*.yaml")} == {c[0] for c in CASES}


def test_unknown_brand_names_the_known_ones() -> None:
    with pytest.raises(BankNotFoundError) as info:
        load_bank("parcelpopp")
    assert "did you mean 'parcelpop'" in str(info.value)
    assert "northwind-air" in str(info.value)


def test_missing_file_is_a_bank_error(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no bank file"):
        load_bank(tmp_path / "nope.yaml")


BASE = """\
bank: parent
display_name: Parent
voice: {sign_off: "^P", formality: formal, banned_terms: [cheap]}
phrases:
  app_bug:
    acknowledge:
      - {id: p.ack.1, text: "Parent ack one."}
      - {id: p.ack.2, text: "Parent ack two."}
    resolve:
      - {id: p.res.1, text: "Parent resolve."}
"""


def test_inheritance_fallback_and_override(tmp_path: Path) -> None:
    write_bank(tmp_path, BASE, "parent")
    child = write_bank(tmp_path, """\
bank: child
extends: parent
display_name: Child
voice: {sign_off: "- C"}
phrases:
  app_bug:
    acknowledge:
      - {id: c.ack.1, text: "Child ack."}
""", "child")
    bank = load_bank(child)
    assert bank.lineage == ("parent", "child")
    assert [p.id for p in bank.phrases_for("app_bug", "acknowledge")] == ["c.ack.1"]
    assert [p.id for p in bank.phrases_for("app_bug", "resolve")] == ["p.res.1"]
    assert bank.voice.sign_off == "- C"
    assert bank.voice.formality == "formal"
    assert bank.voice.banned_terms == ("cheap",)


def test_inheritance_all_mixes_and_same_id_overrides(tmp_path: Path) -> None:
    write_bank(tmp_path, BASE, "parent")
    child = write_bank(tmp_path, """\
bank: child
extends: parent
inherit_phrases: all
remove: [p.ack.2]
phrases:
  app_bug:
    acknowledge:
      - {id: p.ack.1, text: "Overridden."}
      - {id: c.ack.9, text: "Added."}
""", "child")
    bank = load_bank(child)
    cell = {p.id: p.text for p in bank.phrases_for("app_bug", "acknowledge")}
    assert cell == {"p.ack.1": "Overridden.", "c.ack.9": "Added."}


ASKING_PARENT = """\
bank: parent
display_name: Parent
phrases:
  any:
    resolve:
      - {id: p.res.1, text: "We'll look into it."}
      - {id: p.res.call, text: "We can call you.", intents: [request, complaint], when: [asks.callback]}
      - {id: p.res.refund, text: "We'll look at a refund.", intents: [request, complaint], when: [asks.refund]}
  refund_status:
    resolve:
      - {id: p.refund.1, text: "We'll check the refund."}
      - {id: p.refund.asked, text: "We'll look at a refund.", when: [asks.refund]}
"""


def test_a_replaced_any_cell_keeps_the_parents_lines_for_asks_it_does_not_answer(tmp_path: Path) -> None:
    # parcelpop rewrote any.resolve in its voice and lost base's "call me back" lines until this rule
    write_bank(tmp_path, ASKING_PARENT, "parent")
    child = write_bank(tmp_path, """\
bank: child
extends: parent
phrases:
  any:
    resolve:
      - {id: c.res.1, text: "Our team will look into it."}
      - {id: c.res.refund, text: "Let's get your money back.", when: [asks.refund]}
  refund_status:
    resolve:
      - {id: c.refund.1, text: "Our team will check the refund."}
""", "child")
    bank = load_bank(child)
    assert sorted(p.id for p in bank.phrases_for("any", "resolve")) == ["c.res.1", "c.res.refund", "p.res.call"]
    # a situation's own cell is the brand's to replace whole: its refund lines are its own
    assert [p.id for p in bank.phrases_for("refund_status", "resolve")] == ["c.refund.1"]


def test_extends_cycle_is_reported(tmp_path: Path) -> None:
    write_bank(tmp_path, "bank: a\nextends: b\n", "a")
    write_bank(tmp_path, "bank: b\nextends: a\n", "b")
    with pytest.raises(BankError, match="cycle"):
        load_bank(tmp_path / "a.yaml")


def test_phrase_knows_its_file_and_line(tmp_path: Path) -> None:
    path = write_bank(tmp_path, BASE, "parent")
    bank = load_bank(path)
    phrase = bank.phrase("p.ack.2")
    assert (phrase.file, phrase.line) == (str(path), 8)


def test_cache_serves_an_unchanged_bank_and_notices_an_edit(tmp_path: Path) -> None:
    import os

    path = write_bank(tmp_path, BASE, "parent")
    first = load_bank(path)
    assert list((tmp_path / "cache" / "carevoice" / "banks").glob("*.pickle"))
    assert load_bank(path) == first
    path.write_text(BASE.replace("Parent resolve.", "Edited resolve."), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert load_bank(path).phrase("p.res.1").text == "Edited resolve."


def test_cache_never_hides_a_new_error(tmp_path: Path) -> None:
    path = write_bank(tmp_path, BASE, "parent")
    load_bank(path)
    path.write_text(BASE + "bogus: 1\n", encoding="utf-8")
    with pytest.raises(BankError, match="unknown key 'bogus'"):
        load_bank(path)


def test_shipped_banks_resolve_the_same_with_and_without_cache() -> None:
    for name in ("base", "parcelpop"):
        assert load_bank(name) == load_bank(name, cache=False) == load_bank(name)
