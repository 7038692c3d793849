"""`carevoice triage`: queue, situations and drafts; bad lines located with exit 2; progress bar."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import SHARED_DATA

from carevoice.cli import main
from carevoice.cli._triage import _Progress

T0 = datetime(2024, 5, 6, 9, tzinfo=timezone.utc)
OUTAGE = ["Is the app down? can't log in", "app down, login fails", "App down?? login just spins",
          "can't log in to the app, outage?"]


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stream() -> list[str]:
    lines = [json.dumps({"id": f"o{i}", "text": OUTAGE[i % 4], "time": (T0 + timedelta(minutes=i)).isoformat(),
                         "channel": "x", "author": f"@u{i}"}) for i in range(12)]
    lines.append(json.dumps({"id": "f1", "text": "My order #4417 hasn't arrived yet", "channel": "facebook",
                             "time": "2024-05-06T09:05:00Z", "author": "@ann"}))
    lines.append(json.dumps({"id": "l1", "text": "I'm going to sue you over this double charge",
                             "time": "2024-05-06T09:06:00+00:00", "author": "@bo"}))
    return lines


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "triage", "--input", str(write(tmp_path, stream())), "--brand", "parcelpop", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["posts"] == 14 and data["bad_lines"] == 0
    assert len(data["surges"]) == 1
    surge = data["situations"][0]
    assert surge["id"] == data["surges"][0] and surge["team"] == "it_support" and surge["holding"]["text"]
    queue = data["queue"]
    assert queue[0]["id"] == "l1" and queue[0]["recommendation"] == "escalate" and queue[0]["team"] == "legal"
    assert queue[0]["deadline"] == "2024-05-06T09:21:00+00:00"
    fb = next(q for q in queue if q["id"] == "f1")
    assert fb["deadline"] == "2024-05-06T10:05:00+00:00" and fb["draft"]["text"]
    outage = [q for q in queue if q["id"].startswith("o")]
    assert all(q["draft"]["situation"] == surge["id"] for q in outage)
    assert all("CV801" in {f["code"] for f in q["draft"]["findings"]} for q in outage)


def test_human_report_and_top(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "triage", "-i", str(write(tmp_path, stream())), "--brand", "parcelpop", "--top", "2",
                       "--no-drafts")
    assert code == 0
    assert "SURGE S1 service_outage" in out and "1 surging" in out
    assert "  1. P1" in out and "  3." not in out


def test_bad_lines_are_located_and_the_rest_is_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [*stream()[:2], "{not json", json.dumps({"text": "no time"}),
             json.dumps({"text": "hi", "time": "yesterday"}), json.dumps({"text": "hi", "time": "2024-05-06T09:00:00",
                                                                          "channel": "facebok"}), "[1, 2]"]
    path = write(tmp_path, lines)
    code, out, err = run(capsys, "triage", "--input", str(path), "--brand", "parcelpop", "--json", "--no-drafts")
    assert code == 2
    assert json.loads(out)["posts"] == 2
    messages = err.strip().splitlines()
    assert [m.split(": ", 1)[0] for m in messages] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert "missing 'time'" in messages[1] and "not ISO 8601" in messages[2]
    assert "did you mean 'facebook'" in messages[3]
    assert "Traceback" not in err


@pytest.mark.parametrize(("argv", "words"), [
    (["triage", "--brand", "parcelpop"], "required: --input"),
    (["triage", "--input", "nofile.jsonl", "--brand", "parcelpop"], "no input file"),
    (["triage", "--input", "-", "--brand", "parcelpopp"], "did you mean 'parcelpop'"),
])
def test_usage_errors_are_one_line(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    tty, pipe = _Tty(), io.StringIO()
    for stream_, expected in ((tty, True), (pipe, False)):
        bar = _Progress("triage", stream_)
        for n in range(1, 201):
            bar(n, 200)
        assert ("100% 200/200" in stream_.getvalue()) is expected
    assert tty.getvalue().count("\r") == 101  # once per percent, from 0 to 100


@pytest.mark.skipif(not (SHARED_DATA / "ibm_twitter_cdp").is_dir(), reason="shared data absent")
def test_real_posts_triage_without_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conversations = json.loads((SHARED_DATA / "ibm_twitter_cdp" / "dev.json").read_text(encoding="utf-8"))
    lines = []
    for i, conv in enumerate(conversations[:200]):
        first = next(t for t in conv["dialogContent"] if "client" in t)
        lines.append(json.dumps({"id": str(i), "text": first["message"], "author": f"@c{i}",
                                 "time": (T0 + timedelta(minutes=i)).isoformat()}))
    code, out, _ = run(capsys, "triage", "--input", str(write(tmp_path, lines)), "--brand", "base", "--json",
                       "--no-drafts")
    assert code == 0 and json.loads(out)["posts"] == 200
