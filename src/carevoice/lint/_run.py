"""Lint a set of paths: find the bank files, reuse cached results, lint the rest, apply a baseline.

Kept light: the linter proper (:mod:`carevoice.lint._engine`, with pydantic and Jinja) is imported
only when a file is not in the result cache, so linting unchanged banks starts fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carevoice._gc import no_gc_pause
from carevoice.lint._config import LintConfig
from carevoice.lint._model import LintFinding, LintReport
from carevoice.lint._results import cache_key, read_result, write_result

if TYPE_CHECKING:
    from carevoice.lint._chain import ParentCache

__all__ = ["STDIN", "bank_files", "lint_paths"]

STDIN = "<stdin>"
"""The file name findings of a bank read from standard input carry."""


def bank_files(paths: Sequence[str | Path]) -> list[Path]:
    """The bank files named by ``paths`` (a folder stands for its ``*.yaml`` and ``*.yml``)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
        else:
            out.append(p)
    return out


def lint_paths(paths: Sequence[str | Path], *, config: LintConfig | None = None, search: list[Path] | None = None,
               baseline: set[tuple[str, str, str, str]] | None = None, stdin: bytes | None = None,
               cache: bool = True) -> LintReport:
    """Lint bank files and folders; findings in ``baseline`` (see :mod:`carevoice.lint._baseline`) are set aside.

    The path ``-`` stands for ``stdin``, the content of one bank (shown as ``<stdin>``; its parents are
    looked up in the current folder, then on the search path). Results of unchanged files come from
    the user cache (see :mod:`carevoice.lint._results`) unless ``cache`` is false.
    """
    config = config or LintConfig()
    search = list(search or [])
    files = bank_files(paths)
    findings: list[LintFinding] = []
    suppressed = 0
    results: list[tuple[list[LintFinding], int] | None] = []
    todo: list[tuple[int, str, bytes | None, bool, str | None]] = []
    for path in files:
        is_stdin = str(path) == "-"
        name = STDIN if is_stdin else str(path)
        try:
            content = (stdin or b"") if is_stdin else path.read_bytes()
        except OSError:
            content = None
        key = cache_key(name, content, Path(".") if is_stdin else path.parent, search, config) \
            if cache and content is not None else None
        hit = read_result(key)
        if hit is None:
            todo.append((len(results), name, content, is_stdin, key))
        results.append(hit)
    if todo:
        # Linting keeps some 200,000 containers alive to the end (parsed banks, phrases, render and
        # length caches) and makes little cyclic garbage: the collector would walk them again and
        # again, about a sixth of the work, and free next to nothing. It is held, then put back.
        with no_gc_pause():
            _lint_todo(todo, results, config, search)
    for hit in results:
        assert hit is not None
        findings += hit[0]
        suppressed += hit[1]
    baselined = 0
    if baseline:
        kept = [f for f in findings if f.baseline_key not in baseline]
        baselined, findings = len(findings) - len(kept), kept
    return LintReport.build(findings, [STDIN if str(f) == "-" else str(f) for f in files], suppressed=suppressed,
                            baselined=baselined)


def _lint_todo(todo: list[tuple[int, str, bytes | None, bool, str | None]],
               results: list[tuple[list[LintFinding], int] | None], config: LintConfig, search: list[Path]) -> None:
    """Lint the files not found in the result cache, store their results and put them in ``results``."""
    from carevoice._cache import absorb_learnt, learnt_here
    from carevoice.lint._engine import lint_file, prepare_shared
    from carevoice.lint._parallel import map_two
    from carevoice.lint._plans import load_plans

    load_plans()
    parents: ParentCache = {}

    def lint_one(job: tuple[int, str, bytes | None, bool, str | None]) -> tuple[list[LintFinding], int]:
        _, name, content, is_stdin, _ = job
        return lint_file(Path(name), config, search, parents=parents, raw=content,
                         name=STDIN if is_stdin else None)

    def prepare() -> None:
        prepare_shared([(Path(job[1]), job[2]) for job in todo if not job[3] and job[2] is not None])

    # files on two cores when there is enough to share (each file linted as it would be alone); what the
    # second process learnt for the user cache (syllable counts, needles...) is stored with this one's
    done = map_two(lint_one, todo, [len(job[2] or b"") for job in todo], prepare, learnt_here, absorb_learnt)
    for job, hit in zip(todo, done, strict=True):
        write_result(job[4], *hit)
        results[job[0]] = hit
