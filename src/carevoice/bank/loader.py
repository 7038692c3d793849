"""Read bank files (located errors), check their templates, resolve inheritance."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from carevoice.bank._yaml import KeyPath, Marks, load_marked, path_str
from carevoice.bank.models import BankFile
from carevoice.bank.resolved import Answer, Bank, Phrase, Voice
from carevoice.bank.settings import DraftingSettings, LintSettings, ToneSettings, TriageSettings, VariationSettings
from carevoice.errors import BankError
from carevoice.render import inspect_template

__all__ = ["BankSource", "check_bank_file", "decode_bank", "read_bank_file", "resolve", "validation_problems"]

MAX_BYTES = 2_000_000
MAX_DEPTH = 8


@dataclass(frozen=True)
class BankSource:
    """A parsed bank file with the marks of its key paths."""

    path: Path
    model: BankFile
    marks: Marks

    @property
    def file(self) -> str:
        """The file name as shown in messages."""
        return str(self.path)

    def locate(self, path: KeyPath) -> tuple[int | None, int | None]:
        """1-based (line, column) of a key path, or of its closest located parent."""
        p = tuple(path)
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return (1, 1)


def _pydantic_error(exc: ValidationError, file: str, marks: Marks, index: int = 0) -> BankError:
    err = exc.errors(include_url=False)[index]
    loc: KeyPath = tuple(err["loc"])
    if loc and loc[0] == "$schema":
        loc = ("$schema",)
    where = loc
    while where and where not in marks:
        where = where[:-1]
    line, col = marks.get(where, (1, 1))
    kind = err["type"]
    if kind == "extra_forbidden":
        parent = loc[:-1]
        from carevoice.errors import did_you_mean

        allowed = _allowed_keys(parent)
        hint = did_you_mean(str(loc[-1]), allowed) if allowed else ""
        known = f"; {hint}known: {', '.join(allowed)}" if allowed else ""
        msg = f"unknown key {loc[-1]!r}{known}"
        code = "CV104"
    elif loc and loc[-1] == "[key]":
        from carevoice.bank.models import SITUATIONS, STAGES
        from carevoice.errors import did_you_mean

        loc = loc[:-1]
        what, known_names = ("situation", SITUATIONS) if len(loc) == 2 else ("stage", STAGES)
        line, col = marks.get(loc, (line, col))
        msg = f"unknown {what} {loc[-1]!r}; {did_you_mean(str(loc[-1]), known_names)}known: {', '.join(known_names)}"
        code = "CV104"
    elif loc == ("extends",) and kind == "string_pattern_mismatch":
        msg = f"'extends' names a bank (lowercase letters, digits, hyphens), never a path; got {err.get('input')!r}"
        code = "CV108"
    elif kind in ("literal_error", "enum"):
        msg = f"{err['msg'].lower()}, got {err.get('input')!r}"
        code = "CV105"
    elif kind == "missing":
        msg = f"missing required key {loc[-1]!r}"
        code = "CV106"
    else:
        msg = f"{err['msg']}, got {err.get('input')!r}"
        code = "CV105"
    return BankError(msg, file=file, line=line, column=col, key_path=path_str(loc) or None, code=code)


def _allowed_keys(parent: KeyPath) -> list[str]:
    from pydantic import BaseModel

    from carevoice.bank.models import AgentSpec, PhraseSpec, VoiceSpec

    top: dict[str, type[BaseModel]] = {"voice": VoiceSpec, "agent": AgentSpec}
    model: type[BaseModel] | None = None
    if not parent:
        model = BankFile
    elif len(parent) == 1 and parent[0] in top:
        model = top[str(parent[0])]
    elif parent[0] == "phrases" and len(parent) == 4:
        model = PhraseSpec
    elif len(parent) == 1 and parent[0] in ("tone", "variation", "triage", "lint"):
        sections: dict[str, type[BaseModel]] = {"tone": ToneSettings, "variation": VariationSettings,
                                                "triage": TriageSettings, "lint": LintSettings}
        model = sections[str(parent[0])]
    if model is None:
        return []
    return sorted(f.alias or name for name, f in model.model_fields.items())


def read_bank_file(path: Path) -> BankSource:
    """Parse and validate one bank file; raise a located :class:`BankError`."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BankError(f"cannot read bank file: {exc.strerror}", file=file, code="CV100") from None
    if len(raw) > MAX_BYTES:
        raise BankError(f"bank file too large ({len(raw)} bytes; limit {MAX_BYTES})", file=file, code="CV100")
    text = decode_bank(raw, file)
    data, marks = load_marked(text, file)
    if not isinstance(data, dict):
        raise BankError("a bank file must be a mapping with at least 'bank' and 'phrases'", file=file,
                        line=1, column=1, code="CV105")
    try:
        model = BankFile.model_validate(data)
    except ValidationError as exc:
        raise _pydantic_error(exc, file, marks) from None
    return BankSource(path=path, model=model, marks=marks)


