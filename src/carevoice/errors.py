"""Exceptions raised by carevoice.

Every error carevoice raises on purpose derives from :class:`CareVoiceError`
and keeps structured fields (file, line, key path, choices) that ``__str__``
formats into one readable line::

    CareVoiceError
    ├── BankError                 a phrase bank cannot be loaded or resolved
    │   └── BankNotFoundError     no bank of that name (lists the known ones)
    ├── InputError                a post, option or input line is unusable
    │   └── UnknownChoiceError    a name outside a fixed set (channel, brand...)
    ├── RenderError               a phrase template failed while rendering
    ├── HistoryError              the reply history cannot be read or written
    │   └── HistoryUnavailableError   the history's server cannot be reached (retryable)
    ├── NearDuplicateError        accepting a reply that someone published meanwhile (holds a fresh draft)
    ├── OutputError               the command line cannot write its output (closed, full)
    ├── ConfigError               a configuration file or value is wrong
    └── DraftBlockedError         a draft carries error findings (holds the draft)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from carevoice.draft import Draft
    from carevoice.variation.records import Conflict

__all__ = [
    "BankError",
    "BankNotFoundError",
    "CareVoiceError",
    "ConfigError",
    "DraftBlockedError",
    "HistoryError",
    "HistoryUnavailableError",
    "InputError",
    "NearDuplicateError",
    "OutputError",
    "RenderError",
    "UnknownChoiceError",
    "did_you_mean",
]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return ``"did you mean 'x'? "`` for the closest choice, or ``""``."""
    from difflib import get_close_matches  # only an error needs it: every command imports this module

    close = get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


class CareVoiceError(Exception):
    """Base of every error carevoice raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BankError(CareVoiceError):
    """A phrase bank file is invalid; located by file, line, column and key path."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key_path: str | None = None,
        code: str = "CV100",
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.key_path = key_path
        self.code = code

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        key = f" (at {self.key_path})" if self.key_path else ""
        return f"{where}{self.message}{key}"


class BankNotFoundError(BankError):
    """No bank of the requested name exists; the message lists the known banks."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        hint = did_you_mean(name, known)
        super().__init__(
            f"unknown brand {name!r}; {hint}known: {', '.join(sorted(known)) or '(none)'}",
            code="CV101",
        )
        self.name = name
        self.known = tuple(sorted(known))


class InputError(CareVoiceError):
    """An inbound post, an option or an input line cannot be used."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.line = line

    def __str__(self) -> str:
        if self.source is not None and self.line is not None:
            return f"{self.source}:{self.line}: {self.message}"
        if self.line is not None:
            return f"line {self.line}: {self.message}"
        return self.message


class UnknownChoiceError(InputError):
    """A value outside a fixed set of names (channel, stage, format...)."""

    def __init__(self, kind: str, value: str, choices: Iterable[str]) -> None:
        known = sorted(choices)
        super().__init__(f"unknown {kind} {value!r}; {did_you_mean(value, known)}known: {', '.join(known)}")
        self.kind = kind
        self.value = value
        self.choices = tuple(known)


class RenderError(CareVoiceError):
    """A phrase template failed to render (for instance a variable with no fallback)."""

    def __init__(self, message: str, *, phrase_id: str | None = None) -> None:
        super().__init__(message)
        self.phrase_id = phrase_id

    def __str__(self) -> str:
        return f"phrase {self.phrase_id}: {self.message}" if self.phrase_id else self.message


class HistoryError(CareVoiceError):
    """The reply history store cannot be opened, read or written."""

    retryable = False


class HistoryUnavailableError(HistoryError):
    """The history's server cannot be reached or dropped the connection; trying again later may work.

    ``server`` names it (host, port, database and user; never the password).
    """

    retryable = True

    def __init__(self, message: str, *, server: str | None = None) -> None:
        super().__init__(message)
        self.server = server


class NearDuplicateError(CareVoiceError):
    """A reply was not published: someone published or held one like it meanwhile.

    ``draft`` is the refused draft, ``conflict`` the reply or hold it reads like (with the
    scores), and ``fresh`` a new draft for the same post, already held for this agent (None
    when the post was not given).
    """

    def __init__(self, draft: Draft, conflict: Conflict, fresh: Draft | None = None) -> None:
        super().__init__(f"not published: it reads like {conflict.describe()}; "
                         + ("a fresh draft is attached" if fresh is not None else "draft the post again"))
        self.draft = draft
        self.conflict = conflict
        self.fresh = fresh


class OutputError(CareVoiceError):
    """The command line cannot write its output (standard output closed, disk full)."""


class ConfigError(CareVoiceError):
    """A configuration file or value is invalid."""

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.key = key

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        key = f" (at {self.key})" if self.key else ""
        return f"{where}{self.message}{key}"


class DraftBlockedError(CareVoiceError):
    """A draft has error findings and the caller did not allow blocked drafts."""

    def __init__(self, draft: Draft) -> None:
        codes = ", ".join(f.code for f in draft.findings if f.severity == "error")
        super().__init__(f"draft blocked by error findings: {codes}")
        self.draft = draft
