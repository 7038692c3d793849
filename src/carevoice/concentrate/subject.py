"""Subject: the specific thing a post is about, in the customer's words, so a reply can name it.

A subject is a noun phrase of the post: an optional determiner, up to three
modifiers (known modifier words, capitalised names, times such as ``8:15``)
and a head noun from the lexicon's ``subjects`` lists, optionally followed by
``on/in/at/from`` and a second such phrase ("the wifi on my flight"). Among
the candidates the one tied to the post's situation wins (its head lies inside
the situation's evidence), then a possessive one ("my gift card"), then a
named one ("my Minecraft account"), then the earliest. Candidates that touch
personal data are never taken.

The reply form turns the customer's side into the brand's: "my"/"our" become
"your", "your" becomes "our", "this"/"that" become "the"; a bare head gets
"your" for the customer's things and "the" for the brand's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, partial
from itertools import compress
from operator import add, and_, not_, or_
from typing import NamedTuple, cast

from carevoice.concentrate.keywords import Hit, ascii_letters
from carevoice.concentrate.lexicon import raw_data
from carevoice.inbound import PiiMatch, Subject

__all__ = ["read_subject"]

_WORD = re.compile(r"[^\W_][\w'\u2019\-]*(?::[0-9]{2})?|[@#][\w]+")
_DETERMINERS = {"my": "your", "our": "your", "your": "our", "ur": "our", "the": "the", "this": "the",
                "that": "the", "these": "the", "those": "the", "his": "his", "her": "her", "their": "their"}
_LINKS = frozenset({"on", "in", "at", "from", "for"})
_SINGULAR_S = frozenset({"status", "series", "bus", "gas", "glass", "pass", "access", "address", "news",
                         "business", "class", "bonus", "campus", "plus", "us", "chaos", "canvas", "lens",
                         "express", "ps", "wifi", "mac and cheese", "mattress", "dress", "progress"})
_VERBISH = frozenset({"watch", "order", "ride", "book", "return", "case", "show", "stream", "save", "download",
                      "upload", "charge", "post", "comment", "review", "transfer", "deposit", "claim", "play", "update",
                      "delivery", "complaint", "exchange", "repair", "backup", "install", "search", "drink", "pass",
                      "key", "balance", "number", "lunch", "dinner", "breakfast", "sale", "deal", "offer", "price",
                      "line", "feature", "design", "service", "support", "team", "login", "error", "glitch", "bug",
                      "event", "parking", "collection", "shopping", "data", "signal", "status", "game", "music"})
"""Heads that are also common verbs or vague words: named only with a determiner or a modifier ("my order")."""
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
_TIME = re.compile(r"^[0-9]{1,2}(?::[0-9]{2})?(?:am|pm)?$|^[0-9]{1,2}(?:am|pm)$")
_FUNCTION = frozenset({
    "i", "im", "i'm", "ive", "i've", "id", "i'd", "ill", "i'll", "hi", "hello", "hey", "dear", "thanks", "thank",
    "please", "pls", "plz", "why", "what", "when", "where", "who", "how", "which", "whenever", "anyone", "anybody",
    "someone", "everyone", "nobody", "no", "yes", "ok", "okay", "so", "but", "and", "or", "if", "also", "just",
    "can", "could", "would", "should", "will", "do", "does", "did", "is", "are", "was", "were", "have", "has",
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "it's", "we", "you", "they", "he", "she",
    "my", "your", "our", "their", "his", "her", "me", "us", "them", "not", "now", "today", "yesterday", "still",
    "again", "after", "before", "since", "for", "from", "with", "without", "about", "at", "on", "in", "to", "of",
    "by", "as", "all", "any", "some", "every", "lol", "omg", "wtf", "guys", "team", "support", "help",
    "sir", "madam", "mr", "mrs", "ms", "dm", "rt", "fyi", "btw", "tbh", "idk", "irl", "asap", "am", "pm",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
"""Words that are never the name of a product, even with a capital."""
_MAX_MODIFIERS = 3
_MIN_SCORE = 0.4
"""A bare word tied to nothing (no determiner, no name, not the situation's evidence) is not a subject."""
_MAX_CHARS = 60


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int


class _Vocab(NamedTuple):
    heads: dict[str, tuple[tuple[tuple[str, ...], bool], ...]]
    """First word -> (head words, is the customer's), longest first."""
    modifiers: frozenset[str]
    stop: frozenset[str]
    head_words: frozenset[str]
    """The last word of every head ("cheese" of "mac and cheese"): a word that can end a thing's name."""


@cache
def _vocab() -> _Vocab:
    data = raw_data()["subjects"]
    products = [str(p).replace("#", "").strip() for p in raw_data()["details"]["products"]]
    heads: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for key, yours in (("yours", True), ("ours", False), ("products", True)):
        for item in (products if key == "products" else data[key]):
            words = tuple(str(item).lower().split())
            if words and (words, not yours) not in heads.get(words[0], []):
                heads.setdefault(words[0], []).append((words, yours))
    ordered = {k: tuple(sorted(v, key=lambda h: -len(h[0]))) for k, v in heads.items()}
    return _Vocab(ordered, frozenset(str(m).lower() for m in data["modifiers"]),
                  frozenset(str(s).lower() for s in data["stop"]),
                  frozenset(h[-1] for k in ordered.values() for h, _ in k if h[-1] not in _FUNCTION))


class _Candidate(NamedTuple):
    first: int
    """Token index where the phrase starts (its determiner, if any)."""
    head_start: int
    head_end: int
    last: int
    """Token index after the phrase (after any "on my flight")."""
    yours: bool
    determiner: str | None
    named: bool
    proper: bool = False
    """A product or service name ("Photoshop CS6"): no "the" or "your" is added in the reply."""


_new_tok = cast(Callable[[tuple[str, str, int, int]], _Tok], partial(tuple.__new__, _Tok))


def _tokens(text: str) -> tuple[list[_Tok], list[str], list[str]]:
    """The tokens of ``text``, and their words and lower-case forms (straight apostrophes) as lists."""
    words: list[str] = _WORD.findall(text)
    lows = list(map(str.lower, words)) if "\u2019" not in text else [
        w.lower().replace("\u2019", "'") for w in words]
    # where a word is found first after the one before is where the pattern found it: the pattern
    # matches wherever the text starts as one of its words does, so no copy of a word comes sooner
    starts = []
    at = 0
    find = text.find
    for word in words:
        at = find(word, at)
        starts.append(at)
        at += len(word)
    return list(map(_new_tok, zip(words, lows, starts, map(add, starts, map(len, words)), strict=True))), words, lows


def _head_at(toks: Sequence[_Tok], i: int, vocab: _Vocab) -> tuple[int, bool] | None:
    for words, yours in vocab.heads.get(toks[i].low, ()):
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].low == words[k] for k in range(n)):
            return i + n, yours
    return None


