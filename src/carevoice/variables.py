"""The variables a phrase template may use, and the context a draft renders with.

One place declares every variable (:data:`VARIABLES`), which of them may be
missing (:data:`OPTIONAL_VARIABLES`, so a template must give a fallback), the
paths a phrase may test in ``when``/``unless`` (:data:`CONDITION_PATHS`), and
:func:`build_context`, which fills them from a post, its reading and a bank.
``docs/writing-banks.md`` documents each one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from carevoice.plan import has_link, joke_about_a_problem, turned_from_praise

if TYPE_CHECKING:
    from carevoice.bank.resolved import Bank
    from carevoice.checks.channels import ChannelProfile
    from carevoice.inbound import Inbound, Reading

__all__ = [
    "ASKS",
    "CONDITION_PATHS",
    "DETAILS",
    "FEE_NAMED",
    "OPTIONAL_VARIABLES",
    "URGENCIES",
    "VARIABLES",
    "build_context",
    "emergency_number",
    "holds",
    "intensity_band",
    "post_conditions",
    "subject_values",
    "time_of_day",
]

DETAILS = ("order_id", "booking_id", "flight", "product", "place", "date", "time", "device", "error",
           "contacted", "tried", "forgot", "staff")
ASKS = ("refund", "cancel", "callback", "check_dm", "dm_me", "remove", "restore", "opt_out")
URGENCIES = ("safety", "threat", "vulnerable", "fraud", "data_exposure", "legal", "stranded")


_FORMER = re.compile(r"\b(?:old|previous|former|last|other|ex)\b", re.IGNORECASE)
_JUNK_NAME = re.compile(r"[0-9][0-9a-z]{1,5}", re.IGNORECASE)
_DEFAULT_SUBJECT = "this"
_CODE = re.compile(r"\d{4,}")
_SIGN_IN = re.compile(
    r"\b(?:log(?:ged|ging)?[ -]?(?:in|on)(?:to)?|logins?|sign(?:ed|ing)?[ -]?(?:in|on)(?:to)?|locked|lockout|"
    r"passwords?|passcodes?|pins?|verif(?:y|ied|ication)|2fa|two[- ]?(?:step|factor)|authenticat\w*|"
    r"reset|recover(?:y|ed|ing)?|retriev\w*|get(?:ting)? (?:back )?in(?:to)?|got in(?:to)?|"
    r"(?:account|email|mail|gmail|login) back|access\w*|hack(?:ed|ing)?|un-?ban\w*|disabled|suspended|"
    r"banned|deactivated|terminated|blocked|kicked out|logged out|signed out|log ?out|sso|\d[- ]?step|usernames?|"
    r"codes?|(?:can'?t|cannot) enter)\b",
    re.IGNORECASE,
)
"""Words of getting into an account: a post without them is about the account, not about signing in."""
_ON_HOLD = re.compile(r"\b(?:" + "|".join((
    r"on hold (?:for )?(?:over |almost |nearly |about |around |more than |like )?(?:an? |\d+ |two |three |half an? )?"
    r"(?:hours?|hrs?|minutes?|mins?|ages|forever)",
    r"(?:hours?|hrs?|minutes?|mins?|ages|forever) on hold",
    r"(?:hours?|hrs?) on the phone",
    r"(?:put|kept|left|placed|keep|keeps|putting|leaving) (?:me |us )?on hold",
    r"on hold (?:with|to) (?:you|your|customer)",
    r"hold (?:times?|music)",
    r"(?:wait(?:ed|ing)?|sat|sitting|stuck|queued|queuing|queueing) (?:on|in) (?:the|a) "
    r"(?:phone|line|queue|call queue|phone queue|chat queue)",
    r"(?:can[’']?t|cannot|couldn[’']?t|could not|unable to|impossible to|not able to|never) (?:get through"
    r"(?! (?:more|an?|one|two|the|it|this|that|my|\d)\b)|"
    r"get hold of (?:you|anyone|someone|a person|a human)|"
    r"reach (?:you|anyone|someone|a person|a human|customer service|your customer service))",
    r"(?:no|nobody|no one|noone) (?:answers|answered|picks up|picked up) the phone",
    r"(?:phone|line|lines|call centre|helpline)[^.!?]{0,30}?\d+[- ]?(?:min(?:ute)?s?|hours?|hrs?)[- ](?:wait|queue)",
    r"(?:trying|tried|try) (?:to (?:call|phone|ring|reach) (?:you|anyone|someone|customer service)|calling|phoning) "
    r"(?:on (?:the )?phone )?(?:but|for|with no|no)",
    r"(?:been calling|called|rang|phoned) (?:you )?"
    r"(?:\d+|two|three|four|five|several|multiple|many|so many|countless) times",
    r"(?:number|line|phone|helpline|hotline)\b[^.!?]{0,30}?\b(?:just )?(?:rings out|rang out|rings and rings|"
    r"keeps ringing|kept ringing|goes (?:straight )?to voicemail|went (?:straight )?to voicemail|goes dead|went dead)",
)) + r")\b", re.IGNORECASE)
"""Words of waiting to reach the brand: on hold, stuck in a queue, unable to get through, hung up on."""
_VERSION = re.compile(
    r"(?<![$£€\d.,])\b(?:v(?:ersion|er)?\.? ?\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)+|(?:ios|ipados|macos|android|windows|"
    r"watchos|tvos|firmware|update|build|release) ?\d+(?:\.\d+)*)\b",
    re.IGNORECASE,
)
"""A software version the post gives ("v 6.0", "13.4.1", "iOS 13", "Android 10"): never ask which version."""
_CATALOGUE = re.compile(
    r"\b(?:albums?|songs?|mixtapes?|eps|singles|podcasts?|movies?|films?|tv shows?|series|seasons?|episodes?|"
    r"documentar(?:y|ies)|soundtracks?|discography|audiobooks?|e-?books?)\b",
    re.IGNORECASE,
)
_CATALOGUE_ASK = re.compile(
    r"\b(?:add|adding|get|put|bring|brings|upload|stream|have|where|when|missing|back|removed|remove|taken off|"
    r"took off|not available|available|unavailable|not on|isn'?t on|aren'?t on|"
    r"on (?:here|your (?:service|app|site|platform)))\b",
    re.IGNORECASE,
)
"""What a catalogue is asked for by: a title, a season, an album wanted on the service (`post.catalogue`)."""
_HANDLE_REAL = r"(?:is|are) @\w+ (?:\w+ ){0,2}(?:legit|legitimate|real|genuine|official|you"
"""An account on the platform asked after ("is @LumenJetCare legit?"), its last group left open: `post.phishing`
adds "a scam" and "fake" to it, `post.fake_account` closes it as it is."""
_PHISHING = re.compile(r"\b(?:" + "|".join((
    r"(?:is|was|are|were) (?:this|that|it|these|those|they)(?: \w+){0,4} (?:legit|legitimate|real|genuine|"
    r"a scam|official)\b",
    r"(?:is|was) (?:this|that|it) (?:really |actually )?(?:you|from you)\b",
    r"(?:is|was) (?:the|this|that|your) (?:\w+ ){0,3}(?:e-?mail|text|sms|message|call|letter|link|site|website|offer|"
    r"page) (?:legit|legitimate|real|genuine|a scam|official|from you)\b",
    r"(?:got|received|receiving|getting|had|keep getting) (?:a |an |this |these |some )?(?:weird |strange |suspicious |"
    r"dodgy |fake |odd |random )?(?:texts?|sms|e-?mails?|calls?|phone calls?|messages?|letters?|dms?|voicemails?) "
    r"(?:from|claiming|saying|pretending|asking|supposedly)",
    r"claiming to be|pretending to be|posing as|impersonat\w*|phish(?:ing|y|ed|ers?)?|spoof\w*|smishing|vishing",
    r"(?:seems?|looks?|sounds?) like (?:a )?(?:spam|scam|phishing)|is (?:this|it|that) (?:a )?spam",
    r"(?:that|this|it)(?:[’']?s| is) (?:a |an )?(?:scam|fake|phishing)(?:,? right)?(?=\s*\?)",
    r"(?:that|this|it)(?:[’']?s| is) not (?:really )?(?:you|from you|yours|legit|real)(?:,? (?:right|is it))?(?=\s*\?)",
    r"(?:got|received|had) (?:a |an )?(?:texts?|sms|e-?mails?|calls?|messages?) ?[:\"“] ?\w+",
    r"(?:fake|dodgy|suspicious|scam|scammy) (?:texts?|e-?mails?|calls?|messages?|sites?|websites?|links?|pages?)",
    r"(?:texts?|sms|e-?mails?|messages?|calls?|links?|dms?) (?:going round|going around|doing the rounds|circulating)",
    r"fake (?:@?\w+ ){0,2}(?:accounts?|pages?|profiles?|sites?|websites?) (?:\w+ ){0,3}?(?:dming|messaging|contacting|"
    r"replying|asking|offering|pretending|saying)",
    _HANDLE_REAL + r"|a scam|fake)",
    r"(?:is|are) (?:this|that|it) (?:\w+ ){0,2}(?:official|real|genuine) (?:account|page|profile)",
)) + r")\b", re.IGNORECASE)
"""A message, call or site that may not be the brand's: "was that you?", "got a text claiming to be you", "there's a
text going round", "a fake account DMing people who complain"."""
_FOREIGN = (r"(?:hairs?|plastic|glass|metal|needles?|pins?|razor blades?|blades?|shards?|bugs?|insects?|flies|fly|"
            r"cockroach(?:es)?|roach(?:es)?|slugs?|worms?|"
            r"maggots?|mould|mold|band-?aids?|plasters?|screws?|wire|fingernails?|nails?|eyelash(?:es)?|feathers?|"
            r"stones?|bone fragments?)")
_CONTAMINATED = re.compile(
    rf"\b{_FOREIGN} (?:in|inside|baked into|cooked into|on|under|stuck (?:in|to)) (?:my|the|our|a|his|her|their)\b|"
    rf"\b(?:found|finding|there (?:was|were|is)|pulled|picked)\b[^.!?]{{0,40}}\b{_FOREIGN}\b",
    re.IGNORECASE,
)
"""Something that should never be in food: a hair, plastic, an insect ("hair in my pizza", "found a fly")."""
_BOOKED = (r"(?:reservations?|bookings?|rooms?|tables?|flights?|tickets?|appointments?|stays?|hotel|trip|holiday|"
           r"seats?|cabin|apartment|villa|tour)")
_BOOKING = re.compile(
    rf"\bcancel\w*\b(?:\s+\S+){{0,6}}?\s+{_BOOKED}\b|\b{_BOOKED}\b(?:\s+\S+){{0,6}}?\s+cancel\w*",
    re.IGNORECASE,
)
"""A reservation to cancel (a room, a table, a flight, tickets): its reference, not the account's subscription."""
_MEDICAL = re.compile(
    r"\b(?:collapsed|collapsing|fainted|fainting|passed out|unconscious|seizures?|heart attack|stroke|"
    r"not breathing|can[’']?t breathe|cannot breathe|ambulance|paramedics?|bleeding|choking|anaphyla\w*|"
    r"allergic reaction|epipen|overdose)\b",
    re.IGNORECASE,
)
"""Someone who may need medical help now: the reply puts 999 first (`post.medical`)."""
_REFUSED = re.compile(
    r"\b(?:won[’']?t|will not|wouldn[’']?t|refuse to|refused to|refusing to) refund\b|"
    r"\b(?:refused|rejected|denied|declined|turned down|won[’']?t give|will not give|wouldn[’']?t give|"
    r"(?:said|says|told me) (?:i[’']?m|i am|we[’']?re|we are) (?:not |in)eligible)"
    r"(?:\s+\S+){0,5}?\s+"
    r"(?:refund|refunds|claim|claims|compensation|delay repay|money back|return|chargeback)\b|"
    r"\b(?:refund|claim|compensation|delay repay|return|chargeback)s?\b(?:\s+(?:request|claim|form))?\s+"
    r"(?:was |were |has been |have been |got |been |is |keeps being )?"
    r"(?:refused|rejected|denied|declined|turned down)\b",
    re.IGNORECASE,
)
"""A refund, claim or compensation refused ("refused a refund on soup", "rejected my Delay Repay claim"): the
customer wants the decision looked at again, not told the money is on its way (`post.refused`)."""
_CARD_GIVEN = re.compile(
    r"\b(?:typed|entered|put|gave|given|handed|filled)(?: in| out)?(?: \S+){0,3}? (?:card|bank|banking|payment) "
    r"(?:number|numbers|details|info|information|cvv|pin)\b|"
    r"\b(?:my )?(?:card (?:number|details)|cvv|security code)\b(?: \S+){0,4}? (?:and i|before i|i) "
    r"(?:typed|entered|gave|put)\b",
    re.IGNORECASE,
)
"""The customer gave their card details to a scam ("it asked for my card number and CVV and I typed them in"):
the card must be blocked now, by the bank that issued it (`post.card_given`)."""
FEE_NAMED = re.compile(
    r"(?<!don't )(?<!dont )(?<!don’t )(?<!not )\b(?:charged|charging|charge|took|taken|hit (?:me |us )?with|slapped|"
    r"added|billed|applied|want|wants|asking)\b[^.?!]{0,40}\b(?:fees?|surcharges?)\b|"
    r"\b(?:fees?|surcharges?)\b[^.?!]{0,20}\b(?:charged|added|applied|taken)\b|"
    r"(?<!want a )(?<!avoid a )(?<!without a )(?<!any )\b(?:late|cancellation|activation|admin|service|delivery|"
    r"booking|exit|termination|overdraft|maintenance|cleaning|no-show|conversion|transaction|non-sterling|setup|"
    r"set-up|order|annual|change|baggage|bag|card|processing|handling|reconnection|roaming)[\s'\"]+"
    r"(?:fees?|surcharges?)\b",
    re.IGNORECASE,
)
"""A fee charged or asked for ("charged a £25 unarranged overdraft fee", "a £3 non-sterling transaction fee", "you
want a £180 early exit fee"; not "I pay a monthly fee"): the fee, and whether it should apply, is the point, not a
payment to trace or a merchant to identify (`post.fee`)."""
_ONGOING = re.compile(r"\b(?:day|week) \d+\b|\b(?:\d+|two|three|four|five|six) (?:days|weeks)\b", re.IGNORECASE)
"""How long it has gone on ("day 3", "2 weeks"): something that did not just happen (`post.ongoing`)."""
_NOT_AGAIN = ("thanks", "thank you", "play", "try", "order", "buy", "fly", "visit", "see", "shop", "book", "use",
              "travel", "come", "back", "never", "stay", "eat", "recommend", "do", "choose", "pick", "you", "us")
"""Words before "again" that speak of doing it again ("never again", "thanks again", "so I can play again"),
not of a fault again."""
_RECURRING = re.compile(
    r"\b(?:keeps?|kept|" + "".join(f"(?<!{w} )" for w in _NOT_AGAIN) + r"again|"
    r"constantly|continually|repeatedly|always|every (?:single )?(?:time|day|night|week|morning|evening)|"
    r"all the time|daily|nightly|(?:so|too) often|on and off|intermittent\w*|(?:\d+|two|three|four|five|six|several|"
    r"multiple|many|numerous) times|(?:day|week|month)s? (?:after|on end)|for (?:days|weeks|months)|"
    r"(?:every|each) (?:other )?(?:day|week)|twice|(?:the )?(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|"
    r"still (?:not|isn't|isnt|won't|wont|can't|cant|doesn't|doesnt|down|broken|crashing|failing|dropping))\b",
    re.IGNORECASE,
)
"""The fault comes back ("keeps dropping", "every evening", "third time this week"): only then is the thing
called unreliable (`post.recurring`); one error is not a pattern."""
_POINTS_CHANGED = re.compile(
    r"\b(?:expired?|expiring|expiry|expires|wiped|reset to (?:0|zero|nothing)|devalu\w*|worth (?:less|nothing)|"
    r"more (?:points|miles|avios|stamps) for|(?:changed|changing|changes to|cut|gutted|new) (?:the |your )?"
    r"(?:loyalty|rewards?|points|miles|club)(?: scheme| program(?:me)?| system| rules| tiers?)?|"
    r"(?:scheme|program(?:me)?|rewards?) (?:changes?|changed|cuts?)|"
    r"(?:points|miles|stamps|balance|rewards)(?: \w+){0,2} (?:vanished|disappeared|gone|wiped|reset|deleted)|"
    r"(?:vanished|disappeared|wiped|deleted|lost) (?:all )?(?:my|our) (?:\w+ )?(?:points|miles|stamps|rewards))\b",
    re.IGNORECASE,
)
"""Points or a scheme the brand changed ("my points expired with no warning", "you devalued the miles again"):
not points that failed to arrive, so no "we'll add the missing points" (`post.points_changed`)."""
_QUEUE = re.compile(
    r"\b(?:(?:only|just) (?:one|1|two|2|three|3) (?:tills?|checkouts?|cashiers?|tellers?|desks?|counters?|lanes?|"
    r"(?:members? of )?staff|people|person|agents?|windows?)(?: (?:open|on|working|serving|on duty))?|"
    r"(?:one|1|two|2) (?:cashiers?|tellers?|person on the (?:window|desk|till)|tills? open|checkouts? open)|"
    r"under-?staffed|short[- ]staffed|no one (?:on|at) the (?:tills?|desk|counter|window)|"
    r"(?:line|queue) (?:was |is )?(?:out|to) the door|"
    r"(?:queue[ds]?|queuing|queueing|in (?:the )?line(?! with))\b[^.!?]{0,25}?\b(?:\d+|an?|half an?|over an?) ?"
    r"(?:mins?|minutes?|hours?|hrs?)\b|"
    r"(?:\d+|an?|half an?) ?(?:mins?|minutes?|hours?|hrs?)\b[^.!?]{0,15}?\b"
    r"(?:queue|queuing|queueing|in (?:the )?line)\b)",
    re.IGNORECASE,
)
_NOT_PHONE_QUEUE = re.compile(
    r"^(?![\s\S]*\b(?:ring|rang|call|called|calling|phone|phoned|number|helpline|on hold)\b[^.!?]{0,40}\bqueue|"
    r"[\s\S]*\bqueue\b[^.!?]{0,40}\b(?:listening to|music|on hold|on the phone|helpline))", re.IGNORECASE)
