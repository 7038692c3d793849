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
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import compress, repeat
from typing import NamedTuple

from carevoice._models import build
from carevoice._plain import PiiMatch, Subject
from carevoice.concentrate.keywords import Hit, ascii_letters
from carevoice.concentrate.lexicon import raw_data
from carevoice.concentrate.moments import AGE_AFTER

__all__ = ["read_subject"]

_WORD = re.compile(r"[^\W_][\w'\u2019\-]*(?::[0-9]{2})?|[@#][\w]+")
_DETERMINERS = {"my": "your", "our": "your", "your": "our", "ur": "our", "the": "the", "this": "the",
                "that": "the", "these": "the", "those": "the", "his": "his", "her": "her", "their": "their"}
_LINKS = frozenset({"on", "in", "at", "from", "for"})
_SINGULAR_S = frozenset({"status", "series", "bus", "gas", "glass", "pass", "access", "address", "news",
                         "business", "class", "bonus", "campus", "plus", "us", "chaos", "canvas", "lens",
                         "express", "ps", "wifi", "mac and cheese", "mattress", "dress", "progress",
                         # systems and apps named in the plural form: "iPadOS isn't", "Windows isn't"
                         "ios", "macos", "ipados", "watchos", "tvos", "chromeos", "windows", "itunes", "teams"})
_VERBISH = frozenset({"watch", "order", "ride", "book", "return", "case", "show", "stream", "save", "download",
                      "upload", "charge", "post", "comment", "review", "transfer", "deposit", "claim", "play", "update",
                      "delivery", "complaint", "exchange", "repair", "backup", "install", "search", "drink", "pass",
                      "key", "balance", "number", "lunch", "dinner", "breakfast", "sale", "deal", "offer", "price",
                      "line", "feature", "design", "service", "support", "team", "login", "error", "glitch", "bug",
                      "event", "parking", "collection", "shopping", "data", "signal", "status", "game", "music"})
"""Heads that are also common verbs or vague words: named only with a determiner or a modifier ("my order")."""
_CLAUSE_BREAK = re.compile(r"[,;!?()]|\.\s")
"""Punctuation that ends a clause: a subject never spans one."""
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
    "pos", "smh", "lmao", "lmfao", "af", "ffs", "stfu", "gtfo", "imo", "imho", "wth", "wtaf", "ngl", "fml",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
"""Words that are never the name of a product, even with a capital."""
_NEGATING = frozenset({"no", "not", "without", "zero", "never"})
"""A phrase after these names what is missing ("no video"), not a thing a reply can name."""
_BEFORE_A_VERB = frozenset({"to", "will", "won't", "wont", "would", "wouldn't", "can", "can't", "cant", "could",
                            "couldn't", "didn't", "didnt", "don't", "dont", "doesn't", "doesnt", "please", "pls",
                            "must", "should", "let's", "lets", "i", "we", "they", "you", "u"})
"""Words after which a bare noun-like word is a verb ("won't pick up", "I order"), not a thing to name."""
_NOT_MODIFIERS = _NEGATING | {"hello", "hi", "hey", "dear", "yo", "thanks", "thank", "please", "pls", "plz", "ok",
                              "okay", "so", "and", "but", "lol", "omg", "wtf", "why", "what", "how", "when", "where",
                              "requesting", "request", "requested", "need", "needing", "want", "wanting", "kindly",
                              "arrange", "provide", "send", "resolve", "process", "initiate", "expedite"}
"""Capitalised words that open a sentence or a greeting ("Hello Dear Youtube team", "Requesting replacement
immediately", "Arrange room NOW or refund full amount"), never part of a name."""
_SOURCE_HEADS = frozenset({"page", "board", "boards", "screen", "tracker", "sign", "display"})
"""Things that only tell ("the status page says...", "board says on time"): the source, not the subject."""
_SAYING = r"(?:says|said|shows|showed|claims|claimed|reads)\b"
_SAYS = re.compile(r"\s+" + _SAYING, re.IGNORECASE)
_SOURCE_SAYS = re.compile(r"\s+(?:" + "|".join(sorted(_SOURCE_HEADS)) + r")\s+" + _SAYING, re.IGNORECASE)
"""What follows a phrase that a source tells of: "says" itself, or a source's head and "says" ("Service status"
then " page says")."""
_CONTACT_DETAILS = frozenset((owner, *words) for owner in ("my", "our") for words in (
    ("number",), ("phone", "number"), ("mobile", "number"), ("cell", "number"), ("contact", "number"),
    ("home", "address"), ("address",), ("postcode",), ("zip", "code"), ("eircode",)))