def _is_modifier(tok: _Tok, vocab: _Vocab) -> bool:
    if tok.low in vocab.stop or tok.low in _DETERMINERS or tok.text[0] in "@#":
        return False
    if tok.low in vocab.modifiers or tok.low in vocab.head_words or _TIME.match(tok.low):
        return True
    return (tok.text[0].isupper() and len(tok.text) > 1 and not tok.text.isupper()) or (
        tok.text.isupper() and 2 <= len(tok.text) <= 5 and any(c.isalpha() for c in tok.text))


def _phrase(toks: Sequence[_Tok], i: int, vocab: _Vocab) -> _Candidate | None:
    """The noun phrase whose head starts at token ``i``, if a head starts there."""
    found = _head_at(toks, i, vocab)
    if found is None:
        return None
    head_end, yours = found
    first = i
    named = False
    while first > 0 and i - first < _MAX_MODIFIERS and _is_modifier(toks[first - 1], vocab):
        first -= 1
        named = named or (toks[first].text[:1].isupper() and toks[first].low not in vocab.modifiers)
    determiner = None
    if first > 0 and toks[first - 1].low in _DETERMINERS and toks[first - 1].end == toks[first].start - 1:
        first -= 1
        determiner = toks[first].low
    if determiner is None and first == i and head_end - i == 1 and toks[i].low in _VERBISH:
        return None  # "watch later", "order more": a verb or a vague word, not a thing
    return _Candidate(first, i, head_end, head_end, yours, determiner, named)


