"""Planning: which action a post gets and which moves its reply makes, from the reading, with the reasons.

The plan follows the intent, as a care lead would answer:

- **praise**: a warm, specific thank-you (and a promise to pass kind words on);
- **complaint**: an acknowledgement that names the thing and an apology
  (often one sentence does both), then one concrete next step;
- **question**: the bank's answer when one matches clearly, else an honest
  next step for that question;
- **request**: the request met directly ("we're looking at your DM now");
- **follow-up**: sorry for the wait, then where it stands;
- **danger**: a calm, serious line, the safety step, escalation;
- **banter**: a light line in the brand's voice (or no reply);
- **spam** and **abuse**: no reply (a boundary line is offered for abuse);
- a post in another language, a reading too unsure to act on, or nothing in
  the bank that fits: ``needs_agent``, with a holding line and the reason.

A greeting opens only a calm post (never an angry, frightened or grieving
one). Personal data posted in public adds a privacy line and moves the
conversation private; account-specific situations move private too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from carevoice._kinds import CATEGORIES, Action, Category
from carevoice._plain import PiiMatch, Reading

if TYPE_CHECKING:
    from carevoice.bank.settings import DraftingSettings

__all__ = ["ACCOUNT_SPECIFIC", "COMPLAINTS", "INTENT_STAGES", "Plan", "all_possible_plans", "intents_for",
           "joke_about_a_problem", "plan_reply", "possible_plans", "possible_stage_plans", "remember_possible_plans"]

COMPLAINTS = frozenset({
    "late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "service_outage",
    "app_bug", "flight_disruption", "lost_baggage", "rude_staff", "product_defect", "fraud_security",
    "connectivity", "transport_disruption", "booking", "food_order", "loyalty", "gift_card_promo",
})
ACCOUNT_SPECIFIC = frozenset({"billing_error", "refund_status", "account_access", "lost_baggage",
                              "cancellation_request", "fraud_security", "loyalty"})
_OWN_ACCOUNT = ACCOUNT_SPECIFIC - {"fraud_security"}
"""Situations about the customer's own account, where an ask to stop or remove something is no report of others."""
INTENT_STAGES: dict[str, tuple[str, ...]] = {
    "praise": ("greet", "thank", "resolve"),
    "complaint": ("greet", "acknowledge", "apologise", "resolve"),
    "question": ("greet", "acknowledge", "resolve"),
    "request": ("greet", "acknowledge", "resolve"),
    "follow_up": ("greet", "apologise", "resolve"),
    "danger": ("acknowledge", "safety", "resolve"),
    "banter": ("acknowledge",),
    "abuse": ("boundary",),
    "spam": (),
    "other_language": ("handoff",),
}
"""The moves of a reply by intent, before the reading adjusts them."""
_JOKED_ABOUT = COMPLAINTS - {"fraud_security", "loyalty", "gift_card_promo", "rude_staff"}
"""Problems a joke may be about and still want the problem met ("if I had a dollar for every dropped call..."); a
joke about a hacking attempt, points or a promotion, or about a member of staff, is answered as the joke."""
_JOKE_PROBLEM_SURE = 0.9
"""A joke about a problem is met as the problem when its situation is read at least this surely."""


def turned_from_praise(reading: Reading) -> bool:
    """Whether the reading turned kind words into a complaint ("crew were lovely. the food though...").

    The one test of it, for the plan and for `post.praised`.
    """
    from carevoice.concentrate.reading import TURNED_REASON  # the reading's module is loaded once a post is read

    return any(r.startswith(TURNED_REASON) for r in reading.reasons)


def joke_about_a_problem(reading: Reading) -> bool:
    """Tell whether a post read as banter jokes about a problem read surely, to meet as a complaint told as a joke.

    "if I had a dollar for every dropped call this week I could pay my bill", "when your flight is delayed so
    long you learn the names of the Starbucks staff": a quip back ("we'll take that as a compliment") makes light
    of a real problem, so the reply smiles back, says sorry and takes the problem up (`post.wry`).
    """
    return (reading.intent == "banter" and reading.category in _JOKED_ABOUT
            and reading.confidence >= _JOKE_PROBLEM_SURE and not reading.urgency and not reading.sarcasm)


_SPECIFIC = COMPLAINTS | {"feature_request"}
"""Situations whose lines assume what the post is about, so an unsure reading takes the general lines instead
(feature requests: "Nice idea. Which device would you use it on?" to a bug report or an availability question)."""
_CALM = frozenset({"neutral", "delight"})
_SUGGESTION_SURE = 0.5
"""A request read as a feature request at least this surely is drafted from its lines ("please add a vegan option
to the buffet"): asking for something new is what those lines answer, and the general ones would ask for details."""
_ASKED_FOR = frozenset({"cancellation_request", "refund_status", "account_access", "fraud_security"})
"""Situations whose lines serve "how do I cancel / get my refund / get back in?": the step is the answer."""
_OPEN_QUESTIONS = frozenset({"general_question", "general"})
"""Situations whose questions only an answer can serve: without one, an agent writes it."""
ESCALATE = {"safety": "safety risk reported", "threat": "a threat to a person", "vulnerable": "a vulnerable person",
            "fraud": "fraud or money lost", "legal": "legal threat", "data_exposure": "possible data exposure"}


@dataclass(frozen=True)
class Plan:
    """What to do with a post and which stages the reply needs, with the reasons."""

    action: Action
    situation: str
    stages: tuple[str, ...]
    escalation: str | None
    move_private: bool
    reasons: tuple[str, ...]
    intent: str = "complaint"
    no_apology: bool = False
    """The post is positive: no phrase of the reply may apologise."""
    split_apology: bool = False
    """Phrases that acknowledge and apologise at once are set aside (the variation engine's wider plan)."""
    find_out: bool = False
    """A calm question nothing in the bank answers, drafted as "we'll check and come back to you here": an agent
    must post the answer in the thread (``drafting.find_out``)."""
    clarify: bool = False
    """A post read too unsurely to act on, met by asking what the customer needs (``drafting.clarify``)."""
    knock: bool = False
    """The post only knocks ("hello?? anybody there?"): the clarify line asks what they were waiting on."""


_SURE_SITUATION = 0.9
"""A situation read at least this surely lets an unsure complaint be drafted from its lines."""
_SURE_COMPLAINTS = frozenset({"late_delivery", "wrong_item", "billing_error", "refund_status", "account_access",
                              "service_outage", "app_bug", "flight_disruption", "lost_baggage", "rude_staff",
                              "product_defect", "connectivity", "transport_disruption", "food_order"})
"""Situations that are complaints in themselves (not praise, a question about the offer or a request)."""


