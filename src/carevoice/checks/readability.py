"""Readability (CV5xx): the Flesch-Kincaid grade of a reply, computed offline.

textstat (>= 0.7.9) counts English syllables with NLTK's CMU dictionary and
downloads it on first use; carevoice must never download anything, so the
grade is computed here with textstat's formula, word and sentence counting,
and its own fallback syllable counter (Pyphen's hyphenation points plus
one), which is what textstat itself uses for a word not in the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from carevoice._plain import Finding
from carevoice.bank.resolved import Bank
from carevoice.checks.context import CheckContext
from carevoice.checks.rules import RULES
from carevoice.checks.twitter import url_spans

__all__ = ["Readability", "fk_grade", "syllables"]

_PUNCT = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_MENTION = re.compile(r"(?<!\w)[@#]\w+")


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    _load_patterns(pyphen)
    return pyphen.Pyphen(lang="en_US")


def _load_patterns(pyphen: Any) -> None:
    """Put Pyphen's en_US patterns in its own cache from ours (parsing the ``.dic`` costs a quarter second).

    The parsed :class:`pyphen.HyphDict` is pickled in the user cache (see :mod:`carevoice._cache`) under a
    name keyed by Pyphen's version and the dictionary file's size and time, so hyphenation is Pyphen's own.
    """
    from carevoice._cache import read_pickle, write_pickle
    from carevoice._hash import sha256

    try:
        path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
        if path in pyphen.hdcache:
            return
        stat = path.stat()
        key = f"{getattr(pyphen, 'VERSION', '')}|{path}|{stat.st_size}|{stat.st_mtime_ns}"
    except (AttributeError, KeyError, OSError, TypeError):
        return
    name = f"pyphen-{sha256(key.encode()).hexdigest()[:16]}.pickle"
    state = read_pickle(name)
    if isinstance(state, dict) and {"patterns", "cache", "maxlen"} <= state.keys():
        hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hd.__dict__.update(state)
        pyphen.hdcache[path] = hd
        return
    hd = pyphen.HyphDict(path)
    pyphen.hdcache[path] = hd
    write_pickle(name, {"patterns": hd.patterns, "cache": {}, "maxlen": hd.maxlen})


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: Pyphen's hyphenation points plus one (textstat's fallback)."""
    lower = word.lower()
    known = _stored_syllables().get(lower)
    if known is not None:
        return known
    count = len(_hyphenator().positions(lower)) + 1
    if _syllable_store_name() is not None and _same_dictionary():
        _learnt_syllables[lower] = count
        _learn_bank_words()
    return count


_SYLLABLE_LIMIT = 8000
"""At most this many words in one user-cache entry of syllable counts."""
_learnt_syllables: dict[str, int] = {}
_vocabulary: list[Bank | None] = []
"""The bank whose words a command-line run counts when Pyphen is loaded for a word not stored (None once counted)."""
_TAG = re.compile(r"\{[{%#].*?[}%#]\}", re.DOTALL)


def _learn_bank_words() -> None:
    """Count the words of the bank's phrases, answers and sign-off too, as :func:`syllables` counts them.

    Replies are mostly the bank's own words, and the variation engine brings new phrases into later
    runs: with the whole bank's words stored (some 1,600 words, 10-25 ms once), those runs need
    no Pyphen. The counts are Pyphen's own, so the grade is the same whichever words are stored.
    """
    bank = _vocabulary[0] if _vocabulary else None
    if bank is None:
        return
    _vocabulary[0] = None
    texts = [p.text for p in bank.phrases] + [t for a in bank.answers for t in a.texts] + [bank.voice.sign_off]
    known = _stored_syllables()
    hyphenator = _hyphenator()
    for text in texts:
        for word in _words(prose(_TAG.sub(" ", text))):
            lower = word.lower()
            if lower not in known and lower not in _learnt_syllables:
                _learnt_syllables[lower] = len(hyphenator.positions(lower)) + 1


