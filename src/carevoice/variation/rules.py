"""Rule codes of the variation engine (CV70x), with examples.

CV701 is raised on a draft when no candidate clears the bank's similarity
threshold: the draft names the closest earlier reply and makes the custom
slot required. Its examples are post streams (kind ``"stream"``): each example
is posts separated by newlines, drafted in order by one Drafter for
:data:`EXAMPLE_BANK` (a deliberately thin bank, so that a repeat shows within
two posts) into a fresh in-memory history; a ``flags`` stream yields CV701 on
some draft, a ``passes`` stream on none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carevoice.rules import Rule, register

if TYPE_CHECKING:
    from carevoice.bank.settings import VariationSettings
    from carevoice.draft import Finding
    from carevoice.variation.select import Selection

__all__ = ["EXAMPLE_BANK", "near_duplicate_finding"]

EXAMPLE_BANK = """\
bank: thin
display_name: Thin Co
voice: {sign_off: "^TC"}
phrases:
  any:
    greet:
      - {id: thin.any.greet.1, text: "Hi there,"}
  general:
    acknowledge:
      - {id: thin.general.acknowledge.1, text: "Thanks for getting in touch with us today."}
    resolve:
      - {id: thin.general.resolve.1, text: "Tell us a little more and we will help you out."}
  app_bug:
    acknowledge:
      - {id: thin.app_bug.acknowledge.1, text: "An app that keeps crashing is maddening."}
    apologise:
      - {id: thin.app_bug.apologise.1, text: "Sorry for the hassle."}
    resolve:
      - {id: thin.app_bug.resolve.1, text: "Which phone and app version are you on?"}
"""
"""The bank the CV70x stream examples are drafted with: one phrasing per stage."""

NEAR_DUPLICATE = register(Rule(
    "CV701", "variation.near_duplicate", "warning",
    "every candidate reads like an earlier reply; the closest one is named and a custom line is required",
    kind="stream", flags=("The app crashes every time I open it\nYour app keeps crashing on my phone",),
    passes=("The app crashes every time I open it\nhello?",),
))


def near_duplicate_finding(selection: Selection, settings: VariationSettings) -> Finding:
    """The CV701 finding for a selection that did not clear, naming the closest earlier reply."""
    closest = selection.closest
    if closest is None:
        where = "an earlier reply"
    elif closest.held:
        who = f" by {closest.agent}" if closest.agent else ""
        where = f"a reply being drafted{who} right now: {closest.text[:100]!r}"
    else:
        when = closest.time.strftime("%Y-%m-%d %H:%M")
        where = f"reply #{closest.seq} ({when}): {closest.text[:100]!r}"
    return NEAR_DUPLICATE.finding(
        f"every candidate reads like an earlier reply ({settings.scorer} {selection.score:.0f}, "
        f"threshold {settings.threshold:g}; strict {selection.strict:.0f}); closest is {where}",
        suggestion="add one line in your own words before publishing (custom slot required)",
    )