"""No queue on the phone ("ring the number? i've been in the queue 25 mins listening to the same bit of music"): a
wait on the line is not a queue at a counter."""
_NOT_RUDE = re.compile(
    r"^(?![\s\S]*\b(?:rude|rudely|swore|swearing|shouted|yelled|screamed|attitude|disrespect\w*|dismissive|"
    r"condescending|patroni[sz]\w*|laughed at|mocked|ignored (?:me|us)|eye[- ]?roll\w*|aggressive|hurt|injur\w*|"
    r"shoved|pushed|grabbed|trailed|followed (?:me|us|her|him)|search(?:ed)? (?:me|us|my|our|her|his)|"
    r"(?:hand)?bag (?:check|search)|humiliat\w*|"
    r"(?:so|and) (?:now )?(?:i'?m |im |we'?re |i'?ve been |we'?ve been )?(?:now )?(?:stuck )?queu\w*)\b)",
    re.IGNORECASE,
)
"""A wait in a queue with too few serving ("9 people in line and only 3 tellers", "one till open on a Saturday"), or a
queue timed ("queued for 40 minutes", "45 min queue"); a queue only mentioned ("a queue behind me", "4,000 ahead of
me in the queue") is none; and no one rude, hurt, pushed or searched ("shoved my mother out of the queue", "went
through my handbag with the queue watching"), nor a queue that another failure caused ("the app won't check me in,
so now queueing at reception"): lines about the wait and the staffing, not "you were treated poorly"
(`post.queue`)."""
_PRICING = re.compile(
    r"\b(?:daylight robbery|rip[- ]?off|ripping (?:us|people|customers) off|"
    r"overpriced(?! (?:clowns?|idiots?|muppets?|morons?|jokers?|cowboys?|amateurs?))|extortionate|extortion|"
    r"price (?:hike|rise|increase|gouging)s?|prices? (?:went|gone|have gone|has gone|going) up|"
    r"(?:creeping|creeps|crept|going|gone|went) up again|\bnow (?:being|costs?|is|at) [£$€]\s?\d|"
    r"(?:put|putting|keep putting) (?:the |your )?prices? up|dearer|pricier|more expensive than|"
    r"(?:smaller|tinier) (?:portions?|sizes?|bags?|packs?|bars?)|shrinkflation|"
    r"size of a (?:golf ?ball|coin|postage stamp)|"
    r"(?:is|it's|its|that's|thats) (?:criminal|a joke|a scam|theft|robbery)\b"
    r"(?=[^.?!]{0,40}(?:£|\$|€|price|cost|fee|charge)))|"
    r"(?<![\w£$€])[£$€]\s?\d+(?:\.\d\d)? for (?:a|an|one|two|some|the|half a) (?!refund|delivery\b)\w+|"
    r"\b(?:costs?|charging|charge) (?:£|\$|€)\s?\d+(?:\.\d\d)? (?:a|per) (?:day|night|month|cup|drink|bag)\b|"
    r"\b(?:went|gone|jumped|rose|risen|increased|shot) (?:up )?from (?:£|\$|€)?\d+(?:\.\d+)?%? to (?:£|\$|€)?\d|"
    r"\b(?:charge|charging|charges|pay|paying) (?:£|\$|€)?\d+(?:\.\d\d)?p? (?:extra|more)\b|"
    r"\b(?:it|this|that) (?:was|used to be) free\b|\bwhy (?:is there|do you charge|charge) (?:suddenly )?(?:a |an )?"
    r"(?:£|\$|€)?\d",
    re.IGNORECASE,
)
_NOT_WRONG_CHARGE = re.compile(
    r"^(?![\s\S]*\b(?:never ordered|didn'?t order|did not order|not ordered|twice|double|charged (?:me )?again|"
    r"refunds?|(?:don'?t|do not|didn'?t) recogni[sz]e|(?:didn'?t|did not|never) authori[sz]e|by mistake|in error|"
    r"(?:never|didn'?t|did not|not)(?: even)? (?:opened|open|used|use|touched|touch|had|have|took|take|received|"
    r"receive|got|get|ate|eat|drank|drink|stayed|ordered|order|asked for|ask for|booked|book)|"
    r"(?:was|were|app|it|they|you) quoted|quote[ds]? (?:me|us|at|was)|the quote|price[- ]?lock(?:ed)?|locked[- ]in|"
    r"fixed (?:price|rate|for)|price (?:freeze|guarantee|promise)|no change to my (?:plan|contract|package)|"
    r"cancell?ed|(?:money|penny|pennies|cash) back|tap(?:ped)?[- ]?(?:in|out)|(?:daily|day|weekly) cap|"
    r"(?:max|maximum) (?:daily )?(?:fare|cap|charge)|reverse (?:it|this|that|the (?:fee|charge))|"
    r"(?:paying|pay|paid) (?:for )?\d+ ?(?:mb|mbps|gb|gbps|meg)\b|getting \d+ ?(?:mb|mbps|meg)\b|still no\b|"
    r"no (?:sound|signal|picture|internet|service)\b|"
    r"never (?:agreed|signed up|consented)|(?:with|zero|no|without (?:any )?) notice|"
    r"(?:didn'?t|did not|failed to|wouldn'?t|won'?t|doesn'?t|does not) (?:read|register|scan|detect|pick up)|"
    r"non[- ]sterling|foreign (?:transaction|exchange|currency) fee|(?:i|we) (?:asked|ordered) for (?:a|an|one|the) "
    r"(?:small|regular|medium|single|standard)|(?:receipt|till|it) (?:says|said|shows|rang (?:it )?up as)|"
    r"(?:want|like|need|get|give me) (?:my |the |that |our |this )?(?:fee|charge|money|seat fee|[£$€]\d+) back|"
    r"(?:still )?(?:frozen|raw|undercooked|stone cold|cold|stale|burnt|mouldy|moldy) (?:in the middle|inside|through)|"
    r"(?:was|were|is|it'?s) (?:still )?(?:frozen|raw|undercooked|stone cold|stale|burnt|mouldy|moldy)|"
    r"(?:it'?s|it is|they'?re|they are) a "
    r"(?:uk|british|us|american|local) (?:company|business|site|shop|website)|"
    r"forgot|forgotten|left out|missing|thought (?:it was|they were) free|(?:should|supposed to|meant to) be free|"
    r"overdraft fee|late fee|maintenance fee|(?:fee|charge) on my account|(?:paycheck|pay ?cheque|salary|wages) "
    r"(?:posted|went in|came in|landed)|ate my|half (?:a|the|my) \w+|stood (?:in|for|from|all)|no seat|"
    r"(?:didn'?t|did not) exist|fit(?:s|ted)? (?:in|into) (?:the|your) (?:stupid )?(?:sizer|frame)|sizer)\b)",
    re.IGNORECASE,
)
"""A complaint about what something costs or how much you get for it ("£3.80 for a teabag in hot water",
"daylight robbery", "smaller and 40p dearer"): not a charge taken in error, so the feedback is taken and passed
on, not "we'll check whether the fee should apply" (`post.pricing`); a charge the post calls wrong ("never
ordered", "twice", "refund", "a minibar I never opened", "the app quoted £19", "a pack I cancelled in March",
"the day cap because the reader didn't register my tap out", "a non-sterling fee on a UK website", "I asked for a
small", "want that fee back") is none, and so is a meal gone wrong ("£3.95 for a sausage roll still frozen in the
middle")."""
_HURT = re.compile(
    r"\b(?:injur(?:ed|y|ies)|(?:got|gets|was|were|is|been|getting) (?:badly |really |quite )?hurt|"
    r"hurt (?:him|her|them|(?:my|his|her|their) (?!feelings|pride|wallet|pocket)\w+)|"
    r"cuts? (?:on|to) (?:his|her|my|their) \w+|"
    r"(?:got|left|has|have|with) (?:a |big |nasty )?bruises?|bruised (?:my|his|her|their)|"
    r"(?:burn(?:ed|t)|scalded) (?:my|his|her|their|him|them)|concussion|stitches|a&e|"
    r"broke (?:my|his|her|their) (?:arm|wrist|leg|ankle|nose|tooth|finger|toe|hand|foot)|fractured?|"
    r"(?:throat|mouth|lips?|tongue) (?:is |was |are |were |still )?(?:burning|swollen|swelling|numb|tingling)|"
    r"(?:been|was|were|being) (?:violently )?sick|threw up|throwing up|vomit(?:ed|ing)?|stomach (?:pains?|cramps)|"
    r"(?:has|have|got|came out in) (?:a |an )?(?:rash|hives)|tripped (?:over|on) it|had a fall|"
    r"drew blood|(?:was|is|started|left) bleeding|(?:cut|scratched|sliced) (?:my|his|her|their) "
    r"(?!\w+ (?:card|bag|box))(?:\w+[’']?s? )?(?:neck|face|arm|hand|finger|leg|foot|head|lip|mouth|skin|eye|"
    r"thumb))(?!\w)",
    re.IGNORECASE,
)
"""Someone was hurt ("he's got a cut on his head", "she was injured", "ended up in A&E"): safety lines that
ask after the person hurt come first (`post.hurt`)."""
_MISSING = re.compile(
    r"\b(?:missing|forgot|forgotten|left out|left off|didn[’']?t (?:get|come|include|receive)|"
    r"wasn[’']?t (?:in|there|included)|weren[’']?t (?:in|there|included)|no (?:\w+ )?in the bag|"
    r"someone else[’']?s order|wrong (?:order|items?|food|meal|drink|burger|pizza)|instead of|short|"
    r"(?:turned up|arrived|came|delivered) with(?:out| no)|"
    r"no (?:chips|fries|sides?|drinks?|sauces?|dips?|coleslaw|garlic bread|gravy|cutlery|rice|naan|bread|dessert)"
    r"(?:,| and| or|\.)|"
    r"ordered (?!(?:after|before|at|from|on|in|online|via|through|yesterday|today|last|it|them)\b)"
    r"(?:the |a |an |my )?[\w'-]+(?: [\w'-]+){0,2}?,? (?:and |but )?(?:got|received|was given|they sent)"
    r"(?! (?:nothing|no|zero|any)\b))\b",
    re.IGNORECASE,
)
"""An order with items missing or wrong ("ordered the veggie feast, got pepperoni"): "which items?" lines belong
under `when: [post.missing]`."""
_FOOD_FAULT = re.compile(
    r"\b(?:cold|stone cold|raw|undercooked|overcooked|burnt|burned|soggy|stale|frozen|greasy|tiny|squashed|spilt|"
    r"spilled|melted|dry|mouldy|moldy|rotten|inedible|disgusting|waited|wait|took \d+|\d+ ?mins?|\d+ ?minutes|"
    r"late|slow)\b",
    re.IGNORECASE,
)
"""What went wrong with food, said already (cold, raw, a long wait): never ask "was it cold or missing?"."""
_DELIVERY = re.compile(
    r"\b(?:driver|drivers|rider|riders|courier|couriers|delivery|deliveries|delivered|delivering|delivers|doorbell|parcel|parcels|van|"
    r"doorstep|front door|dropped off|drop-off)\b",
    re.IGNORECASE,
)
"""A post about a delivery (a driver, a courier, a parcel at the door): doorbell footage helps, not in a shop."""
_MARKED_DELIVERED = re.compile(
    r"\b(?:says?|said|shows?|showing|showed|marked|listed|updated|status|tracking)(?: as| it was| it's| its)?\W{0,3}"
    r"(?:been )?delivered\b|\bdelivered\W{0,3}(?:but|yet|and|when|though)\W+(?:it'?s |its |it |there'?s |i )?"
    r"(?:not|no|nothing|never|isn'?t|wasn'?t|hasn'?t|haven'?t|didn'?t|nowhere)\b|"
    r"\b(?:apparently|supposedly|allegedly) delivered\b|"
    r"\b(?:apparently|supposedly|allegedly|says?|said|shows?|marked|status)(?: as| it was)?\W{0,3}"
    r"(?:handed|given) (?:to|in to) "
    r"(?:the )?(?:resident|customer|recipient|neighbou?r|reception|concierge)\b", re.IGNORECASE)
"""Tracking says delivered and nothing came ("parcel says 'delivered' at 14:12. not at my door"): "sorry it's late"
answers a wait the customer is not in; the lines say it shows as delivered (`post.marked_delivered`)."""
_FROZEN = re.compile(
    r"\b(?:account|card|funds|money|wages?|savings)\s+(?:has been |have been |is |was |been |are |still |got )*"
    r"frozen\b|\bunfreeze\b|"
    r"\b(?:account|card|money|funds|wages?|savings)\b[^.!?]{0,30}?\b(?:frozen|froze|blocked|restricted|locked|on hold|"
    r"held)\b[^.!?]{0,40}?\b(?:review|checks?|investigation|security|verification|compliance)\b|"
    r"\b(?:froze|frozen|blocked|restricted|locked|closed) (?:my |our |the )?(?:account|card|money|funds)\b[^.!?]{0,30}?"
    r"\b(?:review|checks?|investigation|verification|compliance)\b|"
    r"\b(?:account|card)\b[^.!?]{0,20}?\b(?:frozen|froze|blocked|restricted)\b[^.!?]{0,10}?"
    r"\bfor an? ['‘\"]?(?:routine )?review\b",
    re.IGNORECASE)
"""An account frozen for a review ("you froze my account for a 'routine review' 9 days ago, all my wages are in
there"): the lines chase the review, not the sign-in (`post.frozen`)."""
_ACCESS_NEED = re.compile(
    r"\b(?:wheel ?chairs?|wheelchair user|mobility (?:scooter|aid)s?|disab(?:ility|ilities)|"
    r"(?:i['’]?m|i am|im|he['’]?s|she['’]?s|they['’]?re|(?:my|our) \w+ is|as a|being|registered|severely|physically) "
    r"disabled|disabled (?:person|people|passengers?|customers?|guests?|travell?ers?|access|parking|toilets?|badge|"
    r"son|daughter|child|kids?|mum|mom|dad|wife|husband|partner|friend|users?|badge holders?)|"
    r"(?<!love is )blind(?! (?:spot|spots|date|eye|faith|tasting|bag|box))|"
    r"visually impaired|partially sighted|deaf|hard of hearing|screen ?readers?|step[- ]free|accessib(?:le|ility)|"
    r"dyslexi[ac]|"
    r"colou?r ?blind|hearing aids?|guide dogs?|assistance dogs?|crutches|walking (?:frame|stick)|"
    r"passenger assist(?:ance)?|assistance (?:booked|booking))\b",
    re.IGNORECASE)
"""A request or complaint rooted in an access need ("add a step-free option, I'm in a wheelchair"): no breezy "nice
thinking"; the lines own that it should work for them (`post.access_need`)."""
_DIET = re.compile(
    r"\b(?:i'?m|i am|we'?re|we are|she'?s|he'?s|they'?re|as a|my|our|strict|strictly|lifelong|am|is|are) (?:a )?"
    r"(?:strict |lifelong |pure |strictly )?(?:vegetarian|vegan|veggie|halal|kosher|pescatarian|coeliac|"
    r"(?<=pure )veg)\b|"
    r"\b(?:ordered|asked for|requested|booked|chose|picked|paid for)\b[^.!?]{0,20}?\b(?:veggie|veg|vegan|vegetarian|"
    r"plant[- ]based|meat[- ]free|halal|kosher)\b[^.!?]{0,60}?\b(?:got|given|served|came|arrived|had|was|with|"
    r"contained|found)\b|"
    r"\b(?:don'?t|do not|never|can'?t|cannot) eat (?:meat|pork|beef|fish)\b", re.IGNORECASE)
_MEAT = re.compile(
    r"\b(?:meat|beef|chicken|pork|bacon|ham|lamb|sausages?|pepperoni|fish|prawns?|gelatine|anchov\w*)\b",
    re.IGNORECASE)
"""Meat served to someone who does not eat it ("ordered veggie burger, got a beef one, I'm vegetarian"): a serious
mistake, never "a letdown" (`post.dietary`: a diet the customer keeps, or a meat-free order and what came, and a
meat word); "veggie mince instead of chicken" is a substitution, not this."""
_CONNECTION = re.compile(
    r"\b(?:hold|wait for|delay) the \d{1,2}[:.]?\d\d\b|\b(?:make|miss|missing|catch) (?:my|our|the) (?:connection|"
    r"connecting (?:train|bus|service))\b|"
    r"\blast (?:train|one|bus|service|connection) (?:home|back|tonight|of the night)\b",
    re.IGNORECASE)
"""A late train putting the last connection at risk ("can you hold the 22:40 to Ely? it's the last one home"): the
lines say they will not be left stranded (`post.connection`)."""
_OTHER_ACCOUNT = re.compile(
    r"\b(?:(?:someone|somebody|some one|anyone) else|some random person)[’']?s (?:name|details|account|orders?|"
    r"transactions|address|bank details|card|info|information|data|statements?|bookings?|payments?)\b|"
    r"\b(?:someone|somebody) ?else[’']?s\b|\b(?:a )?(?:stranger|random person|another (?:customer|person|user|member))"
    r"[’']?s\b|\bnot my (?:account|name|details|address|orders?|transactions)\b",
    re.IGNORECASE,
)
"""Someone else's account, name or orders shown to the customer: a data exposure, not a break-in of their own."""
_CARBON_MONOXIDE = re.compile(r"\b(?:carbon monoxide|co alarm|co detector|co2 alarm)\b", re.IGNORECASE)
"""A carbon monoxide alarm ("the carbon monoxide alarm in our room has been going off all night... headaches"): out
into fresh air and the emergency number, never "the gas emergency line" alone (`post.carbon_monoxide`)."""
_GAS = re.compile(
    r"\b(?:(?:smell|smells|smelt|smelled|smelling|stink|stinks|reeks|reeking)(?: \w+){0,2} (?:of|like) gas|"
    r"gas (?:leak|leaking|smell)|"
    r"carbon monoxide|co alarm)\b",
    re.IGNORECASE,
)
"""A smell of gas or a carbon monoxide alarm: get out, no switches or flames, the emergency line (`post.gas`)."""
_STUCK = re.compile(
    r"\b(?:sitting|sat|stuck|stopped|stationary|standing|held|trapped|stood|waiting)\b[^.!?]{0,40}?\b(?:for "
    r"(?:over |nearly |almost |about |another )?(?:\d+|an?|half an?)|\d+) ?(?:mins?|minutes|hours?|hrs?)\b|"
    r"\b(?:haven[’']?t|hasn[’']?t|havent|hasnt|not) moved (?:for|in)\b|"
    r"\b(?:stuck|stranded|trapped|sat|sitting|stopped) (?:on|outside|just outside|short of|between|at) "
    r"(?:the |a )?(?:train|tracks?|stations|platform)\b|"
    r"\b(?:we are|we['’]re|i am|i['’]m|we['’]ve been|i['’]ve been) (?:still )?"
    r"(?:standing|stood|waiting|stuck|sat|sitting) "
    r"(?:on|at|in) (?:the )?(?:platform|rain|cold|station|freezing cold)\b",
    re.IGNORECASE,
)
"""Someone held on a train or a platform right now ("sitting outside Didcot for 55 mins"): the latest, not a claim."""
_QUOTED_ERROR = re.compile(
    r"\b(?:says?|saying|said|shows?|showing|displays?|pops? up|popped up|message|error|getting|got|keeps? saying)"
    r"\s*:?\s*[\"“‘][^\"”’]{4,120}[\"”’]",
    re.IGNORECASE,
)
"""The message on screen quoted ("keeps saying \"card not added\""): never ask whether an error appears."""
_MOBILE = re.compile(
    r"\b(?:lte|4g|5g|3g|mobile data|cellular|cell service|cell signal|phone signal|mobile signal|no signal|"
    r"no (?:mobile )?service|sos only|emergency calls only|no bars|one bar|masts?|roaming|sim card|calls? and texts?|"
    r"no (?:mobile )?data(?:,? (?:and )?no calls)?|no calls|can[’']?t (?:make|receive|get) (?:any )?calls|"
    r"(?:zero|poor|weak|patchy|bad|rubbish|terrible|dodgy) (?:phone |mobile )?signal)\b",
    re.IGNORECASE,
)
"""A mobile network problem (no 4G, no signal, "SOS only"): masts, not the Hub, a line test or an engineer."""
_APP = re.compile(r"\b(?:the|your|ur|in the|on the|in your|on your|via the|through the) app\b|\bapp (?:says|said|shows|"
                  r"keeps|won'?t|will not|doesn'?t|crashes|crashed|is|isn'?t)\b", re.IGNORECASE)
"""The post says where it happened: in the app ("add a gift card to the app", "the app says invalid code"), so no
"was this in the app, on a delivery or at the till?" (`post.app`)."""
_REBOOK = re.compile(r"\b(?:re-?book(?:ed|ing|s)?|(?:put|get) (?:me|us) on (?:the|a|another)|"
                     r"(?:next|another|alternative|different|new) (?:flight|train|sailing)|"
                     r"(?:get|getting) (?:me|us) (?:home|there|to \w+) (?:today|tonight|tomorrow))\b", re.IGNORECASE)
"""The post asks to be put on another flight ("can anyone rebook me from here??", "get me on the next flight"): a new
flight, not a hotel for tonight; and only then "our disruption team can rebook you" (`post.rebook`)."""
_NO_SHOW = re.compile(
    r"\b(?:no[- ]shows?|(?:didn'?t|did not|never|doesn'?t|does not|won'?t) (?:turn(?:ed)? up|show(?:ed)? up|"
    r"show(?:ed)?|come|came|arrive|arrived)|(?:waited|stayed|sat) (?:in|home|at home)|"
    r"(?:took|taken|booked) (?:the|a) (?:day|morning|afternoon) off|"
    r"(?:no ?one|nobody|no engineer|no technician) (?:came|turned up|showed|arrived)|"
    r"(?:missed|cancelled|canceled|rescheduled) (?:my |the |our )?(?:appointment|visit|install(?:ation)?|slot)|"
    r"(?:appointment|visit|install(?:ation)?|slot) (?:was |got )?(?:missed|cancelled|canceled|rescheduled))\b",
    re.IGNORECASE,
)
"""A visit that did not happen as booked ("the engineer never turned up", "took the day off for nothing", "they
cancelled my install"): "I know you planned your day around the visit" and the engineer's notes; not a wait for a
first slot ("can't find an install slot for 5 weeks") (`post.no_show`)."""
_ABROAD = re.compile(
    r"\b(?:roaming|abroad|overseas|(?:international|travel|eu|euro) (?:pass|add-?on|bundle|plan)|"
    r"(?:since|when) (?:i|we) (?:landed|arrived)|just landed|on holiday in)\b",
    re.IGNORECASE)
"""A phone used abroad ("no service since I landed in Lisbon, roaming is on"): roaming help, not a line test
(`post.abroad`)."""
_WORE_OUT = re.compile(
    r"\b(?:died|broke|broken|stopped working|stopped charging|packed (?:up|in)|gave up|failed|cracked|snapped|"
    r"fell apart|fallen apart|ripped|split|worn (?:out|through)|peeling|leaking|leaks|started \w+ing)\b[^.!?]{0,25}?"
    r"\bafter (?:only |just )?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of) "
    r"(?:days?|weeks?|months?|years?|uses?|washes?|wears?)\b|"
    r"\b(?:\d+|two|three|four|five|six) (?:weeks?|months?) (?:old|in|later)\b|"
    r"\b(?:wore|worn|used|washed)(?: (?:it|them|the (?:new )?\w+))? (?:once|twice|two times|three times|a few times|"
    r"[2-5] times)\b",
    re.IGNORECASE)
"""A product that failed after a while in use ("died after 5 weeks"): never "sorry it arrived faulty", and never
asked when it started (`post.wore_out`)."""
_ENGINEER = re.compile(r"\b(?:engineers?|technicians?|openreach|(?:home |site )?visit)\b", re.IGNORECASE)
"""The post already speaks of an engineer or a visit ("'engineer required' and the earliest slot is next
thursday"): no "we can test your line from here" (`post.engineer`)."""
_IN_STORE = re.compile(r"\bin[- ]store\b|\b(?:the|a|your|ur|local|nearest) (?:store|shop|branch)\b|\breceipt\b|"
                       r"\bself[- ]?(?:check ?outs?|service tills?|scan\w*)\b|\bat the tills?\b|"
                       r"\btill (?:charged|said|rang|scanned|price)\b|\bshelf (?:said|price|label|edge|tag)\b|"
                       r"\b(?-i:[A-Z][\w']*) (?:store|shop|branch)\b|\b(?:cashiers?|checkout (?:staff|lady|guy)|"
                       r"store manager|shop floor|the aisles?|security guard|(?:whole|entire) (?:store|shop))\b",
                       re.IGNORECASE)
