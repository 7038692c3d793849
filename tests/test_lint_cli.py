"""``carevoice lint`` in-process: exit codes, formats (golden files), GitHub auto-format, SARIF schema, baseline."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SHARED_DATA

from carevoice.cli import main

LINT = FIXTURES / "lint"
GOLDEN = ROOT / "tests" / "golden" / "lint"
GOLDEN_FILES = ["templates.yaml", "repetition.yaml", "suppress.yaml"]
CLEAN = """bank: clean
display_name: Clean
channels: [x]
lint: {min_variants: 1}
phrases:
  any:
    acknowledge: [{id: a1, text: "Thanks for telling us about this."}]
    apologise: [{id: s1, text: "Sorry for the trouble."}]
    resolve: [{id: r1, text: "We are looking into it now."}]
    move_private: [{id: m1, text: "Send us a {{ channel.private }} and we will check your account."}]
"""
WARN_ONLY = CLEAN.replace('    resolve: [{id: r1, text: "We are looking into it now."}]',
                          '    resolve:\n      - {id: r1, text: "We are looking into it now."}\n'
                          '      - {id: r2, text: "We are looking into it right now."}')


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def bank(tmp_path: Path, text: str, name: str = "clean") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "args", "expected"), [
    (CLEAN, [], 0),
    (WARN_ONLY, [], 0),
    (WARN_ONLY, ["--fail-on", "warning"], 1),
    (WARN_ONLY, ["--fail-on", "info"], 1),
    (WARN_ONLY, ["--fail-on", "warning", "--ignore", "CV711"], 0),
    (WARN_ONLY, ["--fail-on", "warning", "--select", "CV1,CV9"], 0),
    (CLEAN.replace("{{ channel.private }}", "{{ chanel.private }}"), [], 1),
])
def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, args: list[str],
                    expected: int) -> None:
    code, out, _ = run(capsys, str(bank(tmp_path, text)), *args)
    assert code == expected, out


@pytest.mark.parametrize("args", [
    ["nope.yaml"],
    ["--fail-on", "fatal"],
    ["--select", "E501"],
    ["--config", "missing.toml"],
    ["--baseline", "missing.json"],
    ["--min-variants", "-1"],
])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    bank(tmp_path, CLEAN)
    code, out, err = run(capsys, *(args if args[0] == "nope.yaml" else ["clean.yaml", *args]))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_default_path_is_phrasebanks(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys)[0] == 2
    (tmp_path / "phrasebanks").mkdir()
    bank(tmp_path / "phrasebanks", CLEAN)
    code, out, _ = run(capsys)
    assert code == 0 and "all clean: 1 file checked" in out


def test_text_lines_are_path_line_col_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = bank(tmp_path, WARN_ONLY)
    _, out, _ = run(capsys, str(path))
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:11:24: CV711 [warning] near-duplicate of r1")


def _normalise(text: str) -> str:
    from carevoice.lint._formats import _version

    return text.replace(f'"version": "{_version()}"', '"version": "VERSION"')


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_golden_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.chdir(LINT)
    code, out, _ = run(capsys, *GOLDEN_FILES, "--format", fmt)
    assert code == 1
    golden = GOLDEN / f"{fmt}.txt"
    if os.environ.get("CAREVOICE_UPDATE_GOLDEN"):
        golden.write_text(_normalise(out), encoding="utf-8")
    assert _normalise(out) == golden.read_text(encoding="utf-8")


def test_github_format_is_automatic_on_actions(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys, str(bank(tmp_path, WARN_ONLY)))
    assert out.startswith("::warning file=")
    assert ",line=11,col=24,title=CV711 lint.near_duplicate::CV711 near-duplicate" in out


def test_json_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = run(capsys, str(bank(tmp_path, WARN_ONLY)), "--format", "json")
    data = json.loads(out)
    assert data["version"] == 1
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0, "total": 1, "suppressed": 0, "baselined": 0}
    assert set(data["findings"][0]) == {"file", "line", "column", "code", "severity", "rule", "message",
                                        "phrase_id", "suggestion"}
    assert data["findings"][0]["phrase_id"] == "r2"


SARIF_SCHEMA = SHARED_DATA / "sarif" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="SARIF schema not in ../shared/data/sarif")
def test_sarif_validates_against_the_2_1_0_schema(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    monkeypatch.chdir(LINT)
    _, out, _ = run(capsys, *sorted(p.name for p in LINT.glob("*.yaml")), "--format", "sarif")
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert results and all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
                           for r in results)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    code, out, _ = run(capsys, str(bank(tmp_path, WARN_ONLY)), "--format", "sarif", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_baseline_survives_moved_lines_and_catches_new_problems(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    path = bank(tmp_path, WARN_ONLY)
    base = tmp_path / "baseline.json"
    code, _, err = run(capsys, str(path), "--write-baseline", str(base))
    assert code == 0 and "wrote 1 finding" in err
    entry = json.loads(base.read_text(encoding="utf-8"))["findings"][0]
    assert set(entry) == {"file", "phrase", "code", "hash"} and entry["phrase"] == "r2"
    path.write_text("# a new comment moves every line\n\n" + WARN_ONLY, encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--fail-on", "warning", "--baseline", str(base))
    assert code == 0 and "1 in baseline" in out
    path.write_text(WARN_ONLY.replace("right now.", "right now!"), encoding="utf-8")  # the phrase changed
    code, out, _ = run(capsys, str(path), "--fail-on", "warning", "--baseline", str(base))
    assert code == 1 and "CV711" in out


def test_bad_baseline_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    base.write_text('{"version": 9}', encoding="utf-8")
    code, _, err = run(capsys, str(bank(tmp_path, CLEAN)), "--baseline", str(base))
    assert code == 2 and "not a carevoice baseline" in err


def test_lints_a_folder_with_parents_found_nearby(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bank(tmp_path, CLEAN, "clean")
    bank(tmp_path, "bank: child\nextends: clean\ndisplay_name: Child\n", "child")
    code, out, _ = run(capsys, str(tmp_path), "--fail-on", "warning")
    assert code == 0 and "2 files checked" in out


def test_shipped_bank_folder_copy_lints(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(ROOT / "phrasebanks" / "base.yaml", tmp_path / "base.yaml")
    code, out, _ = run(capsys, str(tmp_path / "base.yaml"), "--select", "CV1")
    assert code == 0, out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_program_ends_at_once_with_its_whole_report_and_status(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path, fmt: str) -> None:
    """Run as the program, lint ends its process with os._exit: the report is complete, the status kept."""
    import subprocess
    import sys

    src = os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    env = {**os.environ, "PYTHONPATH": src, "CAREVOICE_CACHE_DIR": str(tmp_path / "cache")}
    dirty = bank(tmp_path, CLEAN.replace("{{ channel.private }}", "{{ chanel.private }}"), "dirty")
    for path, status in ((bank(tmp_path, CLEAN), 0), (dirty, 1), (LINT, 1)):
        args = ["lint", "--no-cache", "--format", fmt, str(path)]
        done = subprocess.run([sys.executable, "-m", "carevoice", *args], env=env, capture_output=True, text=True,
                              check=False)
        code, out, _ = run(capsys, *args[1:])  # in-process: no early end, the same report
        assert done.returncode == code == status, done.stderr
        assert done.stdout == out and done.stderr == ""
        if fmt == "json":
            assert json.loads(done.stdout)["findings"] or status == 0
    closed = subprocess.run(f'"{sys.executable}" -m carevoice lint --no-cache {LINT} >&-', shell=True, env=env,
                            capture_output=True, text=True, check=False)
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr
