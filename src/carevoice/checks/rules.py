"""The validators' rule codes (CV2xx-CV6xx), each with examples that must flag and must pass.

Examples are reply texts run through :func:`carevoice.checks.check` on the
rule's channel; :data:`EXAMPLE_CONTEXT` gives the extra arguments a rule
needs to apply at all (a reading of the post, sensitive mode).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from carevoice._models import build
from carevoice.rules import Rule, register

__all__ = ["CODES", "EXAMPLE_CONTEXT", "RULES"]


def _example_context() -> dict[str, dict[str, Any]]:
    from carevoice.inbound import PiiMatch, Reading  # the models, whatever the mode: examples are the library's

    complaint = build(Reading, category="late_delivery", confidence=0.9, emotion="frustration", negative=True)
    return {
        "CV311": {"reading": complaint},
        "CV401": {"reading": complaint},
        "CV403": {"reading": complaint},
        "CV602": {"reading": build(Reading, category="billing_error", negative=True,
                                   pii=(build(PiiMatch, kind="account", start=8, end=16, text="12345678"),))},
        "CV603": {"sensitive": True},
    }


if TYPE_CHECKING:
    EXAMPLE_CONTEXT: dict[str, dict[str, Any]]
    """Keyword arguments for ``check()`` under which a rule's examples are judged."""


def __getattr__(name: str) -> Any:
    if name == "EXAMPLE_CONTEXT":  # made on first use: the models import pydantic, which a draft never needs
        globals()[name] = value = _example_context()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_RULES = (
    Rule("CV201", "length.channel", "error", "the reply is too long for its channel",
         flags=(" ".join(["word"] * 60), "😷" * 141, "@ann " + "x" * 281),
         passes=("Thanks for waiting, we're on it.", "😷" * 140, "@ann @bob " + "x" * 280)),
    Rule("CV202", "length.sms_unicode", "info", "a character outside GSM-7 makes the SMS UCS-2 (70 a segment)",
         channel="sms", flags=("It’s on its way, see you soon.", "Thanks 🙂"),
         passes=("It's on its way, see you soon.", "Cost: €5 {refunded}")),
    Rule("CV301", "tone.blame", "error", "the reply blames the customer or sounds defensive",
         flags=("As I already said, the parcel left on Monday.", "You should have checked the tracking page.",
                "Per our policy you must call us."),
         passes=("The parcel left on Monday; I'll chase it now.", "You should see it by Friday.")),
    Rule("CV302", "tone.sarcasm", "error", "the reply reads as sarcastic or angry",
         flags=("Calm down, we're looking into it.", "Good luck with that.", "Oh great, another one. /s"),
         passes=("We're looking into it now.", "Great news: it's on its way.")),
    Rule("CV303", "tone.condescension", "warning", "the reply talks down to the customer",
         flags=("Obviously the parcel needs a signature.", "It's easy: simply read the FAQ.",
                "It's simple, just log in again."),
         passes=("The parcel needs a signature, so I'll rebook the delivery.", "That happens, and it's easy to sort.",
                 "It's easy to miss that setting.")),
    Rule("CV304", "tone.shouting", "warning", "an all-caps word reads as shouting",
         flags=("We are REALLY sorry about this.", "Please DO NOT share your card NUMBER here."),
         passes=("DM us; our UK team can reset your PIN.", "Your GDPR request is with us ASAP.",
                 "HMRC letters can take a week.", "Visit https://EXAMPLE.COM/HELP for the steps.")),
    Rule("CV305", "tone.exclamations", "warning", "too many exclamation marks",
         flags=("Thanks so much! We love this! See you soon!", "Wow!!"),
         passes=("Thanks so much! See you soon.", "No exclamation here.")),
    Rule("CV306", "tone.apologies", "warning", "more than one apology in a reply",
         flags=("Sorry about this. We apologise for the delay.",),
         passes=("Sorry about the delay; I'll chase it now.",)),
    Rule("CV307", "tone.promise", "error", "a promise the brand forbids",
         flags=("We guarantee it will arrive tomorrow.", "This will never happen again.", "I promise it's fixed.",
                "I'm 100% sure it's sorted."),
         passes=("I'll chase the courier and update you by 5pm.", "Does it use 100% CPU while exporting?")),
    Rule("CV308", "tone.preferred_term", "info", "a discouraged term has a preferred alternative",
         flags=("We will utilise the refund form.", "Please revert back to us."),
         passes=("We will use the refund form.",)),
    Rule("CV309", "tone.banned_term", "error", "a term the brand never uses",
         flags=("We're sorry for any inconvenience.", "Thanks for being a valued customer."),
         passes=("Sorry for the trouble this caused.",)),
    Rule("CV310", "tone.deflection", "warning", "the reply points the customer elsewhere instead of helping",
         flags=("Our help centre might have a quick answer.", "Let us know which country you're in.",
                "Our contact page lists other ways to reach a person."),
         passes=("Which order is it? DM us the number and we'll chase it today.",)),
    Rule("CV311", "tone.breezy", "warning", "a breezy or cheery opener on an upset customer's post",
         flags=("Hey hey, sorry your parcel is late. DM us the order number.", "Oops! DM us and we'll check."),
         passes=("Sorry your parcel is late. DM us the order number and we'll chase it.",)),
    Rule("CV401", "structure.acknowledge_first", "warning", "the reply explains before it acknowledges",
         flags=("Due to a system fault your parcel was delayed. I understand how frustrating that is.",),
         passes=("I understand how frustrating that is. Due to a system fault your parcel was delayed.",)),
    Rule("CV402", "structure.apology_next_step", "warning", "an apology with no next step after it",
         flags=("We're really sorry about the delay.",),
         passes=("We're really sorry about the delay. I'll chase the courier now.", "Thanks for the kind words.")),
    Rule("CV403", "structure.negative_needs_both", "warning",
         "a reply to a negative post lacks an acknowledgement or a next step",
         flags=("Thanks for your message.", "That's so frustrating."),
         passes=("That's so frustrating. I'll look into it now.",)),
    Rule("CV501", "readability.grade", "warning", "the reply reads above the brand's grade target",
         flags=("Notwithstanding considerable organisational complications, our investigative department "
                "anticipates comprehensive resolution regarding your consignment imminently.",),
         passes=("Sorry your parcel is late. I will check with the courier and get back to you today.",
                 "Unfortunately, considerable organisational complications.")),
    Rule("CV601", "privacy.personal_data", "error", "personal data in a public reply",
         flags=("Is your card 4111 1111 1111 1111? We'll check.", "We've updated jane.doe@example.com for you."),
         passes=("Please DM us your order number and we'll check.",
                 "See https://web.archive.org/web/20200401204021/https://example.com/help for the steps.")),
    Rule("CV602", "privacy.echo", "error", "the reply repeats personal data the customer posted",
         flags=("Thanks, we found 12345678 on our system.", "Thanks, we found 1234-5678."),
         passes=("Thanks, we found your account; let's continue in DM.",)),
    Rule("CV603", "sensitive.promotional", "error", "promotional content during a sensitive period",
         flags=("Use code SAVE20 for 20% off your next order.", "Free shipping on everything this week."),
         passes=("Our thoughts are with everyone affected; we're here if you need us.",)),
)

RULES: dict[str, Rule] = {r.code: register(r) for r in _RULES}
"""The validators' rules by code (checks use these directly, without loading other families)."""

CODES: tuple[str, ...] = tuple(RULES)
"""The codes this module registers, in order."""