def _product_like(toks: Sequence[_Tok], i: int, common: frozenset[str], shouting: bool) -> bool:
    """A token that is plainly a product's name: "iCloud", "PS4", "CS6", "GTA" (never a plain capitalised word)."""
    tok = toks[i]
    t = tok.text
    if t[0] in "@#" or tok.low in common or tok.low in _FUNCTION or len(t) < 2 or not t.isalnum():
        return False
    if any(c.isdigit() for c in t):
        return any(c.isalpha() for c in t) and not _TIME.match(tok.low) and len(t) <= 10
    if shouting:
        return False
    if any(c.isupper() for c in t[1:]) and any(c.islower() for c in t):
        return True  # "iCloud", "YouTube"
    return t.isupper() and 2 <= len(t) <= 5  # "GTA", "HP"


def _titled(toks: Sequence[_Tok], i: int, text: str, common: frozenset[str]) -> bool:
    """A capitalised word inside a sentence that is not a common word ("Photoshop", "Yahoo")."""
    tok = toks[i]
    t = tok.text
    if not (t[:1].isupper() and t[1:].islower() and t.isalpha()) or tok.low in common or tok.low in _FUNCTION:
        return False
    return i > 0 and not any(c in ".!?\n:" for c in text[toks[i - 1].end:tok.start])


def _named(toks: Sequence[_Tok], i: int, text: str, vocab: _Vocab, common: frozenset[str],
           shouting: bool) -> _Candidate | None:
    """A product or service named by the customer ("my ps4", "Photoshop CS6", "Yahoo Mail", "GTA V").

    A name is a plainly product-like token, or a capitalised word inside a sentence that another
    product-like token or a thing's noun follows ("Photoshop CS6", "Yahoo Mail"); a capitalised word
    alone is more often a person or a place, and is never taken.
    """
    strong = _product_like(toks, i, common, shouting)
    if not strong and not _titled(toks, i, text, common):
        return None
    end = i + 1
    while end < len(toks) and end - i < 3 and toks[end - 1].end + 1 == toks[end].start and (
            _product_like(toks, end, common, shouting) or toks[end].low in vocab.head_words
            or (len(toks[end].text) == 1 and toks[end].text.isupper() and toks[end].text not in "IA")
            or toks[end].text.isdigit()):
        end += 1
    if not strong and end == i + 1:
        return None
    first = i
    determiner = None
    if first > 0 and toks[first - 1].low in ("my", "our", "your", "ur") and toks[first - 1].end + 1 == toks[i].start:
        first -= 1
        determiner = toks[first].low
    return _Candidate(first, i, end, end, True, determiner, True, proper=determiner is None)


def _extend(toks: Sequence[_Tok], cand: _Candidate, vocab: _Vocab) -> _Candidate:
    """Add "on my flight" / "at the Leeds store" after a phrase when it names a second thing."""
    j = cand.last
    if j + 1 >= len(toks) or toks[j].low not in _LINKS or toks[cand.last - 1].end + 1 != toks[j].start:
        return cand
    k = j + 1
    if toks[k].low in _DETERMINERS:
        k += 1
    start = k
    while k < len(toks) and k - start < _MAX_MODIFIERS and _head_at(toks, k, vocab) is None and _is_modifier(
            toks[k], vocab):
        k += 1
    if k < len(toks):
        found = _head_at(toks, k, vocab)
        if found is not None and toks[j].low != "for":
            return cand._replace(last=found[0])
    return cand


def _reply_form(toks: Sequence[_Tok], cand: _Candidate, shouting: bool, known: frozenset[str]) -> str:
    words: list[str] = []
    for n in range(cand.first, cand.last):
        tok = toks[n]
        text = tok.text.replace("\u2019", "'")
        if tok.low in _DETERMINERS and (n == cand.first or toks[n - 1].low in _LINKS):
            mine = tok.low in ("your", "ur") and cand.yours and n == cand.first
            words.append("your" if mine else _DETERMINERS[tok.low])  # "your account" stays the customer's
            continue
        if shouting or (text.isupper() and len(text) > 4) or (text[:1].isupper() and text[1:].islower()
                                                               and tok.low in known):
            text = text.lower()  # a shouted word, or a common word written with a capital ("Bonus money")
        words.append(text)
    if cand.determiner is None and not cand.proper:
        words.insert(0, "your" if cand.yours else "the")
    return " ".join(words)


