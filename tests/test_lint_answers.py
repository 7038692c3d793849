"""Lint checks a bank's answers as a draft uses them: a bank that lints clean never fails at draft time."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHIPPED_BANKS, write_bank

from carevoice import Drafter, Inbound
from carevoice.bank.registry import load_bank
from carevoice.checks import check
from carevoice.checks.channels import get_channel
from carevoice.compose import answer_phrases
from carevoice.lint import lint_paths
from carevoice.lint._values import render_phrase
from carevoice.variation.history import MemoryHistory

BANK = """\
bank: acme
extends: base
display_name: Acme
answers:
  - id: fine
    questions: ["how do i reset my password", "i forgot my password"]
    answer:
      - "Tap Forgot password on the sign-in screen and we'll email you a reset link."
  - id: report
    situation: fraud_security
    questions: ["where do i forward phishing emails", "how do i report a phishing email"]
    answer:
      - "Forward it to phishing@acme.example, then delete it."
      - "Send it to {{ customer.nope }}, then delete it."
      - "We guarantee you'll never be phished again."
phrases:
  general:
    resolve:
      - {id: a.g.r.1, text: "Tell us a bit more by DM and we'll look into it.", intents: [complaint]}
"""


def test_each_broken_answer_text_is_found_at_its_line(tmp_path: Path) -> None:
    path = write_bank(tmp_path, BANK, "acme")
    found = {(f.code, f.line) for f in lint_paths([path]).findings if f.file == str(path)}
    assert ("CV601", 13) in found  # an e-mail address in a public reply
    assert ("CV113", 14) in found  # an undefined variable: the answer cannot render
    assert ("CV307", 15) in found  # a forbidden promise
    assert not any(line == 8 for _, line in found)  # the clean answer is clean


def test_a_bank_that_lints_clean_drafts_its_answers_without_errors(tmp_path: Path) -> None:
    text = BANK.replace("phishing@acme.example", "the form at the link below").replace(
        "{{ customer.nope }}", "us by {{ channel.private }}").replace(
        "We guarantee you'll never be phished again.", "Delete it without clicking any link in it.")
    path = write_bank(tmp_path, text, "acme")
    assert not [f for f in lint_paths([path]).findings if f.file == str(path) and f.severity == "error"]
    drafter = Drafter(path, history=MemoryHistory())
    draft = drafter.draft(Inbound(text="where do i forward phishing emails?"))
    assert draft.answer == "report" and not [f for f in draft.findings if f.severity == "error"]


@pytest.mark.parametrize("bank", SHIPPED_BANKS)
def test_every_shipped_answer_renders_and_passes_the_draft_checks_on_x(bank: str) -> None:
    resolved = load_bank(bank)
    agent = (resolved.agent_name, resolved.agent_initials)
    for answer in resolved.answers:
        for phrase in answer_phrases(answer, answer.situation or "general_question"):
            rendered = render_phrase(phrase.text, get_channel("x"), resolved.display_name, agent, phrase.when)
            assert rendered.code is None and rendered.worst, (phrase.id, rendered.message)
            errors = [f for f in check(rendered.worst, channel="x", bank=resolved) if f.severity == "error"]
            assert not errors, (phrase.id, errors)