"""A customer's contact details ("my number is 1928447106", "asked for my number"): never the thing a reply names."""
_VAGUE = frozenset({"error", "errors", "glitch", "glitches", "bug", "bugs", "issue", "issues", "problem",
                    "problems", "fault", "faults"})
"""Words that make a phrase the trouble itself ("the error code"), not the thing it happens to."""
_UNIT = re.compile(r"^[0-9]+(?:[.,][0-9]+)?(?:k|m|bn|gb|mb|tb|kb|p|fps|hz|ghz|mhz|x|mph|kph|kg|g|lbs?|mins?|hrs?|h|s|"
                   r"ms|st|nd|rd|th|am|pm)$")
"""A number with a unit ("25m", "360p", "60fps"): a quantity, not a product's name."""
_THING_ENDS = frozenset({"app", "account", "website", "site", "page", "channel", "card", "subscription", "plan",
                         "update", "printer", "laptop", "phone", "tv", "console", "controller", "store", "service",
                         "server", "servers", "game", "version", "player", "router", "box", "speaker", "device"})
"""Nouns that end a named thing which still takes "the" or "your" ("the Roku app", "your Minecraft account")."""
_CUSTOMERS_THINGS = frozenset({"account", "card", "subscription", "plan", "printer", "laptop", "phone", "tv", "console",
                               "controller", "device", "router", "box", "speaker", "channel", "player"})
"""Of those, the customer's own things ("your HP printer"); the rest are the brand's ("the Windows update")."""
_ADDRESSED = frozenset({"team", "support", "staff", "guys", "folks", "people", "crew"})
"""A phrase ending in one of these within the first words of a post greets its reader ("Dear Youtube Team")..."""
_OPENING = 3
"""...the first words being these many."""
_MAX_MODIFIERS = 3
_MIN_SCORE = 0.4
"""A bare word tied to nothing (no determiner, no name, not the situation's evidence) is not a subject."""
_MAX_CHARS = 60


class _Words(NamedTuple):
    """The words of a post, side by side: as written, lower-case (straight apostrophes), and their spans."""

    texts: list[str]
    lows: list[str]
    starts: list[int]
    ends: list[int]


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


def _words(text: str) -> _Words:
    """The words of ``text`` as :data:`_WORD` finds them."""
    found = list(_WORD.finditer(text))
    texts = list(map(re.Match.group, found))  # the methods mapped: no Python step per word
    lows = list(map(str.lower, texts)) if "\u2019" not in text else [
        w.lower().replace("\u2019", "'") for w in texts]
    return _Words(texts, lows, list(map(re.Match.start, found)), list(map(re.Match.end, found)))


def _head_at(w: _Words, i: int, vocab: _Vocab) -> tuple[int, bool] | None:
    lows = w.lows
    for words, yours in vocab.heads.get(lows[i], ()):
        n = len(words)
        if tuple(lows[i:i + n]) == words:  # (shorter, and so unequal, where the post ends first)
            return i + n, yours
    return None


def _is_modifier(w: _Words, k: int, vocab: _Vocab) -> bool:
    low, text = w.lows[k], w.texts[k]
    if low in vocab.stop or low in _DETERMINERS or low in _NOT_MODIFIERS or text[0] in "@#":
        return False
    if low in vocab.modifiers or low in vocab.head_words or _TIME.match(low):
        return True
    return (text[0].isupper() and len(text) > 1 and not text.isupper()) or (
        text.isupper() and 2 <= len(text) <= 5 and any(map(str.isalpha, text)))


_SIZES = frozenset({"large", "small", "medium", "regular", "big", "new", "whole", "single", "double", "mini"})
"""Words of size between "a" and a product's name ("ordered a large Hot Honey pizza")."""


