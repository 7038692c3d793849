"""Worst-case channel length: each phrase with long values beside its partners (CV901-CV903).

A phrase is judged inside every reply the Drafter can build around it: the
stage plans of its situation (``compose.STAGE_PLANS`` and the move-private
variant; out-of-hours when the bank has service hours), rendered with
worst-case values, plus the sign-off. Fit is judged the way the Drafter
judges it (``compose.shorten``): optional stages (greet, explain) are
dropped first, then shorter partners are chosen. So:

* CV901 (error): the phrase and the sign-off alone are over the limit.
* CV902 (warning): beside the *shortest* partners, optional stages dropped,
  the reply is over although the shortest reply without this phrase fits:
  the phrase itself is why the Drafter can never use it there.
* CV904 (warning): no reply for a situation fits a channel in the worst case,
  not even the shortest one (reported once per situation and channel).
* CV903 (info, opt-in): beside the *longest* partners the reply is over;
  the message names the worst combination, by how much, and what the
  Drafter would drop or swap.

Lengths are counted with :func:`carevoice.checks.measure` (X weighted). For
additive units the length of a combination is the sum of its parts plus the
joining spaces; combinations near or over the limit are measured exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from carevoice.bank.models import OPTIONAL_STAGES, SITUATIONS
from carevoice.bank.resolved import Bank, Phrase
from carevoice.checks import channel_limit
from carevoice.checks.channels import ChannelProfile, get_channel
from carevoice.checks.sms import GSM7_BASIC, GSM7_EXTENSION
from carevoice.compose import Candidate
from carevoice.lint._measure import _X_SPECIAL
from carevoice.lint._measure import measure_cached as _measure
from carevoice.lint._measure import surely_fits as _surely_fits
from carevoice.plan import possible_stage_plans

__all__ = ["LengthIssue", "SituationLength", "check_lengths", "replies_fit"]

Worst = Callable[[Phrase, ChannelProfile], str | None]
Part = tuple[str, Phrase, str]
_Ends = tuple[()] | tuple[int | None, int | None, tuple[str, ...]]


@dataclass(frozen=True)
class LengthIssue:
    """A phrase that does not fit a channel in the worst case."""

    phrase: Phrase
    code: str
    channel: str
    over: int
    message: str


@dataclass(frozen=True)
class SituationLength:
    """A situation with no reply short enough for a channel, in the worst case (CV904)."""

    situation: str
    channel: str
    message: str


_ASCII_GSM = re.compile(r"[A-Za-z0-9 !\"#$%&'()*+,\-./:;<=>?@_]*")
"""ASCII characters of the GSM-7 basic alphabet: one septet each, whatever case a join gives them."""


@lru_cache(maxsize=256)
def _stage_plans(situation: str, out_of_hours: bool) -> tuple[tuple[str, ...], ...]:
    return possible_stage_plans(situation, out_of_hours=out_of_hours)


@lru_cache(maxsize=1024)
def _plans_around(situation: str, out_of_hours: bool, stage: str) -> tuple[tuple[str, ...], ...]:
    """The other stages of each of the situation's plans with ``stage`` (in plan order, the stage left out)."""
    return tuple(tuple(other for other in plan if other != stage) for plan in _stage_plans(situation, out_of_hours)
                 if stage in plan)


_GSM7 = GSM7_BASIC | GSM7_EXTENSION

_CASE_SLACK = 16
"""The most joining adds to a part besides its space: ``join_parts`` may change the case of its first
character, and a few characters change into up to three (of up to four bytes each)."""


def _septets(text: str, *, ascii_only: bool) -> int | None:
    """GSM-7 septets of ``text`` (None outside GSM-7, or outside ASCII when a join may change its case)."""
    if ascii_only and not text.isascii():
        return None
    chars = set(text)
    if not chars <= _GSM7:
        return None
    return len(text) + sum(text.count(c) for c in chars & GSM7_EXTENSION)


@lru_cache(maxsize=65536)
def _plain(text: str, unit: str) -> bool:
    """:meth:`_Channel.plain` for a channel of this unit (the same in every bank: kept for the run)."""
    if unit == "segments":
        return bool(_ASCII_GSM.fullmatch(text))
    return text.isascii() and (unit != "weighted" or not _X_SPECIAL.search(text))