"""The post speaks of a shop or a receipt ("receipt in hand, can i just swap it in store?"): no "no trip to a store
needed, DM us the order number" (`post.in_store`)."""
_MONEY_LOST = re.compile(
    r"\b(?:paid|sent|transferred|lost|gone|taken|took|stole|stolen|debited|emptied|drained|withdrawn|scammed out of|"
    r"conned out of|out of pocket)\b", re.IGNORECASE)
"""Money has left the customer ("paid £150", "£260 gone", "they took £90"): lines about getting it back belong under
`when: [post.money_lost]`, not to a scam caught before paying ("the host asked me to pay by bank transfer")
(`post.money_lost`)."""
_ON_THE_PHONE = re.compile(
    r"\b(?:on the (?:phone|line) (?:to|with)|(?:he|she|they)(?:'s|'re| is| are) (?:still )?on the (?:phone|line)|"
    r"(?:someone|a guy|a man|a woman|a lady|somebody|they|he|she) (?:just )?(?:rang|called|phoned) (?:me|us|my)|"
    r"(?:got|had|getting|received) (?:a |an )?(?:phone ?)?call|cold[- ]call\w*)\b", re.IGNORECASE)
"""The suspicious contact is a phone call ("I'm on the phone to a guy from 'Glint TV' right now", "someone rang me
saying..."): "hang up", never "block the sender" (`post.on_the_phone`)."""
_NOT_DONE = (r"\b(?<!never )(?<!n't )(?<!not )(?<!want me to )(?<!wants me to )(?<!wanted me to )"
             r"(?<!asked me to )(?<!asking me to )(?<!asks me to )(?<!get me to )(?<!tried to )")
"""Not a code handed over: "I never gave them the code", "they want me to read them the code"."""
_SCAM_DONE = re.compile(
    _NOT_DONE + r"(?:read|read out|confirm(?:ed)?|gave|given|give|told|tell|sent|send|shared|typed(?: in)?|entered|"
    r"put in)"
    r"\W+(?:(?:them|him|her|the caller|the scammers?|it)\W+)(?:\w+\W+){0,3}?(?:code|otp|passcode|pin)s?\b|" +
    _NOT_DONE + r"(?:read out|confirm(?:ed)?|gave|given|shared|typed in)\W+(?:\w+\W+){0,3}?"
    r"(?:code|otp|passcode|pin)s?\b|" +
    r"\b(?:code|otp|passcode|pin)s?\b[^.!?]{0,60}?\b(?:i|we|and i|mum|dad|she|he) (?:just )?(?:gave|read|told|sent|"
    r"shared) (?:it|them|him|her)\b|"
    r"\b(?:install(?:ed)?|download(?:ed)?) (?:something|an app|a program|software|anydesk|teamviewer|their app)\b|"
    r"\bremote (?:access|control)\b|\b(?:let|gave) (?:them|him|her) (?:into|access|control)\b|"
    r"\bgot (?:me|her|him|them|us|my \w+) to (?:buy|pay|send|transfer|move|install|download|read|give|confirm)\b|"
    r"(?:[£$€₹]\s?\d[\d,.]*k?|\b\d+ ?(?:quid|pounds|dollars|euros)) (?:\w+ ){0,3}?(?:gone|taken|missing|stolen|"
    r"disappeared)\b|"
    r"\b(?:took|stole|taken|emptied|drained|cleared out)\b (?:\w+ ){0,3}?(?:[£$€₹]\s?\d|my (?:savings|account|money))|"
    r"\b(?:account|savings)s? (?:has |have |had |was |were |is |are )?(?:been |now |just )?"
    r"(?:emptied|drained|cleared out|"
    r"wiped out)\b|"
    r"(?:[£$€₹]\s?\d[\d,.]*k?|\b(?:my|our|his|her|their|all (?:my|our|his|her|their)) (?:savings|money)) (?:\w+ ){0,3}?"
    r"(?:moved|transferred|sent) (?:\w+ ){0,4}?to (?:a |an |their )?\W?safe account|"
    r"\b(?:i|we)(?:[’']ve| have)? (?:already |just )?(?:moved|transferred|sent)\b (?:\w+ ){0,3}?"
    r"(?:[£$€₹]\s?\d|\d[\d,.]*k\b|(?:my|our|all my|all our) (?:savings|money))|"
    r"\b(?:payments?|transactions?|charges?) (?:of [£$€₹]\S+ )?(?:to|at|from|on) (?:\w+ )?(?:gift ?card|crypto|"
    r"bitcoin)|"
    r"\b(?:contract|sim|phone|iphone|loan|card|account)s? (?:\w+ ){0,4}?(?:i|she|he|they|we) (?:never|didn'?t|did not) "
    r"(?:ordered|order|asked for|ask for|applied for|apply for|took out|take out|open|opened)\b",
    re.IGNORECASE)
"""A scam that has already worked: the code read out, software installed, money gone, a contract taken out in their
name ("she read them the code from a text", "they got her to install something and took £900"). "Hang up", "don't
reply" and "is it really us?" come too late; the lines block, lock and look at getting it back (`post.scam_done`)."""
_CABLE = re.compile(
    r"\b(?:cables?|wires?|poles?|telegraph poles?|overhead lines?)\b[^.!?]{0,30}?\b(?:down|hanging|dangling|fallen|"
    r"snapped|across (?:the )?(?:road|street|pavement|path|footpath|lane|track|drive)|sparking|exposed|hit|leaning|"
    r"low)\b|"
    r"\b(?:fallen|downed|hanging|dangling|exposed|sparking|snapped) (?:cables?|wires?|lines?|poles?)\b|"
    r"\blines?\b[^.!?]{0,20}?\b(?:hanging|dangling) (?:across|over|low|down)\b",
    re.IGNORECASE,
)
"""A cable, wire or pole down, hanging or exposed: keep well away, don't touch it, 999 if it's dangerous."""
_AMOUNT = re.compile(
    r"[£$€]\s?\d|\b\d+(?:[.,]\d{2})?\s?(?:pounds|dollars|euros|quid|bucks|usd|gbp|eur)\b|"
    r"\b\d+\s?(?:p|c)\b(?= each| a| per)",
    re.IGNORECASE,
)
"""An amount of money the post gives ("£11.47 x2", "$340"): never ask for the amount again (`post.amount`)."""
_ORDER = re.compile(
    r"\b(?:orders?|ordered|ordering|deliver(?:y|ies|ed)?|arrived|arrives|package|packages|parcels?|shipping|"
    r"shipped|shipment|dispatched|unboxing|unboxed|haul|courier|driver|came (?:today|early|quickly|fast|so fast|"
    r"on time|yesterday|in)|got here|turned up)\b",
    re.IGNORECASE,
)
"""A post about an order or its delivery: lines that say "arrived", "unboxing" or "the packing team" need it."""
_NOT_RECEIVED = re.compile(
    r"\b(?:bought|buy|purchased|purchase|paid for|paid|redeemed|ordered|claimed|been paid|won|earned|unlocked|"
    r"completed|collected)\b(?:[^.!?]|\.\d){0,120}?"
    r"\b(?:have ?n[o’']?t|havent|havnt|haven[’']?t|has ?n[o’']?t|hasnt|hasn[’']?t|did ?n[o’']?t|didnt|didn[’']?t|"
    r"do ?n[o’']?t|dont|don[’']?t|does ?n[o’']?t|doesnt|doesn[’']?t|is ?n[o’']?t|isnt|isn[’']?t|was ?n[o’']?t|wasnt|"
    r"wasn[’']?t|not|never|yet to|still|can[’']?t|cannot|cant)\b[^.!?]{0,25}?\b(?:receive|received|recieved|get|got|"
    r"gotten|getting|see|seen|arrive|arrived|appear|appeared|appears|show|shows|showing|shown|own|"
    r"been (?:sent|credited|added|given)|sen|sent|credited|added|download|access|unlock|unlocked|expired|work)\b|"
    r"\b(?:bought|purchased|won|earned|unlocked|collected|claimed|redeemed)\b(?:[^.!?]|\.\d){0,120}?"
    r"\b(?:(?:it[’']?s|it is|its|was|is) (?:not|nowhere) (?:there|in my|to be found)|not in my (?:garage|account|"
    r"library|inventory)|(?:is|has|was) (?:now )?(?:gone|disappeared|vanished|missing)|now (?:it[’']?s|its) gone|"
    r"(?:do ?n[o’']?t|dont|don[’']?t|does ?n[o’']?t|doesnt|doesn[’']?t) (?:have|own) (?:it|them|the|any|in))\b|"
    r"\b(?:charged|paid|money (?:was )?taken)\b[^.!?]{0,60}?\bbut (?:i )?(?:didn[’']?t|did not|never|haven[’']?t|"
    r"have not) (?:receive|get|got)\b",
    re.IGNORECASE,
)
"""Paid for, won or earned something that never reached the account ("bought the bundle but have yet to receive the
money", "won the car from the casino wheel and it's not there", "I still don't have it in my garage"): the purchase to
check, not an unexpected charge (`post.not_received`)."""
_AFTER_CANCEL = re.compile(
    r"\b(?:cancel(?:l)?ed|cancel(?:l)?ing|cancel|unsubscribed)\b(?:[^.!?]|\.\d){0,140}?\b(?:still |again |keep |keeps |"
    r"kept )?(?:got |get |been |being |getting )?(?:charg(?:ed|ing|es?)|bill(?:ed|ing)|took|taken|taking|debited)\b|"
    r"\b(?:charg(?:ed|ing|es)|bill(?:ed|ing)|taking money)\b[^.!?]{0,60}?\b(?:after|even though|though|despite|since)"
    r"\b[^.!?]{0,40}?\bcancel|"
    r"\b(?:paying|paid|charg(?:ed|ing)|bill(?:ed|ing))\b(?:[^.!?]|\.\d){0,60}?\b(?:i|we) (?:had |already )?"
    r"cancel(?:l)?ed\b",
    re.IGNORECASE,
)
"""Charged after cancelling ("I cancelled the trial and still got charged", "paying £12.99 for a pack I cancelled
in March"): check the cancellation, refund
what came after it (`post.after_cancel`)."""
_PAYMENT_AS_CAUSE = re.compile(
    r"^(?![\s\S]*\b(?:because|cos|coz|as) (?:our|my|his|her|the) (?:card|payment)s? (?:was |got )?(?:declined|failed|"
    r"bounced)\b)", re.IGNORECASE)
"""Not a failed payment given only as the reason for how someone was treated ("the manager spoke to my wife like dirt
because our card declined once"): the complaint is the treatment, not the payment."""
_PAYMENT_FAILED = re.compile(
    r"\b(?:payment|card|renewal|transaction|purchase|subscription)s? (?:was |is |keeps? (?:getting |being )?|got )?"
    r"(?:declined|failed|failing|rejected|refused|not going through|won[’']?t go through|didn[’']?t go through|"
    r"isn[’']?t going through|not accepted|not working)\b|\b(?:can[’']?t|cannot|cant|unable to) (?:pay (?:with|by|"
    r"using|online|in the app|on the app|through|via|for (?:it|my|the))|renew|complete (?:the|my) "
    r"(?:payment|purchase))\b|\berror\b[^.!?]{0,40}?\b(?:renew|paying|payment|checkout)\b|"
    r"\b(?:renew|renewing|paying|payment|checkout)\b[^.!?]{0,40}?\berror\b|"
    r"\b(?:trouble|problems?|issues?|stuck) (?:on|at|with) (?:the |your )?check ?out\b|"
    r"\b(?:keeps?|kept) (?:getting |being )?declined\b|"
    r"\b(?:can[’']?t|cannot|cant|unable to) check ?out\b|"
    r"\b(?:won[’']?t|doesn[’']?t|wouldn[’']?t|will not|does not|would not) let (?:me|us) (?:pay|renew|top up)\b",
    re.IGNORECASE,
)
"""A payment that will not go through (declined, failing, an error at checkout): never "a charge you weren't
expecting" (`post.payment_failed`)."""
TOLD_TO_CHECK = re.compile(
    r"\b(?:telling|told|tell|asking|asked|keep saying|kept saying|keeps saying)(?: me| us)? to "
    r"(?:check|look (?:at|in)|read)(?: (?:my|the|our))? (?:dms?|inbox|messages|emails?)\b",
    re.IGNORECASE,
)
"""A customer already sent to their DMs ("stop telling me to check my DMs"): they wrote to us already
(`post.sent`), and ask for no DM to be read (the reading drops `asks.check_dm`)."""
_SENT = re.compile(
    r"\b(?:dm[’']?e?d|sent|given|gave|emailed|provided|messaged|submitted|attached|uploaded)\b(?: (?:you|u|it|them|"
    r"over|in|through|across|already|all|both|my|the|an?|your team|the team|twice|again|\d+ times|[a-z]+ times))*"
    r" (?:order #|order (?:number|no|id)s?|ref(?:erence)?s?|case (?:number|no|id|ref)|"
    r"booking (?:ref(?:erence)?|number)|pnr|(?:record )?locator|member (?:number|no)|"
    r"details|photos?|pictures?|pics?|screenshots?|receipts?|tracking (?:number|no)|account (?:number|email)|"
    r"e-?mail address|proof|evidence|info(?:rmation)?|account details|everything|it all|the lot|all of it)"
    r"(?:\b|(?<=#))|"
    r"\b(?:ref(?:erence)?|details|order number|everything|info)\b (?:is |are )?(?:already )?in (?:your|ur|the) "
    r"(?:dms?|inbox)\b|"
    r"\b(?:dm[’']?e?d|pm[’']?e?d|messaged|emailed|inboxed)(?: (?:you|u|y'?all|your team|the team))? (?:twice|"
    r"three times|\d+ times|[a-z]+ times|again|already|yesterday|last (?:week|night)|days ago|weeks ago)\b|"
    r"\balready (?:dm[’']?e?d|pm[’']?e?d|messaged|emailed|inboxed)\b|" + TOLD_TO_CHECK.pattern,
    re.IGNORECASE,
)
"""The post says the details were sent already ("DMed order number and photos", "I've given you my ref 3 times"):
never ask for them again (`post.sent`)."""
_VULNERABILITY = re.compile(
    r"\b(?:vulnerabilit(?:y|ies)|zero[- ]?days?|0[- ]?days?|exploits?|exploited|security (?:flaws?|holes?|bugs?|"
    r"issues?|researchers?|vulnerabilit(?:y|ies)|patch)|bug ?bounty|cve-\d+|bugbountywriteup)\b",
    re.IGNORECASE,
)
"""A security flaw in the product (a vulnerability, a zero-day, a security hole): the security team and public
updates, not an account taken over (`post.vulnerability`)."""
_ELECTRICAL = re.compile(
    r"\b(?:smoke|smoking|smoked|fire|flames?|burn(?:t|s|ing|ed)?|scorch(?:ed|ing)?|overheat(?:s|ing|ed)?|too hot|"
    r"red hot|melt(?:s|ed|ing)?|spark(?:s|ing|ed)?|electric(?:al|ity)?|shock(?:ed)?|batter(?:y|ies)|"
    r"charg(?:er|ers|ing)|plug(?:s|ged)?|socket|wires?|cables?|explod(?:e|ed|es|ing)|swollen|swelling|fizz(?:ing|ed)?|bang)\b",
    re.IGNORECASE,
)
"""Heat, smoke, sparks, a shock or a battery: lines that say "unplug it", "once it's cool" or "call 999 if
there's smoke" need it, so a sharp zip or a loose part is not answered as a fire (`post.electrical`)."""
_LONG_WAIT = re.compile(
    r"\b(?:waited|waiting|queued|queuing|queueing|took|sat|stood)\b[^.!?]{0,30}?\b(?:\d+|an?|half an?|over an?|"
    r"nearly an?|almost an?)\s?(?:mins?|minutes|hours?|hrs?)\b|\b\d+ ?(?:mins?|minutes|hours?|hrs?) (?:wait|queue)\b|"
    r"(?:^|[.!?]\s*|@\w+\s+)(?:\d+|an?|over an?|nearly an?|almost an?|two|three|four)\s?(?:mins?|minutes|hours?|hrs?)"
    r"(?: and a half)? (?:for|to get|waiting for|just for|(?:in|at) (?:the )?(?:drive[ -]?thr(?:u|ough)|queue|line))\b",
    re.IGNORECASE,
)
"""A long wait the post gives ("waited 40 mins for 2 tacos", "25 minutes in the drive thru"): lines about the wait,
not about the dish."""
_CARD_UPDATE = re.compile(
    r"\b(?:update|updating|change|changing|add|adding|replace|replacing|remove|removing|edit|editing|save|saving)\b"
    r"(?: (?:my|a|the|our|new|which)){0,2} (?:billing (?:info|information|details|address)|(?:credit |debit )?cards?|"
    r"payment (?:method|methods|details|info|card)|bank details|paypal(?: email| account)?|card details)\b",
    re.IGNORECASE,
)
"""Trouble changing the card or payment details on file: no charge to explain (`post.card_update`)."""
_ROAD = re.compile(
    r"^(?!.*\b(?:train|trains|rail|railway|railways|platform|platforms|station|stations|tube|underground|metro|"
    r"carriage|carriages|coach [0-9]{1,2}|coach [a-m])\b)"
    r"(?=.*(?:\b(?:bus|buses|coach|coaches|rideshare|ride-share|taxi|taxis|cab|cabs|uber|lyft|tram|trams|driver|"
    r"drivers|minicab|ferry|ferries|sailing|sailings)\b|"
    r"@\w*(?:bus|buses|coach|coaches|cab|cabs|taxi|taxis|ferry|ferries)\b))",
    re.IGNORECASE | re.DOTALL,
)
"""A bus, coach, taxi, ride-share or ferry post that names no train: lines about trains, platforms and stations
don't fit it (`post.road`). A numbered coach ("the 21:14 to Brighton, coach 3") is a train's."""
_CARE_TEAM = re.compile(
    r"\b(?:customer (?:service|services|care|support)|support team|service team|care team|helpline|live chat|chat "
    r"agent|call cent(?:re|er)|the agent|your agent|the (?:lady|guy|man|woman) on the phone|(?-i:[A-Z])\w* support|"
    r"(?:thank you|thanks|thx|cheers|ty),? (?:to )?(?:the |your )?support|"
    r"support (?:staff|agents?|folks|people|sorted|fixed|solved|resolved|helped)|"
    r"(?:on|in|over|via) (?:the |your )?(?:live |web |online )?chat)\b",
    re.IGNORECASE,
)
"""The post speaks of the customer service team (not the warehouse), or thanks "support": thanks go to them
(`post.care_team`)."""
_SUSPENDED = re.compile(
    r"\b(?:suspend(?:ed|s|ing)?|suspension|bann?ed|bans?|un-?bann?(?:ed|ing)?|terminat(?:ed|ion)|disabled|deactivated|"
    r"blocked|block on|"
    r"restricted|restriction|shut (?:down|off)|closed (?:my|our|the) account|struck|strike|strikes|removed my)\b",
    re.IGNORECASE,
)
_NOT_SUSPENDED = re.compile(
    r"^(?![\s\S]*\b(?:email|e-mail|mail|address|number|card|sim)(?: address)?"
    r"(?: (?:associated|linked|connected|tied|registered) (?:with|to) [^.?!]{0,40}?)?"
    r" (?:has been|had been|was|got|is|been) "
    r"(?:deactivated|disabled|blocked|closed|shut (?:down|off))\b)",
    re.IGNORECASE,
)
"""The brand suspended, banned, blocked or closed the account: "what's behind the suspension" lines need it; an email
address or a number deactivated ("the email on my account has been deactivated, can you change it?") is none."""
_FLEW = re.compile(
    r"\b(?:flight|flights|flew|fly|flying|plane|aircraft|crew|crews|pilot|pilots|captain|cabin|on ?board|journey|"
    r"trip|landing|landed|take-?off|seat|seats|lounge|boarding|boarded|gate|upgrade|upgraded|check-?in)\b|"
    r"\b[A-Z]{2} ?\d{2,4}\b",
    re.IGNORECASE,
)
"""The post speaks of a flight (the crew, the seat, boarding, a flight number): thanks "for flying with us" need it,
so thanks for a found Kindle or a refund are not thanked as a flight (`post.flew`)."""
_DAMAGED = re.compile(
    r"\b(?:damaged|damage|broken|broke|smashed|cracked|shattered|dented|torn|ripped|stained|leaking|leaked|leaky|"
    r"faulty|defective|scratched|snapped|bent|mouldy|moldy|rotten|wet|soaked|crushed|squashed|missing parts?|"
    r"wrong (?:item|size|colou?r|model|product)|(?:doesn[’']?t|does not|won[’']?t|isn[’']?t) work(?:ing)?|"
    r"not working|stopped working|dead on arrival|fell apart|falling apart)\b",
    re.IGNORECASE,
)
"""A thing damaged, faulty or wrong, that a photo can show: photo asks belong under `when: [post.damaged]`."""
_CHANGED = re.compile(
    r"\b(?:removed|removing|took (?:away|out)|taken (?:away|out)|take (?:away|out)|got rid of|get rid of|"
    r"getting rid of|no longer|not anymore|any ?more|discontinu\w*|used to|went away|gone|dropped|changed|"
    r"changing|new (?:update|layout|design|version|look|app)|(?:the|this|latest|last|recent) update|updated|"
    r"redesign\w*|bring (?:it |them )?back|brought back)\b",
    re.IGNORECASE,
)
"""Something the customer had was changed or taken away ("you took away the option", "since the update"):
lines sorry for "the change" or for "something you relied on" need it, so a new idea is not mourned
(`post.changed`)."""
_LEFT_BADLY = re.compile(
    r"\b(?:threw|thrown|throws|throwing|tossed|tosses|chucked|chucks|flung|lobbed|dumped|dumps|dropped|left|leaves|"
    r"leaving|hurled|kicked)\b(?: (?:it|them|my|the|our|a|an|\w+))?(?: (?:parcel|package|delivery|box|order|"
    r"shopping|bags?|food|meal|takeaway|pizza|curry))? (?:over|into|in|on|onto|at|outside|by|under|behind|through) "
    r"(?:the |my |our |a |next door'?s? )?(?:side |back |front |garden )?(?:fence|gate|wall|hedge|pond|bin|bins|rain|"
    r"puddle|mud|garden|street|road|"
    r"pavement|bush|bushes|driveway|roof|wrong (?:house|door|address|flat|building)|neighbou?rs?'?s?|front of)\b|"
    r"\bdelivered to (?:the |a )?wrong (?:house|door|address|flat|building)\b|"
    r"\b(?:left|dumped|dropped)\b[^.!?]{0,30}\bin the (?:rain|snow|wet)\b",
    re.IGNORECASE,
)
"""A parcel that came but was thrown, dumped or left where it should not be ("threw my parcel over the fence",
"left it in the rain"): no "still on its way" lines, and lines for the way it was left win (`post.left_badly`)."""
_ASKED_AGAIN = re.compile(
    r"\b(?:[3-9](?:rd|th)|third|fourth|fifth|sixth|tenth) "
    r"(?:time (?:of |i'?m |i am |i'?ve |i have |i |we'?ve |we )?(?:asking|"
    r"messaging|emailing|tweeting|calling|ringing|chasing|contacting|writing|dming|dm'?ing|reaching out|"
    r"(?:asked|messaged|emailed|tweeted|called|rung|chased|contacted|written|dm'?d|dmed|reached out))|"
    r"(?:tweet|email|e-mail|message|dm|call|chase|request|complaint|attempt to (?:get|reach|contact))s?)\b|"
    r"\b(?:asked|told|messaged|emailed|e-mailed|tweeted|called|rang|chased|contacted|dm'?d|dmed|written to|wrote to|"
    r"reached out to)(?: (?:you|u|your team|them|about (?:this|it)))? (?:[3-9]|three|four|five|six|several|multiple|"
    r"many|countless|so many|numerous) times\b|\b(?:keep|kept) (?:having to )?(?:asking|chasing|messaging|emailing)\b|"
    r"\bday (?:[2-9]|\d{2}|two|three|four|five|six|seven|ten) of (?:asking|chasing|messaging|emailing|dming|calling)\b|"
    r"\b(?:i'?ve|i have|i|we'?ve|we have|we)(?: already)? (?:sent|uploaded|provided|given|submitted|resent)\b"
    r"(?: [\w'’]+){0,3} (?:[3-9]|three|four|five|six|several|multiple|many|so many) times\b",
    re.IGNORECASE,
)
"""A customer who has asked three times or more ("3rd time messaging", "asked 4 times", "5th email"): a reply
that owns the repeated asking, not a plain "sorry for the wait" (`post.asked_again`)."""
_POINTS = r"(?:branch|store|shop|line|number|helpline|website|site|app|chat)"
_SAYS = r"(?:says?|said|told (?:me|us|him|her))"
_GO = r"(?:ring|call|phone|go to|visit|use|contact)"
"""Each place sending the customer to the other ("Branch says ring the number, the number says go to the branch")."""
_BOUNCED = re.compile(
    r"\b(?:told|sent|directed|referred|passed|pointed) (?:me|us) (?:back )?to (?:contact |speak to |talk to |ask |"
    r"message |email |call )?(?:you|u|your (?:team|colleagues|head office|customer service))\b|"
    r"\b(?:passed|bounced|pushed|sent|going|go|gone|run|ran) (?:me |us )?(?:back and forth|from pillar to post|"
    r"round in circles|around in circles|in circles|from one (?:team|department|person) to (?:another|the next))\b|"
    r"\b(?:blaming|blame) each other\b|\bpassing the buck\b|"
    rf"\b{_POINTS}s? {_SAYS} (?:to )?{_GO}\b[^.!?]{{0,40}}?\b{_POINTS}s? {_SAYS} (?:to )?{_GO}\b",
    re.IGNORECASE,
)
"""A customer sent back and forth between teams ("lost property told me to contact you, you told me to contact
lost property"): a reply that takes it on, never another hand-off (`post.bounced`)."""
_CHARGED_TWICE = re.compile(
    r"\b(?<!want )(?<!wanna )(?<!want to be )(?<!wanting )(?<!get )(?<!to be )"
    r"(?:charged|charging|billed|debited|paid|came out|come out|gone out|went out|go out|"
    r"(?:went|gone|go|going) (?:thru|through)|"
    r"left (?:my|our|the) (?:account|bank|card)|(?:taken|took) (?:\w+ ){0,2}?(?:payments?|money|it|[£$€]\S+))"
    r"\b[^.!?]{0,30}?\b(?:twice|two times|2 times|three times|3 times|thrice|(?<!double )double(?! double))\b|"
    r"[£$€]\s?\d+(?:\.\d\d)? ?[x×] ?[234]\b|"
    r"\bdouble[- ]?(?:charged|billed|charge|charging|payment|debit|debited)s?\b|"
    r"\bduplicate (?:payment|charge|transaction|debit|transfer)s?\b|"
    r"\bboth (?:payments|charges|transactions|debits)\b|\b(?:two|2) (?:payments|charges|transactions|debits) "
    r"(?:taken|showing|came out|went out|gone out|went through|gone through|have gone through|for (?:one|the same))\b|"
    r"\bcharged (?:me )?(?:for )?(?:2|two) (?:meals|orders|tickets|rooms|nights|bookings)\b",
    re.IGNORECASE,
)
"""Money taken twice for one thing ("charged twice", "both payments showing", "double debit"): the customer
knows what the payment was, so never "a charge you don't recognise" (`post.charged_twice`)."""
_CHARGED_AGAIN = re.compile(
    r"\b(?:three|3|four|4|five|5) times\b|\bthrice\b|[£$€]\s?\d+(?:\.\d\d)? ?[x×] ?[345]\b", re.IGNORECASE)
