"""Lint bank files: collect every problem of each file, then apply config, suppressions and a baseline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from carevoice.bank.loader import BankSource, resolve
from carevoice.bank.resolved import Bank, Phrase
from carevoice.checks.channels import ChannelProfile, channel_ids, get_channel
from carevoice.draft import Severity
from carevoice.errors import BankError
from carevoice.lint._chain import ParentCache, parent_chain
from carevoice.lint._config import LintConfig
from carevoice.lint._locate import PhraseLoc, locate_phrases, locate_snippet
from carevoice.lint._model import LintFinding, text_hash
from carevoice.lint._parse import PLACEHOLDER, Parsed, file_problems, parse_tolerant
from carevoice.lint._suppress import apply_suppressions, parse_suppressions
from carevoice.lint._values import plain_worst, render_key, render_phrase, render_typical, template_variables
from carevoice.rules import all_rules, get_rule

__all__ = ["lint_file", "prepare_shared"]

_EXTENDS = re.compile(rb"^extends:[ \t]*['\"]?([\w.-]+)", re.MULTILINE)


_RULE_MODULES = ("carevoice.lint._coverage", "carevoice.lint._repeat", "carevoice.lint._tone",
                 "carevoice.concentrate.pii", "carevoice.variation.similarity", "carevoice.triage.hours")
"""What linting a file imports on first use: the rules of :func:`_bank_rules`, the personal-data finder
the privacy check runs, and what a bank's ``variation.scorer`` and service hours are checked with."""


def prepare_shared(files: list[tuple[Path, bytes]]) -> None:
    """Work the files of a run share, done once before they are shared between processes (a cache only).

    The files the others extend (found by a quick look at their ``extends:`` lines) are read and
    checked, every reply plan is computed, and the modules of the rules every file runs are
    imported (once here, not once in each process).
    """
    import importlib

    from carevoice.bank.models import SITUATIONS
    from carevoice.lint._length import _stage_plans

    for module in _RULE_MODULES:
        importlib.import_module(module)
    parents = {m.group(1).decode("utf-8", "replace") for _, content in files for m in _EXTENDS.finditer(content)}
    for path, content in files:
        if path.stem in parents:
            file_problems(parse_tolerant(path, content))
    for situation in SITUATIONS:
        for out_of_hours in (True, False):  # the plans with service hours bring those without
            if situation != "any":
                _stage_plans(situation, out_of_hours)


@dataclass
class _FileLint:
    """What linting one bank file gathers: its text and lines, phrase locations, parents and findings."""

    path: Path
    config: LintConfig
    search: list[Path]
    findings: list[LintFinding] = field(default_factory=list)
    text: str = ""
    lines: list[str] = field(default_factory=list)
    locs: dict[str, PhraseLoc] = field(default_factory=dict)
    parents: ParentCache = field(default_factory=dict)
    extends_dropped: bool = False
    parsed: Parsed | None = None

    @property
    def file(self) -> str:
        return str(self.path)

    def add(self, code: str, message: str, line: int | None, column: int | None, *, phrase: Phrase | None = None,
            severity: Severity | None = None, rule: str | None = None, suggestion: str | None = None) -> None:
        try:
            registered = get_rule(code)
            default, name = registered.severity, registered.name
        except KeyError:
            default, name = "error", ""
        line, column = line or 1, column or 1
        if self.lines and line > len(self.lines):  # YAML marks the end of input on the line after the last
            line, column = len(self.lines), len(self.lines[-1]) + 1
        self.findings.append(LintFinding(
            file=self.file, line=line, column=column, code=code, severity=severity or default,
            message=message, rule=rule or name, phrase_id=phrase.id if phrase else None,
            fingerprint=text_hash(phrase.text) if phrase else "", suggestion=suggestion))

    def add_error(self, err: BankError) -> None:
        self.add(err.code, err.message + (f" (at {err.key_path})" if err.key_path else ""), err.line, err.column)

    def at_phrase(self, phrase: Phrase) -> tuple[int, int]:
        loc = self.locs.get(phrase.id)
        return (loc.text_line, loc.text_column) if loc else (phrase.text_line or phrase.line, phrase.column)

    def parse(self, raw: bytes | None = None, name: str | None = None) -> BankSource | None:
        parsed = self.parsed = parse_tolerant(self.path, raw, name=name)
        self.extends_dropped = parsed.extends_dropped
        self.text = parsed.text
        self.lines = self.text.splitlines()
        for problem in parsed.problems:
            self.add_error(problem)
        return parsed.source

    def chain(self, source: BankSource) -> tuple[list[BankSource], bool]:
        """The bank's chain, base first, and whether it is complete (its parents all found)."""
        found = parent_chain(source, tuple(self.search), self.parents)
        if found.problem is not None:
            self.add("CV108", found.problem, *source.locate(("extends",)))
        return [*found.parents, source], found.complete


