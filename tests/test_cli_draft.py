"""`carevoice draft`, `banks`, `schema`, `channels`: in-process, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carevoice.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_draft_json_has_the_stable_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "draft", "My order #4417 still hasn't arrived", "--brand", "parcelpop",
                       "--json", "--history", ":memory:")
    assert code == 0
    d = json.loads(out)
    for key in ("id", "text", "channel", "brand", "action", "stages", "analysis", "private",
                "custom_slot", "findings"):
        assert key in d
    for key in ("category", "emotion", "urgency", "abusive", "pii", "details"):
        assert key in d["analysis"]
    assert d["brand"] == "parcelpop" and d["channel"] == "x"
    assert d["text"] and all({"stage", "phrase_id"} == set(s) for s in d["stages"])


def test_draft_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "draft", "Thanks so much, the crew were wonderful today", "--brand",
                       "northwind-air", "--name", "Dana Kim", "--history", ":memory:")
    assert code == 0
    assert out.splitlines()[0].startswith("reply")
    assert "^" in out  # the airline signs with initials


@pytest.mark.parametrize(("argv", "words"), [
    (["draft", "", "--brand", "parcelpop"], "empty"),
    (["draft", "hello", "--brand", "parcelpopp"], "did you mean 'parcelpop'"),
    (["draft", "hello", "--brand", "parcelpop", "--channel", "twiter"], "unknown channel 'twiter'"),
    (["draft", "--brand", "parcelpop"], "give either TEXT"),
    (["draft", "hello", "--brand", "parcelpop", "--input", "nofile.jsonl"], "give either TEXT"),
    (["draft", "--input", "nofile.jsonl", "--brand", "parcelpop"], "no input file"),
    (["draft", "hello"], "required: --brand"),
    (["nosuchcommand"], "invalid choice"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    code, _, err = run(capsys, *argv, *(["--history", ":memory:"] if argv[0] == "draft" else []))
    assert code == 2
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_broken_bank_is_located(capsys: pytest.CaptureFixture[str]) -> None:
    bad = Path(__file__).parent / "fixtures" / "badbanks" / "unknown_key.yaml"
    code, _, err = run(capsys, "draft", "hi", "--brand", str(bad), "--history", ":memory:")
    assert code == 2
    assert f"{bad}:4:3:" in err


def test_batch_keeps_order_and_reports_bad_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "My parcel is late again", "company": "ignored"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        "",
        json.dumps({"id": 4, "text": "The app crashes when I log in", "channel": "facebook", "name": "Lee"}),
        json.dumps({"id": "e", "text": "hi", "channel": "twiter"}),
    ]
    f = tmp_path / "posts.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "draft", "--input", str(f), "--brand", "parcelpop", "--history", ":memory:")
    assert code == 2
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c", "4", "e"]
    assert [r.get("line") for r in rows if "error" in r] == [2, 3, 6]
    assert rows[3]["channel"] == "facebook"
    assert f"{f}:2: not valid JSON" in err and f"{f}:6: unknown channel" in err


def test_history_makes_the_next_draft_different(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    h = str(tmp_path / "h.sqlite")
    texts = []
    for _ in range(3):
        code, out, _ = run(capsys, "draft", "My parcel is late", "--brand", "parcelpop", "--json", "--history", h)
        assert code == 0
        texts.append(json.loads(out)["text"])
    assert len(set(texts)) == 3


def test_same_seed_same_draft_without_history(capsys: pytest.CaptureFixture[str]) -> None:
    outs = [run(capsys, "draft", "My parcel is late", "--brand", "parcelpop", "--json", "--seed", "5",
                "--history", ":memory:")[1] for _ in range(2)]
    assert outs[0] == outs[1]


def test_banks_json_lists_the_shipped_banks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "banks", "--json")
    assert code == 0
    names = {b["name"] for b in json.loads(out)}
    assert {"base", "northwind-air", "parcelpop", "harbour-bank"} <= names


def test_banks_lists_a_local_bank(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "phrasebanks").mkdir()
    (tmp_path / "phrasebanks" / "acme.yaml").write_text("bank: acme\nextends: base\ndisplay_name: Acme\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "banks", "--json")
    assert code == 0
    acme = next(b for b in json.loads(out) if b["name"] == "acme")
    assert acme["shipped"] is False and acme["extends"] == ["base"] and acme["error"] is None


def test_schema_validates_the_shipped_banks(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema
    import yaml

    from carevoice.bank import shipped_dir

    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    for f in shipped_dir().glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(f.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"bank": "x", "voice": {"sign_of": "^X"}}, schema)


def test_channels_lists_limits(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "channels", "--json")
    assert code == 0
    x = next(c for c in json.loads(out) if c["id"] == "x")
    assert (x["limit"], x["unit"]) == (280, "weighted")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("carevoice ")



def test_the_program_ends_at_once_with_its_drafts_status_and_history(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    """Run as the program, draft ends its process with os._exit: the same output, status and recorded replies."""
    import os
    import re
    import sqlite3
    import subprocess
    import sys

    src = os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                           *filter(None, [os.environ.get("PYTHONPATH")])])
    env = {**os.environ, "PYTHONPATH": src, "CAREVOICE_CACHE_DIR": str(tmp_path / "cache")}
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "a", "text": "My parcel is late again"}) + "\n{not json\n", encoding="utf-8")
    late, scam = "My order 4417 still hasn't arrived", "I was charged twice, this is a scam"
    runs = [[late], [late], ["--input", str(posts)], ["--input", str(posts)], [scam, "--json"], [scam, "--json"]]
    results: dict[str, list[tuple[int, str, str]]] = {}
    replies: dict[str, list[tuple[str, str]]] = {}
    for where in ("program", "in-process"):
        history = tmp_path / f"{where}.sqlite"
        results[where] = []
        for args in runs:  # each twice: the second run drafts after what the first recorded
            argv = ["draft", *args, "--brand", "parcelpop", "--history", str(history)]
            if where == "program":
                done = subprocess.run([sys.executable, "-m", "carevoice", *argv], env=env, capture_output=True,
                                      text=True, check=False)
                code, out, err = done.returncode, done.stdout, done.stderr
            else:
                code, out, err = run(capsys, *argv)
            if args[-1] == "--json":  # a post without an id gets a new random draft id
                out = json.dumps({**json.loads(out), "id": None})
            out = re.sub(r'"time": "[^"]*"', '"time": null', out)  # when the earlier reply was recorded
            results[where].append((code, out, err))
        with sqlite3.connect(history) as db:
            replies[where] = db.execute("SELECT post_key, text FROM replies ORDER BY seq").fetchall()
        db.close()
    assert results["program"] == results["in-process"]
    assert [code for code, _, _ in results["program"]] == [0, 0, 2, 2, 0, 0]
    assert "already_answered" in results["program"][3][1] and "not valid JSON" in results["program"][3][2]
    assert replies["program"] == replies["in-process"] and len(replies["program"]) == 5


def test_only_lint_and_one_post_drafts_hold_the_collector_to_the_end() -> None:
    from carevoice.cli import _held_to_the_end, build_parser

    parser = build_parser()
    held = {" ".join(argv): _held_to_the_end(parser.parse_args(argv)) for argv in (
        ["draft", "My parcel is late", "--brand", "parcelpop"], ["draft", "-", "--brand", "parcelpop"],
        ["draft", "--input", "posts.jsonl", "--brand", "parcelpop"], ["lint", "phrasebanks"],
        ["check", "Sorry about that"])}
    assert list(held.values()) == [True, True, False, True, False]