"""Money taken three times or more ("took payment 3 times", "£149 x3"): no "charged twice" or "both payments"
(`post.charged_again`)."""
_DIRECT_DEBIT = re.compile(r"\bdirect ?debits?\b|\bDDs?\b")
"""A direct debit named: lines about direct debits need it (`post.direct_debit`)."""
_AWAITING_REPLY = re.compile(
    r"\bno (?:reply|replies|response|responses|answer|word|one (?:has )?(?:replied|responded|answered|got back|gotten "
    r"back|called back|gets back))\b|\bnobody (?:has )?(?:replied|responded|answered|got back|gotten back|called back|"
    r"replies|responds|answers|gets back)\b|\b(?:haven[’']?t|have not|not|never|still not) (?:heard|had) "
    r"(?:back|anything|a (?:reply|response|word|call))\b|\bignor(?:ed|ing)\b|\bghost(?:ed|ing)\b|\bsilence\b|"
    r"\b(?:nobody|no one|no-one)(?: has|['’]s)? (?:come|came|turned up|shown up|showed up)\b|"
    r"\bleft on read\b|\b(?:dm'?d|dmed|messaged|emailed|e-mailed|called|rang|phoned|tweeted|wrote to|written to|"
    r"contacted|sent) (?:you|u|your|y'all|yall|them|the team|customer (?:service|care|support))\b|"
    r"\bfollowing up on my (?:complaint|email|message|dm|call|ticket|case|claim|report)\b|"
    r"\b(?:[2-9](?:nd|rd|th)|second|third|fourth|fifth) (?:tweet|message|email|dm|time (?:asking|messaging|tweeting|"
    r"emailing))\b|\bstill (?:no|not had (?:a|any)|waiting (?:for|on) "
    r"(?:a|your|an?) )(?:reply|response|answer|word|call ?back)\b|\bany (?:reply|response|answer)\b|"
    r"\b(?:never|didn[’']?t|did not|haven[’']?t|have not) (?:got|get|gotten|had|received) (?:a |any )?(?:reply|"
    r"response|answer)\b|\b(?:never|didn[’']?t|did not|haven[’']?t|have not) (?:replied|responded|answered|"
    r"heard back)\b|"
    r"\bemailed (?:the |your )?support\b",
    re.IGNORECASE,
)
"""The customer wrote to us and has had no answer ("no reply yet", "still no response to my email", "I DMed you
last week"): "sorry for the slow reply" is for them, not for someone chasing a refund or a parcel
(`post.awaiting_reply`)."""
_FACILITY = re.compile(
    r"^(?!.*\b(?:on (?:the|a|this|my|our) (?:\d{1,2}[:.]\d{2}|train|tube|tram|bus|coach)|on board|onboard|carriage|"
    r"journey|driver)\b).*?(?:"
    r"\b(?:lifts?|elevators?|escalators?|ticket machines?|ticket office|waiting rooms?|car park|ramps?|"
    r"help points?|departure boards?)\b[^.!?]{0,35}?"
    r"\b(?:broken|out of (?:order|use|service)|not working|closed|locked|bust|shut)\b|"
    r"\b(?:broken|closed|locked) (?:lifts?|elevators?|escalators?|ticket machines?|ticket office|waiting rooms?)\b)",
    re.IGNORECASE | re.DOTALL)
"""Something at a station or stop out of order ("the lifts at Hollyford have been broken for 3 weeks"): the station
team told, not "DM us the train and the time" (`post.facility`)."""
_NO_BOOKING = re.compile(
    r"\b(?:booking|payment|checkout|order) (?:has |had )?failed\b|\bno (?:such )?(?:booking|ref(?:erence)?|reservation)"
    r"(?: (?:number|found|exists|on file|showing))?\b|\b(?:can'?t|cannot|couldn'?t|doesn'?t|won'?t) (?:find|show|see) "
    r"(?:my|the|a|any) (?:booking|reservation)\b|"
    r"\bbooking (?:doesn'?t|does not|didn'?t|did not) (?:exist|show|go through)\b",
    re.IGNORECASE)
"""A booking the customer paid for that is nowhere to be found ("email says 'booking failed', manage booking says no
such ref, card still charged"): never ask for the reference; the payment is what finds it (`post.no_booking`)."""
_PAID_FOR = re.compile(
    r"\b(?:paid|charged|debited|taken|took|payment (?:went|has gone|came) (?:through|out)|came out)\b", re.IGNORECASE)
_CLICKED = re.compile(
    r"\b(?:clicked|tapped|pressed|opened|followed)(?: on)? (?:it|the link|that link|a link|the text|the email)\b|"
    r"\balready (?:clicked|tapped|opened)\b|"
    r"\b(?:already |just )?(?:put|entered|typed|keyed|filled)(?: in)? (?:in )?(?:my|our|his|her) (?:card|card details|"
    r"details|bank details|password|pin|login)(?: in)?\b",
    re.IGNORECASE)
"""Someone already clicked the scam's link ("my mum already clicked it"): no "thanks for not clicking", and the card
blocked if details went in (`post.clicked`)."""
_GATE = re.compile(
    r"\bgate (?:closes|closing|is closing|shuts|shuts in|closes in)\b|\b(?:hold|tell|call|ring|radio) the "
    r"(?:gate|plane|flight|aircraft)\b|\b(?:make|miss|missing) (?:my|our|the) (?:flight|plane)\b",
    re.IGNORECASE)
"""A customer racing a closing gate ("security queue is 90 mins and your gate closes in 40, can someone tell the
gate?"): what we can do about the flight, not the queue's staffing (`post.gate`)."""
_NOT_FEE_RHETORIC = re.compile(
    r"^(?!.*\bwhat (?:am i|are we|do i|do we|are you|is my|am i even|are we even) (?:even )?(?:paying|charging|for)\b)",
    re.IGNORECASE | re.DOTALL)
"""No fee disputed in "no hot water for 4 nights... what am I paying your service fee for": a stay gone wrong, with
the fee named only to say it (`post.fee` needs this too)."""
_SPLIT_SEATS = re.compile(
    r"\b(?:split|separated|seated|sat|put|spread)\b[^.!?]{0,30}?\b(?:us|kids|children|family|my (?:son|daughter|"
    r"kids|child|children|wife|husband|partner))\b[^.!?]{0,30}?\b(?:apart|across|different rows|separately|"
    r"rows? apart|all over)\b|\bnot (?:sat|seated|sitting) (?:together|with (?:my|our|their))\b|"
    r"\b(?:sat|seated|sitting) (?:away|apart) from (?:my|our|their)\b|"
    r"\b(?:ended up|was|were|sat|sitting|seated|put) (?:\d+|two|three|four|five|six) rows? (?:behind|in front of|away "
    r"from|apart from)\b",
    re.IGNORECASE)
"""A family split up across a plane or train ("you've split us across 5 rows, kids aged 4, 7 and 9"): seated
together, not "DM us the details" (`post.split_seats`)."""
_CHILD = re.compile(r"\b(?:kids?|children|child|son|daughter|baby|toddler|infant|aged \d+|\d+ ?(?:yo|y/o)|family)\b",
                    re.IGNORECASE)
_MODEL = re.compile(
    r"\b(?-i:[A-Z][A-Za-z]+) (?:(?-i:One|Pro|Max|Mini|Plus|Air|Ultra) )?(?:\d{1,4}|(?-i:[A-Z])\d{1,3})\b"
    r"(?! ?(?:am|pm|min|mins|minutes|hours?|days?|weeks?|months?|years?|%|[:.]\d))")
"""A product named with its model number ("Zen 14, 10 months old", "Lumora Watch 3 strap pin snapped"): never asked
"which model is it?" (`post.model`)."""
_SYSTEM_DOWN = re.compile(
    r"\b(?:app|apps|system|systems|website|site|kiosks?|machines?|tills?|screens?|card readers?|readers?|bag drop)\b"
    r"[^.!?]{0,30}?\b(?:down|not working|broken|offline|crashed|out of order)\b", re.IGNORECASE)
"""A queue that a system down caused ("the mobile order app has been down all morning, queue out the door"): no
"we'll look at staffing at busy times" (`post.system_down`)."""
_FREE = re.compile(r"\bfree\b", re.IGNORECASE)
"""The post calls the thing free ("the 'free messaging wifi' doesn't work"): no "paying for WiFi that barely works"
(`post.free`)."""
_OVERNIGHT = re.compile(
    r"\b(?:overnight|tonight|no hotel|hotels?|nights?|sleep(?:ing)?|cancell?ed|till tomorrow|until tomorrow|"
    r"tomorrow morning|next day|midnight)\b", re.IGNORECASE)
"""A stranding that runs into the night ("cancelled at 11pm, desk shut, no hotel"): only then "a hotel for tonight",
never to people waiting out a delay at the gate (`post.overnight`)."""
_OUT_OF_CONTRACT = re.compile(
    r"\bout of (?:my |the )?contract\b|\b(?:my |the )?contract (?:has )?(?:ended|finished|expired|ran out|is up)\b|"
    r"\bno longer in (?:a |my )?contract\b", re.IGNORECASE)
"""A customer already out of contract ("account holder here and already out of contract"): no "we'll check your end
date and any early exit fee" (`post.out_of_contract`)."""
_AT_STATION = re.compile(
    r"^(?:(?!.*\b(?:on (?:the|a|this|my|our) (?:train|tube|tram)|on board|onboard|carriage|vestibule|coach [A-H]\b))"
    r".*?\b(?:on (?:the )?platform|at (?:the )?station|in (?:the )?station|ticket hall|concourse|at the barriers?|"
    r"on the (?:down |up )?escalators?|"
    r"(?:station|platform) (?:entrance|exit|steps|stairs|toilets))\b|"
    r".*?\b(?:i|we) (?:just |have |had )?got off (?:at|the train|the tube)\b)",
    re.IGNORECASE | re.DOTALL,
)
"""Someone at a station, not on a train ("a man on the platform at Union Square grabbing women", "...carriage 3. I got
off at Oxford Circus"): station staff, a help point and the station for British Transport Police, not "the train
and coach" (`post.at_station`)."""
_TWO_STEP = re.compile(
    r"\b(?:authenticat(?:or|ion)(?: app)?|2fa|2sv|two[- ]?(?:step|factor)|(?:verification|security|backup|login|"
    r"sign[- ]?in|one[- ]time|sms|text) codes?|one[- ]time passwords?|otps?|"
    r"codes? (?:does not|doesn'?t|doesnt|never|won'?t|isn'?t|hasn'?t|didn'?t|did not) (?:show|arrive|come|turn up))\b",
    re.IGNORECASE)
"""The second step of signing in: an authenticator, a two-step or verification code ("lost my authenticator",
"the verification code never arrives", "the code does not show up within the 60s timer"): "is it a password
problem or a code?" asks what the post said (`post.two_step`)."""
_REFUND_ELIGIBILITY = re.compile(
    r"\b(?:is|are) (?:my|the|this|our|these) (?:flight|ticket|fare|booking|trip|reservation|stay|room)s? "
    r"(?:still )?refundable\b|\b(?:non|not)[- ]?refundable\b|"
    r"(?<!when )(?<!how long )\b(?:can|could|will|would|do|does|am|are) (?:i|we) (?:get|be|receive|have)"
    r"(?: entitled to| eligible for)? (?:(?:a |any |the )?(?:full )?refund|(?:my |our |any )?money back)\b"
    r"(?! (?:yet|still))|"
    r"\b(?:am|are|would|will|is) (?:i|we|he|she|they) (?:be )?(?:eligible|entitled) (?:for|to) "
    r"(?:a |any )?(?:full )?refund\b",
    re.IGNORECASE)
"""Whether a booking can be refunded at all ("is my flight refundable because of this?", "all you say is my ticket is
non-refundable"), not a refund on its way: lines about what the ticket allows (`post.refund_eligibility`)."""
_DISPUTED = re.compile(
    r"\b(?:raised|opened|filed|submitted|started|made|put in|lodged|logged) (?:a |the |my |an )?"
    r"(?:chargeback|dispute|claim)s?\b|"
    r"\b(?:chargeback|dispute|claim)s? (?:is |was |has been |have been |are )?(?:still )?(?:under review|pending|"
    r"open|in progress|being reviewed|raised|rejected|declined|closed)\b|\b(?:my|the|our) (?:chargeback|dispute)\b|"
    r"\bcomplaint (?:ref(?:erence)?|no|number)\.?(?: no\.?)?[^.!?]{0,40}?\b(?:raised|opened|filed|logged|lodged)\b|"
    r"\b(?:i|we) (?:disputed|contested)\b",
    re.IGNORECASE)
"""A chargeback or dispute already raised ("raised a chargeback in june, still 'under review'", "3 weeks since I
disputed the double charge"): "we can raise a
dispute" offers what is done; the lines ask after the one open (`post.disputed`)."""
_UNEXPECTED_CHARGE = re.compile(
    r"\b(?:charg(?:ed|ing|es?)|billed|debited|deducted|took|taken|taking|withdrawn|came out)\b|"
    r"\b(?:unexpected|unknown|unauthori[sz]ed|random|mystery|strange|weird|extra|hidden|surprise) "
    r"(?:charges?|payments?|fees?|transactions?|debits?)\b|"
    r"\b(?:don[’']?t|do not|didn[’']?t|did not|never) (?:recogni[sz]e|authori[sz]e|sign(?:ed)? up|subscribed?|"
    r"order(?:ed)?|buy|bought|agreed?|asked for)\b",
    re.IGNORECASE)
"""Money taken that the customer did not expect ("charged me twice", "a charge I don't recognise", "£9.99 came
out"): "a charge you weren't expecting" is for them, not for a purchase the account does not show or a payout
sent to the wrong address (`post.unexpected_charge`)."""
_CREDIT_FILE = re.compile(
    r"\b(?:credit (?:bureaus?|agenc(?:y|ies)|reference agenc(?:y|ies)|file|report|record|score|history)|cibil|"
    r"experian|equifax|transunion)\b", re.IGNORECASE)
"""The customer's credit file named ("you've been reporting a loan I closed in 2022 as overdue to the credit bureau",
"reported a late payment to the credit bureau on a mortgage I paid ON TIME"): the entry checked and put right with
the agencies, never "when the money went out" (`post.credit_file`)."""
_MISSED_ATTEMPT = re.compile(
    r"\b(?:sorry,? we missed you|we missed you|missed you (?:card|note|slip)|attempted (?:delivery|to deliver)|"
    r"delivery attempt(?:ed)?|tried to deliver)\b", re.IGNORECASE)
