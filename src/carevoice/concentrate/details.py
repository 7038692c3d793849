"""Details worth echoing in a reply: order, booking, flight, product, place, date, time.

Dates and times are read in :mod:`.moments`.

Every detail is read conservatively (a wrong detail echoed in public is worse
than none): an identifier needs its keyword ("order #12345", "booking
reference ABC123", "flight NW 482", or a known airline code as in "BA123"),
a product must be a known product, a brand with a model number, or a common
product after "my"/"the", a place must be a known place or be followed by a
place word ("at the Oxford Street store"). Nothing that overlaps personal
data (see :mod:`carevoice.concentrate.pii`) is ever kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from typing import NamedTuple

from carevoice._models import build
from carevoice._plain import Details, PiiMatch
from carevoice.concentrate.keywords import plain_case
from carevoice.concentrate.lexicon import lexicon, raw_data
from carevoice.concentrate.moments import AGE_AFTER, WORD_TRIGGERS, Found, dates, times

__all__ = ["read_details"]

_ORDER = re.compile(
    r"(?i:\border)(?:\s+(?i:number|no\.?|num|id|ref))?(?:\s+(?i:is|was))?\s*[:#]?\s*#?"
    r"([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24})\b"
)
_BOOKING_WORDS = frozenset({"booking", "reservation", "confirmation", "conf", "reference", "ref", "pnr", "locator",
                            "case", "claim", "file", "complaint", "ticket"})
_CODE_WORDS = frozenset({"pnr", "record", "reference", "ref", "confirmation"})
_CASE_REF = re.compile(
    r"\b(?i:case|claim|file|ref|reference|booking|reservation|confirmation|conf|complaint|ticket)"
    r"(?:\s+(?i:number|no\.?|ref|reference|id))?\s*[:#]?\s*"
    r"([A-Z]{2,5}(?:/[A-Z0-9]{2,10}){1,5}|[A-Z]{2,4}-(?:[A-Z]{1,4}-)*[A-Z0-9]{3,10}(?:-[A-Z0-9]{2,10})*|(?:[0-9]{2,4}-)+[0-9]{4,10}\b(?!-)|[A-Z]{2,4}[0-9]{5,10}|"
    r"(?:(?<=[Cc]ase )|(?<=CASE )|(?<=[Rr]ef )|(?<=REF ))(?!(?:19|20)[0-9]{2}\b)[0-9]{4,10}(?![0-9,:/-]|\.[0-9]))\b"
)
"""A case, claim or file reference ("case LHR-AC-20931", "ref KN-445120", "conf SQ-4428190", "case 7731",
"Complaint no. UTB/CMP/240915/0087"): the
customer gave it, never ask again."""
_BOOKING = re.compile(
    r"\b((?i:booking|reservation|confirmation|reference|ref|pnr|record\s+locator|itinerary))"
    r"(?:\s+(?i:number|no\.?|code|id|ref|reference))?(?:\s+(?i:is|was))?\s*[:#]?\s*"
    r"([A-Z0-9]{6}|(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{5,12}|(?!(?:19|20)[0-9]{2}\b)[0-9]{7,12}(?![0-9,:/-]|\.[0-9])|"
    r"[0-9]{3,4}(?:\.[0-9]{3,4}){1,3}(?![0-9]))\b"
)
_FLIGHT_WORD = re.compile(
    r"(?i:\bflight)(?:\s+(?i:number|no\.?|num))?\s*[:#]?\s*"
    r"(?!(?i:at|to|on|in|is|of|for|and|the|was|has|had|got|via|by|are|now|tmr|due)\s)"
    r"((?i:[A-Z]{2,3}|[A-Z][0-9]|[0-9][A-Z]))\s?([0-9]{1,4})\b"
)
_FLIGHT_BARE = re.compile(
    r"(?i:\bflight)(?:\s+(?i:number|no\.?|num))?\s*[:#]?\s*([0-9]{2,4})\b"
    r"(?!\s*(?i:hours?|hrs?|h\b|mins?|minutes|am\b|pm\b|times|days|people|passengers|miles|km|quid|pounds|dollars|euros|points|[%:£$€]))"
)
"""A flight named by its number alone ("flight 1810"): kept as "flight 1810" so a reply reads "on flight 1810"."""
_FLIGHT_CODE = re.compile(r"\b([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]) ?([0-9]{2,4})\b")
_MODEL_WORDS = "pro|max|mini|air|plus|ultra|lite|se|xr|xs"
_MODEL = rf"(?:\s+(?:[0-9]{{1,4}}[A-Za-z]{{0,3}}|[A-Za-z][0-9]{{1,3}}[A-Za-z]?|(?i:{_MODEL_WORDS})))"
_NAME = r"[A-Z][A-Za-z'\u2019.-]+"
_PLACE = re.compile(
    rf"\b(?i:at|in|from|to|near)\s+(?:(?i:the|your|our)\s+)?({_NAME}(?:\s+{_NAME}){{0,2}})(?:\s+([A-Za-z]+))?"
)
_BRANCH = re.compile(rf"@\w+\s+({_NAME}(?:\s+{_NAME}){{0,2}})")
"""A handle followed by a known place: "@NonnasPizza Leeds", the branch the post is about."""
_SITE = re.compile(rf"(?<![@#\w])({_NAME}(?:\s+{_NAME}){{0,2}})\s+"
                   r"(?i:branch|store|shop|station|restaurant|outlet|location|depot)\b")
"""A name before a site noun, anywhere in the post: "Didsbury branch", "Castle Street station"."""
_WHERE_NOW = re.compile(
    rf"\b(?i:i'?m|i am|we'?re|we are|we were|i was|stuck|stranded|sat|sitting|waiting|standing|currently|still|now) "
    rf"(?i:at|in) ({_NAME}(?:\s+{_NAME}){{0,2}})"
    r"(?=\s+(?i:now|with|and|since|for|right|tonight|today|at)\b|\s*[,.!?;:]|\s*$)"
    rf"|\b(?i:at|in) @\w+\s+({_NAME}(?:\s+{_NAME}){{0,1}})\b"
)
"""A name where the customer is stuck now, known or not: "I'm at Cairnryan now with a car and 2 dogs"; or a
name after "at" and the brand's handle, known or not: "the manager at @CluckAndCo Kirkstall"."""
_WHERE_CUE = re.compile(r"\b(?:[Aa][Tt]|[Ii][Nn]) (?:@\w+\s+)?[A-Z]")
"""What every match of :data:`_WHERE_NOW` holds, looked for first: most posts have none."""
_NOT_SITE_NAMES = frozenset({
    "the", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "a", "an", "every", "each",
    "any", "which", "what", "one", "local", "nearest", "usual", "same", "other", "new", "old", "next", "last", "whole",
    "entire", "no", "i", "it", "its", "is", "was", "at", "in", "on", "from", "to", "near", "by", "and", "or", "but",
    "so", "if", "when", "why", "how", "where", "who", "hi", "hello", "hey", "please", "thanks", "thank", "dear",
})
"""First words that make "The branch", "Your store", "Hi store" no place name."""
_NOT_WHERE = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "tears",
    "shock", "bed", "work", "home", "hospital", "school", "pain", "agony", "limbo", "despair", "disbelief",
    "terminal", "gate", "platform", "station", "airport", "store", "shop", "branch", "desk", "customer", "support",
    "help", "team", "why", "what", "how", "when", "can", "could", "would", "will", "thanks", "thank", "please",
})
"""Names after "I'm in" that are no place: a day, a month, a state of mind ("I'm in Tears"), a bare place noun
("at @Heathrow Terminal 5"), a question or a word of thanks starting the next sentence."""
_TOKEN = re.compile(r"\w+")
_DEVICE = re.compile(
    r"\b(PS[345]|PS Vita|PlayStation(?: [345])?|Xbox(?: One| Series [XS]| 360)?|Nintendo Switch|Switch Lite|"
    r"iPhone(?: ?[0-9]{1,2}(?: Pro(?: Max)?| Plus| Mini)?| X[SR]?| SE)?|iPad(?: Pro| Air| Mini)?|iOS(?: ?[0-9]{1,2})?|"
    r"Android|Windows(?: ?(?:10|11|7|8|XP))?|Mac(?:OS|Book(?: Pro| Air)?)?|PC|Chromebook|Linux|Roku|Fire ?TV|"
    r"Fire Stick|Firestick|Apple TV|Chromecast|Smart TV|Samsung TV|LG TV|"
    r"Galaxy(?: [A-Z]?[0-9]{1,2}\+?)?|Pixel [0-9]{1,2}a?(?: Pro| XL)?|(?<=my )Pixel|(?<=Google )Pixel|"
    r"Chrome|Safari|Firefox|Edge)\b",
    re.IGNORECASE,
)
_ERROR = re.compile(
    r"\b(?:(?i:error)(?:\s+(?i:code))?|(?i:code))\s*[:#]?\s*([A-Z]{0,4}-?[0-9][0-9A-Z\-]{1,14}|0x[0-9A-Fa-f]{4,8})\b"
    r"|\b([A-Z]{2,4}-[0-9]{3,6}(?:-[0-9])?)\b|\b(0x[0-9A-Fa-f]{8})\b"
)
_DIGIT = re.compile(r"[0-9]")
_BARE_CODE = re.compile(r"[A-Z]{2,4}(?:-[A-Z0-9]{2,10})+")
"""A code standing alone ("DR-00000-9921", "ERR-502"): a reference the customer quotes unless they call it an error."""
_ERROR_WORD = re.compile(r"\b(?:error|errors|code|err|fault|message|says|shows|showing|popped|pops|displays)\b")


