"""Candidate assembly: template variables, one phrase per planned stage, joined and fitted to the channel.

Planning (which action, which stages) lives in :mod:`carevoice.plan`.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from carevoice._template_plans import render_phrase
from carevoice.bank.resolved import Answer, Bank, Phrase
from carevoice.bank.stages import OPTIONAL_STAGES
from carevoice.checks.sms import gsm_friendly
from carevoice.errors import RenderError
from carevoice.plan import Plan
from carevoice.variables import build_context, holds, time_of_day

__all__ = ["Candidate", "answer_phrases", "build_context", "join_parts", "make_candidates", "stage_options",
           "time_of_day"]


@dataclass(frozen=True)
class Candidate:
    """One possible reply: the phrases chosen per stage and their rendered text."""

    parts: tuple[tuple[str, Phrase, str], ...]
    sign_off: str
    proper: frozenset[str] = frozenset()

    @property
    def body(self) -> str:
        """The reply without its sign-off."""
        return join_parts([t for _, _, t in self.parts], self.proper)

    @property
    def text(self) -> str:
        """The full public reply text."""
        return f"{self.body} {self.sign_off}".strip() if self.sign_off else self.body

    @property
    def phrase_ids(self) -> tuple[str, ...]:
        """The ids of the chosen phrases, in stage order."""
        return tuple(p.id for _, p, _ in self.parts)


_KEEP_CAPITAL = re.compile(r"^(I|I'm|I've|I'll|I'd|[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,}\w*)\b")


def join_parts(parts: Sequence[str], proper: frozenset[str] = frozenset()) -> str:
    """Join rendered stages; after a greeting ending in a comma or dash, lower the next capital.

    Words in ``proper`` (the brand's and the customer's names) and ``I`` keep their capital.
    """
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out.endswith((",", "\u2013", "\u2014", "-")) and part[:1].isupper() and not _KEEP_CAPITAL.match(part):
            word = part.split(" ", 1)[0]
            if not any(c.isupper() for c in word[1:]) and word.strip(",.!?;:'") not in proper:
                part = part[0].lower() + part[1:]
        if out.endswith((".", "!", "?")):
            # "Of course." or "Absolutely –" opens a reply; after another sentence it reads stitched on
            bare = _INTERJECTION.sub("", part, count=1)
            if bare != part and bare[:1].isalpha():
                part = bare[0].upper() + bare[1:]
        out = f"{out} {part}" if out else part
    return out


_INTERJECTION = re.compile(r"^(?:Of course|Understood|Absolutely|Sure thing|Certainly|No problem|Got it)"
                           r"(?:[.!]\s+|,\s+|\s+[–—-]\s+)")
"""A reply-opening word that a part after another sentence drops ("Sorry about this. Of course. Send...")."""


def _conditions_hold(phrase: Phrase, context: Mapping[str, Any] | None) -> bool:
    if context is None or not (phrase.when or phrase.unless):
        return True
    return all(holds(context, c) for c in phrase.when) and not any(holds(context, c) for c in phrase.unless)


_AT_STAKE = ("urgency.legal", "urgency.stranded", "urgency.threat", "post.on_hold", "post.catalogue",
             "post.contaminated", "post.booking", "post.medical", "post.hurt", "post.other_account",
             "post.gas", "post.stuck", "post.cable", "post.not_received", "post.after_cancel",
             "post.vulnerability", "post.card_update", "post.long_wait", "post.care_team", "post.praised",
             "post.left_badly", "post.phishing", "post.phish_report", "post.asked_again", "post.bounced",
             "post.charged_twice", "post.charged_again", "post.payment_failed", "post.refused", "post.card_given",
             "post.fee",
             "post.points_changed", "post.queue", "post.pricing", "post.wry", "post.disputed",
             "post.refund_eligibility", "post.scam_done", "post.marked_delivered", "post.frozen", "post.access_need",
             "post.dietary", "post.connection", "post.abroad",
             "post.facility", "post.no_booking", "post.clicked",
             "post.gate", "post.bereaved", "post.split_seats", "post.repayment", "post.unaccompanied",
             "post.wrong_recipient", "post.dirty_room", "post.occasion", "post.arrived_late",
             "post.relative_stranded", "post.as_credit", "post.spilled", "post.sim_swap",
             "post.new_booking", "post.fake_account", "post.loyalty_penalty", "post.in_store", "post.gripe",
             "post.branch_closing", "post.credit_expired", "post.area_wide", "post.pay_missing",
             "post.cut_off_paid", "post.scam_live", "post.big_stake", "post.reports_sender",
             "post.shipped", "post.verify", "post.accident", "post.venue_wifi", "post.card_stopped", "post.live",
             "post.room_fault", "post.mobility_aid", "post.cant_phone",
             "post.pests", "post.failed_debited", "post.medicine", "post.app_cost",
             "post.mixed_info", "post.account_note", "post.carbon_monoxide", "post.machine_down", "post.sold_out",
             "post.got_out",
             "post.none_at_all", "post.running_now", "post.esim_switch", "post.weapon",
             "post.train_named", "post.skimmer", "post.camera", "post.alarm_sounding", "post.missed_attempt",
             "post.credit_file")
"""Conditions that make a phrase speak to what is at stake ("are you still at the airport?" to someone stranded,
a complaints review to a legal threat, the wait to someone left on hold, the rights to a title someone wants)."""
_POINTED = ("asks.", *_AT_STAKE)
"""...and those that make it answer exactly what the post asks for ("check your DMs", "call me back")."""


def _pointed_count(phrase: Phrase) -> int:
    """How many of a phrase's conditions speak to what is at stake or what is asked for."""
    return sum(c.startswith(_POINTED) for c in phrase.when)