"""A delivery marked as tried ("the 'sorry we missed you' card when I was in ALL DAY", "'attempted delivery' at 11:02
while I was sitting 3 metres from the door"): redelivery or a nearer pick-up offered, never "where your card is"
(`post.missed_attempt`)."""
_ARRIVED_LATE = re.compile(
    r"\b(?:turned up|showed up|arrived|came|got here|rocked up|delivered)\b[^.!?]{0,25}?\b(?:\d+ ?(?:hrs?|hours?|mins?|"
    r"minutes?)|an hour|half an hour|hours|ages) (?:late|after)\b|"
    r"\b(?:turned up|showed up|arrived|came|got here|rocked up|delivered) (?:late|after (?:my|the|our) slot)\b",
    re.IGNORECASE)
"""A delivery that came, but late ("driver turned up 2 hrs after my slot"): never "still isn't at your door"
(`post.arrived_late`)."""
_DELIVERED_GOODS = re.compile(
    r"\b(?:delivery|deliveries|parcel|package|order|shopping|groceries|food|pizza|slot|fridge|freezer|frozen|"
    r"chilled|sofa|furniture|courier|curry|fries|chips|meal|takeaway|burgers?|noodles|rice|soup|drinks?|coffee|sauce|"
    r"bag|box)\b", re.IGNORECASE)
"""Something delivered, not a ride: `post.arrived_late` needs it ("the Zipp driver turned up 25 mins late" is a
ride)."""
_REPAYMENT = re.compile(
    r"\b(?:mortgage|loan|car finance|credit card|overdraft) (?:payments?|repayments?|instal?ments?)\b|"
    r"\bmy mortgage\b[^.!?]{0,30}\b(?:twice|double)\b",
    re.IGNORECASE)
"""The bank's own repayment taken ("you've taken my mortgage payment TWICE"): never "the date and shop", never a
hold that drops off (`post.repayment`)."""
_ON_A_JOURNEY = (r"^(?=[\s\S]*\b(?:airport|flight|flights|connection|gate|terminal|station|platform|train|coach|bus|"
                 r"ferry)\b)")
"""A lookahead: the post speaks of a journey somewhere in it (the child alone, the relative stranded, on one)."""
_UNACCOMPANIED = re.compile(
    r"\bunaccompanied\b|" + _ON_A_JOURNEY +
    r"[\s\S]*?\b(?:my|our) (?:(?:[1-9]|1[0-7]) ?(?:year old|yr old|yo|y/o)|son|daughter|kid|child|boy|girl|"
    r"teenager)\b[^.!?]{0,60}?[.!?,]?[^.!?]{0,60}?\b"
    r"(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))\b",
    re.IGNORECASE)
"""A child travelling alone ("my 14 year old is flying unaccompanied", "my son's on his own at the airport"): the
child looked after, never "sorry you're stranded" to the parent at home (`post.unaccompanied`)."""
_TRAVEL_TROUBLE = re.compile(
    r"\b(?:cancell?ed|stuck|stranded|nobody|no one|no-one|missed|diverted|lost|left|"
    r"bumped|help|urgent\w*|wait|waiting|delayed|dying|dead)\b", re.IGNORECASE)
"""Trouble on a journey: "can my 16yo fly on her own?" asks a question, "her connection got cancelled" is trouble."""
_RELATIVE_STRANDED = re.compile(
    _ON_A_JOURNEY +
    r"[\s\S]*?\b(?:my|our) (?:\d{1,3} ?(?:year old|yr old|yo|y/o) )?(?:dad|father|mum|mom|mother|nan|nana|gran|"
    r"granny|grandma|grandad|grandpa|grandfather|grandmother|husband|wife|partner|son|daughter|kid|kids|child|"
    r"children|brother|sister|aunt|uncle|boyfriend|girlfriend|parents)\b(?:['’]s)?[^.!?]{0,30}?\b(?:stuck|stranded|"
    r"alone|on (?:his|her|their) own|left behind|abandoned)\b",
    re.IGNORECASE)
"""Someone else stranded on a journey ("my 78 yr old dad is stuck at Palma airport"): help to them, never "sorry
you're stranded" to the one who wrote (`post.relative_stranded`)."""
_WRONG_RECIPIENT = re.compile(
    r"\b(?<!nearly )(?<!almost )(?<!nearly have )(?<!almost have )(?<!could have )"
    r"(?:sent|paid|transferred|send|pay|transfer)\b[^.!?]{0,40}?\bto (?:the )?wrong (?:person|account|number|"
    r"name|username|user|sort code|payee|iban|phone number|handle|tag|upi id|@)(?!\w)|"
    r"\btypo in the (?:username|user ?name|account number|sort code|name|number|iban)\b",
    re.IGNORECASE)
"""Money sent to the wrong person by mistake ("sent £75 to the wrong person, typo in the username"): a recall of
the payment, never a merchant dispute or a late refund (`post.wrong_recipient`)."""
_DIRT = (r"(?:hair|hairs|stains?|stained|dirty|filthy|grubby|grimy|mould|mouldy|moldy|unclean|bed ?bugs?|"
         r"used (?:razor|cotton buds?|towels?|condoms?))")
_IN_A_ROOM = r"(?:room|bath|bathroom|shower|sheets?|beds?|pillows?|pillowcases?|towels?|carpet|toilet|mattress|sink)"
_DIRTY_ROOM = re.compile(
    r"\b(?:" + _DIRT + r"|dust|dusty|used (?:tissues?|glasses|cups)|cockroach(?:es)?|"
    r"smell(?:s|ed|y)? of (?:someone|smoke|damp|weed|urine|sick)|sheets that smell)\b[^.!?]{0,60}?\b" + _IN_A_ROOM
    + r"\b|\b" + _IN_A_ROOM + r"\b[^.!?]{0,30}?\b" + _DIRT + r"\b",
    re.IGNORECASE)
"""A dirty hotel room ("hair in the bath, stains on the pillow"): the room cleaned or the guest moved
(`post.dirty_room`)."""
_ROOM_FAULT = re.compile(
    r"\b(?:heat(?:ing)?|heater|air ?con(?:ditioning)?|aircon|a/?c|hot water|shower|toilet|door lock|key ?cards?|"
    r"thermostat|radiator|grab (?:bars?|rails?))\b[^.!?]{0,40}?\b(?:stuck|broken|broke|not working|"
    r"(?:doesn|isn|won|wasn)['’]?t (?:work\w*|turn\w*|lock\w*|open\w*|flush\w*)|leak\w*|flood\w*|freezing|"
    r"boiling|\d{2,3} ?°)|"
    r"\bno (?:hot water|heat(?:ing)?|air ?con\w*|aircon|a/?c|grab (?:bars?|rails?)|working (?:shower|toilet|lock))\b",
    re.IGNORECASE)
"""A hotel room that does not work for the guest in it ("heat stuck at 84F", "no grab bars"): fixed or the guest
moved tonight (`post.room_fault`, with `_IN_HOTEL` and `_STILL_STAYING`)."""
_IN_HOTEL = re.compile(r"\b(?:room \d+|rooms?|hotel|property|reception|front desk|engineering|maintenance|suite)\b",
                       re.IGNORECASE)
"""A post set in a hotel room or a let property (`post.room_fault`, `post.pests`)."""
_STILL_STAYING = re.compile(
    r"^(?![\s\S]*\b(?:left|checked out|checkout|check-out|stayed|charged|refund\w*|sent|dm[’']?e?d|emailed|"
    r"no reply|never again|last (?:week|month|weekend)|tweet)\b)", re.IGNORECASE)
"""A guest still in the room: not one who has left, been charged or already sent the details (`post.dirty_room`)."""
_OCCASION = re.compile(
    r"\b(?:birthday|bday|anniversary|honeymoon|proposal|proposing|propose|engagement(?! rings?\b)|graduation|"
    r"\d{1,2}(?:st|nd|rd|th) birthday|(?:her|his|our|my|their) \d{1,2}(?:st|nd|rd|th)\b|special occasion|"
    r"\b\w+['’]s \d{1,2}(?:st|nd|rd|th)\b)",
    re.IGNORECASE)
_FAVOUR = re.compile(
    r"\b(?:could|can|would) (?:you|u|someone|the team|the hotel|the crew)\b|\bany chance\b|\bis it possible\b|"
    r"\bplease (?:could|can|put|add|note|make)\b|\bwould (?:love|be great|mean a lot)\b",
    re.IGNORECASE)
_NO_SPOILT = re.compile(
    r"^(?![\s\S]*\b(?:ruin\w*|spoil\w*|spoilt|missed|cancel\w*|disappoint\w*|terrible|awful|worst|never|refund|"
    r"delay\w*|didn['’]?t|wasn['’]?t|not|wrong|broken|faulty|damaged|missing|lost|late|still|haven['’]?t|hasn['’]?t|"
    r"swap|replace\w*|exchange|instead|present|presents|gift|gifts|card|complain\w*|voicemails?|chas\w+|again|"
    r"twice|nobody|no one|no-one|no answer|no reply|ring me|call me|phone me)\b)", re.IGNORECASE)
"""A favour asked for a happy occasion ("could you put a note on our reservation, it's our daughter's 18th? 🎂"):
glad to help, never an apology (`post.occasion`); not an occasion spoilt ("you ruined my birthday")."""
_PLAN = re.compile(
    r"\b(?:plan|plans|subscription|subscriptions|subscribed|membership|tariff|package|bundle|contract|tier|premium|"
    r"renewal|renewed|monthly fee|annual fee)\b", re.IGNORECASE)
"""A plan, subscription or tariff named: "which plan were you expecting to pay for?" needs one (`post.plan`)."""
_EMPTIED = re.compile(
    r"\b(?:money|balance|funds|everything|savings)(?:['’]s| is| has| was| have)?(?: been)?(?: already| all)? "
    r"(?:moved|transferred|taken|withdrawn|gone) (?:out|across|over|elsewhere)?|"
    r"\b(?:moved|transferred|taken|withdrawn|emptied) (?:all |everything |the |my )?(?:money|balance|funds|it)? ?"
    r"(?:out|across|over)\b|\b(?:balance is|it['’]?s at|at) (?:£|\$|€)?0(?:\.00)?\b|\bzero balance\b|"
    r"\baccount is empty\b", re.IGNORECASE)
"""A closing account already emptied ("money's already moved out"): never asked where the balance should go
(`post.emptied`)."""
_ATE = re.compile(
    r"\b(?:ate|eaten|eating|eat|bit|bitten|biting|bite|swallowed|swallow|chewed|chewing|drank|drunk|drinking|"
    r"tasted|sick|ill|unwell|vomit\w*|throwing up|threw up|poorly|stomach|a&e|hospital|reaction|rash|choked|"
    r"choking)\b", re.IGNORECASE)
"""Food eaten, or someone unwell ("my husband bit on it", "been sick all night"): only then "please get checked
over" (`post.ate`)."""

_TROUBLE_TOLD = re.compile(
    r"\b(?:delay\w*|cancell?(?:ed|ation)|late|broke\w*|lost|skimmed|scam\w*|fraud|stolen|chargeback|refund\w*|"
    r"money back|compensation|voucher|problem|issue|fault\w*|wrong|missing|complain\w*|stuck|stranded|leak\w*|"
    r"apart from|other than|except|but|although|though|despite|even though|after (?:the|my|a) \w+|wish|gripe|"
    r"only thing|shame|if only|sort(?:ed|ing)|fix(?:ed|ing)|found|finding|recovered|tracked down|returned|"
    r"handed (?:it )?in|got (?:it|my \w+) back|posted it back|dreading|panick?\w*|scared|nervous|frightened|"
    r"terrified)\b",
    re.IGNORECASE)
"""Praise for trouble put right ("cheers for the free coffee voucher after the delay"): never "glad it all went
smoothly" (`post.trouble`)."""
_FAKE_ACCOUNT = re.compile(
    r"\b(?:official|real|genuine|legit|verified) (?:account|page|profile|handle)\b|"
    r"\bfake (?:@?\w+ )?(?:accounts?|pages?|profiles?|handles?)\b|"
    r"\b" + _HANDLE_REAL + r")\b|"
    r"\b(?:accounts?|pages?|profiles?) (?:\w+ )?(?:pretending|claiming) to be\b|"
    r"\b(?:accounts?|pages?|profiles?) (?:replying|commenting|messaging|dm'?ing) (?:to )?(?:everyone|people|customers|"
    r"users)\b",
    re.IGNORECASE)
"""An account on the platform that may be posing as the brand ("is @LumenJetCare an official account? they DM'd me
wanting my card number"): don't send it anything, we never ask for card details by DM (`post.fake_account`)."""
_LOYALTY_PENALTY = re.compile(
    r"\bnew customers? only\b|\bonly (?:for|to|available to|open to) new customers\b|"
    r"\bnew customer (?:rates?|prices?|deals?|offers?|discounts?)\b|\bloyalty (?:penalty|tax)\b|"
    r"\b(?:loyal|existing|long[- ]standing) customers? (?:get|gets|pay|pays|are|being|get nothing)\b|"
    r"\bnothing for (?:existing|loyal|current) customers\b|"
    r"\bnew customers? (?:get|gets|getting|are getting|pay|pays|paying)\b[^.!?]{0,40}?\b(?:double|twice|half|more|"
    r"better|cheaper|less)\b",
    re.IGNORECASE)
"""Loyalty that costs more than joining ("every deal is new customers only", "the new customer rate is 4.5%", "new
customers get double the data for half the price"): the
grievance is being worth less for staying, not a price to investigate (`post.loyalty_penalty`)."""
_GRIPE = re.compile(
    r"\b(?:(?:the |my )?only (?:thing|gripe|complaint|downside|issue|problem|niggle|criticism)"
    r"(?=\s*[,:;\-–]| is\b| was\b)|"
    r"one (?:small |tiny |little )?(?:thing|gripe|niggle|complaint)(?=\s*[,:;\-–]| is\b| though\b)|"
    r"shame (?:that|about|the|it|they|there)|except (?:that|the|for)|"
    r"apart from|other than that|otherwise (?=\d+ ?/ ?\d+|great|perfect|lovely|brilliant|amazing|spot on|fab)|"
    r"(?:a |bit of a |little )?bit (?:of a )?(?:scrum|faff|wait|mess|chaos|letdown|let down)|"
    r"if only|wish (?:the|it|they|you)|could do with|needs? (?:fixing|sorting))\b",
    re.IGNORECASE)
"""Praise with one thing wrong ("so quiet and actually warm. only thing, the next stop screen is stuck"): a praise
reply passes on the fault too (`post.gripe`)."""
_HELP_COMING = re.compile(
    r"\b(?:waiting for (?:the |an )?(?:ambulance|paramedics)|(?:ambulance|paramedics) (?:is |are )?"
    r"(?:on (?:the|its|their) way|coming|here|arrived|called|with (?:him|her|them|us|me))|"
    r"(?:called|rang|phoned|calling|texting|texted|on the phone to) (?:an ambulance|the police|999|911|112|000)|"
    r"(?:fire ?(?:brigade|dept|department|service|crew|engine)s?|police|cops) (?:is |are )?(?:on (?:the|its|their) way|"
    r"coming|here|arrived)|"
    r"(?:in|at|to) (?:[A-Z][\w']* ){0,2}a&e|"
    r"in (?:the )?hospital|(?:in|at) (?:the )?er\b|emergency room|waiting to be seen|being seen (?:to|now))\b",
    re.IGNORECASE)
"""Help already on its way or reached ("we're waiting for the ambulance", "we're in A&E now"): no "call 999 now"
(`post.help_coming`)."""
_GOT_OUT = re.compile(
    r"\b(?:(?:we|we're|we are|we've|i'm|i am|i've|everyone(?:'s| is)|all of us are) (?:all )?(?:now )?"
    r"(?:outside|out of (?:the|our) (?:room|house|flat|building|apartment)|got out|gotten out|left|evacuated)|"
    r"(?:sitting|sat|waiting) (?:outside|in the car)|packed up and left|not going back in|"
    r"(?:everyone(?:'s| is)|we're all|we are all|we're) out (?:on|in) (?:the )?(?:street|road|car park|carpark|"
    r"parking lot|pavement|[A-Z]\w+ (?:Ave|Avenue|Rd|Road|St|Street)))\b",
    re.IGNORECASE)
"""Everyone already out of the place ("we're outside in the car with the kids", "packed up and left"): no "leave
the room now" (`post.got_out`)."""
_BRANCH_CLOSING = re.compile(
    r"\b(?:closing|to close|will close|being closed|shutting(?: down)?|to shut)\b(?! (?:early|at|time))[^.!?]{0,40}?"
    r"\bbranch(?:es)?\b|\bbranch(?:es)?\b[^.!?]{0,40}?\b(?:is closing|are closing|closing down|will close|"
    r"(?:is|are) shutting|closure)\b",
    re.IGNORECASE)
_BANKING = re.compile(r"\b(?:bank\w*|account|pension|cash|building society|post office|apps?|cheques?|pay(?:ing)? "
                      r"in|savings|mortgage|atm)\b", re.IGNORECASE)
"""A branch closing for good ("closing my local branch means a 2 hour round trip"), in a post about banking
(`_BANKING`): the loss said back and the other ways to bank in person offered (`post.branch_closing`)."""
_CREDIT_EXPIRED = re.compile(
    r"\b(?:credit|voucher|points|miles|gift ?card|balance|e-?gift)s?\b[^.!?]{0,40}?"
    r"(?<!says )(?<!saying )(?<!shows )(?<!showing )\b(?:expired|has expired)\b|"
    r"\bexpired\b[^.!?]{0,20}?\b(?:credit|voucher|points|miles|gift ?card)s?\b",
    re.IGNORECASE)
"""Credit, a voucher or points lost to an expiry date (`post.credit_expired`): not an offer refused at checkout."""
_AREA_WIDE = re.compile(
    r"\b(?:whole|entire|all of|across(?: the)?|everywhere in|everyone in|everyone on|all over)\s+(?:the\s+)?"
    r"(?:town|area|street|city|village|estate|road|postcode|county|region|building|block)\b|"
    r"\b(?:neighbou?rs?|whole street|next door)\b[^.!?]{0,30}?\b(?:too|as well|also|same|down|nothing)\b|"
    r"\bacross\s+town\b|\bin the whole of\s+[A-Z]\w+|\b(?:city|town) (?:centre|center)\b|#\w*outage\b",
    re.IGNORECASE)
_NETWORK_DOWN = re.compile(
    r"\b(?:no|zero|lost|losing|without)\s+(?:\w+\s+)?(?:signal|service|internet|broadband|wi-?fi|lte|4g|5g|data|"
    r"coverage|connection|landline|fibre|reception)\b|\b(?:signal|internet|broadband|network|wi-?fi|fibre|mast)s?\b"
    r"[^.!?]{0,30}?\b(?:down|out|off|dead|gone|offline)\b|\b(?:offline|outage)\b",
    re.IGNORECASE)
"""A fault across an area ("no signal in the whole of Townend", "neighbours are down too"), with the network named
as down (`_NETWORK_DOWN`): not a single line to test (`post.area_wide`)."""
_PAY_MISSING = re.compile(
    r"\b(?:salary|wages?|pay ?cheque|paycheck|pension|benefits|universal credit|maternity pay|sick pay|"
    r"my pay)\b[^.!?]{0,30}?\b(?:hasn['’]?t|has not|have not|haven['’]?t|isn['’]?t|is not|didn['’]?t|did not|"
    r"never|still not|not)\b[^.!?]{0,12}?\b(?:landed|arrived|come in|came in|gone in|went in|cleared|reached|"
    r"shown up|showing|appeared|been paid|been credited|credited)\b|"
    r"\bno (?:salary|wages|pay)\b[^.!?]{0,20}?\b(?:landed|arrived|in my account|yet|today)\b",
    re.IGNORECASE)
"""Pay that has not reached the account ("payday and my salary hasn't landed... rent goes out at 9"): the payment
looked for, not an app fault (`post.pay_missing`)."""
_CUT_OFF_PAID = re.compile(
    r"\b(?:cut (?:me |us |my \w+ |our \w+ )?off|disconnected|suspended|blocked|stopped|shut off|switched off)\b"
    r"[^.!?]{0,40}?\b(?:for|over|because of)\b[^.!?]{0,10}?\b(?:an? |the |my )?(?:bill|payment|invoice|balance)s?\b"
    r"[^.!?]{0,6}?\b(?:i|we)(?:['’]ve| have)? (?:already )?paid\b",
    re.IGNORECASE)
"""A service cut off over a bill already paid ("YOU HAVE CUT OFF MY INTERNET FOR A BILL I PAID"): reconnection
first, never a line test (`post.cut_off_paid`)."""
_SCAM_LIVE = re.compile(
    r"\b(?:on the (?:phone|line)|on a call)\b (?:right )?now (?:with|to) (?:someone|somebody|a man|a woman|a guy|"
    r"them|a scammer|scammers)\b|\b(?:right now|as we speak)\b[^.!?]{0,30}?\bon the (?:phone|line) (?:with|to) "
    r"(?:someone|somebody|a man|a woman|a guy|them|a scammer|scammers)\b",
    re.IGNORECASE)
"""A scam call still going on ("my dad is on the phone right now with someone claiming to be your fraud team"):
hang up first, and the account blocked (`post.scam_live`)."""
_SHIPPED = re.compile(
    r"\b(?:ship|ships|shipping|shipped|shipment|tracking|courier|couriers|dispatch|dispatched|in transit|"
    r"out for delivery|(?:next|same)[- ]day delivery|estimated delivery|delivery date|fedex|ups|usps|dhl|"
    r"parcel|package|warehouse)\b",
    re.IGNORECASE)
