"""The agent's name twice: a greeting with agent.name plus a sign-off with it."""

from __future__ import annotations

from pathlib import Path

from conftest import write_bank

from carevoice import Drafter, Inbound
from carevoice.bank.resolved import Phrase
from carevoice.compose import Candidate
from carevoice.lint import lint_paths
from carevoice.variation import MemoryHistory
from carevoice.variation.select import repeats_itself


def _cand(sign_off: str, *texts: str) -> Candidate:
    parts = tuple((f"s{i}", Phrase(id=f"p{i}", situation="general", stage=f"s{i}", text=t), t)
                  for i, t in enumerate(texts))
    return Candidate(parts, sign_off, frozenset({"Jess", "Parker", "ParcelPop", "Dana"}))


def test_the_self_repeat_check_sees_the_sign_off() -> None:
    assert repeats_itself(_cand("- Jess", "Hi, Jess here -", "That sounds frustrating."))
    assert repeats_itself(_cand("- Jess Parker", "Jess Parker here -", "We are on it."))
    assert not repeats_itself(_cand("- Jess", "Hi Dana -", "That sounds frustrating."))
    assert not repeats_itself(_cand("^JP", "Hi, Jess here -", "That sounds frustrating."))


BANK = """bank: signed
extends: base
display_name: Signed
agent: {name: Jess, initials: JP}
voice: {sign_off: "- {{ agent.name or 'Pip' }}"}
phrases:
  any:
    greet:
      - {id: g1, text: "Hi, {{ agent.name or 'Pip' }} here -"}
      - {id: g2, text: "Hello {{ customer.first_name or 'there' }} -"}
"""


def test_drafts_do_not_name_the_agent_twice(tmp_path: Path) -> None:
    drafter = Drafter(write_bank(tmp_path, BANK, "signed"), history=MemoryHistory(), seed=1)
    posts = ["My order 4417 still hasn't arrived", "The app keeps crashing", "I was charged twice",
             "Where is my refund?", "hello, question about delivery times"]
    drafts = [drafter.draft(Inbound(text=t, name="Dana Kim"), allow_blocked=True) for t in posts * 3]
    texts = [d.text or d.holding or "" for d in drafts]  # a post for an agent: its holding line is signed too
    assert all(t.count("Jess") == 1 for t in texts), [t for t in texts if t.count("Jess") != 1]


def test_lint_flags_a_greeting_and_a_sign_off_that_both_name_the_agent(tmp_path: Path) -> None:
    path = write_bank(tmp_path, BANK, "signed")
    found = {f.line: f.message for f in lint_paths([path]).findings if f.code == "CV713"}
    assert sorted(found) == [5, 9]  # the sign-off (base phrases that print agent.name too) and g1
    assert "inherited phrases" in found[5] and "names the agent twice" in found[9]
