"""A cache of resolved banks, so the CLI does not re-parse and re-check YAML on every run.

Entries are JSON under ``$XDG_CACHE_HOME/carevoice/banks/`` (see :mod:`carevoice._cache`) and are
trusted only while every file of the bank's chain has the same size and mtime, and
the carevoice code that built them is unchanged. ``CAREVOICE_NO_CACHE=1`` turns the
cache off. Any problem reading or writing the cache falls back to a fresh load.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from carevoice._cache import cache_root, write_atomic
from carevoice.bank.resolved import Answer, Bank, Phrase, Voice
from carevoice.bank.settings import DraftingSettings, LintSettings, ToneSettings, TriageSettings, VariationSettings

__all__ = ["cache_dir", "read_cached", "write_cached"]

_FORMAT = 1


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    root = cache_root()
    return None if root is None else root / "banks"


def _code_stamp() -> str:
    here = Path(__file__).resolve().parent
    parts = [str(_FORMAT)]
    for name in ("models.py", "loader.py", "resolved.py", "settings.py", "registry.py", "_yaml.py", "cache.py"):
        st = (here / name).stat()
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _stamp(path: str) -> list[int]:
    st = Path(path).stat()
    return [st.st_size, st.st_mtime_ns]


def _entry_path(key: str) -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    return d / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".json")


def read_cached(key: str) -> Bank | None:
    """The cached bank for a lookup key, if every source file is unchanged."""
    entry = _entry_path(key)
    if entry is None:
        return None
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("code") != _code_stamp():
            return None
        if any(_stamp(f) != s for f, s in data["files"]):
            return None
        return _from_json(data["bank"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_cached(key: str, bank: Bank) -> None:
    """Store a resolved bank (atomically); errors are ignored: the cache is only a speed-up."""
    entry = _entry_path(key)
    if entry is None:
        return
    try:
        data = {"code": _code_stamp(), "files": [[f, _stamp(f)] for f in bank.files], "bank": _to_json(bank)}
    except OSError:
        return
    write_atomic(entry, json.dumps(data).encode("utf-8"))


def _to_json(bank: Bank) -> dict[str, Any]:
    return {
        "name": bank.name, "display_name": bank.display_name, "locale": bank.locale,
        "description": bank.description, "agent_name": bank.agent_name, "agent_initials": bank.agent_initials,
        "sensitive": bank.sensitive, "lineage": list(bank.lineage), "files": list(bank.files),
        "channels": list(bank.channels), "channel_limits": dict(bank.channel_limits),
        "acknowledge_minutes": dict(bank.acknowledge_minutes),
        "voice": {**asdict(bank.voice), "preferred_terms": dict(bank.voice.preferred_terms)},
        "phrases": [asdict(p) for p in bank.phrases],
        "tone": bank.tone.model_dump(), "variation": bank.variation.model_dump(),
        "triage": bank.triage.model_dump(), "lint": bank.lint.model_dump(),
        "drafting": bank.drafting.model_dump(), "sector": bank.sector, "subjects": dict(bank.subjects),
        "answers": [asdict(a) for a in bank.answers],
    }


def _from_json(d: dict[str, Any]) -> Bank:
    v = d["voice"]
    return Bank(
        name=d["name"], display_name=d["display_name"], locale=d["locale"], description=d["description"],
        agent_name=d["agent_name"], agent_initials=d["agent_initials"], sensitive=d["sensitive"],
        lineage=tuple(d["lineage"]), files=tuple(d["files"]), channels=tuple(d["channels"]),
        channel_limits=d["channel_limits"], acknowledge_minutes=d["acknowledge_minutes"],
        voice=Voice(formality=v["formality"], emoji=v["emoji"], sign_off=v["sign_off"],
                    preferred_terms=v["preferred_terms"], banned_terms=tuple(v["banned_terms"])),
        phrases=tuple(_phrase(p) for p in d["phrases"]),
        tone=ToneSettings.model_validate(d["tone"]), variation=VariationSettings.model_validate(d["variation"]),
        triage=TriageSettings.model_validate(d["triage"]), lint=LintSettings.model_validate(d["lint"]),
        drafting=DraftingSettings.model_validate(d["drafting"]), sector=d["sector"], subjects=d["subjects"],
        answers=tuple(_answer(a) for a in d["answers"]),
    )


def _phrase(p: dict[str, Any]) -> Phrase:
    fields: dict[str, Any] = {k: tuple(x) if isinstance(x, list) else x for k, x in p.items()}
    return Phrase(**fields)


def _answer(a: dict[str, Any]) -> Answer:
    return Answer(id=a["id"], questions=tuple(a["questions"]), texts=tuple(a["texts"]), situation=a["situation"],
                  link=a["link"], channels=tuple(a["channels"]), bank=a["bank"], file=a["file"], line=a["line"])
