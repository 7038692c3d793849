"""Bad input and broken streams on the command line: one readable line, exit 2, good work kept."""

from __future__ import annotations

import errno
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from carevoice.cli import main

GOOD = [json.dumps({"id": "a", "text": "My parcel is late again"}),
        json.dumps({"id": "b", "text": "The app crashes when I log in"})]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(x) for x in out.splitlines()]


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def recorded(path: Path) -> int:
    if not path.exists():
        return 0
    return int(sqlite3.connect(path).execute("SELECT count(*) FROM replies").fetchone()[0])


@pytest.mark.parametrize("command", ["draft", "triage"])
def test_an_invalid_utf8_line_is_reported_with_its_number_and_the_rest_is_read(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    bad = b'{"id": "x", "text": "caf\xe9 \xff late", "time": "2024-05-06T09:00:00Z"}'
    lines = [x.replace("}", ', "time": "2024-05-06T09:00:00Z"}').encode() for x in GOOD]
    f.write_bytes(lines[0] + b"\n" + bad + b"\n" + lines[1] + b"\n")
    code, out, err = run(capsys, command, "--input", str(f), "--brand", "parcelpop", "--no-record",
                         *(["--json", "--no-drafts"] if command == "triage" else []))
    assert code == 2
    assert one_line(err) == f"{f}:2: not valid UTF-8 (byte 0xe9 at column 25)"
    if command == "draft":
        assert [r.get("id") for r in rows(out)] == ["a", None, "b"] and rows(out)[1]["line"] == 2
    else:
        assert json.loads(out)["posts"] == 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + "\n".join(GOOD).encode() + b"\n")
    code, out, err = run(capsys, "draft", "--input", str(f), "--brand", "parcelpop", "--no-record")
    assert (code, err) == (0, "")
    assert [r["id"] for r in rows(out)] == ["a", "b"]


@pytest.mark.parametrize(("encode", "words"), [
    (lambda text: text.encode("utf-16"), "UTF-16 (or UTF-32) text"),
    (lambda text: text.encode("utf-16-le"), "UTF-16 (or UTF-32) text"),
    (lambda text: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "a binary file"),
    (lambda text: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a binary file"),
])
@pytest.mark.parametrize("command", ["draft", "triage"])
def test_utf16_and_binary_files_get_one_clear_line(command: str, encode: object, words: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_bytes(encode("\n".join(GOOD) + "\n"))  # type: ignore[operator]
    code, out, err = run(capsys, command, "--input", str(f), "--brand", "parcelpop", "--no-record")
    assert code == 2 and out == ""
    assert one_line(err) == f"carevoice {command}: error: {f}: {words}" + (
        "; carevoice reads UTF-8 (convert it first: iconv -f UTF-16 -t UTF-8)" if "UTF-16" in words
        else ", not UTF-8 JSON Lines text")


@pytest.mark.parametrize("command", ["draft", "triage"])
def test_deeply_nested_json_is_one_bad_line_and_later_lines_are_kept(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    good = [x.replace("}", ', "time": "2024-05-06T09:00:00Z"}') for x in GOOD]
    f.write_text(good[0] + "\n" + "[" * 200_000 + "\n" + good[1] + "\n" + '{"text": ' + "9" * 5000 + "}\n",
                 encoding="utf-8")
    code, out, err = run(capsys, command, "--input", str(f), "--brand", "parcelpop", "--no-record",
                         *(["--json", "--no-drafts"] if command == "triage" else []))
    assert code == 2 and "Traceback" not in err
    first, second = err.splitlines()
    assert first == f"{f}:2: not usable JSON: nested too deeply"
    assert second.startswith(f"{f}:4: not usable JSON: Exceeds the limit (4300 digits)")
    if command == "draft":
        assert [r.get("id") for r in rows(out)] == ["a", None, "b", None]
    else:
        assert json.loads(out)["posts"] == 2


def test_an_overlong_line_is_skipped_and_reading_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_text(json.dumps({"text": "x" * (2 << 20)}) + "\n" + GOOD[0] + "\n", encoding="utf-8")
    code, out, err = run(capsys, "draft", "--input", str(f), "--brand", "parcelpop", "--no-record")
    assert code == 2 and one_line(err) == f"{f}:1: line longer than 1024 KiB"
    assert [r.get("id") for r in rows(out)] == [None, "a"]


@pytest.mark.parametrize("argv", [
    ["draft", "-", "--brand", "parcelpop"],
    ["draft", "--input", "-", "--brand", "parcelpop"],
    ["triage", "--input", "-", "--brand", "parcelpop"],
    ["check", "-"],
])
def test_closed_standard_input_is_one_line(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "standard input is closed" in one_line(err)


def test_standard_input_that_is_not_utf8_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"my parcel \xff is late")))
    code, _, err = run(capsys, "draft", "-", "--brand", "parcelpop", "--history", ":memory:")
    assert code == 2 and one_line(err).endswith("<stdin>: not valid UTF-8 (byte 0xff at column 11)")


def test_closed_standard_output_drafts_and_records_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    history = tmp_path / "h.sqlite"
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["draft", "My parcel is late", "--brand", "parcelpop", "--history", str(history)])
    err = capsys.readouterr().err
    assert code == 2 and "standard output is closed" in one_line(err)
    assert recorded(history) == 0


