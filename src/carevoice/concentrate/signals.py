"""Signals beside the situation: abuse, spam, praise and questions.

- **abuse** is aimed at the brand or its people: an insult with a target
  ("you", "your staff", an ``@handle``) just before it or "you" right after,
  a directed curse or threat, or a slur. Harsh criticism ("this update is
  total bull", "you are terrible") is not abuse.
- **spam** sums promotional phrases, crypto wallet addresses and link-only
  posts.
- **praise** sums thanks and compliments.
- **question** scores clear information-seeking forms ("how do I", "is
  there") above requests and complaints phrased as questions ("why is...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from carevoice.concentrate.evidence import gather
from carevoice.concentrate.keywords import Hit, Scan
from carevoice.concentrate.lexicon import lexicon

__all__ = ["Abuse", "read_abuse", "read_praise", "read_question", "read_spam"]

_TARGET_BEFORE = 2
"""At most this many words (fillers aside) may stand between a target and the insult after it."""
_LOOK_BACK = 8
"""How far back a target is looked for, fillers included."""
_WALLET = re.compile(r"\b(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,60}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b")
_WORD = re.compile(r"[@#]?[^\W_]+(?:['\u2019][^\W_]+)?")


_CURSE = re.compile(r"go to hell|(?:just |hope you |hope u )?go (?:bankrupt|bust(?: already)?|under)|"
                    r"(?:i'll|i will|ill|i'm gonna|im gonna|i'm going to) (?:drag|batter|deck|smack|slap|punch|lamp|"
                    r"knock out) (?:him|her|them|that driver|the driver)|"
                    r"should(?: all)? (?:be|get) (?:fired|shot|launched|thrown)(?: out of a cannon)?"
                    r"(?: into (?:the sun|space|a volcano))?")
"""A curse wished on the company, not on a person ("go bust", "whoever runs your ATL operation should be launched
into the sun"), or a threat made in anger at a colleague ("I'll drag him out of that cab"): beside a real complaint
it is anger, answered, not abuse to ignore; alone it is abuse."""


class Abuse(NamedTuple):
    """Whether a post is abusive, whether that is a threat or slur, and why."""

    abusive: bool
    severe: bool
    """A directed curse, threat or slur (not only an insult)."""
    reason: str
    curse: bool = False
    """Every severe word is a curse wished on the company ("go to hell", "hope you go bust"): rude, no threat."""


def read_abuse(found: Scan) -> Abuse:
    """Find abuse aimed at the brand or its staff."""
    abuse, tokens = found.family("abuse"), found.tokens
    if not abuse:
        return Abuse(False, False, "")
    severe = [h for h in abuse if h.key == "slurs" or (h.key == "direct" and not _reported(h, tokens))]
    if severe:
        return Abuse(True, True, "abuse: " + ", ".join(h.label for h in severe[:3]),
                     curse=all(_CURSE.fullmatch(h.label.strip("'")) for h in severe))
    targets: set[int] = set()
    for hit in abuse:
        if hit.key == "targets":
            targets.update(range(hit.start, hit.end))
    targets.update(i for i, token in enumerate(tokens) if token[0] == "@")
    fillers = _fillers()
    for hit in abuse:
        if hit.key != "insults" or (hit.start and tokens[hit.start - 1] in _NAMED_THINGS):
            continue  # "the percy pigs have gone rogue": a sweet, not an insult
        target = _target_before(hit.start, tokens, targets, fillers)
        if target is None and hit.end in targets:
            target = hit.end  # "idiots, you"
        if target is not None:
            return Abuse(True, False, f"abuse: {hit.label} aimed at '{tokens[target]}'")
    return Abuse(False, False, "")


_THIRD_PERSON = frozenset({"he's", "she's", "hes", "shes", "he", "she", "they", "they're", "theyre", "guy", "man",
                           "bloke", "woman", "lad", "someone", "somebody", "passenger", "customer"})
"""Who a threat is reported of: "a guy shouting that he's going to stab someone" tells of a danger, aims at no one."""


_SAID = frozenset({"said", "says", "saying", "told", "telling", "texted", "messaged", "threatened", "shouted",
                   "yelled", "screamed", "goes", "went"})
"""Saying words just before a threat that make it reported speech ("said 'I know where you live now'")."""


def _reported(hit: Hit, tokens: Sequence[str]) -> bool:
    """Tell whether a direct threat is another person's, which the customer reports.

    "he's going to stab someone"; "your driver just threatened me... said 'I know where you live now'": the words
    are quoted after a saying word, a threat made to the customer, not by them.
    """
    before = tokens[max(0, hit.start - 3):hit.start]
    if not _SAID.isdisjoint(before):
        return True
    return tokens[hit.start] in ("going", "gonna") and not _THIRD_PERSON.isdisjoint(before)


@cache
def _fillers() -> frozenset[str]:
    return frozenset(str(w) for w in lexicon().data["abuse"]["fillers"])


_NAMED_THINGS = frozenset({"percy", "guinea", "peppa", "toy", "chocolate", "jelly", "gummy", "sweet"})
"""Words before an insult word that make it a thing's name ("percy pigs", "guinea pigs"), aimed at no one."""
_OTHER_PEOPLE = frozenset({"friends", "friend", "mates", "mate", "roommate", "roommates", "flatmate", "flatmates",
                           "kids", "children", "husband", "wife", "partner", "brother", "sister", "family", "dad",
                           "mum", "mom", "parents", "neighbours", "neighbors", "colleagues", "coworkers", "ex"})
"""People of the customer's own between a target word and an insult ("your friends are idiots" in a warning asked
for): the insult is aimed at them, not at the brand."""


def _target_before(start: int, tokens: Sequence[str], targets: set[int], fillers: frozenset[str]) -> int | None:
    """Return the index of a target shortly before an insult, skipping filler words."""
    others = 0
    for i in range(start - 1, max(-1, start - 1 - _LOOK_BACK), -1):
        if i in targets:
            return i
        if tokens[i] in _OTHER_PEOPLE:
            return None
        if tokens[i] not in fillers:
            others += 1
            if others > _TARGET_BEFORE:
                return None
    return None


def read_spam(found: Scan, text: str) -> tuple[float, str]:
    """Spam evidence (summed weight) and a reason when there is any.

    Promotional phrases weigh by tier; a crypto wallet address and a post that
    is nothing but links (and handles) weigh 3 each.
    """
    score, labels = 0.0, []
    evidence = gather(found.family("spam")).get("spam")
    if evidence:
        score, kept = evidence
        labels = [h.label for h in kept[:3]]
    tokens = found.tokens
    if tokens and max(map(len, tokens)) >= 26 and _WALLET.search(text):
        score += 3.0
        labels.append("a wallet address")
    if found.links and all(t[0] == "@" for t in tokens):
        score += 3.0
        labels.append("link only")
    return score, ("spam: " + ", ".join(labels) if labels else "")


_WISHED = frozenset({"would", "i'd", "id", "we'd", "wed", "wd", "it'd", "itd"})
"""Words before kind words that make them a wish: "would love it if you stocked...", "it'd be great if"."""


def _wished(tokens: Sequence[str], hit: Hit) -> bool:
    """Whether kind words are a wish for something not yet done ("would love it if", "great if you could")."""
    return ((hit.end < len(tokens) and tokens[hit.end] == "if")
            or any(t in _WISHED for t in tokens[max(0, hit.start - 2):hit.start]))


def read_praise(found: Scan) -> tuple[float, list[Hit]]:
    """Praise evidence (summed weight) and its hits.

    Praise under a negation ("not impressed") is none, and so is a wish ("would love it if you stocked the petite
    range").
    """
    negators = lexicon().negators
    tokens = found.tokens
    hits = [h for h in found.family("praise")
            if (tokens[h.start] in negators or not any(t in negators for t in tokens[max(0, h.start - 3):h.start]))
            and not _wished(tokens, h)]
    evidence = gather(hits).get("praise")
    return evidence if evidence else (0.0, [])


@cache
def _openers() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon().data["question_openers"]
    return frozenset(str(w).lower() for w in data["words"]), frozenset(str(w).lower() for w in data["skip"])


def _opened_question(text: str) -> str | None:
    """Return the first word of the first sentence ending in '?' that opens like a question."""
    openers, skip = _openers()
    low = text.lower()
    end = low.find("?")
    while end != -1:
        start = max(low.rfind(".", 0, end), low.rfind("!", 0, end), low.rfind("?", 0, end), low.rfind("\n", 0, end))
        for found in _WORD.finditer(low, start + 1, min(end, start + 80)):  # only as far as the first word
            word = found.group()
            if word in skip or word[0] in "@#":
                continue
            if word in openers:
                return str(word)
            break
        end = low.find("?", end + 1)
    return None


_SHORT_QUESTION = 20
"""A post of at most this many words that opens like a question is one, even without a '?'."""
_PLAIN_OPENERS = frozenset({"is", "are", "does", "do", "can", "could", "will", "would", "what", "what's", "whats",
                            "when", "when's", "whens", "where", "where's", "which", "who", "how", "any"})
"""Openers that ask without a '?' ("does it work on pc"); "why" and "was" more often open a complaint."""
_EXCLAIMS = re.compile(r"^[^a-z]*(?:@\w+\s+)*(?:what an?|how (?:lovely|nice|good|great|kind|cool|amazing|brilliant|"
                       r"fun|sweet|funny|rude|annoying))\b", re.IGNORECASE)
"""An opening that exclaims rather than asks ("what a feast last night, thank you"): no question without a '?'."""


_RHETORICAL = re.compile(
    r"\b(?:who (?:is|are|'s|’s) (?:doing|running|designing|writing) (?:your|ur|this|these)\b[^?.!\n]*|"
    r"who (?:thought|decided) (?:this|that|it)\b[^?.!\n]*|what am i (?:even )?paying (?:you )?for|"
    r"how is (?:this|that|it) (?:even )?(?:legal|fair|acceptable|ok|okay|allowed)|"
    r"are you (?:serious|kidding|joking)\b[^?.!\n]*|"
    r"is this a joke|do you (?:even )?care(?: at all)?)(?:\s*\?+|\W*$)",
    re.IGNORECASE)
"""A question that asks nothing ("who is doing your sizing?", "what am I paying for?", "how is this legal?"): a
complaint's verdict, with no answer to find."""


def read_question(found: Scan) -> tuple[float, bool, str]:
    """Question evidence, whether the post asks anything, and a reason.

    A question mark outside links adds 1 and marks the post as a question; a
    sentence ending in '?' that opens like a question ("Is there...?",
    "Where...?") adds 2 more; clear forms anywhere ("how do I", "is there")
    weigh 3, weak ones ("can you", "why is") 1.
    """
    score, labels = 0.0, []
    evidence = gather(found.family("question")).get("question")
    if evidence:
        score, kept = evidence
        labels = [h.label for h in kept[:3]]
    plain = found.plain
    plain, rhetorical = _RHETORICAL.subn(".", plain)
    if rhetorical:
        # "who is doing your sizing?": its words ("who is") and its mark ask nothing; a question left beside it
        # still counts
        if "?" not in plain:
            score, labels = 0.0, []
        labels.append("rhetorical")
    asks = "?" in plain
    if asks:
        score += 1.0
        labels.append("'?'")
        opener = _opened_question(plain)
        if opener is not None:
            score += 2.0
            labels.append(f"opens with '{opener}'")
    elif len(found.tokens) <= _SHORT_QUESTION:
        opener = _opened_question(plain + "?")  # "is the Pulse 12 waterproof @Veltro": a question without its mark
        if opener is not None and opener in _PLAIN_OPENERS and not _EXCLAIMS.search(plain):
            score += 3.0
            labels.append(f"opens with '{opener}' (no '?')")
    question = asks or score >= 3.0
    return score, question, ("question: " + ", ".join(labels) if labels else "")
