"""What a warm command-line draft leaves unimported, and the stand-ins that let it: the same results."""

from __future__ import annotations

import argparse
import hashlib
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from carevoice import _hash, _plain
from carevoice.cli import _terminal_columns, build_parser

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.mark.parametrize("data", [b"", b"x", "My order 4417 hasn't arrived \u2019".encode(), bytes(range(256)) * 70])
def test_sha256_gives_hashlibs_digests(data: bytes) -> None:
    assert _hash.sha256(data).digest() == hashlib.sha256(data).digest()
    assert _hash.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    grown, expected = _hash.sha256(b"head|"), hashlib.sha256(b"head|")
    for chunk in (data[:7], data[7:], b"\0"):
        grown.update(chunk)
        expected.update(chunk)
    assert grown.hexdigest() == expected.hexdigest()


def test_sha256_falls_back_to_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "_sha2", None)  # a build without CPython's own SHA-256
    monkeypatch.setitem(sys.modules, "_sha256", None)
    make = _hash._constructor()
    assert make is hashlib.sha256
    assert make(b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest()


@pytest.mark.parametrize(("columns", "lines"), [(None, None), ("100", None), ("100", "40"), ("0", "40"), ("-3", None),
                                                ("wide", "x"), (" 90 ", "1"), (None, "30")])
def test_terminal_columns_as_shutil(monkeypatch: pytest.MonkeyPatch, columns: str | None, lines: str | None) -> None:
    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert _terminal_columns() == shutil.get_terminal_size().columns
    parser = build_parser()
    plain = argparse.ArgumentParser._get_formatter(parser)
    assert type(parser._get_formatter()) is type(plain)
    assert parser._get_formatter()._width == plain._width  # type: ignore[attr-defined]
    assert parser._get_formatter()._max_help_position == plain._max_help_position  # type: ignore[attr-defined]


def test_help_is_argparses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    parser = build_parser()
    draft = parser._subparsers._group_actions[0].choices["draft"]  # type: ignore[union-attr]
    for p in (parser, draft):
        formatter = argparse.ArgumentParser._get_formatter(p)
        formatter.add_usage(p.usage, p._actions, p._mutually_exclusive_groups)
        assert p.format_usage() == formatter.format_help()
        assert "usage: carevoice" in p.format_help()


def test_twin_annotations_are_inspects() -> None:
    twins = [c for c in vars(_plain).values() if isinstance(c, type) and issubclass(c, _plain.Plain)]
    assert len(twins) > 5
    for cls in twins:
        assert _plain._annotations(cls) == inspect.get_annotations(cls)
    assert _plain._annotations(int) == {}


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                          env=env or {**os.environ, "PYTHONPATH": str(SRC)})


def test_a_deferred_module_runs_on_first_use() -> None:
    out = _run(
        "import sys, types\n"
        "from carevoice._lazy import _Deferred, defer_module\n"
        "assert 'colorsys' not in sys.modules\n"
        "assert defer_module('colorsys')\n"
        "import colorsys\n"
        "assert type(colorsys) is _Deferred and sys.modules['colorsys'] is colorsys  # imported, not run\n"
        "import colorsys as again\n"
        "assert type(again) is _Deferred\n"
        "assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)\n"
        "assert type(colorsys) is types.ModuleType and sys.modules['colorsys'] is colorsys\n"
        "from colorsys import hls_to_rgb\n"
        "assert hls_to_rgb(0.0, 0.5, 1.0) == (1.0, 0.0, 0.0)\n"
        "assert colorsys.__name__ == 'colorsys' and colorsys.__file__.endswith('colorsys.py')\n"
        "assert defer_module('this_is_no_module') is False and 'this_is_no_module' not in sys.modules\n"
        "assert defer_module('sys') is False and defer_module('colorsys') is False  # already imported\n"
        "assert defer_module('itertools') is False  # built in: not Python code in a file\n"
        "assert defer_module('fractions')\n"
        "from fractions import Fraction\n"
        "assert Fraction(1, 3) + Fraction(1, 6) == Fraction(1, 2)\n"
        "print('ok')\n"
    )
    assert out.stdout == "ok\n"


def test_a_warm_draft_leaves_inspect_ipaddress_hashlib_and_shutil_alone(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "CAREVOICE_CACHE_DIR": str(tmp_path / "cache"),
           "CAREVOICE_HISTORY": str(tmp_path / "h.sqlite")}
    env.pop("CAREVOICE_NO_CACHE", None)
    args = ["draft", "My order 4417 still hasn't arrived", "--brand", "parcelpop", "--channel", "x"]
    subprocess.run([sys.executable, "-m", "carevoice", *args], check=True, capture_output=True, env=env)  # warm up
    probe = (
        "import sys\n"
        f"sys.argv = ['carevoice', *{[*args, '--no-record']!r}]\n"
        "{pre}"
        "from carevoice import cli\n"
        "cli._end_now = lambda status: None  # a draft run as the program ends at once: look at it first\n"
        "assert cli.main() == 0\n"
        "print('LOADED', type(sys.modules.get('inspect')).__name__, type(sys.modules.get('ipaddress')).__name__,"
        " 'hashlib' in sys.modules, 'shutil' in sys.modules, file=sys.stderr)\n"
    )
    warm = _run(probe.format(pre=""), env)
    assert "LOADED _Deferred _Deferred False False" in warm.stderr, warm.stderr
    usual = _run(probe.format(pre="import hashlib, inspect, ipaddress, shutil\n"), env)  # imported as before
    assert "LOADED module module True True" in usual.stderr, usual.stderr
    assert warm.stdout == usual.stdout and warm.stdout.startswith("reply · late_delivery")