"""Something sent by courier ("I paid for next day shipping", "my replacement hub was meant to ship last week"): a
software brand's late order chased, not "it's not in your account yet" (`post.shipped`)."""
_VERIFY = re.compile(
    r"\b(?:account|channel|profile|email|phone|number|identity|id|it)\s+(?:has not|hasn['’]?t|is not|isn['’]?t|not|"
    r"still not|never|was not|wasn['’]?t)\s+(?:been\s+|got\s+|gotten\s+)?(?:verified|confirmed|approved)\b|"
    r"\bverification (?:is |has been )?(?:still )?(?:pending|stuck|failed|fails|not (?:working|going through))\b",
    re.IGNORECASE)
"""A verification that will not go through ("i have done everything what is needed, but my account has not been
verified", "verification is still pending"): what is holding it up, never "sorry you've been locked out". Being
asked to verify again and again, or "I can't verify my account" with a reason given, is something else
(`post.verify`)."""
_ACCIDENT = re.compile(
    r"\b(?:i|we|my (?:son|daughter|kid|kids|dog|cat|husband|wife|partner)|he|she) (?:accidentally |just )?"
    r"(?:dropped|knocked|spilled|spilt|sat on|stepped on|trod on)\b(?! (?:a|the|my|our) (?:video|post|message|call|"
    r"ball|hint|line|note|song|album|order|pin|link))|\blost (?:my|our) grip\b",
    re.IGNORECASE)
"""Damage the customer's own accident did ("i dropped my @HP pavilion laptop tonight and it cracked", "I lost my
grip and now the computer is broke"): a repair with its price, never troubleshooting or "a fault out of nowhere"
(`post.accident`)."""
_VENUE = (r"(?:hotel|room|lobby|reception|resort|apartment|hostel|train|plane|flight|coach|bus|ferry|tram|lounge|"
          r"airport|station|terminal|caf[eé]|coffee shop|restaurant|store|shop|branch|stadium|arena|campus|gym)")
_VENUE_WIFI = re.compile(
    rf"\b(?:wi-?fi|internet)\b[^.!?]{{0,40}}?\b(?:(?:at|in|on|onboard|aboard) (?:the |your |my |this |our )?"
    rf"{_VENUE}|at the (?-i:[A-Z])\w+|on ?board)\b|"
    rf"\b{_VENUE}(?:['’]s)? (?:wi-?fi|internet)\b|\b(?:in-?flight|in-?room|guest) (?:wi-?fi|internet)\b",
    re.IGNORECASE)
"""WiFi at a place the brand runs, not at home ("wifi at the Courtyard keeps dropping", "the hotel wifi", "wifi on
the train"): the team there looks at it; never the home router or a postcode check (`post.venue_wifi`)."""
_LIVE = re.compile(
    r"\b(?:right now|as we speak|currently|at the moment|atm|"
    r"(?:sitting|sat|stuck|stranded|waiting|held) (?:outside|at|on|in|between)|(?:stood|standing) (?:outside|between)|"
    r"(?:for )?\d+ ?(?:hours?|hrs?|mins?|minutes) now|now \d+ ?(?:hours?|hrs?|mins?|minutes)|"
    r"for the (?:last|past) \d+ ?(?:hours?|hrs?|mins?|minutes)|"
    r"just (?:got )?(?:cancell?ed|terminated|stopped)|"
    r"what(?:['’]s| is) (?:happening|going on)(?! (?:with|to) (?:my|our) "
    r"(?:refund|claim|complaint|case|order)))\b", re.IGNORECASE)
"""Trouble still going on as the customer writes ("train 49 sitting outside Cleveland for 2 hours now", "a crowd of 200
people right now"): never asked when it was (`post.live`)."""
_EARLIER = re.compile(
    r"\b(?:this morning|last night|yesterday|earlier (?:today|on|this (?:morning|evening|afternoon))|the other day|"
    r"last (?:week|weekend)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:about |around )?\d+ ?(?:mins?|minutes|hours?|hrs?) ago)\b", re.IGNORECASE)
"""It happened earlier ("my mom's foot went down the gap this morning"): no "use the passenger alarm now"
(`post.earlier`; `post.live` says it is still going on)."""
_FOR_LONG = re.compile(
    r"\b(?:since|day (?:\d+|two|three|four|five|six|seven|eight|nine|ten)|all (?:day|night|week|weekend)|"
    r"(?:\d+|two|three|four|five|six|seven|several|a few|few|over an?|nearly an?|almost an?|an?)\s?"
    r"(?:days?|weeks?|months?|hours?|hrs?)(?! ago))\b", re.IGNORECASE)
"""The post says how long it has gone on ("day 11 no broadband", "down since 6am", "3 hours now"): "that's far too long
to wait" only where a wait is told (`post.for_long`)."""
_RAN_LATE = re.compile(
    r"\b(?:late|delay(?:ed|s)?|cancell?(?:ed|ations?)|held|stuck|stopped|sat|sitting|terminated|diverted|missed|"
    r"(?:\d+|an?|half an?) ?(?:mins?|minutes|hours?|hrs?|h))\b", re.IGNORECASE)
"""The post tells of a journey held up ("1h10 late", "cancelled", "sat outside Preston"): Delay Repay and "your ticket's
valid on the next one" only then (`post.ran_late`)."""
_CROWDED = re.compile(
    r"\b(?:short[- ]?formed|(?:only |just )?(?:\d|two|three|four|five|six) (?:carriages|coaches|cars)|overcrowd\w*|"
    r"rammed|packed|crushed|crammed|standing room|sardines|no seats?|nowhere to sit|(?:sat|sitting) on the floor|"
    r"standing (?:all|the whole))\b", re.IGNORECASE)
"""The post tells of a crowded train ("4 carriages. FOUR.", "rammed", "sat on the floor"): only then "if it was short of
carriages" (`post.crowded`)."""
_CARE_ALARM = re.compile(
    r"\b(?:telecare|careline|(?<!customer )care ?line|lifeline|"
    r"(?:medical|personal|care|pendant|alert) (?:alert|alarm)s?|(?:alert|alarm) pendants?)\b", re.IGNORECASE)
"""The post names the care alarm on the line ("my nan's personal alarm runs off a mobile SIM"): never asked whether one
does (`post.care_alarm`)."""
_MACHINE_DOWN = re.compile(
    r"\b(?:ice ?cream|mcflurry|shake|milkshake|slushie|slush|frozen drinks?|coffee|frappe) (?:machines?|makers?)\b"
    r"[^.!?]{0,40}?\b(?:broken|broke|down|out of order|not working|off|being cleaned|cleaning|out)\b",
    re.IGNORECASE)
"""The restaurant's machine down again ("ice cream machine at the Paisley Road West one broken AGAIN"): no photo
and order number to send; the restaurant's manager hears it (`post.machine_down`)."""
_SOLD_OUT = re.compile(
    r"\b(?:(?:(?:ran|run|running|sold|been|are|were|was|is|they're|theyre|you're|youre)\s+)?out\s+of|"
    r"(?:had|has|have|got)\s+(?:no|nee|nae|zero)|no\s+more)\s+(?!date\b|code\b)(?:\w+\s+)?"
    r"(?:sausage\s+rolls?|steak\s+bakes?|chicken|fries|chips|burgers?|buns|bread|pastries|pasties|donuts|doughnuts|"
    r"bagels|croissants|sandwiches|wraps|nuggets|wings|rice|naan|dough|ice\s+cream|oat\s+milk|milk|cups|lids)\b"
    r"(?!\s+(?:in|on|with)\s+(?:it|them|the|my|our|his|her)\b)",
    re.IGNORECASE)
"""The restaurant sold out of a staple ("old swan KFC out of chicken AGAIN", "had NO sausage rolls at 11am"): no photo
or order number to send, nothing served wrong; the branch's manager hears it (`post.sold_out`). Not a dish served
without something ("my wrap had no chicken in it") nor food out of date."""
_WHICH_SERVICE = re.compile(r"\b(?:(?:mobile )?data|calls?|calling|texts?|texting|sms|4g|5g|internet)\b", re.IGNORECASE)
"""The post says what has stopped ("no mobile data in Bendigo since 7am"): never asked "calls, texts or data?"
(`post.which_service`)."""
_RUNNING_NOW = re.compile(
    r"\b(?:(?:is|are|will) (?:the |my |our |any |your )?(?:[\w:.'’]+ ){0,5}?(?:running|moving|on time|going|"
    r"leaving|coming|actually running)|any (?:update|idea|news|word)|(?:any chance of|can (?:i|we) get) an update|"
    r"how (?:long|much longer) (?:will|are|is) (?:we|it|the train|the bus|this))\b[^.!?\n]{0,60}\?|"
    r"\b(?:any eta|what(?:['’]s| is) the eta|eta (?:on|for|into|to))\b",
    re.IGNORECASE)
"""The post asks whether a service is running or when it will move ("is the 1 Line running north to Northgate right
now??", "any ETA on the 5:12 Hutt Valley?"): a reply says it will check that service, not "DM us what happened"
(`post.running_now`)."""
_NONE_AT_ALL = re.compile(
    r"\b(?:without (?:any )?(?:broadband|internet|wi-?fi|signal|service|a connection|phone|landline|tv|data)|"
    r"no (?:broadband|internet|wi-?fi|signal|service|connection|phone line|landline|dial tone|data)(?: at all)? "
    r"(?:for|since)|(?:dead|down|off) (?:since|for (?:\d+|two|three|four|five|six|several|over a) (?:days?|weeks?|"
    r"hours?|months?))|sos only|stuck on sos|(?:completely|totally) (?:dead|down|off))\b",
    re.IGNORECASE)
"""No service at all ("4 weeks without broadband", "landline dead since Friday", "phone stuck on SOS"): never called
patchy or asked whether it drops in and out (`post.none_at_all`)."""
_ESIM_SWITCH = re.compile(
    r"\b(?:after|since|when) (?:i |we )?(?:switch(?:ed|ing)?|mov(?:ed|ing)|chang(?:ed|ing)|transferr(?:ed|ing)|"
    r"activat(?:ed|ing)|convert(?:ed|ing)) (?:over )?(?:to |my \w+ to )?(?:an? |the |my )?e-?sims?\b|"
    r"\be-?sim (?:switch|swap|transfer|activation|conversion)\b",
    re.IGNORECASE)
"""Service lost in a switch to an eSIM ("my sim stopped working after i switched to esim"): the switch is finished
from our side, never a mast fault looked for (`post.esim_switch`)."""
_WEAPON = re.compile(
    r"\b(?:knife|knives|machete|blade|gun|pistol|firearm|weapon|stabb(?:ed|ing)|shooting|shot at)\b", re.IGNORECASE)
"""A weapon out ("a man at the back of the 7 waving a knife"): the emergency number now, not a text line to the police
(`post.weapon`)."""
_MONEY_AT_RISK = re.compile(
    r"\b(?:bank\w*|savings|cash|card|cards|money|pension|isa|mortgage|withdraw\w*|transfers?|payees?|cheques?|"
    r"safe account|funds)\b", re.IGNORECASE)
"""Money in the story ("taking out cash for a 'friend' who rings her", "read his card number out"): a note on the
account speaks of money and card details (`post.money`). Unlike `_BANKING` (a branch closing), "account" and "app"
are no sign of money here: a phone contract has an account too."""
_TRAIN_NAMED = re.compile(
    r"\b(?:train|service|regional|cascades|acela|surfliner|bus|route|tram|coach)\s*#?\d{1,4}\b|"
    r"\b(?:the|my|our) \d{1,2}[:.]\d\d\b", re.IGNORECASE)
"""The post names the service ("train 171", "Cascades 517", "the 5:12"): never asked "which train is it?"
(`post.train_named`)."""
_MORTGAGE = re.compile(r"\b(?:mortgages?|re-?mortgag\w*|home loans?)\b", re.IGNORECASE)
"""The post is about a mortgage ("can I book a mortgage appointment"): only then is a mortgage adviser offered
(`post.mortgage`)."""
_OVERDRAFT = re.compile(r"\boverdra(?:fts?|wn)\b", re.IGNORECASE)
"""An overdraft named: only then does a line guess at an overdraft charge (`post.overdraft`)."""
_SKIMMER = re.compile(
    r"\bskimmers?\b|\b(?:something|a device|a thing|plastic)\b[^.!?]{0,30}\b(?:stuck|attached|fitted|glued|taped)\b"
    r"[^.!?]{0,20}\b(?:over|on|to|onto) the (?:card )?(?:slot|reader|keypad)\b", re.IGNORECASE)
"""A cash machine tampered with, reported ("something stuck over the card slot, could be a skimmer"): thanks, keep
away from it, the branch told; no "freeze your card" to someone who never used it (`post.skimmer`)."""
_CARD_NOT_USED = re.compile(
    r"^(?![\s\S]*\b(?:(?:got|been|was|were|being) used|used (?:in|at|for|online)|taken out|taken from|stolen|"
    r"(?:payments?|transactions?|charges?) (?:i|we) (?:didn'?t|did not|never) make)\b)", re.IGNORECASE)
"""Nothing taken yet ("didnt put my card in"): a card already used in three shops is fraud to stop, not only a
machine to check."""
_CAMERA = re.compile(
    r"\bhidden cameras?\b|\bcameras?\b[^.!?]{0,80}?\b(?:pointing|pointed|aimed|facing|not (?:in|on) the listing|"
    r"not disclosed|undisclosed|inside (?:the|a) (?:smoke (?:alarm|detector)|clock|charger))\b", re.IGNORECASE)
"""A hidden camera in a stay ("a camera in the living room that was NOT in the listing, pointing at the sofa bed"):
cover it, keep out of the room, move somewhere safe; no gas or fire advice (`post.camera`)."""
_FIRE = re.compile(r"\b(?:alarms?|smoke|smoky|smoking|fire|flames?|burning|gas|carbon monoxide)\b", re.IGNORECASE)
"""An alarm, smoke, fire or gas named: only then does a line say "if an alarm is sounding or you smell gas or smoke"
(`post.fire`)."""
_ALARM_SOUNDING = re.compile(
    r"\b(?:fire|smoke) alarms? (?:is |are |has been |have been |been |keeps? |still )?(?:going off|sounding|ringing|"
    r"blaring|beeping)\b|\balarms? (?:is |are )?still (?:going|sounding|ringing)\b", re.IGNORECASE)
"""A fire alarm sounding now ("fire alarm going off on floor 6 for 10 mins and no announcement"): leave by the
nearest exit, don't wait (`post.alarm_sounding`)."""
_DOOR = re.compile(r"\b(?:door|doors|lock|locks|latch|deadbolt|chain|key ?cards?)\b", re.IGNORECASE)
"""A door, a lock or a key named: only then does a line speak of a door that won't lock (`post.door`)."""
_CARD_STOPPED = re.compile(
    r"\b(?:i(?:['’]?ve| have)?|we(?:['’]?ve| have)?|already|just)\s+(?:just\s+|already\s+|now\s+)?"
    r"(?:frozen|froze|locked|blocked|cancell?ed|stopped)\s+(?:it|them|(?:my|the|both)(?:\s+(?:debit|credit|bank))?"
    r"\s+cards?)\b", re.IGNORECASE)
"""A card the customer has already frozen, locked or cancelled ("I've locked it in the app but another one just came
up pending"): never told to freeze it again (`post.card_stopped`)."""
_REPORTS_SENDER = re.compile(
    r"\b(?:accounts?|address(?:es)?|users?|someone|somebody|sender|person|people|site|sites|website)\s+"
    r"(?:(?:that|who)\s+(?:is|are|keeps?)\s+|is\s+|are\s+|keeps?\s+)?(?:sending|spamming|emailing|texting)\s+"
    r"(?:\w+\s+){0,2}?(?:phish\w*|scam\w*|spam|fake|fraud\w*)\b"
    r"|\breport(?:ing)?\s+(?:this\s+|the\s+|an?\s+)?(?:\S+@\S+\.\w+|e-?mail address|sender)",
    re.IGNORECASE)
"""A report of someone else sending phishing or spam ("I've identified a Yahoo account sending phish emails. How do
I report brucekennedy34@yahoo.com?"): thanked for the report and asked for the address and one of the e-mails, never
"sorry this one's worried you" or the customer's own sign-ins (`post.reports_sender`)."""
_NOT_REPORTING = re.compile(r"^(?![\s\S]*(?:" + _REPORTS_SENDER.pattern + "))", re.IGNORECASE)
"""No report of someone else's sending: a reported phisher is no message of the customer's to check
(`post.phishing` holds only without it)."""
_RECOMMEND = re.compile(r"\brecommend\w*|\btold (?:all )?(?:my|everyone)\b|\bshout(?:ing)? (?:about )?you\b",
                        re.IGNORECASE)
"""The customer recommends the brand: only then "thank you for recommending us" (`post.recommend`)."""
_AS_CREDIT = re.compile(
    r"\b(?:refund(?:ed)?|money|it)\b[^.!?]{0,30}?\b(?:came back|come back|went back|given|paid|refunded|issued|"
    r"back) (?:to me )?(?:as|in) (?:app |site |store |account |\w+ )?(?:credit|credits|a voucher|vouchers|points|"
    r"gift ?cards?)\b|\bonly (?:offered|giving|give|gave) (?:me )?(?:a )?(?:credit|voucher|vouchers)\b|"
    r"\b(?:i )?(?:don['’]?t|didn['’]?t) (?:want|ask for) (?:a |the )?(?:credit|voucher|vouchers)\b",
    re.IGNORECASE)
"""A refund paid as credit or a voucher the customer did not want: the money back to the card (`post.as_credit`)."""
_SPILLED = re.compile(
    r"\b(?:bag|box|lid|packaging|carton|container|tub|pot)s? (?:was |were |had |came |arrived )?(?:ripped|split|torn|"
    r"open|burst|crushed|squashed|soaked|leaking)\b|\b(?:spilled|spilt|spillage|leaked everywhere)\b|"
    r"\b(?:sauce|soup|drink|coffee|curry|gravy|milk)\b[^.!?]{0,15}\ball over\b",
    re.IGNORECASE)
"""An order that arrived spilled or its bag ripped: how it travelled, not how it was cooked (`post.spilled`)."""
_NOT_CONDUCT = re.compile(
    r"^(?![\s\S]*\b(?:threw|thrown|chucked|dumped|told me|laughed|shouted|swore|rude|attitude|(?:i|you) spilled|"
    r"(?:i|you) spilt)\b)", re.IGNORECASE)
"""No word of how someone behaved: a driver who threw the bag is a complaint about the driver, not a spill."""
_SIM_SWAP = re.compile(
    r"\b(?:ported|transferred|moved|swapped) my (?:phone )?number\b|\bsim ?swap\w*|\bnew sim\b[^.!?]{0,40}?"
    r"\b(?:without|didn['’]?t|never|not)\b|\bmy number\b[^.!?]{0,25}?\b(?:ported|transferred|hijacked|stolen)\b",
    re.IGNORECASE)
"""A number taken to someone else's SIM ("someone ported my number to a new SIM"): banks first, then the SIM
blocked (`post.sim_swap`)."""
_NOT_ME = re.compile(
    r"\b(?:someone|somebody|without (?:my )?(?:permission|consent|asking|knowing)|i (?:didn['’]?t|did not|never)|"
    r"not me|never asked|hack\w*|scam\w*|fraud\w*|stolen|stole)\b", re.IGNORECASE)
"""Something done by someone else, not the customer ("someone ported my number"; not "ported my number to you")."""
_NEW_BOOKING = re.compile(
    r"\b(?:can|could|how (?:do|can)|where (?:do|can)) (?:i|we) (?:book|reserve|make a (?:booking|reservation))\b|"
    r"\b(?:looking|want|wanting|would like|like) to (?:book|reserve|make a (?:booking|reservation))\b",
    re.IGNORECASE)
"""A booking still to make ("can I book a personal shopping appointment?"): never "we can look at changing it"
(`post.new_booking`)."""
_ON_ARRIVAL = re.compile(
    r"\b(?:arrived|came|delivered|turned up|showed up|out of the box|unboxed|unboxing|opened (?:it|the box|the parcel))"
    r"\b", re.IGNORECASE)
"""Something found wrong as it arrived ("box arrived with the screen smashed"): never "if you got it in the last 30
days" (`post.on_arrival`)."""


_AT_STAKE_WORDS = re.compile(
    r"\b(?:(?:lose|losing) (?:my|our|his|her|the) (?:job|house|home|flat|deposit|place|mortgage|purchase|sale)|"
    r"(?:pull|pulling|pulls) out|(?:fall|falls|falling) through|(?<!own )(?<!my )funeral|eviction|evicted|homeless|"
    r"(?:purchase|sale|move) completes|completion (?:date|day)|"
    r"(?:mortgage|job|house) offer (?:expires|will expire|runs out|ends))\b", re.IGNORECASE)
"""Something big at stake ("I'm going to lose my job", "the seller is threatening to pull out", a funeral, "my
mortgage offer expires on Monday"): no
"headache"; the lines chase it today (`post.big_stake`)."""
_ALL_OK = re.compile(
    r"\b(?:(?:he|she|they|we)(?:['’]s|['’]re| is| are| was| were) (?:fine|ok|okay|alright|all right|unhurt|safe)"
    r"(?: now)?\b(?! (?:with|about|to)\b)(?![-‐]?ish)|"
    r"(?:thankfully|luckily),? (?:he|she|they|we|nobody|no one)(?:['’]s| is| are| was| "
    r"were)? (?:fine|ok|okay|unhurt|hurt)\b|no(?:body| one) (?:was |got )?(?:hurt|injured)\b|"
    r"everyone(?:['’]s| is) (?:fine|ok|okay|safe)\b)",
    re.IGNORECASE)
