"""What every check sees: the reply, its channel, the brand, and the default tone data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carevoice._plain import PLAIN, restored_class
from carevoice.errors import ConfigError

if TYPE_CHECKING:
    from carevoice.bank.resolved import Bank
    from carevoice.bank.settings import ToneSettings
    from carevoice.checks._data_models import ChannelProfile, ToneData
    from carevoice.inbound import Reading

__all__ = ["CheckContext", "ToneData", "compile_phrases", "rule_enabled", "tone_data"]

_TONE_DATA = "carevoice.checks._data_models:ToneData"


def __getattr__(name: str) -> Any:
    if name == "ToneData":  # the model imports pydantic: only when asked for
        from carevoice.checks._data_models import ToneData

        return ToneData
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def tone_data() -> ToneData:
    """Return the shipped default tone data (read once, then kept in the user cache)."""
    return _tone_data(PLAIN[0])


@lru_cache(maxsize=2)
def _tone_data(plain: bool) -> ToneData:
    """:func:`tone_data`, once as a pydantic model and once as its plain twin (see :mod:`carevoice._plain`)."""
    from carevoice._cache import cached_build, data_file, models_stamp

    return cached_build("tone-data", [data_file("tone.yaml"), Path(__file__)], _read_tone_data,
                        lambda value: type(value) is restored_class(_TONE_DATA), stamp=models_stamp())


def _read_tone_data() -> ToneData:
    from importlib.resources import files  # only a cache miss reads the data file

    import yaml

    from carevoice.checks._data_models import ToneData

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
    from carevoice.bank.settings import ToneSettings

    return ToneSettings()
