"""The lexicon: ``data/concentrate.yaml`` loaded once and compiled for matching.

Terms use the small grammar documented at the top of the YAML file: slots of
``|``-separated alternatives, ``_`` joining words, ``~`` for an empty
alternative and ``$MACRO`` for shared alternatives. :func:`expand` turns one
term into every phrase it stands for; :func:`lexicon` compiles all sections
into one phrase index so a post is scanned once for every family of signal.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from carevoice._gc import no_gc_pause
from carevoice.errors import ConfigError

__all__ = ["END", "GAP", "Entry", "Lexicon", "TrieNode", "expand", "lexicon", "raw_data", "tokenize_phrase"]

DATA_FILE = "concentrate.yaml"
MAX_EXPANSIONS = 5000
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

# Which YAML sections become which families of hits; abuse and spam words
# are deliberately kept out of fuzzy matching (see ``Lexicon.fuzzy_vocab``).
_TIERED_SECTIONS = ("question", "praise", "spam")
_AGES = frozenset({"urgency_who"})
"""Families whose numbers (ages such as "12") are not made common words by being listed: "Pulse 12" stays a name."""
_FUZZY_FAMILIES = frozenset({"category", "urgency", "emotion", "praise"})


END = ""
"""Key of a trie node's specials: ``((phrase, entries) | None, gap node | None)``.

The first is the phrase ending at this node; the second the trie of what may
follow after a few skipped tokens (a ``*`` in a term). Tokens are word
characters only, so the key never clashes with a token.
"""
GAP = "*"
"""The gap marker inside expanded phrases."""
TrieNode = dict[str, Any]
"""A trie node: next token -> child node, and :data:`END` -> specials."""


class Entry(NamedTuple):
    """What a phrase means: a family (``category``...), a key in it and a weight."""

    family: str
    key: str
    weight: float


@dataclass(frozen=True)
class Lexicon:
    """Compiled Concentrate data: phrase index, fuzzy vocabulary and raw sections."""

    phrases: Mapping[tuple[str, ...], tuple[Entry, ...]]
    """Every expanded phrase (a ``*`` token marks a gap) and its meanings."""
    trie: TrieNode
    """The same phrases as a token trie, for one left-to-right walk per position."""
    contractions: Mapping[str, str]
    """Spellings without an apostrophe and the word they stand for ("dont" -> "don't")."""
    negators: frozenset[str]
    """Negating tokens, in both spellings ("don't", "dont")."""
    known: frozenset[str]
    """Every token of every term plus the fuzzy guard: never fuzzy-corrected."""
    fuzzy_vocab: Mapping[str, tuple[str, ...]]
    """Fuzzy targets bucketed by first letter."""
    fuzzy_min_length: int
    fuzzy_cutoff: float
    fuzzy_max_gap: int
    decision: Mapping[str, float]
    data: Mapping[str, Any]


def tokenize_phrase(text: str) -> tuple[str, ...]:
    """Split lower-cased text into word tokens the way posts are split."""
    return tuple(_TOKEN.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'")))


def expand(term: str, macros: Mapping[str, str]) -> list[str]:
    """Expand one term of the grammar into the plain phrases it stands for.

    >>> expand("never|not arrived", {})
    ['never arrived', 'not arrived']
    >>> expand("my|~ order", {})
    ['my order', 'order']
    """
    slots: list[list[str]] = []
    for slot in term.split():
        alternatives: list[str] = []
        for alt in slot.split("|"):
            if alt.startswith("$"):
                if alt[1:] not in macros:
                    known = ", ".join(sorted(macros))
                    raise ConfigError(f"unknown macro {alt} in term {term!r}; known: {known}", file=DATA_FILE)
                alternatives.extend(macros[alt[1:]].split("|"))
            elif alt not in ("~", "*") and not _TOKEN.search(alt.replace("_", " ")):
                # "#" or "!" would read as an empty alternative, silently making the slot optional
                raise ConfigError(f"alternative {alt!r} in term {term!r} has no word in it (use ~ for an "
                                  "optional slot)", file=DATA_FILE)
            else:
                alternatives.append(alt)
        slots.append(["" if alt == "~" else alt.replace("_", " ") for alt in alternatives])
    count = 1
    for alts in slots:
        count *= len(alts)
    if count > MAX_EXPANSIONS:
        raise ConfigError(f"term {term!r} expands to {count} phrases (limit {MAX_EXPANSIONS})", file=DATA_FILE)
    phrases = (" ".join(word for word in combo if word) for combo in itertools.product(*slots))
    return [phrase for phrase in phrases if phrase]


@cache
def _strict_loader() -> Any:
    """A ``yaml.safe_load`` loader (libyaml's parser when available) that rejects a key given twice.

    Made on first use: a run that finds the data in the user cache never needs it.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StrictLoader(base):  # type: ignore[misc]
        """``yaml.safe_load`` semantics, but a key given twice in one mapping is an error."""

    def _unique_mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        mapping: dict[Any, Any] = loader.construct_mapping(node)
        return mapping

    _StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)
    return _StrictLoader