_UNSURE = "the reading is unsure"
"""How :func:`_handoff` begins its reason for a reading too unsure to act on."""


def _handoff(reading: Reading, drafting: DraftingSettings, locale: str) -> str | None:
    """Why the post goes to an agent, if it does."""
    languages = drafting.languages or [locale.split("-")[0].lower()]
    if reading.intent == "other_language" or reading.language not in languages:
        return f"the post is in '{reading.language}'; this bank answers in {', '.join(languages)}"
    if reading.intent in ("danger", "spam", "abuse"):
        return None
    if reading.intent_confidence < drafting.min_confidence and not (
            reading.intent == "complaint" and reading.negative and reading.category in _SURE_COMPLAINTS
            and reading.confidence >= _SURE_SITUATION):
        # "the advisor told my mum she was too old to understand the ISA": the intent's words are few, but the
        # situation is read surely and is itself a complaint (rude staff, a late order), so its lines are safe
        return (f"{_UNSURE}: intent {reading.intent} {reading.intent_confidence:.2f} "
                f"< {drafting.min_confidence:.2f}")
    return None


def _finds_out(reading: Reading, intent: str, drafting: DraftingSettings, *, pointed: bool, negative: bool,
               plain: bool = False) -> bool:
    """Whether a question nothing in the bank answers may be drafted as an honest "we'll find out" reply.

    Only a calm, plain question: nothing wrong read in it (no trouble, sarcasm, urgency or bereavement), no
    anger, fear or sadness, not intense, no personal data posted (that reply moves private), and not
    ``pointed`` (a challenge, a price complaint or a policy question). Reviewers published such replies to
    simple questions ("do points expire?") nearly always, and stopped them on complaints phrased as questions
    ("why do I have to pay £15 to keep my number??"). ``negative`` is the plan's own word on whether the post
    is negative (see :func:`_negative`: a complaint it took for a calm question does not count, "what are your
    opening hours at the Leeds store?").

    A ``plain`` question (about nothing the bank has lines for: no what-if, policy question or how-to) may also
    carry some worry or annoyance ("lost my purse on the 13:05, any chance someone handed it in??") when it is
    read surely as a question and not as a joke: reviewers published 58 of 76 such replies, where a hand-off
    publishes nothing (the plan then leaves out the greeting and the apology).
    """
    upset = reading.emotion not in _CALM or negative
    return (drafting.find_out and intent == "question" and not pointed
            and (not upset or (plain and (reading.emotion in _UPSET_FIND_OUT or reading.emotion in _CALM)
                               and not reading.bereavement
                               and reading.intent == "question" and reading.intent_confidence >= _UPSET_SURE
                               and reading.intent2 != "banter"))
            and not reading.urgency and not reading.sarcasm and reading.intensity < 0.6
            and not reading.pii)


_UPSET_FIND_OUT = frozenset({"frustration", "anxiety"})
"""Bad feelings a question may carry and still be met with "let me check": not anger, sadness or fear."""
_UPSET_SURE = 0.8
"""An upset question is met with "let me check" only when its intent is read at least this surely."""


def _negative(reading: Reading, calm_question: bool) -> bool:
    """Whether the post reads as negative, where a complaint the plan took for a calm question does not count.

    That complaint alone does not make the post negative, though a grief or a problem situation read in it does.
    """
    return reading.negative and not (calm_question and not reading.bereavement and reading.category not in COMPLAINTS)


_OWN_CASE_DETAILS = ("order_id", "booking_id", "flight", "error", "contacted", "tried", "forgot")
"""Details that tie a question to the customer's own case (an order, a booking, an earlier contact)."""


def _about_the_offer(reading: Reading) -> bool:
    """A calm question about what the brand offers or allows, not about the customer's own case.

    Nothing went wrong (``negative`` is false: the reading sets it for any urgency, sarcasm or bereavement too),
    nothing is asked of the brand, no detail of an order, booking or earlier contact is given, and the thing
    asked about is not "my ...".
    """
    if reading.negative or reading.asks:
        return False
    if any(getattr(reading.details, name) for name in _OWN_CASE_DETAILS):
        return False
    subject = reading.subject.text.lower() if reading.subject else ""
    return not subject.startswith(("my ", "our "))


_URGENT_SURE = 0.65
"""An urgent post (a safety risk, a threat, a vulnerable person) keeps its situation only this sure."""
_URGENT_OWN_LINES = frozenset({"fraud", "data_exposure", "legal", "stranded"})
"""Urgencies whose lines live in the situations they come with (fraud, a hacked account, a declined card abroad):
no fallback for these alone."""
_URGENT_SITUATIONS = frozenset({"fraud_security", "account_access"})
"""Situations whose own lines are written for the urgencies read in them: never swapped for the general lines."""
_HOME = {"rail": "transport_disruption", "airline": "flight_disruption"}
"""The situation a transport brand's danger lines are written for (a threat on a train, on a plane): an urgent post
read there, however unsurely, is on board, and its lines name the brand's own help (British Transport Police on
61016, the crew)."""
_STRANDED_OWN_LINES = frozenset({"flight_disruption", "transport_disruption", "booking", "billing_error",
                                 "lost_baggage"})
"""Situations with lines for someone stranded (a cancelled flight, a card declined abroad); a stranded post read
unsurely as another ("key box code doesn't work" read as a gift card) takes the general lines."""
_SCAM_SITUATION: Category = "fraud_security"
"""Where a fraud or a break-in read with no situation goes: its lines are written for them."""
_NO_FRAUD_LINES = frozenset({"food_order", "product_defect", "flight_disruption", "transport_disruption",
                             "lost_baggage", "connectivity", "service_outage", "wrong_item", "rude_staff"})
"""Situations whose danger lines are about their own harms (food safety, a faulty product, a journey): a fraud or
a data exposure read in one ("a text going round saying claim your free meal, enter card details") takes the fraud
lines."""


HOW_TO = re.compile(
    r"\b(?:how (?:do|can|would|should) (?:i|we)|where (?:do|can) (?:i|we)|do (?:i|we) need to|"
    r"what do (?:i|we) need to)\b"
    r"|(?:^|[.!?]\s+|\n|\s[-–]\s)\W*(?:(?:@\w+|hi|hey|hello|hiya|quick question)[\s,:!-]+)*"
    r"(?:can (?:i|we) (?:still )?(?:use|bring|add|take|change|get|pay|book|transfer|swap|link|move|set|upgrade|"
    r"downgrade|choose|pick|travel|fly))\b",
    re.IGNORECASE)
"""A question asking how to do something ("how do I add a guest?", "can I bring a folding stroller?")."""