def _answers_the_ask(phrase: Phrase) -> bool:
    return _pointed_count(phrase) > 0


def _at_stake(phrase: Phrase) -> bool:
    return any(c.startswith(_AT_STAKE) for c in phrase.when)


def _not_covered(generic: Sequence[Phrase], *, by: Iterable[Phrase]) -> tuple[Phrase, ...]:
    """The generic lines whose conditions of what is at stake none of ``by``'s own lines already speak to."""
    covered = {c for p in by for c in p.when if c.startswith(_AT_STAKE)}
    return tuple(p for p in generic if covered.isdisjoint(p.when))


class _Read(NamedTuple):
    """What the post says that screens every cell's lines, read once per :func:`stage_options` call."""

    grave: bool = False
    urgent: bool = False
    chased: bool = False
    bereaved: bool = False
    sent: bool = False

    @classmethod
    def of(cls, context: Mapping[str, Any] | None) -> _Read:
        if context is None:
            return cls()
        return cls(holds(context, "post.grave"), any(context.get("urgency", {}).values()), _chased(context),
                   holds(context, "post.bereaved"), holds(context, "post.sent"))


def stage_options(bank: Bank, situation: str, stage: str, *, channel: str, emotion: str,
                  sensitive: bool, intent: str | None = None,
                  context: Mapping[str, Any] | None = None, fallback: bool = True) -> tuple[Phrase, ...]:
    """The phrases that may serve a stage: the situation's own, else ``any`` (unless ``fallback`` is off).

    Within a cell, phrases written for the post's intent come before phrases for any intent;
    ``when``/``unless`` conditions are tested against ``context`` when it is given.
    """
    cells = (bank.cell(situation, stage), bank.cell("any", stage)) if fallback else (bank.cell(situation, stage),)
    asks, paid = (_given_asks(context), _paid(context)) if context is not None else ((), None)
    read = _Read.of(context)
    for cell in cells:
        fitting = tuple(p for p in cell if p.fits(channel=channel, emotion=emotion, sensitive=sensitive, intent=intent)
                        and _conditions_hold(p, context))
        if not fitting:
            fitting = tuple(p for p in cell if not p.emotions and p.fits(
                channel=channel, emotion="neutral", sensitive=sensitive, intent=intent)
                and _conditions_hold(p, context))
        if intent is not None:
            fitting = tuple(p for p in fitting if intent in p.intents) or fitting
        if context is not None and fallback and cell is not cells[-1]:
            # a generic line answering exactly what was asked ("check your DMs") beats a situation's general ones;
            # so does one for what is at stake (a legal threat), unless the situation has lines of its own for it
            generic = tuple(p for p in cells[-1] if _answers_the_ask(p) and p not in fitting
                            and p.fits(channel=channel, emotion=emotion, sensitive=sensitive, intent=intent)
                            and _conditions_hold(p, context))
            if generic:
                fitting += _not_covered(generic, by=cell)
        if context is not None:
            # the lines that answer the ask or speak to the most of what is at stake ("a scam link already clicked")
            counts = [_pointed_count(p) for p in fitting]
            most = max(counts, default=0)
            if most:
                fitting = tuple(p for p, n in zip(fitting, counts, strict=True) if n == most)
        if sensitive:  # a sensitive period also suppresses cheerfulness, where a calm phrase exists
            fitting = tuple(p for p in fitting if not _cheerful(p)) or fitting
        if read.grave:
            # "sorry for the hassle" to someone humiliated by staff or kept indoors by a broken lift: light
            # words make light of it, and "send us photos" asks them to prove it, where another line exists
            fitting = tuple(p for p in fitting if not minimises(p.text)) or fitting
            if situation in _NO_PROOF and not read.urgent:
                fitting = tuple(p for p in fitting if _ASKS_FOR_PROOF.search(p.text) is None) or fitting
        if read.chased:
            # "day 3, I've sent everything you asked for": no thanks for telling us "straight away"
            fitting = tuple(p for p in fitting if _QUICK_THANKS.search(p.text) is None) or fitting
        if read.bereaved:
            # "I need to cancel my late father's line": no fees or charges in the same breath as the condolence
            fitting = tuple(p for p in fitting if _FEES.search(p.text) is None) or fitting
        if read.sent:
            # "DMed order number and photos": never ask for them again, where a line that doesn't ask exists
            # (here, or else among the generic lines)
            quiet = tuple(p for p in fitting if not asks_for_details(p.text))
            if not quiet and fitting and cell is not cells[-1]:
                continue
            fitting = quiet or fitting
        if paid is not None:
            # "ref LP-20931", "at @CluckAndCo Bolton": never ask again for what the post gave, where a line exists;
            # "charged twice" is no charge they don't recognise, and a declined card took no money
            fitting = tuple(p for p in fitting if not _asks_again(p.text, asks)
                            and not _misframes(p.text, paid)) or fitting
        if fitting:
            return fitting
    return ()