class _Vocab(NamedTuple):
    airlines: frozenset[str]
    travel_words: frozenset[str]
    known: re.Pattern[str]
    product_tokens: frozenset[str]
    branded: re.Pattern[str]
    brand_tokens: frozenset[str]
    generic: re.Pattern[str]
    generic_tokens: frozenset[str]
    product_words: frozenset[str]
    """The brand, product and generic product words together: a post with none of them names no product."""
    places: frozenset[str]
    place_nouns: frozenset[str]
    place_suffixes: frozenset[str]
    """Last words that make a run of names a place on their own ("Union Square", "Milton Keynes Central")."""
    place_tokens: frozenset[str]
    """First words of places and place nouns, lower-case: a post without any has no place."""
    triggers: frozenset[str]
    """Every word that can start a detail without a digit: a post with none and no digit has no detail."""


@cache
def _vocab() -> _Vocab:
    data = raw_data()["details"]
    airlines = frozenset(str(a) for a in data["airlines"])
    plain: list[str] = []
    needs_model: list[str] = []
    for item in data["products"]:
        words = str(item).split()
        target = needs_model if words[-1] == "#" else plain
        target.append(r"\s+".join(re.escape(w) for w in words if w != "#"))
    plain.sort(key=len, reverse=True)
    needs_model.sort(key=len, reverse=True)
    alternatives = []
    if needs_model:
        alternatives.append(rf"(?:{'|'.join(needs_model)}){_MODEL}{{1,2}}")
    if plain:
        alternatives.append(rf"(?:{'|'.join(plain)}){_MODEL}{{0,2}}")
    known = re.compile(rf"\b(?i:{'|'.join(alternatives)})\b")
    brands = "|".join(re.escape(str(b)) for b in data["product_brands"])
    model_word = r"(?:[A-Z][A-Za-z]+|[A-Za-z]*[0-9][A-Za-z0-9-]*)"
    branded = re.compile(rf"\b(?:{brands})(?:\s+{model_word}){{0,3}}\s+[A-Za-z]*[0-9][A-Za-z0-9-]*\b")
    generic_words = "|".join(re.escape(str(g)) for g in sorted(data["generic_products"], key=len, reverse=True))
    generic = re.compile(
        rf"\b(?i:my|the|our)\s+(?:(?i:new|old|brand\s+new)\s+)?(?:((?:{brands})\s+))?((?i:{generic_words}))\b"
    )
    places = frozenset(str(p) for p in data["places"])
    nouns = frozenset(str(n).lower() for n in data["place_nouns"])
    suffixes = frozenset(str(n).lower() for n in data["place_suffixes"])
    first_words = {str(item).split()[0].lower() for item in data["products"]}
    return _Vocab(
        airlines=airlines,
        travel_words=frozenset(str(w).lower() for w in data["travel_words"]),
        known=known,
        product_tokens=frozenset(first_words),
        branded=branded,
        brand_tokens=frozenset(str(b).lower() for b in data["product_brands"]),
        generic=generic,
        generic_tokens=frozenset(str(g).split()[-1].lower() for g in data["generic_products"]),
        product_words=frozenset().union(first_words, (str(b).lower() for b in data["product_brands"]),
                                        (str(g).split()[-1].lower() for g in data["generic_products"])),
        places=places,
        place_nouns=nouns,
        place_suffixes=suffixes,
        place_tokens=frozenset(p.split()[0].lower() for p in places) | nouns | suffixes,
        triggers=frozenset().union(
            _BOOKING_WORDS,
            WORD_TRIGGERS,
            first_words,
            (str(b).lower() for b in data["product_brands"]),
            (str(g).split()[-1].lower() for g in data["generic_products"]),
            (p.split()[0].lower() for p in places),
            nouns,
            suffixes,
            ("flight",),
        ),
    )


