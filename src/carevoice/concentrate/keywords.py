"""Keyword matching: a post's tokens, typo correction and the phrase hits they make.

A post loses its links and is lower-cased and split into word tokens once.
Letters stretched three or more times are squeezed (``pleeease`` ->
``please``), and a token that is not a known word is corrected to a keyword
when rapidfuzz finds one close enough (``refnd`` -> ``refund``). Then the
lexicon's token trie is walked from every position (spellings without an
apostrophe such as ``dont`` are edges of the trie too), and each phrase found
becomes a :class:`Hit` for each meaning it has.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from itertools import compress
from typing import NamedTuple, cast

from rapidfuzz import fuzz, process

from carevoice.concentrate.lexicon import END, Entry, TrieNode, lexicon

__all__ = ["MAX_GAP", "Hit", "Scan", "ascii_letters", "correct", "plain_case", "scan", "sentence_start", "tokenize",
           "unlink"]

MAX_GAP = 3
"""A ``*`` in a term stands for up to this many tokens."""
_TOKEN = re.compile(r"@\w+(?:'\w+)*|\w+(?:'\w+)*")
"""A word, or an ``@handle``: an optional '@' spelt as a second branch, so that a search can skip ahead."""
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+|www\.\S+", re.IGNORECASE)
_ASCII_CAPITALS = string.ascii_uppercase.encode("ascii")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
_STOP = "\x00"
"""Padding after the last token: never a trie edge."""


class Hit(NamedTuple):
    """One lexicon phrase found in a post, with the meaning it carries."""

    family: str
    key: str
    weight: float
    start: int
    """Index of the first token."""
    end: int
    """Index after the last token."""
    phrase: str
    """The phrase as the lexicon spells it (after typo correction)."""
    fuzzy: bool
    """True when a misspelt token was read as a keyword to make this hit."""

    @property
    def label(self) -> str:
        """The phrase quoted for a reason, marked ``~`` when fuzzy."""
        return f"'{self.phrase}'~" if self.fuzzy else f"'{self.phrase}'"


class Scan(NamedTuple):
    """Tokens of a post (after normalisation) and every hit found in them, by family."""

    tokens: tuple[str, ...]
    families: dict[str, list[Hit]]
    stretched: int
    """How many tokens had a letter stretched (``sooooo``): an intensity cue."""
    plain: str
    """The post with its links blanked out (original case)."""
    links: int
    """How many links the post had."""

    def family(self, name: str) -> Sequence[Hit]:
        """Return the hits of one family (``category``, ``emotion``, ``urgency``...)."""
        return self.families.get(name, ())

    @property
    def hits(self) -> tuple[Hit, ...]:
        """Every hit, in token order."""
        return tuple(sorted((h for hits in self.families.values() for h in hits), key=lambda h: (h.start, h.end)))


def _squeeze(token: str, known: frozenset[str]) -> str:
    """Squeeze letters stretched three or more times: "sooo" -> "so", "fuuuucked" -> "fucked".

    A doubled letter is kept when that makes a known word and the squeezed form
    is not one ("cooool" -> "cool").
    """
    squeezed = _STRETCH.sub(r"\1", token)
    doubled = _STRETCH.sub(r"\1\1", token)
    return doubled if doubled in known and squeezed not in known else squeezed


def ascii_letters(text: str) -> tuple[int, int]:
    """How many letters, and how many capitals, an ASCII ``text`` has (as ``str.isalpha``/``isupper`` count)."""
    raw = text.encode("ascii")
    return len(raw) - len(raw.translate(None, _ASCII_LETTERS)), len(raw) - len(raw.translate(None, _ASCII_CAPITALS))


def plain_case(text: str) -> bool:
    """Tell whether a word that a pattern finds in ``text``, even ignoring case, is in ``text.lower()`` as spelt.

    True unless ``text`` has one of the four letters (İ ı ſ K) that case-insensitive matching takes for an
    ASCII letter while ``str.lower`` does not turn them into it. Then a pattern that needs a word can be
    skipped when the lower-cased text lacks that word.
    """
    return text.isascii() or _CASE_TWINS.search(text) is None


def unlink(text: str) -> tuple[str, int]:
    """Return ``text`` with its links blanked out, and how many there were."""
    if "://" in text or "www." in text or "WWW." in text:
        return _URL.subn(" ", text)
    return text, 0


def tokenize(text: str) -> list[str]:
    """Return the lower-cased tokens of ``text``.

    ``@handles`` stay one token with their ``@``; curly apostrophes become
    straight ones. Spellings without an apostrophe ("dont") are kept: the
    lexicon trie reads them as the contraction. Links should be removed first
    (see :func:`unlink`).
    """
    tokens: list[str] = _TOKEN.findall(_tokenized_form(text))
    return tokens


def _tokenized_form(text: str) -> str:
    """``text`` as :func:`tokenize` reads it: lower-cased, curly apostrophes straight."""
    text = text.lower()
    if not text.isascii():
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return text


def sentence_start(plain: str, at: int) -> int:
    """The index of the first token of the sentence that holds token ``at`` of ``plain``.

    ``plain`` is the text the tokens were read from (:attr:`Scan.plain`), split as :func:`tokenize`
    splits it; a sentence ends at ".", "!", "?" or a line break, which the tokens do not keep.
    """
    text = _tokenized_form(plain)
    spans = [m.span() for m in _TOKEN.finditer(text)]
    for i in range(min(at, len(spans) - 1), 0, -1):
        if _SENTENCE_BREAK.search(text, spans[i - 1][1], spans[i][0]):
            return i
    return 0


@lru_cache(maxsize=65536)
def correct(token: str) -> str | None:
    """Return the keyword a misspelt ``token`` stands for, or ``None``.

    Only tokens that are long enough, purely alphabetic and not known words
    (every lexicon word and the guard list of real words near keywords) are
    compared, and only with keywords of the same first letter and similar
    length.
    """
    lex = lexicon()
    if len(token) < lex.fuzzy_min_length or token in lex.known or not token.isalpha():
        return None
    bucket = lex.fuzzy_vocab.get(token[0])
    if not bucket:
        return None
    gap = lex.fuzzy_max_gap
    choices = [word for word in bucket if abs(len(word) - len(token)) <= gap]
    if not choices:
        return None
    found = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=lex.fuzzy_cutoff)
    return None if found is None else str(found[0])


@lru_cache(maxsize=65536)
def _normalise(token: str) -> tuple[str, bool, bool] | None:
    """Return how to read an unknown token: ``(reading, fuzzy, stretched)``, or ``None`` to keep it."""
    lex = lexicon()
    fixed = token
    stretched = _STRETCH.search(token) is not None
    if stretched:
        fixed = _squeeze(token, lex.known)
    corrected = correct(fixed) if len(fixed) >= lex.fuzzy_min_length and fixed not in lex.known else None
    if corrected is None and fixed == token:
        return None
    return corrected or fixed, corrected is not None, stretched


_new_hit = cast(Callable[[tuple[str, str, float, int, int, str, bool]], Hit], partial(tuple.__new__, Hit))


def _emit(
    families: dict[str, list[Hit]], start: int, end: int, payload: tuple[str, tuple[Entry, ...]], fuzzy: bool
) -> None:
    phrase, entries = payload
    for family, key, weight in entries:
        hit = _new_hit((family, key, weight, start, end, phrase, fuzzy))
        found = families.get(family)
        if found is None:
            families[family] = [hit]
        else:
            found.append(hit)


def _walk(tokens: list[str], root: TrieNode, fuzzy_at: frozenset[int]) -> dict[str, list[Hit]]:
    """Walk the trie from every token; a ``*`` gap resumes up to MAX_GAP tokens later."""
    families: dict[str, list[Hit]] = {}
    count = len(tokens)
    padded = [*tokens, _STOP]
    first = dict.__getitem__  # the plain lookup: a part of the root not yet read (lexicon._LazyTrie) takes its own
    for i in compress(range(count), map(root.__contains__, tokens)):  # the tokens that start a phrase
        node = first(root, tokens[i])
        if type(node) is not dict:  # a part left in the cache file: the root reads it (lexicon._LazyTrie)
            node = root[tokens[i]]
        at = i + 1
        pending: list[tuple[TrieNode, int]] | None = None
        while True:
            special = node.get(END)
            if special is not None:
                payload, gap = special
                if payload is not None:
                    fuzzy = bool(fuzzy_at) and not fuzzy_at.isdisjoint(range(i, at))
                    _emit(families, i, at, payload, fuzzy)
                if gap is not None:
                    for skip in range(min(MAX_GAP + 1, count - at)):
                        after = gap.get(tokens[at + skip])
                        if after is not None:
                            pending = pending or []
                            pending.append((after, at + skip + 1))
            node = node.get(padded[at])
            if node is not None:
                at += 1
            elif pending:
                node, at = pending.pop()
            else:
                break
    return families


def scan(text: str) -> Scan:
    """Tokenize ``text``, correct misspelt keywords and find every lexicon phrase."""
    lex = lexicon()
    plain, links = unlink(text)
    tokens = tokenize(plain)
    stretched = 0
    fuzzy_at: set[int] = set()
    fixes = {t: fix for t in set(tokens).difference(lex.known) if len(t) >= 3 and (fix := _normalise(t))}
    if fixes:
        for i, token in enumerate(tokens):
            fix = fixes.get(token)
            if fix is not None:
                tokens[i] = fix[0]
                if fix[1]:
                    fuzzy_at.add(i)
                stretched += fix[2]
    return Scan(tuple(tokens), _walk(tokens, lex.trie, frozenset(fuzzy_at)), stretched, plain, links)
