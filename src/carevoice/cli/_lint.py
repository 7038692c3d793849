"""``carevoice lint``: check phrase bank files like code (exit 0 clean, 1 findings, 2 usage errors)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]

_FORMATS = ("text", "json", "github", "sarif")
_SEVERITIES = ("error", "warning", "info")


def _codes(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes or not all(c.startswith("CV") for c in codes):
        raise argparse.ArgumentTypeError(f"expected comma-separated code prefixes such as CV3,CV711, got {value!r}")
    return codes


def register(sub: Any) -> None:
    """Add the ``lint`` command."""
    p = sub.add_parser(
        "lint", help="check phrase bank files: schema, templates, length, tone, coverage, repetition",
        description="Lint phrase bank files and print path:line:col: CODE message. Settings come from "
                    "[tool.carevoice.lint] in the nearest pyproject.toml; options here override them.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="bank files or folders of them (default: ./phrasebanks); - reads one bank from standard input")
    p.add_argument("--format", choices=_FORMATS, default=None,
                   help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    p.add_argument("--fail-on", choices=_SEVERITIES, default=None,
                   help="exit 1 when a finding reaches this severity (default: error)")
    p.add_argument("--select", type=_codes, metavar="CODES", help="only these code prefixes, e.g. CV1,CV9")
    p.add_argument("--ignore", type=_codes, metavar="CODES", help="also ignore these code prefixes")
    p.add_argument("--config", type=Path, metavar="FILE", help="read settings from this pyproject.toml")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="set aside the findings listed in this baseline")
    p.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="write every current finding to a baseline file and exit 0")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to a file")
    p.add_argument("--min-variants", type=int, metavar="N", help="phrases each stage needs (default 8)")
    p.add_argument("--near-duplicate-threshold", type=float, metavar="N",
                   help="token_set_ratio at which two phrases of a stage are near-duplicates (default 90)")
    p.add_argument("--min-variety", type=int, metavar="N", help="replies before a near-duplicate (0: off)")
    p.add_argument("--bank-dir", action="append", type=Path, default=[], metavar="DIR",
                   help="extra folder searched for parent banks (repeatable)")
    p.add_argument("--no-cache", action="store_true",
                   help="lint every file afresh (default: reuse the results of unchanged files from the user cache)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``carevoice lint``."""
    from carevoice.errors import InputError
    from carevoice.lint import bank_files, get_formatter, lint_paths, load_config, read_baseline, write_baseline

    paths = [Path(p) for p in args.paths]
    if not paths:
        if not Path("phrasebanks").is_dir():
            raise InputError("no PATH given and no ./phrasebanks folder here")
        paths = [Path("phrasebanks")]
    stdin: bytes | None = None
    for p in paths:
        if str(p) == "-":
            if stdin is None:
                stdin = _read_stdin()
        elif not p.exists():
            raise InputError(f"no such file or folder: {p}")
        elif p.is_dir() and not bank_files([p]):
            raise InputError(f"no bank files (*.yaml, *.yml) in {p}: is the path right?")
    config = load_config(args.config)
    thresholds = dict(config.thresholds)
    for key in ("min_variants", "near_duplicate_threshold", "min_variety"):
        value = getattr(args, key)
        if value is not None:
            if value < 0:
                raise InputError(f"--{key.replace('_', '-')} must not be negative")
            thresholds[key] = float(value)
    config = config.merged(select=args.select, fail_on=args.fail_on, thresholds=thresholds,
                           ignore=(*config.ignore, *args.ignore) if args.ignore else None)
    baseline = read_baseline(args.baseline) if args.baseline else None
    report = lint_paths(paths, config=config, search=list(args.bank_dir), baseline=baseline, stdin=stdin,
                        cache=not args.no_cache)
    if args.write_baseline:
        count = write_baseline(args.write_baseline, report.findings)
        sys.stderr.write(f"wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}\n")
        return 0
    name = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    out = get_formatter(name).render(report)
    if args.output:
        args.output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 1 if report.reaches(config.fail_on) else 0


def _read_stdin() -> bytes:
    from carevoice.errors import InputError

    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:
            raise OSError("standard input is closed")
        return bytes(stream.read())
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read a bank from standard input: {exc}") from None
