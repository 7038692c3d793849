"""The start-up caches (issue 12): a stale entry is never used, a damaged one falls back to the slow path."""

from __future__ import annotations

import pickle
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carevoice import _cache, _regex_cache, render
from carevoice.bank import cache as bank_cache
from carevoice.bank import load_bank
from carevoice.bank.registry import find_bank_file
from carevoice.concentrate import lexicon as lexicon_module


def _cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "carevoice"


# -- the lexicon: the trie's parts and the phrase index pickled apart


@pytest.fixture
def fresh_lexicon() -> Any:
    lexicon_module.lexicon.cache_clear()
    yield lexicon_module._build(lexicon_module.raw_data())
    lexicon_module.lexicon.cache_clear()


def test_lexicon_from_the_cache_equals_a_fresh_build(fresh_lexicon: Any) -> None:
    built = lexicon_module.lexicon()  # built, and stored
    assert built.trie == fresh_lexicon.trie
    lexicon_module.lexicon.cache_clear()
    cached = lexicon_module.lexicon()  # read back, parts still pickled
    assert cached is not built and isinstance(cached.trie, lexicon_module._LazyTrie)
    assert "my" in cached.trie and "zzqx" not in cached.trie and cached.trie.get("zzqx") is None
    assert cached.trie["my"] == fresh_lexicon.trie["my"]
    assert cached.trie == fresh_lexicon.trie and dict(cached.trie) == fresh_lexicon.trie
    assert cached.phrases == fresh_lexicon.phrases and len(cached.phrases) == len(fresh_lexicon.phrases)
    assert cached.known == fresh_lexicon.known and cached.data == fresh_lexicon.data
    assert pickle.loads(pickle.dumps(cached.trie)) == fresh_lexicon.trie


def test_a_post_walked_through_the_cached_lexicon_finds_what_a_fresh_build_finds(fresh_lexicon: Any) -> None:
    from carevoice.concentrate.keywords import _walk

    lexicon_module.lexicon()  # built, and stored
    lexicon_module.lexicon.cache_clear()
    cached = lexicon_module.lexicon()  # read back: every part of the root still in the file
    tokens = ["my", "order", "still", "hasn't", "arrived", ",", "i", "want", "a", "refund", "and", "my", "account",
              "was", "hacked"]
    assert any(type(dict.__getitem__(cached.trie, t)) is not dict for t in tokens if t in cached.trie)
    assert _walk(tokens, cached.trie, frozenset()) == _walk(tokens, fresh_lexicon.trie, frozenset())


def _lexicon_entry(tmp_path: Path) -> Path:
    return _cache_dir(tmp_path) / lexicon_module._cache_name()


def test_lexicon_with_a_damaged_part_falls_back_to_a_fresh_build(fresh_lexicon: Any, tmp_path: Path) -> None:
    lexicon_module.lexicon()  # built, and stored
    lexicon_module.lexicon.cache_clear()
    cached = lexicon_module.lexicon()
    entry = _lexicon_entry(tmp_path)
    data = bytearray(entry.read_bytes())
    size = int.from_bytes(data[8:16], "little")
    spans = pickle.loads(bytes(data[16:16 + size]))[1]
    offset, length = spans["my"]
    data[16 + size + offset:16 + size + offset + length] = b"\x00" * length  # in place: the open file sees it
    entry.write_bytes(bytes(data))
    assert isinstance(cached.trie, lexicon_module._LazyTrie)
    assert cached.trie["my"] == fresh_lexicon.trie["my"]
    assert cached.phrases == fresh_lexicon.phrases
    phrases_at = pickle.loads(bytes(data[16:16 + size]))[2]
    data[16 + size + phrases_at[0]:] = b"\xff" * phrases_at[1]
    entry.write_bytes(bytes(data))
    lexicon_module.lexicon.cache_clear()
    again = lexicon_module.lexicon()
    assert again.phrases == fresh_lexicon.phrases and again.trie["my"] == fresh_lexicon.trie["my"]