"""Everyone is fine now ("He's fine but that's a choking hazard", "He's ok now after EpiPen and A&E"): no line sending
for an ambulance (`post.all_ok`; the plan drops the safety step)."""
_MOBILITY_AID = re.compile(
    r"\b(?:wheel ?chairs?|power ?chairs?|mobility scooters?)\b[^.!?]{0,80}?\b(?:snapped|broken|broke|damaged|smashed|"
    r"bent|wrecked|destroyed|cracked)\b|\b(?:snapped|broke|broken|damaged|smashed|bent|wrecked|destroyed|lost) "
    r"(?:my|our|his|her|their) (?:\w+ )?(?:wheel ?chairs?|power ?chairs?|mobility scooters?)\b", re.IGNORECASE)
"""A wheelchair or scooter damaged or lost in the brand's care ("my power wheelchair came off DL1182 with the joystick
snapped"): a loan chair and the repair, today (`post.mobility_aid`)."""
_FAILED_DEBITED = re.compile(
    r"\b(?:payment|transaction|transfer|upi|recharge)\b[^.!?]{0,50}?\b(?:failed|declined|didn[’']?t go through)\b"
    r"[^.!?]{0,40}?\b(?:debited|deducted|taken|gone|left my account|came out)\b|"
    r"\b(?:debited|deducted|taken)\b[^.!?]{0,40}?\bbut\b[^.!?]{0,30}?"
    r"\b(?:failed|not (?:activated|received|credited))\b",
    re.IGNORECASE)
"""A payment that failed but took the money ("UPI payment of ₹2,450 failed but amount debited"): the money traced back,
never "your card was declined" (`post.failed_debited`)."""
_BITTEN = re.compile(r"\b(?:bites?|bitten|itch(?:y|ing)?|rash(?:es)?|welts)\b", re.IGNORECASE)
"""Bites or a rash the post tells of ("my son is covered in bites"): a pests line may say what to do about them
(`post.bitten`)."""
_MEDICINE = re.compile(
    r"\b(?:insulin|medicines?|medication|meds|pump supplies|inhalers?|epi-?pens?|prescriptions?|tablets|pills|"
    r"oxygen|dialysis|heart pills|chemo)\b", re.IGNORECASE)
"""Medicine the post names ("her spare insulin and pump supplies are in the checked bag"): the line knows it, and
never asks "is there medicine in the bag?" (`post.medicine`)."""
_ACCOUNT_NOTE = re.compile(
    r"\b(?:put|add|place|flag|set up|stick) (?:a |an |any |some )?(?:notes?|flags?|markers?|alerts?|warnings?|limits?)"
    r"(?: or (?:notes?|flags?|limits?|blocks?))? (?:on|to|against) "
    r"(?:her|his|my|their|the|our|mum['’]?s|mom['’]?s|dad['’]?s|nan['’]?s|gran['’]?s) ?account|"
    r"(?<!set up )(?<!sorted )(?<!sorted out )(?:lasting )?power of attorney|third[- ]party (?:access|mandate)|"
    r"(?:so|stop) (?:she|he|they|mum|dad|nan) (?:can['’]?t|cannot|won['’]?t) be (?:talked|pressured|tricked|conned|"
    r"scammed)",
    re.IGNORECASE)
"""Extra care asked on someone's account ("can you put a note on her account", "can the bank put any flags or limits
on her account?", "I have lasting power of attorney",
"so she can't be talked into this again"): the note offered and set up privately (`post.account_note`)."""
_SOURCE = (r"(?:website|site|app|board|boards|screen|display|google|faq|faqs|email|e-mail|text|tracker|sign|timetable|"
           r"staff|girl|guy|lady|man|woman|agent|page|receipt|leaflet|letter|kiosk|till|menu|label|shelf|"
           r"tag|one|other|another)")
_SAID = r"\b(?:says?|said|shows?|showed|showing|told (?:me|us))\b"
_IN_SENTENCE = r"(?:[^.!?\n]|\.(?=\d))"
"""A character of the same sentence (a price's decimal point is no full stop)."""
_MIXED_INFO = re.compile(
    rf"\b{_SOURCE}\b{_IN_SENTENCE}{{0,40}}?{_SAID}{_IN_SENTENCE}{{0,80}}?"
    rf"\b{_SOURCE}\b{_IN_SENTENCE}{{0,40}}?(?:{_SAID}|\bcharged (?:me|us)\b)|"
    r"\b(?:two|2|three|3|completely|totally) different (?:dates|times|answers|prices|things|info|information)\b|"
    r"\bsays? one thing\b",
    re.IGNORECASE)
"""Two sources that disagree ("board says on time, app says cancelled", "website says 8 but google says 7", "the
website says one thing and the FAQ says another"): the lines own the mixed messages and find out which is right
(`post.mixed_info`)."""
_APP_COST = re.compile(
    r"(?:[£$€]\s?\d|\b(?:paid|pay|charged|cost me|fee)\b)[^.!?\n]{0,60}?\bbecause (?:of )?(?:your|the|ur) "
    r"(?:app|site|website)\b|"
    r"\b(?:app|site|website) (?:crashed|failed|froze|wouldn['’]?t|didn['’]?t|wasn['’]?t|broke)\b[^.!?\n]{0,60}?"
    r"(?:had to pay|charged (?:me|us)|cost (?:me|us)|[£$€]\s?\d)",
    re.IGNORECASE)
"""Money paid because the app or site failed ("€55 to get a boarding pass at the desk because YOUR app crashed"): the
cost looked at, not only the device (`post.app_cost`)."""
_PESTS = re.compile(r"\b(?:bed ?bugs?|cockroach(?:es)?|roach(?:es)?|fleas|lice|infest(?:ed|ation)|(?:mouse|mice|rat) "
                    r"droppings)\b", re.IGNORECASE)
"""Pests in a room or a property ("your OYO property has bedbugs. my son is covered in bites"): the room inspected and
treated, not a product kept "with its packaging" for a safety team (`post.pests`, with `_IN_HOTEL`: a cockroach in a
restaurant is food safety's)."""
_CANT_PHONE = re.compile(
    r"\b(?:(?:i['’]?m|i am|(?:she|he)(?:['’]s| is)|they(?:['’]re| are)|as a|my (?:mum|mom|dad|husband|wife|partner|son|"
    r"daughter|nan|gran|grandma|grandad|grandpa|grandmother|grandfather) is)(?: profoundly| completely| totally| "
    r"severely)? (?:deaf|hard of hearing|nonverbal|non-verbal)|"
    r"deaf (?:customer|person|user)|(?:relay uk|text relay|typetalk|bsl interpreter)|speech (?:impairment|disability)|"
    r"(?:can['’]?t|cannot|unable to) (?:use|hear on) (?:the|a) (?:phone|telephone))\b", re.IGNORECASE)
"""A customer who cannot use the phone (deaf, Relay UK, a speech impairment) and is met with a phone call: never
"call us"; the checks done in writing (`post.cant_phone`, with `_PHONE_HURDLE`)."""
_PHONE_HURDLE = re.compile(r"\b(?:phone|call|calls|calling|ring|rang|relay)\b", re.IGNORECASE)
"""A phone in the way ("keep insisting I phone", "told to call"): what makes the lines offer writing instead."""
SCAM_WORDS = r"links?|url|dot com|fake|scam\w*|dodgy|phish\w*|spoof\w*|7726|legit|suspicious"
"""Words that call a message a fake (a link, "scam", "forwarded to 7726"); the reading's scam-message rule reads them
too."""
_PHISH_SIGN = re.compile(
    rf"\b(?:{SCAM_WORDS}|taken down|take (?:it|them) down)\b|\b[\w-]+\.(?:com|co\.uk|net|org|info|xyz)\b",
    re.IGNORECASE)
"""A message told as a fake: a link, a spoofed sender, "scam", "forwarded to 7726" (`post.phish_report`)."""
_NOT_SWAPPED = re.compile(
    r"^(?![\s\S]*\b(?:sim (?:swap\w*|activated|has been activated)|no service|no signal|"
    r"(?:steal|stole|taken|take|port\w*) "
    r"(?:my|our) number|didn[’']?t (?:request|ask for|do that)|did not (?:request|ask for)|wasn[’']?t me)\b)",
    re.IGNORECASE)
"""No sign that what the message says really happened ("SIM activated on a new device... I didn't do that")."""
_NOT_EXPIRY_QUESTION = re.compile(
    r"^(?![\s\S]*\b(?:do|does|will|would|can|could)\b[^.!?]{0,50}?\b(?:expire|run out|lapse)\b[^.!?]*\?)",
    re.IGNORECASE)
"""No question of whether points expire ("do IHG One Rewards points expire if I only stay every 18 months?"): a rule
asked about, nothing lost (`post.points_changed` holds only without it)."""
_POST_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "sign_in": (_SIGN_IN,), "on_hold": (_ON_HOLD,), "version": (_VERSION,), "catalogue": (_CATALOGUE, _CATALOGUE_ASK),
    "phishing": (_PHISHING, _NOT_REPORTING), "phish_report": (_PHISHING, _PHISH_SIGN, _NOT_SWAPPED),
    "contaminated": (_CONTAMINATED,), "booking": (_BOOKING,),
    "medical": (_MEDICAL,),
    "missing": (_MISSING,), "food_fault": (_FOOD_FAULT,), "delivery": (_DELIVERY,),
    "marked_delivered": (_MARKED_DELIVERED,), "frozen": (_FROZEN,), "access_need": (_ACCESS_NEED,),
    "dietary": (_DIET, _MEAT), "connection": (_CONNECTION,),
    "other_account": (_OTHER_ACCOUNT,),
    "gas": (_GAS,), "stuck": (_STUCK,), "quoted_error": (_QUOTED_ERROR,), "mobile": (_MOBILE,), "cable": (_CABLE,),
    "app": (_APP,), "rebook": (_REBOOK,), "no_show": (_NO_SHOW,), "engineer": (_ENGINEER,), "in_store": (_IN_STORE,),
    "abroad": (_ABROAD,), "out_of_contract": (_OUT_OF_CONTRACT,), "overnight": (_OVERNIGHT,),
    "system_down": (_SYSTEM_DOWN,), "free": (_FREE,), "model": (_MODEL,),
    "split_seats": (_SPLIT_SEATS, _CHILD), "gate": (_GATE,), "clicked": (_CLICKED,),
    "no_booking": (_NO_BOOKING, _PAID_FOR), "facility": (_FACILITY,), "wore_out": (_WORE_OUT,),
    "money_lost": (_MONEY_LOST,), "on_the_phone": (_ON_THE_PHONE,),
    "scam_done": (_SCAM_DONE,),
    "amount": (_AMOUNT,), "order": (_ORDER,), "not_received": (_NOT_RECEIVED,), "after_cancel": (_AFTER_CANCEL,),
    "payment_failed": (_PAYMENT_FAILED, _PAYMENT_AS_CAUSE),
    "sent": (_SENT,), "damaged": (_DAMAGED,), "vulnerability": (_VULNERABILITY,),
    "electrical": (_ELECTRICAL,), "long_wait": (_LONG_WAIT,),
    "card_update": (_CARD_UPDATE,), "road": (_ROAD,),
    "care_team": (_CARE_TEAM,), "suspended": (_SUSPENDED, _NOT_SUSPENDED),
    "flew": (_FLEW,), "changed": (_CHANGED,), "left_badly": (_LEFT_BADLY,),
    "asked_again": (_ASKED_AGAIN,), "bounced": (_BOUNCED,), "charged_twice": (_CHARGED_TWICE,),
    "charged_again": (_CHARGED_TWICE, _CHARGED_AGAIN),
    "direct_debit": (_DIRECT_DEBIT,), "awaiting_reply": (_AWAITING_REPLY,),
    "at_station": (_AT_STATION,), "hurt": (_HURT,), "refused": (_REFUSED,),
    "card_given": (_CARD_GIVEN,), "fee": (FEE_NAMED, _NOT_FEE_RHETORIC), "ongoing": (_ONGOING,),
    "recurring": (_RECURRING,), "points_changed": (_POINTS_CHANGED, _NOT_EXPIRY_QUESTION),
    "queue": (_QUEUE, _NOT_RUDE, _NOT_PHONE_QUEUE), "pricing": (_PRICING, _NOT_WRONG_CHARGE), "two_step": (_TWO_STEP,),
    "unexpected_charge": (_UNEXPECTED_CHARGE,), "disputed": (_DISPUTED,),
    "refund_eligibility": (_REFUND_ELIGIBILITY,),
    "arrived_late": (_ARRIVED_LATE, _DELIVERED_GOODS), "repayment": (_REPAYMENT,), "missed_attempt": (_MISSED_ATTEMPT,),
    "credit_file": (_CREDIT_FILE,),
    "unaccompanied": (_UNACCOMPANIED, _TRAVEL_TROUBLE), "relative_stranded": (_RELATIVE_STRANDED,),
    "wrong_recipient": (_WRONG_RECIPIENT,), "dirty_room": (_DIRTY_ROOM, _STILL_STAYING),
    "occasion": (_OCCASION, _FAVOUR, _NO_SPOILT),
    "room_fault": (_ROOM_FAULT, _IN_HOTEL, _STILL_STAYING),
    "plan": (_PLAN,), "emptied": (_EMPTIED,), "ate": (_ATE,), "on_arrival": (_ON_ARRIVAL,),
    "trouble": (_TROUBLE_TOLD,), "recommend": (_RECOMMEND,), "fake_account": (_FAKE_ACCOUNT,),
    "loyalty_penalty": (_LOYALTY_PENALTY,), "gripe": (_GRIPE,), "help_coming": (_HELP_COMING,),
    "got_out": (_GOT_OUT,), "running_now": (_RUNNING_NOW,),
    "none_at_all": (_NONE_AT_ALL,), "esim_switch": (_ESIM_SWITCH,), "weapon": (_WEAPON,),
    "money": (_MONEY_AT_RISK,), "train_named": (_TRAIN_NAMED,), "mortgage": (_MORTGAGE,), "overdraft": (_OVERDRAFT,),
    "alarm_sounding": (_ALARM_SOUNDING,),
    "skimmer": (_SKIMMER, _CARD_NOT_USED), "camera": (_CAMERA,), "door": (_DOOR,), "fire": (_FIRE,),
    "branch_closing": (_BRANCH_CLOSING, _BANKING), "credit_expired": (_CREDIT_EXPIRED,),
    "area_wide": (_AREA_WIDE, _NETWORK_DOWN),
    "pay_missing": (_PAY_MISSING,), "cut_off_paid": (_CUT_OFF_PAID,), "scam_live": (_SCAM_LIVE,),
    "reports_sender": (_REPORTS_SENDER,), "shipped": (_SHIPPED,), "verify": (_VERIFY,), "accident": (_ACCIDENT,),
    "venue_wifi": (_VENUE_WIFI,), "card_stopped": (_CARD_STOPPED,), "live": (_LIVE,),
    "earlier": (_EARLIER,), "which_service": (_WHICH_SERVICE,), "machine_down": (_MACHINE_DOWN,),
    "sold_out": (_SOLD_OUT,),
    "for_long": (_FOR_LONG,), "care_alarm": (_CARE_ALARM,), "crowded": (_CROWDED,), "ran_late": (_RAN_LATE,),
    "big_stake": (_AT_STAKE_WORDS,), "all_ok": (_ALL_OK,), "mobility_aid": (_MOBILITY_AID,),
    "pests": (_PESTS, _IN_HOTEL), "failed_debited": (_FAILED_DEBITED,), "medicine": (_MEDICINE,),
    "mixed_info": (_MIXED_INFO,), "account_note": (_ACCOUNT_NOTE,), "bitten": (_BITTEN,),
    "carbon_monoxide": (_CARBON_MONOXIDE,), "app_cost": (_APP_COST,),
    "cant_phone": (_CANT_PHONE, _PHONE_HURDLE),
    "as_credit": (_AS_CREDIT,),
    "spilled": (_SPILLED, _DELIVERED_GOODS, _NOT_CONDUCT),
    "sim_swap": (_SIM_SWAP, _NOT_ME), "new_booking": (_NEW_BOOKING,),
}
"""Each ``post.*`` condition holds when every one of its patterns is found in the post."""
_REPEATED = re.compile(
    r"\b(?:[3-9](?:rd|th)|third|fourth|fifth|sixth|(?:three|four|five|six|[3-9]) times|every (?:single )?time|"
    r"yet again|again and again|time after time|\d+ (?:out of|of the last) \d+|every (?:single )?day this week)\b",
    re.IGNORECASE)
_IMPAIRED = re.compile(
    r"\b(?:wheel ?chairs?|walking (?:frame|stick)|mobility (?:scooter|aid)|disab(?:led|ility|ilities)|blind|deaf|"
    r"elderly|dementia|crutches|pensioners?|autis(?:m|tic)|carer|"
    r"(?:is|aged|age|turned|i'?m|im|he'?s|she'?s) (?:[7-9]\d|1[0-7])\b(?![:.,%]?\d| ?(?:%|min|hour|hr|day|week|month|"
    r"year|am\b|pm\b|quid|pound|p\b|mph|miles|percent|times|items|people|orders|minutes))|"
    r"(?:[7-9]\d|1[0-7]) ?(?:yo|y/o|yrs? old|years? old))\b",
    re.IGNORECASE)
"""Someone disabled, elderly or young ("my grandad is 88", "I'm 16 and was buying a phone case"): no "hassle"."""


_WOUNDED = re.compile(r"\b(?:humiliat\w*|degrading|mortified|in tears|crying|shaking|ashamed|embarrassed)\b",
                      re.IGNORECASE)
"""Words of someone humiliated or shaken ("humiliating", "I'm shaking"): no problem to call a "hassle"."""


def _grave(reading: Reading, situation: str, text: str) -> bool:
    """Whether a post is too serious for light words ("hassle", "headache").

    A strong feeling (anger, or hurt: "really upset"), the way staff treated someone, danger or urgency, a
    failure repeated for the third time, someone disabled, elderly or under 18 involved, sarcasm (anger said
    sideways: "standing for 2 hours on a first class ticket, cheers"), someone humiliated or shaken, or something
    big at stake (a job, a house sale, a funeral). Anger only the weights hear, with no mark of it, beside a laugh
    ("substituted my oat milk with... a bag of potatoes. genuinely how 🥔😂") is none.
    """
    return (reading.intensity >= 0.6 or "rude_staff" in (situation, reading.category) or bool(reading.urgency)
            or (reading.emotion in ("anger", "sadness") and (reading.intensity >= _FAINT or _WRY.search(text) is None))
            or reading.sarcasm or _REPEATED.search(text) is not None
            or _IMPAIRED.search(text) is not None or _WOUNDED.search(text) is not None
            or _AT_STAKE_WORDS.search(text) is not None)


_EMERGENCY = {"GB": "999", "UK": "999", "NI": "999", "US": "911", "CA": "911", "AU": "000", "NZ": "111"}
"""The emergency number by the region of a bank's locale; elsewhere 112, which most phone networks answer."""


_WRY = re.compile(
    r"[\U0001F602\U0001F923\U0001F605\U0001F606\U0001F639\U0001FAE0]|"
    r"^(?![\s\S]*(?:\?\?|\bwhere(?:'s| is)\b))[\s\S]*\U0001F643|"
    r"\b(?:lol|lmao|lmfao|haha\w*|hehe\w*|rofl)\b(?![\s.,]*(?:ok|okay|k|right|sure|cool|thanks|cheers|ty)\b)|"
    r"\bat this point\b|\bjust needed someone to know\b|\bnot complaining exactly\b|\bsend help\b",
    re.IGNORECASE)
"""Marks of a complaint told as a joke: a laughing, upside-down or melting face, "lol", "at this point the 08:15 is more
of a rumour"; not a shrug ("postcode checker says 'no issues' lol ok") nor an upside-down face beside a demand to know
where something is ("'out for delivery' on Tuesday. it is now Friday. where is it?? 🙃")."""


_FAINT = 0.15
"""An emotion read this faintly (no word, capital or mark of it) does not stop a joke being read as one."""


def told_as_a_joke(reading: Reading, grave: bool, text: str) -> bool:
    """Tell whether a complaint is told with a laugh and nothing about it is grave (`post.wry`).

    "fun game at Gatwick today: guess which gate MJ704 leaves from 😂": the reply may smile back before it says
    sorry; never to anger, sarcasm, urgency or anything :func:`_grave` finds.
    """
    if joke_about_a_problem(reading):
        return not grave  # a joke about a problem the reply meets as a complaint told as a joke
    # anger only the weights hear, with no word or mark of it (intensity under _FAINT), is no anger to a joke
    # ("substituted my oat milk with... a bag of potatoes. genuinely how 🥔😂")
    return (reading.intent == "complaint" and not grave and (reading.emotion != "anger" or reading.intensity < _FAINT)
            and not reading.sarcasm and not reading.urgency and _WRY.search(text) is not None)