@cache
def raw_data() -> Mapping[str, Any]:
    """Return the parsed YAML file (loaded once: parsed on first use, then read from the user cache)."""
    from carevoice._cache import read_pickle, write_pickle

    name = _cache_name("concentrate-data")
    cached = read_pickle(name)
    if isinstance(cached, dict) and cached.get("version") == 1:
        return cached
    data = _parse()
    write_pickle(name, data)
    return data


def _parse() -> dict[str, Any]:
    from importlib import resources  # only a cache miss reads the data file

    import yaml

    try:
        text = resources.files("carevoice.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_strict_loader())  # safe_load semantics, plus duplicate-key errors
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot load Concentrate data: {exc}", file=DATA_FILE) from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ConfigError("expected a mapping with 'version: 1'", file=DATA_FILE)
    return data


def _tiered(section: Mapping[str, Any], tiers: Mapping[str, float], where: str) -> Iterable[tuple[str, float]]:
    for tier, terms in section.items():
        if tier not in tiers:
            raise ConfigError(f"unknown tier {tier!r}; known: {', '.join(tiers)}", file=DATA_FILE, key=where)
        for term in terms:
            yield str(term), tiers[tier]


class _Builder:
    def __init__(self, macros: Mapping[str, str], contractions: Mapping[str, str]) -> None:
        self.macros = macros
        self.contractions = contractions
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        self.fuzzy_targets: set[str] = set()

    def _tokens(self, text: str) -> tuple[str, ...]:
        return tuple(self.contractions.get(t, t) for t in tokenize_phrase(text))

    def add(self, term: str, entry: Entry) -> None:
        for phrase in expand(term, self.macros):
            segments = [self._tokens(part) for part in phrase.split("*")]
            if len(segments) > 1 and not all(segments):
                raise ConfigError(f"a '*' gap must stand between words: {term!r}", file=DATA_FILE)
            tokens = tuple(token for segment in segments for token in (*segment, GAP))[:-1]
            if not tokens:
                continue
            entries = self.phrases.setdefault(tokens, [])
            if entry not in entries:
                entries.append(entry)
            if entry.family in _FUZZY_FAMILIES:
                self.fuzzy_targets.update(t for t in tokens if t != GAP)

    def add_tiered(self, family: str, key: str, section: Mapping[str, Any], tiers: Mapping[str, float]) -> None:
        for term, weight in _tiered(section, tiers, f"{family}.{key}"):
            self.add(term, Entry(family, key, weight))

    def add_flat(self, family: str, key: str, terms: Iterable[str], weight: float = 1.0) -> None:
        for term in terms:
            self.add(str(term), Entry(family, key, weight))


def _trie(phrases: Mapping[tuple[str, ...], list[Entry]], aliases: Mapping[str, str]) -> TrieNode:
    """Build the token trie; each alias ("dont") is an extra edge to its word's node ("don't")."""
    payloads: dict[int, tuple[str, tuple[Entry, ...]]] = {}
    gaps: dict[int, TrieNode] = {}
    nodes: dict[int, TrieNode] = {}
    root: TrieNode = {}
    for phrase, entries in phrases.items():
        node = root
        for token in phrase:
            node = gaps.setdefault(id(node), {}) if token == GAP else node.setdefault(token, {})
            nodes[id(node)] = node
        payloads[id(node)] = (" ".join(phrase), tuple(entries))
    for key, node in nodes.items():
        if key in payloads or key in gaps:
            node[END] = (payloads.get(key), gaps.get(key))
    for node in (root, *nodes.values(), *gaps.values()):
        for alias, word in aliases.items():
            if word in node and alias not in node:
                node[alias] = node[word]
    return root


def _build(data: Mapping[str, Any]) -> Lexicon:
    tiers = {str(k): float(v) for k, v in data["tiers"].items()}
    contractions = {str(k): str(v) for k, v in data["tokens"]["contractions"].items()}
    b = _Builder({str(k): str(v) for k, v in data["macros"].items()}, contractions)
    for name, section in data["categories"].items():
        b.add_tiered("category", name, section, tiers)
    for name, terms in data.get("category_except", {}).items():
        b.add_flat("category_except", name, terms)
    for name, section in data.get("signals", {}).items():
        b.add_tiered("signal", name, section, tiers)
    for family in _TIERED_SECTIONS:
        b.add_tiered(family, family, data[family], tiers)
    for kind in ("insults", "targets", "direct", "slurs"):
        b.add_flat("abuse", kind, data["abuse"][kind])
    emotion = data["emotion"]
    for name in ("anger", "frustration", "anxiety", "sadness", "delight"):
        b.add_tiered("emotion", name, emotion[name], tiers)
    b.add_flat("swear", "swear", emotion["swear"])
    b.add_flat("intensifier", "intensifier", emotion["intensifiers"])
    for name, terms in data["urgency"].items():
        b.add_flat("urgency", name, terms)
    b.add_flat("bereavement", "bereavement", data.get("bereavement", ()))
    for name, terms in data.get("urgency_except", {}).items():
        b.add_flat("urgency_except", name, terms)
    for section in ("urgency_who", "urgency_trouble"):  # a person at risk counts only beside a sign of trouble
        for name, terms in data.get(section, {}).items():
            b.add_flat(section, name, terms)

    fuzzy = data["fuzzy"]
    min_length = int(fuzzy["min_length"])
    guard = {str(word).lower() for word in fuzzy.get("guard") or ()}
    known = {token for phrase, entries in b.phrases.items() for token in phrase
             if token != GAP and not (token.isdigit() and all(e.family in _AGES for e in entries))}
    known |= guard | set(contractions)
    buckets: dict[str, list[str]] = {}
    for word in sorted(b.fuzzy_targets):
        if len(word) >= min_length and word.isalpha():
            buckets.setdefault(word[0], []).append(word)
    return Lexicon(
        phrases={k: tuple(v) for k, v in b.phrases.items()},
        trie=_trie(b.phrases, contractions),
        contractions=contractions,
        negators=_with_aliases((str(w) for w in data["tokens"]["negators"]), contractions),
        known=frozenset(known),
        fuzzy_vocab={k: tuple(v) for k, v in buckets.items()},
        fuzzy_min_length=min_length,
        fuzzy_cutoff=float(fuzzy["cutoff"]),
        fuzzy_max_gap=int(fuzzy["max_length_gap"]),
        decision={str(k): float(v) for k, v in data["decision"].items()},
        data=data,
    )


def _with_aliases(words: Iterable[str], aliases: Mapping[str, str]) -> frozenset[str]:
    found = set(words)
    return frozenset(found | {alias for alias, word in aliases.items() if word in found})


def _cache_name(kind: str = "lexicon") -> str:
    """The cache entry for this data file and this code: any change to either makes a new name."""
    import sys

    return f"{kind}-{sys.version_info[0]}{sys.version_info[1]}-{_digest()}.pickle"


def _digest() -> str:
    """The SHA-256 of the data file's and this module's digests (see :func:`carevoice._digests.file_digest`)."""
    from carevoice._cache import data_file
    from carevoice._digests import file_digest
    from carevoice._hash import sha256

    return sha256(file_digest(data_file(DATA_FILE)) + file_digest(Path(__file__))).hexdigest()[:32]


@cache
def lexicon() -> Lexicon:
    """Return the compiled lexicon: built on first use, cached for the process and in the user cache.

    The cache entry keeps each first token's part of the trie, and the phrase index, pickled
    apart and read from the file when first reached (see :class:`_LazyTrie`): a run that
    reads one post reads and unpickles only the few parts its words reach, not some hundred
    thousand nodes in a file of several megabytes.
    """
    from carevoice._cache import write_atomic

    name = _cache_name()
    with no_gc_pause():
        cached = _read_entry(name)
    if cached is not None:
        return cached
    try:
        with no_gc_pause():
            built = _build(raw_data())
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigError(f"malformed Concentrate data: {exc!r}", file=DATA_FILE) from exc
    root = _cache_root()
    if root is not None:
        write_atomic(root / name, _to_cache(built))
    return built


_CACHE_FORMAT = 3
_MAGIC = b"CVLEX" + _CACHE_FORMAT.to_bytes(3, "big")
"""The first bytes of an entry: what it is, and its layout's version."""
_HEAD = len(_MAGIC) + 8
"""The magic and the header's length (8 bytes, little-endian)."""


def _cache_root() -> Path | None:
    from carevoice._cache import cache_root

    return cache_root()


@cache
def _fresh_build() -> Lexicon:
    """The lexicon built afresh, once: what a damaged cached part (of the trie or the phrases) falls back to."""
    return _build(raw_data())


class _Blobs:
    """The parts of a lexicon entry, read from its file when first needed.

    The file stays open as long as the lexicon, so a part is read from the very file its
    header was (an entry written meanwhile by another process replaces the name, not the
    file); a short read is an error, as is a part that does not unpickle.
    """

    def __init__(self, fd: int, base: int) -> None:
        import weakref

        self._fd = fd
        self._base = base
        self._lock: Any = None
        weakref.finalize(self, os.close, fd)

    def load(self, span: tuple[int, int]) -> Any:
        import pickle

        offset, length = span
        if hasattr(os, "pread"):
            data = os.pread(self._fd, length, self._base + offset)
        else:  # pragma: no cover - Windows
            import threading

            if self._lock is None:
                self._lock = threading.Lock()
            with self._lock:
                os.lseek(self._fd, self._base + offset, os.SEEK_SET)
                data = os.read(self._fd, length)
        if len(data) != length:
            raise ValueError("short read")
        with no_gc_pause():
            return pickle.loads(data)  # written by _to_cache, in the user-private cache folder


class _LazyTrie(dict[str, Any]):
    """The trie's root, each first token's subtrie left in the cache file until a post reaches it.

    Membership (``token in root``) reads nothing; reading a value reads and unpickles that
    part once and keeps it. Iterating, copying and comparing see the unpickled nodes, as with
    the plain dict it stands for (pickling it gives a plain dict).
    """

    __slots__ = ("_blobs",)

    def __init__(self, spans: dict[str, tuple[int, int]], blobs: _Blobs) -> None:
        super().__init__(spans)
        self._blobs = blobs

    def __getitem__(self, token: str) -> Any:
        node = dict.__getitem__(self, token)
        if type(node) is tuple:  # (offset, length) of the part; a node is a dict
            try:
                node = self._blobs.load(node)
                if type(node) is not dict:
                    raise TypeError("not a trie node")
            except Exception:  # a damaged part: the same node from a fresh build
                node = _fresh_build().trie[token]
            dict.__setitem__(self, token, node)
        return node

    def get(self, token: str, default: Any = None) -> Any:
        return self[token] if dict.__contains__(self, token) else default

    def __iter__(self) -> Iterator[str]:
        return iter(dict.keys(self))

    def keys(self) -> Any:
        return dict.keys(self)

    def values(self) -> Any:
        return [self[token] for token in dict.keys(self)]

    def items(self) -> Any:
        return [(token, self[token]) for token in dict.keys(self)]

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))


