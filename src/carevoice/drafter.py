"""The Drafter: wires Concentrate, Plan, Compose, Vary and Check for one bank."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from carevoice._hash import sha256
from carevoice._models import build
from carevoice._plain import Draft, Finding, Inbound, Reading, StageChoice
from carevoice._template_plans import render_phrase
from carevoice.agent import check_agent_initials, check_agent_name
from carevoice.answers import match_answer, tried_already
from carevoice.bank.registry import load_bank
from carevoice.bank.resolved import Bank
from carevoice.checks import check, fits_channel
from carevoice.checks.channels import get_channel
from carevoice.compose import Candidate, answer_phrases, asks_for_given, build_context, make_candidates, stage_options
from carevoice.concentrate import concentrate
from carevoice.errors import DraftBlockedError, InputError, NearDuplicateError, RenderError, UnknownChoiceError
from carevoice.plan import (
    Plan,
    asks_about_policy,
    asks_how,
    asks_part,
    asks_vaguely,
    asks_what_if,
    challenges,
    knocks,
    on_premises,
    plan_reply,
    reads_as_announcement,
    reports_an_address,
    shares_content,
    speaks_as_brand,
)
from carevoice.triage.hours import service_hours
from carevoice.variables import FEE_NAMED, post_conditions
from carevoice.variation.coordinate import HOLD_SECONDS, Coordinator
from carevoice.variation.history import History, MemoryHistory, ReplyRecord
from carevoice.variation.index import ReplyIndex
from carevoice.variation.recombine import RECOMBINED, recombine
from carevoice.variation.records import Accepted, Conflict
from carevoice.variation.rules import near_duplicate_finding
from carevoice.variation.select import Selection, rest_factors, select
from carevoice.variation.widen import pooled_bank, widened_plans

__all__ = ["Drafter"]

MAX_POST_CHARS = 20_000
_COMPLAINT_ANSWER_MARGIN = 8.0
"""How much clearer than for a question an answer's match must be before it replaces a complaint's next step."""
_RESET_BY_EMAIL = re.compile(r"\breset link\b|\bemail (?:you|a) (?:reset|link|code)\b", re.IGNORECASE)
"""An answer that sends a reset by email: no use to someone who no longer has the email or phone."""
_RESET_TRIED = re.compile(
    r"\breset(?:ted)? (?:my |the |it )?(?:password )?(?:\w+ )?(?:twice|\d+ ?(?:x|times)|three times|several times|"
    r"multiple times|again|already)\b|\blinks? (?:says?|is|was|keeps saying|comes? up|shows?)? ?\W?"
    r"(?:expired|invalid)\b|\balready (?:reset|tried resetting|tried to reset)\b", re.IGNORECASE)
"""A reset tried and failed ("reset password 4 times, the email link says expired")."""
_PROMISED = re.compile(
    r"\b(?:still waiting (?:on|for) (?:the|your|a) (?:dm|reply|call|email|response)|you said|you promised|was told|"
    r"i was promised)\b", re.IGNORECASE)
"""A follow-up that chases what we said we'd do ("still waiting on the DM", "you said someone would reach out")."""
_WAITED = re.compile(
    r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s*(days?|weeks?|wks?|months?)\b", re.IGNORECASE)
"""A wait the customer counts ("40 days", "3 weeks", "two months")."""
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TIMELINE = re.compile(r"\b\d+(?:[-–]\d+)? (?:business |working )?(?:days?|weeks?)\b", re.IGNORECASE)
"""An answer that quotes how long something takes ("up to 5 business days")."""
_REPORTED = re.compile(
    r"\b(?:(?:raised|logged|filed|opened|lodged|made|put in|reported) (?:a |an |my |the )?"
    r"(?:complaint|ticket|case|fault|report)|(?:complaint|ticket|case|fault) (?:no|number|ref|reference|id)\b|"
    r"(?:complaint|ticket|case) #)",
    re.IGNORECASE)
"""A fault or complaint already reported ("raised complaint", "ticket no 4471")."""
_REPORTED_DAYS = 2
"""A complaint already reported to us and this many days old gets the case chased, not a help answer's steps."""
_LONG_WAIT_DAYS = 10
"""A complaint that counts a wait of this many days or more is past any timeline an answer quotes."""


def _waited_days(text: str) -> int:
    """The longest wait a post counts, in days (0 when it counts none): "returned 2 March. 40 days" -> 40."""
    longest = 0
    for m in _WAITED.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        unit = m.group(2).lower()
        longest = max(longest, n * (30 if unit.startswith("month") else 7 if unit.startswith("w") else 1))
    return longest


_ATTEMPTS = 5


class Drafter:
    """Drafts replies in one brand's voice, reading and writing a reply history.

    Each draft is held for ``hold_seconds`` (visible to every drafter on the same history, who
    draft around it) until it is accepted or discarded; 0 holds nothing (see
    :mod:`carevoice.variation.coordinate`).

    >>> drafter = Drafter("parcelpop", seed=7)
    >>> draft = drafter.draft(Inbound(text="My order #4417 still hasn't arrived", channel="x"))
    >>> draft.action
    'reply'
    """

    def __init__(
        self,
        bank: Bank | str | Path,
        *,
        history: History | None = None,
        seed: int = 0,
        agent_name: str | None = None,
        agent_initials: str | None = None,
        sensitive: bool = False,
        hold_seconds: float = HOLD_SECONDS,
    ) -> None:
        agent_name, agent_initials = check_agent_name(agent_name), check_agent_initials(agent_initials)
        self.bank = bank if isinstance(bank, Bank) else load_bank(bank)
        self.history: History = history if history is not None else MemoryHistory()
        self.seed = seed
        var = self.bank.variation
        self._pooled: dict[str, Bank] = {}
        self._index = ReplyIndex(self.history, self.bank.name, window=var.window,
                                 situation_window=var.situation_window, window_days=var.window_days)
        self.agent_name = agent_name
        self.agent_initials = agent_initials
        self.sensitive = sensitive or self.bank.sensitive
        self.hours = service_hours(self.bank.triage)
        self._team = Coordinator(self.history, self._index, var, hold_seconds=hold_seconds)

    def _rng(self, post: Inbound) -> random.Random:
        key = f"{self.seed}\x00{self.bank.name}\x00{post.channel}\x00{post.text}\x00{post.name}"
        return random.Random(int.from_bytes(sha256(key.encode("utf-8", "surrogatepass")).digest()[:8], "big"))

    def draft(self, post: Inbound | str, *, allow_blocked: bool = False, record: bool = False,
              new_reply: bool = False) -> Draft:
        """Draft a reply to one post, and hold it until it is accepted or discarded.

        Raises :class:`InputError` for an empty post or a channel the bank does not serve, and
        :class:`DraftBlockedError` when the draft has error findings unless ``allow_blocked``.
        With ``record=True`` a publishable draft is published at once instead of held (as
        :meth:`accept` with ``new_reply`` would; :class:`NearDuplicateError` if it cannot be).
        """
        if isinstance(post, str):
            post = Inbound(text=post)
        if not post.text.strip():
            raise InputError("the post text is empty")
        if len(post.text) > MAX_POST_CHARS:
            raise InputError(f"the post is too long ({len(post.text)} characters; limit {MAX_POST_CHARS})")
        profile = get_channel(post.channel)
        if post.channel not in self.bank.channels:
            raise UnknownChoiceError(f"channel for {self.bank.name}", post.channel, self.bank.channels)
        reading = concentrate(post, locale=self.bank.locale)
        self._team.forget(post)
        for _ in range(_ATTEMPTS):  # a conflict means someone held a reply like it a moment ago: look again
            snap = self._team.snapshot()
            with self._index.pinned():  # the draft is chosen against exactly what the snapshot holds
                draft = self._compose(post, reading, profile.id)
            if draft.blocked and not allow_blocked:
                raise DraftBlockedError(draft)
            if not draft.publishable:
                return draft
            found: Accepted | Conflict | None
            if record:
                found = self._team.publish(draft, post, snap=snap, agent=self.agent, new_reply=new_reply)
            else:
                found = self._team.reserve(draft, post, snap, agent=self.agent, new_reply=new_reply)
            if not isinstance(found, Conflict):
                return draft
        if record:
            assert isinstance(found, Conflict)
            raise NearDuplicateError(draft, found)
        return draft

    def holding(self, post: Inbound, *, situation: str | None = None) -> Draft:
        """One holding statement for a situation affecting many people (the bank's ``holding`` phrases).

        ``post`` is a representative post of the situation (its category picks the phrases).
        """
        profile = get_channel(post.channel)
        reading = concentrate(post, locale=self.bank.locale)
        plan = Plan("reply", reading.category, ("holding",), None, False,
                    ("situation affecting many people: one holding statement for everyone",))
        return self._compose(post, reading, profile.id, plan).model_copy(update={"situation": situation})

    def _compose(self, post: Inbound, reading: Reading, channel: str, plan: Plan | None = None) -> Draft:
        profile = get_channel(channel)
        is_open = post.time is None or self.hours.is_open(post.time)
        answer = None
        conditions = post_conditions(post.text)  # read once: the plan's flags and the templates' post.* share them
        if plan is None and (reading.intent in ("question", "complaint", "request", "follow_up") or (
                reading.intent == "danger" and reading.question
                and ("remove" in reading.asks or set(reading.urgency) <= {"fraud", "data_exposure"}))):
            # a report that asks something ("where do I forward phishing emails?") can be answered too, and so can
            # a scam checked before anything is lost ("$200 to fix a hacked email account? is this a scam?")
            answer = match_answer(post.text, reading, self.bank, channel=channel)
            if answer is not None and reading.intent != "question" and (
                    answer.score < self.bank.drafting.answer_threshold + _COMPLAINT_ANSWER_MARGIN):
                answer = None  # a complaint needs its own next step unless the answer is unmistakable
            if answer is not None and reading.intent == "complaint" and reading.urgency:
                answer = None  # someone stranded on a gate floor needs a room tonight, not the rebooking policy
            if answer is not None and reading.intent == "complaint" and reading.sarcasm:
                answer = None  # "Love paying £40 to pick a seat and then getting moved anyway 🙃": not the seat policy
            if answer is not None and {"check_dm", "dm_me"} & set(reading.asks):
                # "can you check my DMs": what they sent us is the answer, not the help page; "can you DM me, need
                # to add my wheelchair": they asked to talk in private, so the reply says we've messaged them
                answer = None
            if answer is not None and reading.intent == "complaint" and FEE_NAMED.search(post.text):
                answer = None  # "charged a £25 overdraft fee": whether that fee should apply, not the fee policy
            if answer is not None and reading.intent == "complaint" and conditions["no_show"]:
                answer = None  # "engineer booked 8-1. no show": the visit we missed, not how appointments work
            if answer is not None and reading.intent == "request" and {"cancel", "callback"} & set(reading.asks):
                answer = None  # "cancel my contract at the end of the month please": the cancelling, not the policy
            if answer is not None and "opt_out" in reading.asks:
                answer = None  # "you keep emailing me, remove my name from your files": the marketing to stop
            if answer is not None and reading.intent == "follow_up" and (
                    reading.details.contacted or conditions["awaiting_reply"] or _PROMISED.search(post.text)):
                # "still waiting on the DM about my gift card balance going to $0": a case chased, not the card policy
                answer = None
            if answer is not None and reading.intent in ("complaint", "follow_up") and (
                    _waited_days(post.text) >= _LONG_WAIT_DAYS and _TIMELINE.search(" ".join(answer.answer.texts))):
                answer = None  # "returned 2 March. 40 days. WHERE IS MY REFUND": past the "5 business days" it quotes
            if answer is not None and reading.intent == "complaint" and (
                    reading.details.contacted or _REPORTED.search(post.text)) and (
                    _waited_days(post.text) >= _REPORTED_DAYS):
                # "down since Sunday... raised complaint, got SMS 'resolved'. it is NOT resolved... 3 days": a case
                # reported days ago to chase, not the hub's lights
                answer = None
            if answer is not None and (conditions["asked_again"] or conditions["area_wide"]
                                       or tried_already(post.text, answer.answer)):
                # "3rd time asking now", "whole street is down", "reset email never arrives, checked spam": a
                # person's answer, not the timings, one home's steps or the steps already tried
                answer = None
            if answer is not None and (reading.details.forgot or _RESET_TRIED.search(post.text)) and (
                    _RESET_BY_EMAIL.search(answer.answer.texts[0])):
                # "I don't have the email linked to it", "reset it 4 times, the link says expired": a reset link by
                # email is no answer
                answer = None
        # "How do I report brucekennedy34@yahoo.com?": the sender's address, not the customer's, asks no one to delete
        planned = reading.model_copy(update={"pii": ()}) if reports_an_address(post.text, reading.pii) else reading
        plan = plan or plan_reply(planned, out_of_hours=not is_open, drafting=self.bank.drafting,
                                  locale=self.bank.locale, answered=answer is not None,
                                  banter=self.bank.drafting.banter, how_to=asks_how(post.text),
                                  what_if=asks_what_if(post.text), policy=asks_about_policy(post.text),
                                  answered_as=answer.answer.situation if answer is not None else None,
                                  sector=self.bank.sector, part=asks_part(post.text),
                                  premises=on_premises(post.text), pricing=conditions["pricing"],
                                  hurt=conditions["hurt"], unhurt=conditions["all_ok"],
                                  challenge=challenges(post.text),
                                  vulnerability=conditions["vulnerability"],
                                  announcement=reads_as_announcement(post.text), vague=asks_vaguely(post.text),
                                  knock=knocks(post.text),
                                  shared=shares_content(post.text), brand_voice=speaks_as_brand(post.text))
        if answer is not None and "answer" not in plan.stages:
            answer = None  # the plan put a next step in its place (a bereaved customer gets no self-service answer)
        context = build_context(post, reading, self.bank, profile,
                                agent_name=self.agent_name, agent_initials=self.agent_initials,
                                local_time=self.hours.local(post.time) if post.time else None,
                                next_open=None if is_open or not post.time else self.hours.next_open_label(post.time),
                                is_open=is_open, situation=plan.situation, conditions=conditions)
        rng = self._rng(post)
        settings = self.bank.variation
        # a sensitive period, an escalation or a grieving customer get calm phrasing: no promotion, no cheer
        calm = self.sensitive or plan.action == "escalate" or reading.emotion == "sadness"
        extra = {"answer": answer_phrases(answer.answer, plan.situation)} if answer else {}
        wider = widened_plans(plan, self.bank, channel=channel, emotion=reading.emotion, sensitive=calm,
                              negative=reading.negative)
        pooled = self._pooled.get(plan.situation) or self._pooled.setdefault(
            plan.situation, pooled_bank(self.bank, plan.situation))
        all_ids = [p.id for s in (wider[-1] if wider else plan).stages for p in stage_options(
            pooled, plan.situation, s, channel=channel, emotion=reading.emotion, sensitive=calm)]
        rest = rest_factors(self.history, self.bank.name, all_ids, settings.rest)

        def fits(text: str) -> bool:
            return fits_channel(text, profile, self.bank)

        def draw(count: int, rng: random.Random, plan: Plan = plan, bank: Bank = self.bank,
                 fit: bool = True) -> list[Candidate]:
            return make_candidates(
                bank, plan, context, channel=channel, emotion=reading.emotion, sensitive=calm,
                rng=rng, count=count, rest=rest, fits=fits if fit else (lambda _text: True), extra=extra,
                greet_rate=self.bank.drafting.greet_rate,
            )

        candidates = draw(settings.candidates, rng)
        findings: list[Finding] = []
        reasons = list(reading.reasons) + list(plan.reasons)
        if answer is not None:
            reasons.append(f"answer {answer.answer.id}: score {answer.score:g} (next {answer.runner_up:g}), "
                           f"matched '{answer.question}'")

        def handed(hint: str, **more: object) -> Draft:
            """The draft an agent writes: no public text, the custom slot required, ``hint`` saying why."""
            return build(
                Draft, id=post.id, text="", channel=channel, brand=self.bank.name, action="needs_agent",
                analysis=reading, reasons=tuple(reasons), seed=self.seed, custom_slot=True, custom_slot_at=0,
                custom_slot_required=True, custom_slot_hint=hint, **more,
            )

        if plan.action == "needs_agent" and (reading.intent == "other_language" or not candidates):
            return handed(_hint(reading, False, plan))
        if not candidates and plan.find_out:
            # a bank with no `find_out` lines (and no greeting): the question goes to an agent after all
            reasons.append("needs an agent: a question nothing in the bank answers, and no find_out line to promise "
                           "the answer")
            return handed("Write this reply yourself: nothing in the bank answers this question.")
        if not candidates and plan.clarify:
            reasons.append("needs an agent: the reading is unsure, and no clarify line to ask what the customer needs")
            return handed("Write this reply yourself: the post could not be read surely.")
        if not candidates:
            return build(
                Draft, id=post.id, text="", channel=channel, brand=self.bank.name, action=plan.action,
                analysis=reading, reasons=tuple(reasons), seed=self.seed,
                escalation=plan.escalation,
            )
        selection, used = self._select(candidates, draw, rng, [plan, *wider], post, pooled, fits)
        chosen = selection.candidate
        reasons += used.reasons[len(plan.reasons):]
        required = not selection.cleared and plan.action != "no_reply"
        if required:
            findings.append(near_duplicate_finding(selection, settings))
        if plan.action not in ("needs_agent", "no_reply") and all(s == "greet" for s, _, _ in chosen.parts):
            # "Thanks for getting in touch." and nothing more: no line of the bank answers this post
            reasons.append("needs an agent: no line of the bank answers this post, only a greeting was left")
            return handed("Write this reply yourself: no line of the bank answers this post.",
                          escalation=plan.escalation)
        if plan.action == "needs_agent":
            # the agent writes this reply: the holding line is a suggestion, never the draft's public text
            return handed(_hint(reading, False, plan), holding=chosen.text,
                          stages=tuple(build(StageChoice, stage=s, phrase_id=p.id) for s, p, _ in chosen.parts))
        text = chosen.text if plan.action != "no_reply" or plan.situation == "abuse" else ""
        findings += check(text, channel=channel, bank=self.bank, reading=reading, sensitive=self.sensitive,
                          stages=[s for s, _, _ in chosen.parts]) if text and plan.action != "no_reply" else []
        custom = plan.action != "no_reply" and (
            required or plan.find_out or reading.category in ("general", "general_question") or reading.confidence < 0.5
            or reading.intensity >= 0.6 or bool(reading.urgency)
        )
        private = self._private_opener(plan.situation, post, reading, context) if plan.move_private else None
        return build(
            Draft, id=post.id, text=text, channel=channel, brand=self.bank.name, action=plan.action,
            stages=tuple(build(StageChoice, stage=s, phrase_id=p.id) for s, p, _ in chosen.parts),
            analysis=reading, private=private, custom_slot=custom,
            custom_slot_at=len(chosen.body) if custom else None,
            custom_slot_hint=_hint(reading, required, plan) if custom else None,
            custom_slot_required=required, escalation=plan.escalation, reasons=tuple(reasons),
            findings=tuple(findings), seed=self.seed,
            similarity=round(selection.score, 1), answer=answer.answer.id if answer else None,
        )

    def _select(self, candidates: list[Candidate],
                draw: Callable[[int, random.Random, Plan, Bank, bool], list[Candidate]],
                rng: random.Random, plans: list[Plan], post: Inbound, pooled: Bank,
                fits: Callable[[str], bool]) -> tuple[Selection, Plan]:
        """Select among candidates; when none clears, draw more, then from pooled phrases and wider plans."""
        settings = self.bank.variation
        best: tuple[Selection, Plan] | None = None
        more = 2 * settings.candidates
        first = candidates
        # (plan, bank, how many to draw): 0 recombines the first draw's phrasings, None takes the draw as is
        attempts: list[tuple[Plan, Bank, int | None]] = [(plans[0], self.bank, 0), (plans[0], self.bank, None)]
        if pooled is not self.bank:
            attempts.append((plans[0], pooled, more))
        attempts += [(p, pooled, more) for p in plans[1:]]
        for plan, bank, count in attempts:
            candidates = first
            if count is not None:
                drawn = draw(count, random.Random(rng.getrandbits(64)), plan, bank, False) if count else first
                candidates = recombine(drawn, self._index, category=plan.situation, rng=rng,
                                       count=RECOMBINED, max_shared=settings.max_shared, fits=fits)
                if not candidates:
                    continue
            sel = select(candidates, self.history, brand=self.bank.name, settings=settings,
                         category=plan.situation, customer=post.handle, thread_id=post.thread_id,
                         now=post.time, index=self._index, ordered=count is not None)
            if best is None or (sel.cleared, -sel.score, -sel.strict) > (best[0].cleared, -best[0].score,
                                                                         -best[0].strict):
                best = (sel, plan)
            if best[0].cleared:
                break
        assert best is not None
        return best

    def _private_opener(
        self, situation: str, post: Inbound, reading: Reading, context: dict[str, object]
    ) -> str | None:
        options = stage_options(self.bank, situation, "private_opener", channel=post.channel,
                                emotion=reading.emotion, sensitive=self.sensitive)
        # "reservation HMQ4Z2K9XT": the first line of the DM never asks again for what the post gave, where one doesn't
        options = tuple(p for p in options if not asks_for_given(p.text, context)) or options
        rng = self._rng(post)
        for p in rng.sample(list(options), len(options)):
            try:
                return render_phrase(p.text, context, phrase_id=p.id)
            except RenderError:
                continue
        return None

    @property
    def agent(self) -> str | None:
        """Who publishes this drafter's replies, as the history records it (agent name, else initials)."""
        return self.agent_name or self.agent_initials

    def accept(self, draft: Draft, post: Inbound | None = None, *, time: datetime | None = None,
               new_reply: bool = False) -> Accepted:
        """Publish a draft: record it, so later drafts vary from it, and release its hold.

        Idempotent: a draft accepted twice, or a post that already has its reply, stores nothing
        new (``Accepted.outcome`` says which; ``new_reply=True`` adds a further reply to the post).
        Raises :class:`NearDuplicateError`, holding a fresh draft, when someone published or
        held a reply like it since it was drafted.
        """
        found = self._team.publish(draft, post, time=time, agent=self.agent, new_reply=new_reply)
        if isinstance(found, Conflict):
            fresh = self.draft(post, allow_blocked=True) if post is not None else None
            raise NearDuplicateError(draft, found, fresh)
        return found

    def discard(self, draft: Draft) -> None:
        """Release the hold on a draft that will not be published."""
        self._team.release(draft)

    def answered(self, post: Inbound) -> ReplyRecord | None:
        """The reply already published for this post (by anyone on the history), if any; None without a post id."""
        return self.history.answered(self.bank.name, post.id, post.thread_id) if post.id else None


def _hint(reading: Reading, required: bool, plan: Plan | None = None) -> str:
    if plan is not None and plan.action == "needs_agent":
        why = plan.reasons[0].removeprefix("needs an agent: ") if plan.reasons else "the reading is unsure"
        return f"Write this reply yourself: {why}."
    if required:
        return "Required: add one line in your own words; this reply is close to an earlier one."
    if plan is not None and plan.find_out:
        return ("Nothing in the bank answers this question: add the answer here if you know it, or post it in the "
                "thread once you have it, as the reply promises.")
    if plan is not None and plan.clarify:
        if plan.knock:
            return ("They are asking whether anyone is there: if their earlier posts or messages say what they are "
                    "waiting on, answer that instead.")
        return ("The post could not be read surely, so the reply asks what they need: if you can tell (a link, a "
                "screenshot, their earlier posts), answer that instead.")
    if reading.bereavement:
        return "Add one gentle line in your own words about what you will take care of for them."
    if reading.urgency:
        return "Add one line that speaks to what is at stake for them right now."
    if plan is not None and "answer" in plan.stages:
        return "Check the bank's answer fits their case; add one line if it does not."
    if reading.category == "general_question":
        return "Add the answer to their question, in one line."
    if reading.category == "praise":
        return "Add one personal line about the moment they praised."
    if reading.category == "general" or reading.confidence < 0.5:
        return "Add one line that answers what they actually asked."
    return "Add one personal line that shows you read their post."