def test_lexicon_entry_cut_short_is_rebuilt(fresh_lexicon: Any, tmp_path: Path) -> None:
    lexicon_module.lexicon()
    entry = _lexicon_entry(tmp_path)
    data = entry.read_bytes()
    entry.write_bytes(data[:-100])
    assert lexicon_module._read_entry(entry.name) is None
    lexicon_module.lexicon.cache_clear()
    assert lexicon_module.lexicon().trie == fresh_lexicon.trie
    assert entry.read_bytes() != data[:-100]  # rewritten whole
    assert lexicon_module._read_entry(entry.name) is not None


_MAGIC = b"CVLEX\x00\x00\x03"


@pytest.mark.parametrize("entry", [b"garbage", _MAGIC + b"\xff" * 8, _MAGIC + b"\x05" + b"\x00" * 7 + b"junk!",
                                   pickle.dumps((2, {}, {}, b"")), b""])
def test_lexicon_cache_entry_of_another_format_is_rebuilt(entry: bytes, fresh_lexicon: Any, tmp_path: Path) -> None:
    path = _lexicon_entry(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(entry)
    assert lexicon_module._read_entry(path.name) is None
    assert lexicon_module.lexicon().trie == fresh_lexicon.trie
    assert lexicon_module._read_entry(path.name) is not None  # rewritten in the new format


# -- resolved banks


def test_bank_cache_round_trip_and_stale_or_damaged_entries(tmp_path: Path) -> None:
    shipped = find_bank_file("parcelpop").parent
    for name in ("base", "parcelpop"):
        shutil.copy(shipped / f"{name}.yaml", tmp_path / f"{name}.yaml")
    top = tmp_path / "parcelpop.yaml"
    fresh = load_bank(top, cache=False)
    first = load_bank(top)  # stored
    entries = list((_cache_dir(tmp_path) / "banks").glob("*.pickle"))
    assert len(entries) == 1
    again = load_bank(top)  # read back
    assert again == fresh == first and again.tone == fresh.tone and again.phrases == fresh.phrases
    assert again.phrases_for("late_delivery", "acknowledge") == fresh.phrases_for("late_delivery", "acknowledge")

    # a parent file changed (same size): the entry is stale, the bank is loaded afresh
    base = tmp_path / "base.yaml"
    text = base.read_text(encoding="utf-8")
    assert "Sorry" in text
    base.write_text(text.replace("Sorry", "SORRY", 1), encoding="utf-8")
    changed_bank = load_bank(top)
    assert changed_bank == load_bank(top, cache=False) and changed_bank != fresh

    # a damaged entry is ignored
    base.write_text(text, encoding="utf-8")
    for entry in (_cache_dir(tmp_path) / "banks").glob("*.pickle"):
        entry.write_bytes(b"\x80\x05broken")
    assert load_bank(top) == fresh

    # another code stamp: not used
    load_bank(top)
    entry = next((_cache_dir(tmp_path) / "banks").glob("*.pickle"))
    header, _ = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps(({**header, "code": "old"}, pickle.dumps("not a bank"))))
    assert bank_cache.read_cached(header["key"]) is None
    assert load_bank(top) == fresh


@pytest.mark.parametrize("unwritable", ["read-only", "under a file"])
def test_caches_in_a_folder_that_cannot_be_written(unwritable: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fresh_lexicon: Any) -> None:
    if unwritable == "read-only":
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)  # (root may write there all the same: "under a file" fails for everyone)
    else:
        folder = tmp_path / "a-file"
        folder.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CAREVOICE_CACHE_DIR", str(folder / "carevoice"))
    try:
        assert load_bank("parcelpop") == load_bank("parcelpop", cache=False)
        assert lexicon_module.lexicon().trie == fresh_lexicon.trie
    finally:
        if folder.is_dir():
            folder.chmod(0o700)


# -- compiled regular expressions (the command line only)


@pytest.fixture
def pattern_table() -> Any:
    table: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    saved = dict(table)
    table.clear()
    yield table
    table.clear()
    table.update(saved)


_PATTERNS = [(rf"(?P<word>w{i}\w*)\s+(\d+)|caf[eé]{{{i % 3 + 1}}}", re.IGNORECASE if i % 2 else 0) for i in range(20)]


def _compile_all() -> list[re.Pattern[str]]:
    return [re.compile(p, f) for p, f in _PATTERNS]