_ADDRESSED = re.compile(
    r"\?|\b(?:i|i'?m|im|i'?ve|ive|i'?ll|i'?d|me|my|mine|myself|help|please|pls|plz|can (?:you|u|someone|anyone)|"
    r"could (?:you|u|someone|anyone)|anyone|anybody)\b|[’']m\b"
    r"|(?:^|[.!\n]\s*)\W*(?:@\w+[\s,:]+)*(?:why|how|what|who|when|where)\b", re.IGNORECASE)
"""Marks of a message to the brand: a question, the customer speaking of themselves, a plea for help. A
question word counts where it opens a sentence ("why is it down"), not inside one ("for customers who need us")."""
_LINK_PLACEHOLDER = re.compile(r"\[link\]|(?:^|\s)link\s*$", re.IGNORECASE)
"""The placeholder a corpus left where a URL was ("... link" at the end, "[link]"); URLs are the reader's own."""


def has_link(text: str) -> bool:
    """Whether a post carries a link: a URL as the reader finds one, or a corpus's placeholder for one (`post.link`)."""
    from carevoice.concentrate.keywords import unlink

    return unlink(text)[1] > 0 or _LINK_PLACEHOLDER.search(text) is not None


_ENGLISH = re.compile(r"\b(?:the|and|to|of|is|are|for|our|we|will|with|you|your|this|that|in|on)\b", re.IGNORECASE)
_PLEA = re.compile(
    r"\b(?:need (?:some )?help|help me|please help|help (?:pls|plz|please)|can (?:you|u|someone|anyone) help|"
    r"what['’]?s this|what is this|is this (?:normal|real|legit|genuine))\b|^\W*what\b", re.IGNORECASE)
"""A plea for help or a bare "what's this?" ("Hi twitter friends I need help finding new shows", "what's this
about 😩 [link]"): a post that says too little to act on asks to be asked."""
_KNOCK = re.compile(
    r"^\W*(?:(?:hi|hello|hey|yo|oi|helloo+|excuse me)\b\W*)*(?:(?:is )?(?:any ?(?:one|body)|some ?(?:one|body)) "
    r"(?:there|home|around|awake|about|listening|out there|reading this|working today)\b|hello+|hi|hey)\W*$",
    re.IGNORECASE)
"""A post that only knocks ("hello?? anybody there?", "is anyone there"): nothing to check, so ask what is needed."""
_VAGUE_WORDS = 30
"""A pleading post longer than this has said enough that a question back would not be listening."""


_REPORTED_BEFORE = re.compile(
    r"\b(?:report|reporting|block|blocking|ban|from|sender|sent by|emails? from|messages? from)\s+"
    r"(?:(?:this|the|an?|that|account|address|email|user)\s+)*$", re.IGNORECASE)
"""Words just before an e-mail address that make it someone else's ("How do I report brucekennedy34@yahoo.com",
"phishing emails from support@paypa1.example")."""


def reports_an_address(text: str, pii: Sequence[PiiMatch]) -> bool:
    """Whether every piece of personal data in a post is an e-mail address it reports as someone else's.

    "I've identified a Yahoo account sending phish emails. How do I report brucekennedy34@yahoo.com?": the address
    is the sender's, not the customer's, so the reply asks nobody to delete their post ("my email is ann@x.com" or
    "spam sent to ann@x.com" still is the customer's).
    """
    return bool(pii) and all(m.kind == "email" and _REPORTED_BEFORE.search(text[max(0, m.start - 40):m.start])
                             for m in pii)


def reads_as_announcement(text: str) -> bool:
    """Whether a post reads as a share or an announcement in English, not a message to the brand.

    No question mark, no first person and no plea ("The New @TMobile is the ONLY wireless provider that has the
    resources to launch a broad and deep 5G network", "Join the #PhotoshopMasterclass, LIVE NOW on @Behance"):
    when its reading is too unsure to act on and it reads calm and not negative, it gets no reply rather than a
    question back (praise or a joke still goes to an agent); so does one read surely but about nothing in particular
    that passes on a link or the brand's own words (see :func:`shares_content`). A post in a language the reading
    does not know (no English function word) is no announcement; a shared link's "?" asks nothing.
    """
    from carevoice.concentrate.keywords import unlink

    text = unlink(text)[0]  # "?utm_source=" in a shared link asks nothing
    return _ADDRESSED.search(text) is None and _ENGLISH.search(text) is not None


_PASSED_ON = re.compile(r"\bvia @\w+")
"""Besides a link, the shape of shared content: "via @brand"."""
_BRAND_VOICE = re.compile(
    r"\b(?:our (?:customers|members|guests|branches|stores|network|employees)|"
    r"we(?:['’]re| are) (?:building|launching|proud|excited|committed|temporarily|open|here for))\b",
    re.IGNORECASE)