def _sms_septets(segments: int) -> int:
    """The most GSM-7 septets sure to fit in ``segments`` segments (a two-septet character never straddles)."""
    return 160 if segments == 1 else max(segments, 0) * 152


@dataclass(frozen=True)
class _Frame:
    """A reply plan around one stage: the other parts (shortest required, longest) and their lengths."""

    situation: str
    short: list[Part]
    long: list[Part]
    at_short: int
    at_long: int
    short_size: int
    long_size: int


class _Channel:
    """Everything about one channel: limit, sign-off, cached part lengths and stage options."""

    def __init__(self, bank: Bank, profile: ChannelProfile, worst: Worst, sign_off: str) -> None:
        self.bank, self.profile, self.worst, self.sign = bank, profile, worst, sign_off
        self.limit = channel_limit(profile, bank) or 0
        self.additive = profile.unit != "segments"
        self._options: dict[tuple[str, str, tuple[str, ...]], list[tuple[Phrase, str]]] = {}
        self._alone: dict[str, int] = {}
        self._frames: dict[tuple[str, str, tuple[str, ...]], list[_Frame]] = {}
        self._ids: dict[tuple[str, str, tuple[str, ...]], frozenset[str]] = {}
        self._cells: dict[tuple[str, str], list[tuple[Phrase, str]]] = {}
        self._sizes: dict[str, int] = {}
        self._bounds: dict[str, int | None] = {}
        self._costs: dict[tuple[str, str, tuple[str, ...], bool], int | None] = {}
        self._ends: dict[tuple[str, tuple[str, ...]], dict[str, _Ends]] = {}
        self.hours = bool(bank.triage.hours)
        sign_cost = (self.size(sign_off) if self.additive else _septets(sign_off, ascii_only=False)) if sign_off else 0
        self._sign_cost = None if sign_cost is None else sign_cost + 1 if sign_off else 0
        self._sign_plain = _plain(sign_off, profile.unit)

    def bound(self, text: str) -> int | None:
        """An additive measure of a part: channel units (additive units), or characters of plain GSM-7 text (SMS).

        ``None`` when the part has no such measure (SMS text outside ASCII GSM-7): replies with it are
        measured exactly.
        """
        if self.additive:
            return self.size(text)
        return _septets(text, ascii_only=True)

    def _frame_cost(self, situation: str, stage: str, emotions: tuple[str, ...], longest: bool) -> int | None:
        """The most the other parts of any frame add to a reply (bounds, joining spaces counted), or None.

        Follows :meth:`frames` without building them: the shortest required partners (and the longest
        partners when ``longest``) of every plan with the stage.
        """
        ends = self._ends.get((situation, emotions))
        if ends is None:
            ends = self._ends[(situation, emotions)] = {}
        cost = 0
        for others in _plans_around(situation, self.hours, stage):
            short = long = 0
            covered: set[str] = set()
            for other in others:
                end = ends.get(other)
                if end is None:
                    end = ends[other] = self._stage_ends(situation, other, emotions)
                if not end:
                    continue
                first, last, covers = end
                if longest:
                    if last is None:
                        return None
                    long += last + 1
                if other not in OPTIONAL_STAGES and other not in covered:
                    if first is None:
                        return None
                    short += first + 1
                    covered.update(covers)
            cost = max(cost, short, long)
        return cost

    def _stage_ends(self, situation: str, stage: str, emotions: tuple[str, ...]) -> _Ends:
        """The bounds of a stage's shortest and longest options and what the shortest covers (``()``: no options).

        The ends of :meth:`options`, found from the cells without filtering them whole when they are not at hand.
        """
        opts = self._options.get((situation, stage, emotions))
        if opts is None and emotions:
            wanted = set(emotions)
            for cell in (situation, "any"):
                found = self._cell(cell, stage)
                first = next((o for o in found if not o[0].emotions or not wanted.isdisjoint(o[0].emotions)), None)
                if first is not None:
                    last = next(o for o in reversed(found) if not o[0].emotions or not wanted.isdisjoint(o[0].emotions))
                    return self._bound(first[1]), self._bound(last[1]), first[0].covers
            return ()
        if opts is None:
            opts = self.options(situation, stage, emotions)
        if not opts:
            return ()
        return self._bound(opts[0][1]), self._bound(opts[-1][1]), opts[0][0].covers

    def _bound(self, text: str) -> int | None:
        if text not in self._bounds:
            self._bounds[text] = self.bound(text)
        return self._bounds[text]

    def clearly_fits(self, phrase: Phrase, text: str, longest: bool) -> bool:
        """Whether every reply around the phrase surely fits (no CV902/CV903 possible), by additive bounds.

        Sound for :meth:`total`: an additive reply whose guess is under ``limit - 3`` is taken as
        fitting there too; a plain GSM-7 SMS never has more characters than its parts, spaces and sign-off.
        """
        own = self._bound(text)
        if own is None or self._sign_cost is None:
            return False
        worst = 0
        for situation in self.situations(phrase):
            key = (situation, phrase.stage, phrase.emotions, longest)
            if key not in self._costs:
                self._costs[key] = self._frame_cost(situation, phrase.stage, phrase.emotions, longest)
            cost = self._costs[key]
            if cost is None:
                return False
            worst = max(worst, cost)
        total = own + worst + self._sign_cost
        return total < self.limit - 3 if self.additive else total <= _sms_septets(self.limit)

    def size(self, text: str) -> int:
        known = self._sizes.get(text)
        if known is None:
            known = self._sizes[text] = _measure(text, self.profile)
        return known

    def exact(self, parts: list[Part]) -> tuple[str, int]:
        text = Candidate(tuple(parts), self.sign).text
        return text, self.size(text)

    def alone(self, phrase: Phrase, text: str) -> int:
        """The length of the phrase and the sign-off alone (cached by phrase)."""
        known = self._alone.get(phrase.id)
        if known is None:
            known = self._alone[phrase.id] = self._plain_alone(text)
        return known

    def _plain_alone(self, text: str) -> int:
        """:meth:`exact` of the text and the sign-off; counted, not joined, when both are plain ASCII.

        Plain text (see :func:`carevoice.lint._measure.measure_cached`) measures as its length (SMS:
        segments of that many septets), and joining it to a plain sign-off with a space stays plain.
        """
        if self._sign_plain and _plain(text, self.profile.unit):
            body = text.strip()
            n = len(body) + len(self.sign) + (1 if body and self.sign else 0)
            if self.additive:
                return n
            return 0 if not n else 1 if n <= 160 else -(-n // 153)
        body = text.strip()
        joined = f"{body} {self.sign}".strip() if self.sign else body
        return self.size(joined)

    def plain(self, text: str) -> bool:
        """Whether the channel measures ``text`` as its length (ASCII without URLs or mentions; SMS: GSM-7)."""
        return _plain(text, self.profile.unit)

    def _cell(self, situation: str, stage: str) -> list[tuple[Phrase, str]]:
        """The phrases of one cell usable on the channel (each fits alone), shortest first."""
        key = (situation, stage)
        found = self._cells.get(key)
        if found is None:
            found = []
            profile, channel, worst, limit = self.profile, self.profile.id, self.worst, self.limit
            known, alone = self._alone, self._plain_alone  # :meth:`alone`, inlined
            for p in self.bank.cell(situation, stage):
                if not p.channels or channel in p.channels:
                    text = worst(p, profile)
                    if text is None:
                        continue
                    n = known.get(p.id)
                    if n is None:
                        n = known[p.id] = alone(text)
                    if n <= limit:
                        found.append((p, text))  # a phrase too long even alone is never a partner
            sizes = self._sizes

            def order(option: tuple[Phrase, str]) -> tuple[int, int]:  # :meth:`size`, inlined
                text = option[1]
                n = sizes.get(text)
                if n is None:
                    n = sizes[text] = _measure(text, profile)
                return n, len(text)

            found.sort(key=order)  # stable: filtering keeps this order
            self._cells[key] = found
        return found

    def options(self, situation: str, stage: str, emotions: tuple[str, ...]) -> list[tuple[Phrase, str]]:
        """The cell's usable phrases for posts with these emotions (else the ``any`` cell's), shortest first.

        Shared between callers: read it, never change it.
        """
        key = (situation, stage, emotions)
        known = self._options.get(key)
        if known is not None:
            return known
        found: list[tuple[Phrase, str]] = []
        for cell in (situation, "any"):
            found = self._cell(cell, stage)
            if emotions:  # a phrase for no emotion in particular, or for one of these
                wanted = set(emotions)
                found = [o for o in found if not o[0].emotions or not wanted.isdisjoint(o[0].emotions)]
            if found:
                break
        self._options[key] = found
        return found

    def frames(self, situation: str, stage: str, emotions: tuple[str, ...]) -> list[_Frame]:
        """The rest of every reply around a phrase of this stage: shortest required and longest partners."""
        key = (situation, stage, emotions)
        if key not in self._frames:
            frames: list[_Frame] = []
            for plan in _stage_plans(situation, self.hours):
                if stage not in plan:
                    continue
                short: list[Part] = []
                long: list[Part] = []
                at_short = at_long = 0
                covered: set[str] = set()  # a short partner that also does a later move ("covers") makes it unneeded
                for other in plan:
                    if other == stage:
                        at_short, at_long = len(short), len(long)
                        continue
                    opts = self.options(situation, other, emotions)
                    if opts:
                        long.append((other, *opts[-1]))
                        if other not in OPTIONAL_STAGES and other not in covered:
                            short.append((other, *opts[0]))
                            covered.update(opts[0][0].covers)
                frames.append(_Frame(situation, short, long, at_short, at_long,
                                     sum(self.size(t) for _, _, t in short), sum(self.size(t) for _, _, t in long)))
            self._frames[key] = frames
        return self._frames[key]

    def total(self, text: str, others: list[Part], others_size: int, at: int, part: Part) -> tuple[int, list[Part]]:
        """The length of a reply with ``part`` inserted at ``at`` among ``others`` (exact near or over the limit)."""
        parts = [*others[:at], part, *others[at:]]
        if self.additive:
            guess = self.size(text) + others_size + (self.size(self.sign) + 1 if self.sign else 0) + len(others)
            if guess < self.limit - 3:  # clearly fits; anything near or over the limit is measured exactly
                return guess, parts
        return self.exact(parts)[1], parts

    def shortest_reply(self, situation: str) -> tuple[int, list[Part]] | None:
        """The longest of the shortest replies of a situation's plans, when it is over the limit."""
        worst: tuple[int, list[Part]] | None = None
        seen: set[tuple[str, ...]] = set()
        for plan in _stage_plans(situation, self.hours):
            parts: list[Part] = []
            for stage in plan:
                opts = self.options(situation, stage, ())
                if opts and stage not in OPTIONAL_STAGES:
                    parts.append((stage, *opts[0]))
            stages = tuple(stage for stage, _, _ in parts)
            if stages in seen:  # plans that differ in optional stages only: the same reply, measured once
                continue
            seen.add(stages)
            if parts and not self.surely_within([t for _, _, t in parts]):
                size = self.exact(parts)[1]
                if size > self.limit and (worst is None or size > worst[0]):
                    worst = (size, parts)
        return worst

    def surely_within(self, texts: list[str]) -> bool:
        """Whether the reply of these parts and the sign-off is sure to be within the limit, without joining them.

        A join (``Candidate.text``) strips each part, puts one space between them and the sign-off, may
        change the case of a part's first character or drop an opening word. Characters and bytes: each
        part measures at most its length, a space and the case slack. X, when every part and the sign-off
        are plain (see :meth:`plain`): the reply is plain too (ASCII; no URL or mention can form across a
        space), so it measures at most its parts' lengths and the spaces. SMS, when every part is ASCII
        GSM-7 and the sign-off GSM-7 (see :meth:`bound`): at most the parts' septets, the spaces and the
        sign-off's, within the septets sure to fit (as :meth:`clearly_fits` judges).
        """
        unit, sign = self.profile.unit, self.sign
        if unit in ("chars", "bytes"):
            size = self.size
            total = sum(size(t) + 1 + _CASE_SLACK for t in texts) + (size(sign) + 1 if sign else 0)
            return total <= self.limit
        if unit == "segments":
            if self._sign_cost is None:
                return False
            total = self._sign_cost
            for t in texts:
                n = self._bound(t)
                if n is None:
                    return False
                total += n + 1
            return total <= _sms_septets(self.limit)
        if not self._sign_plain or not all(_plain(t, unit) for t in texts):
            return False
        return sum(len(t) + 1 for t in texts) + (len(sign) + 1 if sign else 0) <= self.limit

    def situations(self, phrase: Phrase) -> Iterator[str]:
        if phrase.situation != "any":
            yield phrase.situation
            return
        for s in SITUATIONS:
            if s == "any":
                continue
            key = (s, phrase.stage, phrase.emotions)
            if key not in self._ids:
                self._ids[key] = frozenset(p.id for p, _ in self.options(*key))
            if phrase.id in self._ids[key]:
                yield s


def _uncover(f: _Frame, covers: tuple[str, ...], ch: _Channel) -> _Frame:
    """The frame without the parts whose moves the judged phrase already makes."""
    short = [p for p in f.short if p[0] not in covers]
    long = [p for p in f.long if p[0] not in covers]
    at_short = f.at_short - sum(1 for p in f.short[:f.at_short] if p[0] in covers)
    at_long = f.at_long - sum(1 for p in f.long[:f.at_long] if p[0] in covers)
    return _Frame(f.situation, short, long, at_short, at_long, sum(ch.size(t) for _, _, t in short),
                  sum(ch.size(t) for _, _, t in long))


def _describe(situation: str, parts: list[Part], phrase: Phrase) -> str:
    combo = " + ".join("this phrase" if p.id == phrase.id else f"{s} {p.id}" for s, p, _ in parts)
    return f"{situation}: {combo} + sign-off"


def _judge(ch: _Channel, phrase: Phrase, text: str, longest: bool) -> list[LengthIssue]:
    name, limit = ch.profile.name, ch.limit
    alone = ch.alone(phrase, text)
    if alone > limit:
        return [LengthIssue(phrase, "CV901", ch.profile.id, alone - limit,
                            f"too long for {name} even alone: {alone}/{limit} with the sign-off "
                            f"(+{alone - limit}) in the worst case")]
    if ch.clearly_fits(phrase, text, longest):
        return []
    out: list[LengthIssue] = []
    worst_short: tuple[int, str, list[Part]] | None = None
    worst_long: tuple[int, str, list[Part]] | None = None
    part: Part = (phrase.stage, phrase, text)
    for situation in ch.situations(phrase):
        own = ch.options(situation, phrase.stage, phrase.emotions)
        for f in ch.frames(situation, phrase.stage, phrase.emotions):
            if phrase.covers:  # the phrase does those moves itself: their partners never join it
                f = _uncover(f, phrase.covers, ch)
            size, parts = ch.total(text, f.short, f.short_size, f.at_short, part)
            if size > limit and (worst_short is None or size > worst_short[0]) and own and ch.total(
                    own[0][1], f.short, f.short_size, f.at_short, (phrase.stage, *own[0]))[0] <= limit:
                worst_short = (size, situation, parts)
            if longest:
                size, parts = ch.total(text, f.long, f.long_size, f.at_long, part)
                if size > limit and (worst_long is None or size > worst_long[0]):
                    worst_long = (size, situation, parts)
    if worst_short is not None:
        _, situation, parts = worst_short
        size = ch.exact(parts)[1]
        out.append(LengthIssue(phrase, "CV902", ch.profile.id, size - limit,
                               f"never fits {name} in the worst case: even beside the shortest partners "
                               f"({_describe(situation, parts, phrase)}) the reply is {size}/{limit} "
                               f"(+{size - limit}), while shorter phrases of its stage fit; shorten it or "
                               "restrict its channels"))
    elif worst_long is not None:
        _, situation, parts = worst_long
        size = ch.exact(parts)[1]
        kept = [x for x in parts if x[0] not in OPTIONAL_STAGES or x[1].id == phrase.id]
        after = ch.exact(kept)[1]
        dropped = [s for s, p, _ in parts if s in OPTIONAL_STAGES and p.id != phrase.id]
        fix = (f"the Drafter drops {', '.join(dropped)}" if after <= limit and dropped
               else "the Drafter drops optional stages and swaps in shorter partners")
        out.append(LengthIssue(phrase, "CV903", ch.profile.id, size - limit,
                               f"worst case on {name} ({_describe(situation, parts, phrase)}) is {size}/{limit} "
                               f"(+{size - limit}); {fix}"))
    return out


def _worst_texts(bank: Bank, worst: Worst, profile: ChannelProfile) -> list[str]:
    return [worst(p, profile) or "" for p in bank.phrases]


def replies_fit(ch: _Channel, texts: Callable[[], list[str]]) -> bool:
    """Whether nothing on the channel can be judged too long: every reply of every plan clearly fits.

    For channels counted in characters or bytes, where a reply measures at most its parts, one space
    (and the case slack) each, and the sign-off: the longest phrase of each stage in the bank (``texts``
    gives the worst cases of ``bank.phrases``, asked only for such channels), summed over the stages of
    every plan of every situation, is then under what :meth:`_Channel.clearly_fits` asks of every phrase
    (so no CV902 or CV903), and a phrase alone (CV901) or the shortest reply of a situation (CV904) is
    shorter still. Google reviews (4,096 bytes) is such a channel for every shipped bank.
    """
    if ch.profile.unit not in ("chars", "bytes") or ch._sign_cost is None:
        return False
    most: dict[str, int] = {}
    size = ch.size
    for p, t in zip(ch.bank.phrases, texts(), strict=True):
        n = size(t)
        if n > most.get(p.stage, -1):
            most[p.stage] = n
    step = {stage: n + 1 + _CASE_SLACK for stage, n in most.items()}
    worst = max(step.values(), default=0)
    for situation in SITUATIONS:
        if situation != "any":
            for plan in _stage_plans(situation, ch.hours):
                worst = max(worst, sum(step.get(stage, 0) for stage in plan))
    return worst + ch._sign_cost < ch.limit - 3


def check_lengths(bank: Bank, phrases: list[Phrase], worst: Worst, sign_off: Callable[[ChannelProfile], str],
                  *, longest: bool = False, situations: tuple[str, ...] = (),
                  texts: Callable[[ChannelProfile], list[str]] | None = None) -> tuple[
                      list[LengthIssue], list[SituationLength]]:
    """Each phrase's worst length issue per code, and the ``situations`` with no reply short enough.

    ``longest`` also judges the longest combinations (CV903, opt-in because the Drafter copes).
    ``texts`` gives ``[worst(p, profile) or "" for p in bank.phrases]`` faster, when the caller can.
    """
    best: dict[tuple[str, str], tuple[float, LengthIssue]] = {}
    also: dict[tuple[str, str], list[str]] = {}
    gaps: list[SituationLength] = []
    for channel in bank.channels:
        profile = get_channel(channel)
        if channel_limit(profile, bank) is None:
            continue
        ch = _Channel(bank, profile, worst, sign_off(profile))
        every = partial(texts, profile) if texts is not None else partial(_worst_texts, bank, worst, profile)
        listed: list[list[str]] = []

        def listed_once(every: Callable[[], list[str]] = every, listed: list[list[str]] = listed) -> list[str]:
            if not listed:
                listed.append(every())
            return listed[0]

        if _surely_fits(bank, listed_once, ch.sign, profile, ch.limit) or replies_fit(ch, listed_once):
            continue
        for situation in situations:
            found = ch.shortest_reply(situation)
            if found is not None:
                size, parts = found
                combo = " + ".join(f"{s} {p.id}" for s, p, _ in parts)
                gaps.append(SituationLength(situation, channel, (
                    f"no {situation} reply fits {profile.name} in the worst case: the shortest ({combo} + sign-off) "
                    f"is {size}/{ch.limit} (+{size - ch.limit}); add shorter phrases for {profile.name}")))
        for phrase in phrases:
            if (phrase.channels and channel not in phrase.channels) or phrase.stage == "private_opener":
                continue
            text = worst(phrase, profile)
            if text is None:
                continue
            for issue in _judge(ch, phrase, text, longest):
                key = (phrase.id, issue.code)
                also.setdefault(key, []).append(profile.name)
                ratio = issue.over / max(ch.limit, 1)
                if key not in best or ratio > best[key][0]:
                    best[key] = (ratio, issue)
    out = []
    for key, (_, issue) in best.items():
        others = [n for n in also[key] if n != get_channel(issue.channel).name]
        suffix = f" (also over on {', '.join(others)})" if others else ""
        out.append(LengthIssue(issue.phrase, issue.code, issue.channel, issue.over, issue.message + suffix))
    return out, gaps