_ASK = (r"(?:\b(?:send|sending|DM us|DM the|DM your|DM it|share|tell us|pop|drop|include|give us|let us have|"
        r"what(?:'s| is| was) the|which|need|needs|with)\b|\{\{ ?channel\.private ?\}\} (?:us|it|the|your|me))"
        r"(?:[^.?]|\.(?=postcode)){0,70}?\b")
"""The start of a request for something: an asking word, then what is asked for within the sentence (the dot
of ``{{ brand.postcode }}`` does not end it)."""
_ASKS_FOR_DETAILS = re.compile(
    _ASK + r"(?:order (?:number|no|id)|reference|ref|booking|details|"
    r"photos?|screenshot|receipt|tracking|account email|email|membership number|postcode|name|dates? of|"
    r"(?:mobile|phone|account|customer) number)\b|"
    r"\b(?:your|the) [\w ]{0,25}?(?:number|reference|details|postcode) (?:is|are) all we need\b",
    re.IGNORECASE,
)
_ASKS_FOR_GIVEN: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("details.order_id", "details.booking_id"), re.compile(
        _ASK + r"(?:order (?:number|no|id)|(?:booking |report |case |claim )?(?:reference|ref)|booking (?:number|code))"
        r"\b", re.IGNORECASE)),
    (("details.flight",), re.compile(_ASK + r"flight (?:number|no)\b", re.IGNORECASE)),
    (("details.place",), re.compile(
        r"\b(?:which|what) (?:store|branch|restaurant|station|stop|hotel|shop|airport|location|site)\b|"
        r"\bwhich (?-i:[A-Z][\w']*(?: (?:&|and) [A-Z][\w']*)?) (?:was|is) it\b|\bwhere (?:it|this) happened\b|"
        r"\bwhere you are\b|"
        + _ASK + r"(?:the |which )?(?:store|branch|restaurant|station|hotel|shop|airport|location)\b"
        r"(?! (?:team|staff|manager))",
        re.IGNORECASE)),
    (("details.time",), re.compile(r"\b(?:what time|the time)\b", re.IGNORECASE)),
)
"""What a line may ask for, by the details that, once given, make asking again a sign of not listening."""
_ASKS_MODEL = re.compile(r"\bwhich model\b|\bwhat model\b|" + _ASK + r"model(?: number)?\b", re.IGNORECASE)
"""Asking for the model: a sign of not listening when the post named a product or device with a number in it."""