def _threshold(bank: Bank, config: LintConfig, name: str) -> Any:
    if name in bank.lint.model_fields_set:
        return getattr(bank.lint, name)
    if name in config.thresholds:
        return config.thresholds[name]
    return getattr(bank.lint, name)


def _bank_rules(fl: _FileLint, source: BankSource, bank: Bank, broken: set[str], complete: bool = True) -> None:
    from carevoice.lint._coverage import check_coverage, check_variety, served_situations
    from carevoice.lint._length import check_lengths
    from carevoice.lint._repeat import check_repetition
    from carevoice.lint._tone import check_tone, phrase_bank, tone_for_cell

    def own(p: Phrase) -> bool:
        return p.file == source.file

    agent = (bank.agent_name, bank.agent_initials)
    mine = [p for p in bank.phrases if own(p) and p.id not in broken]
    first = get_channel(bank.channels[0] if bank.channels else "x")
    for p in mine:
        result = render_phrase(p.text, first, bank.display_name, agent, p.when)
        if result.code is not None:
            broken.add(p.id)
            fl.add(result.code, result.message or "", *fl.at_phrase(p), phrase=p)
    mine = [p for p in mine if p.id not in broken]

    worst_texts: dict[tuple[str, tuple[str, ...], str], str | None] = {}
    asked: dict[tuple[str, tuple[str, ...], str], str | None] = {}

    def worst(p: Phrase, profile: ChannelProfile) -> str | None:
        if p.id in broken:
            return None
        if "{" not in p.text:  # plain text renders to itself on every channel (SMS apart), in every bank
            return plain_worst(p.text, profile.id == "sms")
        known = (p.text, p.when, profile.id)  # the length rules ask for each phrase on a channel many times
        if known in asked:
            return asked[known]
        # rendered once for all the channels it renders alike on (see render_key); SMS apart (it swaps in
        # plain dashes and quotes)
        channel = profile.id if profile.id == "sms" else render_key(p.text, profile.id)
        key = (p.text, p.when, channel)
        if key not in worst_texts:
            worst_texts[key] = render_phrase(p.text, profile, bank.display_name, agent, p.when).worst
        asked[known] = worst_texts[key]
        return asked[known]

    alike: list[str | None] = []

    def every_worst(profile: ChannelProfile) -> list[str]:
        """``worst`` of every phrase of the bank ("" for none), in bank order.

        A phrase whose template reads no channel has one worst case on every channel but SMS: those
        are looked up once per bank, not once per channel.
        """
        if profile.id == "sms":
            return [worst(p, profile) or "" for p in bank.phrases]
        if not alike:
            alike.extend(None if render_key(p.text, profile.id) else worst(p, profile) or "" for p in bank.phrases)
        return [worst(p, profile) or "" if t is None else t for p, t in zip(bank.phrases, alike, strict=True)]

    def sign_off(profile: ChannelProfile) -> str:
        if not bank.voice.sign_off:
            return ""
        if "voice.sign_off" in broken:
            return ""
        return render_phrase(bank.voice.sign_off, profile, bank.display_name, agent).worst or ""

    if bank.voice.sign_off and source.model.voice.sign_off is not None and "voice.sign_off" not in broken:
        result = render_phrase(bank.voice.sign_off, first, bank.display_name, agent)
        if result.code is not None:
            fl.add(result.code, f"voice.sign_off {result.message}", *source.locate(("voice", "sign_off")))
    if complete:  # worst-case length needs every partner phrase: only with the whole chain
        served = tuple(s for s in served_situations(bank) if s in {p.situation for p in mine} or s == "general")
        issues, gaps = check_lengths(bank, mine, worst, sign_off, longest=fl.config.enabled("CV903", fl.file),
                                     situations=served, texts=every_worst)
        for issue in issues:
            fl.add(issue.code, issue.message, *fl.at_phrase(issue.phrase), phrase=issue.phrase)
        for gap in gaps:
            fl.add("CV904", gap.message, *_cell_position(source, gap.situation, None))

    def typical(p: Phrase, channel: str = "x") -> str | None:
        return None if p.id in broken else render_typical(p.text, get_channel(channel), bank.display_name)

    checked = phrase_bank(bank)
    answers = _own_answers(source, bank)
    for p in answers:  # an answer is drafted as it is written: it must render and pass the same checks
        result = render_phrase(p.text, first, bank.display_name, agent, p.when)
        if result.code is not None:
            broken.add(p.id)
            fl.add(result.code, result.message or "", *fl.at_phrase(p), phrase=p)
    for p in mine:
        agreement = _SUBJECT_VERB.search(p.text)
        if agreement is not None:
            fl.add("CV715", f"'{agreement.group(0)}': the subject may be plural ('the servers'); write "
                            f"{{{{ subject.{_AGREEING[agreement.group(2)]} }}}} instead of '{agreement.group(2)}'",
                   *fl.at_phrase(p), phrase=p)
    for p in [*mine, *(a for a in answers if a.id not in broken)]:
        mismatch = tone_for_cell(p, typical(p)) if p.stage != "answer" else None
        if mismatch is not None:
            fl.add("CV714", mismatch, *fl.at_phrase(p), phrase=p)
        for finding, rendered in check_tone(checked, p, typical):
            if p.stage == "answer" and finding.severity != "error":
                continue  # an answer is asked for ("where is your contact page?") and may be long or technical
            line, col = fl.at_phrase(p)
            if finding.span is not None and p.id in fl.locs:
                line, col = locate_snippet(fl.lines, fl.locs[p.id], rendered[finding.span[0]:finding.span[1]])
            fl.add(finding.code, finding.message, line, col, phrase=p, severity=finding.severity,
                   rule=finding.rule, suggestion=finding.suggestion)
    _names_twice(fl, source, bank, own)
    threshold = float(_threshold(bank, fl.config, "near_duplicate_threshold"))
    for rep in check_repetition(bank, typical, own, threshold):
        fl.add(rep.code, rep.message, *fl.at_phrase(rep.phrase), phrase=rep.phrase)
    if not complete:
        return
    min_variants = int(_threshold(bank, fl.config, "min_variants"))
    for cov in check_coverage(bank, min_variants, own):
        fl.add(cov.code, cov.message, *_cell_position(source, cov.situation, cov.stage))
    min_variety = _threshold(bank, fl.config, "min_variety")
    min_variety = int(bank.variation.min_variety if min_variety is None else min_variety)
    if min_variety > 0:
        for cov in check_variety(bank, min_variety):
            fl.add(cov.code, cov.message, *_cell_position(source, cov.situation, cov.stage))