"""The brand's own voice, passed on: "Our branches are open for customers who need us", "We're building our 5G
network"."""
_PERSONAL = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|i['’]d|me|my|mine|you|your|yours|u|ur)\b", re.IGNORECASE)
"""The customer speaking of themself or to the brand; "we" and "our" alone may be the brand's own voice."""


def speaks_as_brand(text: str) -> bool:
    """Whether a post speaks in the brand's own voice, never of the customer or to the brand.

    "We're building our 5G network quickly... for our customers": its nouns ("5G", "network") name no problem of
    anyone's.
    """
    return _BRAND_VOICE.search(text) is not None and _PERSONAL.search(text) is None


def shares_content(text: str) -> bool:
    """Whether a post carries a link, a "via @brand" or the brand's own voice: the shape of something passed on.

    A link is what :func:`has_link` finds, the same as `post.link`.
    """
    return has_link(text) or _PASSED_ON.search(text) is not None or _BRAND_VOICE.search(text) is not None


_SHARE_WEAK = 0.5
"""A complaint read with less confidence than this from a calm share is read from its nouns, not a grievance."""


def _quiet_share(reading: Reading, intent: str, *, unsure: bool, nothing: bool, shared: bool) -> bool:
    """Whether a post that reads as a share or an announcement is calm and asks nothing, so it needs no reply.

    Calm (emotion neutral), with no question, ask, praise, sarcasm, urgency, abuse or loss read in it, and either
    not negative with an ``unsure`` reading, or ``shared`` content (see :func:`shares_content`) about ``nothing`` in
    particular (no situation, or one read unsurely) read as banter or as a weak complaint: a complaint read only
    from the nouns of a product announcement. A joke or a gripe told to the brand, with no link, is answered.
    """
    if (reading.emotion != "neutral" or reading.question or reading.asks or reading.praise or reading.sarcasm
            or reading.urgency or reading.abusive or reading.bereavement):
        return False
    if unsure and not reading.negative:
        return True
    if not (shared and nothing):
        return False
    if not reading.negative:
        return intent == "banter"
    return intent == "complaint" and reading.intent_confidence < _SHARE_WEAK


def asks_vaguely(text: str) -> bool:
    """Whether a post asks for help while saying too little to act on.

    "I need help finding new shows", "what's this about 😩 [link]": when its reading is too unsure to act on, a
    clarify line asks what the customer needs. A post that names its need ("I need to reinstall, lost code,
    purchased online win10") or a longer post that told its story still goes to an agent.
    """
    words = _own_words(text)
    return len(words) <= _VAGUE_WORDS and _PLEA.search(" ".join(words)) is not None


def knocks(text: str) -> bool:
    """Whether a post only knocks ("hello?? anybody there?"), with handles and links left out."""
    return _KNOCK.search(" ".join(_own_words(text))) is not None


def _own_words(text: str) -> list[str]:
    """The post's words without handles and links (a link written as "link" too)."""
    return [w for w in text.split() if not w.startswith(("@", "http")) and w.lower() != "link"]


def asks_how(text: str) -> bool:
    """Tell whether a post asks how to do something (a how-to question, answered with steps)."""
    return HOW_TO.search(text) is not None


WHAT_IF = re.compile(
    r"\b(?:hypothetical(?:ly)?|if (?:i|we|my|our) \w+ (?:were|was) to|if (?:i|we) (?:were|was) to|"
    r"what (?:would )?happens? if|what would happen if|supposing|suppose (?:i|we)|in the event (?:that|of))\b|"
    r"^\W*(?:@\w+\s+)*(?:hi|hey|hello)?\W*(?:@\w+\s+)*if (?:i|we) (?:cancel|change|return|miss|move|upgrade|downgrade|"
    r"switch|leave|book|swap|transfer)\b[^.?!]{0,80}\b(?:do|will|would|can|could|is|are) (?:i|we|you|it|there)\b|"
    r"\b(?:are|is|will) (?:the |your |any )?(?:trains?|buses|bus|flights?|services?|trams?|ferr(?:y|ies)|tube|metro|"
    r"stores?|shops?|branch(?:es)?|restaurants?) (?:be )?(?:running|operating|open|flying|on|going ahead)\b"
    r"[^.?!]{0,60}\b(?:tomorrow|tonight|this (?:weekend|week)|next (?:week|weekend|month)|on (?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day|over (?:christmas|easter|the holidays|the bank holiday))\b",
    re.IGNORECASE)
"""A question about what would happen ("hypothetically, if I were to book a flight, could I get a refund?"), or
whether a service will run at a time to come ("are trains running from Edinburgh tomorrow with the snow?")."""


def asks_what_if(text: str) -> bool:
    """Tell whether a post asks what would happen in a case that has not happened (a policy question)."""
    return WHAT_IF.search(text) is not None


POLICY_WHY = re.compile(
    r"\b(?:why (?:are|do|don[’']?t|does|doesn[’']?t|won[’']?t|aren[’']?t|is|isn[’']?t|can[’']?t|would|did|have|"
    r"haven[’']?t) (?:you|u|y'all|yall|your|the|they|retail|banks?|stores?|branches|shops)|"
    r"is there a reason (?:you|u|your|why (?:you|your))|how (?:can|could) you (?:justify|allow|still)|"
    r"any chance (?:you|u)(?:'re| are| will| could| can)?)\b",
    re.IGNORECASE)
"""A question put to the brand about how it runs ("why are your branches still open?", "is there a reason you
refuse to close the lobbies?", "any chance you're opening your hotspots?")."""
_FIRST_PERSON = re.compile(r"\b(?:my|me|mine|i[’']?m|i[’']?ve|i[’']?d|i|we|our|us)\b", re.IGNORECASE)
"""A word of the customer's own ("my", "I", "we"): a post with any is about their own case, not how we run things."""


_CHALLENGE = re.compile(
    r"\b(?:why|how come|what(?:[’']s| is) the point|what(?:[’']s| is) (?:it|that|this|the [\w-]+) for|"
    r"how (?:is|are) (?:it|that|this|they|a|an|the|my|your) [\w' -]{0,40}?(?:meant|supposed) to)\b",
    re.IGNORECASE)
"""A question that challenges the brand more than it asks ("why do I have to pay £15 to keep my number?", "so
what's the limit for?", "how is a 'free' cabin bag meant to fit?"): a complaint in a question's words."""


def challenges(text: str) -> bool:
    """Tell whether a question challenges the brand ("why ...", "what's the point", "how is X meant to ...")."""
    return _CHALLENGE.search(text) is not None


def asks_about_policy(text: str) -> bool:
    """Tell whether a post questions how the brand runs, with nothing of the customer's own case in it."""
    return POLICY_WHY.search(text) is not None and _FIRST_PERSON.search(text) is None


_PART = re.compile(
    r"\b(?:cancel|remove|stop|end|turn off|switch off|take off|drop)\b(?: [\w'-]+){0,4}? (?:car hire|hire car|"
    r"rental car|seat selection|seats?|bags?|baggage|insurance|upgrade|add-?ons?|extras?|meals?|lounge|parking|"
    r"transfers?|recurring (?:buy|payment|order|transfer)|auto[- ]?top[- ]?up|auto[- ]?renew(?:al)?|standing order|"
    r"premium|boosters?|bolt-?ons?)\b|\bdowngrade\b",
    re.IGNORECASE,
)
"""Part of a booking, plan or account to cancel ("the car hire I added to booking 7HQ2LM", "my recurring buy",
"downgrade me to the free plan"): the lines that cancel the booking or close the account would do too much."""


def asks_part(text: str) -> bool:
    """Tell whether a post asks to cancel or change part of a booking, plan or account, not the whole of it."""
    return _PART.search(text) is not None


_ON_PREMISES = re.compile(
    r"\b(?:in (?:the|our) (?:hotel )?(?:room|suite|apartment|cabin|villa|chalet|lodge)|(?:room|cabin|suite) \d+|"
    r"at (?:the|your) (?:hotel|resort|lodge|inn|hostel)|(?:on|in) the (?:plane|aircraft|train|carriage|coach|bus|"
    r"ferry|tram)|on ?board|in the lounge|at (?:the|your) (?:branch|store|restaurant|station|gym))\b",
    re.IGNORECASE,
)
"""A thing that broke where the brand keeps it ("the hairdryer in room 31", "the seat on the train"): not a
product the customer bought, so no "where did you buy it" (a product defect read as the general situation)."""


def on_premises(text: str) -> bool:
    """Tell whether a post places what went wrong at the brand's own premises or on board (not a purchase)."""
    return _ON_PREMISES.search(text) is not None


_PRICED = frozenset({"billing_error", "loyalty"})
"""Account-specific situations whose account step a complaint about the price itself does without (the others
never move private for their situation)."""
_ASK_SITUATION = {"cancel": "cancellation_request", "refund": "refund_status"}
"""The situation an ask belongs to, where the words named no situation ("please shut my account")."""
_FOREIGN: dict[str, frozenset[str]] = {
    "bank": frozenset({"food_order", "flight_disruption", "lost_baggage", "transport_disruption", "connectivity"}),
    "telecom": frozenset({"food_order", "flight_disruption", "lost_baggage", "transport_disruption"}),
    "retail": frozenset({"flight_disruption", "lost_baggage"}),
    "food": frozenset({"flight_disruption", "lost_baggage", "transport_disruption", "connectivity"}),
    "software": frozenset({"food_order", "flight_disruption", "lost_baggage", "transport_disruption"}),
    "airline": frozenset({"transport_disruption"}),
}
"""Situations a brand of a sector never handles, read from words that mean something else there ("my lunch
break" to a bank, "the bus stop outside my house" to a broadband provider): its lines would answer another
business's problem."""
_SECTOR_SWAP = {("airline", "transport_disruption"): "flight_disruption"}
"""...and the one such situation that is its own sector's in other words (a delay at an airline is a flight's)."""


def plan_reply(reading: Reading, *, out_of_hours: bool = False, drafting: DraftingSettings | None = None,
               locale: str = "en", answered: bool = False, banter: bool = True, how_to: bool = False,
               what_if: bool = False, answered_as: str | None = None, policy: bool = False,
               sector: str = "general", part: bool = False, premises: bool = False, pricing: bool = False,
               hurt: bool = False, unhurt: bool = False, challenge: bool = False, vulnerability: bool = False,
               announcement: bool = False, vague: bool = False, shared: bool = False,
               brand_voice: bool = False, knock: bool = False) -> Plan:
    """Decide the action and the stages for a reading of a post.

    ``answered`` says the bank holds a clear answer to the post (it takes the
    place of the next step); ``banter`` whether the bank answers banter at all;
    ``how_to`` that the post asks how to do something (see :func:`asks_how`); ``what_if`` that it asks what
    would happen in a case that has not happened (see :func:`asks_what_if`); ``answered_as`` the situation of
    the bank's answer, whose lines frame it when the situation read is unsure; ``policy`` that the post
    questions how the brand runs, with no case of the customer's own (see :func:`asks_about_policy`);
    ``sector`` the bank's sector, whose brand never handles some situations (a bank has no food orders);
    ``part`` that the post asks to cancel part of a booking, plan or account (see :func:`asks_part`);
    ``premises`` that what went wrong is at the brand's own premises or on board (see :func:`on_premises`);
    ``pricing`` that the post complains about a price or its value (`post.pricing`); ``hurt`` that someone was
    hurt (`post.hurt`); ``unhurt`` that the post says everyone is fine now (`post.all_ok`: no safety step);
    ``challenge`` that the question challenges the brand rather than asks (see
    :func:`challenges`); ``vulnerability`` that it speaks of a security flaw in the product (`post.vulnerability`);
    ``announcement`` that it reads as a share or an announcement, not a message (see :func:`reads_as_announcement`);
    ``vague`` that it asks for help while saying too little to act on (see :func:`asks_vaguely`); ``shared`` that
    it carries a link or the brand's own voice (see :func:`shares_content`); ``brand_voice`` that it speaks as the
    brand and never of the customer (see :func:`speaks_as_brand`), so a situation read from its nouns is about nothing
    of the customer's; ``knock`` that it only knocks ("hello?? anybody there?", see :func:`knocks`).
    The ``post.*`` flags are read by :func:`carevoice.variables.post_conditions`.
    """
    if drafting is None:
        from carevoice.bank.settings import DraftingSettings

        drafting = DraftingSettings()
    reasons: list[str] = []
    situation, intent = reading.category, reading.intent
    calm_question = False
    if situation in ("general", "general_question") and intent == "request" and (
            ask := next((a for a in reading.asks if a in _ASK_SITUATION), None)):
        # "please shut my Payloop account and send what's left": the ask names the situation the words did not
        reasons.append(f"situation {situation}, but the post asks: {ask}, so {_ASK_SITUATION[ask]} lines")
        situation = cast("Category", _ASK_SITUATION[ask])
    if "opt_out" in reading.asks and "cancel" not in reading.asks and intent in ("request", "complaint"):
        # "please stop calling me to upgrade", "unsubscribe me from everything": no order or plan to cancel, the
        # marketing to stop: the general lines, which meet that ask
        reasons.append(f"situation {situation}, but the post asks for no more marketing: general lines")
        situation = "general"
    if situation == "product_defect" and premises and sector not in ("retail", "software", "telecom"):
        # "the hairdryer in room 31 sparked": the hotel's hairdryer, not one the guest bought; no model, receipt
        # or warranty asked for, and no "everyone at home"
        reasons.append("situation product_defect, but the thing is at our premises or on board: general lines")
        situation = "general"
    if vulnerability and situation == "general" and intent in ("complaint", "question") and not reading.urgency:
        # "really dumb hot takes about security in response to vulnerabilities in their Mac client": read as
        # nothing in particular, it is about a flaw in the product, which the fraud_security lines speak to
        reasons.append("situation general, but about a security flaw in the product: fraud_security lines")
        situation = "fraud_security"
    if situation in _FOREIGN.get(sector, ()):
        swapped = _SECTOR_SWAP.get((sector, situation), "general")
        reasons.append(f"situation {situation} is not one a {sector} brand handles: {swapped} lines")
        situation = cast("Category", swapped)
    if intent == "spam" or reading.spam:
        return Plan("no_reply", "spam", (), None, False, ("spam: no reply",), "spam")
    if intent == "abuse":
        return Plan("no_reply", "abuse", INTENT_STAGES["abuse"], None, False,
                    ("abusive post: no reply recommended; a boundary line is offered if the team answers",), "abuse")
    joked = joke_about_a_problem(reading)
    if joked:
        intent = "complaint"
        reasons.append(f"banter about {situation.replace('_', ' ')}, read surely ({reading.confidence:.2f}): a "
                       "complaint told as a joke, met as one")
    unsure = situation in _SPECIFIC and reading.confidence < drafting.situation_confidence and not (
        situation == "feature_request" and intent == "request" and reading.confidence >= _SUGGESTION_SURE)
    if (intent == "complaint" and (situation in _OPEN_QUESTIONS or unsure) and reading.question
            and not reading.sarcasm and reading.emotion in _CALM and not reading.urgency
            and not turned_from_praise(reading) and not {"check_dm", "dm_me"} & set(reading.asks)):
        # "Will your shop take empty cartridges?", "I didn't know how to unmute them, what should I do?": a calm
        # question about nothing we read surely is a question, not a fault to apologise for (not kind words turned
        # to a problem: "crew were lovely. the food though... what was that meant to be")
        intent, calm_question = "question", True
        reasons.append("a calm post asking a question: answered as a question, not a complaint")
    if (part and (situation == "cancellation_request" or "cancel" in reading.asks) and not reading.urgency
            and drafting.hand_off_general):
        # "please cancel the car hire I added to booking 7HQ2LM": "we'll cancel 7HQ2LM" would cancel the trip
        return Plan("needs_agent", situation, ("handoff",), None, False,
                    ("needs an agent: the post asks to cancel part of a booking, plan or account, and the bank's "
                     "cancellation lines cancel the whole of it", *reasons), intent)
    why = _handoff(reading, drafting, locale)
    nothing = situation == "general" or unsure or brand_voice  # a share about nothing of the customer's
    if (why is not None and why.startswith(_UNSURE) and drafting.clarify and not reading.urgency
            and not reading.sarcasm and not reading.abusive and not reading.praise):
        # "Hi twitter friends I need help finding new shows", "what's this about 😩 [link]": a reading this unsure
        # would guess at a complaint ("sorry it's causing you grief"); a care lead asks what the customer needs.
        # A calm share or announcement ("The New @TMobile is the ONLY wireless provider...") needs no reply at all
        if announcement and _quiet_share(reading, intent, unsure=True, nothing=nothing, shared=shared):
            return Plan("no_reply", "general", (), None, False,
                        (f"{why}, and the post reads as a share or an announcement, not a message to us: no reply "
                         "(drafting.clarify)",), intent)
        if vague:
            return Plan("reply", "general", ("greet", "clarify"), None, False,
                        (f"{why}: the post asks for help and says too little to act on, so a clarify line asks what "
                         "the customer needs (drafting.clarify)",), intent, no_apology=True, clarify=True)
    if knock and drafting.clarify and not reading.urgency and not reading.abusive:
        # "hello?? anybody there?": read as a question, yet it asks nothing we could check; "we'll look into that"
        # would answer nothing, so a clarify line asks what the customer needs
        return Plan("reply", "general", ("greet", "clarify"), None, False,
                    ("the post only knocks (\"anybody there?\"), so a clarify line asks what the customer needs "
                     "(drafting.clarify)",), intent, no_apology=True, clarify=True, knock=True)
    if why is not None:
        return Plan("needs_agent", situation, ("handoff",), None, False, (f"needs an agent: {why}",), intent)
    if announcement and drafting.clarify and _quiet_share(
            reading, intent, unsure=False, nothing=nothing, shared=shared):
        # "Our branches are open for customers who need us...", "Deliver a secure and agile work environment with
        # new Dropbox features for IT [link]": the brand's own words passed on, read as banter or as a complaint
        # only from its nouns; "we'll take that as a compliment" or "sorry that happened" would answer nobody
        return Plan("no_reply", "general", (), None, False,
                    (f"intent {intent} read from no clear sign, and the post reads as a share or an announcement, "
                     "not a message to us: no reply (drafting.clarify)",), intent)
    if unsure and intent != "danger" and not reading.urgency:
        if answered:
            # "is there a phone number I can call?" read as rude_staff at 0.31: the bank's answer stays, and the
            # words around it come from the answer's own situation (or the general lines), never from a
            # situation read this unsurely
            plain: Category = "general_question" if intent == "question" else "general"
            framed = cast("Category", answered_as) if answered_as in CATEGORIES else plain
            reasons.append(f"situation {situation} unsure ({reading.confidence:.2f} < "
                           f"{drafting.situation_confidence:.2f}) beside a clear answer: {framed} lines around it")
            situation = framed
        else:
            reasons.append(f"situation {situation} unsure ({reading.confidence:.2f} < "
                           f"{drafting.situation_confidence:.2f}): the general lines, nothing situation-specific")
            situation = "general"
    elif (answered and intent == "question" and answered_as == "general_question" and situation in ACCOUNT_SPECIFIC
          and not reading.urgency):
        # "what's the return policy on sale items? it doesn't fit" read as refund_status: the bank's answer is about
        # how things work, so the words around it are the general question's, not "sorry your refund isn't showing"
        reasons.append(f"a question answered from how things work, not the customer's {situation}: "
                       "general_question lines around the answer")
        situation = "general_question"
    elif (situation in _SPECIFIC and reading.confidence < _URGENT_SURE and situation not in _URGENT_SITUATIONS
          and _HOME.get(sector) != situation
          and (not _URGENT_OWN_LINES.issuperset(reading.urgency)
               or ("stranded" in reading.urgency and situation not in _STRANDED_OWN_LINES))):
        # a danger read in a situation we are unsure of: a wrong situation's safety lines ("don't leave the train
        # between stations" to a driver on the hard shoulder) are worse than the general danger lines
        reasons.append(f"situation {situation} unsure ({reading.confidence:.2f} < {_URGENT_SURE:.2f}) for an "
                       f"urgent post: the general lines")
        situation = "general"
    if (situation in _NO_FRAUD_LINES and reading.urgency
            and {"fraud", "data_exposure"}.issuperset(reading.urgency)):
        reasons.append(f"{' and '.join(reading.urgency)} read in {situation}, whose danger lines are about its "
                       f"own harms: {_SCAM_SITUATION} lines")
        situation = _SCAM_SITUATION
    if situation in ("general", "general_question") and ({"fraud", "data_exposure"} & set(reading.urgency)):
        # "a guy from 'Glint TV' is on the phone saying pay with gift cards, is this real??": the fraud lines
        reasons.append(f"{' and '.join(u for u in reading.urgency if u in ('fraud', 'data_exposure'))} read with no "
                       f"situation: {_SCAM_SITUATION} lines")
        situation = _SCAM_SITUATION
    negative = _negative(reading, calm_question)  # decided once: the find_out test and the calm ask share it
    unanswered: tuple[str, str] | None = None
    plain_question = False  # a question about nothing we read or a how-to; no what-if or policy question
    if {"dm_me", "check_dm"} & set(reading.asks):
        pass  # "can someone DM me? looking to book the upstairs room": the reply says we've messaged them
    elif (intent == "question" and situation in COMPLAINTS and not answered and _about_the_offer(reading)
            and drafting.hand_off_general):
        # "is breakfast included in the Flex rate?", "can you book a table for 12?": the situation's lines are
        # written for the customer's own booking or order ("DM us the booking reference")
        unanswered = (f"a calm question about {situation.replace('_', ' ')} in general, not the customer's own "
                      "case, that nothing in the bank answers", "")
    elif (intent == "question" and how_to and not answered and not reading.asks and situation not in _ASKED_FOR
            and not reading.urgency and reading.intensity < 0.6
            and reading.emotion in _CALM and not reading.sarcasm and drafting.hand_off_general):
        # "how do I add a second guest to my booking?", "do I need to do anything for my guide dog?": a booking's
        # or a fault's lines ("DM us the reference and we'll check it") answer a problem that was not asked
        unanswered = ("a how-to question that nothing in the bank answers", " (an agent writes the steps)")
        # "how do i remove an old card? app wont let me delete it": a how-to with the snag that sent the customer to
        # us is still a plain question, met with "let me check" when read surely
        plain_question = True
    elif (intent == "question" and what_if and not answered and not reading.urgency and not reading.sarcasm
            and reading.intensity < 0.6 and drafting.hand_off_general):
        # "if I were to book a flight for the summer, would I get a refund?": the situation's lines ("sorry your
        # refund hasn't arrived, DM the booking reference") answer a case that does not exist
        unanswered = ("a question about what would happen, not the customer's own case, that nothing in the bank "
                      "answers", "")
    elif (policy and not answered and intent in ("complaint", "question", "request") and not reading.urgency
            and situation in ("general", "general_question") and drafting.hand_off_general):
        # "is there a reason you refuse to close the lobbies?": the general lines ("DM us the details") treat a
        # question about how the brand runs as the customer's own fault
        unanswered = ("a question about how we run things, not the customer's own case, that nothing in the bank "
                      "answers", "")
    elif intent == "question" and situation in _OPEN_QUESTIONS and not answered:
        unanswered = ("a question nothing in the bank answers", " (an agent writes the answer)")
        plain_question = True
    find_out = unanswered is not None and _finds_out(reading, intent, drafting,
                                                      pointed=challenge or pricing or policy,
                                                      negative=negative, plain=plain_question)
    if unanswered is not None and find_out:
        # "do Amberly points expire?", "is the pool heated?": a calm question nobody has answered for the bank is
        # met the way a care lead meets it, with an honest "let me check and come back to you here"; the agent
        # posts the answer in the thread (the draft's custom slot says so)
        reasons.append(f"{unanswered[0]}: a find_out line promises the answer in this thread "
                       "(drafting.find_out); an agent follows up with it")
        situation = "general_question"
    elif unanswered is not None:
        # an upset, sarcastic or urgent post is more than its question: an agent answers it
        return Plan("needs_agent", situation, ("handoff",), None, False,
                    (f"needs an agent: {unanswered[0]}{unanswered[1]}", *reasons), intent)
    if intent == "banter" and not banter:
        return Plan("no_reply", situation, (), None, False, ("banter: this bank does not answer banter",), intent)
    stages = list(INTENT_STAGES.get(intent, INTENT_STAGES["complaint"]))
    calm = reading.emotion in _CALM and reading.intensity < 0.6 and not reading.urgency and not reading.sarcasm
    if "greet" in stages and not calm:
        stages.remove("greet")
        reasons.append(f"no greeting: the customer is {reading.emotion}")
    elif "greet" in stages and joked:
        stages.remove("greet")  # "Hello, we did laugh, but...": the smile back opens the reply
    calm_ask = intent in ("question", "request") and not negative
    # "please stock the Aero 2 in wide fit, a whole community is begging": keen, not wronged
    suggestion = (intent == "request" and situation == "feature_request" and reading.emotion != "anger"
                  and not reading.sarcasm)
    if calm_ask:  # a calm question or request is answered, not apologised for ("can gift cards be used online?")
        stages.remove("acknowledge")
    elif suggestion:
        reasons.append("a request for something new: thanked for, not apologised for")
    elif find_out:
        # "lost my purse on the 13:05, any chance someone handed it in??": the promise alone, no "sorry this has
        # been such a struggle" that reads a struggle into a first question
        stages.remove("acknowledge")
        reasons.append(f"a question asked with {reading.emotion}: the promise to find out, no apology for a "
                       "struggle the post does not tell")
    elif intent in ("question", "request"):
        stages.insert(stages.index("acknowledge") + 1, "apologise")
        reasons.append(f"{intent} with negative feeling: acknowledged and apologised for first")
    positive = (reading.emotion == "delight" and not reading.sarcasm and not reading.urgency and intent != "follow_up"
                and not joked)  # "dropping every time we enter a tunnel is my meditation practice": still sorry
    if positive and "apologise" in stages:
        stages.remove("apologise")
        reasons.append("a positive post: no apology")
    # "you're still charging me after I cancelled" asks to stop a charge on their own account: no report
    report = "remove" in reading.asks and intent != "praise" and situation not in _OWN_ACCOUNT
    if report and "apologise" in stages:
        stages.remove("apologise")
        reasons.append("a report about someone else (a seller, a listing, a scam): thanked, not apologised for")
    if answered and intent in ("question", "complaint", "request", "follow_up", "danger"):
        stages[stages.index("resolve")] = "answer"
        reasons.append("the bank holds a clear answer: it takes the place of the next step")
    escalation = "; ".join(ESCALATE[u] for u in reading.urgency if u in ESCALATE) or None
    move_private = bool(reading.pii) or situation in ACCOUNT_SPECIFIC or "data_exposure" in reading.urgency
    if intent in ("praise", "banter") or (report and "data_exposure" not in reading.urgency):
        # praise, banter and a report about someone else (a scam link, a fake listing) need no account details:
        # the report's own next step ("thanks for the link, it's with our safety team") answers it in public
        move_private = bool(reading.pii)
    elif pricing and move_private and not reading.urgency and not reading.pii and situation in _PRICED:
        # "why charge 50p extra for oat milk?", "overdraft went from 19.9% to 39.9%": feedback on what we charge,
        # heard and passed on in public; nobody's account needs looking at
        move_private = False
        reasons.append(f"{situation}, but a complaint about the price itself: passed on, no account details")
    elif (vulnerability and move_private and situation == "fraud_security" and not reading.urgency
          and not reading.pii):
        # "the vulnerability reported today is bad, and the tepid response...": a critique of how we handle a flaw
        # in the product, answered in public with what the security team is doing; nobody's account was hit
        move_private = False
        reasons.append("fraud_security, but about a security flaw in the product, not an account: answered in public")
    action: Action = "reply"
    if escalation:
        action = "escalate"
        reasons.append(f"escalate: {escalation}")
    elif move_private:
        action = "reply_and_move_private"
    if reading.pii:
        stages.insert(len(stages) - 1 if stages else 0, "privacy")
        reasons.append(f"personal data posted publicly ({', '.join(sorted({m.kind for m in reading.pii}))}): "
                       "ask them to remove it, move private, never echo it")
    elif move_private and situation in ACCOUNT_SPECIFIC:
        reasons.append(f"{situation} needs account details: move private")
    if reading.bereavement and intent != "praise":
        # a death in the family: condolence, then the next step; no process talk (not even the bank's
        # self-service answer: "close it in the app" is not what a grieving relative needs), no apology, no thanks
        stages = [s for s in stages if s not in ("acknowledge", "thank", "apologise", "explain", "greet")]
        stages = ["resolve" if s == "answer" else s for s in stages]
        stages.insert(0, "condolence")
        reasons.append("bereavement: condolence and a gentle next step instead of process")
    elif reading.bereavement:
        # thanks from someone who has lost a relative: condolence, then the kind words passed on; no cheery thanks
        stages = [s for s in stages if s not in ("greet", "thank")]
        stages.insert(0, "condolence")
        reasons.append("bereavement: condolence, then the kind words passed on; no cheery thanks")
    if intent == "danger" and "safety" not in reading.urgency and not hurt and "safety" in stages:
        stages.remove("safety")  # "shoved my brother into a table, he's got a cut on his head": the injury first
    elif intent == "danger" and unhurt and "safety" in stages and reading.category != "product_defect":
        stages.remove("safety")  # "the toggle came off in my son's mouth. He's fine": no ambulance to send for
        reasons.append("everyone is fine now: no safety step")
    if find_out and "resolve" in stages:
        # the promise of an answer in the thread, from the bank's `find_out` lines (base's `any` cell serves every
        # bank that writes none of its own)
        stages[stages.index("resolve")] = "find_out"
    if move_private and "resolve" in stages:
        stages[stages.index("resolve")] = "move_private"
    if out_of_hours and intent not in ("banter", "praise"):
        stages.append("out_of_hours")
        reasons.append("outside service hours: says when a person follows up")
    return Plan(action, situation, tuple(stages), escalation, move_private, tuple(reasons), intent,
                no_apology=positive or intent == "praise" or report or calm_ask or suggestion, find_out=find_out)


def intents_for(situation: str) -> tuple[str, ...]:
    """The intents a post of this situation can be read with (a praise post is praise, and so on)."""
    if situation in ("praise", "abuse", "spam"):
        return (situation,)
    return ("complaint", "question", "request", "follow_up", "danger", "banter")


_Plans = tuple[tuple[str, tuple[str, ...]], ...]
_POSSIBLE: dict[tuple[str, bool], _Plans] = {}


def possible_plans(situation: str, *, out_of_hours: bool = False) -> _Plans:
    """Every (intent, stage sequence) :func:`plan_reply` can give a situation, derived from ``plan_reply`` itself.

    The linter judges length and coverage over these, so it can never drift from the Drafter. The
    ``answer`` stage is filled from the bank's answers, not from a phrase cell. Kept for the process;
    asking with ``out_of_hours`` also keeps the answer without it (the same calls, in the same order).
    """
    key = (situation, out_of_hours)
    if key not in _POSSIBLE:
        _enumerate_plans(situation, out_of_hours)
    return _POSSIBLE[key]


def _enumerate_plans(situation: str, out_of_hours: bool) -> None:
    """Fill :data:`_POSSIBLE` for ``situation``: without service hours, and with them when ``out_of_hours``.

    The plans of a run without hours are those of the calls with ``out_of_hours=False``, which a run with
    hours makes too, in the same order: one pass serves both.
    """
    pii = (PiiMatch(kind="email", start=0, end=1, text="x"),)
    open_plans: list[tuple[str, tuple[str, ...]]] = []
    all_plans: list[tuple[str, tuple[str, ...]]] = []
    urgencies: tuple[tuple[str, ...], ...] = ((), ("safety",), ("data_exposure",), ("safety", "data_exposure"))
    flags = tuple(itertools.product((False, True) if out_of_hours else (False,), (False, True)))
    # the defaults plan_reply would make for each call (it only reads them), but with general questions kept: a
    # question about the customer's own case (an order number given) takes the same stages as these detail-less
    # readings would without the hand-off, and the hand-off's own stage is the general cell's
    from carevoice.bank.settings import DraftingSettings

    drafting = DraftingSettings(hand_off_general=False)
    for name, negative, emotion, found, urgency in itertools.product(
            intents_for(situation), (False, True), ("neutral", "anger", "delight"), ((), pii), urgencies):
        # one reading for every (closed, answered): a frozen model plan_reply only reads
        reading = Reading(category=situation, confidence=1.0, intent=name, intent_confidence=1.0,
                          negative=negative, pii=found, urgency=urgency, emotion=emotion)
        for closed, answered in flags:
            plan = plan_reply(reading, out_of_hours=closed, drafting=drafting, answered=answered)
            # the plan's own intent: a joke about a problem is planned, and its lines are chosen, as a complaint
            stages, planned = plan.stages, plan.intent
            if stages and (planned, stages) not in all_plans:
                all_plans.append((planned, stages))
            if stages and not closed and (planned, stages) not in open_plans:
                open_plans.append((planned, stages))
    if situation == "general":
        # a reading too unsure to act on is met in the general cell by a clarify line, whatever its intent
        for name in intents_for(situation):
            for plans in (open_plans, all_plans):
                if (name, ("greet", "clarify")) not in plans:
                    plans.append((name, ("greet", "clarify")))
    _POSSIBLE[(situation, False)] = tuple(open_plans)
    if out_of_hours:
        _POSSIBLE[(situation, True)] = tuple(all_plans)


def all_possible_plans() -> dict[tuple[str, bool], _Plans]:
    """:func:`possible_plans` of every situation, with and without service hours, by (situation, out_of_hours)."""
    from carevoice.bank.models import SITUATIONS

    return {(s, hours): possible_plans(s, out_of_hours=hours) for s in SITUATIONS if s != "any"
            for hours in (True, False)}


def remember_possible_plans(table: dict[tuple[str, bool], _Plans]) -> None:
    """Keep plans :func:`all_possible_plans` gave earlier, with this same code (the linter's user cache)."""
    _POSSIBLE.update(table)


def possible_stage_plans(situation: str, *, out_of_hours: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every stage sequence :func:`plan_reply` can give a situation (see :func:`possible_plans`)."""
    out: list[tuple[str, ...]] = []
    for _, stages in possible_plans(situation, out_of_hours=out_of_hours):
        if stages not in out:
            out.append(stages)
    return tuple(out)
