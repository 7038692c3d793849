"""CATER structure (CV4xx): acknowledge before explaining, an apology leads somewhere, negative posts get both.

With the Drafter's stages the checks read the stage order; for a hand-written
reply (no stages) they look for acknowledgement, explanation and next-step
markers (``carevoice/data/tone.yaml``). Checks that depend on the post are
skipped when no reading of it is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from carevoice._plain import Finding
from carevoice.checks.context import CheckContext
from carevoice.checks.kinds import find_all
from carevoice.checks.rules import RULES

__all__ = ["NEXT_STEP_STAGES", "STRUCTURE_CHECKERS", "AcknowledgeFirst", "ApologyNextStep", "NegativeNeedsBoth"]

NEXT_STEP_STAGES = frozenset({"resolve", "find_out", "clarify", "move_private", "safety", "answer", "holding",
                              "handoff", "out_of_hours"})
"""Stages that give the customer a next step."""


def _complaint(ctx: CheckContext) -> bool:
    from carevoice.plan import COMPLAINTS

    return ctx.reading is not None and (ctx.reading.category in COMPLAINTS or ctx.reading.negative)


def _has_ack(ctx: CheckContext) -> bool:
    if ctx.stages is not None:
        # an apology for the wait acknowledges a follow-up; a condolence acknowledges a loss; the promise to find
        # out acknowledges a question asked with some worry ("lost my purse, any chance someone handed it in??"),
        # where "sorry this has been such a struggle" would read a struggle into a first question; a question back
        # to a post too unsure to read ("can you tell us a bit more?") acknowledges that it was heard, and guesses
        # at no problem to be sorry for
        return any(s in ("acknowledge", "condolence", "apologise", "find_out", "clarify") for s in ctx.stages)
    return bool(find_all(ctx.text, ctx.data.acknowledgement))


def _has_next_step(ctx: CheckContext, after: int = 0) -> bool:
    if ctx.stages is not None:
        return any(s in NEXT_STEP_STAGES for s in ctx.stages[after:])
    return any(m.start() >= after for m in find_all(ctx.text, ctx.data.next_step))


@dataclass(frozen=True)
class AcknowledgeFirst:
    """A reply to a complaint acknowledges the customer before it explains."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding when the explanation comes first (or alone)."""
        if not _complaint(ctx):
            return
        rule = RULES[self.code]
        if ctx.stages is not None:
            stages = list(ctx.stages)
            if "explain" in stages and ("acknowledge" not in stages
                                        or stages.index("acknowledge") > stages.index("explain")):
                yield rule.finding()
            return
        explained = find_all(ctx.text, ctx.data.explanation)
        acked = find_all(ctx.text, ctx.data.acknowledgement)
        if explained and (not acked or acked[0].start() > explained[0].start()):
            yield rule.finding(span=explained[0].span(),
                               suggestion="open by acknowledging how this affects them, then explain")


@dataclass(frozen=True)
class ApologyNextStep:
    """An apology is followed by a next step (what happens now)."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding at the last apology when nothing follows it."""
        rule = RULES[self.code]
        if ctx.stages is not None:
            if "apologise" in ctx.stages and not _has_next_step(ctx, ctx.stages.index("apologise") + 1):
                yield rule.finding(suggestion="say what you will do next")
            return
        apologies = find_all(ctx.text, ctx.data.apology)
        if apologies and not _has_next_step(ctx, apologies[-1].end()):
            yield rule.finding(span=apologies[-1].span(), suggestion="say what you will do next")


@dataclass(frozen=True)
class NegativeNeedsBoth:
    """A reply to a negative post contains an acknowledgement and a next step."""

    code: str

    def __call__(self, ctx: CheckContext) -> Iterator[Finding]:
        """One finding naming what is missing."""
        if ctx.reading is None or not ctx.reading.negative:
            return
        missing = [name for name, ok in (("an acknowledgement", _has_ack(ctx)), ("a next step", _has_next_step(ctx)))
                   if not ok]
        if missing:
            yield RULES[self.code].finding(f"a reply to a negative post needs {' and '.join(missing)}",
                                              suggestion="acknowledge how they feel and say what happens next")


STRUCTURE_CHECKERS = (AcknowledgeFirst("CV401"), ApologyNextStep("CV402"), NegativeNeedsBoth("CV403"))
"""The structure checkers, in code order."""