_AGREEING = {"is": "is", "isn't": "is }}n't", "has": "has", "hasn't": "has }}n't", "was": "was",
             "wasn't": "was }}n't"}
_SUBJECT_VERB = re.compile(r"(?:^|\b(?:[Ss]orry|[Gg]lad|whether|and|that|[Ww]hy|[Ww]hen|[Ii]f),? )"
                           r"(\{\{ *subject\.(?:text|named) *\}\}) (isn't|hasn't|wasn't|is|has|was)\b")
"""The subject placeholder as the subject of a fixed singular verb (CV715)."""


def _own_answers(source: BankSource, bank: Bank) -> list[Phrase]:
    """The file's own answers as the phrases a draft uses (each phrasing with its link), located at their text."""
    from carevoice.compose import answer_phrases

    out: list[Phrase] = []
    mine = [a for a in bank.answers if a.file == source.file]
    for index, answer in enumerate(mine):
        for n, phrase in enumerate(answer_phrases(answer, answer.situation or "general_question")):
            line, column = source.locate(("answers", index, "answer", n))
            out.append(replace(phrase, line=line or answer.line, column=column or 1, text_line=line or answer.line))
    return out


def _names_twice(fl: _FileLint, source: BankSource, bank: Bank, own: Callable[[Phrase], bool]) -> None:
    from carevoice.lint._repeat import names_twice

    variable, phrases = names_twice(bank, template_variables)
    for p in phrases:
        if own(p):
            fl.add("CV713", f"prints {variable}, and so does the sign-off: a reply with this phrase names the agent "
                            f"twice; drop it here or sign off with another variable", *fl.at_phrase(p), phrase=p)
    inherited = [p.id for p in phrases if not own(p)]
    if inherited and source.model.voice.sign_off is not None:
        more = f" and {len(inherited) - 3} more" if len(inherited) > 3 else ""
        fl.add("CV713", f"the sign-off prints {variable}, and so do inherited phrases "
                        f"{', '.join(inherited[:3])}{more}: replies with them name the agent twice",
               *source.locate(("voice", "sign_off")))