@lru_cache(maxsize=1)
def _syllable_store_name() -> str | None:
    """The user-cache entry of the syllable counts earlier runs of this command and bank worked out.

    A count depends on the word, Pyphen (its module) and its en_US dictionary (path, size and
    time) and this module, so the name holds all of them, found without importing Pyphen
    (:func:`_pyphen_files`): a run that finds every word of its replies there never imports
    or loads Pyphen. None outside a command-line run, or when the dictionary cannot be found.
    """
    from carevoice._cache import run_context
    from carevoice._digests import file_digest
    from carevoice._hash import sha256

    context = run_context()
    files = _pyphen_files()
    if context is None or files is None:
        return None
    module, dictionary = files
    try:
        stat = dictionary.stat()
        key = f"{file_digest(module).hex()}|{dictionary}|{stat.st_size}|{stat.st_mtime_ns}|{context}"
        digest = sha256(key.encode() + b"\0" + file_digest(Path(__file__)))
    except OSError:
        return None
    return f"syllables-{digest.hexdigest()[:32]}.pickle"


def _pyphen_files() -> tuple[Path, Path] | None:
    """Pyphen's module file and the en_US dictionary it ships, or None (Pyphen is not imported)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("pyphen")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.has_location:
        return None
    module = Path(spec.origin)
    return module, module.parent / "dictionaries" / "hyph_en_US.dic"


@lru_cache(maxsize=1)
def _same_dictionary() -> bool:
    """Whether Pyphen hyphenates en_US with the dictionary :func:`_syllable_store_name` keys on.

    Counts are stored only then, so a Pyphen that reads another file never fills the entry.
    """
    import pyphen

    files = _pyphen_files()
    try:
        return files is not None and str(pyphen.LANGUAGES[pyphen.language_fallback("en_US")]) == str(files[1])
    except (AttributeError, KeyError, TypeError):
        return False


@lru_cache(maxsize=1)
def _stored_syllables() -> dict[str, int]:
    """Syllable counts stored by earlier runs (word, lower case -> count); empty when there are none."""
    from carevoice._cache import on_flush, read_pickle

    name = _syllable_store_name()
    if name is None:
        return {}
    on_flush(_store_syllables, learnt=(name, _learnt_syllables))
    entry = read_pickle(name)
    if type(entry) is not dict or not all(type(k) is str and type(v) is int and v > 0 for k, v in entry.items()):
        return {}  # a damaged or foreign entry: count again
    return entry


def _store_syllables() -> None:
    """Add the counts this run worked out to the user-cache entry (called once, at the end of a run)."""
    from carevoice._cache import add_learnt

    add_learnt(_syllable_store_name(), _stored_syllables, _learnt_syllables, _SYLLABLE_LIMIT)


def _words(text: str) -> list[str]:
    return _PUNCT.sub("", text).split()


def fk_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade: 0.39 words per sentence + 11.8 syllables per word - 15.59."""
    words = _words(text)
    if not words:
        return 0.0
    found = _SENTENCE.findall(text)
    sentences = max(1, len(found) - sum(1 for s in found if len(_words(s)) <= 2))
    per_word = sum(syllables(w) for w in words) / len(words)
    return 0.39 * len(words) / sentences + 11.8 * per_word - 15.59


def prose(text: str) -> str:
    """Return the reply without URLs, @handles and #hashtags (they are not read as words)."""
    for start, end in reversed(url_spans(text)):
        text = text[:start] + text[end:]
    return _MENTION.sub("", text)


@dataclass(frozen=True)
class Readability:
    """Warns when a reply of enough words is above the bank's Flesch-Kincaid grade target."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """At most one finding, with the grade and the target."""
        text = prose(ctx.text)
        tone = ctx.tone
        if ctx.bank is not None and not _vocabulary and _syllable_store_name() is not None:
            _vocabulary.append(ctx.bank)  # the command line only: see _learn_bank_words
        if len(_words(text)) < tone.readability_min_words:
            return
        grade = fk_grade(text)
        if grade > tone.readability_grade:
            yield RULES[self.code].finding(
                f"reading grade {grade:.1f} is above the target {tone.readability_grade:g}",
                suggestion="use shorter sentences and plainer words",
            )
