"""Language: which language a post is written in, from its script and its function words.

Posts in another script (Chinese, Japanese, Arabic, Cyrillic...) are told by
their letters. Latin-script posts are told by the common function words of
each language (``data/languages.yaml``): a post is read as another language
when that language's words clearly outnumber English ones. Small, offline and
explainable; the reason names the words that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from carevoice.errors import ConfigError

__all__ = ["LanguageVerdict", "read_language"]

DATA_FILE = "languages.yaml"
_WORD = re.compile(r"(?<![@#\w])[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_NOT_LATIN = re.compile("[^\x00-\u036f]")
"""A character from U+0370 on: any script but Latin."""
_QUOTED = "'{}'".format
_MIN_SCRIPT_SHARE = 0.3
"""A script's share of a post's letters from which the post is read as that script's language."""


class LanguageVerdict(NamedTuple):
    """The language (ISO 639-1), a confidence (0..1) and the reason."""

    language: str
    confidence: float
    reason: str


class _Data(NamedTuple):
    words: dict[str, frozenset[str]]
    greetings: dict[str, frozenset[str]]
    ranges: tuple[tuple[int, int, str], ...]
    languages: dict[str, tuple[str, ...]]
    """Per word of a language other than English, the languages other than English it belongs to."""
    foreign: frozenset[str]
    """The words of ``languages``."""


@cache
def _data() -> _Data:
    """The language data (read once, then kept in the user cache)."""
    from carevoice._cache import cached_build, data_file

    return cached_build("languages", [data_file(DATA_FILE), Path(__file__)], _read_data, _valid)


def _valid(value: Any) -> bool:
    return type(value) is _Data and all(type(part) is want for part, want in zip(
        value, (dict, dict, tuple, dict, frozenset), strict=True))


def _read_data() -> _Data:
    from importlib import resources  # only a cache miss reads the data file

    import yaml

    try:
        text = resources.files("carevoice.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe_load, libyaml's parser
        words = {str(lang): frozenset(str(w).lower() for w in d["words"]) for lang, d in raw["latin"].items()}
        greetings = {str(lang): frozenset(str(w).lower() for w in d.get("greetings") or ())
                     for lang, d in raw["latin"].items()}
        ranges = tuple(sorted((int(a), int(b), str(lang)) for lang, spans in raw["scripts"].items()
                              for a, b in spans))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"cannot load language data: {exc}", file=DATA_FILE) from exc
    languages: dict[str, list[str]] = {}
    for lang, vocab in words.items():
        if lang != "en":
            for word in vocab:
                languages.setdefault(word, []).append(lang)
    return _Data(words, greetings, ranges, {w: tuple(langs) for w, langs in languages.items()},
                 frozenset(languages))


def _script(text: str, ranges: tuple[tuple[int, int, str], ...]) -> LanguageVerdict | None:
    counts: dict[str, int] = {}
    letters = sum(map(str.isalpha, text))
    for ch in _NOT_LATIN.findall(text):  # Latin (and IPA) letters: told apart by their words, not their script
        if not ch.isalpha():
            continue
        code = ord(ch)
        for low, high, lang in ranges:
            if low <= code <= high:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts:
        return None
    if "ja" in counts and "zh" in counts:  # kanji beside kana is Japanese
        counts["ja"] += counts.pop("zh")
    lang, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if count >= 2 and count >= _MIN_SCRIPT_SHARE * letters:
        return LanguageVerdict(lang, round(min(1.0, count / letters + 0.2), 2), f"language {lang}: {count} of "
                               f"{letters} letters in its script")
    return None


def _judged(token: str) -> bool:
    """Tell whether a token is a word to judge a language by: not a handle, not a number."""
    return token[0] != "@" and not token[0].isdigit()


@cache
def _words_only() -> bool:
    """Tell whether every word of the data is one :func:`_judged` keeps (true of the shipped data)."""
    data = _data()
    return all(map(_judged, frozenset().union(*data.words.values(), *data.greetings.values())))


def read_language(text: str, tokens: Iterable[str] | None = None) -> LanguageVerdict:
    """Read the language of a post (links, handles and hashtags are ignored).

    >>> read_language("Mi pedido no ha llegado y nadie me responde").language
    'es'
    >>> read_language("My order hasn't arrived").language
    'en'
    """
    data = _data()
    if not text.isascii():
        found = _script(text, data.ranges)
        if found is not None:
            return found
    judged: Callable[[str], bool]
    if tokens is None:
        words: AbstractSet[str] = {
            w.lower().replace("\u2019", "'") for w in _WORD.findall(re.sub(r"\S+://\S+|www\.\S+", " ", text))}
        judged = bool  # every word found counts
    else:  # the scan's lower-case tokens (links already gone): no second pass over the text
        words = tokens if isinstance(tokens, frozenset | set) else frozenset(tokens)
        if not _words_only():
            words = frozenset(filter(_judged, words))
        # the words to judge by are the tokens _judged keeps; no word of the data is a handle or a number, so
        # ``words`` meets the data as they do: only whether there are any, and how many (rarely), tells them apart
        judged = _judged
    if not any(map(judged, words)):
        return LanguageVerdict("en", 0.5, "language en: no words to judge by")
    english = words & data.words["en"]
    best, hits = "en", frozenset[str]()
    shared: dict[str, set[str]] = {}
    for word in words & data.foreign:
        for lang in data.languages[word]:
            group = shared.get(lang)
            if group is None:
                shared[lang] = {word}
            else:
                group.add(word)
    for lang in data.words:  # the language sharing the most words, the first one on a tie
        if lang != "en" and lang in shared and len(shared[lang]) > len(hits):
            best, hits = lang, frozenset(shared[lang])
    if best != "en":
        english = english - data.words[best]  # "no", "me": words of both languages decide nothing
    own = hits - data.words["en"]
    if best != "en" and len(own) >= 2 and any(len(w) >= 3 for w in own) and len(hits) > 1.5 * len(english):
        share = len(hits) / (len(hits) + len(english))
        return LanguageVerdict(best, round(min(0.99, 0.5 + share / 2), 2),
                               f"language {best}: " + ", ".join(map(_QUOTED, sorted(hits)[:4])))
    greeted = [lang for lang, g in data.greetings.items() if words & g] if not english and sum(
        map(judged, words)) <= 4 else []
    if greeted:
        lang = greeted[0]
        return LanguageVerdict(lang, 0.6, f"language {lang}: " + ", ".join(
            map(_QUOTED, sorted(words & data.greetings[lang]))))
    confidence = 0.95 if len(english) >= 3 else 0.8 if english else 0.6
    return LanguageVerdict("en", confidence, "language en" + (
        ": " + ", ".join(map(_QUOTED, sorted(english)[:3])) if english else ""))