class _LazyPhrases(Mapping[tuple[str, ...], tuple[Entry, ...]]):
    """The phrase index, read and unpickled the first time it is read (a draft never reads it)."""

    def __init__(self, blobs: _Blobs, span: tuple[int, int]) -> None:
        self._blobs: _Blobs | None = blobs
        self._span = span
        self._phrases: dict[tuple[str, ...], tuple[Entry, ...]] = {}

    def _load(self) -> dict[tuple[str, ...], tuple[Entry, ...]]:
        if self._blobs is not None:
            try:
                phrases = self._blobs.load(self._span)
                if type(phrases) is not dict:
                    raise TypeError("not a phrase index")
                self._phrases = phrases
            except Exception:  # a damaged entry: the same index from a fresh build
                self._phrases = dict(_fresh_build().phrases)
            self._blobs = None
        return self._phrases

    def __getitem__(self, phrase: tuple[str, ...]) -> tuple[Entry, ...]:
        return self._load()[phrase]

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self._load(),))


def _to_cache(lex: Lexicon) -> bytes:
    """What the user cache keeps of a built lexicon (the content of its file).

    The magic, the header's length, the header (a pickle of the other fields, each first
    token's ``(offset, length)`` and the phrase index's, and the size of what follows), then
    each part of the trie and the phrase index, pickled apart.
    """
    import pickle
    import struct
    from dataclasses import fields

    def dumps(value: Any) -> bytes:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    rest = {f.name: getattr(lex, f.name) for f in fields(lex) if f.name not in ("phrases", "trie")}
    blobs: list[bytes] = []
    spans: dict[str, tuple[int, int]] = {}
    at = 0
    for token, node in lex.trie.items():
        blob = dumps(node)
        spans[token] = (at, len(blob))
        blobs.append(blob)
        at += len(blob)
    phrases = dumps(dict(lex.phrases))
    blobs.append(phrases)
    header = dumps((rest, spans, (at, len(phrases)), at + len(phrases)))
    return _MAGIC + struct.pack("<Q", len(header)) + header + b"".join(blobs)