_NOW_BEFORE = re.compile(r"\b(?:it is|it['’]?s|its|now)(?: now)?\s*$", re.IGNORECASE)
"""Words that make the time after them the time of posting ("it is 2:05am and I'm sitting outside the station"),
not a time of the service or the event."""


def _service_times(text: str, low: str, words: AbstractSet[str]) -> Iterator[Found]:
    """The clock times in ``text``, but the time it is now ("it is 2:05am... the 12:50 to Laredo never came")."""
    return (f for f in times(text, low, words) if not _NOW_BEFORE.search(text, max(0, f.start - 12), f.start))


def _first(found: Iterable[Found], pii: Sequence[PiiMatch]) -> str | None:
    for item in found:
        if not pii or not any(item.start < p.end and p.start < item.end for p in pii):  # most posts have none
            return item.value
    return None


def _orders(text: str) -> Iterator[Found]:
    for m in _ORDER.finditer(text):
        value = m.group(1)
        # "order #4417", "order #9A41": four characters after a '#' are a number
        numbered = "#" in m.group(0) and len(value) >= 4
        if (len(value) >= 5 or numbered) and sum(ch.isdigit() for ch in value) >= 3:
            yield Found(value, m.start(1), m.end(1))


class _CaseRefs:
    """A post's case references (:data:`_CASE_REF`), found the first time they are asked for.

    Only a booking number (when no booking code comes first) and an error code need them: most posts
    ask for neither, and the pattern is a slow one to run over a whole post.
    """

    __slots__ = ("_found", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: tuple[re.Match[str], ...] | None = None

    def found(self) -> tuple[re.Match[str], ...]:
        """The case references of the post, in order."""
        if self._found is None:
            self._found = tuple(_CASE_REF.finditer(self._text))
        return self._found


def _bookings(text: str, refs: _CaseRefs) -> Iterator[Found]:
    for m in _BOOKING.finditer(text):
        code = m.group(2)
        if code.isdigit() and len(code) < 7:
            continue  # a short number after "booking" is as often a count or a year as a code
        if code.isalpha() and not _letter_code(m.group(1), code):
            continue
        yield Found(code, m.start(2), m.end(2))
    for m in refs.found():
        yield Found(m.group(1), m.start(1), m.end(1))


def _letter_code(keyword: str, code: str) -> bool:
    """Tell whether an all-letter code is a real reference rather than a shouted word.

    Only after words that always introduce a code ("PNR", "reference"), in a
    post that is not in capitals, and never a word the lexicon knows ("CANCEL").
    """
    if keyword.isupper() and len(keyword) > 3:
        return False  # an all-caps post: "BOOKING STATUS" is words
    return keyword.lower().split()[0] in _CODE_WORDS and code.lower() not in lexicon().known


def _flights(text: str, low: str, words: AbstractSet[str], vocab: _Vocab) -> Iterator[Found]:
    if "flight" in low:
        for m in _FLIGHT_WORD.finditer(text):
            yield Found(m.group(1).upper() + m.group(2), m.start(1), m.end(2))
        for m in _FLIGHT_BARE.finditer(text):
            yield Found("flight " + m.group(1), m.start(), m.end(1))
    # A bare code ("BA123") only counts in a post about travel: "U2 360" is a tour.
    if not vocab.travel_words.isdisjoint(words):
        for m in _FLIGHT_CODE.finditer(text):
            if m.group(1) in vocab.airlines:
                yield Found(m.group(1) + m.group(2), m.start(1), m.end(2))


_TRAILING_NUMBER = re.compile(r"\s\d{1,4}$")


def _products(text: str, words: AbstractSet[str], vocab: _Vocab) -> Iterator[Found]:
    for found in _all_products(text, words, vocab):
        cut = _TRAILING_NUMBER.search(found.value)
        if cut is not None and AGE_AFTER.match(text, found.end):  # "Minecraft 2 years ago"
            found = Found(found.value[:cut.start()], found.start, found.end - (len(found.value) - cut.start()))
        yield found


def _all_products(text: str, words: AbstractSet[str], vocab: _Vocab) -> Iterator[Found]:
    if not vocab.brand_tokens.isdisjoint(words):
        for m in vocab.branded.finditer(text):
            yield Found(" ".join(m.group().split()), m.start(), m.end())
    if not vocab.product_tokens.isdisjoint(words):
        for m in vocab.known.finditer(text):
            yield Found(" ".join(m.group().split()), m.start(), m.end())
    if not vocab.generic_tokens.isdisjoint(words):
        for m in vocab.generic.finditer(text):
            brand = m.group(1) or ""
            yield Found((brand.strip() + " " + m.group(2)).strip(), m.start(1) if brand else m.start(2), m.end(2))


def _places(text: str, words: AbstractSet[str], vocab: _Vocab) -> Iterator[Found]:
    if _WHERE_CUE.search(text):  # "stranded in Gdansk", "I'm at Cairnryan now": where they are
        for m in _WHERE_NOW.finditer(text):
            group = 1 if m.group(1) else 2
            name = m.group(group)
            if name.split()[0].lower() not in _NOT_SITE_NAMES and name.split()[0].lower() not in _NOT_WHERE:
                yield Found(name, m.start(group), m.end(group))
    if vocab.place_tokens.isdisjoint(words):
        return
    for m in _PLACE.finditer(text):  # "in Leeds", "at the Oxford Street store"
        if (name := _place_named(m, vocab, nouns=True)) and not (
                m.group(0)[:2].lower() == "to" and not _site_follows(m, name, vocab)):
            # "flight to Faro" is where they were going, not where they are: only "to the Leeds store" counts
            yield Found(name, m.start(1), m.start(1) + len(name))
    for m in _SITE.finditer(text):  # "Didsbury branch, tonight around 8": a named branch, store or station
        name = m.group(1)
        if name.split()[0].lower() not in _NOT_SITE_NAMES:
            yield Found(name, m.start(1), m.end(1))
    for m in _BRANCH.finditer(text):  # "@NonnasPizza Leeds": a known place only
        if name := _place_named(m, vocab, nouns=False):
            yield Found(name, m.start(1), m.start(1) + len(name))


def _site_follows(m: re.Match[str], name: str, vocab: _Vocab) -> bool:
    """Whether a place noun follows the name in a match ("to the Leeds store")."""
    rest = m.group(0)[m.start(1) - m.start(0) + len(name):].split()
    return bool(rest) and rest[0].lower() in vocab.place_nouns


def _place_named(m: re.Match[str], vocab: _Vocab, *, nouns: bool) -> str | None:
    """The longest run of the match's names, from its start, that is a known place.

    With ``nouns``, a run followed by a place noun counts too ("the Oxford Street store"), and so does
    a run of two or more names ending in a place word ("at Union Square").
    """
    names = m.group(1).split()
    for size in range(len(names), 0, -1):
        name = " ".join(names[:size])
        follower = (names[size] if size < len(names) else m.group(2)) if nouns else None
        if name in vocab.places or (follower is not None and follower.lower() in vocab.place_nouns) or (
                nouns and size > 1 and names[size - 1].lower() in vocab.place_suffixes):
            return name
    return None


_ACCENTED_NAME = r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2,14}(?:-[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{1,14})?"
"""A first name, accented letters and a second part allowed ("Siobhán", "Kerry-Ann"). :data:`_STAFF_NAME` and
:data:`_STAFF_GUESSED` use it; the older colleague patterns still take unaccented names only."""
_STAFF_NAME = re.compile(
    r"\b(?:[Tt]hanks?(?: so much)?(?: to)?|[Tt]hank you(?: so much)?(?: to)?|[Ss]hout ?-?out to|[Kk]udos to|"
    r"[Pp]rops to|[Cc]alled|[Nn]amed|"
    r"[Bb]ig (?:thanks|up) to|[Ss]pecial thanks to)\s+"
    rf"({_ACCENTED_NAME})\b(?!\s+[A-Z])(?!['’]s\b)"
)
_STAFF_GUESSED = re.compile(rf"\(?\b({_ACCENTED_NAME}),? I think\b")
"""A colleague's name given with a doubt ("the girl in the Galway shop (Aoife I think?) was so patient")."""
_STAFF_PRAISED = re.compile(
    r"(?<![\w@#])([A-Z][a-z]{2,14})(?:\s+(?:at|from|on|in)\s+(?:the\s+|your\s+|our\s+)?(?:(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?i:branch|store|shop|desk|counter|station|team|help ?desk|reception|restaurant|flight|train|gate|lounge)|"
    # "Priya at @wagamama_uk Cabot Circus is a gem": the place named, no word for what it is
    r"(?:@\w+\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}))?"
    r"(?:\s+and the\s+(?:[a-z]+\s+){0,2}(?:team|crew|staff|lads|girls|guys))?"
    r"\s+(?:was|is|has been|were)\s+(?:(?i:so|really|very|incredibly|absolutely|super|simply|just)\s+)?"
    r"(?i:a star|a legend|a hero|an? (?:absolute )?(?:gem|star|legend|hero|angel)|amazing|brilliant|fantastic|"
    r"wonderful|superb|outstanding|lovely|excellent|helpful|kind|great|flawless|faultless|impeccable|exceptional)\b"
)
"""A colleague named by what they did well: "Priya at the Bristol branch was a star", "Dave was so helpful", "Arjun
and the boat team were absolutely flawless"."""
_STAFF_DID = re.compile(
    r"(?:^|[.!?]\s+|@\w+\s+|\n|\b(?:and|also)\s+)((?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]{2,14})\s+"
    r"(?:(?:at|from|on|in)\s+[^.!?,]{3,60}?\s+)?"
    r"(?:spent|helped|went out of (?:his|her|their) way|sorted|fixed|stayed|found|noticed|explained|carried|rebooked|"
    r"saved|talked|walked|waited|made sure|took the time|upgraded|remembered|ran|looked after|got us|got me|"
    r"surprised|arranged|organised|organized|brought|gave us|gave me)\b"
)
"""A colleague named at the start of a sentence or clause of thanks by what they did: "Jess in the fitting rooms at
Manchester Arndale spent 20 mins helping my mum", "Ola stayed late to sort it", "and Mr Faisal ran it all the way to
gate B22", "Darnell at the front desk upgraded us"."""
_STAFF_SINGLED = re.compile(
    rf"\b(?:esp\.?|especially|particularly|notably)\s+({_ACCENTED_NAME})\b(?!\s+[A-Z])(?!['’]s\b)|"
    rf"(?<=\w),\s+({_ACCENTED_NAME}),\s+who\b|"
    rf"\b(?:badge|name ?tag|nametag|name badge)\s+(?:said|says|read|reads)\s+({_ACCENTED_NAME})\b|"
    rf"\b(?i:whoever)\s+({_ACCENTED_NAME})\s+(?:from|in|on|at)\b|"
    rf"\b(?i:lovely|kind|nice|young|the|a)\s+(?:lady|girl|lad|gent|gentleman|fella|woman|man|guy|chap)\s+"
    rf"({_ACCENTED_NAME})\b(?!['’]s\b)"
)
"""A colleague singled out by name in a post of thanks: "the crew, especially Tanisha who did the demo", "the
ambassador at Union, Priya, who found my daughter's phone", "badge said Darragh", "lovely lady Siobhan sorted it"."""
_STAFF_DID_WORDS = ("thank", "cheers", "star", "legend", "hero", "grateful", "appreciate", "raise", "deserves",
                    "credit to", "kudos", "shout", "above and beyond", "💛", "❤", "🙏", "👏", "🙌")
_STAFF_PRAISE_WORDS = ("star", "legend", "hero", "gem", "angel", "amazing", "brilliant", "fantastic", "wonderful",
                       "superb", "outstanding", "lovely", "excellent", "helpful", "kind", "great", "flawless",
                       "faultless", "impeccable", "exceptional")
_STAFF_PRAISE_SET = frozenset(_STAFF_PRAISE_WORDS)
_STAFF_SINGLED_WORDS = (*_STAFF_DID_WORDS, *_STAFF_PRAISE_WORDS, "gent", "manager", "pass it on", "shoutout",
                        "never close", "remembered", "upgraded", "surprised", "be back", "whoever")
"""Some of these (lower-cased) is in every post :data:`_STAFF_DID` and :data:`_STAFF_SINGLED` read a colleague's name
from."""
_STAFF_ROLE = re.compile(
    r"\b(?i:the|your|our|my|a|this)\s+((?i:lovely|amazing|wonderful|kind|brilliant|great|friendly|helpful|rude)\s+)?"
    r"((?i:cabin crew|flight attendants?|delivery (?:driver|guy)|customer service (?:rep|agent)|driver|crew|"
    r"pilot|captain|"
    r"barista|cashier|staff|engineer|technician|guard|conductor|steward(?:ess)?|waiter|waitress|manager|agent|rep|"
    r"receptionist|courier|host|server|team member|employee|worker|lady|guy|gentleman|housekeeper|"
    r"housekeeping(?: team)?|"
    r"cleaner|chef|porter|concierge|doorman|nurse|bartender|checkout (?:lady|guy|assistant)|shop assistant|rider))\b"
)
_HELPED_ROLES = frozenset({"lady", "guy", "gentleman"})
"""Words that name a customer as often as a colleague."""
_HELPED_BEFORE = re.compile(r"\b(?:for|with|after|helped|helping|help|assisted|carried|lifted)\s+$", re.IGNORECASE)
"""Words just before "the lady" that make her the one helped ("waited for the lady with the walker")."""
_STAFF_ROLE_NAME = re.compile(
    r"\b(?i:driver|conductor|pilot|captain|barista|cashier|manager|receptionist|courier|host|server|agent|rep|"
    r"guard|engineer|technician|tech|advisor|adviser|consultant|stylist|teller|waiter|waitress|steward|stewardess|"
    r"attendant|nurse|chef|concierge|rider)\s+"
    r"([A-Z][a-z]{2,14})\b(?!['’]s\b)"
)
"""A colleague named after their role: "driver Kofi", "our engineer Sam", "your rider Kwame" (a name, not a common
word)."""
_DEVICE_WORDS = frozenset({
    "ps", "playstation", "xbox", "nintendo", "switch", "iphone", "ipad", "ios", "android", "windows", "mac",
    "macos", "macbook", "pc", "chromebook", "linux", "roku", "fire", "firestick", "apple", "chromecast", "smart",
    "samsung", "lg", "galaxy", "pixel", "chrome", "safari", "firefox", "edge", "vita", "ps3", "ps4", "ps5",
    "imac", "xbox360", "ios13", "ios14", "tv"})
"""Words without which no device is named (a digit may also start one: "PS4")."""
_STAFF_WORDS = frozenset({
    "to", "thanks", "thank", "shoutout", "shout", "kudos", "props", "called", "named", "driver", "crew", "pilot",
    "captain", "barista", "cashier", "staff", "engineer", "technician", "guard", "conductor", "steward",
    "stewardess", "waiter", "waitress", "manager", "agent", "rep", "receptionist", "courier", "host", "server",
    "employee", "worker", "lady", "guy", "gentleman", "attendant", "attendants", "member", "housekeeper",
    "housekeeping", "cleaner", "chef", "porter", "concierge", "doorman", "nurse", "bartender", "assistant", "tech",
    "advisor", "adviser", "consultant", "stylist", "teller", "deserves", "raise", "girl", "woman", "fella",
    "bloke", "lad", "rider"})
"""Words without which no colleague is named or described."""
_STAFF_GATE = _STAFF_WORDS | _STAFF_PRAISE_SET | frozenset({
    "especially", "esp", "particularly", "notably", "badge", "tag", "nametag", "who", "mr", "mrs", "ms", "miss",
    "upgraded", "remembered", "ran", "surprised", "arranged", "organised", "organized", "brought", "sorted",
    "helped", "found", "stayed", "spent", "explained", "carried", "rebooked", "saved", "noticed", "whoever", "gave"})
"""Words without which no colleague is named: the colleague words, the praise words and those of being singled out or
of what a colleague did."""
_STAFF_NAME_WORDS = ("thank", "shout", "kudos", "props", "called", "named", "big up")
"""Some of these (lower-cased) is in every colleague's name :data:`_STAFF_NAME` finds."""
_STAFF_ROLE_WORDS = (
    "crew", "attendant", "driver", "guy", "rep", "agent", "pilot", "captain", "barista", "cashier", "staff", "engineer",
    "technician", "guard", "conductor", "steward", "waiter", "waitress", "manager", "receptionist", "courier", "host",
    "server", "team member", "employee", "worker", "lady", "gentleman", "housekeep", "cleaner", "chef", "porter",
    "concierge", "doorman", "nurse", "bartender", "assistant", "tech", "advis", "consultant", "stylist", "teller",
    "rider")
"""Some of these (lower-cased) is in every colleague's role :data:`_STAFF_ROLE` finds."""
_NOT_NAMES = frozenset({"The", "You", "Your", "All", "Everyone", "Our", "Team", "Support", "This", "That", "Them",
                        "Get", "Have", "Help", "Make", "Keep", "See", "Say", "Please", "Call", "Contact", "Use"})


_NAME_BEFORE = re.compile(r"[A-Z][\w'’]*[a-z] $")
"""A capitalised word right before: the name found is the end of a longer one ("Cabot Circus")."""


def _names(matches: Iterable[re.Match[str]]) -> Iterator[Found]:
    """The first groups of ``matches`` that took part and are a person's name: not a place, a word or a pronoun."""
    for m in matches:
        group = next(g for g in range(1, (m.re.groups or 1) + 1) if m.group(g) is not None)
        name = m.group(group)
        if name not in _NOT_NAMES and name not in _vocab().places and name.lower() not in lexicon().known:
            yield Found(name, m.start(group), m.end(group))


def _staff(text: str, low: str, plain: bool) -> Iterator[Found]:
    if any(map(low.__contains__, _STAFF_NAME_WORDS)):  # a case-sensitive pattern: true of any text
        for m in _STAFF_NAME.finditer(text):
            if m.group(1) not in _NOT_NAMES:
                yield Found(m.group(1), m.start(1), m.end(1))
    if any(map(low.__contains__, _STAFF_PRAISE_WORDS)):
        # "the staff at Nando's Cabot Circus were amazing": the last word of a place's name is no colleague
        yield from _names(m for m in _STAFF_PRAISED.finditer(text) if not _NAME_BEFORE.search(text, 0, m.start(1)))
    if any(map(low.__contains__, _STAFF_SINGLED_WORDS)):
        yield from _names(_STAFF_DID.finditer(text))
        yield from _names(_STAFF_SINGLED.finditer(text))
    if "i think" in low:
        yield from _names(_STAFF_GUESSED.finditer(text))
    if not plain or any(map(low.__contains__, _STAFF_ROLE_WORDS)):
        yield from _names(_STAFF_ROLE_NAME.finditer(text))
        for m in _STAFF_ROLE.finditer(text):
            if m.group(2).lower() in _HELPED_ROLES and _HELPED_BEFORE.search(text, 0, m.start()):
                continue  # "waited for the lady with the walker": the one helped, not the colleague
            yield Found("the " + m.group(2).lower(), m.start(2), m.end(2))


def _devices(text: str) -> Iterator[Found]:
    for m in _DEVICE.finditer(text):
        value = m.group(1)
        if value.lower() in ("pc", "edge", "chrome", "safari") and not value.isupper() and value.lower() != "chrome":
            continue  # "edge", "safari" as words; "PC" only in capitals
        if value in ("windows", "mac"):
            continue  # "toggling between windows", "mac and cheese": words, not Windows or a Mac
        yield Found(value, m.start(1), m.end(1))


def _errors(text: str, low: str, plain: bool, refs: _CaseRefs) -> Iterator[Found]:
    if plain and not ("error" in low or "code" in low or "-" in text or "0x" in text):
        return  # every form needs one of these
    for m in _ERROR.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        if any(r.start(1) < m.end(group) and m.start(group) < r.end(1) for r in refs.found()):
            continue  # "case LHR-AC-20931": a case reference (``booking_id``), not an error code
        yield Found(m.group(group), m.start(group), m.end(group))


def read_details(text: str, pii: Sequence[PiiMatch], words: AbstractSet[str] | None = None,
                 contacted: str | None = None, tried: str | None = None, forgot: str | None = None) -> Details:
    """Read the echo-safe details of a post, leaving out anything that overlaps ``pii``.

    ``words`` are the post's lower-case tokens when the caller has them (they
    let most patterns be skipped without running).
    """
    low = text.lower()
    if words is None:
        words = frozenset(_TOKEN.findall(low))
    vocab = _vocab()
    has_digit = _DIGIT.search(text) is not None
    device = _first(_devices(text), pii) if not _DEVICE_WORDS.isdisjoint(words) else None
    plain = plain_case(text)
    staff = _first(_staff(text, low, plain), pii) if not _STAFF_GATE.isdisjoint(words) else None
    if not has_digit and vocab.triggers.isdisjoint(words) and not (device or contacted or tried or forgot or staff):
        return build(Details)
    refs = _CaseRefs(text)  # a case reference is the booking's, and never an error code
    error = _first(_errors(text, low, plain, refs), pii) if has_digit else None
    booking = _first(_bookings(text, refs), pii) if not _BOOKING_WORDS.isdisjoint(words) else None
    if error and booking is None and _ERROR_WORD.search(low) is None:
        whole = _BARE_CODE.match(text, text.find(error))
        if whole is not None:  # "claim ... DR-00000-9921": a reference
            booking, error = whole.group(), None
    return build(
        Details,
        device=device,
        error=error,
        contacted=contacted,
        tried=tried,
        forgot=forgot,
        staff=staff,
        order_id=_first(_orders(text), pii) if has_digit and "order" in low else None,
        booking_id=booking,
        flight=_first(_flights(text, low, words, vocab), pii) if has_digit else None,
        product=_first(_products(text, words, vocab), pii) if not vocab.product_words.isdisjoint(words) else None,
        place=_first(_places(text, words, vocab), pii),
        date=_first(dates(text, words, has_digit), pii),
        time=_first(_service_times(text, low, words), pii) if has_digit else None,
    )
