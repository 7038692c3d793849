"""``carevoice draft`` reads and writes the reply history: a file, the default location, or memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carevoice.cli import main
from carevoice.variation.sqlite import SQLiteHistory

POSTS = ["My parcel #5521 is two weeks late", "The app crashes on login", "My parcel #5521 is two weeks late"]


def draft_file(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(json.dumps({"id": str(n), "text": t}) + "\n" for n, t in enumerate(POSTS)))
    assert main(["draft", "--input", str(source), "--brand", "parcelpop", "--json", *extra]) == 0
    return []


def test_drafts_are_recorded_in_the_history_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.sqlite"
    draft_file(tmp_path, "--history", str(path))
    drafts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    with SQLiteHistory(path) as h:
        stored = h.recent("parcelpop")
    assert [r.text for r in reversed(stored)] == [d["text"] for d in drafts]
    assert drafts[0]["text"] != drafts[2]["text"]  # the same post twice gets a different reply


def test_running_a_batch_again_publishes_nothing_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.sqlite"
    draft_file(tmp_path, "--history", str(path))
    first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    draft_file(tmp_path, "--history", str(path))
    second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(d["already_answered"] for d in second)
    assert [d["text"] for d in second] == [d["text"] for d in first]
    assert [d["seq"] for d in second] == [1, 2, 3]
    with SQLiteHistory(path) as h:
        assert h.count("parcelpop") == 3


def test_new_reply_records_a_further_reply_that_varies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.sqlite"
    draft_file(tmp_path, "--history", str(path))
    first = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    draft_file(tmp_path, "--history", str(path), "--new-reply")
    second = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    assert not set(first) & set(second)
    with SQLiteHistory(path) as h:
        assert h.count("parcelpop") == 6


def test_the_default_history_is_the_environment_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft_file(tmp_path)  # conftest points CAREVOICE_HISTORY at tmp_path / history.sqlite
    with SQLiteHistory(tmp_path / "history.sqlite") as h:
        assert h.count() == 3


def test_no_record_and_memory_leave_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft_file(tmp_path, "--history", ":memory:")
    draft_file(tmp_path, "--no-record", "--history", str(tmp_path / "n.sqlite"))
    assert not (tmp_path / "history.sqlite").exists()
    with SQLiteHistory(tmp_path / "n.sqlite") as h:
        assert h.count() == 0


def test_a_corrupt_history_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 200)
    assert main(["draft", "hello", "--brand", "parcelpop", "--history", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not a readable carevoice reply history" in err and err.count("\n") == 1
