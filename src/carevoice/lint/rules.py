"""Rule codes of the bank linter: repetition inside a bank (CV71x) and coverage, length, suppressions (CV9xx).

Examples are bank YAML snippets (kind ``"bank"``): ``carevoice lint`` must report
the code for every ``flags`` snippet and must not for any ``passes`` snippet.
Snippets set small ``lint:`` thresholds so they stay short.
"""

from __future__ import annotations

from carevoice.rules import Rule, register

__all__: list[str] = []

_HEAD = "bank: t\ndisplay_name: T\nchannels: [x]\nlint: {min_variants: 1}\n"


def _bank(body: str, head: str = _HEAD) -> str:
    return head + "phrases:\n" + body


def _stage(stage: str, prefix: str, *texts: str) -> str:
    items = "".join(f"      - id: {prefix}{i}\n        text: {t!r}\n" for i, t in enumerate(texts, 1))
    return f"    {stage}:\n{items}"


def _cell(*texts: str, stage: str = "resolve", prefix: str = "r") -> str:
    return "  app_bug:\n" + _stage(stage, prefix, *texts)


_NAMED_GREETING = "  any:\n" + _stage("greet", "g", "Hi, {{ agent.name or 'Sam' }} here -") + _cell("Which version?")
_LONG = "We are looking into this right now and will update you here as soon as we know more about it. " * 3

