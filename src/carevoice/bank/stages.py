"""The stages of a reply, in order (without the bank file models, which drafting from a cached bank never needs)."""

from __future__ import annotations

from typing import Literal

__all__ = ["OPTIONAL_STAGES", "STAGES", "STAGE_ORDER", "Stage"]

Stage = Literal[
    "greet",
    "condolence",
    "acknowledge",
    "thank",
    "apologise",
    "explain",
    "privacy",
    "safety",
    "answer",
    "resolve",
    "find_out",
    "clarify",
    "move_private",
    "private_opener",
    "boundary",
    "holding",
    "handoff",
    "out_of_hours",
]
STAGES: tuple[str, ...] = Stage.__args__  # type: ignore[attr-defined]
STAGE_ORDER = {s: i for i, s in enumerate(STAGES)}
OPTIONAL_STAGES = ("greet", "explain")
"""Stages a reply can drop when it is too long for its channel."""
