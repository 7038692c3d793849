"""Bad input in the library: typed errors (InputError, HistoryError), never a crash or leaked personal data."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.agent import MAX_INITIALS, MAX_NAME_CHARS, check_agent_initials, check_agent_name
from carevoice.bank import load_bank
from carevoice.checks.channels import get_channel
from carevoice.compose import build_context
from carevoice.concentrate import concentrate, find_pii
from carevoice.drafter import Drafter
from carevoice.errors import HistoryError, InputError
from carevoice.inbound import Inbound
from carevoice.variation.history import ReplyRecord
from carevoice.variation.sqlite import SQLiteHistory

MINI = FIXTURES / "banks" / "mini.yaml"


# --- agent name and initials --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "initials", "words"), [
    ("\u202eSam", None, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("Sam\u2066", None, "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("Sam\ud800", None, "U+D800"),
    ("Sam\nRivers", None, "U+000A"),
    ("S" * (MAX_NAME_CHARS + 1), None, "at most 60"),
    ("x" * 1_000_000, None, "1,000,000 characters"),
    ("Agent 007", None, "DIGIT ZERO"),
    ("Sam  Rivers", None, "double space"),
    ("-Sam", None, "must start with a letter"),
    (None, "ABCDE", "5 characters; at most 4"),
    (None, "S\u202eR", "U+202E"),
    (None, "S1", "DIGIT ONE"),
])
def test_unfit_agent_names_and_initials_raise_input_error(name: str | None, initials: str | None, words: str) -> None:
    with pytest.raises(InputError, match=words.replace("(", r"\(").replace("+", r"\+")):
        Drafter(str(MINI), agent_name=name, agent_initials=initials)


@pytest.mark.parametrize(("name", "initials"), [
    ("Sam Rivers", "SR"), ("Zoë O'Neil-Smith", "ZOS"), ("José\u0301", "J.S."), ("李小龍", "李"),
    ("Ngũgĩ wa Thiong\u2019o", "NwT"), (" Priya ", " PS "), (None, None), ("", ""),
])
def test_real_names_pass_and_reach_the_sign_off(name: str | None, initials: str | None) -> None:
    drafter = Drafter("northwind-air", agent_name=name, agent_initials=initials)
    assert drafter.agent_name == (name.strip() or None if name is not None else None)
    draft = drafter.draft(Inbound(text="My flight NW482 was cancelled"), allow_blocked=True)
    if initials and initials.strip():
        assert draft.text.endswith(f"^{initials.strip()}")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_agent_name_check_accepts_only_what_it_promises(name: str) -> None:
    try:
        checked = check_agent_name(name)
    except InputError:
        return
    if checked is not None:
        assert len(checked) <= MAX_NAME_CHARS and checked == checked.strip()
        assert not any(ch.isdigit() or ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF or ch in "\u202a\u202b\u202c\u202d"
                       "\u202e\u2066\u2067\u2068\u2069\u200d\u200e\u200f" for ch in checked)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8))
def test_initials_never_exceed_the_bank_schema_limit(initials: str) -> None:
    try:
        checked = check_agent_initials(initials)
    except InputError:
        return
    assert checked is None or 1 <= len(checked) <= MAX_INITIALS


# --- the customer's display name -----------------------------------------------------------------

def _customer(name: str) -> dict[str, object]:
    post = Inbound(text="My parcel is late", name=name)
    bank = load_bank("parcelpop")
    context = build_context(post, concentrate(post), bank, get_channel("x"))
    return context["customer"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("name", "first", "full"), [
    ("Ann07700900123", None, None),                       # a phone number glued to the name
    ("ann.smith@example.com", None, None),               # an e-mail, not "annsmithexamplecom"
    ("Ann 07700 900123", "Ann", None),                    # the name is fine, the number is never echoed
    ("Ann Lee ann@example.com", "Ann", None),
    ("Apt 4B", None, None),
    ("Ann2", None, None),
    ("Dana Kim", "Dana", "Dana Kim"),
    ("\U0001f338Zoë O'Neil", "Zoë", "\U0001f338Zoë O'Neil"),
    ('"Bob"', "Bob", '"Bob"'),
])
def test_the_display_name_never_carries_personal_data_into_a_reply(name: str, first: str | None,
                                                                   full: str | None) -> None:
    customer = _customer(name)
    assert (customer["first_name"], customer["name"]) == (first, full)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_digit_or_personal_data_is_ever_echoed_through_the_name(name: str) -> None:
    customer = _customer(name)
    for value in (customer["first_name"], customer["name"]):
        if value is not None:
            assert isinstance(value, str) and not any(ch.isdigit() for ch in value) and "@" not in value
            assert find_pii(value) == ()


# --- the SQLite history ----------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["customer", "thread_id"])
def test_a_lone_surrogate_reaching_the_sqlite_store_is_a_history_error(tmp_path: Path, key: str) -> None:
    with SQLiteHistory(tmp_path / "h.sqlite") as h:
        with pytest.raises(HistoryError, match="surrogates not allowed"):
            h.record(ReplyRecord("hello", "b", "x", **{key: "ann\ud800"}))  # type: ignore[arg-type]
        with pytest.raises(HistoryError, match="surrogates not allowed"):
            h.related("b", **{key: "ann\ud800"})  # type: ignore[arg-type]
        assert h.count() == 0


@pytest.mark.parametrize("field", ["handle", "thread_id", "id", "channel"])
def test_a_lone_surrogate_in_a_post_identifier_is_an_input_error(field: str, tmp_path: Path) -> None:
    drafter = Drafter(str(MINI), history=SQLiteHistory(tmp_path / "h.sqlite"))
    with pytest.raises(InputError, match=f"the post's {field} .* not valid Unicode"):
        drafter.draft(Inbound(**{"text": "The app crashes", field: "a\ud800"}), record=True)  # type: ignore[arg-type]


def test_a_lone_surrogate_in_free_text_is_replaced_and_the_post_is_drafted(tmp_path: Path) -> None:
    drafter = Drafter(str(MINI), history=SQLiteHistory(tmp_path / "h.sqlite"))
    post = Inbound(text="The app crashes \ud83d", name="Ann\udcff")
    assert post.text.endswith("\ufffd") and post.name == "Ann\ufffd"
    draft = drafter.draft(post, allow_blocked=True, record=True)
    assert draft.text and drafter.history.count() == 1


# --- a read-only history folder -----------------------------------------------------------------

@pytest.fixture
def readonly_folder() -> Iterator[Path]:
    """A folder the test process (or, under root, a child that drops to 'nobody') cannot write."""
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        folder = base / "ro"
        folder.mkdir()
        SQLiteHistory(folder / "h.sqlite").close()
        for extra in folder.glob("h.sqlite-*"):
            extra.unlink()
        (folder / "h.sqlite").chmod(0o644)
        folder.chmod(0o555)
        yield folder
    finally:
        (base / "ro").chmod(0o755)
        shutil.rmtree(base)


def _open_as_user(path: str, queue: multiprocessing.Queue[str]) -> None:
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
    try:
        SQLiteHistory(path).close()
        queue.put("opened")
    except HistoryError as exc:
        queue.put(str(exc))


def _open_message(path: Path) -> str:
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[str] = ctx.Queue()
    proc = ctx.Process(target=_open_as_user, args=(str(path), queue))
    proc.start()
    proc.join(60)
    return queue.get(timeout=5)


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "geteuid"), reason="POSIX only")
@pytest.mark.parametrize("name", ["h.sqlite", "new.sqlite"])
def test_a_read_only_history_folder_is_reported_as_such_not_as_a_corrupt_file(readonly_folder: Path,
                                                                              name: str) -> None:
    message = _open_message(readonly_folder / name)
    assert "not a readable carevoice reply history" not in message
    assert f"the reply history at {readonly_folder / name}: " in message
    assert f"check that the file and its folder {readonly_folder} are writable" in message