def decode_bank(raw: bytes, file: str) -> str:
    """The text of a bank file; invalid UTF-8 is a :class:`BankError` at its line and column."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[:exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise BankError(f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be read ({exc.reason})",
                        file=file, line=line, column=column, code="CV100") from None


def validation_problems(exc: ValidationError, file: str, marks: Marks) -> list[BankError]:
    """Every schema error of one file, located (pydantic reports them all; the loader raises the first)."""
    out: list[BankError] = []
    for i in range(exc.error_count()):
        err = _pydantic_error(exc, file, marks, i)
        if not any((e.line, e.column, e.code, e.message) == (err.line, err.column, err.code, err.message) for e in out):
            out.append(err)
    return out


def check_bank_file(source: BankSource) -> list[BankError]:
    """Every template and id problem in one file, located (does not stop at the first)."""
    problems: list[BankError] = []
    seen: dict[str, KeyPath] = {}
    for situation, stages in source.model.phrases.items():
        for stage, items in stages.items():
            for i, spec in enumerate(items):
                path: KeyPath = ("phrases", situation, stage, i)
                if spec.id in seen:
                    line, col = source.locate((*path, "id"))
                    first = source.locate(seen[spec.id])[0]
                    problems.append(BankError(
                        f"duplicate phrase id {spec.id!r} (first at line {first})",
                        file=source.file, line=line, column=col, key_path=path_str(path), code="CV107",
                    ))
                else:
                    seen[spec.id] = path
                text_line, text_col = source.marks.get((*path, "text", "__value__"), source.locate(path))
                block = (*path, "text", "__block__") in source.marks
                for issue in inspect_template(spec.text):
                    line = (text_line or 1) + issue.line - (0 if block else 1)
                    problems.append(BankError(
                        issue.message, file=source.file, line=line,
                        column=text_col if issue.line == 1 else 1,
                        key_path=path_str((*path, "text")), code=issue.code,
                    ))
    sign_off = source.model.voice.sign_off
    if sign_off:
        value_line, value_col = source.marks.get(("voice", "sign_off", "__value__"), source.locate(("voice",)))
        for issue in inspect_template(sign_off):
            problems.append(BankError(
                f"voice.sign_off: {issue.message}", file=source.file, line=(value_line or 1) + issue.line - 1,
                column=value_col if issue.line == 1 else 1, key_path="voice.sign_off", code=issue.code,
            ))
    from carevoice.bank._patterns import pattern_problems

    for key_path, message in pattern_problems(source.model):
        line, col = source.locate(key_path)
        problems.append(BankError(message, file=source.file, line=line, column=col,
                                  key_path=path_str(key_path), code="CV115"))
    for i, ch in enumerate(source.model.channels or []):
        from carevoice.checks.channels import channel_ids

        if ch not in channel_ids():
            from carevoice.errors import did_you_mean

            line, col = source.locate(("channels", i))
            problems.append(BankError(
                f"unknown channel {ch!r}; {did_you_mean(ch, channel_ids())}known: {', '.join(channel_ids())}",
                file=source.file, line=line, column=col, key_path=f"channels[{i}]", code="CV105",
            ))
    stem = source.path.stem
    if source.path.suffix in (".yaml", ".yml") and source.model.bank != stem:
        line, col = source.locate(("bank",))
        problems.append(BankError(
            f"the bank is named {source.model.bank!r} but its file is {source.path.name!r}: banks are found by "
            f"file name, so name the file {source.model.bank}.yaml or write 'bank: {stem}'",
            file=source.file, line=line, column=col, key_path="bank", code="CV109",
        ))
    return problems


_PHRASES: OrderedDict[int, tuple[BankSource, tuple[Phrase, ...]]] = OrderedDict()
"""The phrases of the last sources resolved, by identity: a parent resolved with each of its children is read once."""
_PHRASES_SIZE = 4


def _phrases_of(source: BankSource) -> list[Phrase]:
    known = _PHRASES.get(id(source))
    if known is not None and known[0] is source:
        _PHRASES.move_to_end(id(source))
        return list(known[1])
    out = _read_phrases(source)
    _PHRASES[id(source)] = (source, tuple(out))
    while len(_PHRASES) > _PHRASES_SIZE:
        _PHRASES.popitem(last=False)
    return out


def _read_phrases(source: BankSource) -> list[Phrase]:
    out = []
    file = source.file
    for situation, stages in source.model.phrases.items():
        for stage, items in stages.items():
            for i, spec in enumerate(items):
                line, col = source.locate(("phrases", situation, stage, i))
                text_line = source.marks.get(("phrases", situation, stage, i, "text", "__value__"), (line, col))[0]
                out.append(Phrase(
                    id=spec.id, situation=situation, stage=stage, text=spec.text,
                    emotions=tuple(spec.emotions), channels=tuple(spec.channels), tags=tuple(spec.tags),
                    weight=spec.weight, bank=source.model.bank, file=file,
                    line=line or 0, column=col or 0, text_line=text_line or 0,
                    intents=tuple(spec.intents), covers=tuple(spec.covers), when=tuple(spec.when),
                    unless=tuple(spec.unless),
                ))
    return out


def _answers_of(source: BankSource) -> list[Answer]:
    out = []
    for i, spec in enumerate(source.model.answers):
        line, _ = source.locate(("answers", i))
        out.append(Answer(id=spec.id, questions=tuple(spec.questions), texts=tuple(spec.answer),
                          situation=spec.situation, link=spec.link, channels=tuple(spec.channels),
                          bank=source.model.bank, file=source.file, line=line or 0))
    return out


def _replaced(phrase: Phrase, own_cells: dict[tuple[str, str], frozenset[str] | None],
              own_asks: dict[tuple[str, str], frozenset[str]]) -> bool:
    """Whether a child's cell replaces an inherited phrase: the child serves every intent the phrase serves.

    A brand that writes only banter lines under ``any.acknowledge`` keeps the parent's lines for
    complaints and danger; a brand that writes lines for every intent replaces the whole cell. Under
    ``any``, a parent's line answering an ask (``when: [asks.callback]``) that none of the child's lines
    in the cell answers is kept: the ``any`` lines that answer an ask serve every situation, so a brand
    that rewrites ``any.resolve`` in its voice still meets "call me back".
    """
    key = (phrase.situation, phrase.stage)
    if key not in own_cells:
        return False
    if key[0] == "any" and phrase.when:
        asks = {c for c in phrase.when if c.startswith("asks.")}
        if asks and asks.isdisjoint(own_asks.get(key, frozenset())):
            return False
    served = own_cells[key]
    return served is None or (bool(phrase.intents) and set(phrase.intents) <= served)


def resolve(chain: list[BankSource]) -> Bank:
    """Resolve a chain of sources, base first, into one :class:`Bank`."""
    phrases: list[Phrase] = []
    voice: dict[str, Any] = {"formality": "neutral", "emoji": "none", "sign_off": "",
                             "preferred_terms": {}, "banned_terms": []}
    meta: dict[str, Any] = {"display_name": None, "description": "", "locale": "en", "channels": None,
                            "sensitive": False, "agent": None}
    settings: dict[str, dict[str, Any]] = {"tone": {}, "variation": {}, "triage": {}, "lint": {}, "drafting": {}}
    answers: dict[str, Answer] = {}
    subjects: dict[str, str] = {}
    sector = "general"
    limits: dict[str, int] = {}
    ack: dict[str, int] = {}
    for source in chain:
        m = source.model
        own = _phrases_of(source)
        own_ids = {p.id for p in own}
        own_cells: dict[tuple[str, str], frozenset[str] | None] = {}
        own_asks: dict[tuple[str, str], frozenset[str]] = {}
        for p in own:  # per cell, the intents the file's own phrases serve (None: every intent), the asks they answer
            cell, served = (p.situation, p.stage), own_cells.get((p.situation, p.stage), frozenset())
            own_cells[cell] = None if served is None or not p.intents else served | set(p.intents)
            if p.situation == "any":  # only the any cells keep a parent's ask lines (see _replaced)
                own_asks[cell] = own_asks.get(cell, frozenset()) | {c for c in p.when if c.startswith("asks.")}
        removed = set(m.remove)
        kept = [p for p in phrases if p.id not in own_ids and p.id not in removed]
        if m.inherit_phrases == "fallback":
            kept = [p for p in kept if not _replaced(p, own_cells, own_asks)]
        phrases = kept + own
        for answer in _answers_of(source):
            answers.pop(answer.id, None)
            answers[answer.id] = answer
        for gone in removed:
            answers.pop(gone, None)
        subjects.update({str(k): v for k, v in m.subjects.items()})
        sector = m.sector or sector
        voice.update({k: v for k, v in m.voice.model_dump(exclude_none=True).items()})
        for key in ("display_name", "description", "locale", "channels", "sensitive", "agent"):
            value = getattr(m, key)
            if value is not None:
                meta[key] = value
        for section, values in m.settings_overrides().items():
            settings[section].update(values)
        for ch, o in m.channel_overrides.items():
            if o.limit is not None:
                limits[ch] = o.limit
            if o.acknowledge_minutes is not None:
                ack[ch] = o.acknowledge_minutes
    top = chain[-1].model
    from carevoice.checks.channels import channel_ids

    agent = meta["agent"]
    return Bank(
        name=top.bank,
        display_name=meta["display_name"] or top.bank,
        description=meta["description"] or "",
        locale=meta["locale"] or "en",
        voice=Voice(
            formality=voice["formality"], emoji=voice["emoji"], sign_off=voice["sign_off"],
            preferred_terms=dict(voice["preferred_terms"]), banned_terms=tuple(voice["banned_terms"]),
        ),
        phrases=tuple(phrases),
        channels=tuple(meta["channels"] or channel_ids()),
        agent_name=agent.name if agent else None,
        agent_initials=agent.initials if agent else None,
        sensitive=bool(meta["sensitive"]),
        lineage=tuple(s.model.bank for s in chain),
        files=tuple(s.file for s in chain),
        channel_limits=limits,
        acknowledge_minutes=ack,
        tone=ToneSettings(**settings["tone"]),
        variation=VariationSettings(**settings["variation"]),
        triage=TriageSettings(**settings["triage"]),
        lint=LintSettings(**settings["lint"]),
        drafting=DraftingSettings(**settings["drafting"]),
        sector=sector,
        subjects=subjects,
        answers=tuple(answers.values()),
    )
