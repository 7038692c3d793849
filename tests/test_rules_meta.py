"""The rule table: every registered rule has examples that flag and examples that pass.

Text rules' examples run through ``check()`` here; rules of other kinds
(bank snippets, posts, streams) are exercised by their owners' tests, so for
them this only asserts both lists are non-empty.
"""

from __future__ import annotations

import pytest

from carevoice.checks import check
from carevoice.checks.rules import CODES, EXAMPLE_CONTEXT
from carevoice.rules import Rule, all_rules

RULES = list(all_rules())
TEXT_RULES = [r for r in RULES if r.kind == "text"]


def _codes(rule: Rule, text: str) -> list[str]:
    return [f.code for f in check(text, channel=rule.channel, **EXAMPLE_CONTEXT.get(rule.code, {}))]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_flag_and_pass_examples(rule: Rule) -> None:
    assert rule.flags, f"{rule.code} {rule.name} has no examples that must flag"
    assert rule.passes, f"{rule.code} {rule.name} has no examples that must pass"


TABLE = [(r.code, text, True) for r in TEXT_RULES for text in r.flags] + [
    (r.code, text, False) for r in TEXT_RULES for text in r.passes
]


@pytest.mark.parametrize(("code", "text", "flags"), TABLE, ids=[f"{c}-{'flag' if f else 'pass'}" for c, _, f in TABLE])
def test_rule_table(code: str, text: str, flags: bool) -> None:
    rule = next(r for r in TEXT_RULES if r.code == code)
    found = _codes(rule, text)
    if flags:
        assert code in found, f"{code} should flag {text!r}; found {found}"
    else:
        assert code not in found, f"{code} should pass {text!r}; found {found}"


def test_validator_codes_are_registered_and_in_family() -> None:
    registered = {r.code for r in RULES}
    assert set(CODES) <= registered
    assert all("CV200" <= c < "CV700" for c in CODES)


def test_example_context_names_registered_rules() -> None:
    assert set(EXAMPLE_CONTEXT) <= set(CODES)


def test_a_rule_without_examples_fails_the_meta_test() -> None:
    bare = Rule("CV299", "length.example_only", "info", "no examples")
    with pytest.raises(AssertionError):
        test_every_rule_has_flag_and_pass_examples(bare)