def _bought_a(lows: Sequence[str], first: int) -> bool:
    """Whether "bought a" (or "ordered a large") stands right before the word at ``first``."""
    k = first - 1
    if k > 0 and lows[k] in _SIZES:
        k -= 1
    return k > 0 and lows[k] in ("a", "an") and lows[k - 1] in _BOUGHT


def _title_word(text: str) -> bool:
    """A word written with a capital and then small letters ("Hot"), as the words of a product's name are."""
    return len(text) > 1 and text[0].isupper() and text[1:].islower()


_UNITS = frozenset({"hour", "hours", "hr", "hrs", "min", "mins", "minute", "minutes", "day", "days", "week", "weeks",
                    "month", "months", "year", "years", "night", "nights", "mile", "miles", "km", "gb", "mb", "kg",
                    "item", "items", "pack", "piece", "seater", "door", "star", "course"})
"""Words after a number that make it part of the name ("a 3 hour journey", "my 2 day pass"), not a count to drop."""


def _phrase(w: _Words, i: int, vocab: _Vocab) -> _Candidate | None:
    """The noun phrase whose head starts at token ``i``, if a head starts there."""
    found = _head_at(w, i, vocab)
    if found is None:
        return None
    head_end, yours = found
    lows = w.lows
    first = i
    named = False
    while first > 0 and i - first < _MAX_MODIFIERS and _is_modifier(w, first - 1, vocab):
        first -= 1
        named = named or (w.texts[first][:1].isupper() and lows[first] not in vocab.modifiers)
    if ((named or _title_word(w.texts[first])) and first > 0 and i - first < _MAX_MODIFIERS
            and _title_word(w.texts[first - 1])
            and lows[first - 1] not in _DETERMINERS and lows[first - 1] not in _NOT_MODIFIERS
            and w.ends[first - 1] == w.starts[first] - 1):
        first -= 1  # "a large Hot Honey pizza": a name is never cut after its first word ("Sorry Honey pizza")
    if (first < i and lows[first].isdigit() and first > 0 and lows[first - 1] in _NUMBERED_NAMES
            and w.ends[first - 1] == w.starts[first] - 1):
        first -= 1  # "my windows 10 code", "an iphone 11 case": the number belongs to the name before it
    elif (first < i and lows[first].isdigit() and len(lows[first]) <= 2 and lows[first + 1] not in _UNITS
          and w.starts[first + 1] == w.ends[first] + 1 and (first == 0 or lows[first - 1] not in _DETERMINERS)):
        first += 1  # "while 2 staff chatted": a count, not part of the name ("sorry about the 2 staff")
    while (0 < first < i and lows[first].isdigit() and lows[first - 1][-1:].isdigit()
           and w.starts[first] - w.ends[first - 1] == 1):
        first += 1  # "a $4.99 charge": the pence of a price, not part of the name ("your 99 charge")
    determiner = None
    if first > 0 and lows[first - 1] in _DETERMINERS and w.ends[first - 1] == w.starts[first] - 1:
        first -= 1
        determiner = lows[first]
    if determiner is None and first == i and head_end - i == 1 and lows[i] in _VERBISH:
        return None  # "watch later", "order more": a verb or a vague word, not a thing
    if lows[head_end - 1] == "watch" and head_end < len(lows) and lows[head_end] == "later":
        return None  # "my watch later": YouTube's list, not a watch
    if (lows[head_end - 1] in _NUMBERED_PLACES and head_end < len(lows) and any(map(str.isdigit, lows[head_end]))
            and w.starts[head_end] == w.ends[head_end - 1] + 1):
        return None  # "sat at Edinburgh gate 9": where the customer is, not the thing that went wrong
    if determiner is None and first == i and first > 0 and lows[first - 1] in _BEFORE_A_VERB:
        return None  # "won't pick up", "to return it", "I order": a bare word after these is a verb
    if (first > 0 and lows[first - 1] in _NEGATING) or not _VAGUE.isdisjoint(lows[first:head_end]):
        return None  # "no video", "the error code": what is wrong, not the thing it is wrong with
    return _Candidate(first, i, head_end, head_end, yours, determiner, named)