for _rule in (
    Rule("CV711", "lint.near_duplicate", "warning",
         "two phrases of one stage read almost the same (rapidfuzz token_set_ratio at or over the threshold)",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?", "Which app version are you on right now?")),),
         passes=(_bank(_cell("Which app version are you on?", "Could you send a screenshot of the error?")),)),
    Rule("CV712", "lint.identical_across_stages", "warning", "the same phrase appears in two different stages",
         kind="bank",
         flags=(_bank(_cell("We are on it.") + _stage("explain", "e", "We are on it.")),),
         passes=(_bank(_cell("We are on it.") + _stage("explain", "e", "Engineers are tracing it.")),)),
    Rule("CV713", "lint.agent_named_twice", "warning",
         "a public phrase prints the agent's name (or initials) and so does the sign-off: the reply names them twice",
         kind="bank",
         flags=(_bank(_NAMED_GREETING, head=_HEAD + "voice: {sign_off: \"- {{ agent.name or 'Sam' }}\"}\n"),),
         passes=(_bank(_NAMED_GREETING, head=_HEAD + "voice: {sign_off: \"^{{ agent.initials or 'SR' }}\"}\n"),
                 _bank("  any:\n" + _stage("greet", "g", "Hi there -") + _cell("Which app version?"),
                       head=_HEAD + "voice: {sign_off: \"- {{ agent.name or 'Sam' }}\"}\n"))),
    Rule("CV714", "lint.tone_for_cell", "warning",
         "a playful, cheery or breezy phrase in a cell that reaches upset customers (an apology, a complaint's "
         "acknowledgement, a safety line...)", kind="bank",
         flags=(_bank(_cell("Oops, that's a bug! Which version?")),
                _bank(_cell("Consider it on our radar.", stage="apologise").replace(
                    "text: 'Consider it on our radar.'",
                    "text: 'Consider it on our radar.'\n        tags: [playful]")),),
         passes=(_bank(_cell("Which app version are you on?")),
                 _bank("  praise:\n" + _stage("thank", "t", "Thank you so much!"))),),
    Rule("CV715", "lint.subject_agreement", "warning",
         "a fixed verb after the subject ('{{ subject.text }} isn't'): a plural subject ('the servers') reads "
         "wrong; use {{ subject.is }}, {{ subject.has }} or {{ subject.was }}", kind="bank",
         flags=(_bank(_cell("Sorry {{ subject.text }} isn't working for you.", stage="acknowledge")),
                _bank(_cell("Glad {{ subject.text }} was sorted in the end.", stage="acknowledge")),),
         passes=(_bank(_cell("Sorry {{ subject.text }} {{ subject.is }}n't working for you.", stage="acknowledge")),
                 _bank(_cell("Being locked out of {{ subject.text }} is stressful.", stage="acknowledge")),)),
    Rule("CV901", "lint.length_never_fits", "error",
         "a phrase is too long for a channel it may be used on even alone, in the worst case",
         kind="bank", flags=(_bank(_cell(_LONG)),), passes=(_bank(_cell("Which app version are you on?")),)),
    Rule("CV902", "lint.length_worst_case", "warning",
         "with worst-case values and its longest partners a phrase does not fit; the Drafter would drop or swap it",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?", _LONG[:200]) + _stage("acknowledge", "a", _LONG[:100])),),
         passes=(_bank(_cell("Which app version are you on?") + _stage("acknowledge", "a",
             "An app that crashes is maddening.")),)),
    Rule("CV903", "lint.length_drops_optional", "info",
         "a phrase fits its channel in the worst case only once the Drafter drops optional stages (greet, explain)",
         kind="bank",
         flags=(_bank("  any:\n" + _stage("greet", "g", _LONG[:160]) + _cell("Which app version are you on?",
                                                                              _LONG[:130])),),
         passes=(_bank("  any:\n" + _stage("greet", "g", "Hi there,") + _cell("Which app version are you on?")),)),
    Rule("CV904", "lint.no_reply_fits", "warning",
         "no reply for a situation fits a channel in the worst case, not even the shortest one",
         kind="bank",
         flags=(_bank(_cell(_LONG[:140]) + _stage("acknowledge", "a", _LONG[:150])),),
         passes=(_bank(_cell("Which app version are you on?") + _stage(
             "acknowledge", "a", "An app that crashes is maddening.")),)),
    Rule("CV910", "lint.missing_stage", "error",
         "a situation the bank serves has no phrase for a required stage on one of its channels",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?", stage="acknowledge")),),
         passes=(_bank("  any:\n" + _stage("acknowledge", "a", "Thanks for telling us.")
                       + _stage("apologise", "s", "Sorry about this.") + _stage("resolve", "r", "We are on it.")
                       + _stage("move_private", "m", "Send us a {{ channel.private }} and we will check.")),)),
    Rule("CV911", "lint.few_variants", "warning",
         "a stage has fewer phrases than the configured minimum (lint.min_variants, default 8)",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?"), _HEAD.replace("min_variants: 1", "min_variants: 2")),),
         passes=(_bank(_cell("Which app version are you on?", "Could you send a screenshot?"),
                       _HEAD.replace("min_variants: 1", "min_variants: 2")),)),
    Rule("CV912", "lint.low_variety", "warning",
         "simulated drafting produces a near-duplicate reply before the configured minimum variety",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?"), _HEAD + "variation: {min_variety: 50}\n"),),
         passes=(_bank(_cell("Which app version are you on?")),)),
    Rule("CV920", "lint.unused_suppression", "warning",
         "a '# carevoice: noqa' comment suppresses nothing",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?  # carevoice: noqa CV711")),
                _HEAD + "# carevoice: noqa-file CV301\n" + "phrases:\n" + _cell("Which app version are you on?")),
         passes=(_bank(_cell("Which app version are you on?", "Which app version are you on now?")).replace(
             "on now?'\n", "on now?'  # carevoice: noqa CV711\n"),)),
    Rule("CV921", "lint.unknown_suppression", "warning",
         "a '# carevoice: noqa' comment names a code that no rule has",
         kind="bank",
         flags=(_bank(_cell("Which app version are you on?")) + "# carevoice: noqa-file CV999\n",),
         passes=(_bank(_cell("Which app version are you on?", "Which app version are you on now?")).replace(
             "on now?'\n", "on now?'  # carevoice: noqa CV711\n"),)),
):
    register(_rule)
