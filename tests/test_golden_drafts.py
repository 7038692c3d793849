"""Golden drafts: post + seed -> expected JSON, for every shipped brand and situation.

Regenerate after an intended change with ``CAREVOICE_REGEN=1 pytest tests/test_golden_drafts.py``
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_BANKS
from golden_posts import POSTS

from carevoice import Drafter, Inbound, MemoryHistory

GOLDEN = Path(__file__).parent / "golden" / "drafts"
CASES = [(brand, situation) for brand in SHIPPED_BANKS for situation in POSTS]


def _draft(brand: str, situation: str) -> dict[str, Any]:
    post = POSTS[situation]
    drafter = Drafter(brand, history=MemoryHistory(), seed=11)
    draft = drafter.draft(Inbound(id=f"{brand}-{situation}", channel="x", **post), allow_blocked=True)
    return {"post": post, "seed": 11, "draft": draft.to_json()}


@pytest.mark.parametrize(("brand", "situation"), CASES, ids=[f"{b}/{s}" for b, s in CASES])
def test_golden_draft(brand: str, situation: str) -> None:
    path = GOLDEN / brand / f"{situation}.json"
    got = _draft(brand, situation)
    if os.environ.get("CAREVOICE_REGEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


def test_no_stale_golden_files() -> None:
    on_disk = {(p.parent.name, p.stem) for p in GOLDEN.glob("*/*.json")}
    assert on_disk == set(CASES)