def _in_number(text: str, w: _Words, i: int) -> bool:
    """Whether token ``i`` is glued to a number before or after it by a dot or comma ("1.25m", "V14.0")."""
    starts, ends = w.starts, w.ends
    return (i > 0 and starts[i] - ends[i - 1] == 1 and text[ends[i - 1]] in ".," and w.texts[i - 1][-1:].isdigit()) or (
        i + 1 < len(starts) and starts[i + 1] - ends[i] == 1 and text[ends[i]] in ".," and w.texts[i + 1][:1].isdigit())


def _product_like(text: str, w: _Words, i: int, common: frozenset[str], shouting: bool) -> bool:
    """A token that is plainly a product's name: "iCloud", "PS4", "CS6", "GTA" (never a plain capitalised word)."""
    t, low = w.texts[i], w.lows[i]
    if t[0] in "@#" or low in common or low in _FUNCTION or len(t) < 2 or not t.isalnum():
        return False
    if any(map(str.isdigit, t)):  # the methods mapped: no Python step per character
        if _UNIT.match(low) or _in_number(text, w, i):
            return False  # "1.25m", "360p", "V14.0": a quantity or a version, not a name
        return any(map(str.isalpha, t)) and not _TIME.match(low) and len(t) <= 10
    if shouting:
        return False
    if any(map(str.isupper, t[1:])) and any(map(str.islower, t)):
        return True  # "iCloud", "YouTube"
    return t.isupper() and 2 <= len(t) <= 5  # "GTA", "HP"


def _titled(w: _Words, i: int, text: str, common: frozenset[str]) -> bool:
    """A capitalised word inside a sentence that is not a common word ("Photoshop", "Yahoo")."""
    return w.lows[i] not in common and _capital_inside(w, i, text)


_NUMBERED_PLACES = frozenset({"gate", "platform", "terminal", "stand", "carousel", "belt", "desk", "pier"})
"""Places told by their number ("gate 9", "platform 4"): where the customer is, never a subject."""
_NUMBERED_PLACE = re.compile(r"\b(?:" + "|".join(sorted(_NUMBERED_PLACES)) + r")\s+[A-Za-z]?[0-9]", re.IGNORECASE)
"""A numbered place inside a name ("ATL gate B14"): no subject either."""
_NUMBERED_NAMES = frozenset({"windows", "iphone", "ipad", "ios", "android", "ps", "playstation", "xbox", "galaxy",
                             "pixel", "office", "macos", "watch", "series", "note", "fifa", "gta", "minecraft"})
"""Names a number follows ("windows 10 code", "iphone 11 case"): the number is part of the name."""
_ROMAN = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})


def _sequel(token: str) -> bool:
    """A number that ends a title ("Black Ops 4", "Red Dead Redemption II")."""
    return (token.isdigit() and len(token) <= 2) or token in _ROMAN


def _capital_inside(w: _Words, i: int, text: str) -> bool:
    """A capitalised word (common or not) inside a sentence: "Black" in "redownload Black Ops 4"."""
    t = w.texts[i]
    if not (t[:1].isupper() and t[1:].islower() and t.isalpha()) or w.lows[i] in _FUNCTION:
        return False  # (a lone "I" has no lower-case letters, so it is never capitalised-inside)
    return i > 0 and not any(map(".!?\n:".__contains__, text[w.ends[i - 1]:w.starts[i]]))


_DONE_WITH = frozenset({"took", "take", "taking", "caught", "catch", "booked", "book", "got", "get", "rode", "ride",
                        "boarded", "flew", "fly", "ordered", "bought", "used", "tried", "on", "from", "via"})
"""Words that open a sentence before a name ("Took Northeast Regional 171 from Penn"): never part of the name."""


