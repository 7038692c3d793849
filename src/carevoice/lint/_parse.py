"""Read a bank file for the linter without stopping at the first problem.

The loader refuses a file at its first schema error; the linter reports every schema
error and then goes on with what is left, so one bad phrase does not hide the template,
tone and length findings of the others (or of the banks that extend this one). A value
the schema refuses is taken out: an invalid phrase becomes a placeholder that no rule
looks at (so the positions of the phrases after it do not move), any other invalid
value is dropped and its default used, a missing ``bank`` name is taken from the file
name. Refused ``re:`` tone entries are dropped the same way.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from carevoice.bank._patterns import pattern_problems
from carevoice.bank._yaml import KeyPath, Marks, load_marked, path_str
from carevoice.bank.loader import BankSource, check_bank_file, decode_bank, validation_problems
from carevoice.bank.models import BankFile
from carevoice.errors import BankError

__all__ = ["PLACEHOLDER", "Parsed", "file_problems", "parse_tolerant"]

PLACEHOLDER = "carevoice-invalid-phrase-"
"""Id prefix of the placeholders that stand in for phrases the schema refused."""

_ROUNDS = 8


@dataclass
class Parsed:
    """A bank file as far as it could be read: its text, its (repaired) source and every problem found."""

    text: str = ""
    source: BankSource | None = None
    problems: list[BankError] = field(default_factory=list)
    extends_dropped: bool = False
    checked: list[BankError] | None = None  # file_problems(), once


_READ: OrderedDict[tuple[str, str | None, bytes], Parsed] = OrderedDict()
"""The last files read, by path, shown name and content: a bank linted in a run is also a parent."""
_READ_SIZE = 16


def file_problems(parsed: Parsed) -> list[BankError]:
    """:func:`carevoice.bank.loader.check_bank_file` of the parsed source, computed once per parsed file."""
    if parsed.source is None:
        return []
    if parsed.checked is None:
        parsed.checked = check_bank_file(parsed.source)
    return list(parsed.checked)


def parse_tolerant(path: Path, raw: bytes | None = None, *, name: str | None = None) -> Parsed:
    """Read, decode, parse and validate one bank file, repairing what the schema refuses.

    ``raw`` is the file's content when it is already read (standard input); ``name`` is the
    name shown in messages (default: the path). The same content read under the same name again
    (a bank linted in a run is also its children's parent) gives the same result, shared: read it,
    never change it.
    """
    file = name or str(path)
    try:
        data_bytes = path.read_bytes() if raw is None else raw
    except OSError as exc:
        out = Parsed()
        out.problems.append(BankError(f"cannot read bank file: {exc.strerror}", file=file, line=1, column=1))
        return out
    key = (str(path), name, data_bytes)
    hit = _READ.get(key)
    if hit is not None:
        _READ.move_to_end(key)
        return hit
    out = _parse(path, data_bytes, name, file)
    _READ[key] = out
    while len(_READ) > _READ_SIZE:
        _READ.popitem(last=False)
    return out


def _parse(path: Path, data_bytes: bytes, name: str | None, file: str) -> Parsed:
    out = Parsed()
    try:
        out.text = decode_bank(data_bytes, file)
        data, marks = load_marked(out.text, file)
    except BankError as err:
        out.problems.append(err)
        return out
    if not isinstance(data, dict):
        out.problems.append(BankError("a bank file must be a mapping with at least 'bank' and 'phrases'",
                                      file=file, line=1, column=1, code="CV105"))
        return out
    model = _validate(data, marks, file, path, out.problems)
    if model is None:
        return out
    out.extends_dropped = "extends" in data and model.extends is None
    source = BankSource(path=path if name is None else Path(name), model=model, marks=marks)
    bad = pattern_problems(model)
    for key_path, message in bad:
        line, col = source.locate(key_path)
        out.problems.append(BankError(message, file=file, line=line, column=col, key_path=path_str(key_path),
                                      code="CV115"))
    if bad:
        source = BankSource(path=source.path, model=_without_entries(model, [p for p, _ in bad]), marks=marks)
    out.source = source
    return out


def _validate(data: dict[str, Any], marks: Marks, file: str, path: Path, problems: list[BankError]) -> BankFile | None:
    try:  # most files are valid: copy the data for repairs only when the schema refuses something
        return BankFile.model_validate(data)
    except ValidationError:
        pass
    data = copy.deepcopy(data)
    placeholders = 0
    for _ in range(_ROUNDS):
        try:
            return BankFile.model_validate(data)
        except ValidationError as exc:
            seen = {(e.line, e.column, e.code, e.message) for e in problems}
            problems += [e for e in validation_problems(exc, file, marks)
                         if (e.line, e.column, e.code, e.message) not in seen]
            for err in exc.errors(include_url=False):
                placeholders = _repair(data, tuple(err["loc"]), path, placeholders)
    return None


def _repair(data: dict[str, Any], loc: KeyPath, path: Path, placeholders: int) -> int:
    loc = tuple(p for p in loc if p != "[key]")
    if loc == ("bank",):
        stem = path.stem.lower()
        data["bank"] = stem if stem.replace("-", "").isalnum() and stem[:1].isalnum() and stem.isascii() else "bank"
        return placeholders
    if len(loc) >= 4 and loc[0] == "phrases" and isinstance(loc[3], int):
        items = data.get("phrases", {}).get(loc[1], {}).get(loc[2])
        if isinstance(items, list) and loc[3] < len(items):
            placeholders += 1
            items[loc[3]] = {"id": f"{PLACEHOLDER}{placeholders}", "text": "-"}
            return placeholders
    # drop the innermost mapping key on the path (a list item takes its whole list with it)
    keys = [i for i, part in enumerate(loc) if isinstance(part, str)]
    if not keys:
        return placeholders
    end = keys[-1]
    parent: Any = data
    for part in loc[:end]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return placeholders
    if isinstance(parent, dict):
        parent.pop(loc[end], None)
    return placeholders


def _without_entries(model: BankFile, paths: list[KeyPath]) -> BankFile:
    """The model without the ``re:`` entries at these key paths (tone lists, banned and preferred terms)."""
    tone = model.tone
    voice = model.voice
    for path in paths:
        if path[0] == "tone" and tone is not None:
            kept = [e for i, e in enumerate(getattr(tone, str(path[1]))) if ("tone", path[1], i) not in paths]
            tone = tone.model_copy(update={str(path[1]): kept})
        elif path[:2] == ("voice", "banned_terms"):
            terms = [e for i, e in enumerate(voice.banned_terms or []) if ("voice", "banned_terms", i) not in paths]
            voice = voice.model_copy(update={"banned_terms": terms})
        elif path[:2] == ("voice", "preferred_terms"):
            pairs = {k: v for k, v in (voice.preferred_terms or {}).items()
                     if ("voice", "preferred_terms", k) not in paths}
            voice = voice.model_copy(update={"preferred_terms": pairs})
    return model.model_copy(update={"tone": tone, "voice": voice})
