"""The labelled reading corpus: real posts (labels only, texts from ../shared/data) and written cases.

``load()`` returns :class:`Case` values with their text, labels and split.
The split is fixed by a hash of the id: about 40% of each source is held out
(``heldout``) and never used to tune the reading; the rest is ``tune``. Real
posts are read from ``../shared/data/ibm_twitter_cdp`` when it is present and
are left out otherwise (a fresh clone has only the written cases).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data" / "ibm_twitter_cdp"
SECTORS = {
    "Ask_WellsFargo": "bank", "ChaseSupport": "bank", "Delta": "airline", "SouthwestAir": "airline",
    "TMobileHelp": "telecom", "Ask_Spectrum": "telecom", "AmazonHelp": "retail", "AskeBay": "retail",
    "Uber_Support": "rail_transport",
}
"""Sectors of the real brands that are not software, apps, games or electronics (those are ``tech``)."""
LABEL_FIELDS = ("intent", "intent2", "situation", "subject", "emotion", "intensity", "sarcasm", "urgency",
                "language")


@dataclass(frozen=True)
class Case:
    """One labelled post."""

    id: str
    text: str
    source: str
    """``ibm`` (a real first post) or ``written``."""
    brand: str
    sector: str
    intent: str
    intent2: str | None
    situation: str
    subject: str | None
    emotion: str
    intensity: str
    sarcasm: bool
    urgency: tuple[str, ...]
    language: str

    @property
    def split(self) -> str:
        """``heldout`` (never tuned on) or ``tune``."""
        return split_of(self.id)


def split_of(case_id: str) -> str:
    """The fixed split of an id: 40% ``heldout``, 60% ``tune``."""
    return "heldout" if int(hashlib.sha1(case_id.encode()).hexdigest(), 16) % 5 < 2 else "tune"


def ibm_texts() -> dict[str, tuple[str, str]]:
    """Tweet id -> (first customer post without leading mentions, company), from the shared data."""
    out: dict[str, tuple[str, str]] = {}
    for name in ("dev.json", "test.json"):
        path = SHARED / name
        if not path.is_file():
            return {}
        for conv in json.loads(path.read_text(encoding="utf-8")):
            for turn in conv["dialogContent"]:
                if "client" in turn:
                    text = re.sub(r"^(@\w+\s*)+", "", turn["message"]).strip()
                    if text:
                        out[turn["tweet_ID"]] = (text, conv["dialogHeader"]["company"])
                    break
    return out


def _case(row: dict[str, object], text: str, source: str, brand: str, sector: str) -> Case:
    urgency = row.get("urgency") or []
    assert isinstance(urgency, list)
    return Case(id=str(row["id"]), text=text, source=source, brand=brand, sector=sector,
                intent=str(row["intent"]), intent2=row.get("intent2") or None,  # type: ignore[arg-type]
                situation=str(row["situation"]), subject=row.get("subject") or None,  # type: ignore[arg-type]
                emotion=str(row["emotion"]), intensity=str(row["intensity"]), sarcasm=bool(row.get("sarcasm")),
                urgency=tuple(str(u) for u in urgency), language=str(row["language"]))


def load(sources: tuple[str, ...] = ("ibm", "written")) -> list[Case]:
    """Every labelled case whose text is available, in file order."""
    cases: list[Case] = []
    if "ibm" in sources:
        texts = ibm_texts()
        for line in (HERE / "ibm_labels.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["id"] in texts:
                    text, company = texts[row["id"]]
                    cases.append(_case(row, text, "ibm", company, SECTORS.get(company, "tech")))
    if "written" in sources:
        for line in (HERE / "written.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                cases.append(_case(row, str(row["text"]), "written", str(row["brand"]), str(row["sector"])))
    return cases
