"""Reading: the decision that combines every signal of a post into one Reading.

Two layers. The **rules** read what can be read for certain and explain it:
lexicon phrases per situation, emotion words and cues, urgency, abuse, spam,
praise, questions, what the post asks for, its language, details, personal
data and subject. The **learned layer** (:mod:`.model`) weighs the rules'
findings with the post's words to choose the intent, the situation and the
emotion, as people labelled them in ``tests/corpus``.

Some decisions stay with the rules, whatever the weights say:

1. a post not in the bank's language is ``other_language``;
2. spam and abuse as the rules read them (an insult inside a real complaint
   keeps the complaint and only sets ``abusive``);
3. a sign of danger, crime or fraud (safety, a threat, a vulnerable person,
   fraud, data exposure) makes the intent ``danger``: a missed one is the worst
   failure, so these never wait for a weight;
4. praise is never read from sarcasm.

A situation the model is unsure of falls back to the rules' situation, and to
``general`` with low confidence when the rules found none: never a confidently
wrong situation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import compress, repeat
from typing import NamedTuple

from carevoice._kinds import Category, Emotion, Intent, Urgency
from carevoice._models import build
from carevoice._plain import Details, Inbound, PiiMatch, Reading
from carevoice.concentrate.category import CategoryVerdict, categorize
from carevoice.concentrate.details import read_details
from carevoice.concentrate.emotion import NEGATIVE_EMOTIONS, EmotionVerdict, read_emotion
from carevoice.concentrate.evidence import squash
from carevoice.concentrate.features import features
from carevoice.concentrate.intent import DANGER_URGENCIES, IntentVerdict, read_intent, read_signals
from carevoice.concentrate.keywords import Hit, Scan, scan, tokenize
from carevoice.concentrate.language import LanguageVerdict, read_language
from carevoice.concentrate.lexicon import lexicon
from carevoice.concentrate.model import Prediction, classes, describe_feature, predict_all
from carevoice.concentrate.pii import find_pii
from carevoice.concentrate.signals import Abuse, read_abuse, read_praise, read_question, read_spam
from carevoice.concentrate.subject import read_subject
from carevoice.concentrate.urgency import read_urgency
from carevoice.variables import SCAM_WORDS, TOLD_TO_CHECK

__all__ = ["PROBLEMS", "concentrate", "reading_features"]

PROBLEMS = frozenset({
    "late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "service_outage", "app_bug",
    "flight_disruption", "lost_baggage", "rude_staff", "product_defect", "fraud_security", "connectivity",
    "transport_disruption", "booking", "food_order", "loyalty", "gift_card_promo",
})
"""Situations that are a problem (their evidence is evidence of a complaint)."""
_SUBSTITUTED = re.compile(r"subbed|substitut\w*")
"""A grocery substitution named ("9 substitutions", "milk subbed for full cream"): trouble, and beside it "swapped" is
the fault, not a fix."""
_TROUBLE = re.compile(
    r"\b(?:\w+n['’]t|(?:do|does|did|ca|wo|is|are|was|were|has|have|had|could|should|would|ai)nt|"
    r"not|never|no longer|still|yet|again|wrong|missing|broken|broke|error|problem|issue|fault|"
    r"fail\w*|declined|overcharged|charged twice|billed|late|delay\w*|lost|stuck|unable|stopped|disappeared|cancell?ed|"
    r"refused|rejected|blocked|locked|down|crash\w*|scam\w*|stolen|damaged|faulty|help|" + _SUBSTITUTED.pattern + r"|"
    r"(?:drove|blew|went|sailed|flew) (?:right |straight )?(?:past|by))\b",
    re.IGNORECASE,
)
"""Words of something gone wrong: a question with none of them is a calm question, not a problem."""
_NOT_CALM = re.compile(
    r"\b(?:(?:meant|supposed) to do|how (?:is|are) (?:anyone|we|people|customers)|dent(?:ed)?|smashed|cracked|ripped|"
    r"torn|snapped|(?:is|are|was|were) (?:just )?gone)\b", re.IGNORECASE)
"""A question that is a complaint in its asking ("what's she meant to do?") or tells of damage ("one of the wheels
is just gone, plus a big dent"): not a calm how-to question."""
_OTHER_PASSENGERS = re.compile(
    r"\b(?:group of|gang of|lads|a (?:man|guy|bloke|woman|lady|drunk)|(?:some|two|three|drunk|young|older) "
    r"(?:men|guys|blokes|lads|women|teenagers|kids)|(?:another|other|a|fellow) passengers?|"
    r"(?:the |a )?(?:man|guy|bloke|woman) (?:in|on) (?:the |seat )?|^\W*(?:@\w+\s+)?(?:man|guy|bloke)\b)\b",
    re.IGNORECASE)
"""Other passengers named as the ones menacing ("group of lads kicking the doors", "the man in 23C"): a threat on
board, not staff conduct, even where the weights hear the staff who stood by."""
_OFF_BOARD = re.compile(r"\b(?:just |we )?(?:got off|landed|disembarked)\b|\bafter (?:we )?land(?:ed|ing)\b",
                        re.IGNORECASE)
"""The journey is over ("just got off LS 858... a drunk passenger threatened my husband"): a report of what happened,
not a threat on board now."""
_SCAM_MESSAGE = re.compile(
    r"\b(?:texts?|sms|e-?mails?|messages?|calls?|letters?|dms?|whatsapps?|voicemails?)\b(?:[^.!?]|\.(?=\w)){0,60}?"
    r"\b(?:saying|claiming|telling (?:me|us)|says|said|asking (?:me|us)? ?(?:to|for))\b",
    re.IGNORECASE,
)
"""A message the customer received, told by what it says: with fraud at stake, its words ("saying my bill payment
failed") are the scam's, not the customer's situation."""
_SCAM_SIGN = re.compile(rf"\b(?:{SCAM_WORDS}|pin|otp|cvv|passcode)\b", re.IGNORECASE)
"""A word that calls a message a fake, or a code it asks for: without one, a message received is the customer's
situation."""
_PHISH_CHECK = re.compile(
    r"\b(?:(?:that|this|it)(?:['’]s| is) not (?:you|from you|really you)|(?:is|was) (?:this|that|it) (?:you|from you|"
    r"legit|real|genuine)|(?:nearly|almost) (?:clicked|tapped|fell for)|verify (?:at|here|via|on)\b|"
    r"[a-z0-9]+-(?:secure|verify|login|support|alert)\.[a-z]{2,})",
    re.IGNORECASE,
)
"""A message received that the customer asks about or nearly fell for ("that's not you right?", "my mum nearly
clicked it", "verify at commbank-au-secure.info"): a phishing check, whatever account words it quotes."""
_PHISH_SURE = 0.85
"""How surely a message the customer asks about is read as a phishing check: its account words are the scam's."""
_COURIER = r"(?:rider|driver|courier|dasher|delivery (?:guy|man|partner|boy|driver))"
"""Who brings an order ("the rider", "my delivery guy"), for the patterns below."""
_COURIER_THREAT = re.compile(
    rf"\b{_COURIER}\b[^.!?]{{0,60}}?\b(?:threaten\w*|said|says|told me|messaged|texted|knows where)\b",
    re.IGNORECASE)
"""A courier named as the one who threatened ("your driver just threatened me on my doorstep")."""
_NOT_HERE = re.compile(
    r"\b(?:out for delivery|still (?:not|hasn['’]?t|has not) (?:here|arrived|come|turned up)|"
    r"never (?:arrived|came|turned up)|"
    r"(?:hasn['’]?t|has not|didn['’]?t|did not) (?:arrive|turn up|come|show up)|"
    r"where(?:['’]s| is) (?:my|our) (?:food|order|pizza|delivery|meal|dinner|lunch)|"
    rf"{_COURIER}(?:['’]s)? (?:gps|map|location|tracker) (?:shows?|says|is)|"
    rf"{_COURIER} (?:is )?(?:driving|going|heading|riding) (?:away|the wrong way|in circles)|"
    r"(?:pizza|order|delivery|food) tracker (?:says|said|shows|showed))\b",
    re.IGNORECASE,
)
"""An order that has not come ("tracker said 'out for delivery' at 7:35, it's now 8:50"): a late delivery, whatever
food it names."""
_HYPOTHETICAL = re.compile(r"\b(?:if|in case|incase|supposing|say)\b[^.?!;]*", re.IGNORECASE)
"""A clause of what might happen ("what happens to my ticket if my train is cancelled?"): no trouble yet."""
_CONDEMNED = re.compile(r"\b(?:shameful|disgraceful|disgusting|appalling|outrageous|scandalous|unacceptable|"
                        r"pathetic|shocking|a disgrace|an absolute joke|a joke)\b", re.IGNORECASE)
"""A verdict of anger on what the brand did ("shameful", "a disgrace"): a post saying it is no joke."""
_WHERE_IS_IT = re.compile(
    r"\bwhere(?:['’]s| is) (?:it|my (?:money|pay|paycheck|paycheque|wages|salary|refund|parcel|order|package|deposit|"
    r"cash|transfer|payment|delivery|food))\b", re.IGNORECASE)
"""Something owed asked for ("its friday. where is it", "where's my refund"): no joke to laugh along with."""
_GRIEVANCE = re.compile(
    r"\bnew customers? only\b|\bonly for new customers\b|"
    r"\b(?:been|banked|stayed) (?:with (?:you|u) |a customer )?(?:for )?(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty) (?:years|yrs)\b|\bloyal(?:ty)? (?:customers?|penalty)\b|\bpaying customers?\b|"
    r"\bwhat am i (?:even )?paying (?:you )?for\b|\bhow is (?:this|that) (?:fair|legal|acceptable|ok|okay)\b|"
    r"\bon hold (?:for )?(?:over |nearly |almost )?(?:an? |\d+ )(?:hours?|hrs?|minutes?|mins?)\b|"
    r"\b\d+ (?:hours?|hrs?|minutes?|mins?) on hold\b|\bmake (?:it|this|that) make sense\b|"
    r"(?<!for the )\b(?:2nd|second|3rd|third|4th|fourth|5th|fifth) time (?:this|in a|today|running)\b",
    re.IGNORECASE)
"""A grievance told plainly ("every deal is new customers only. I've been with you 9 years", "we're paying
customers", "on hold for 1 hour 52 minutes", "make it make sense", "3rd time this month"): a post carrying one is a
complaint, however lightly the rest reads."""
_NO_TROUBLE = re.compile(
    r"\b(?:do|does|are|is|can|could|will|would) (?:you|u|they|it|i|we) still\b|"
    r"^\W*(?:@\w+\s+)*(?:is|are) (?:the |your )?(?:\S+ ){0,5}?(?:down|offline|having (?:issues|problems)|not working)"
    r"(?: (?:for|on|in|right now|atm|at the moment|today)(?: [^.!?]{0,30})?)?\s*\?\s*$|"
    r"\b(?:is|are) (?:the |this |that |your |my )?(?:\S+ ){0,3}?still (?:running|available|on|valid|open|going|"
    r"active|happening|live|offered|in stock|a thing)\b|"
    r"\b(?:i|we|i've|we've|i have|we have|i just|we just)(?: just| already)? cancell?ed\b|"
    r"\bbut not (?:long|far|very|much|many|too)\b|\bor not\b|"
    r"\b(?:his|her|their|my|your) name,? not (?:mine|his|hers|theirs|me)\b|"
    r"\b(?:can['’]?t|cannot|can not) walk (?:far|long|very far|distances)\b",
    re.IGNORECASE,
)
"""Words of trouble that tell none: "do you still do...?" and "is the £100 welcome bonus still running?" ask what
is on offer, "I cancelled" is the customer's own act, "he can walk a bit but not long distances" tells what help
is needed."""
_PAID_THEM = re.compile(
    r"\b(?:i|we|i've|we've|i have|we have)(?: just| already)? "
    r"(?:sent|paid|transferred|wired|bought|ordered|lost|gave)\b",
    re.IGNORECASE,
)
"""A customer who paid the other party: a victim of a seller, whose ask is their money, not a takedown."""
_SOLD_TO_ME = re.compile(r"\b(?:sell|selling|sells|sold|upsell\w*) (?:me|us)\b", re.IGNORECASE)
"""The brand selling to the customer ("you keep trying to sell me a better deal"): no listing to take down."""
_I_SELL = re.compile(r"\b(?:i|we|i'm|we're|im)(?: \w+){0,3}? (?:sell|selling|sold)\b", re.IGNORECASE)
"""The customer selling ("whenever I try to sell it, the game freezes"): a fault of their own sale, no takedown."""
_LISTED = re.compile(r"\b(?:listings?|sellers?|scam\w*|fakes?|counterfeit\w*|goug\w*|report\w*|ban)\b",
                     re.IGNORECASE)
"""Words of a listing or a seller to take down, which keep the ask even beside "sell me"."""
_TOLD_TO_CHECK = re.compile(
    TOLD_TO_CHECK.pattern
    + r"|\b(?:i|we)(?: have| did|'ve)?(?: already)? checked (?:my|our|the) (?:dms?|inbox|messages|emails?)\b",
    re.IGNORECASE,
)
"""A customer sent to their DMs already ("stop telling me to check my DMs, I have"): no ask to read a DM."""


_NO_REFUND_WANTED = re.compile(
    r"\b(?:(?:not|never) (?:even )?(?:asking|looking|after|bothered about|fussed about|wanting)(?: for)?|"
    r"(?:don['’]?t|do not|didn['’]?t|did not) (?:even )?(?:want|need|care about)) (?:a |my |the |any )?"
    r"(?:refund|money back|compensation)\b", re.IGNORECASE)
"""A refund waved away ("not even asking for refund, just fix it"): no refund asked for."""
_NO_CANCEL_WANTED = re.compile(
    r"\b(?:(?:don['’]?t|do not|dont|didn['’]?t|did not) (?:really )?(?:want|wanna|need) to cancel|"
    r"(?:not|never) (?:looking|trying|wanting) to cancel|rather not cancel)\b",
    re.IGNORECASE)
"""A cancellation waved away ("can you pause the subscription? don't want to cancel and lose the price"): none
asked."""


def _asks(asks: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The asks read, less a takedown ask from a customer who paid the seller or was sold to.

    "I sent £650 to someone selling a puppy" asks for the money; "you keep trying to sell me a deal" and
    "whenever I try to sell it the game freezes" for nothing to be taken down; "stop telling me to check my DMs"
    asks for no DM to be read; "can someone please call him" (the driver) and "i get a call from someone in
    washington" ask for no callback.
    """
    if "remove" in asks and (_PAID_THEM.search(text) or ((_SOLD_TO_ME.search(text) or _I_SELL.search(text))
                                                         and not _LISTED.search(text))):
        asks = tuple(a for a in asks if a != "remove")
    if "check_dm" in asks and _TOLD_TO_CHECK.search(text):
        asks = tuple(a for a in asks if a != "check_dm")
    if "callback" in asks and _no_callback(text):
        asks = tuple(a for a in asks if a != "callback")
    if "refund" in asks and _NO_REFUND_WANTED.search(text):
        asks = tuple(a for a in asks if a != "refund")
    if "cancel" in asks and _NO_CANCEL_WANTED.search(text):
        asks = tuple(a for a in asks if a != "cancel")
    return asks


def _no_callback(text: str) -> bool:
    """Whether a callback read from the words is asked of someone else, or only in words quoted from elsewhere."""
    if (_CALL_THEM.search(text) or _CALLS_RECEIVED.search(text) or _NO_LINE.search(text)) and not _CALL_ME.search(text):
        # "can someone please call him" (the driver), "i get a call from someone in washington", "no signal at all...
        # cant even make a 999 call" (a call back would never reach them)
        return True
    return _CALL_ASKED.search(_QUOTED.sub(" ", text)) is None  # "a text saying 'if this wasn't you call us'"


_CALLS_RECEIVED = re.compile(r"\b(?:get|gets|got|getting|had|have|receive[ds]?|receiving) (?:a |these |the |some )?"
                             r"(?:phone |scam |weird |random )?calls? from\b", re.IGNORECASE)
"""Calls the customer gets from someone else ("i get a call from someone in washington dc"): no callback asked."""
_QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w)){6,}'(?!\w)|\"[^\"\n]{6,}\"|‘(?:[^’\n]|(?<=\w)’(?=\w)){6,}’|"
                     r"“[^”\n]{6,}”")
"""Words quoted from somewhere else ("a text saying 'if this wasn't you call us on the number below'")."""
_CALL_ASKED = re.compile(r"\b(?:call|ring|phone|telephone|callback|speak|talk|contact)\b", re.IGNORECASE)
"""Some word of a call outside quotes: a callback asked only in quoted words ("a text saying 'call us'") is none."""
_KIN_AFTER_ME = (r"(?:mam|mum|mom|ma|mammy|nan|nana|nanna|da|dad|gran|granny|missus|wife|husband|fella|mate|"
                 r"brother|sister|bro|sis|kids?|ould one|auld one)\b")
"""Kin named after a dialect "me" for "my" ("had to gan stand in the back lane to ring me mam")."""
_CALL_THEM = re.compile(r"\b(?:call|ring|phone|contact)(?:ing)? (?:him|her|them|the (?:driver|rider|courier|restaurant|"
                        r"store|shop|hotel|host|engineer|technician)|me " + _KIN_AFTER_ME + r")\b", re.IGNORECASE)
"""A call asked for to someone else ("driver won't come up... can someone please call him", "to ring me mam"): no
callback to the customer."""
_NO_LINE = re.compile(r"\b(?:no|nee|nae|0|zero) (?:signal|service|reception|mobile signal|phone signal|phone line|"
                      r"bars)\b|"
                      r"\b(?:can['’]?t|cannot|unable to)(?: even)? (?:make|get|receive|take) (?:a |any )?"
                      r"(?:\w+ )?calls?\b",
                      re.IGNORECASE)
"""The customer's own phone cannot be reached ("no signal at all", "cant even make a 999 call"): no callback."""
_CALL_ME = re.compile(r"\b(?:call|ring|phone|contact) (?:me(?! " + _KIN_AFTER_ME + r")|us)\b|\bcall ?back\b",
                      re.IGNORECASE)


_LAUGHING = re.compile("[\U0001F602\U0001F923\U0001F606\U0001F605\U0001F639]|\\b(?:lol|lmao|haha\\w*|hehe)\\b",
                      re.IGNORECASE)
"""Laughter ("lol", "haha", a face with tears of joy): a post that laughs is let be a joke."""
_TRAILING_IRONY = re.compile(
    r"[.!?,\n]\s*(?:lovely|great|brilliant|fantastic|amazing|genius|perfect|nice one|nice|marvellous|wonderful|"
    r"superb|stellar|classic|cool cool cool|love (?:it|that|this)|good job|great job|well done|top work|fab|"
    r"incredible value|outstanding|impressive|cheers for that|thanks for that|thank you very much|thanks very much|"
    r"thanks a lot|cheers then)\W*(?:@\w+\W*)*$",
    re.IGNORECASE,
)
"""A post that ends on a lone kind word after its own sentence ("...ended the chat when I asked for a manager.
lovely", "driver skipped my stop... Now late for work. Thank you very much 🙂"): sarcasm when what came before
reads as a problem."""
_ENDING_WORDS = 3
"""The most tokens a kind ending takes ("cool cool cool")."""


def _ironic_ending(text: str, tokens: Sequence[str], praise_hits: Sequence[Hit]) -> re.Match[str] | None:
    """The lone kind word the post ends on, with no other kind word before it (see ``_TRAILING_IRONY``).

    "the train was on time and spotless, nice one" praises before its ending, so the ending is sincere.
    """
    ending = _TRAILING_IRONY.search(text)
    if ending is None:
        return None
    end = len(tokens)
    while end and tokens[end - 1].startswith("@"):
        end -= 1  # the handles the post ends with
    words = max(_ENDING_WORDS, len(tokenize(ending.group(0))))  # "thank you very much" is four
    return ending if all(h.start >= end - words for h in praise_hits) else None


_EYE_ROLL = re.compile("[\U0001F643\U0001F644\U0001F612]")
"""An upside-down face, an eye roll or an unamused face: praise words beside them are said through gritted teeth."""


def _rolled(text: str, shout: re.Match[str] | None) -> bool:
    """Tell whether an eye roll falls on kind words: anywhere, or in the sentence of a colleague's thanks.

    "massive thanks to Callum... in 10 mins. shame it took 3 calls to your helpline 🙃": the roll is at the gripe
    after the thanks, not at the thanks.
    """
    roll = _EYE_ROLL.search(text)
    return roll is not None and (shout is None or roll.start() <= _sentence_end(text, shout.end()))


_SCARE_QUOTED = re.compile(
    r"(?:^|[\s(])['‘\"“](?:hot|fresh|free|fast|quick|express|helpful|premium|luxury|priority|clean|working|secure|"
    r"easy|unlimited|superfast|super fast|next day|same day|on time|complimentary|upgrade|upgraded|help|service|"
    r"customer service|support|compensation|apology|gift|guaranteed|deluxe|comfortable|spacious|quiet|friendly|"
    r"fixed|sorted|resolved|security upgrade|improvements?|improved|new and improved|seamless|instant|"
    r"attempted(?: delivery)?|delivered|up to|dispatched|on (?:its|it's|the) way|in stock|"
    r"(?:pool|sea|ocean|city|garden|lake|river|mountain|harbou?r|beach) ?views?|views?|balcony|suite|family room|"
    r"renovated|refurbished|newly renovated|cosy|cozy|boutique|gourmet|homemade|home made|handmade|hand made|"
    r"large|extra large|family size|sharing size|loaded|generous|"
    r"(?:unlimited|superfast|super fast|fast|free|complimentary|express|priority|next day|same day|premium) "
    r"(?:data|calls|texts|broadband|internet|wi-?fi|fibre|fiber|delivery|shipping|boarding|upgrade|breakfast|"
    r"service|lounge))['’\"”]|"
    r"[\"“][^\"“”\n]{0,40}\b(?:best|fastest|most reliable|award[- ]winning|number one|no\.? ?1|greatest|leading)\b"
    r"[^\"“”\n]{0,40}[\"”]",
    re.IGNORECASE)
"""A claim of quality in scare quotes ("thanks for the 'hot' bao", "your 'express' delivery", "'unlimited data'",
paying for "the UK's best network"): kind words beside it are said through gritted teeth."""
_META = {"praise": "praise", "spam": "spam", "abuse": "abuse"}
"""Intents whose situation is the intent itself."""
_RARELY = frozenset({"urgency"})
"""What the learned layer reads that is looked at only when the rules found no urgency and the model one."""
_BANNED = frozenset(_META)
"""Situations only the rules give."""
_STUCK = frozenset({"stuck", "stranded", "trapped"})
_CASE_SIGNALS = ("contacted_", "tried_", "forgot_")
"""Prefixes of the signal keys that say what the customer already did or lost (read into the details)."""
_UPDATED = re.compile(r"\b(?:updated|updating|upgraded|upgrading|latest (?:version|firmware|update))\b", re.IGNORECASE)
"""Words of an update the customer made ("I've updated the app", "on the latest version"), not "after the update"."""
_NAME_CALLING = re.compile(
    r"\bcall(?:ed|ing|s)? (?:me|us|my \w+|him|her|them) (?!back\b|twice\b|again\b|yesterday\b|today\b|this\b|"
    r"last\b|every\b|\d|and\b|but\b|to\b|about\b|at\b|on\b|from\b|after\b|before\b|when\b|[,.!?]|$)",
    re.IGNORECASE)
"""Staff calling someone something ("called me 'difficult'", "called my son a liar"): no phone call to the brand."""
_PHONED = re.compile(r"\b(?:rang|phoned|ringing|on hold|helpline|hotline|phone|call (?:centre|center))\b",
                     re.IGNORECASE)
_MIN_SITUATION = 0.3
"""Below this probability the model's situation yields to the rules' (or to ``general``)."""
_MIN_BACKED = 0.15
"""...but a situation a phrase of the rules also points to (``_BACKING``) needs only this
(both chosen by cross-validating the whole reading on the tune split: ``benchmarks/reading_cv.py``)."""
_BACKING = 2.0
"""The rules' evidence for the model's situation that lets it through below ``_MIN_SITUATION`` (a medium phrase: a
lone weak word, "update", is no backing)."""
_MIN_URGENT = 0.4
"""An urgent post's situation needs the model this sure: an urgent situation's lines are used even when unsure, and
a wrong one ("having your details misused" to a child left alone at a bus stop) is worse than the general ones."""
_GENERAL_EMPTY = 0.2
_RULES_SURE = 0.6
_MODEL_SURE = 0.65
"""A situation the rules read surely wins over the model's when the model is less sure."""
_RULES_FALLBACK = 0.4
"""The rules' situation, when the model is unsure, only from more than one weak word."""
_URGENCY_MIN = 0.6
"""The learned layer adds an urgency the rules missed when it reads one at least this likely..."""
_URGENCY_KIND_MIN = 0.2
"""...names its kind at least this likely, and the intent model sees danger (three readings must agree)."""
_FRAUD_CUE = re.compile(
    r"\b(?:someone|somebody|some1|scam\w*|fraud\w*|stole|stolen|steal\w*|hack\w*|phish\w*|fake|dodgy|suspicious|"
    r"clon\w*|impersonat\w*|pretend\w*|taken|took|gone|emptied|drained|unauthori[sz]ed|in my name|not me|"
    r"didn['’]?t (?:do|make|authori[sz]e|buy|book|order|recogni[sz]e)|never (?:made|bought|booked|ordered)|"
    r"don['’]?t recogni[sz]e|never heard of|without my (?:permission|consent|knowledge)|got into|using my|"
    r"sim swap\w*|swapped my sim|ported|empty box|(?:pay|paid|buy|bought)\b[^.?!]{0,20}(?<![-\w])gift cards?)\b",
    re.IGNORECASE)
"""Words that make fraud possible at all: a fraud urgency the weights read with none of them, in a post the rules
read as another situation, is dropped."""
_FRAUD_SITUATIONS = frozenset({"fraud_security", "account_access", "billing_error", "refund_status"})
"""Situations where money lost or an account taken over is one reading among others: the weights' fraud stands."""
_ANGER_CLEAR = 3.0
"""Rules' anger votes (an anger word such as "disgrace", or two weaker signs) that outweigh the weights' anxiety when
the post has no word of worry."""
_PRAISE_DELIGHT = 0.6
"""A complaint or banter read with delight at least this likely is praise (never answered with an apology)."""
_BANTER_OVER = 0.75
"""A complaint the weights read below this yields to banter the rules read surely, when nothing sounds upset."""
_BANTER_STRONG_OVER = 0.9
"""...and below this, when a joke's own words ("went in for milk, left with a kayak") stand in a post of no
situation."""
_STRONG_PRAISE = 3.0
"""One strong praise phrase ("fair play", "10/10")."""
_PRAISE_CLEAR = 6.0
"""Two strong praise phrases: praise even beside a problem read surely (the problem is what they praise the fix of)."""
_PRAISE_SHRUG = 2.0
"""The bad feeling clear praise outweighs: one middling word ("waited", "again") beside "an absolute gent"."""
_PRAISE_SURE = 0.75
"""Praise with no praise words or delight behind it needs the model at least this sure."""
_UPSET_ONLY = 6.0
"""Votes of bad feeling (and none of delight) that outweigh the weights' praise when the post has no kind word."""
_KIND_WORDS = re.compile(r"\b(?:thanks?|thank you|thx|cheers|love|lovely|great|amazing|kind|legend|brilliant|"
                         r"appreciate\w*|grateful|helpful|shout\s?-?\s?out)\b", re.IGNORECASE)
"""Kind words the rules may not count as praise; any of them leaves the weights' praise standing."""
_INSULT_ONLY = 0.6
"""An insulting post read as a complaint below this, with no situation read at least this surely, is abuse."""
_QUESTION_OVER = 0.7
"""Below this, a complaint the rules read as a plain question (and no problem) is a question."""
_ASKED_UNMARKED = re.compile(
    r"\b(?:if (?:i|my|we|our)|(?:is|are) (?:the|it|there|you|this|that)|does|do (?:you|i|they|u)|"
    r"(?:will|can|could|would) (?:the|you|it|they|i|u|we))\b", re.IGNORECASE)
"""A question asked without a question mark ("does the rider judge me. asking for me")."""
_ASKED_OVER = 0.45
"""A question situation read at least this surely leads a post that opens asking, with no word of feeling."""
_SHORT = 3
"""Posts of at most this many words are read by the rules alone."""
_DANGER_THANKS = 0.9
"""A post with danger words is read as thanks only when the learned layer reads delight at least this surely."""
_OWN_CASE = frozenset({"my", "our", "me", "i", "i'm", "im", "i've", "ive", "i'd", "we", "we've", "us", "mine", "still",
                       "again", "already", "yet", "ago", "since", "waiting", "waited", "day", "days", "week", "weeks",
                       "hour", "hours", "month", "months", "reply", "response", "answer", "ticket", "case", "complaint",
                       "dm", "dms", "email", "emails", "sent"})
"""Words that tie a follow-up to the customer's own case; without any, "any update on X?" asks for news."""
_HOW = re.compile(r"'how (?:do|can|to|would|should)|opens with 'how'|'is there (?:any ?way|a way)'")
"""A question form that asks how to do something: a request worded so is a question."""


class _Rules(NamedTuple):
    found: Scan
    verdict: CategoryVerdict
    abuse: Abuse
    emotion: EmotionVerdict
    urgency: tuple[Urgency, ...]
    urgency_reasons: tuple[str, ...]
    spam: bool
    spam_reason: str
    praise: float
    praise_reason: str
    praise_end: int
    """The token after the last praise phrase (0 when none)."""
    question: bool
    question_reason: str
    intent: IntentVerdict
    language: LanguageVerdict
    pii: tuple[PiiMatch, ...]
    details: Details
    bereavement: bool
    shout_out: str | None
    """The opening thanks to a colleague ("Shoutout to Mel"), when no bad conduct is told of them (else None)."""
    features: list[str]
    grounds: bool = False
    """An abusive post that names a real complaint's grounds (:data:`_GROUNDS`: money, a fee, a delay...)."""


def _rules(text: str, locale: str) -> _Rules:
    decision = lexicon().decision
    found = scan(text)
    verdict = categorize(found)
    abuse = read_abuse(found)
    emotion = read_emotion(found, text, abuse.abusive)
    urgency, urgency_reasons = read_urgency(found)
    spam_score, spam_reason = read_spam(found, text)
    praise_score, praise_hits = read_praise(found)
    kind_ending = _KIND_ENDING.search(text) if not praise_hits else None
    if kind_ending:  # "...didn't make any fuss about it. Respect": the closing word is the praise
        praise_score = max(praise_score, 3.0)
    loved = not praise_hits and not kind_ending and not text.isascii() and _ONLY_LOVE.match(text) is not None
    if loved:  # "@TaysidePizzaCo 🍕❤️": nothing but love
        praise_score = 3.0
    question_score, question, question_reason = read_question(found)
    pii = find_pii(text)
    signals = read_signals(found)
    words = frozenset(found.tokens)
    language = read_language(text, words)  # the same set of words as from every token, in one pass less
    contacted: tuple[str, ...] = ()
    tried: tuple[str, ...] = ()
    forgot: tuple[str, ...] = ()
    if any(map(str.startswith, signals.evidence, repeat(_CASE_SIGNALS))):  # most posts have none of these
        contacted, tried, forgot = signals.kinds("contacted_"), signals.kinds("tried_"), signals.kinds("forgot_")
        if contacted == ("phone",) and _NAME_CALLING.search(text) and not _PHONED.search(text):
            contacted = ()  # "she called me 'difficult'": a name called, not a call made to us
        if tried == ("update",) and not _UPDATED.search(text):
            tried = ()  # "my recordings vanished after last night's box update": an update that broke it, not a fix
    details = read_details(text, pii, words, contacted[0] if contacted else None,
                           tried[0] if tried else None, forgot[0] if forgot else None)
    if "stranded" not in urgency and details.place and not _STUCK.isdisjoint(words) and not any(
            h.key == "stranded" for h in found.family("urgency_except")) and (
            verdict.category in ("flight_disruption", "lost_baggage", "transport_disruption") or details.flight):
        # "stuck in Lisbon" after a cancelled flight: a customer stranded away from home now
        urgency = (*urgency, "stranded")
        urgency_reasons = (*urgency_reasons, f"urgency stranded: stuck, in {details.place}")
    if "threat" in urgency and len(urgency) > 1 and _only_fear(found):
        # "my mum has dementia... she gave them her card details... I'm terrified they've emptied it": the fear is
        # of the harm told beside it (a fraud, a child's first flight), no one menaces anyone
        urgency = tuple(u for u in urgency if u != "threat")
        urgency_reasons = tuple(u for u in urgency_reasons if not u.startswith("urgency threat:"))
    bereavement = bool(found.family("bereavement"))
    negative = emotion.emotion in NEGATIVE_EMOTIONS or bereavement
    top = max(verdict.raw.values(), default=0.0)
    spam = spam_score >= decision["spam_min"] and spam_score >= top
    # insults with no word of anything gone wrong ("go back to flipping burgers, you absolute waste of oxygen"): the
    # place they name is no complaint
    # an insult or a curse beside a real complaint ("give me my £4.49 back you absolute muppets", "$35 overdraft fee
    # x3 on the same day... go to hell"): anger at something that went wrong, answered, not ignored as abuse
    grounds = abuse.abusive and _GROUNDS.search(text) is not None
    grounded = (not abuse.severe or abuse.curse) and (
        details.order_id is not None or details.booking_id is not None or grounds)
    severe_abuse = abuse.abusive and not grounded and (
        abuse.severe or verdict.category is None or _TROUBLE.search(text) is None)
    problem = verdict.raw.get(verdict.category, 0.0) if verdict.category in PROBLEMS else 0.0
    shout = _SHOUT_OUT.search(text)  # anchored at the start: most posts fail at once
    # what the colleague did wrong is told in the sentence that thanks them ("thanks to Dave for ignoring us"), not
    # in a later gripe about something else ("...she deserves a raise. your app was useless tho")
    shout_out = (shout.group(0).strip() if shout is not None
                 and _BAD_CONDUCT.search(text, 0, _sentence_end(text, shout.end())) is None else None)
    intent = read_intent(
        signals, language=language.language, locale_language=locale, spam=spam, abuse=severe_abuse,
        urgency=urgency, praise=praise_score if not negative and not abuse.abusive else 0.0,
        question=question_score, question_min=decision["question_min"], complaint=problem,
        problem=max((v for k, v in verdict.raw.items() if k in PROBLEMS), default=0.0),
        category=verdict.category, negative=negative, emotion_votes=emotion.votes,
        # "let my 5yo 'help' with the announcement": quotes in a shout-out to a colleague are fondness, not doubt
        eye_roll=(not text.isascii() and _rolled(text, shout)) or (
            _SCARE_QUOTED.search(text) is not None and shout is None),
        irony=(ending := _ironic_ending(text, found.tokens, praise_hits)) is not None,
        trouble_before=ending is not None and _trouble_unmended(text[:ending.start()]),
        staff_thanked=shout_out is not None or (
            details.staff is not None and details.staff[:1].isupper()  # a name ("Dave"), not "the driver"
            and _BAD_CONDUCT.search(text) is None),
    )
    rules = [f"rule_cat:{verdict.category or 'none'}", f"rule_intent:{intent.intent}",
             f"rule_emotion:{emotion.emotion}", *(f"rule_urgency:{u}" for u in urgency),
             *(f"rule_vote:{k}" for k, v in emotion.votes.items() if v >= 2.0)]  # after negation: "not happy"
    if intent.sarcasm:
        rules.append("rule_sarcasm")
    if praise_hits:  # the praise phrases that survive negation ("not impressed" is none)
        rules.append("praise:praise")
        if max(h.weight for h in praise_hits) >= 3.0:
            rules.append("praise:praise:strong")
    if praise_score >= decision["praise_min"]:
        rules.append("rule_praise")
    if question_score >= decision["question_min"]:
        rules.append("rule_question")
    praise_reason = ("praise: " + ", ".join(h.label for h in praise_hits[:3]) if praise_hits
                     else f"praise: a closing word of respect ({kind_ending.group(0).strip(' .!')!r})" if kind_ending
                     else "praise: nothing but love in emoji" if loved else "")
    return _Rules(found, verdict, abuse, emotion, urgency, urgency_reasons, spam, spam_reason, praise_score,
                  praise_reason, max((h.end for h in praise_hits), default=0), question, question_reason, intent,
                  language, pii, details, bereavement, shout_out,
                  features(found, text, rules=rules), grounds)


_TURNS = frozenset({"but", "however", "except", "unfortunately", "sadly", "shame", "though", "tho", "although",
                    "also"})
"""Words that turn from kind words to a problem ("lovely, but it came in the wrong size")."""


_ASIDES = frozenset({"quick", "question", "q", "a", "can", "could", "do", "does", "is", "are", "how", "what", "when",
                     "where", "will", "would", "wondering", "random"})
"""Words after "also" that open an aside ("also quick question", "also can I..."), not a problem."""
_CONCESSIONS = frozenset({"though", "tho", "although"})
"""Turns that "even" makes a concession instead ("repaired it for free even though it was out of warranty")."""
TURNED_REASON = "praise, then a problem after"
"""How the reasons say a post praised first and then turned to a problem (``post.praised`` reads it)."""
_ONLY_TURNS = frozenset({"thing", "things", "issue", "problem", "gripe", "complaint", "niggle", "downside"})
"""After "only" or "one": "only thing is...", "one gripe though" turn from kind words to a problem."""
_BAD_CONDUCT = re.compile(
    r"\b(?:ignor\w*|shout\w* at|yell\w*|rude\w*|ruin\w*|refus\w*|lie|lied|lying|laugh\w* at|mock\w*|hung up|hanging up|"
    r"no help|useless|unhelpful|nothing|wasting|wasted|patroni[sz]\w*|abus\w*|swore|sworn at|"
    r"aka|burnt|burned|undercooked|stone cold|soggy|disaster|shambles)\b", re.IGNORECASE)
"""What a colleague named in "thanks" did wrong ("thanks to Dave for ignoring us"), or what was served ("Shoutout to
@StackdBurgers Leeds for the 'extra crispy' fries aka burnt to carbon"): thanks for that are sarcastic."""
_SHOUT_OUT = re.compile(
    r"^\W*(?:@\w+\W+)*(?:(?:a|an|huge|big|massive|special|quick|major|just|want|wanted|to|say|give|giving|i|we|"
    r"would|like|i['’]d|id|have|got|gotta|must|need|needed)\s+){0,6}"
    r"(?:(?:shout\s?-?\s?outs?|kudos|props|hats off|fair play|(?:(?:huge|big|massive|special|proper) )?thanks|"
    r"thank (?:you|u))\s+"
    r"(?:go(?:es)?\s+)?(?:out\s+)?to\s+|big\s?ups?\s+(?:to\s+)?)"
    r"(?:@\w+\s+(?:and\s+)?(?:especially\s+|particularly\s+)?)?"
    r"(?:(?-i:[A-Z][a-z]{2,})\b(?!\s+(?:line|station|branch|store|app|route|road|street)\b)|"
    r"[^.!?\n]{0,40}?\b(?:conductor|driver|guard|crew|attendants?|pilot|captain|staff|team|lady|ladies|guy|"
    r"gentleman|chap|bloke|engineer|agent|rep|manager|cashier|server|waiter|waitress|barista|receptionist|host|"
    r"inspector|technician|courier|postman|postie|lass|lad|fella|woman|man|girl|pharmacist|nurse|operator|steward|"
    r"stewardess|assistant|clerk)\b)", re.IGNORECASE)
"""A post that opens by thanking someone ("Shoutout to Mel in the lounge", "Shout out to the conductor on the
Surfliner", "Want to say thank you to Dan at the bereavement team", "big up di driver"): praise of a colleague,
whatever trouble they put right or joke they shared."""
_TURN_TO_COLLEAGUE = re.compile(r"\b(?:but|however)\s+(?:he|she|they)\s+(?!(?:was|were|wasn|weren|didn|did not|"
                                r"couldn|could not|never|won|wouldn|refused|said no)\b)\w+", re.IGNORECASE)
"""A turn back to the colleague thanked ("awful everywhere else but he called back exactly when he said he would")."""
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence that holds ``start`` ends (the end of the text when no sentence ends after it)."""
    m = _SENTENCE_END.search(text, start)
    return m.end() if m is not None else len(text)


_BANTER_UNSURE = 0.5
"""Banter read below this in a post that asks something is the ask, told with a smile."""
_ONE_GRUMBLE = 2.0
"""Frustration votes no higher than one word of weariness ("again"): a joke may carry that much."""
_GROUNDS = re.compile(
    r"[£$€₹]\s?\d|\b(?:cancell?ations?|cancell?ed|refunds?|fees?|charged|overcharged|delayed|delays|"
    r"never (?:arrived|came|showed|turned up)|half (?:the|my) \w+ (?:gone|missing)|wrong (?:one|item|order|size)|"
    r"lost (?:my|our) (?:bag|bags|luggage|suitcase|case|connection|parcel|order)|missed (?:my|our) "
    r"(?:connection|flight|train)|"
    r"\d+ (?:weeks?|days?|hours?|hrs?|mins?|minutes) (?:for|waiting|late|on hold)|"
    r"where(?:['’]?s| is) my (?:food|order|parcel|delivery|refund|money)|for \d+ (?:mins?|minutes)|"
    r"(?:left|made|punched|knocked) a hole|hole in (?:my|our|the)|(?:damaged|broke|smashed|scratched|cracked|dented) "
    r"(?:my|our|the)|closed my account|(?:mould|mold|hair|stains?|blood) (?:in|on) (?:the|my|our)|"
    r"laughed (?:in|at) (?:my|our) face|threw (?:my|the) \w+ at (?:me|us)|over the fence|after \d+ (?:years|yrs)|"
    r"(?:closed|shut) the doors? on|"
    r"\d+ ?(?:hours?|hrs?|h|mins?|minutes?) delay|(?:blocked|froze|frozen|locked) (?:my|our) (?:card|account)|"
    r"(?:\d+(?:st|nd|rd|th)|another|second|third|fourth|fifth) (?:outage|cancell?ation|delay|missed appointment))\b",
    re.IGNORECASE)
"""A real complaint's grounds: money, a cancellation, a fee, a delay, something that never came or came wrong, damage
done ("your technician left a hole in my drywall... go to hell")."""
_I_NEED = re.compile(r"\b(?:i|we) (?:really )?(?:need|want) (?:it|this|that|them|my|our|a|an|the|to)\b", re.IGNORECASE)
"""A need stated ("I NEED it REMOVED"): no joke, however the weights read it."""
_PLEA = re.compile(r"\b(?:(?:can|could|may) (?:i|we|you|u|someone)|please|pls|plz)\b", re.IGNORECASE)
"""Words that ask for something ("can I just have a replacement please"), not a rhetorical "honestly?"."""
_SNARK = re.compile(r"\bnow do one (?:about|on|for)\b|\b(?:truly|really|such) a public service\b|\bor are we\b",
                    re.IGNORECASE)
"""A kind word turned on the brand ("cute ad with the dog. now do one about the branches you've closed", "truly a
public service"): never read as praise on the weights' delight alone."""
_KIND_ENDING = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?:much |big |massive |total |huge )?respect|hats off(?: to (?:her|him|them))?|"
    r"fair play(?: to (?:her|him|them))?|class act|top (?:bloke|lad|lady|woman|man|guy)|"
    r"what a (?:woman|man|guy|lady|star|gent))[\s.!]*(?:[^\w\s]\s*)*$", re.IGNORECASE)
"""A post that ends on a word of respect ("...gave the homeless lad outside a free coffee, didn't make any fuss about
it. Respect"): the kind act is what it is about, whatever a noun in it names."""
_ONLY_LOVE = re.compile(
    r"^\s*(?:@\w+\s*)*(?:[\U0001F355-\U0001F37F\u2615\U0001F950-\U0001F96F]\s*)*"
    r"(?:[\u2764\U0001F495-\U0001F49F\U0001F60D\U0001F970\U0001F929\U0001F64C\U0001F44F\U0001F525\U0001F4AF"
    r"\U0001F44C\U0001F44D\U0001F60B\U0001F924]\ufe0f?\s*)+"
    r"(?:[\U0001F355-\U0001F37F\u2615\U0001F950-\U0001F96F]\s*)*$")
"""A post of nothing but love in emoji ("@TaysidePizzaCo 🍕❤️", "🔥🔥🙌"), perhaps beside the food loved: thanks."""
_GRIPE = re.compile(
    r"\b(?:bad|worse|worst|terrible|awful|a bit much|no idea|make it make sense|confus\w+|"
    r"(?:so|too|way too|really|very) (?:hot|cold|loud|slow|bad))\b", re.IGNORECASE)
"""Words of a gripe the weights may take for cheer ("signal so bad I stand on one leg by the fridge", "Piccadilly line
temperature today, a bit much babe 🥵"): with no kind word, no praise."""
_WISHED = frozenset({"nice", "nicer", "better", "good", "great", "helpful"})
"""Before "if", after "been": "would've been nicer if the replacement hadn't turned up smashed" turns to a problem."""

_PROBLEM_CUES = frozenset({
    "why", "no", "not", "never", "nothing", "nobody", "broken", "broke", "missing", "sort", "fix", "please", "pls",
    "plz", "can't", "cant", "won't", "wont", "doesn't", "doesnt", "isn't", "isnt", "didn't", "didnt", "wasn't",
    "wasnt", "don't", "dont", "aren't", "arent", "weren't", "couldn't", "still", "stopped", "keeps", "dirty", "cold",
    "rude", "late", "wrong", "slow", "expensive", "overpriced", "filthy", "awful", "terrible", "disappointed",
    "disappointing", "annoying", "ridiculous", "shocking", "wish", "needs", "should", "lost", "cancelled", "flawed",
    "buggy", "glitchy", "useless", "locked", "overflowed", "overflowing", "leaking", "leaked", "flooded", "flooding",
    "blocked", "delayed", "smelly", "smelled", "stank", "mouldy", "noisy", "cramped", "uncomfortable", "unusable",
    "disgusting", "gross", "sticky", "hadn't", "hadnt", "smashed", "damaged", "cracked", "dented", "torn", "soaked",
    "wild", "steep", "extortionate", "insane", "mental", "criminal", "robbery", "meant", "supposed"})
"""Words that, after a turn, say a problem follows ("lovely but WHY is there no plug", "only thing is pls sort")."""


_PROBLEM_STORY = 3
"""Words of trouble (``_PROBLEM_CUES``) that make a post with one kind word a story of trouble."""
_BEFORE_PRAISE = 6
"""Tokens between a situation's words and the end of the praise that make them told before it."""


def _situation_hits(r: _Rules) -> Sequence[Hit]:
    """The phrases that read the rules' situation (none when they read no situation)."""
    return r.verdict.evidence.get(r.verdict.category, (0.0, []))[1] if r.verdict.category else []


def _told_before_praise(r: _Rules) -> bool:
    """Whether the situation's words come well before the praise.

    "I want to cancel Sky Sports... then that person was lovely actually but she couldn't do it": a complaint with a
    kind word on the way, not praise that turned.
    """
    return any(h.start + _BEFORE_PRAISE < r.praise_end for h in _situation_hits(r))


_STAYED_AT = frozenset({"at", "in", "overnight", "the", "a", "last", "for", "two", "three", "one"})
"""Words after "stayed" that make it a stay, not a colleague who stayed with someone."""


def _trouble_then_kind_word(r: _Rules) -> bool:
    """Whether words of trouble come well before the praise, with nothing put right before it.

    "recline broken, tray table held together with tape... Crew were lovely and apologetic": a complaint with a kind
    word on the way; not "charged twice at a wee cafe and they had it sorted in the chat in 4 minutes".
    """
    praise = [h.start for h in r.found.family("praise")]
    if not praise or min(praise) < _BEFORE_PRAISE:
        return False
    before = r.found.tokens[:min(praise)]
    recovery = _RECOVERY
    if any(_SUBSTITUTED.fullmatch(t) for t in before):
        recovery = recovery - {"swapped"}  # "9 substitutions... they swapped my oat milk for DOUBLE CREAM": the fault
    # a fix said not to have come is none ("shower never got past lukewarm")
    # nor is a stay ("stayed at Skipton last night")
    negators = lexicon().negators | {"no"}
    put_right = {t for i, t in enumerate(before) if t in recovery and (i == 0 or before[i - 1] not in negators)
                 and not (t == "stayed" and i + 1 < len(before) and before[i + 1] in _STAYED_AT)}
    return _TROUBLE.search(" ".join(before)) is not None and not put_right


_WORTH_IT = (("worth", "it"), ("worth", "it", "tho"), ("worth", "it", "though"), ("worth", "the", "wait"),
             ("worth", "every", "penny"), ("worth", "it", "tbh"))
"""Endings that let a gripe go ("only downside was the wait but worth it"); "the chicken was worth it. barely." is
no such ending."""


def _praise_then_problem(r: _Rules, *, strong: bool = False) -> str | None:
    """The turning word when every praise phrase comes before it and a problem follows it.

    The problem is a situation read surely after the turn, or, when the rules read no situation
    surely, a word of trouble after it ("but why is there no plug", "only thing is pls sort the
    lighting"). With ``strong``, only a strong phrase of the rules' problem counts, however unsure the rules are
    ("rider was lovely but my Dishoom order came without the black daal").
    """
    tokens = r.found.tokens
    if any(tuple(tokens[-len(end):]) == end for end in _WORTH_IT):
        return None  # "only downside was waiting 3 weeks for the appointment but worth it": the gripe let go
    category = r.verdict.category
    hits: Sequence[Hit]
    if strong:
        sure = category in PROBLEMS and bool(r.praise_end)
        hits = [h for h in _situation_hits(r) if h.weight >= _STRONG_PHRASE] if sure else []
        if not hits:
            return None
    else:
        sure = category in PROBLEMS and r.verdict.confidence >= _RULES_SURE
        hits = _situation_hits(r) if sure else []
    for i in range(r.praise_end, len(tokens)):
        word = tokens[i]
        if word == "if" and i > 1 and tokens[i - 1] in _WISHED and tokens[i - 2] == "been":
            return word  # "would've been nice if that happened the first two times": the wish tells the problem
        turn = (word in _TURNS and not (word in _CONCESSIONS and i > 0 and tokens[i - 1] == "even")) or (
            word in _ONLY_TURNS and i > 0 and tokens[i - 1] in ("only", "one"))
        if not turn or (word == "also" and i + 1 < len(tokens) and tokens[i + 1] in _ASIDES):
            continue  # "also quick question, do my stars expire?": an aside, no problem
        if sure and any(h.start > i for h in hits):
            return word
        if not sure and r.praise_end and any(t in _PROBLEM_CUES for t in tokens[i + 1:i + 16]):
            return word
    return None


_RULES_OVER_MODEL = frozenset({("feature_request", "app_bug"), ("flight_disruption", "app_bug"),
                               ("transport_disruption", "app_bug"), ("wrong_item", "app_bug"),
                               ("transport_disruption", "food_order"), ("booking", "app_bug"),
                               ("wrong_item", "refund_status"),
                               ("transport_disruption", "service_outage")})
"""(rules, model) pairs where the rules' sure reading with a strong phrase wins however sure the model is: "the
update removed offline mode" names a feature taken away, which the words of software (update, app, mode) lean
the model to read as a fault; "pilot announced a technical issue and we've been deplaned" is a flight held up,
not software; "board says on time, app says cancelled" is a train's running; "received a used phone in place of new
one. Seal was broken" is the wrong item sent, not a phone's software; "lift to platform 5 out of order... waiting 25 min
in the cold" is a station's, not a cold meal; "bee network 50 bus... driver pulled off while my mum was still getting
sat down" is a bus's, not a network down."""
_STRONG_PHRASE = 3.0
_POLICY_ASKED = re.compile(r"\b(?:what(?:'|’)?s|what is|wats) (?:ur|your|yr|the) (?:\w+ ){0,2}"
                           r"(?:polic(?:y|ies)|window|period|rules?|limit)\b", re.IGNORECASE)
"""A policy asked about ("whats ur returns policy on sale items?", "whats ur return window over the holidays?")."""
_POLICY_ASK_UNSURE = 0.95
"""A complaint the weights read below this, in a calm post asking about a policy, is a question."""
_FEW_WORDS = 6
"""A post of at most this many words: the rules' strong phrase is trusted over the weights' doubt."""
"""The weight of a phrase of the lexicon's strong tier (``tiers.strong`` in concentrate.yaml)."""


def _model_sure_enough(situation: Prediction, r: _Rules, *, urgent: bool) -> bool:
    """Whether the model's situation is sure enough to take.

    ``_MIN_URGENT`` on an urgent post; else ``_MIN_SITUATION``, or ``_MIN_BACKED`` where a phrase of
    the rules points to it too.
    """
    if urgent:
        return situation.probability >= _MIN_URGENT
    return situation.probability >= _MIN_SITUATION or (
        situation.probability >= _MIN_BACKED and r.verdict.raw.get(situation.label, 0.0) >= _BACKING)


def _strongest(r: _Rules, situation: str) -> float:
    """The weight of the rules' strongest phrase for a situation."""
    return max((h.weight for h in r.verdict.evidence.get(situation, (0.0, []))[1]), default=0.0)


def _rules_win(r: _Rules, rules: str, situation: Prediction) -> bool:
    """Whether the rules' situation, other than the model's, is sure enough to take its place."""
    if rules == situation.label or r.verdict.confidence < _RULES_SURE:
        return False
    if situation.probability < _MODEL_SURE:
        return True
    return (rules, situation.label) in _RULES_OVER_MODEL and _strongest(r, rules) >= _STRONG_PHRASE
_CHASED_URGENCIES = frozenset({"fraud", "data_exposure"})
"""Urgencies a post may chase as an earlier case (a fraud claim's refund), rather than report anew."""
_CASE_CHASED = re.compile(r"\b(?:claim|case|complaint|call ?back|dispute)\b", re.IGNORECASE)
"""An earlier case named beside follow-up words ("still waiting on the callback I was promised about my fraud claim"):
the case is chased, whatever the weights hear."""
_RECOVERY = frozenset({
    "rebooked", "refunded", "reimbursed", "credited", "compensated", "replaced", "replacement", "sorted", "fixed",
    "resolved", "rescued", "saved", "arranged", "upgraded", "returned", "reunited", "froze", "blocked",
    "helped", "got", "sent", "delivered", "called", "rang", "stayed", "kept", "went", "moved", "swapped", "waived",
    "found"})
"""Words of something put right after a turn ("but the desk rebooked me", "and they refunded me straight away")."""
_RECOVERY_TURNS = frozenset({"but", "and", "luckily", "thankfully", "fortunately", "however"})
_SECOND_TURNS = frozenset({"but", "however", "though", "although", "still", "unfortunately", "sadly", "except"})


_BARE_THANKS_SURE = 0.8
"""Praise read at least this surely keeps a closing thanks as thanks ("found my daughter's teddy... thank you")."""
_BARE_THANKS = re.compile(
    r"(?:^|[.!?\n,;:]|\s-)\s*(?:thanks|thank you|thx|ty|cheers|ta)(?: (?:a lot|a bunch|again|guys|then))?"
    r"[\s.!,]*(?:[^\w\s]\s*)*$", re.IGNORECASE)
"""A post that ends in a thanks standing on its own ("... I'm in Dubai with no phone. thanks")."""


_MENDED = _RECOVERY | {"worked", "works", "working", "arrived", "came", "turned", "appeared", "back"}
"""Words that tell the trouble was put right before a closing kind word ("declined twice, then it worked. great")."""


def _trouble_unmended(text: str) -> bool:
    """Tell whether the words before a lone kind ending tell of trouble that nothing put right.

    "chargeback rejected with zero explanation. brilliant." is sarcastic; "my order was wrong but you sorted it
    in minutes. brilliant" is thanks.
    """
    return _TROUBLE.search(text) is not None and _MENDED.isdisjoint(re.findall(r"[a-z]+", text.lower()))


def _closing_thanks(r: _Rules, text: str) -> re.Match[str] | None:
    """The closing thanks, when it holds the only kind words ("... 5 hours sleep before my interview. cheers")."""
    praise = r.found.family("praise")
    end = len(r.found.tokens) - 4
    return _BARE_THANKS.search(text) if praise and all(h.start >= end for h in praise) else None


def _trouble_then_bare_thanks(r: _Rules, text: str) -> bool:
    """Tell whether the only kind word is a closing thanks after a telling of trouble, and nothing put it right.

    "sent me a replacement SIM I didn't ask for and now my old one's deactivated. I'm in Dubai with no phone.
    thanks": a bare "thanks" at the end of a problem is a sign-off or a sigh, not praise.
    """
    end = _closing_thanks(r, text)
    if end is None or _TROUBLE.search(text[:end.start()]) is None:
        return False
    return _problem_then_recovery(r) is None


def _problem_then_recovery(r: _Rules) -> str | None:
    """The turning word when trouble comes first and every praise phrase after a turn that puts it right.

    "someone stole my wallet and the bank froze my card, had me paying in 15 minutes. genuinely impressed":
    no praise before the turn, a word of recovery after it, praise after that, and no second turn back to
    trouble ("... but still no hotel").
    """
    tokens = r.found.tokens
    praise = [h for h in r.found.family("praise") if h.weight >= 1.0]
    if not praise or r.praise_end < len(tokens) * 0.5:
        return None
    first = min(h.start for h in praise)
    for i in range(1, first):
        if tokens[i] not in _RECOVERY_TURNS:
            continue
        after = tokens[i + 1:]
        if not any(t in _RECOVERY for t in after[:14]):
            continue
        if any(t in _SECOND_TURNS for t in after):
            return None
        if any(h.key != "delight" and h.start > i for h in r.found.family("emotion")):
            return None  # "... then cancelled with no driver found. Missed it. Thanks a lot": trouble after the turn
        return tokens[i]
    return None


def reading_features(text: str, *, locale: str = "en") -> list[str]:
    """The features the learned layer sees for a post (used to fit it)."""
    return _rules(text, locale).features


def _why(label: str, probability: float, drivers: tuple[str, ...]) -> str:
    shown = ", ".join(map(describe_feature, drivers))
    return f"{label} {probability:.2f}" + (f" ({shown})" if shown else "")


_RESCUED = re.compile(
    r"\b(?:saved|stopped|spotted|caught|prevented|talked (?:\w+ ){1,3}out of|protected|"
    r"stayed with (?:\w+ ){1,3}(?:until|till|til) (?:the )?(?:paramedics|ambulance|police|help)|"
    r"(?:money|funds|it) (?:was|is|were) back in my account|got (?:my|the|all my) money back|"
    r"sorted (?:out )?(?:my|the) (?:\w+ )?(?:card|account)|had a new one (?:ordered|sent|on its way)|"
    r"had my (?:\w+ )?card (?:frozen|blocked|cancell?ed|replaced|stopped))\b"
    r"(?![^.!?]{0,30}\b(?:not|never)\b)",
    re.IGNORECASE,
)
"""Words of a danger someone stopped or put right ("talked my mum out of sending it", "spotted the scam", "saved her
savings", "stayed with her until the paramedics came", "the money was back in my account this morning")."""


_SPARED = re.compile(
    r"\b(?:stopped|saved|prevented|kept) me (?:from )?(?:sending|paying|transferring|losing|being scammed|"
    r"getting scammed|falling for)\b", re.IGNORECASE)
"""A loss the customer was spared ("the pop up stopped me sending $900 to a fake seller")."""


_CLOSING = 40
"""The last characters of a post, where a closing thanks stands ("...til he settled. thank you. genuinely")."""
_CARED = re.compile(r"\b(?:(?:sat|stayed|waited) with (?:him|her|them|us|me|my \w+)|walked (?:him|her|them|us|me) "
                    r"(?:to|down|off|through|onto)|looked after (?:him|her|them|us|me|my|(?:a|an|the|this|that) "
                    r"(?:\w+ )?(?:woman|man|lady|gentleman|girl|boy|passenger|customer|kid|child|person))|"
                    r"kept (?:everyone|us|people|the whole (?:carriage|coach|cabin|plane|bus|train)) calm|"
                    r"found a doctor|had it (?:all )?handled)\b",
                    re.IGNORECASE)
"""Care given to someone vulnerable ("sat with him til he settled", "walked her to the gate", "looked after a woman
who fainted")."""
_THANK_GOD = re.compile(r"\bthank (?:god|goodness|heavens|christ|f\w*k|the lord)\b", re.IGNORECASE)
"""Relief, not thanks to anyone ("caught it in time thank god")."""
_THANKED = re.compile(r"\b(?:thanks|thank you|thank u|thx|ty|cheers|grateful|appreciate\w*)\b", re.IGNORECASE)
"""Thanks to someone, besides relief (the brand thanked as well: "thank god and thank you")."""


_STILL_HURT = re.compile(
    r"\b(?:looks|is|might be|could be|think it'?s) broken\b|\b(?:heading|going|on (?:our|the|my) way) to (?:the )?"
    r"(?:hospital|a ?& ?e|er|royal|emergency)|\bwho do (?:i|we) (?:report|complain|speak|talk)\b|"
    r"\b(?:now|still) (?:at|in) (?:the )?(?:gp|doctors?|doctor['’]s|a ?& ?e|er|hospital|urgent care)\b|"
    r"\bnobody (?:took|filled|did|wrote) (?:an |the |a )?(?:incident|accident) (?:report|form)|"
    r"\bnot good enough\b|\bnot (?:ok|okay|acceptable|on)\b|\bunacceptable\b|\bdeserves? better employers?\b",
    re.IGNORECASE)
"""Someone still hurt, or the incident still to be reported ("her wrist looks broken and we're heading to the Royal
London now. who do we report this to properly?", "nobody took an incident report and we're now at the GP"), or the
failure called out ("my dad was left sitting on the plane 50 min... Not good enough. Crew were lovely tho"): kind
words for the staff do not make the post thanks."""


_HELP_CAME = re.compile(r"\b(?:till?|until) (?:the |di |da )?(?:ambulance|paramedics|police|help|an ambulance)"
                        r"(?: (?:came|come|arrived|got there|turned up))?\b", re.IGNORECASE)
"""Help that came while a colleague stayed ("waited with her till the ambulance came"): the danger is over."""
_PERSON_PRAISED = re.compile(
    r"\b(?:fella|lady|guy|bloke|man|woman|lad|lass|gentleman|chap|driver|agent|girl)\b[^.!?]{0,60}?\b(?:was|were)\s+"
    r"(?:so |really |absolutely |just )?(?:brilliant|amazing|lovely|great|fantastic|patient|kind|class|decent|superb|"
    r"excellent|wonderful|incredible)\b", re.IGNORECASE)
"""A colleague praised in the post's own words ("the fella on the phone this morning (Gareth i think) was brilliant
with my mum")."""
_FEAR_WORDS = frozenset({"terrified", "petrified", "frightened", "scared_stiff", "scared stiff"})
"""Words of fear that read as a threat on their own ("my son was terrified in the turbulence")."""


def _only_fear(found: Scan) -> bool:
    """Tell whether every threat word read is only a word of fear, with no one menacing anyone."""
    threat = [h for h in found.family("urgency") if h.key == "threat"]
    return bool(threat) and all(h.label.strip("'") in _FEAR_WORDS for h in threat)


def _thanks_for_danger_handled(r: _Rules, predicted: Mapping[str, Prediction], text: str) -> bool:
    """A post that thanks the brand for handling a danger: praise words, delight read surely, no sarcasm.

    Or kind words only, for a danger someone stopped ("talked my mum out of sending it... you saved her
    savings. thank you"): the weights may hear the scam's words as anger.

    The danger words stay in the reading (the post is still escalated to a person); only the reply
    changes, from a safety script to thanks.
    """
    emotion = predicted["emotion"]
    votes = r.emotion.votes
    delight = votes.get("delight", 0.0)
    kind = r.praise >= _STRONG_PRAISE or (delight > 0 and all(v <= delight for v in votes.values()))
    if r.intent.sarcasm or r.abuse.abusive or not r.praise:
        return False
    if _THANK_GOD.search(text) and not _THANKED.search(_THANK_GOD.sub(" ", text)):
        return False  # "the plug MELTED... caught it in time thank god. who do I report this to??": relief, no thanks
    if _STILL_HURT.search(text):
        return False  # "staff were lovely and helped her but her wrist looks broken and we're heading to the Royal..."
    if kind and emotion.label == "delight" and emotion.probability >= _DANGER_THANKS:
        return True
    if kind and (r.shout_out is not None or _PERSON_PRAISED.search(text)) and _HELP_CAME.search(text):
        # "big up di driver... Him pull over when a lady tek sick an wait wid her till di ambulance come": the help
        # came, and the colleague is thanked for staying
        return True
    if kind and r.shout_out is not None and "safety" in r.urgency and _CARED.search(text):
        # "shout out to the guard... who looked after a woman who fainted near Upminster and kept the whole carriage
        # calm. legend": someone taken ill, cared for by the colleague thanked
        return True
    feared = _only_fear(r.found)
    if set(r.urgency) <= {"vulnerable", "threat"} and ("threat" not in r.urgency or feared) and (
            ((kind or feared) and r.shout_out is not None) or (kind and _PERSON_PRAISED.search(text))
            or (_THANKED.search(text[-_CLOSING:]) and _CARED.search(text))):
        # "a big thanks to Gordon... My mum (84) got confused about her stop and he walked her off", "the flight
        # attendant... noticed my dad was confused and sat with him during boarding til he settled... thank you."
        # "thank you to the crew... My son (7) was terrified in the turbulence, Marcus sat with him for ages": fear
        # told of, calmed by the colleague thanked
        return True
    # "to the lady who talked my mum out of sending £3,000 to a scammer - you saved her savings. thank you": a
    # danger someone stopped, thanked for; the weights may hear the scam's words as anger
    # "that 'this could be a scam' pop up stopped me sending $900... so yeah. thanks": a loss the customer was
    # spared, thanked for with any kind word
    return (kind and _RESCUED.search(text) is not None) or _SPARED.search(text) is not None


def concentrate(inbound: Inbound, *, locale: str = "en") -> Reading:
    """Read a post: intent, situation, subject, emotion, urgency, language, details and personal data.

    ``locale`` is the bank's language (``en`` or ``en-GB``): a post in another
    language is read as ``other_language``.

    >>> r = concentrate(Inbound(text="My order #12345 never arrived and I'm furious!"))
    >>> (r.intent, r.category, r.emotion, r.details.order_id, r.negative)
    ('complaint', 'late_delivery', 'anger', '12345', True)
    """
    lang = locale.split("-")[0].lower() or "en"
    r = _rules(inbound.text, lang)
    reasons: list[str] = []
    predicted = predict_all(r.features, allowed=_allowed(), rarely=_RARELY)
    intent_model = predicted["intent"]
    urgency, urgency_reasons = r.urgency, r.urgency_reasons
    p_urgent = predicted.probability("urgent", "yes")  # the drivers are looked for only if they are shown
    if not urgency and p_urgent >= _URGENCY_MIN:
        seen = predicted["urgency"]
        kind, p_kind = (seen.label, seen.probability) if seen.label != "none" else (
            seen.second, seen.second_probability)
        leans = "danger" in (intent_model.label, intent_model.second) and (
            intent_model.label == "danger" or intent_model.second_probability >= _URGENCY_KIND_MIN)
        if kind == "fraud" and _FRAUD_CUE.search(inbound.text) is None and (
                r.verdict.category is not None and r.verdict.category not in _FRAUD_SITUATIONS):
            # "STANDING from Euston with a reserved seat... Paid £90 for this. DISGRACE": the weights lean on "paid"
            # and anger, but nothing in the post is fraud, and the rules read a train, not a scam
            kind = "none"
        if kind != "none" and p_kind >= _URGENCY_KIND_MIN and leans:
            urgency = (kind,)  # type: ignore[assignment]
            urgency_reasons = (f"urgency {kind}: the model reads the post as urgent at {p_urgent:.2f} ("
                               + ", ".join(describe_feature(f) for f in predicted["urgent"].drivers) + ")",)
    intent: Intent = intent_model.label  # type: ignore[assignment]
    intent_p = intent_model.probability
    forced = r.intent.intent in ("other_language", "spam", "abuse")
    turned = thanked_off = False
    tokens = r.found.tokens
    handles = sum(map(str.startswith, tokens, repeat("@"))) if "@" in r.found.plain else 0
    short = len(tokens) - handles <= _SHORT
    sure_problem = r.verdict.category in PROBLEMS and r.verdict.confidence >= _RULES_SURE  # a problem the rules read
    if short and not forced:
        # a handful of words is too little for the weights ("ok so"): the rules' reading, as unsure as it is
        intent_model = intent_model._replace(label=r.intent.intent, probability=min(r.intent.confidence, 0.9),
                                             drivers=())
        intent, intent_p = r.intent.intent, intent_model.probability
    if forced:
        intent, intent_p = r.intent.intent, r.intent.confidence
        reasons.append(r.intent.reasons[0])
    elif not DANGER_URGENCIES.isdisjoint(urgency):
        if _thanks_for_danger_handled(r, predicted, inbound.text):
            # "thank you for getting my £1,200 back from the scam": the danger is over and the post thanks
            intent, intent_p = "praise", max(0.6, predicted["emotion"].probability)
            reasons.append("intent praise: thanks for how a danger was handled ("
                           + "; ".join(urgency_reasons[:1]) + "; clear praise words, only delight)")
        elif (set(urgency) <= _CHASED_URGENCIES and "signal:follow_up" in r.features
              and (("signal:follow_up:strong" in r.features and "follow_up" in (intent, intent_model.second))
                   or _CASE_CHASED.search(inbound.text))):
            # "I reported the fraud 2 weeks ago and the money still hasn't come back, any update?", "still nothing.
            # complaint ref opened 7 weeks ago about the £640 scam payment": a case chased, not a new report; still
            # escalated, but the reply answers the wait
            intent = "follow_up"
            reasons.append("intent follow_up: an earlier report of " + "; ".join(urgency_reasons[:1])
                           + " chased (follow-up words), not a new danger")
        else:
            if intent != "danger":
                intent, intent_p = "danger", max(0.6, intent_model.probability)
            reasons.append("intent danger: " + "; ".join(urgency_reasons[:2]))
    elif short:
        reasons.append("intent " + _why(intent, intent_p, ()) + " (a few words: the rules' reading)")
    else:
        # any word of bad feeling; beside clear praise, one middling word is not enough ("an absolute gent, even
        # waited till we got inside")
        bad = sum(v for k, v in r.emotion.votes.items() if k != "delight" and v > 0)
        upset = bad > (_PRAISE_SHRUG if r.praise >= _PRAISE_CLEAR else 0.0)
        if r.intent.sarcasm and intent in ("praise", "banter"):
            intent = "complaint"
        elif intent == "banter" and r.emotion.emotion == "anger" and not r.praise and sure_problem:
            # "yall are the most useless organization in the history of Philadelphia... regional rail 20 min late
            # EVERY. SINGLE. DAY.": anger at a problem the rules read surely is no joke to smile back at
            reasons.append(f"banter ({intent_p:.2f}) in an angry post about a problem read surely: complaint")
            intent = "complaint"
        elif (intent in ("complaint", "banter", "request", "follow_up", "question", "danger") and r.praise > 0
              and not r.intent.sarcasm and not r.abuse.abusive and r.shout_out is not None):
            # (a "danger" the weights hear in "my mum (84) got confused about her stop", with no urgency read)
            # "Shoutout to Mel in the lounge who found my dad's glasses... Absolute legend": a colleague thanked
            reasons.append(f"{intent} ({intent_p:.2f}) in a post that opens thanking a colleague "
                           f"({r.shout_out!r}): praise")
            intent = "praise"
        elif (intent in ("complaint", "banter") and predicted["emotion"].label == "delight"
              and predicted["emotion"].probability >= _PRAISE_DELIGHT and not r.intent.sarcasm
              and r.emotion.emotion not in NEGATIVE_EMOTIONS
              # a cheerful question, or a joke, with no kind word is no praise; nor is a post of trouble with none
              # ("refund for my missing dumplings was 'approved' but only £1.20 came back")
              and (r.praise > 0 or (not r.question and intent != "banter" and not _TROUBLE.search(inbound.text)
                                    and not _GRIPE.search(inbound.text)))
              and not _SNARK.search(inbound.text)
              # "unexpected item in the bagging area. yes. it's my dignity 🙃": an eye roll is no delight
              and (inbound.text.isascii() or _EYE_ROLL.search(inbound.text) is None)
              and not sure_problem):
            reasons.append(f"a delighted post ({predicted['emotion'].probability:.2f}) read as praise, not {intent}")
            intent = "praise"
        elif (intent in ("complaint", "request", "follow_up") and _STRONG_PRAISE <= r.praise < _PRAISE_CLEAR
              and not r.intent.sarcasm and not upset and (turn := _praise_then_problem(r, strong=True))):
            # "rider was lovely but my Dishoom order came without the black daal... any chance of a refund": one
            # kind word first, and a problem the rules name strongly after the turn leads; the kind word is thanked
            reasons.append(f"{TURNED_REASON} {turn!r} ({r.verdict.reason}): {intent}")
            turned = True
        elif (intent in ("complaint", "banter", "request", "follow_up") and r.praise >= _STRONG_PRAISE
              and (r.praise >= _PRAISE_CLEAR or not sure_problem)
              and not r.intent.sarcasm and not upset
              # one middling word of bad feeling beside two strong praise phrases is a small gripe ("were absolutely
              # flawless... waited 25 min for eggs. otherwise 10/10 would go back")
              and (r.emotion.emotion not in NEGATIVE_EMOTIONS or r.praise >= _PRAISE_CLEAR)
              and not r.details.contacted
              # "...a burger with no patty... Staff were lovely tbf but the kitchen is a disaster. Can I get a refund?":
              # money asked back is no thanks
              and "refund" not in r.intent.asks
              # "recline broken, tray table held together with tape... Crew were lovely and apologetic but...": the
              # trouble told first, nothing put right, a kind word for the crew on the way
              and (r.praise >= _PRAISE_CLEAR or not _trouble_then_kind_word(r))
              and not (intent == "request" and r.verdict.category == "feature_request")):
            # "fair play, you fixed it", "10/10, legends": praise words, no bad feeling, no problem read surely
            # ("thanks for adding credits, can you add the year too?" asks for something: the request leads)
            reasons.append(f"{intent} ({intent_p:.2f}) beside clear praise ({r.praise_reason}), no problem read surely "
                           "and no complaint feeling: praise")
            intent = "praise"
        elif (intent in ("complaint", "follow_up") and r.praise >= _STRONG_PRAISE and not r.intent.sarcasm
              and not r.abuse.abusive and (turn := _problem_then_recovery(r))):
            # "my flight got cancelled but the lady at the desk rebooked me in 5 minutes. absolute star": the
            # trouble is told to praise how it was put right
            reasons.append(f"a problem, then how it was put right after {turn!r} and praise "
                           f"({r.praise_reason}): praise")
            intent = "praise"
        elif (intent in ("complaint", "banter") and intent_p < _PRAISE_SURE and "rule_praise" in r.features
              and not upset and not r.intent.sarcasm):
            reasons.append(f"{intent} read with little certainty ({intent_p:.2f}) beside clear praise words and no "
                           "complaint feeling: praise")
            intent = "praise"
        elif (intent == "banter" and r.emotion.emotion == "anger" and not r.intent.sarcasm and r.praise == 0
              and _CONDEMNED.search(inbound.text)):
            # "closing the branch means my 84 yr old dad needs 2 buses. shameful": a verdict of anger and not one
            # kind word is no joke
            reasons.append(f"banter ({intent_p:.2f}) condemned in anger with no kind word: complaint")
            intent = "complaint"
        elif intent == "banter" and r.praise == 0 and (owed := _WHERE_IS_IT.search(inbound.text)) is not None:
            # "'get paid up to 2 days early' more like up to 2 days late lol. employer says DD went out tuesday, its
            # friday. where is it": a joke on the way to something owed, asked for
            reasons.append(f"banter ({intent_p:.2f}) asking where something owed is ({owed.group(0)!r}): complaint")
            intent = "complaint"
        elif (intent == "banter" and not r.intent.sarcasm and r.praise == 0
              and (grievance := _GRIEVANCE.search(inbound.text)) is not None and not _LAUGHING.search(inbound.text)):
            reasons.append(f"banter ({intent_p:.2f}) carrying a grievance ({grievance.group(0)!r}): complaint")
            intent = "complaint"
        elif (intent == "banter" and r.intent.intent == "complaint" and "signal:banter" not in r.features
              and not r.intent.sarcasm
              and (r.bereavement or (r.emotion.emotion in NEGATIVE_EMOTIONS
                                     and predicted["emotion"].label in NEGATIVE_EMOTIONS)
                   or (intent_p < 0.6 and r.verdict.category in PROBLEMS and r.intent.confidence >= 0.6
                       and r.praise == 0 and predicted["emotion"].label != "delight"
                       and not _LAUGHING.search(inbound.text)))):
            # "my late husband's account - third time I've been asked for the death certificate", "on hold for
            # 1 hour 52 minutes": the weights' joke with no joke's words, where the rules read a complaint with
            # bad feeling or a loss; a quip to a complaint is the worse mistake
            reasons.append(f"banter ({intent_p:.2f}) with no joke's words where the rules read a complaint "
                           f"({'a loss' if r.bereavement else r.emotion.emotion}): complaint")
            intent = "complaint"
        elif (intent == "danger" and not urgency and intent_p < _BANTER_UNSURE and "signal:banter:strong" in r.features
              and r.emotion.emotion not in ("anger", "sadness") and (r.emotion.emotion != "anxiety" or r.praise > 0)):
            # "the bloke in 32C has been eating boiled eggs since Singapore. not a complaint, I just need someone else
            # to know": an unsure danger with none read, told as a joke; fear made light of beside kind words ("two
            # go-arounds in the fog... 10/10 would be mildly terrified again. landed like a feather") is one too
            reasons.append(f"danger read unsurely ({intent_p:.2f}) with no danger read, and a joke's words: banter")
            intent = "banter"
        elif (intent == "danger" and not urgency and r.intent.intent == "praise" and r.praise >= _STRONG_PRAISE
              and not r.intent.sarcasm and not r.abuse.abusive and r.emotion.emotion not in NEGATIVE_EMOTIONS):
            # "my dasher Kwame realised the restaurant gave him the wrong bag... drove BACK to get the right one. in a
            # snowstorm. please make sure he knows he's a gem": the weights hear a danger in the story, none is read
            reasons.append(f"danger ({intent_p:.2f}) with no danger read, where the rules read praise "
                           f"({r.praise_reason}) and no bad feeling: praise")
            intent = "praise"
        elif intent == "danger" and not urgency and r.bereavement and r.intent.intent != "danger":
            # "I was recently widowed and I'm trying to take my husband off our joint checking": the weights hear
            # a danger in a loss, and no danger is read; the loss is met by its own lines
            reasons.append(f"danger ({intent_p:.2f}) with no danger read, in a post that tells of a loss: "
                           f"{r.intent.intent}, as the rules read it")
            intent = r.intent.intent
        elif (intent == "banter" and intent_p < _BANTER_UNSURE and "signal:banter" not in r.features
              and r.praise == 0 and (r.intent.asks or _I_NEED.search(inbound.text))
              and not _LAUGHING.search(inbound.text)):
            # "my phone number is in google search wrongly and I NEED it REMOVED before i explode": an ask, no joke's
            # words, no laugh
            reasons.append(f"banter read unsurely ({intent_p:.2f}) with no joke's words, beside an ask: "
                           f"{r.intent.intent}, as the rules read it")
            intent, intent_p = r.intent.intent, r.intent.confidence
        elif (intent == "banter" and intent_p < _BANTER_UNSURE and r.question
              and r.intent.intent in ("request", "complaint") and _PLEA.search(inbound.text) is not None
              and not _LAUGHING.search(inbound.text)):
            # "fourth engineer visit for the same washing machine. I know him better than my neighbours now. can I
            # just have a replacement please": a joke told on the way to an ask
            reasons.append(f"banter read unsurely ({intent_p:.2f}) in a post that asks something: "
                           f"{r.intent.intent}, as the rules read it")
            intent, intent_p = r.intent.intent, r.intent.confidence
        elif (intent == "complaint" and r.intent.intent == "banter"
              and (intent_p < _BANTER_OVER
                   or ("signal:banter:strong" in r.features and r.verdict.category is None
                       and (intent_p < _BANTER_STRONG_OVER
                            or (predicted["emotion"].label == "delight"
                                and predicted["emotion"].probability >= _PRAISE_DELIGHT))))
              and r.emotion.emotion not in NEGATIVE_EMOTIONS and not r.intent.sarcasm
              and not (r.verdict.category is not None and (r.intent.asks or r.question))):
            # "ordered mac and cheese for the 3rd time this week, no regrets": a joke the weights took for a gripe;
            # not when the post asks about a situation the rules found ("$47 of Thai feeding the possums now lol.
            # refund?");
            # "went in for milk. left with a kayak, 48 croissants... this is a hostage situation": a joke's own words
            # and nothing of any situation, whatever the weights hear
            reasons.append(f"complaint read with little certainty ({intent_p:.2f}) where the rules read banter and "
                           "no bad feeling: banter")
            intent = "banter"
        elif (intent == "complaint" and "signal:banter:strong" in r.features and not r.verdict.evidence
              and not urgency and not r.intent.sarcasm and not r.abuse.abusive and not r.question and not r.intent.asks
              and r.praise == 0 and set(r.emotion.votes) <= {"frustration"}
              and r.emotion.votes.get("frustration", 0.0) <= _ONE_GRUMBLE):
            # "the middle aisle has beaten me again. went in for milk, came out with a welding mask and a kayak
            # paddle": a joke's own words, no situation, and only the mock weariness of "again"
            reasons.append(f"complaint ({intent_p:.2f}) with a joke's own words, no situation and one word of "
                           "weariness: banter")
            intent = "banter"
        elif (intent == "complaint" and intent_p < _QUESTION_OVER and r.intent.intent == "question" and r.question
              and not r.intent.sarcasm and not sure_problem):
            # "what time does the Leeds store close tonight": a plain question the weights took for a gripe
            reasons.append(f"complaint read with little certainty ({intent_p:.2f}) where the rules read a clear "
                           "question and no problem: question")
            intent, intent_p = "question", max(intent_model.second_probability, 1.0 - intent_p)
        elif (intent == "question" and intent_p < _BANTER_UNSURE and r.intent.intent == "complaint"
              and r.emotion.emotion == "anger" and not urgency):
            # "you lot are a disgrace. host cancels my booking an HOUR before check in and you offer me a $40
            # coupon?? shove it": a question mark on a furious complaint, no question to look into
            reasons.append(f"question read unsurely ({intent_p:.2f}) in an angry complaint: complaint")
            intent = "complaint"
        elif (intent == "complaint" and intent_p < _POLICY_ASK_UNSURE and r.question and not urgency
              and r.emotion.emotion not in NEGATIVE_EMOTIONS and _POLICY_ASKED.search(inbound.text)):
            # "whats ur returns policy on sale items? bought a lamp in the sale, doesnt go with owt": a policy asked
            # about calmly, whatever the weights make of "doesnt"
            reasons.append(f"complaint read unsurely ({intent_p:.2f}) in a calm post asking about a policy: question")
            intent = "question"
        elif (intent == "question" and not r.question and r.intent.intent == "banter"
              and "signal:banter:strong" in r.features and not urgency and not r.praise
              and r.emotion.emotion not in NEGATIVE_EMOTIONS and not _TROUBLE.search(inbound.text)
              and not _LAUGHING.search(inbound.text)  # "lol so geek squad has had my laptop since the 3rd": a laugh
              # a question asked without its mark ("if my bag is 41cm am i getting done for £70") or a roast asked
              # for ("roast my ex") is the team's own to answer
              and not _ASKED_UNMARKED.search(inbound.text) and "roast" not in tokens):
            # "the new Percy Pig flavour is an abomination and I've eaten the whole bag to be sure. please advise": no
            # question asked, and a joke's own words; the weights' next guess (praise, a danger) is further off
            reasons.append(f"a question with no question in it ({intent_p:.2f}), and a joke's words: banter")
            intent, intent_p = "banter", r.intent.confidence
        elif intent == "question" and not r.question and intent_model.second != "question":
            reasons.append(f"a question with no question in it ({intent_p:.2f}): {intent_model.second} instead")
            intent, intent_p = intent_model.second, intent_model.second_probability  # type: ignore[assignment]
            if r.intent.sarcasm and intent in ("praise", "banter"):
                # "'unlimited' data but after 10GB speed become like 2005 dial up. very unlimited": no joke
                reasons.append(f"{intent} said with sarcasm: complaint")
                intent = "complaint"
        elif (intent == "praise" and intent_p < _PRAISE_SURE and not r.praise and r.intent.intent == "complaint"
              and r.verdict.category in PROBLEMS and r.verdict.raw.get(r.verdict.category, 0.0) >= _STRONG_PHRASE
              and _TROUBLE.search(inbound.text)):
            # "hair in the shower and stains on the sheets. Staff were nice about it but it shouldn't happen": a
            # kind word about how it was taken, no praise phrase, and the rules read the problem from a strong
            # phrase (not "nearly missed my train" after a comfy bed; a closing "Respect" counts in r.praise)
            reasons.append(f"praise read unsurely ({intent_p:.2f}) from no praise phrase, where the rules read a "
                           f"complaint about {r.verdict.category}: complaint")
            intent, intent_p, turned = "complaint", r.intent.confidence, True
        elif (intent == "praise" and not r.praise and "rule_vote:delight" not in r.features
              and (gripe := _GRIPE.search(inbound.text)) is not None):
            # "whoever set the Piccadilly line temperature today, a bit much babe 🥵": no kind word, and a gripe
            reasons.append(f"praise read ({intent_p:.2f}) from no praise words, beside a gripe ({gripe.group(0)!r}): "
                           "complaint")
            intent, intent_p = "complaint", min(intent_p, 0.6)
        elif (intent == "praise" and not r.praise and r.intent.intent in ("complaint", "follow_up")
              and "delight" not in r.emotion.votes and not _KIND_WORDS.search(inbound.text)
              and not r.abuse.abusive
              and (bad := sum(v for k, v in r.emotion.votes.items() if k != "delight")) >= _UPSET_ONLY):
            # "geek squad has had my laptop for 23 days now... every single time I call it's 'waiting on parts'":
            # the weights' praise, however sure, with not one kind word and only bad feeling read
            reasons.append(f"praise ({intent_p:.2f}) with no kind word and only bad feeling ({bad:g}): "
                           f"{r.intent.intent}, as the rules read it")
            intent, intent_p = r.intent.intent, r.intent.confidence
        elif intent == "praise" and intent_p < _PRAISE_SURE and not r.praise and "rule_vote:delight" not in r.features:
            if intent_model.second == "danger" and not urgency:
                # no danger read by the rules either: the rules' own reading ("whoever runs this account is a
                # brain dead clown" is abuse, not a danger)
                reasons.append(f"praise read from no praise words ({intent_p:.2f}), and no danger read: "
                               f"{r.intent.intent}, as the rules read it")
                intent, intent_p = r.intent.intent, r.intent.confidence
            elif ("signal:banter:strong" in r.features and not r.intent.sarcasm and not urgency
                  and r.emotion.emotion not in NEGATIVE_EMOTIONS and not _TROUBLE.search(inbound.text)):
                # "went in for one hinge. came out with a lemon tree... explain yourselves": a joke's own words
                reasons.append(f"praise read from no praise words ({intent_p:.2f}), and a joke's words: banter")
                intent = "banter"
            else:
                reasons.append(f"praise read from no praise words ({intent_p:.2f}): {intent_model.second} instead")
                intent, intent_p = intent_model.second, intent_model.second_probability  # type: ignore[assignment]
        elif intent == "follow_up" and not r.details.contacted and _OWN_CASE.isdisjoint(tokens):
            # "any update about Mirzapur 2?", "any word on when the stores reopen?": news asked for, no case chased
            reasons.append(f"a follow-up with no case of the customer's own ({intent_p:.2f}): a question")
            intent = "question"
        elif (intent == "follow_up" and intent_p < 0.5 and r.intent.asks and not r.details.contacted
              and not any(f.startswith("signal:follow_up") for f in r.features)):
            # "youtube terminated my channel, please reinstate it": an ask, with no sign of chasing an earlier one
            reasons.append(f"a follow-up read with little certainty ({intent_p:.2f}) and no sign of chasing, "
                           "beside an ask: request")
            intent = "request"
        elif intent == "request" and "rule_question" in r.features and (
                (not r.intent.asks and intent_p < 0.6) or _HOW.search(r.question_reason)):
            reasons.append("a clear question asking for nothing but an answer: question, not request")
            intent = "question"
        if (intent == "praise" and intent_p < _BARE_THANKS_SURE and r.emotion.emotion != "delight"
                and _trouble_then_bare_thanks(r, inbound.text)):
            reasons.append("praise read from a closing thanks after a telling of trouble, and nothing put right: "
                           "complaint")
            intent, thanked_off = "complaint", True
        if intent == "praise" and (turn := _praise_then_problem(r)):
            if (turn in _ONLY_TURNS or turn == "also") and r.shout_out is not None and not sure_problem:
                # "big thanks to Aoife in the Ennis branch who sat with my dad... only thing is the app wont let him
                # make the text bigger", "shoutout to Priya... also pls bring back the old garlic bread": a colleague
                # thanked, with one small gripe or aside beside the thanks
                reasons.append(f"a colleague thanked ({r.shout_out!r}), then one gripe after {turn!r}: praise")
            elif r.shout_out is not None and not sure_problem and _TURN_TO_COLLEAGUE.search(inbound.text):
                # "thank you to Dan... it has been awful everywhere else but he called back exactly when he said he
                # would": the turn is to the colleague thanked, away from the trouble elsewhere
                reasons.append(f"a colleague thanked ({r.shout_out!r}), and the turn {turn!r} is back to them: praise")
            else:
                # "the dress is lovely but it came in the wrong size": kind words, then the problem after "but"
                reasons.append(f"{TURNED_REASON} {turn!r} ({r.verdict.reason}): complaint")
                intent, turned = "complaint", True
        elif (intent == "complaint" and r.praise >= _STRONG_PRAISE and not r.intent.sarcasm and not sure_problem
              and not _told_before_praise(r) and (turn := _praise_then_problem(r))):
            # "bed was like a cloud, best sleep in months. WiFi was dire though": read as the complaint it is,
            # and the kind words before it are thanked too (where the rules name the problem surely, its own
            # lines speak to it: "staff were lovely but we waited 40 mins for 2 tacos" is about the wait)
            reasons.append(f"{TURNED_REASON} {turn!r} ({r.verdict.reason}): complaint")
            turned = True
        elif (intent == "praise" and r.praise <= _STRONG_PRAISE and r.shout_out is None and not r.intent.sarcasm
              and (r.question or r.details.contacted)
              and (cues := sum(t in _PROBLEM_CUES for t in tokens)) >= _PROBLEM_STORY):
            # "Seat 11A wouldn't recline... The crew were lovely (esp Tomasz)... one of our bags didn't make it...
            # got an auto reply, then nothing. Who do I actually talk to?": one kind word in a story of trouble
            reasons.append(f"{TURNED_REASON} {cues} words of trouble, with a question or an earlier contact: "
                           "complaint")
            intent, turned = "complaint", True
        if (intent == "praise" and not turned and intent_p < _PRAISE_SURE and r.praise >= _PRAISE_CLEAR
                and not r.intent.sarcasm and not r.abuse.abusive and not _TROUBLE.search(inbound.text)):
            # "shout out to the driver of the 47 who waited for me... you made my day": the weights hear "waited";
            # clear praise words and no word of anything gone wrong make the praise sure enough to thank
            reasons.append(f"praise read unsurely ({intent_p:.2f}) beside clear praise ({r.praise_reason}) and no "
                           "word of trouble: praise, surely")
            intent_p = _PRAISE_SURE
        reasons.append("intent " + _why(intent, intent_p, intent_model.drivers))
    intent2: Intent | None = None
    if turned:
        intent2 = "praise"  # kind words first, then the problem that leads
    elif intent_model.second != intent and intent_model.second_probability >= 0.2:
        intent2 = intent_model.second  # type: ignore[assignment]
    elif forced and r.intent.intent == "other_language":
        intent2 = intent_model.label  # type: ignore[assignment]

    category: Category
    if intent in _META:
        category, confidence = _META[intent], intent_p  # type: ignore[assignment]
    else:
        situation = predicted["situation"]
        if short:  # a few words: the rules' situation or none
            situation = situation._replace(probability=0.0)
        rules = r.verdict.category if r.verdict.category not in _BANNED else None
        if turned and (rules is None or r.verdict.confidence < _RULES_SURE) and (
                situation.label == "praise" or situation.probability < _MODEL_SURE):
            # "the hotel is lovely but why is there no plug by the bed": the kind words lean the model to
            # the place they praise; the problem after the turn names no situation surely
            category, confidence = "general", _GENERAL_EMPTY
            reasons.append("situation general: kind words, then a problem no situation names surely")
        elif rules is not None and _rules_win(r, rules, situation):
            category, confidence = rules, r.verdict.confidence
            reasons.append(r.verdict.reason + f" (rules, surer than the model's {situation.label} "
                                              f"{situation.probability:.2f})")
        elif _model_sure_enough(situation, r, urgent=bool(urgency) or intent == "danger"):
            category, confidence = situation.label, situation.probability  # type: ignore[assignment]
            reasons.append("situation " + _why(situation.label, situation.probability, situation.drivers))
            if (rules == situation.label and r.verdict.confidence > confidence
                    and _strongest(r, rules) >= _STRONG_PHRASE):
                # "thanks for the 12-4 tech window... tech never showed": the weights unsure, the rules sure from a
                # strong phrase, and both read the same situation: as sure as the rules
                confidence = r.verdict.confidence
                reasons.append(f"situation {rules} as sure as the rules ({confidence:.2f}): both read it")
        elif rules is not None and r.verdict.confidence >= _RULES_FALLBACK:
            # a post of a few words ("down again?", "is the app down?") gives the weights little to go on: a strong
            # phrase of the rules keeps its own certainty there
            short_and_strong = len(r.found.tokens) <= _FEW_WORDS and _strongest(r, rules) >= _STRONG_PHRASE
            category, confidence = rules, r.verdict.confidence if short_and_strong else min(r.verdict.confidence, 0.5)
            reasons.append(r.verdict.reason + " (rules; the model was unsure)")
        else:
            category, confidence = "general", _GENERAL_EMPTY
            reasons.append("situation general: nothing clear " + f"(best {situation.label} "
                           f"{situation.probability:.2f})")
    if category == "cancellation_request" and _NO_CANCEL_WANTED.search(inbound.text) is not None:
        # "can you pause the Club Pret subscription? don't want to cancel and lose the price": no cancelling asked
        category, confidence = "general_question" if r.question else "general", _GENERAL_EMPTY
        reasons.append(f"situation {category}: a cancellation waved away, whatever the words of cancelling say")
    if (category == "refund_status" and r.verdict.category != "refund_status"
            and _NO_REFUND_WANTED.search(inbound.text) is not None):
        # "milk 2 days past expiry again... not even asking for refund, just fix it": the weights hear the refund
        # the customer waves away; the rules' situation, else none
        category, confidence = r.verdict.category or "general", min(r.verdict.confidence, 0.5)
        reasons.append(f"situation {category}: a refund waved away, whatever the weights read")
    if (category == "fraud_security" and intent == "danger" and urgency
            and {"vulnerable", "safety"}.issuperset(urgency) and r.verdict.category != "fraud_security"):
        # "I'm deaf and your fraud team keep insisting I phone to unblock my card", "my dad slipped on the wet floor...
        # who do I contact about an incident report?": someone vulnerable or hurt, and no fraud
        category, confidence = "general", _GENERAL_EMPTY
        reasons.append(f"situation general: {' and '.join(urgency)} read, and no fraud, whatever the weights read")
    if ("threat" in urgency and category not in ("transport_disruption", "flight_disruption")
            and (r.verdict.category in ("transport_disruption", "flight_disruption") or r.details.flight)
            and _OTHER_PASSENGERS.search(inbound.text) and not _OFF_BOARD.search(inbound.text)):
        # "group of lads kicking the doors and roaring at a woman... driver hasnt said a word. can you get security to
        # the next stop", "on EI135 right now. man in 22D is very drunk and has grabbed the woman across the aisle":
        # a threat on board, by other passengers, whatever the weights hear of staff
        category = (r.verdict.category if r.verdict.category in ("transport_disruption", "flight_disruption")
                    else "flight_disruption")
        reasons.append(f"situation {category}: a threat on board, read by the rules as the journey's")
    if ("threat" in urgency and category in ("food_order", "late_delivery", "wrong_item")
            and _COURIER_THREAT.search(inbound.text)):
        # "your driver just threatened me on my doorstep because I asked why my drink was missing": the courier's
        # conduct, not the food
        category = "rude_staff"
        reasons.append("situation rude_staff: a threat from the courier, whatever the order's words")
    if (category == "food_order" and r.verdict.category in ("late_delivery", "food_order", None)
            and _NOT_HERE.search(inbound.text)):
        category = "late_delivery"
        reasons.append("situation late_delivery: an order that has not come, whatever food it names")
    if ("fraud" in urgency and category in ("billing_error", "account_access", "late_delivery", "refund_status",
                                            "cancellation_request", "booking")
            and _SCAM_MESSAGE.search(inbound.text) and _SCAM_SIGN.search(inbound.text)):
        category, confidence = "fraud_security", max(confidence, _MODEL_SURE)
        reasons.append("situation fraud_security: a message received, with fraud at stake (its words are the scam's)")
    how_to = (category == "general_question" and confidence >= _QUESTION_OVER and intent in ("complaint", "request")
            and r.question and not urgency and not r.intent.sarcasm and not r.abuse.abusive
            and r.emotion.emotion not in NEGATIVE_EMOTIONS and not sure_problem
            and not _TROUBLE.search(inbound.text) and not _NOT_CALM.search(inbound.text))
    # a complaint that opens with its question ("@McDonalds does the app deal stack..."), with no danger, sarcasm or
    # insult, nothing hard to bear and nothing asked to be fixed: a question, if the feeling allows (below)
    opens_asking = (intent == "complaint" and r.question and not urgency and not r.intent.sarcasm
                    and not r.abuse.abusive and _OPENS_ASKING.match(inbound.text) is not None
                    and not _NOT_CALM.search(inbound.text) and not _FIX_ASKED.search(inbound.text))
    if how_to:
        # "whats the max cheque amount i can pay in using the app?", "which roaming pack is best for 10 days in
        # Dubai?": the weights read a how-to question surely, the rules a question and no bad feeling, yet the
        # intent weights heard a gripe; the question leads
        reasons.append(f"{intent} ({intent_p:.2f}) in a post read surely as a how-to question ({confidence:.2f}) "
                       "with no bad feeling: question")
        intent = "question"
    elif (intent == "praise" and r.question and intent_p < _BARE_THANKS_SURE and r.shout_out is None
          and _closing_thanks(r, inbound.text) is not None):
        # "if I buy a new goodybag on the 28th does it start fresh or stack on the old one? cheers 🙏": the only kind
        # word is the thanks that closes a question
        reasons.append(f"praise ({intent_p:.2f}) read from the thanks that closes a question: question")
        intent = "question"
        if category == "praise":
            category, confidence = "general_question", max(confidence, _QUESTION_OVER)
    elif (opens_asking and not sure_problem
          and r.emotion.emotion == "neutral" and predicted["emotion"].label == "neutral"
          and not _TROUBLE.search(_NO_TROUBLE.sub(" ", inbound.text))):
        # "does the app deal for $1 large fries stack with rewards points or not? cashier in Toledo said no, the one
        # in Perrysburg said yes": a post that opens with its question, with no bad feeling in the words or the
        # weights and no problem the rules are sure of, asks; it does not complain
        reasons.append(f"complaint ({intent_p:.2f}) in a post that opens with its question, with no bad feeling: "
                       "question")
        intent = "question"
    elif (opens_asking and category == "general_question" and confidence >= _ASKED_OVER and not r.emotion.votes
          and predicted["emotion"].label != "anger" and (not sure_problem or confidence >= _QUESTION_OVER)):
        # "is the Extra in Milton Keynes still open 24hrs or not? google says one thing, your website says another",
        # "is the Ranelagh branch actually closing or is that a rumour?": a post that opens with its question, read
        # as one by the weights, with not one word of feeling; the weights' gripe is the muddle the question is about
        reasons.append(f"complaint ({intent_p:.2f}) in a post that opens with a question read as one "
                       f"({confidence:.2f}), with no word of feeling: question")
        intent = "question"
    if (category in ("account_access", "billing_error", "service_outage", "late_delivery", "app_bug",
                     "cancellation_request", "booking", "refund_status")
            and _SCAM_MESSAGE.search(inbound.text) and _PHISH_CHECK.search(inbound.text)):
        category, confidence = "fraud_security", max(confidence, _PHISH_SURE)
        reasons.append("situation fraud_security: a message received that the post asks about or nearly fell for "
                       "(its words are the scam's)")
        if intent in ("complaint", "request") and r.question and not r.intent.sarcasm and not urgency:
            intent = "question"  # "that's not you right?": a check, asked before anything is lost
            reasons.append("intent question: the post asks whether the message is real")
    planning = (intent in ("complaint", "request", "question") and not urgency and r.question
                and not r.intent.sarcasm and _planning_question(inbound.text))
    if planning:
        # "does a rucksack and a handbag count as 2 items? flying friday and dont want to get stung at the gate": a
        # question asked ahead of a trip or a purchase; the worry is of what might happen, nothing has gone wrong
        reasons.append(f"a question asked ahead of a plan, nothing gone wrong yet: question, not {intent} about "
                       f"{category}")
        intent = "question"
        if category in PROBLEMS:
            category, confidence = "general_question", max(confidence, 0.6)
    if category == "general_question" and intent != "question":
        category = "general"  # a how-to situation is only ever a question's
    if category == "general" and intent == "question":
        category = "general_question"
        reasons.append("a question about nothing more specific: general_question")
    if r.verdict.reason and not reasons[-1].startswith("category"):
        reasons.append(r.verdict.reason)

    emotion_model = predicted["emotion"]
    emotion: Emotion = emotion_model.label  # type: ignore[assignment]
    if r.bereavement:
        emotion = "sadness"
    elif r.intent.sarcasm and emotion in ("delight", "neutral"):
        emotion = "anger" if r.emotion.votes.get("anger", 0.0) > 0 else "frustration"
    elif intent == "praise" and emotion in NEGATIVE_EMOTIONS:
        emotion = "delight"
    elif intent == "danger" and urgency and emotion == "delight":
        # "my 78 yr old dad slipped... staff were kind, I'll give them that": a kind word is no delight beside a danger
        emotion = r.emotion.emotion if r.emotion.emotion in NEGATIVE_EMOTIONS else "anxiety"
    elif turned and emotion == "delight":
        emotion = "neutral"  # kind words, then a problem: no delight to answer
    elif emotion == "delight" and intent in ("complaint", "follow_up") and (
            ((r.praise == 0 or thanked_off) and "rule_vote:delight" not in r.features
             and _TROUBLE.search(inbound.text))
            or (r.emotion.emotion in NEGATIVE_EMOTIONS and _closing_thanks(r, inbound.text) is not None)):
        # "refund for my missing dumplings was 'approved' but only £1.20 came back", "5 hours sleep before my
        # interview. cheers": a complaint with no kind word but a closing thanks has no delight to answer
        emotion = r.emotion.emotion if r.emotion.emotion != "delight" else "neutral"
    elif intent == "banter" and emotion in NEGATIVE_EMOTIONS and r.emotion.emotion not in NEGATIVE_EMOTIONS:
        emotion = r.emotion.emotion  # a joke read as a joke is not an upset post
    elif (emotion == "delight" and intent == "complaint" and r.praise == 0 and not r.intent.sarcasm
          and _GRIEVANCE.search(inbound.text)):
        emotion = "frustration"  # "every deal is new customers only. I've been with you 9 years": no delight in it
    elif (emotion == "anxiety" and r.emotion.emotion == "anger" and r.emotion.votes.get("anger", 0.0) >= _ANGER_CLEAR
          and not r.emotion.votes.get("anxiety") and not urgency):
        # "...my coach doesn't exist. Paid £90 for this. DISGRACE": no worry in it, only anger (a scam or a stranger
        # in the account is a worry however it is sworn at)
        emotion = "anger"
    if (planning or how_to) and emotion in NEGATIVE_EMOTIONS and emotion != "anxiety":
        emotion = "neutral"  # a plan or a how-to asked about is not an upset post
    reasons.append(f"emotion {_why(emotion, emotion_model.probability, emotion_model.drivers)}; "
                   + r.emotion.reason)
    reasons.extend(r.intent.reasons[1:])
    if r.language.language != "en" or r.language.confidence < 0.8:
        reasons.append(r.language.reason)
    if r.abuse.abusive:
        reasons.append(r.abuse.reason)
    if r.spam and r.spam_reason:
        reasons.append(r.spam_reason)
    if r.bereavement:
        reasons.append("bereavement: " + ", ".join(h.label for h in r.found.family("bereavement")[:2]))
    reasons.extend(urgency_reasons)
    if r.question and r.question_reason:
        reasons.append(r.question_reason)
    subject, subject_reason = read_subject(
        inbound.text, r.pii, r.verdict.evidence[category][1] if category in r.verdict.evidence else (),
        r.found.tokens)
    if subject is not None and subject.head.lower() in _MONEY_THINGS and category in _NOT_ABOUT_MONEY:
        # "no 4G in LS6 since tuesday... do i get money off my bill": the bill is what they ask about, not the fault
        subject_reason = f"subject: not {subject.text!r} (money, in a post about {category.replace('_', ' ')})"
        subject = None
    if subject_reason:
        reasons.append(subject_reason)
    found_details = r.details.__dict__
    present = list(compress(found_details, found_details.values()))  # the names of the details found
    if present:
        reasons.append("details: " + ", ".join(present))
    if r.pii:
        reasons.append(f"personal data: {len(r.pii)} ({', '.join(sorted({m.kind for m in r.pii}))})")
    asks = _asks(r.intent.asks, inbound.text)
    if asks != r.intent.asks:
        reasons.append("asks: not " + ", ".join(a for a in r.intent.asks if a not in asks)
                       + " (the customer paid, sold or was sold to, was already sent to their DMs, asked us to "
                       "call someone else, or waved a refund or a cancellation away)")

    if (r.abuse.abusive and intent == "complaint" and intent_p < _INSULT_ONLY and confidence < _INSULT_ONLY
            and r.verdict.confidence < _INSULT_ONLY and not urgency and not r.grounds):
        # "your staff are knuckle-dragging idiots who couldn't run a bath": insults with no problem read, weakly a
        # complaint: abuse, for the team to judge, not "that's a fair thing to be annoyed about"
        reasons.append(f"insults and no problem read (complaint {intent_p:.2f}, situation {confidence:.2f}): abuse")
        intent = "abuse"
    scale = lexicon().decision["scale"]
    scores = {name: squash(raw, scale) for name, raw in r.verdict.raw.items()}
    decision = lexicon().decision
    if r.praise > 0:
        scores["praise"] = squash(r.praise, scale)
    if r.abuse.abusive:
        scores["abuse"] = 0.9 if r.abuse.severe else 0.7
    if intent == "question" or "rule_question" in r.features:
        scores["general_question"] = max(scores.get("general_question", 0.0), min(0.7, intent_p))
    if r.spam:
        scores["spam"] = max(0.5, squash(decision["spam_min"], scale))
    negative = (emotion in NEGATIVE_EMOTIONS or r.bereavement or r.intent.sarcasm or bool(urgency)
                or intent in ("complaint", "follow_up", "danger", "abuse")
                or (category in PROBLEMS and not _calm_ask(intent, r.details, inbound.text)))
    return build(
        Reading,
        category=category,
        confidence=round(confidence, 3),
        intent=intent,
        intent2=intent2,
        intent_confidence=round(intent_p, 3),
        subject=subject,
        language=r.language.language,
        sarcasm=r.intent.sarcasm,
        asks=asks,
        scores=scores,
        emotion=emotion,
        intensity=r.emotion.intensity,
        negative=negative,
        urgency=urgency,
        abusive=r.abuse.abusive,
        spam=intent == "spam",
        praise=intent == "praise",
        question=r.question or intent == "question",
        bereavement=r.bereavement,
        details=r.details,
        pii=r.pii,
        reasons=tuple(reasons),
    )


_MONEY_THINGS = frozenset({"bill", "bills", "invoice", "charge", "charges", "fee", "fees", "refund", "money",
                           "credit", "compensation", "payment"})
"""Heads of a subject that is money: in a post about a fault, what is asked for, not what went wrong."""
_NOT_ABOUT_MONEY = frozenset({"connectivity", "service_outage", "app_bug", "product_defect", "flight_disruption",
                              "transport_disruption", "lost_baggage", "late_delivery", "wrong_item", "food_order",
                              "rude_staff", "booking"})
"""Situations of a fault, where a subject that is money is what the customer asks for, not what went wrong."""


_ASK_AHEAD = re.compile(
    r"(?:^|[.,!?\n]|@\w+|\bquick (?:one|q|question)\b\W*(?:[^.!?\n]{0,40}?\s)?|\b(?:hi|hey|hello|hiya)\b\W*|"
    r"\bif (?:i|we)\b[^.!?\n]{0,60}?\s)\s*"
    r"(?:does|do|is|are|can|will|would|what time|how much|how long|how many|which|what(?:'s| is| are))\b"
    r"(?:[^.!?\n]|\.(?=\d))*\?",
    re.IGNORECASE)
"""A question the post asks of how things are ("does the sapphire preferred charge foreign transaction fees?")."""
_AHEAD = re.compile(
    r"\b(?:(?:going|flying|travell?ing|heading|off|moving) to\b[^.!?\n]{0,40}\b(?:next|this|on|in|tomorrow|"
    r"tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|weekend|week|month)\b|"
    r"flying\b[^.!?\n]{0,60}\b(?:next|this|tomorrow|tonight|on|friday|saturday|sunday|monday|tuesday|wednesday|"
    r"thursday)\b|"
    r"trying to (?:figure|work) out|(?:before|so) i (?:book|buy|order|go|travel|fly|drive|pack|leave|set off)|"
    r"\bif (?:i|we) (?:buy|get|book|order|switch|upgrade|pay|sign up|top up|take out|open|miss|exceed)\b|"
    r"\bif (?:i|we) (?:go|went) (?:£|\$|€)?\d*\s?(?:over|into)\b|trying to (?:send|pay|transfer) (?:some|money|it)\b|"
    r"(?:do ?n['’]?t|do not) want to hold (?:everyone|people|anyone|the queue|the bus|the line) up|"
    r"(?:do ?n['’]?t|do not) want to (?:get (?:stung|charged|caught out|hit|pinged|fined|done)|"
    r"be (?:stung|charged|caught out|pinged|fined)|"
    r"drive\b[^.!?\n]{0,30}\bfor nothing|pay)|(?:do ?n['’]?t|do not) want (?:a|another) \S+ bill|"
    r"(?:do ?n['’]?t|do not) want (?:charging|charged|paying) twice|"
    r"(?:do ?n['’]?t|do not) want (?:my|the|our|any) (?:\w+ ){1,2}(?:going wrong|to go wrong|messed up|to bounce|"
    r"bouncing|missed)|"
    r"(?:got|have|'ve got) (?:\w+ ){0,4}?to (?:send back|return)\b|"
    r"\bstill (?:going|on|running|available|a thing|valid|live)\b|"
    r"\bor (?:did|has|was) (?:that|it) (?:finish|finished|end|ended|stop|stopped|just)\b)",
    re.IGNORECASE)
"""Words of a plan ahead ("going to Antalya next week", "flying luton to belfast friday", "dont want to drive 20 min
for nothing"): the question is asked before anything has happened."""
_HAPPENED = re.compile(
    r"\b(?:charged me|was charged|got charged|been charged|cancell?ed|lost|delayed|broken|never|did ?n['’]?t|"
    r"has ?n['’]?t|have ?n['’]?t|refund\w*|complain\w*|"
    r"(?<!\bdo u )(?<!\bdo you )(?<!\bdo ye )(?<!\bdo yall )(?<!\bdo y'all )(?<!\bdo i )(?<!\bdo we )"
    r"(?<!\bdoes it )(?<!\bwill it )(?<!\bis it )"
    r"still(?! (?:going|on|running|available|a thing|valid|live|do|doing|have|open)\b)|declined|"
    r"missing|stuck|waiting|rude|disgrace\w*|invalid|expired|rejected|error|(?:does|did|wo|is|was)n['’]?t work\w*|"
    r"not working|stinks?|stank|reeks?|rattl\w*|filthy|mouldy|moldy|leak(?:s|ing|ed)|nothing (?:he|she|they|anyone|we) "
    r"(?:can|could) do)\b",
    re.IGNORECASE)
"""Words that something has gone wrong already ("room 314 stinks of weed... night manager said nothing he can do"): no
plan question, whatever it asks."""


def _planning_question(text: str) -> bool:
    """Whether the post asks how things are, ahead of a plan, with nothing gone wrong yet."""
    return (_ASK_AHEAD.search(text) is not None and _AHEAD.search(text) is not None
            and _HAPPENED.search(text) is None)


_OPENS_ASKING = re.compile(
    r"\W*(?:@\w+\W*)*(?:(?:hi|hey|hello|hiya|quick (?:one|q|question))\W+)?(?:does|do|is|are|can|could|will|would|"
    r"what|when|where|which|how (?:much|many|long|often))\b", re.IGNORECASE)
"""A post that opens with its question ("@McDonalds does the app deal stack with rewards points or not?"): the
post's first words, not the first question sentence's (``signals.read_question`` reads those); "how" only as "how
much/many/long/often", since "how can I fix this?" asks about a problem."""
_FIX_ASKED = re.compile(r"\b(?:fix|fixed|glitch\w*|bug|bugs|why)\b", re.IGNORECASE)
"""Words of something to put right ("how can i fix this?", "why does it say no purchases"): a problem asked about."""


def _calm_ask(intent: Intent, details: Details, text: str) -> bool:
    """Whether a post with no bad feeling is a calm question or request, with no word of something gone wrong.

    A calm question about a topic that is often a problem ("can gift cards be used online?", "how long until
    a refund shows if I cancel?") is not a problem until the post says something went wrong. Asked only of a
    post whose situation is a problem and that nothing else reads as negative: only there does it decide.
    """
    return (intent in ("question", "request") and not details.contacted and not details.tried
            and _TROUBLE.search(_NO_TROUBLE.sub(" ", _HYPOTHETICAL.sub(" ", text))) is None)


@cache
def _allowed() -> dict[str, tuple[str, ...]]:
    """The classes the learned layer may choose: the meta situations and intents are the rules' alone."""
    return {"intent": ("praise", "complaint", "question", "request", "follow_up", "danger", "banter"),
            "situation": tuple(c for c in classes("situation") if c not in _BANNED)}
