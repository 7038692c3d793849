"""What every check sees: the reply, its channel, the brand, and the default tone data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from carevoice.bank.resolved import Bank
from carevoice.bank.settings import ToneSettings
from carevoice.checks.channels import ChannelProfile
from carevoice.errors import ConfigError
from carevoice.inbound import Reading

__all__ = ["CheckContext", "ToneData", "compile_phrases", "rule_enabled", "tone_data"]


class ToneData(BaseModel):
    """The default lists of ``carevoice/data/tone.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    blame: tuple[str, ...] = ()
    sarcasm: tuple[str, ...] = ()
    condescension: tuple[str, ...] = ()
    forbidden_promises: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    preferred: dict[str, str] = Field(default_factory=dict)
    acronyms: tuple[str, ...] = ()
    apology: tuple[str, ...] = ()
    acknowledgement: tuple[str, ...] = ()
    next_step: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    promotional: tuple[str, ...] = ()
    deflection: tuple[str, ...] = ()
    breezy: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def tone_data() -> ToneData:
    """Return the shipped default tone data (read once, then kept in the user cache)."""
    from carevoice._cache import cached_build, data_file, models_stamp

    return cached_build("tone-data", [data_file("tone.yaml"), Path(__file__)], _read_tone_data,
                        lambda value: type(value) is ToneData, stamp=models_stamp())


def _read_tone_data() -> ToneData:
    from importlib.resources import files  # only a cache miss reads the data file

    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(files("carevoice.data").joinpath("tone.yaml").read_text(encoding="utf-8"), Loader=loader)
    return ToneData.model_validate(raw)


def _phrase_pattern(phrase: str) -> str:
    if phrase.startswith("re:"):
        return phrase[3:]
    body = r"\s+".join(re.escape(w) for w in phrase.split()).replace("'", "['’]")
    head = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


@lru_cache(maxsize=256)
def compile_phrases(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compile phrase entries (plain phrases or ``re:`` expressions), case-insensitive.

    Raises :class:`ConfigError` naming the entry when an expression is invalid.
    """
    out = []
    for phrase in phrases:
        if not phrase.strip():
            continue
        try:
            out.append(re.compile(_phrase_pattern(phrase.strip()), re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"invalid expression in tone list entry {phrase!r}: {exc}") from None
    return tuple(out)


@dataclass(frozen=True)
class CheckContext:
    """One reply to check, and everything a rule may use to judge it."""

    text: str
    profile: ChannelProfile
    bank: Bank | None = None
    reading: Reading | None = None
    stages: tuple[str, ...] | None = None
    sensitive: bool = False

    @property
    def tone(self) -> ToneSettings:
        """The bank's tone settings, or the defaults."""
        return self.bank.tone if self.bank is not None else _default_tone()

    @property
    def data(self) -> ToneData:
        """The default tone data."""
        return tone_data()

    @cached_property
    def words(self) -> list[str]:
        """The words of the reply (letters, digits, apostrophes)."""
        return re.findall(r"[^\W_]+(?:['’][^\W_]+)*", self.text)

    def enabled(self, code: str, name: str) -> bool:
        """Whether the bank left this rule on (``disabled_rules``: codes, names or name prefixes)."""
        return rule_enabled(self.tone.disabled_rules, code, name)


def rule_enabled(disabled: Sequence[str], code: str, name: str) -> bool:
    """Whether a rule is on with these ``disabled_rules`` (codes, names or name prefixes)."""
    return not disabled or not any(off in (code, name) or name.startswith(off + ".") for off in disabled)


@lru_cache(maxsize=1)
def _default_tone() -> ToneSettings:
    """The tone settings of a check without a bank (made on first use: a draft has its bank's)."""
    return ToneSettings()