def _named(w: _Words, i: int, text: str, vocab: _Vocab, common: frozenset[str],
           shouting: bool) -> _Candidate | None:
    """A product or service named by the customer ("my ps4", "Photoshop CS6", "Yahoo Mail", "GTA V").

    A name is a plainly product-like token, or a capitalised word inside a sentence that another
    product-like token or a thing's noun follows ("Photoshop CS6", "Yahoo Mail"); a capitalised word
    alone is more often a person or a place, and is never taken.
    """
    strong = _product_like(text, w, i, common, shouting)
    if not strong and not _titled(w, i, text, common):
        return None
    texts, lows, starts, ends = w
    end = i + 1
    while end < len(texts) and end - i < 3 and ends[end - 1] + 1 == starts[end] and text[ends[end - 1]] != "." and (
            _product_like(text, w, end, common, shouting) or lows[end] in vocab.head_words
            or (len(texts[end]) == 1 and texts[end].isupper() and texts[end] not in "IA")
            or (texts[end].isdigit() and not _in_number(text, w, end))):
        end += 1
    if not strong and end == i + 1:
        return None
    while _sequel(texts[end - 1]) and i > 0 and ends[i - 1] + 1 == starts[i] and _capital_inside(w, i - 1, text):
        i -= 1  # "Black Ops 4", "Red Dead Redemption 2": the capitalised words before a numbered title belong to it
    while (i > 0 and end - i < 4 and ends[i - 1] + 1 == starts[i] and lows[i - 1] not in _DETERMINERS
           and lows[i - 1] not in _NOT_MODIFIERS and lows[i - 1] not in _DONE_WITH
           and _capital_inside(w, i - 1, text)):
        i -= 1  # "a large Hot Honey pizza": a common word written with a capital inside a name is part of it
    first = i
    determiner = None
    # "the" only before a name that ends in a thing: "the Piccadilly line announcer", not "the MSM"
    if first > 0 and lows[first - 1] in ("my", "our", "your", "ur", "the") and ends[first - 1] + 1 == starts[i] and (
            lows[first - 1] != "the" or lows[end - 1] in vocab.head_words):
        first -= 1
        determiner = lows[first]
    elif _bought_a(lows, first):
        # "bought a Volta X5 soundbar", "ordered a large Hot Honey pizza": the customer's own, so "your Volta X5",
        # never "Volta X5 stopped working"
        return _Candidate(first, i, end, end, True, None, True)
    return _Candidate(first, i, end, end, True, determiner, True, proper=determiner is None)


def _extend(w: _Words, cand: _Candidate, vocab: _Vocab) -> _Candidate:
    """Add "on my flight" / "at the Leeds store" after a phrase when it names a second thing."""
    lows = w.lows
    j = cand.last
    if j + 1 >= len(lows) or lows[j] not in _LINKS or w.ends[cand.last - 1] + 1 != w.starts[j]:
        return cand
    k = j + 1
    if lows[k] in _DETERMINERS:
        k += 1
    start = k
    while k < len(lows) and k - start < _MAX_MODIFIERS and _head_at(w, k, vocab) is None and _is_modifier(
            w, k, vocab):
        k += 1
    if k < len(lows):
        found = _head_at(w, k, vocab)
        if found is not None and lows[j] != "for":
            return cand._replace(last=found[0])
    return cand


def _reply_form(w: _Words, cand: _Candidate, shouting: bool, known: frozenset[str]) -> str:
    words: list[str] = []
    lows = w.lows
    named = False  # the word before was a name kept with its capital ("Castle Street", "Piccadilly Line")
    for n in range(cand.first, cand.last):
        low = lows[n]
        text = w.texts[n].replace("\u2019", "'")
        if low in _DETERMINERS and (n == cand.first or lows[n - 1] in _LINKS):
            mine = low in ("your", "ur") and cand.yours and n == cand.first
            words.append("your" if mine else _DETERMINERS[low])  # "your account" stays the customer's
            named = False
            continue
        # "Black Ops 4": the words of a numbered title keep their capitals
        title = n + 1 < cand.last and w.texts[n + 1][:1].isupper() and (
            _sequel(w.texts[cand.last - 1]) or _title_word(w.texts[n + 1]))  # ... and so do "Hot Honey"'s
        if shouting or (text.isupper() and len(text) > 4) or (text[:1].isupper() and text[1:].islower()
                                                               and low in known and not named and not title):
            text = text.lower()  # a shouted word, or a common word written with a capital ("Bonus money")
        named = text[:1].isupper() and text[1:].islower() and text.isalpha()
        words.append(text)
    if cand.determiner is None and not cand.proper:
        words.insert(0, "your" if cand.yours else "the")
    elif cand.determiner is None and lows[cand.last - 1] in _THING_ENDS:  # "the MacOS app", "your Microsoft account"
        words.insert(0, "your" if lows[cand.last - 1] in _CUSTOMERS_THINGS else "the")
    return " ".join(words)