def _given_asks(context: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
    """The asking patterns of the details this post gave (none when it gave none): read once per cell."""
    found = [asking for paths, asking in _ASKS_FOR_GIVEN if any(holds(context, path) for path in paths)]
    details = context.get("details")
    numbered = isinstance(details, Mapping) and any(  # "my hp110 envy", "HP OfficeJet 3831": a model number given
        isinstance(details.get(k), str) and any(c.isdigit() for c in details[k]) for k in ("product", "device"))
    if numbered or holds(context, "post.model"):  # "Zen 14, 10 months old"
        found.append(_ASKS_MODEL)
    return tuple(found)


def _asks_again(text: str, asks: tuple[re.Pattern[str], ...]) -> bool:
    # a template with its own conditions ({% if details.place %}) chooses its words itself
    return bool(asks) and "{%" not in text and any(asking.search(text) is not None for asking in asks)


def asks_for_given(text: str, context: Mapping[str, Any]) -> bool:
    """Tell whether a line asks for a detail the post already gave (its reference, branch, flight, time or model).

    A template with its own conditions (``{% if details.place %}``) chooses its words itself, so it never does.
    """
    return _asks_again(text, _given_asks(context))


_TWICE = re.compile(r"\b(?:charged|paid|pay|taken|billed|debited|came out)\b[^.?!]{0,30}?\b(?:twice|double)\b|"
                    r"\bdouble[- ]?(?:charg|pay|debit)\w*|\bduplicate (?:payment|charge|debit)s?\b|"
                    r"\b(?:pay|paid|charged) once\b", re.IGNORECASE)
_UNEXPECTED = re.compile(
    r"\b(?:didn[’']t expect|weren[’']t expecting|not expecting|(?:don[’']t|didn[’']t|do not|did not) recogni[sz]e|"
    r"unexpected|caught you (?:out|off guard)|come as a surprise|a fee of ours|what the charge was for|"
    r"what (?:the payment|it) was for|expect(?:ed|ing)? to pay|what you expected|money go out that)\b", re.IGNORECASE)
_TAKEN = re.compile(r"\b(?:went out|go out|gone out|taken|debited|the charge|this charge|that charge|charged)\b",
                    re.IGNORECASE)
_FAILED = re.compile(r"\b(?:declin\w*|fail\w*|didn[’']t go through|won[’']t go through|rejected|refused|"
                     r"stopped|blocked)\b", re.IGNORECASE)
_DEBIT_LINE = re.compile(r"\bdirect debits?\b", re.IGNORECASE)
_WHICH_WAY = re.compile(
    r"\bdirect debit(?:,| or) (?:a |by )?card\b|\bcard(?: payment)?(?:,| or) (?:a |by )?direct debit\b", re.IGNORECASE)


class _Paid(NamedTuple):
    """What the post says of its payment, read once per cell for :func:`misframes_payment`."""

    twice: bool
    failed: bool
    known: bool
    """The customer knows what the payment was: charged twice, declined, never received, or after cancelling."""
    direct_debit: bool


def _paid(context: Mapping[str, Any]) -> _Paid:
    twice, failed = holds(context, "post.charged_twice"), holds(context, "post.payment_failed")
    known = twice or failed or holds(context, "post.not_received") or holds(context, "post.after_cancel")
    return _Paid(twice, failed, known, holds(context, "post.direct_debit"))


def _misframes(text: str, paid: _Paid) -> bool:
    if _TWICE.search(text) and not paid.twice:
        return True
    if paid.known and _UNEXPECTED.search(text):
        return True
    if paid.failed and not paid.twice and _TAKEN.search(text) and not _FAILED.search(text):
        return True
    if paid.direct_debit:
        return _WHICH_WAY.search(text) is not None  # "was it a direct debit or a card?" to someone who said
    return _DEBIT_LINE.search(text) is not None


def misframes_payment(text: str, context: Mapping[str, Any]) -> bool:
    """Tell whether a line gets the kind of payment trouble wrong.

    That is a double charge where the post told of none; a charge they don't recognise or didn't expect to
    someone charged twice, charged after cancelling, whose card was declined or who paid for something that
    never came; money taken to someone whose card was declined; "a direct debit or a card?" to someone who
    named the direct debit; or a direct debit the post never named.
    """
    return _misframes(text, _paid(context))


_MINIMISES = re.compile(
    r"\b(?:hassle|headaches?|bother|rough time|rotten|nuisance|inconvenien(?:ce|t)|(?:such a|a bit of a|bit of a) pain|"
    r"pain to deal|not ideal|niggle|hiccups?|blips?|annoying|irritating|nudge)\b", re.IGNORECASE)
_FEES = re.compile(r"\b(?:fees?|charges?|penalt(?:y|ies)|exit fee|early termination|cost(?:s)?)\b", re.IGNORECASE)
"""Talk of money owed, kept from a bereaved customer where another line fits."""
_NO_PROOF = frozenset({"general", "rude_staff", "booking", "transport_disruption", "flight_disruption",
                       "service_outage", "connectivity", "late_delivery", "refund_status", "loyalty"})
"""Situations where a photo proves nothing the customer has not said (a damaged item or a dish is another matter)."""
_ASKS_FOR_PROOF = re.compile(r"\b(?:photos?|screenshots?|pictures?|anything that shows|proof)\b", re.IGNORECASE)


def minimises(text: str) -> bool:
    """Tell whether a line makes light of a problem ("sorry for the hassle", "thanks for the nudge")."""
    return _MINIMISES.search(text) is not None


def asks_for_details(text: str) -> bool:
    """Tell whether a line asks the customer for details (an order number, a reference, a photo, the email)."""
    return _ASKS_FOR_DETAILS.search(text) is not None


CHEERFUL_TAGS = frozenset({"playful", "cheerful"})
DIAGNOSTIC_TAG = "diagnostic"
"""A next step that asks a troubleshooting question or prescribes a fix: only for posts that said little."""
NAMING = ("subject.named", "details.")
"""Template text that names what the customer wrote about: such phrases are drawn more often."""
_NAMING_BOOST = 2.0


def _cheerful(phrase: Phrase) -> bool:
    """Tell whether a phrase is too cheerful for a sensitive period: tagged playful or cheerful, or exclaiming."""
    return "!" in phrase.text or not CHEERFUL_TAGS.isdisjoint(phrase.tags)


def _render_options(options: Sequence[Phrase], context: Mapping[str, Any]) -> list[tuple[Phrase, str]]:
    out = []
    sms = context["channel"]["id"] == "sms"
    for p in options:
        try:
            text = render_phrase(p.text, context, phrase_id=p.id)
        except RenderError:
            continue  # a phrase that cannot read naturally with these values is not a candidate
        out.append((p, gsm_friendly(text) if sms else text))  # one en dash would make the SMS UCS-2
    return out


def _plain_steps(rendered: list[tuple[Phrase, str]]) -> list[tuple[Phrase, str]]:
    """The next steps that neither ask a question nor prescribe a fix (tag ``diagnostic``)."""
    return [(p, t) for p, t in rendered if "?" not in t and DIAGNOSTIC_TAG not in p.tags]


def _apologises(text: str) -> bool:
    """Whether a rendered phrase apologises (the validators' own apology pattern)."""
    from carevoice.checks.context import tone_data
    from carevoice.checks.kinds import find_all

    return bool(find_all(text, tone_data().apology))


_THANKS = re.compile(r"\bthank|\bappreciate (?:you|it|that|the)\b|\bgrateful\b|\bcheers for\b|\bgood of you\b|"
                     r"\bkind of you\b", re.IGNORECASE)
_DM = re.compile(r"\b(?:DMs?|DM'd|direct message|private message|message us|inbox)\b", re.IGNORECASE)
_EMERGENCY = re.compile(r"\b(?:emergency services|(?:call|ring|dial|phone) (?:999|911|112|000|111))\b", re.IGNORECASE)
_URGENT = re.compile(r"\b(?:urgent(?:ly)?|right away|straight away|immediately|as a priority|priority)\b",
                     re.IGNORECASE)
_SERIOUS = re.compile(r"\bserious(?:ly)?\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _moves(text: str) -> frozenset[str]:
    """The moves a rendered part makes that a reply should make only once.

    They are: apologise, thank, ask for a DM, say it is urgent ("we'll help straight away ... we'll act on
    it right away" says it twice), say it is taken seriously ("this is serious and we're treating it that way.
    We're taking this seriously"), and send to the emergency services ("call the emergency services first ...
    if anyone is hurt, call 999").
    """
    found = {"apologise"} if _apologises(text) else set()
    if _THANKS.search(text):
        found.add("thank")
    if _DM.search(text):
        found.add("dm")
    if _URGENT.search(text):
        found.add("urgent")
    if _SERIOUS.search(text):
        found.add("serious")
    if _EMERGENCY.search(text):
        found.add("emergency")
    return frozenset(found)


_QUICK_THANKS = re.compile(r"\bthank\w*(?: you)? for (?:telling|flagging|letting|raising|warning|reporting)\b[^.?!]*"
                           r"\b(?:straight away|so quickly|quickly|right away|so fast|promptly)\b", re.IGNORECASE)
"""Thanks for telling us fast ("thank you for telling us straight away"): wrong to someone who has waited days."""


def _chased(context: Mapping[str, Any]) -> bool:
    """Whether the post has waited or chased already (a long wait, asked again, no reply, contacted us)."""
    return (bool(context["details"].get("contacted")) or holds(context, "post.long_wait")
            or holds(context, "post.asked_again") or holds(context, "post.awaiting_reply")
            or holds(context, "post.sent") or holds(context, "post.ongoing"))


_DROPPABLE = ("greet", "apologise", "explain", "thank", "acknowledge")
"""Stages whose part gives way when it repeats a move another part makes, most droppable first."""


def _clash(parts: Sequence[tuple[str, Phrase, str]]) -> tuple[int, int] | None:
    """The first two parts that make the same move (two thanks, two apologies, two DM asks, two "urgent"s)."""
    return next(((i, j) for i in range(len(parts)) for j in range(i + 1, len(parts))
                 if _moves(parts[i][2]) & _moves(parts[j][2])), None)


_PLAIN_WORDS = frozenset({
    "a", "an", "the", "to", "of", "and", "or", "we", "we'll", "we're", "we've", "you", "your", "you're", "us", "it",
    "it's", "is", "in", "on", "for", "by", "i", "i'm", "i'll", "this", "that", "with", "be", "at", "so", "if", "our",
    "me", "my", "as", "can", "just", "get", "got",
})
"""Words too common to make a repeated three-word run an echo on their own ("and we'll", "by DM")."""
_WORD = re.compile(r"[a-z0-9'’-]+")
_IS = re.compile(r"\b(anyone|someone|everyone|no ?one|nobody|it|that|there|he|she|what|who|this)'s\b")
"""A contraction of "is" ("anyone's hurt"), spelt out so that "if anyone's hurt" and "if anyone is hurt" match."""
_LET_US = re.compile(r"\blet us (?!know\b)")
""""Let us look into this" is "let's look" said again ("let's look a bit deeper. Let us look into this"); "let us
know" asks something else."""


_DOERS = frozenset({"we'll", "we", "we've", "we're", "let's", "i'll", "i've", "i'm"})
"""Words that lead a two-word run of what we do ("we'll look", "let's check"): said twice, the parts read as
stitched ("we'll look into it properly. We'll look at the offer ...")."""
_DOING = frozenset({"take", "act"})
"""Verbs whose two-word run is an echo even with a plain word after them ("let's take a look. ... we'll take a
closer look", "we'll act on it. ... so we can act on this")."""


def _stem(word: str) -> str:
    """A word without a plural or third-person "s", so that "it means a lot" echoes "it'll mean a lot"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "'s", "us", "is")) else word


@lru_cache(maxsize=8192)
def _runs(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of a rendered part that would read as an echo in another part of the reply.

    Three-word runs that hold a word of substance ("get you back", "act on it"), two-word runs of what we do
    ("we'll look", "take a", "act on"), any "let's" ("let's get it sorted between us. Let's sort this privately"),
    and a reference with a digit in it ("Sorry about the disruption to SK482.
    We'll find out what's happening with SK482.").
    """
    said = _LET_US.sub("let's ", _IS.sub(r"\1 is", text.lower().replace("’", "'")))
    words = [_stem(w) for w in _WORD.findall(said)]
    runs = zip(words, words[1:], words[2:], strict=False)
    doing = itertools.pairwise(words)
    return frozenset([*(run for run in runs if not _PLAIN_WORDS.issuperset(run)),
                      *((a, b) for a, b in doing
                        if (a in _DOERS and b not in _PLAIN_WORDS) or a in _DOING),
                      *((word,) for word in words if len(word) >= 3 and not word.isalpha() and not word.isdigit()
                        and any(c.isdigit() for c in word)),
                      *((("let's",),) if "let's" in words else ())])


def _echoes(parts: Sequence[tuple[str, Phrase, str]]) -> bool:
    """Whether two parts say the same three words ("... let's get you back in. Let's get you back in: ...")."""
    return any(_runs(parts[i][2]) & _runs(parts[j][2]) for i in range(len(parts)) for j in range(i + 1, len(parts)))


def repeats_a_move(parts: Sequence[tuple[str, Phrase, str]]) -> bool:
    """Whether two parts make the same move or say the same words twice.

    The moves are two thanks, two apologies, two DM asks, two "urgent"s, two "serious"es, or two calls to the
    emergency services.
    """
    return _clash(parts) is not None or _echoes(parts)


def _one_of_each_move(parts: list[tuple[str, Phrase, str]]) -> list[tuple[str, Phrase, str]] | None:
    """The parts with each move made once ("Thanks for reaching out. ... thanks for flagging it": one thanks).

    A part that repeats a move gives way when its stage is droppable (a greeting before an
    acknowledgement that apologises, a separate apology after one, an acknowledgement whose
    thanks the next step repeats); None when two parts that must stay make the same move, or when two
    parts say the same three words.
    """
    if _echoes(parts):
        return None  # the same words twice read as stitched parts: another draw, not a part dropped
    while (clash := _clash(parts)) is not None:
        ranked = sorted((_DROPPABLE.index(parts[k][0]), k) for k in clash if parts[k][0] in _DROPPABLE)
        if not ranked:
            return None
        parts = [x for k, x in enumerate(parts) if k != ranked[0][1]]
    return parts


def _weight(phrase: Phrase, rest: Mapping[str, float]) -> float:
    boost = _NAMING_BOOST if any(mark in phrase.text for mark in NAMING) else 1.0
    return phrase.weight * boost * rest.get(phrase.id, 1.0)


def make_candidates(
    bank: Bank,
    plan: Plan,
    context: Mapping[str, Any],
    *,
    channel: str,
    emotion: str,
    sensitive: bool,
    rng: random.Random,
    count: int,
    rest: Mapping[str, float] | None = None,
    fits: Callable[[str], bool] = lambda _text: True,
    extra: Mapping[str, Sequence[Phrase]] | None = None,
    greet_rate: float = 1.0,
) -> list[Candidate]:
    """Up to ``count`` distinct candidates that fit the channel, phrases drawn by weight times rest.

    ``extra`` gives ready phrases for stages that have no cell (the bank's matched ``answer``).
    A phrase that ``covers`` later stages makes them unneeded (one sentence, two moves). A greeting
    opens a reply with probability ``greet_rate``. A candidate too long for the channel is shortened
    (optional stages dropped, shorter phrasings chosen); when none can fit, the shortest possible
    reply is returned alone.
    """
    rest = rest or {}
    extra = extra or {}
    options: list[tuple[str, list[tuple[Phrase, str]]]] = []
    for stage in plan.stages:
        if stage in extra:
            found = tuple(extra[stage])
        elif stage == "move_private":
            found = _private_steps(bank, plan, channel=channel, emotion=emotion, sensitive=sensitive,
                                   context=context)
        else:
            found = stage_options(bank, plan.situation, stage, channel=channel, emotion=emotion,
                                  sensitive=sensitive, intent=plan.intent, context=context)
        rendered = _render_options(found, context)
        if stage in ("resolve", "move_private") and context.get("post", {}).get("detailed"):
            # a post that told its story gets a next step, not questions it may already have answered;
            # when the situation's cell has none, the general cell's plain next steps
            plain = _plain_steps(rendered)
            if not plain and stage == "resolve" and plan.situation != "general":
                plain = _plain_steps(_render_options(stage_options(
                    bank, "general", stage, channel=channel, emotion=emotion, sensitive=sensitive,
                    intent=plan.intent, context=context), context))
            rendered = plain or rendered
        if stage == "find_out":
            # "we'll check and come back to you here" promises the answer: a question back ("which device are you
            # on?") or a fix would guess at what was asked
            rendered = _plain_steps(rendered) or rendered
        if plan.no_apology:
            rendered = [(p, t) for p, t in rendered if "apologise" not in p.covers and not _apologises(t)]
        elif plan.split_apology and stage == "acknowledge":
            rendered = [(p, t) for p, t in rendered if "apologise" not in p.covers] or rendered
        if rendered:
            options.append((stage, rendered))
    sign_off = ""
    if bank.voice.sign_off:
        try:
            sign_off = render_phrase(bank.voice.sign_off, context, phrase_id="voice.sign_off")
        except RenderError:
            sign_off = ""
    proper = frozenset(
        w for key in ("brand", "customer", "agent") for v in context[key].values() if isinstance(v, str)
        for w in v.split()
    )
    by_stage = dict(options)
    weighted = [(stage, rendered, [_weight(p, rest) for p, _ in rendered]) for stage, rendered in options]
    seen: set[tuple[str, ...]] = set()
    out: list[Candidate] = []
    for _ in range(count * 3):
        parts: list[tuple[str, Phrase, str]] = []
        covered: set[str] = set()
        for stage, rendered, weights in weighted:
            if stage in covered:
                continue
            if stage == "greet" and greet_rate < 1.0 and rng.random() >= greet_rate:
                rng.random()  # keep the draw sequence the same length either way
                continue
            p, text = rng.choices(rendered, weights=weights)[0]
            parts.append((stage, p, text))
            covered.update(p.covers)
        kept = _one_of_each_move(parts)
        if kept is None:
            continue
        parts = kept
        drawn = shorten(Candidate(tuple(parts), sign_off, proper), by_stage, fits)
        if drawn is None:
            continue
        cand = drawn
        if cand.phrase_ids not in seen:
            seen.add(cand.phrase_ids)
            out.append(cand)
        if len(out) >= count:
            break
    if not out and options:
        parts = []
        covered = set()
        for stage, rendered in options:
            if stage not in covered:  # "Sorry for the trouble with the website." needs no "Sorry about this." after
                p, text = min(rendered, key=lambda o: len(o[1]))
                parts.append((stage, p, text))
                covered.update(p.covers)
        parts = [x for x in parts if x[0] not in OPTIONAL_STAGES] or parts
        out.append(Candidate(tuple(parts), sign_off, proper))
    return out


_OWN_PRIVATE_STEPS = 3
"""A situation with this many private next steps of its own does not need the generic ``any`` ones."""


def _private_steps(bank: Bank, plan: Plan, *, channel: str, emotion: str, sensitive: bool,
                   context: Mapping[str, Any]) -> tuple[Phrase, ...]:
    """The next steps that move a reply private: the situation's own first, the generic ones only if it has few.

    A situation's ``move_private`` cell and its ``resolve`` lines that already lead to a private channel
    are specific ("DM us the last four digits of the card"); ``any.move_private`` is the fallback.
    """
    fit = {"channel": channel, "emotion": emotion, "sensitive": sensitive, "intent": plan.intent, "context": context}
    scam = holds(context, "urgency.fraud") or holds(context, "post.phishing")
    for ask in ("check_dm", "dm_me", "callback"):
        if context.get("asks", {}).get(ask) and not (ask == "callback" and scam):
            # "booking in your DMs": the conversation is private already; the step is the one that says we're
            # reading it. "out of contract next month, DM me": the step says we've messaged them. "can someone
            # please call me. I am locked out": the step sets up the call (never to someone worried about a scam,
            # where "we'll ring you" is what the scammer says)
            read_dm = tuple(p for p in stage_options(bank, plan.situation, "resolve", **fit)  # type: ignore[arg-type]
                            if f"asks.{ask}" in p.when)
            if read_dm:
                return read_dm
    own = stage_options(bank, plan.situation, "move_private", fallback=False, **fit)  # type: ignore[arg-type]
    own += tuple(p for p in stage_options(bank, plan.situation, "resolve", fallback=False, **fit)  # type: ignore[arg-type]
                 if "channel.private" in p.text and p not in own)
    if len(own) < _OWN_PRIVATE_STEPS:
        own += tuple(p for p in stage_options(bank, "any", "move_private", **fit)  # type: ignore[arg-type]
                     if p not in own)
    else:  # a generic step for what is at stake (someone seeing another customer's account) the situation lacks
        own += _not_covered(tuple(p for p in stage_options(bank, "any", "move_private", **fit)  # type: ignore[arg-type]
                                  if _at_stake(p) and p not in own), by=own)
    # a generic next step that goes private for what is at stake ("money sent to the wrong person"), written as a
    # resolve line, where the situation has none of its own for it
    own += _not_covered(tuple(p for p in stage_options(bank, "any", "resolve", **fit)  # type: ignore[arg-type]
                              if _at_stake(p) and "channel.private" in p.text and p not in own), by=own)
    asks = _given_asks(context)
    own = tuple(p for p in own if not _asks_again(p.text, asks)) or own
    if holds(context, "post.sent"):  # "I sent the photos a week ago": a step that doesn't ask for them again
        own = tuple(p for p in own if not asks_for_details(p.text)) or tuple(
            p for p in stage_options(bank, "any", "move_private", **fit)  # type: ignore[arg-type]
            if not asks_for_details(p.text)) or own
    # what is at stake (someone stranded, a legal threat) picks the step; an ask alone does not narrow the pool here
    return tuple(p for p in own if _at_stake(p)) or own


def answer_phrases(answer: Answer, situation: str) -> tuple[Phrase, ...]:
    """A matched bank answer as phrases of the ``answer`` stage (one per phrasing; the link follows the text)."""
    out = []
    for i, text in enumerate(answer.texts, 1):
        body = f"{text} {answer.link}" if answer.link else text
        out.append(Phrase(id=f"{answer.bank}.answer.{answer.id}.{i}", situation=situation, stage="answer",
                          text=body, bank=answer.bank, file=answer.file, line=answer.line))
    return tuple(out)


def shorten(candidate: Candidate, options_by_stage: Mapping[str, Sequence[tuple[Phrase, str]]],
            fits: Callable[[str], bool]) -> Candidate | None:
    """Make a candidate fit: drop optional stages, then choose the shortest phrasing per stage."""
    if fits(candidate.text):
        return candidate
    parts = list(candidate.parts)
    for stage in OPTIONAL_STAGES:
        parts = [x for x in parts if x[0] != stage]
        c = Candidate(tuple(parts), candidate.sign_off, candidate.proper)
        if fits(c.text):
            return c
    shortest = []
    for stage, p, text in parts:
        opts = options_by_stage.get(stage) or [(p, text)]
        sp, st = min(opts, key=lambda o: len(o[1]))
        shortest.append((stage, sp, st) if len(st) < len(text) else (stage, p, text))
    c = Candidate(tuple(shortest), candidate.sign_off, candidate.proper)
    return c if fits(c.text) else None