class _Full(io.StringIO):
    """Standard output on a full disk: every flush fails."""

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("batch", [False, True])
def test_a_draft_that_cannot_be_written_is_never_recorded(batch: bool, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    history = tmp_path / "h.sqlite"
    f = tmp_path / "posts.jsonl"
    f.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", _Full())
    argv = ["--input", str(f)] if batch else ["My parcel is late"]
    code = main(["draft", *argv, "--brand", "parcelpop", "--history", str(history)])
    err = capsys.readouterr().err
    assert code == 2
    assert one_line(err) == ("carevoice draft: error: cannot write to standard output: "
                             "[Errno 28] No space left on device")
    assert recorded(history) == 0


def test_real_closed_streams_in_a_shell(tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    env_cmd = [sys.executable, "-m", "carevoice"]
    base = " ".join(env_cmd)
    for script, words in [
        (f"{base} draft - --brand parcelpop --history {history} <&-", "standard input is closed"),
        (f"{base} draft --input - --brand parcelpop --history {history} <&-", "standard input is closed"),
        (f"{base} draft 'My parcel is late' --brand parcelpop --history {history} >&-", "standard output is closed"),
        (f"{base} draft 'My parcel is late' --brand parcelpop --history {history} >/dev/full",
         "No space left on device"),
    ]:
        proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, (script, proc.stderr)
        assert words in one_line(proc.stderr), script
    assert recorded(history) == 0


@pytest.mark.parametrize(("field", "value"), [("handle", "ann\ud800"), ("thread_id", "t\udc00"), ("id", "\udfff")])
def test_a_lone_surrogate_in_an_identifier_is_a_bad_line_not_a_crash(
        field: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_text(json.dumps({"text": "My parcel is late", field: value}) + "\n" + GOOD[0] + "\n", encoding="utf-8")
    code, out, err = run(capsys, "draft", "--input", str(f), "--brand", "parcelpop",
                         "--history", str(tmp_path / "h.sqlite"))
    assert code == 2
    assert f"{f}:1: the post's {field}" in one_line(err) and "not valid Unicode" in err
    assert [r.get("id") for r in rows(out)] == [value if field == "id" else None, "a"]
    assert recorded(tmp_path / "h.sqlite") == 1


def test_invalid_utf8_in_arguments_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "carevoice", "draft", "My parcel is late", "--brand", "parcelpop",
                           "--handle", b"\xed\xa0\x80".decode("utf-8", "surrogateescape"),
                           "--history", str(tmp_path / "h.sqlite")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "the post's handle" in one_line(proc.stderr)


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--agent", "\u202eJess", "U+202E RIGHT-TO-LEFT OVERRIDE at position 1"),
    ("--agent", "Jess\ud800", "position 5"),
    ("--agent", "J" * 1_000_000, "1,000,000 characters; at most 60"),
    ("--initials", "ABCDE", "5 characters; at most 4"),
    ("--initials", "J\u200dS", "U+200D ZERO WIDTH JOINER"),
])
def test_agent_name_and_initials_are_validated_with_exit_2(option: str, value: str, words: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "draft", "My parcel is late", "--brand", "parcelpop", option, value,
                         "--history", ":memory:")
    assert code == 2 and out == ""
    assert words in one_line(err)


@pytest.mark.parametrize("argv", [["check", "hello"], ["channels"], ["banks"], ["schema"],
                                  ["lint", "phrasebanks/parcelpop.yaml"]])
def test_every_command_with_closed_standard_output_is_one_line(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdout", None)
    code = main(argv)
    assert code == 2
    assert one_line(capsys.readouterr().err) == f"carevoice {argv[0]}: error: standard output is closed"