def _cell_position(source: BankSource, situation: str, stage: str | None) -> tuple[int, int]:
    cell: list[tuple[str | int, ...]] = [("phrases", situation, stage)] if stage else []
    fallback: list[tuple[str | int, ...]] = [("phrases", "any", stage)] if stage else []
    for path in [*cell, ("phrases", situation), *fallback, ("phrases",)]:
        if path in source.marks:
            return source.marks[path]
    return (1, 1)


def lint_file(path: Path, config: LintConfig | None = None, search: list[Path] | None = None, *,
              parents: ParentCache | None = None, raw: bytes | None = None,
              name: str | None = None) -> tuple[list[LintFinding], int]:
    """Every finding of one bank file after config and inline suppressions, and how many were suppressed.

    ``parents`` caches parent banks between files of one run; ``raw`` is the file's content when it
    was read already (standard input), shown as ``name``.
    """
    config = config or LintConfig()
    fl = _FileLint(Path(name) if name else path, config, list(search or []),
                   parents={} if parents is None else parents)
    source = fl.parse(raw, name)
    spans: list[tuple[int, int]] = []
    if source is not None:
        fl.locs = locate_phrases(source, len(fl.lines))
        spans = [(loc.first, loc.last) for loc in fl.locs.values()]
        broken: set[str] = set()
        for err in file_problems(fl.parsed) if fl.parsed is not None else []:
            fl.add_error(err)
            if err.code in ("CV110", "CV111", "CV114") and err.key_path:
                broken |= {pid for pid, loc in fl.locs.items()
                           if err.key_path == loc.key_path or err.key_path.startswith(loc.key_path + ".")}
                broken |= {err.key_path} if err.key_path == "voice.sign_off" else set()
        chain, complete = fl.chain(source)
        complete = complete and not fl.extends_dropped
        bank = resolve(chain)
        known = channel_ids()
        if any(c not in known for c in bank.channels):  # reported as CV105; lint the known ones
            bank = replace(bank, channels=tuple(c for c in bank.channels if c in known))
        if any(p.id.startswith(PLACEHOLDER) for p in bank.phrases):  # phrases the schema refused
            bank = replace(bank, phrases=tuple(p for p in bank.phrases if not p.id.startswith(PLACEHOLDER)), _index={})
        _bank_rules(fl, source, bank, broken, complete)
    findings = [f.with_severity(config.severity_of(f.code, f.severity)) for f in fl.findings
                if config.enabled(f.code, fl.file)]
    suppressions = parse_suppressions(fl.text, spans)
    findings, suppressed = apply_suppressions(findings, suppressions)
    known = [r.code for r in all_rules()]
    for s in suppressions:
        for code in s.codes or ("*",):
            if code != "*" and not any(k.startswith(code) for k in known):
                fl.findings = []
                fl.add("CV921", f"suppression names {code}, which is no rule's code", s.line, s.column)
                findings += [f for f in fl.findings if config.enabled(f.code, fl.file)]
            elif code not in s.used and (code == "*" or config.enabled(code, fl.file)):
                fl.findings = []
                what = "this noqa" if code == "*" else code
                fl.add("CV920", f"unused suppression: {what} suppresses nothing here", s.line, s.column)
                findings += [f for f in fl.findings if config.enabled(f.code, fl.file)]
    return findings, suppressed