def _post_holds(condition: str, text: str) -> bool:
    """Whether a post condition read from the text holds (every one of its patterns is found)."""
    return all(p.search(text) is not None for p in _POST_PATTERNS[condition])


def post_conditions(text: str) -> dict[str, bool]:
    """The ``post.*`` conditions read from a post's text, each once ("pricing", "hurt", "no_show", ...).

    A condition holds when every one of its patterns is found. The drafter reads them before planning (a complaint
    about a price, someone hurt, a security flaw) and hands the same values to :func:`build_context`, so no pattern
    runs twice on a draft: a pattern several conditions share (``_PHISHING``, ``_STILL_STAYING``) is searched once.
    """
    found: dict[re.Pattern[str], bool] = {}

    def holds_here(pattern: re.Pattern[str]) -> bool:
        if pattern not in found:
            found[pattern] = pattern.search(text) is not None
        return found[pattern]

    return {c: all(holds_here(p) for p in patterns) for c, patterns in _POST_PATTERNS.items()}


def locale_region(locale: str) -> str:
    """The region of a bank's locale ("en-US" -> "US"); a locale without one is the house style's, "GB"."""
    region = locale.replace("_", "-").split("-")[1].upper() if "-" in locale or "_" in locale else "GB"
    return "GB" if region == "UK" else region


_REGION_PLACES = {
    "US": r"(?-i:NYC)|New York|Brooklyn|Manhattan|(?-i:Queens)|Chicago|Los Angeles|San Francisco|Seattle|Boston|"
          r"Philadelphia|Philly|Atlanta|Denver|Dallas|Houston|Austin|Miami|Orlando|Phoenix|Las Vegas|New Jersey|"
          r"Newark|Texas|California|Florida|Ohio|Minneapolis|(?-i:JFK)|(?-i:LAX)|O'Hare|(?-i:SEPTA)|(?-i:MBTA)|"
          r"NJ ?TRANSIT|NYCT\w*|(?-i:BART)|(?-i:WMATA)|Amtrak|Greyhound|(?-i:LGA|EWR|ORD|DFW|SFO|ATL|BOS|IAD|DCA|MCO)|"
          r"(?:call|dial|calling|called|texting|texted|text) 911|Oregon|Tacoma|Spokane|SeaTac|Portland|Sacramento|"
          r"San Diego|San Jose|"
          r"Detroit|Pittsburgh|Baltimore|Nashville|Cannon Beach|(?-i:PDX|SEA|SJC|MSP|DTW|PHX|IAH|MTA)|"
          r"\d+(?:st|nd|rd|th) (?:st|street|ave|avenue)|"
          r"(?-i:[A-Z][a-z]+,? (?:NJ|NY|TX|OH|IL|MI|MN|IA|WI|KS|MO|PA|FL|AZ|NC|VA|CT|MD|TN|KY))",
    "CA": r"Toronto|Vancouver|Montreal|Montréal|Calgary|Ottawa|Winnipeg|Edmonton|(?-i:Pearson)|VIA Rail|(?-i:TTC)\w*|"
          r"GO ?Transit|OC_?Transpo|Presto card|TransLink BC|Interac",
    "AU": r"Sydney|Melbourne|Brisbane|(?-i:Perth)|Adelaide|Canberra|Hobart|Gold Coast|(?-i:NSW)|Queensland|"
          r"Opal card|myki|(?-i:VIC)|(?-i:QLD)|Transperth|TransLinkSEQ|TransportforNSW|Transport for NSW|(?-i:PTV)|"
          r"Parramatta|Cairns|Bowen Hills|Fortitude Valley|Bondi|Fremantle|Geelong|Newtown NSW|Woolies|Maccas|"
          r"Telstra\w*|Optus\w*|CommBank|Westpac|Bunnings|Officeworks|(?:call|dial|ring|calling|ringing) 000|"
          r"QueenslandRail|Queensland Rail|Caboolture|Toowoomba|Sunshine Coast|Townsville|Noosa|Darwin|Ballarat|"
          r"Bendigo|Wollongong",
    "NZ": r"Auckland|Wellington|Christchurch|Queenstown|Rotorua|AklTransport|Britomart|Metlink|KiwiRail|Dunedin",
    "ZA": r"Cape Town|Johannesburg|Joburg|Durban|Pretoria|Soweto|Stellenbosch|Sea Point|Hermanus|Metrorail(?:_\w+)?|"
          r"Khayelitsha|Bellville|Nyanga|Sandton|Gautrain|(?-i:PRASA)|MTNza|Vodacom\w*|load ?shedding",
    "IN": r"Mumbai|Delhi|Bengaluru|Bangalore|Chennai|Kolkata|Hyderabad|Pune|Gurgaon|Gurugram|Noida|Jaipur|Kochi|"
          r"Rajdhani|(?-i:PNR)|IRCTC\w*|RailMinIndia|RPF_INDIA|Shatabdi|Vande Bharat|Tatkal|(?-i:UPI)",
    "IE": r"Dublin|(?-i:Cork)|Galway|Limerick|Eircode|(?-i:DART)|Luas",
    "NI": r"Belfast|Derry|Londonderry|Newry|Lisburn|Portrush|Portstewart|Holywood|Ballymena|Coleraine|Enniskillen|"
          r"Translink(?:_NI)?|Aldergrove|Northern Ireland",
    "GB": r"London|Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Liverpool|Bristol|Cardiff|Newcastle|Sheffield|"
          r"Nottingham|Heathrow|Gatwick|Stansted|Euston|King's Cross|Kings Cross|Paddington|Waterloo|(?-i:TfL)|"
          r"(?-i:NHS)|(?:call|dial|ring|calling|ringing|rang) 999|Derby|Leicester|Coventry|Wolverhampton|Bradford|"
          r"Stockport|Oldham|Rochdale|Walsall|Slough|Southampton|Portsmouth|Plymouth|Swansea|Aberdeen|"
          r"Preston|Bolton|Blackpool|Stoke(?:-on-Trent)?|(?-i:A&E)",
}
_REGION_PATTERNS = {region: re.compile(rf"(?<!\w)(?:{places})(?!\w)", re.IGNORECASE)
                    for region, places in _REGION_PLACES.items()}
"""Places and transport networks that tell where a customer is ("stuck at JFK", "Opal card", "@NYCTSubway")."""
_REGION_SIGNS = {"IN": "₹", "GB": "£"}
"""Currency signs that tell where a customer is ("₹18,499", "£40")."""
_REGION_HANDLES = {region: re.compile(rf"@\w+?_?(?:{suffix})\b")
                   for region, suffix in {"GB": "UK|uk|UKI|GB", "NI": "NI", "NZ": "NZ|nz", "AU": "AU|Aus|AUS",
                                          "ZA": "ZA|za", "IN": "India|INDIA|_IN"}.items()}
"""A brand's national account tagged ("@coopuk", "@VodafoneUK", "@ASB_NZ"): the customer is most likely there."""


@lru_cache(maxsize=1024)
def post_region(text: str) -> str | None:
    """The one region the post's places point to ("swinging a belt on the 4 train in NYC" -> "US"), or None.

    None when no place is named or places of two regions are ("flying Heathrow to Toronto"): the bank's own region
    stands then. Cached: a draft asks it for the context and again when matching an answer's currency.
    """
    found = {region for region, sign in _REGION_SIGNS.items() if sign in text}
    found.update(region for region, pattern in _REGION_PATTERNS.items() if pattern.search(text))
    if not found:
        found.update(region for region, pattern in _REGION_HANDLES.items() if pattern.search(text))
    return found.pop() if len(found) == 1 else None


def emergency_number(locale: str, region: str | None = None) -> str:
    """The number a reply tells someone in danger to call ("en-US" -> "911").

    ``region`` is where the post says the customer is (:func:`post_region`); without one, the region of the bank's
    locale; a locale without a region is the house style's, British English: "999".
    """
    return _EMERGENCY.get(region or locale_region(locale), "112")


_POSTCODE_WORDS = {"US": "ZIP code", "IE": "Eircode"}
"""What a postal code is called where the customer is; elsewhere "postcode" (India's "PIN code" too: asked for by DM,
it reads as a PIN)."""


def postcode_word(locale: str, region: str | None = None) -> str:
    """What a reply calls a postal code for this customer ("en-US" -> "ZIP code", a post from Dublin -> "Eircode").

    ``region`` is where the post says the customer is (:func:`post_region`); without one, the bank's locale's.
    """
    return _POSTCODE_WORDS.get(region or locale_region(locale), "postcode")


_POST_CONDITIONS = tuple(_POST_PATTERNS)
"""The ``post.*`` conditions read from the post's words."""

VARIABLES: dict[str, tuple[str, ...] | None] = {
    "customer": ("name", "first_name", "handle"),
    "agent": ("name", "initials"),
    "brand": ("name", "emergency", "postcode"),
    "details": DETAILS,
    "channel": ("id", "name", "private", "public"),
    "time_of_day": None,
    "hours": ("next_open", "open"),
    "subject": ("text", "named", "head", "is", "has", "was", "it", "this"),
    "post": ("words", "detailed", "link", "praised", "grave", "wry", "elsewhere", *_POST_CONDITIONS),
    "intent": None,
    "emotion": None,
    "intensity": None,
    "sarcasm": None,
    "pii": None,
    "asks": ASKS,
    "urgency": URGENCIES,
}
"""The variables templates may use: root name -> attributes (None for a plain value)."""

OPTIONAL_VARIABLES = frozenset(
    {
        "customer.name", "customer.first_name", "customer.handle",
        "agent.name", "agent.initials",
        *(f"details.{d}" for d in DETAILS),
        "hours.next_open",
        "subject.named",
    }
)
"""Variables that may be missing, so a template must give them a fallback."""

CONDITION_PATHS: tuple[str, ...] = (
    "customer.first_name", "customer.name", "customer.handle", "agent.name",
    *(f"details.{d}" for d in DETAILS),
    "subject.named", "hours.open", "channel.public", "post.detailed", "post.link", "post.praised",
    "post.grave", "post.bereaved", "post.wry", "post.elsewhere",
    *(f"post.{c}" for c in _POST_CONDITIONS), "sarcasm", "pii",
    *(f"asks.{a}" for a in ASKS),
    *(f"urgency.{u}" for u in URGENCIES),
)
"""What a phrase's ``when`` (all must hold) and ``unless`` (none may hold) can test."""
DETAILED_WORDS = 18
"""A post of this many words (handles and links aside) has told its story: it gets a next step, not questions."""
_SINGULAR_S = frozenset({"this", "its", "his"})
"""Words ending in s that are singular, besides the nouns :mod:`carevoice.concentrate.subject` lists."""

_PLATFORMS = frozenset({
    "ps3", "ps4", "ps5", "playstation", "xbox", "switch", "pc", "mac", "macbook", "laptop", "computer",
    "desktop", "phone", "iphone", "ipad", "android", "tablet", "tv", "console", "browser", "chrome",
    "firefox", "safari", "windows", "watch",
})
"""Devices and platforms a post names as where something runs; never the subject of a software complaint."""

_SOFTWARE = re.compile(
    r"\b(?:apps?|games?|site|website|software|program|programs|application|platform|service|server|servers|online|"
    r"stream\w*|channel|browser|tv)\b",
    re.IGNORECASE,
)
"""Words naming software a device runs: with none, "my PC keeps waking up" is about the PC itself."""
_PLATFORM_CASE = {
    "pc": "PC", "ps3": "PS3", "ps4": "PS4", "ps5": "PS5", "xbox": "Xbox", "iphone": "iPhone", "ipad": "iPad",
    "tv": "TV", "mac": "Mac", "macbook": "MacBook",
}
"""How a platform is written, whatever the post's casing ("my pc" is answered "your PC")."""
_RUNS_ON_A_PLATFORM = frozenset({
    "app_bug", "service_outage", "connectivity", "account_access", "gift_card_promo", "billing_error",
    "refund_status", "feature_request", "general_question", "loyalty",
})

_MONEY_HEADS = frozenset({
    "refund", "refunds", "money", "payment", "payments", "deposit", "credit", "cash", "funds", "reimbursement",
    "compensation", "chargeback", "balance", "voucher",
})
"""What a refund's subject is: "my refund", "the money"; "Minecraft PE" is what was bought, not what is owed."""

_CHARGE_HEADS = frozenset({"charge", "charges", "bill", "bills", "fee", "fees", "overcharge", "invoice", "invoices"})
"""What a billing line's subject is: "the £40 charge", "my bill"; "your card", "the app", "the price" are not."""

_NOT_WHAT_BROKE = frozenset({
    "car", "cars", "money", "cash", "coins", "video", "videos", "channel", "channels", "crew", "journey", "progress",
    "reward", "rewards", "comment", "comments", "code", "codes", "account", "accounts", "photo", "photos",
    "picture", "pictures", "file", "files", "song", "songs", "music", "item", "items", "skin", "skins", "pack",
    "packs", "bike", "subscribers", "views", "hours", "footage", "content", "character", "characters", "house",
})
"""What software works on, not what broke: "Sorry the car has stopped working" to a prize never given."""
_SOFTWARE_SITUATIONS = frozenset({"app_bug", "service_outage"})


def time_of_day(when: datetime | None) -> str:
    """morning, afternoon, evening or night for a local time; ``day`` when unknown."""
    if when is None:
        return "day"
    h = when.hour
    return "morning" if 5 <= h < 12 else "afternoon" if h < 17 else "evening" if h < 22 else "night"


def intensity_band(intensity: float) -> str:
    """``low``, ``medium`` or ``high`` for an intensity between 0 and 1."""
    return "high" if intensity >= 0.6 else "medium" if intensity >= 0.3 else "low"


def _display_name(name: str | None) -> str | None:
    """The customer's display name, or None when it carries personal data or digits ("Ann07700900123")."""
    from carevoice.concentrate.pii import find_pii  # the draft path's (rendering and linting never need it)

    name = name.strip() if name else ""
    if not name or len(name) > 60 or "@" in name or any(ch.isdigit() for ch in name) or find_pii(name):
        return None
    return name


_NAME_JOINERS = frozenset("'\u2019-")


def _first_name(name: str | None) -> str | None:
    """The first word of the display name when it reads as a name; never a mangled e-mail or a number.

    Emoji and punctuation around the word are dropped; inside it only letters (with their marks),
    apostrophes and hyphens may appear, so "ann.smith@example.com" gives None, not "annsmithexamplecom",
    and "Ann07700900123" gives None, not the number.
    """
    words = name.split() if name else []
    if not words:
        return None
    first = words[0]
    start, end = 0, len(first)
    while start < end and not first[start].isalnum():
        start += 1
    while end > start and not first[end - 1].isalnum():
        end -= 1
    word = first[start:end]
    if not word or len(word) > 30 or not all(unicodedata.category(ch)[0] in "LM" or ch in _NAME_JOINERS for ch in word):
        return None
    from carevoice.concentrate.pii import find_pii

    at = name.index(first) + start if name else 0
    if any(m.start < at + len(word) and at < m.end for m in find_pii(name or "")):
        return None
    return word


def subject_values(text: str, *, named: bool, head: str = "", plural: bool = False) -> dict[str, Any]:
    """The ``subject`` variable: its text, whether the post named it, and the verb forms that agree with it."""
    return {"text": text, "named": text if named else None, "head": head or text, "is": "are" if plural else "is",
            "has": "have" if plural else "has", "was": "were" if plural else "was",
            "it": "they" if plural else "it", "this": "these" if plural else "this"}


def build_context(
    inbound: Inbound,
    reading: Reading,
    bank: Bank,
    profile: ChannelProfile,
    *,
    agent_name: str | None = None,
    agent_initials: str | None = None,
    local_time: datetime | None = None,
    next_open: str | None = None,
    is_open: bool = True,
    situation: str | None = None,
    conditions: Mapping[str, bool] | None = None,
) -> dict[str, Any]:
    """The variables a template may use for this post (see ``docs/writing-banks.md``).

    ``situation`` is the cell the reply is drawn from when it differs from the reading's (an
    unsure situation answered from ``general``): its default subject is used. ``conditions`` are the
    post's :func:`post_conditions` when the caller has read them already.
    """
    # the reading's whole module is imported here, not with this one: rendering and linting never need it
    # (nor the subject module, which it imports anyway)
    from carevoice.concentrate.subject import _SINGULAR_S as _NOUNS_ENDING_IN_S

    handle = inbound.handle.lstrip("@") if inbound.handle else None
    words = sum(1 for w in inbound.text.split() if not w.startswith(("@", "http")))
    region = post_region(inbound.text)  # where the customer is, when the post names it: the emergency number there
    found = conditions if conditions is not None else post_conditions(inbound.text)
    d = reading.details
    s = reading.subject
    where = situation or reading.category
    if (s is not None and s.head.lower() in _PLATFORMS and reading.category in _RUNS_ON_A_PLATFORM
            and (reading.category != "app_bug" or _SOFTWARE.search(inbound.text))):
        s = None  # "my ps4", "on PC": where the app or game runs, not what went wrong (unless nothing else is named)
    if s is not None and _CODE.search(s.reply):
        s = None  # "0x30005001", "order 58213": a code or number reads as a name, not as a thing
    if s is not None and " " not in s.reply and len(s.reply) <= 4 and not s.reply.islower():
        s = None  # "HBO", "YT", "CC": a bare short name may be another company, or the brand itself
    if s is not None and where in _SOFTWARE_SITUATIONS and s.head.lower() in _NOT_WHAT_BROKE:
        s = None  # "the car" won in a game, "my videos" to upload: the thing the software failed with, not the fault
    if s is not None and where == "refund_status" and s.head.lower() not in _MONEY_HEADS:
        s = None  # refund lines say "Sorry {subject} is taking this long": only money can take long to come back
    if s is not None and where == "billing_error" and s.head.lower().rsplit(" ", 1)[-1] not in _CHARGE_HEADS:
        s = None  # billing lines say "Sorry {subject} isn't what you expected to pay": "your card", "the app" are not
    if s is not None and where == "account_access":
        s = None  # the thing is the account: "stuck outside the password", "your followed account" misread it
    if s is not None and reading.intent == "praise" and _FORMER.search(s.reply):
        s = None  # "cant believe I put up with my old network": praise is for the brand, not the one they left
    if s is not None and _JUNK_NAME.fullmatch(s.reply):
        s = None  # "a 3fo or something": a run of digits and letters is no name for the thing
    if s is not None and any(ref and ref.lower() in s.reply.lower() for ref in (d.booking_id, d.order_id)):
        s = None  # "booking ZR4KQ8": a reference is no name for the thing ("sorry for the trouble with zr4kq8")
    if s is not None:
        reply = s.reply
        cased = _PLATFORM_CASE.get(reply.rsplit(" ", 1)[-1].lower())
        if cased is not None:
            reply = reply[: len(reply) - len(cased)] + cased  # "your pc" -> "your PC"
        subject = subject_values(reply, named=True, head=s.head, plural=s.plural)
    else:
        fallback = (bank.subjects.get(where) or bank.subjects.get("any")
                    or _DEFAULT_SUBJECT)
        last = fallback.split()[-1]
        plural = (last.endswith("s") and not last.endswith("ss") and last.lower() not in _SINGULAR_S
                  and last.lower() not in _NOUNS_ENDING_IN_S)
        subject = subject_values(fallback, named=False, plural=plural)
    return {
        "customer": {"name": _display_name(inbound.name), "first_name": _first_name(inbound.name),
                     "handle": handle},
        "agent": {"name": agent_name or bank.agent_name, "initials": agent_initials or bank.agent_initials},
        "brand": {"name": bank.display_name, "emergency": emergency_number(bank.locale, region),
                  # a traveller stuck at JFK is asked for their home postcode, not a ZIP code
                  "postcode": postcode_word(bank.locale, None if "stranded" in reading.urgency
                                            or found["abroad"] else region)},
        "details": {k: _detail(getattr(d, k, None)) if k == "date" else getattr(d, k, None) for k in DETAILS},
        "channel": {"id": profile.id, "name": profile.name, "private": profile.private, "public": profile.public},
        "time_of_day": time_of_day(local_time or inbound.time),
        "hours": {"next_open": next_open, "open": is_open},
        "subject": subject,
        "post": {"words": words, "detailed": words >= DETAILED_WORDS, "link": has_link(inbound.text),
                 "praised": reading.intent == "complaint" and turned_from_praise(reading),
                 "grave": (grave := _grave(reading, where, inbound.text)), "bereaved": reading.bereavement,
                 "wry": told_as_a_joke(reading, grave, inbound.text),
                 "elsewhere": region is not None and region != locale_region(bank.locale),
                 **found},
        "intent": reading.intent,
        "emotion": reading.emotion,
        "intensity": intensity_band(reading.intensity),
        "sarcasm": reading.sarcasm,
        "pii": bool(reading.pii),
        "asks": {a: a in reading.asks for a in ASKS},
        "urgency": {u: u in reading.urgency for u in URGENCIES},
    }


def _detail(value: Any) -> Any:
    """A date as a template can put after "on" or "since": "on Monday" -> "Monday"."""
    if isinstance(value, str) and value[:3].lower() == "on ":
        return value[3:]
    return value


def holds(context: Mapping[str, Any], path: str) -> bool:
    """Whether a condition path is true (present and truthy) in a context."""
    root, _, attr = path.partition(".")
    value = context.get(root)
    if attr:
        value = value.get(attr) if isinstance(value, Mapping) else None
    return bool(value)