_NOT_COMPOUND_ENDS = frozenset({"number", "numbers", "ref", "reference", "id", "show", "charge", "charges", "search",
                                "watch", "booking", "order", "orders", "status", "account"})
"""Heads that do not make a compound thing of the head before them ("my order number" is about the order)."""


def _compound(cand: _Candidate, best: _Candidate, lows: Sequence[str]) -> bool:
    """Whether a candidate reads the best one further into a compound noun ("our first car" -> "our first car loan").

    The new head follows the old phrase at once, and is no attribute of it ("my order number").
    """
    return (cand.first == best.first and cand.head_start == best.last and cand.last > best.last
            and lows[cand.head_end - 1] not in _NOT_COMPOUND_ENDS)


def _score(cand: _Candidate, w: _Words, situation_spans: Sequence[tuple[int, int]]) -> float:
    score = 0.0
    head_end, head_start = w.ends[cand.head_end - 1], w.starts[cand.head_start]
    tied = any(s < head_end and head_start < e for s, e in situation_spans)
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
    before = w.lows[cand.first - 1] if cand.first else ""
    if before in _FIXES or (before in _USED and cand.first > 1 and w.lows[cand.first - 2] in _I):
        score -= 2.0  # "reinstalled and updated my iOS", "I used my email": a fix tried, or a means, not the fault
    return score - 0.02 * cand.first


_PERCENT = re.compile(r"(\d+)%")
_WORKING = re.compile(r"\b(?:works?|working|worked)(?: (?:fine|perfectly|great|ok|okay|well))? "
                      r"(?:in|on|with|through|from) ([^,.;!?]{1,40}?),? but not\b", re.IGNORECASE)
"""Where the thing works, before "but not" ("Premium works in my YouTube app but not on desktop"): the subject is
what fails, never the place it works."""


_FIXES = frozenset({"updated", "reinstalled", "re-installed", "uninstalled", "restarted", "rebooted",
                    "cleared", "upgraded", "downgraded"})
"""Verbs of a fix the customer tried: what they act on ("updated my iOS") is seldom what the post is about."""
_USED = frozenset({"used", "using"})
_I = frozenset({"i", "i've", "ive", "i'm", "im", "we", "we've"})
"""What the customer did it with ("when I paid I used my email") is seldom the subject; what someone else is using
("someone is using my account") is."""
_BOUGHT = frozenset({"bought", "ordered", "purchased", "got", "received", "buy", "order", "purchase"})
"""Verbs of buying: "bought a Volta X5" makes the product the customer's own."""
_REMEDIES = frozenset({"replacement", "refund", "repair", "exchange", "callback", "credit", "voucher",
                       "compensation", "engineer", "technician", "apology", "discount"})
_WANTED = re.compile(r"\b(?:want|wants|wanted|need|needs|demand|demanding|expect|expecting|asking for|asked for|"
                     r"requested|requesting|give me|send me|get me|offered|offering)\s+(?:a|an|my|the|me a)?\s*$",
                     re.IGNORECASE)
"""What the customer asks for ("want a replacement not a repair"): the remedy, never the thing the post is about."""
_ANSWERED = re.compile(
    r"\b(?:(?:pick|picks|picked|picking)\s+up|answer|answers|answered|answering|on)\s+$", re.IGNORECASE)