def _score(cand: _Candidate, toks: Sequence[_Tok], situation_spans: Sequence[tuple[int, int]]) -> float:
    score = 0.0
    tied = any(s < toks[cand.head_end - 1].end and toks[cand.head_start].start < e for s, e in situation_spans)
    if not tied and cand.determiner is None and not cand.named:
        return 0.0  # "a new phone" in passing: not what the post is about
    if tied:
        score += 3.0
    if cand.determiner in ("my", "our"):
        score += 1.0
    elif cand.determiner in ("your", "ur", "the", "this", "that"):
        score += 0.5
    if cand.named:
        score += 1.0
    if cand.last - cand.first > 1:
        score += 0.5
    if cand.last > cand.head_end:
        score += 1.0  # "the wifi on my flight" says more than "my flight"
    return score - 0.02 * cand.first


def read_subject(text: str, pii: Sequence[PiiMatch], situation_hits: Sequence[Hit],
                 tokens: Sequence[str]) -> tuple[Subject | None, str]:
    """Find the post's subject; ``situation_hits`` are the hits of the situation read for it.

    ``tokens`` are the scan's tokens (``situation_hits`` index them); they are
    mapped to character spans of ``text`` here. Returns the subject (or
    ``None``) and a reason.
    """
    vocab = _vocab()
    toks, words, lows = _tokens(text)
    if not toks:
        return None, ""
    spans: list[tuple[int, int]] | None = None  # worked out for the first candidate worth scoring
    if text.isascii():
        letters, capitals = ascii_letters(text)
    else:
        letters, capitals = len(_LETTER.findall(text)), len(_UPPER.findall(text))
    shouting = letters > 12 and capitals > 0.6 * letters
    best: tuple[float, _Candidate] | None = None
    i = 0
    heads = vocab.heads
    common = _common()
    # a phrase starts at a head; a name only at a capital or a digit (a word not all lower-case letters)
    starts = compress(range(len(toks)), map(or_, map(heads.__contains__, lows), map(
        not_, map(and_, map(str.islower, words), map(str.isalpha, words)))))
    for at in starts:
        if at < i:
            continue  # inside the phrase before
        cand = _phrase(toks, at, vocab) if lows[at] in heads else None
        if cand is None and (not words[at].islower() or not words[at].isalpha()):
            cand = _named(toks, at, text, vocab, common, shouting)
        if cand is None:
            continue
        if not cand.named:  # "the wifi on my flight"; a product's name stands alone
            cand = _extend(toks, cand, vocab)
        start, end = toks[cand.first].start, toks[cand.last - 1].end
        clean = not any(start < p.end and p.start < end for p in pii) and end - start <= _MAX_CHARS
        if clean:
            if spans is None:
                spans = _hit_spans(toks, tokens, situation_hits)
            score = _score(cand, toks, spans)
            if score >= _MIN_SCORE and (best is None or score > best[0]):
                best = (score, cand)
        i = cand.last
    if best is None:
        return None, ""
    cand = best[1]
    start, end = toks[cand.first].start, toks[cand.last - 1].end
    head = " ".join(t.low for t in toks[cand.head_start:cand.head_end])
    subject = Subject(text=text[start:end], reply=_reply_form(toks, cand, shouting, _common()), head=head,
                      start=start,
                      end=end, plural=head.endswith("s") and head not in _SINGULAR_S and not head.endswith("ss"))
    return subject, f"subject: '{subject.text}'"


@cache
def _common() -> frozenset[str]:
    """Common words (the lexicon's and the subject lists'): never proper names, so never capitalised in a reply."""
    from carevoice.concentrate.lexicon import lexicon

    vocab = _vocab()
    return lexicon().known | vocab.head_words | vocab.modifiers


def _hit_spans(toks: Sequence[_Tok], tokens: Sequence[str], hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """Character spans of scan hits, found by matching the scan's tokens to this module's tokens in order."""
    if not hits:
        return []
    # the scan's tokens skip links and may differ in spelling; align on lower-case words, in order
    positions: list[tuple[int, int] | None] = []
    j = 0
    count = len(toks)
    for token in tokens[:max(h.end for h in hits)]:  # no hit reaches further
        found = None
        bare = token.strip("@")
        for k in range(j, min(j + 6, count)):
            low = toks[k].low
            if low.strip("@#") == bare or low.startswith(token):
                found = (toks[k].start, toks[k].end)
                j = k + 1
                break
        positions.append(found)
    spans = []
    for h in hits:
        inside = [p for p in positions[h.start:h.end] if p is not None]
        if inside:
            spans.append((inside[0][0], inside[-1][1]))
    return spans
