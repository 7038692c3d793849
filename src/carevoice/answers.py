"""Answers: matching a post to the brand's answers to common questions (rapidfuzz and the reading).

A bank's ``answers`` each list the ways customers ask one question. A post is
compared with every phrasing after both are cleaned (mentions, links and
punctuation removed, lower case): the score of a phrasing is the mean of
rapidfuzz's ``token_set_ratio`` (all the phrasing's words are in the post) and
``partial_ratio`` (the phrasing appears nearly as written), and an answer
scores its best phrasing; a phrasing's topic words (words only one or two of the
bank's answers use) must be in the post for it to count at all. The reading adjusts it: an answer written for the
situation read gains, one written for another specific situation loses. An
answer is used only when the match is clear: at least the bank's
``answer_threshold`` and ahead of every other answer by ``answer_margin``; an answer that quotes money in
one currency is never used for a post that counts in another. :func:`tried_already` tells when
the post says the answer's steps were tried; the drafter then gives no answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, utils

from carevoice._plain import Reading
from carevoice.bank.resolved import Answer, Bank
from carevoice.variables import post_region

__all__ = ["AnswerMatch", "match_answer", "tried_already"]

_NOISE = re.compile(r"@\w+|https?://\S+|www\.\S+")
_SAME_SITUATION = 6.0
_OTHER_SITUATION = -8.0
_MIN_WORDS = 3
"""A phrasing shorter than this many words only counts when the post is nearly that short too."""
_BROAD = frozenset({"general", "general_question", "praise", "abuse", "spam"})
_MONEY = {"£": "£", "$": "$", "€": "€", "₹": "₹", "pounds": "£", "quid": "£", "gbp": "£", "dollars": "$", "usd": "$",
          "aud": "$", "cad": "$", "nzd": "$", "euros": "€", "euro": "€", "eur": "€", "rupees": "₹", "rs": "₹",
          "inr": "₹"}
_MONEY_WORD = re.compile("[" + re.escape("".join(w for w in _MONEY if not w.isalpha())) + r"]|\b(?:"
                         + "|".join(w for w in _MONEY if w.isalpha()) + r")\b", re.IGNORECASE)
"""Currencies by sign or name: an answer that quotes pounds is no answer to a post that counts in dollars (or that
names a Canadian network)."""
_REGION_MONEY = {"GB": "£", "NI": "£", "US": "$", "CA": "$", "AU": "$", "NZ": "$", "IN": "₹", "IE": "€"}
"""The currency of the region a post's places point to, for a post that names no money ("Interac e-transfer")."""


def _currencies(text: str) -> frozenset[str]:
    return frozenset(_MONEY[m.group().lower()] for m in _MONEY_WORD.finditer(text))


@lru_cache(maxsize=1024)
def _quoted(texts: tuple[str, ...]) -> frozenset[str]:
    """The currencies an answer's texts quote (read once per answer, not once per post)."""
    return _currencies(" ".join(texts))


def _post_money(text: str) -> frozenset[str]:
    """The currencies a post counts in: those it names, else its region's."""
    named = _currencies(text)
    if named:
        return named
    region = post_region(text)
    return frozenset({_REGION_MONEY[region]}) if region in _REGION_MONEY else frozenset()


@dataclass(frozen=True)
class AnswerMatch:
    """The answer matched to a post, its score, the runner-up's score and the phrasing that matched."""

    answer: Answer
    score: float
    runner_up: float
    question: str


@lru_cache(maxsize=4096)
def _clean(text: str) -> str:
    return utils.default_process(_NOISE.sub(" ", text))


_RARE = 2
"""A word in the phrasings of at most this many answers names what those answers are about ("dog", "esim")."""


_DIGIT = re.compile(r"[0-9]")
"""A short word with a digit ("5g", "4k") names a topic as well as a long word does."""