"""The phone as a way to reach someone ("store won't pick up the phone", "on the phone for an hour"): no subject."""
_HANDLE_SUFFIX = re.compile(r"(?:help|helps|support|care|cares|uk|hq|official|app|team|us|usa)+$")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’]*)*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _brand_spans(text: str, tokens: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the post writes out the name of a brand it tags ("the Kettle & Crumb at Westgate ... @KettleCrumb").

    A subject inside it would be the brand's own name read as a thing ("the kettle"), never what the
    customer wrote about.
    """
    names = set()
    for token in compress(tokens, map(str.startswith, tokens, repeat("@"))):  # the scan's tokens keep the '@'
        handle = token[1:].split("'", 1)[0]  # "@brand's": the handle is "brand"
        if len(handle) >= 3:
            names.add(handle)
            names.add(_HANDLE_SUFFIX.sub("", handle))
    names.discard("")
    if not names:
        return ()
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        start, end = m.span()
        if end - start < 5 or (start and text[start - 1] == "@"):
            continue  # a name of five letters or more is at least five characters long
        letters = _NOT_ALNUM.sub("", m.group().lower().replace(" and ", " "))
        if len(letters) >= 5 and letters in names:
            out.append((start, end))
    return tuple(out)


_OWNED = frozenset({"my", "our", "his", "her", "their", "mine"})
"""A customer's own thing keeps the brand's name ("my PlayStation 5")."""


def _in_brand(brand: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a candidate's head word lies inside the brand's written name ("the Kettle" of "Kettle & Crumb")."""
    return any(b_start <= start and end <= b_end for b_start, b_end in brand)


def read_subject(text: str, pii: Sequence[PiiMatch], situation_hits: Sequence[Hit],
                 tokens: Sequence[str]) -> tuple[Subject | None, str]:
    """Find the post's subject; ``situation_hits`` are the hits of the situation read for it.

    ``tokens`` are the scan's tokens (``situation_hits`` index them); they are
    mapped to character spans of ``text`` here. Returns the subject (or
    ``None``) and a reason.
    """
    vocab = _vocab()
    w = _words(text)
    texts, lows, starts, ends = w
    if not texts:
        return None, ""
    spans: list[tuple[int, int]] | None = None  # worked out for the first candidate worth scoring
    # shouting needs more than 12 letters, over 60% of them capitals: so at least 8 capitals
    if text.isascii():
        letters, capitals = ascii_letters(text)
    else:
        capitals = len(_UPPER.findall(text))
        letters = len(_LETTER.findall(text)) if capitals >= 8 else 0
    shouting = letters > 12 and capitals > 0.6 * letters
    best: tuple[float, _Candidate] | None = None
    tagged = "@" in text
    brand: tuple[tuple[int, int], ...] | None = None  # where a tagged brand's name is written, when first needed
    common = _common()
    kinds = list(map(_kind, texts))
    working = [m.span(1) for m in _WORKING.finditer(text)] if "but not" in text.lower() else []
    i = 0
    for at in compress(range(len(texts)), kinds):
        if at < i:
            continue  # inside the phrase before
        kind = kinds[at]
        cand = _phrase(w, at, vocab) if kind & _HEAD else None
        if cand is None and kind & _NAME:
            cand = _named(w, at, text, vocab, common, shouting)
        if cand is None:
            continue
        if not cand.named:  # "the wifi on my flight"; a product's name stands alone
            cand = _extend(w, cand, vocab)
        start, end = starts[cand.first], ends[cand.last - 1]
        greeting = cand.first <= _OPENING and cand.determiner is None and lows[cand.head_end - 1] in _ADDRESSED
        clean = (not greeting and not (pii and any(start < p.end and p.start < end for p in pii))
                 and end - start <= _MAX_CHARS
                 and not _CLAUSE_BREAK.search(text, start, end)  # "picked up, restaurant": two clauses, no thing
                 and not text.startswith("%", end)  # "Summer Sale 30" cut from "Summer Sale 30% off"
                 and not _NUMBERED_PLACE.search(text, start, end)  # "sitting at ATL gate B14": a place
                 and not any(s <= start and end <= e for s, e in working)  # "works in my app but not on desktop"
                 and not (lows[cand.last - 1].isdigit() and AGE_AFTER.match(text, end))  # "Minecraft 2 years ago"
                 and not (lows[cand.head_end - 1] in _REMEDIES and _WANTED.search(text, max(0, start - 24), start))
                 and tuple(lows[cand.first:cand.last]) not in _CONTACT_DETAILS  # "asked for my number"
                 # "Service status page says all systems operational": what the page says, not the trouble
                 and not (lows[cand.head_end - 1] in _SOURCE_HEADS and _SAYS.match(text, end))
                 and not _SOURCE_SAYS.match(text, end)
                 and not (lows[cand.head_end - 1] == "phone" and lows[cand.first] == "the"
                          and _ANSWERED.search(text, max(0, start - 20), start)))
        if clean and tagged and lows[cand.first] not in _OWNED:
            if brand is None:  # only a post that tags a handle has a brand's name; found for the first candidate
                brand = _brand_spans(text, tokens)
            clean = not _in_brand(brand, starts[cand.head_start], ends[cand.head_end - 1])
        if clean:
            if spans is None:
                spans = _hit_spans(w, tokens, situation_hits)
            score = _score(cand, w, spans)
            if score >= _MIN_SCORE and (best is None or score > best[0] or (
                    score == best[0] and _compound(cand, best[1], lows))):
                best = (score, cand)
        i = cand.last
    if best is None:
        return None, ""
    cand = best[1]
    start, end = starts[cand.first], ends[cand.last - 1]
    head = " ".join(lows[cand.head_start:cand.head_end])
    reply = _reply_form(w, cand, shouting, _common())
    if "%" in text[start:end]:  # the words drop the sign: "your 10% discount", not "your 10 discount"
        for number in _PERCENT.findall(text, start, end):
            reply = re.sub(rf"\b{number}\b(?!%)", number + "%", reply, count=1)
    subject = build(Subject, text=text[start:end], reply=reply, head=head,
                      start=start,
                      end=end, plural=head.endswith("s") and head not in _SINGULAR_S and not head.endswith("ss"))
    return subject, f"subject: '{subject.text}'"


@cache
def _common() -> frozenset[str]:
    """Common words (the lexicon's and the subject lists'): never proper names, so never capitalised in a reply."""
    from carevoice.concentrate.lexicon import lexicon

    vocab = _vocab()
    return lexicon().known | vocab.head_words | vocab.modifiers


_FORMATS = frozenset({"mp4", "mp3", "m4a", "m4v", "h264", "h265", "mov", "avi", "mkv", "wav", "flac", "pdf", "jpg",
                      "jpeg", "png", "gif", "heic", "raw", "csv", "docx", "xlsx", "pptx", "zip", "exe", "dmg", "apk",
                      "iso", "utf8", "4k", "8k", "1080p", "720p", "1440p", "2160p", "60fps", "30fps"})
"""File formats and resolutions: "export a video project as a mp4" names no product ("let's get mp4 back up and
running")."""


@cache
def _never_named() -> frozenset[str]:
    """Words that never start a product's name (:func:`_product_like` and :func:`_titled` refuse them)."""
    return _common() | _FUNCTION | _FORMATS


_HEAD, _NAME = 1, 2


@lru_cache(maxsize=65536)
def _kind(word: str) -> int:
    """What may start at a word: a phrase (:data:`_HEAD`, at a head noun), a name (:data:`_NAME`), both or none.

    A name starts only at a capital or a digit (a word not all lower-case letters) that is not a common
    word, a handle or a hashtag.
    """
    low = word.lower().replace("\u2019", "'")
    nameable = not (word.islower() and word.isalpha()) and low not in _never_named() and word[0] not in "@#"
    return (_HEAD if low in _vocab().heads else 0) | (_NAME if nameable else 0)


def _hit_spans(w: _Words, tokens: Sequence[str], hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """Character spans of scan hits, found by matching the scan's tokens to this module's tokens in order."""
    if not hits:
        return []
    # the scan's tokens skip links and may differ in spelling; align on lower-case words, in order
    positions: list[tuple[int, int] | None] = []
    lows = w.lows
    j = 0
    count = len(lows)
    for token in tokens[:max(h.end for h in hits)]:  # no hit reaches further
        if j < count and lows[j].startswith(token):  # mostly the next word: as the loop below finds it first
            positions.append((w.starts[j], w.ends[j]))
            j += 1
            continue
        found = None
        bare = token.strip("@")
        for k in range(j, min(j + 6, count)):
            low = lows[k]
            if low.startswith(token) or low.strip("@#") == bare:  # mostly the same word: no strip
                found = (w.starts[k], w.ends[k])
                j = k + 1
                break
        positions.append(found)
    spans = []
    for h in hits:
        inside = [p for p in positions[h.start:h.end] if p is not None]
        if inside:
            spans.append((inside[0][0], inside[-1][1]))
    return spans