@pytest.mark.skipif(not _regex_cache._supported(), reason="this Python's re is not supported")
def test_patterns_stored_and_preloaded(pattern_table: dict[Any, Any]) -> None:
    assert _regex_cache.preload("test:") == 0  # nothing stored yet
    expected = _compile_all()
    _cache.flush()
    pattern_table.clear()
    assert _regex_cache.preload("test:") == len(_PATTERNS)
    preloaded = _compile_all()
    for got, want in zip(preloaded, expected, strict=True):
        assert got is not want  # from the table, not compiled again
        assert (got.pattern, got.flags, got.groups, got.groupindex) == (want.pattern, want.flags, want.groups,
                                                                         want.groupindex)
        text = "W3abc 42 and cafe cafée CAFÉÉÉ w19 7"
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
        assert got.sub("<\\g<0>>", text) == want.sub("<\\g<0>>", text)
    assert _regex_cache.preload("other:") == 0  # another context has its own entry


@pytest.mark.skipif(not _regex_cache._supported(), reason="this Python's re is not supported")
def test_damaged_or_stale_pattern_entries_are_ignored(pattern_table: dict[Any, Any], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _regex_cache.preload("test:")
    _compile_all()
    _cache.flush()
    name = _regex_cache._entry_name("test:")
    form, records = _cache.read_pickle(name)
    pattern, flags, compiled_flags, code, groups, groupindex, indexgroup = records[0]
    for damaged in ((form, [(pattern, flags, compiled_flags, [99999, *code], groups, groupindex, indexgroup)]),
                    (form, [("x", 0)]), b"not a pickle"):
        pattern_table.clear()
        if isinstance(damaged, bytes):
            (_cache_dir(tmp_path) / name).write_bytes(damaged)
        else:
            _cache.write_pickle(name, damaged)
        assert _regex_cache.preload("test:") == 0
        assert not pattern_table
        assert [p.pattern for p in _compile_all()] == [p for p, _ in _PATTERNS]
    # another interpreter (or another re compiler) makes another key: the entry is not found
    monkeypatch.setattr(sys, "version", "3.99.0 (elsewhere)")
    assert _regex_cache._entry_name("test:") != name


# -- compiled templates (the command line only)


@pytest.fixture
def template_store(monkeypatch: pytest.MonkeyPatch) -> Any:
    def reset() -> None:
        render._store_name.cache_clear()
        render._stored.cache_clear()
        render._compiled.cache_clear()
        render._learnt.clear()

    reset()
    _cache.start_run("test:templates")
    yield reset
    monkeypatch.setattr(_cache, "_context", [])
    reset()


def test_templates_stored_and_reused(template_store: Any) -> None:
    source = "Hi {{ customer.first_name or 'there' }}, about {{ subject or 'this' }}."
    context = {"customer": {"first_name": "Ana"}, "subject": None}
    expected = render.render(source, context)
    _cache.flush()
    template_store()
    assert source in render._stored()
    assert render.render(source, context) == expected == "Hi Ana, about this."
    assert not render._learnt  # rebuilt from the stored code, not compiled


def test_damaged_template_entry_is_compiled_again(template_store: Any, tmp_path: Path) -> None:
    source = "Thanks {{ customer.first_name or 'there' }}!"
    context = {"customer": {"first_name": None}}
    expected = render.render(source, context)
    _cache.flush()
    name = render._store_name()
    assert name is not None
    stored = _cache.read_pickle(name)
    stored[source] = (b"\x00broken", stored[source][1])
    _cache.write_pickle(name, stored)
    template_store()
    assert render.render(source, context) == expected == "Thanks there!"
    assert source in render._learnt
    (_cache_dir(tmp_path) / name).write_bytes(b"garbage")
    template_store()
    assert render.render(source, context) == expected


# -- syllable counts for the readability grade (the command line only)


@pytest.fixture
def syllable_store(monkeypatch: pytest.MonkeyPatch) -> Any:
    from carevoice.checks import readability

    def reset() -> None:
        readability._syllable_store_name.cache_clear()
        readability._stored_syllables.cache_clear()
        readability.syllables.cache_clear()
        readability._learnt_syllables.clear()
        readability._same_dictionary.cache_clear()
        readability._vocabulary.clear()

    reset()
    _cache.start_run("test:syllables")
    yield readability, reset
    monkeypatch.setattr(_cache, "_context", [])
    reset()


def test_syllables_of_another_dictionary_are_not_stored(syllable_store: Any, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    readability, _ = syllable_store
    files = readability._pyphen_files()
    assert files is not None
    copy = tmp_path / "hyph_en_US.dic"
    copy.write_bytes(files[1].read_bytes())
    monkeypatch.setattr(readability, "_pyphen_files", lambda: (files[0], copy))  # Pyphen reads files[1]
    assert readability._syllable_store_name() is not None
    assert readability.syllables("parcel") == 2
    assert not readability._learnt_syllables


def _no_pyphen(monkeypatch: pytest.MonkeyPatch, readability: Any) -> None:
    def refuse() -> None:
        raise AssertionError("Pyphen was consulted")

    monkeypatch.setattr(readability, "_hyphenator", refuse)


def test_syllables_stored_and_reused(syllable_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    readability, reset = syllable_store
    text = "Sorry your parcel is unexpectedly late; we're investigating it."
    grade = readability.fk_grade(text)
    counts = {w: readability.syllables(w) for w in ("Sorry", "unexpectedly", "investigating")}
    _cache.flush()
    reset()
    assert readability._stored_syllables()["unexpectedly"] == counts["unexpectedly"]
    with monkeypatch.context() as m:
        _no_pyphen(m, readability)
        assert readability.fk_grade(text) == grade
        assert {w: readability.syllables(w) for w in counts} == counts
    assert not readability._learnt_syllables


def test_the_banks_words_are_counted_with_the_first_unknown_one(syllable_store: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from carevoice.checks import CheckContext
    from carevoice.checks.channels import get_channel

    readability, reset = syllable_store
    bank = load_bank("parcelpop")
    check = readability.Readability("CV501")
    ctx = CheckContext(text="Sorry your parcel is unexpectedly late; we're investigating it and will update you.",
                       profile=get_channel("x"), bank=bank)
    findings = list(check(ctx))
    learnt = dict(readability._learnt_syllables)
    words = {w.lower() for p in bank.phrases for w in readability._words(readability.prose(
        readability._TAG.sub(" ", p.text)))}
    assert words <= learnt.keys()
    assert all(learnt[w] == len(readability._hyphenator().positions(w)) + 1 for w in words)
    _cache.flush()
    reset()
    phrase = next(p.text for p in bank.phrases if "{" not in p.text and len(p.text.split()) > 8)
    with monkeypatch.context() as m:
        _no_pyphen(m, readability)
        assert list(check(ctx)) == findings
        readability.fk_grade(phrase)  # a phrase of the bank: every word stored
    monkeypatch.setattr(_cache, "_context", [])
    reset()
    list(check(ctx))
    assert not readability._vocabulary  # the library never counts the bank's words


@pytest.mark.parametrize("damage", [b"garbage", {"late": "one"}, {"late": 0}, ["late"], {1: 2}])
def test_damaged_syllable_entry_is_counted_again(damage: Any, syllable_store: Any, tmp_path: Path) -> None:
    readability, reset = syllable_store
    expected = readability.syllables("Parcel")
    _cache.flush()
    name = readability._syllable_store_name()
    assert name is not None
    entry = _cache_dir(tmp_path) / name
    entry.write_bytes(damage if isinstance(damage, bytes) else pickle.dumps(damage))
    reset()
    assert readability._stored_syllables() == {}
    assert readability.syllables("Parcel") == expected == 2
    assert readability._learnt_syllables == {"parcel": 2}


def test_syllable_entry_is_keyed_by_pyphen_and_the_run(syllable_store: Any, monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    readability, reset = syllable_store
    name = readability._syllable_store_name()
    files = readability._pyphen_files()
    assert name is not None and files is not None
    reset()
    other = tmp_path / "pyphen" / "__init__.py"  # another Pyphen: its module differs
    other.parent.mkdir()
    other.write_text(files[0].read_text(encoding="utf-8").replace("VERSION = ", "VERSION = '0.0-other' or "),
                     encoding="utf-8")
    monkeypatch.setattr(readability, "_pyphen_files", lambda: (other, files[1]))
    assert readability._syllable_store_name() not in (None, name)
    reset()
    monkeypatch.setattr(readability, "_pyphen_files", lambda: (files[0], tmp_path / "no-such.dic"))
    assert readability._syllable_store_name() is None  # no dictionary there: nothing is stored
    monkeypatch.setattr(readability, "_pyphen_files", lambda: files)
    reset()
    assert readability._syllable_store_name() == name
    monkeypatch.setattr(_cache, "_context", [])
    reset()
    assert readability._syllable_store_name() is None  # the library never stores counts
    assert readability.syllables("parcel") == 2 and not readability._learnt_syllables


# -- the checks' needles (the command line only)


@pytest.fixture
def needle_store(monkeypatch: pytest.MonkeyPatch) -> Any:
    from carevoice.checks import kinds

    def reset() -> None:
        kinds._needle_store_name.cache_clear()
        kinds._stored_needles.cache_clear()
        kinds._screen.cache_clear()
        kinds._learnt_needles.clear()

    reset()
    _cache.start_run("test:needles")
    yield kinds, reset
    monkeypatch.setattr(_cache, "_context", [])
    reset()


_NEEDLE_PHRASES = ("as I already said", r"re:\b(?:sorry|regret)\b", "re:x?y*")


def test_needles_stored_and_reused(needle_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    kinds, reset = needle_store
    screen = kinds._screen(_NEEDLE_PHRASES)
    _cache.flush()
    reset()
    assert len(kinds._stored_needles()) == 3
    with monkeypatch.context() as m:
        m.setattr(kinds, "_parsed_needles", lambda pattern: pytest.fail("a pattern was parsed again"))
        assert kinds._screen(_NEEDLE_PHRASES) == screen
    assert not kinds._learnt_needles


@pytest.mark.parametrize("damage", [b"garbage", {("a", 0): ()}, {("a", 0): ("",)}, {("a", "0"): None}, ["a"]])
def test_damaged_needle_entry_is_parsed_again(damage: Any, needle_store: Any, tmp_path: Path) -> None:
    kinds, reset = needle_store
    expected = kinds._screen(_NEEDLE_PHRASES)
    _cache.flush()
    name = kinds._needle_store_name()
    assert name is not None
    entry = _cache_dir(tmp_path) / name
    entry.write_bytes(damage if isinstance(damage, bytes) else pickle.dumps(damage))
    reset()
    assert kinds._stored_needles() == {}
    assert kinds._screen(_NEEDLE_PHRASES) == expected
    assert len(kinds._learnt_needles) == 3


def test_the_library_never_stores_needles(needle_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    kinds, reset = needle_store
    monkeypatch.setattr(_cache, "_context", [])
    reset()
    assert kinds._needle_store_name() is None
    kinds._screen(_NEEDLE_PHRASES)
    assert not kinds._learnt_needles


# -- the reading model: rows kept as one block of doubles, unpacked when read


def test_model_rows_from_the_cache_are_the_same_floats(tmp_path: Path) -> None:
    from importlib import resources

    from carevoice.concentrate import model

    source = resources.files("carevoice.data").joinpath(model.MODEL_FILE).read_bytes()
    fresh = model._build_joint(source)
    name = model._cache_name()
    model._joint.cache_clear()
    model._layout.cache_clear()
    try:
        built = model._joint()  # built, and stored
        assert built.weights == fresh.weights
        model._joint.cache_clear()
        lazy = model._joint()
        assert isinstance(lazy.weights, model._Rows) and not dict.__len__(lazy.weights)
        assert lazy.targets == fresh.targets and lazy.bias == fresh.bias
        for feature, row in fresh.weights.items():
            assert [w.hex() for w in lazy.weights[feature]] == [w.hex() for w in row]
        with pytest.raises(KeyError):
            lazy.weights["no such feature"]
        assert model._features(lazy).keys() == fresh.weights.keys()
        features = ["w:parcel", "w:never", "w:came", "no such feature"]
        lazy_predictions = dict(model.predict_all(features))
        model._joint.cache_clear()
        model._layout.cache_clear()
        short: tuple[Any, ...] = (2, sys.byteorder, 8, {}, (1.0,), ("a",), b"")  # fewer doubles than rows
        entries: list[Any] = [b"garbage", (2, "other-endian", 8, {}, (), (), b""), short]
        for damaged in entries:
            if isinstance(damaged, bytes):
                (_cache_dir(tmp_path) / name).write_bytes(damaged)
            else:
                _cache.write_pickle(name, damaged)
            assert model._from_cache(_cache.read_pickle(name)) is None
            model._joint.cache_clear()
            model._layout.cache_clear()
            assert model._joint().weights == fresh.weights  # built afresh
            assert dict(model.predict_all(features)) == lazy_predictions
    finally:
        model._joint.cache_clear()
        model._layout.cache_clear()


# -- the code dataclasses generate (the command line only)


def _define_points() -> list[Any]:
    from dataclasses import dataclass, field

    @dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = field(default=())

    @dataclass
    class Box:
        corner: Point
        size: list[int] = field(default_factory=list)

    box = Box(Point(1, 2), [3])
    return [repr(box), box == Box(Point(1, 2), [3]), Point(1) < Point(2), hash(Point(1)) == hash(Point(1)),
            Box.__init__.__annotations__, Point.__init__.__code__.co_filename]


@pytest.fixture
def code_cache() -> Any:
    from carevoice import _code_cache

    yield _code_cache
    _code_cache.uninstall()
    _code_cache._codes.clear()
    _code_cache._name.clear()
    _cache._flushers.clear()


def test_dataclass_code_stored_and_reused(code_cache: Any, tmp_path: Path) -> None:
    import dataclasses

    plain = _define_points()
    assert code_cache.install() and dataclasses.exec is code_cache._exec  # type: ignore[attr-defined]
    assert _define_points() == plain and code_cache._new[0] > 0
    code_cache.save()
    assert not hasattr(dataclasses, "exec")  # saving gives the built-in back
    entry = next(_cache_dir(tmp_path).glob("dataclass-code-*.marshal"))
    assert code_cache.install() and code_cache._codes
    assert _define_points() == plain and code_cache._new[0] == 0  # every code came from the entry
    code_cache.uninstall()
    assert not hasattr(dataclasses, "exec") and entry.exists()


@pytest.mark.parametrize("damage", [b"garbage", b"", "format", "types"])
def test_damaged_dataclass_code_entry_is_compiled_again(damage: Any, code_cache: Any, tmp_path: Path) -> None:
    import marshal

    plain = _define_points()
    assert code_cache.install()
    _define_points()
    code_cache.save()
    entry = next(_cache_dir(tmp_path).glob("dataclass-code-*.marshal"))
    if damage == "format":
        entry.write_bytes(marshal.dumps((99, {})))
    elif damage == "types":
        entry.write_bytes(marshal.dumps((code_cache._FORMAT, {"def f(): pass": "not code"})))
    else:
        entry.write_bytes(damage)
    assert code_cache.install() and not code_cache._codes
    assert _define_points() == plain and code_cache._new[0] > 0
    code_cache.save()
    assert code_cache.install() and code_cache._codes  # rewritten


def test_forward_reference_code_stored_and_reused(code_cache: Any, tmp_path: Path) -> None:
    import typing

    plain = typing.ForwardRef("dict[str, list[int]] | None")
    assert code_cache.install() and typing.compile is code_cache._compile  # type: ignore[attr-defined]
    ref = typing.ForwardRef("dict[str, list[int]] | None")
    assert ref == plain and ref.__forward_code__.co_code == plain.__forward_code__.co_code
    assert typing._eval_type(ref, {}, {}) == dict[str, list[int]] | None  # type: ignore[attr-defined]
    with pytest.raises(SyntaxError, match="Forward reference must be an expression"):
        typing.ForwardRef("not an expression (")
    code_cache.save()
    assert not hasattr(typing, "compile")  # saving gives the built-in back
    assert code_cache.install() and code_cache._EVAL + "dict[str, list[int]] | None" in code_cache._codes
    again = typing.ForwardRef("dict[str, list[int]] | None")
    assert again.__forward_code__ is code_cache._codes[code_cache._EVAL + "dict[str, list[int]] | None"]
    assert again == plain and code_cache._new[0] == 0
    assert code_cache._compile("x = 1", "<string>", "exec").co_filename == "<string>"  # anything else: compiled
    code_cache.uninstall()
    assert not hasattr(typing, "compile")


def test_namedtuple_code_stored_and_reused(code_cache: Any) -> None:
    import collections
    from typing import NamedTuple

    def define() -> Any:
        class Span(NamedTuple):
            start: int
            end: int = 0

        return Span

    plain = define()
    assert code_cache.install() and collections.eval is code_cache._eval  # type: ignore[attr-defined]
    span = define()
    assert span(1) == plain(1) == (1, 0) and repr(span(1, 2)) == "Span(start=1, end=2)"
    assert span.__new__.__code__.co_filename == plain.__new__.__code__.co_filename == "<string>"
    assert code_cache._eval("  1 + 1") == 2 and code_cache._eval("x", {"x": 3}) == 3
    code_cache.save()
    assert not hasattr(collections, "eval")  # saving gives the built-in back
    assert code_cache.install() and any("_tuple_new(_cls, (start, end))" in key for key in code_cache._codes)
    assert define()(5) == (5, 0) and code_cache._new[0] == 0
    code_cache.uninstall()
    assert not hasattr(collections, "eval")


def test_dataclass_code_cache_off(code_cache: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    monkeypatch.setenv("CAREVOICE_NO_CACHE", "1")
    assert not code_cache.install() and not hasattr(dataclasses, "exec")


# -- data files: parsed and checked once, then read from the user cache


def _data_readers() -> list[tuple[Callable[[], Any], Callable[[], None], Callable[[], Any]]]:
    """(read through the cache, forget what was read, read the data file) for each cached data file."""
    from carevoice.checks import channels, context, twitter
    from carevoice.concentrate import language

    return [(channels.channels, channels._channels.cache_clear, channels._read_channels),
            (context.tone_data, context._tone_data.cache_clear, context._read_tone_data),
            (twitter.config, twitter._config.cache_clear, twitter._read_config),
            (language._data, language._data.cache_clear, language._read_data)]


def test_data_files_from_the_cache_equal_a_fresh_read(tmp_path: Path) -> None:
    readers = _data_readers()
    try:
        for cached, clear, read in readers:
            fresh = read()
            clear()
            assert cached() == fresh  # built, and stored
            clear()
            assert cached() == fresh  # read back
        entries = sorted(_cache_dir(tmp_path).glob("*.pickle"))
        assert {p.name.split("-3")[0] for p in entries} >= {"channels", "tone-data", "twitter-text", "languages"}
        for entry in entries:
            entry.write_bytes(b"damaged")
        for cached, clear, read in readers:
            clear()
            assert cached() == read()  # built afresh
        for entry in entries:
            entry.write_bytes(pickle.dumps({"a": "value of another kind"}))
        for cached, clear, read in readers:
            clear()
            assert cached() == read()
    finally:
        for _, clear, _ in readers:
            clear()


def _plain_values(value: Any) -> Any:
    """A value with each model or plain twin in it as (its model's name, its fields' plain values)."""
    from pydantic import BaseModel

    from carevoice._plain import Plain

    if isinstance(value, Plain):
        return type(value).model.split(":")[1], {k: _plain_values(v) for k, v in value.__dict__.items()}
    if isinstance(value, BaseModel):
        return type(value).__name__, {k: _plain_values(v) for k, v in value.__dict__.items()}
    if isinstance(value, dict):
        return {k: _plain_values(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain_values(v) for v in value)
    return value


def test_a_command_line_draft_reads_the_data_files_as_plain_twins(tmp_path: Path) -> None:
    from carevoice._plain import Plain, plain_models

    readers = _data_readers()[:3]
    try:
        for cached, clear, read in readers:
            fresh = read()
            clear()
            cached()  # stored
            with plain_models():
                clear()
                restored = cached()
                clear()
            values = restored.values() if isinstance(restored, dict) else [restored]
            assert all(isinstance(v, Plain) for v in values)
            assert _plain_values(restored) == _plain_values(fresh)
            assert cached() == fresh  # the library's are the models, as before
        for entry in _cache_dir(tmp_path).glob("*.pickle"):
            entry.write_bytes(b"damaged")
        with plain_models():
            for cached, clear, read in readers:
                clear()
                assert cached() == read()  # built afresh: the models themselves
                clear()
    finally:
        for _, clear, _ in readers:
            clear()


def test_draft_the_same_with_no_cache_a_cold_one_a_warm_one_and_a_damaged_one(tmp_path: Path) -> None:
    import os
    import subprocess

    src = str(Path(__file__).resolve().parent.parent / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, *filter(None, [os.environ.get("PYTHONPATH")])]),
           "CAREVOICE_CACHE_DIR": str(tmp_path / "cv-cache")}
    cmd = [sys.executable, "-m", "carevoice", "draft", "My order 4417 still hasn't arrived", "--brand", "parcelpop",
           "--channel", "x", "--json", "--no-record", "--history", ":memory:"]

    def draft(**extra: str) -> str:
        out = subprocess.run(cmd, env={**env, **extra}, capture_output=True, text=True, check=True).stdout
        return re.sub(r'"time": "[^"]*"', '"time": ""', out)

    plain = draft(CAREVOICE_NO_CACHE="1")
    assert not (tmp_path / "cv-cache").exists()
    assert draft() == plain  # cold: fills the cache
    entries = [p for p in (tmp_path / "cv-cache").rglob("*") if p.is_file()]
    assert any(p.name.startswith("dataclass-code-") for p in entries)
    assert draft() == plain  # warm
    for entry in entries:
        entry.write_bytes(b"\x00damaged")
    assert draft() == plain  # damaged: every entry falls back


# -- file digests remembered by the file's status (the command line only)


@pytest.fixture
def digests(monkeypatch: pytest.MonkeyPatch) -> Any:
    from carevoice import _digests

    _digests._memo.clear()
    _digests._state.clear()
    _cache.start_run("test:digests")
    yield _digests
    monkeypatch.setattr(_cache, "_context", [])
    _digests._memo.clear()
    _digests._state.clear()


def _settled(path: Path, content: bytes) -> Path:
    import os

    path.write_bytes(content)
    old = path.stat().st_mtime_ns - 10_000_000_000
    os.utime(path, ns=(old, old))  # the change time stays now: backdate the clock the module compares with
    return path


def test_digest_remembered_while_the_file_is_unchanged(digests: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import time

    path = _settled(tmp_path / "data.txt", b"one")
    monkeypatch.setattr(time, "time_ns", lambda: path.stat().st_ctime_ns + 10_000_000_000)
    assert digests.file_digest(path) == hashlib.sha256(b"one").digest()
    _cache.flush()  # stored, then read back by the next call
    assert digests.file_digest(path) == hashlib.sha256(b"one").digest()
    assert str(path) in digests._memo
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a remembered file was read"))
    assert digests.file_digest(path) == hashlib.sha256(b"one").digest()


def test_changed_or_recent_file_is_hashed_again(digests: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import time

    path = _settled(tmp_path / "data.txt", b"one")
    later = path.stat().st_ctime_ns + 10_000_000_000
    monkeypatch.setattr(time, "time_ns", lambda: later)
    assert digests.file_digest(path) == hashlib.sha256(b"one").digest()
    path.write_bytes(b"two")  # same size, new change time
    monkeypatch.setattr(time, "time_ns", lambda: path.stat().st_ctime_ns + 1)  # just changed: not remembered
    assert digests.file_digest(path) == hashlib.sha256(b"two").digest()
    assert digests._memo[str(path)][1] == hashlib.sha256(b"one").digest()  # the old status only


def test_the_library_never_remembers_digests(digests: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    monkeypatch.setattr(_cache, "_context", [])
    path = _settled(tmp_path / "data.txt", b"one")
    assert digests.file_digest(path) == hashlib.sha256(b"one").digest()
    assert not digests._memo and not digests._state