@lru_cache(maxsize=64)
def _topics(questions: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    """Each phrasing's topic words: its words that only one or two of the bank's answers use.

    A topic word has three letters or more, or is a short word with a digit: "how do I get 5g" is about 5G, not
    about getting something.
    """
    seen: dict[str, int] = {}
    for phrasings in questions:
        for word in {w for q in phrasings for w in _clean(q).split()}:
            seen[word] = seen.get(word, 0) + 1
    rare = frozenset(w for w, n in seen.items() if n <= _RARE and (len(w) > 2 or _DIGIT.search(w)))
    return {q: frozenset(w for w in _clean(q).split() if w in rare) for phrasings in questions for q in phrasings}


_FUNCTION = frozenset({
    "how", "what", "whats", "when", "where", "which", "who", "why", "can", "could", "does", "did", "will", "would",
    "should", "are", "was", "were", "has", "have", "had", "the", "and", "for", "you", "your", "yours", "our", "ours",
    "mine", "any", "there", "here", "this", "that", "these", "those", "with", "from", "into", "onto", "about", "get",
    "got", "change", "use", "using", "need", "want", "make", "set", "put", "take", "give", "find", "see", "still",
    "not", "don", "dont", "cant", "cannot", "its", "it's", "much", "many", "long", "one", "way", "now", "today",
    "please", "help", "again", "just", "also", "some", "all", "out", "off", "yet", "tell", "know", "someone"})
"""Words that say how a question is asked, not what it is about: "how do I change my PIN" is about the PIN."""


@lru_cache(maxsize=4096)
def _content(question: str) -> frozenset[str]:
    """A phrasing's words that say what it is about (three letters or more, not a word of :data:`_FUNCTION`)."""
    return frozenset(w for w in _clean(question).split() if len(w) > 2 and w not in _FUNCTION)


def _names_its_topic(topic: frozenset[str], words: frozenset[str], by_start: dict[str, list[str]]) -> bool:
    """Whether a phrasing's topic words (if it has any) are in the post.

    "can I bring my dog" is no answer to "can I bring my breast pump on board", however alike the rest is. A
    word counts as named when it or its singular is in the post, or a post word of four letters or more starts
    with it or is its start ("forgotten" for "forgot"); ``by_start`` holds those post words by their first four.
    """
    return not topic or any(w in words or w.rstrip("s") in words or any(
        p.startswith(w) or w.startswith(p) for p in by_start.get(w[:4], ())) for w in topic)


_TRIED = re.compile(
    r"\b(?:tried|already (?:reset|checked|restarted|reinstalled|updated|cleared|followed|used|done|did|signed)|checked|"
    r"(?:pre-?)?booked|requested|arranged|"
    r"done that|did that|followed|(?:website|site|app|tracking|tracker|status page) (?:says|said|shows|showed)|"
    r"(?:never|not|doesn'?t|didn'?t|won'?t|isn'?t)"
    r" (?:arriv\w*|com\w*|work\w*|show\w* up|load\w*|sent|receiv\w*))\b", re.IGNORECASE)
"""Words telling that the customer already did something ("tried two browsers", "checked spam", "reset email never
arrives", "your website says on time": the website was looked at; "booked special assistance 2 weeks ago": the
assistance was asked for)."""
_CLAUSE = re.compile(r"[.,;:!?\n]+|\band\b|\bbut\b")
_COMMON = frozenset({"your", "with", "this", "that", "have", "from", "just", "still", "they", "them", "then", "when",
                     "what", "will", "been", "into", "times", "time", "today", "again", "even", "also", "only"})
"""Words too common to tell which steps were tried."""
_STEP_WORDS = 2
"""An answer sharing this many words with the clauses of what was tried gives back the steps that failed."""


def tried_already(text: str, answer: Answer) -> bool:
    """Whether the answer's steps are what the post says was done already ("checked spam" beside "check spam")."""
    tried: set[str] = set()
    for clause in _CLAUSE.split(text):
        if _TRIED.search(clause):
            tried.update(w for w in _clean(clause).split() if len(w) > 3)
    if not tried:
        return False
    tried -= _COMMON
    said = {w for t in answer.texts for w in _clean(t).split()}
    said |= {w[:-1] for w in said if w.endswith("s")}
    return sum(1 for w in tried if w in said or w.rstrip("s") in said) >= _STEP_WORDS


def _score(post: str, question: str) -> float:
    q = _clean(question)
    if not q:
        return 0.0
    if len(q.split()) < _MIN_WORDS and len(post.split()) > 3 * max(1, len(q.split())):
        return 0.0
    return (fuzz.token_set_ratio(post, q) + fuzz.partial_ratio(q, post)) / 2


def match_answer(text: str, reading: Reading, bank: Bank, *, channel: str) -> AnswerMatch | None:
    """The bank's answer to this post when the match is clear, else ``None``."""
    if not bank.answers:
        return None
    post = _clean(text)
    if not post:
        return None
    scored: list[tuple[float, str, Answer]] = []
    topics = _topics(tuple(tuple(a.questions) for a in bank.answers))
    words = frozenset(post.split())
    words |= frozenset(w[:-1] for w in words if w.endswith("s"))
    money = _post_money(text)
    by_start: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 4:
            by_start.setdefault(word[:4], []).append(word)
    for answer in bank.answers:
        if answer.channels and channel not in answer.channels:
            continue
        quoted = _quoted(answer.texts) if money else frozenset()
        if quoted and not quoted & money:
            continue  # "$8k deposit" is not answered by "up to £10,000 a day"
        # a phrasing counts only where the post names its topic and at least one of its content words ("how do i
        # change the primary bank account" is no match for "how do i change my pin")
        best, which = max(((_score(post, q) if _names_its_topic(topics[q], words, by_start)
                            and _names_its_topic(_content(q), words, by_start) else 0.0, q)
                           for q in answer.questions), default=(0.0, ""))
        if answer.situation and answer.situation not in _BROAD and reading.category not in _BROAD:
            best += _SAME_SITUATION if answer.situation == reading.category else _OTHER_SITUATION
        scored.append((best, which, answer))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[2].id))
    top, question, answer = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    settings = bank.drafting
    if top < settings.answer_threshold or top - runner_up < settings.answer_margin:
        return None
    return AnswerMatch(answer, round(top, 1), round(runner_up, 1), question)