def _read_entry(name: str) -> Lexicon | None:
    """The lexicon the cache entry ``name`` holds (see :func:`_to_cache`), or None: none, damaged, another format."""
    root = _cache_root()
    if root is None:
        return None
    try:
        fd = os.open(root / name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        return _from_cache(fd)
    except Exception:  # a stale or damaged entry is rebuilt
        return None
    finally:
        os.close(fd)


def _from_cache(fd: int) -> Lexicon | None:
    """The lexicon in the open entry ``fd`` (a copy of the descriptor stays open for its parts), or None."""
    import pickle
    import struct

    head = os.pread(fd, _HEAD, 0) if hasattr(os, "pread") else os.read(fd, _HEAD)
    if len(head) != _HEAD or head[:len(_MAGIC)] != _MAGIC:
        return None
    (size,) = struct.unpack("<Q", head[len(_MAGIC):])
    header = os.pread(fd, size, _HEAD) if hasattr(os, "pread") else os.read(fd, size)
    if len(header) != size:
        return None
    rest, spans, phrases, total = pickle.loads(header)  # our own cache, in a user-private folder
    if os.fstat(fd).st_size != _HEAD + size + total or type(spans) is not dict or type(rest) is not dict:
        return None
    if not all(type(span) is tuple and len(span) == 2 for span in (phrases, *spans.values())):
        return None
    blobs = _Blobs(os.dup(fd), _HEAD + size)
    return Lexicon(phrases=_LazyPhrases(blobs, phrases), trie=_LazyTrie(spans, blobs), **rest)
