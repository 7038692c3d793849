"""Helpers the reading-and-replies round tests share: read a post, draft it with several seeds."""

from __future__ import annotations

from carevoice import Drafter, Inbound
from carevoice.bank.resolved import Phrase
from carevoice.concentrate import concentrate
from carevoice.draft import Draft
from carevoice.inbound import Reading
from carevoice.variation.history import MemoryHistory


def read(text: str) -> Reading:
    """The reading of a post on X."""
    return concentrate(Inbound(text=text, channel="x"))


def drafts(bank: str, text: str, seeds: range = range(1, 7)) -> list[Draft]:
    """Drafts of a post on X with a bank, one per seed, each with a fresh history (blocked drafts kept)."""
    return [Drafter(bank, history=MemoryHistory(), seed=s).draft(Inbound(text=text, channel="x"), allow_blocked=True)
            for s in seeds]


def part(stage: str, text: str) -> tuple[str, Phrase, str]:
    """One rendered part of a reply, as compose holds it: its stage, a phrase of that stage, its text."""
    return (stage, Phrase(id=f"t.{stage}", situation="general", stage=stage, text=text), text)
