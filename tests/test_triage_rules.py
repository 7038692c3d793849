"""The CV8xx rule table: each triage rule's flag examples flag it, its pass examples do not."""

from __future__ import annotations

import pytest

from carevoice.bank.settings import TriageSettings
from carevoice.rules import all_rules
from carevoice.triage import Triage
from carevoice.triage.rules import EXAMPLE_SETTINGS, parse_example

TRIAGE_RULES = [r for r in all_rules() if r.code.startswith("CV8")]
TABLE = [(r.code, ex, True) for r in TRIAGE_RULES for ex in r.flags] + [
    (r.code, ex, False) for r in TRIAGE_RULES for ex in r.passes]


def test_triage_rules_are_registered_in_their_family() -> None:
    assert {r.code for r in TRIAGE_RULES} == {"CV801", "CV802", "CV803", "CV804"}
    assert all(r.kind in ("stream", "draft") and r.name.startswith("triage.") for r in TRIAGE_RULES)
    assert all(len(parse_example(ex)) == 1 for r in TRIAGE_RULES if r.kind == "draft" for ex in (*r.flags, *r.passes))


@pytest.mark.parametrize(("code", "example", "flags"), TABLE,
                         ids=[f"{c}-{'flags' if f else 'passes'}-{i}" for i, (c, _, f) in enumerate(TABLE)])
def test_rule_examples(code: str, example: str, flags: bool) -> None:
    triage = Triage(settings=TriageSettings.model_validate(EXAMPLE_SETTINGS))
    codes = {f.code for p in parse_example(example) for f in triage.add(p).findings}
    assert (code in codes) is flags, codes
