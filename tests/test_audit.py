"""``carevoice audit`` and the audit library: repetition rates and clusters of published replies."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pg
import pytest
from conftest import ROOT, SHARED_DATA

from carevoice.cli import main
from carevoice.variation.audit import Reply, audit, parse_since, read_history, read_replies
from carevoice.variation.history import History
from carevoice.variation.records import ReplyRecord
from carevoice.variation.sqlite import SQLiteHistory

SCRIPT = "Sorry to hear that! Please DM us your order number and we'll take a look."
ROWS = [
    {"text": f"@user{n} {SCRIPT} ^A{chr(65 + n)}", "brand": "shop", "time": f"2020-01-01T10:0{n}:00Z"}
    for n in range(4)
] + [
    {"text": "@x Thanks for the kind words, we'll pass them on to the team!", "brand": "shop",
     "time": "2020-01-01T10:05:00Z"},
    {"text": "@y Your refund was issued today; it can take 5 days to show.", "brand": "bank",
     "time": "2020-01-01T09:00:00Z"},
    {"text": "@z We're looking into the outage now and will post updates here.", "brand": "bank",
     "time": "2020-01-01T09:30:00Z"},
]


def write_jsonl(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "replies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def write_csv(tmp_path: Path) -> Path:
    path = tmp_path / "replies.csv"
    lines = ["author,created_at,text"] + [f'{r["brand"]},{r["time"]},"{r["text"]}"' for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_script_used_four_times_is_one_cluster_and_three_near_duplicates(tmp_path: Path) -> None:
    report = audit(read_replies(write_jsonl(tmp_path, ROWS)))
    shop = next(b for b in report.brands if b.brand == "shop")
    bank = next(b for b in report.brands if b.brand == "bank")
    assert (shop.replies, shop.near_duplicates, [c.size for c in shop.clusters]) == (5, 3, [4])
    assert shop.rate == pytest.approx(0.6) and bank.near_duplicates == 0
    assert report.rate == pytest.approx(3 / 7)


def test_csv_and_jsonl_give_the_same_report(tmp_path: Path) -> None:
    a = audit(read_replies(write_jsonl(tmp_path, ROWS))).to_json()
    b = audit(read_replies(write_csv(tmp_path))).to_json()
    for report in (a, b):
        for brand in report["brands"]:
            for c in brand["clusters"]:
                c.pop("lines")
    assert a == b


def test_the_window_limits_how_far_back_a_reply_is_compared() -> None:
    replies = [Reply(SCRIPT, "b", None, 1)] + [Reply(f"Unrelated reply {n} about {w}", "b", None, n + 2)
                                              for n, w in enumerate(["parcels", "refunds", "logins"])]
    replies.append(Reply(SCRIPT, "b", None, 9))
    assert audit(replies, window=2).brands[0].near_duplicates == 0
    assert audit(replies, window=0).brands[0].near_duplicates == 1


@pytest.mark.parametrize(("content", "message"), [
    ('{"text": "fine"}\n{"text": \n', "replies.jsonl:2: not valid JSON"),
    ('{"brand": "b"}\n', "replies.jsonl:1: no reply text"),
    ("[1, 2]\n", None),
    ("author,when\nb,2020\n", "no text column"),
])
def test_bad_files_are_one_located_error(tmp_path: Path, content: str, message: str | None,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main(["audit", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    if message:
        assert message in err


def test_cli_text_report_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(write_jsonl(tmp_path, ROWS))]) == 1
    out = capsys.readouterr().out
    assert "3 near-duplicates (42.9%)" in out and "shop: 3/5 near-duplicates (60.0%)" in out and "4 x" in out
    clean = [r for r in ROWS if r["brand"] == "bank"]
    assert main(["audit", str(write_jsonl(tmp_path, clean))]) == 0


def test_cli_json_report_with_brand_filter_and_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path, ROWS)
    assert main(["audit", str(path), "--json", "--brand", "shop", "--threshold", "95", "--exact"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1 and data["threshold"] == 95 and [b["brand"] for b in data["brands"]] == ["shop"]
    assert data["brands"][0]["clusters"][0]["size"] == 4


@pytest.mark.parametrize("argv", [["--threshold", "120"], ["--scorer", "nope"], ["--window", "-1"]])
def test_cli_bad_options_exit_2(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(write_jsonl(tmp_path, ROWS)), *argv]) == 2
    assert "error" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path / "none.csv")]) == 2
    assert "no file at" in capsys.readouterr().err


@pytest.mark.skipif(not (SHARED_DATA / "ibm_twitter_cdp").is_dir(), reason="shared IBM data absent")
def test_real_agent_replies_of_the_ibm_data_repeat_themselves(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from simulate import ibm_agent_replies
    finally:
        sys.path.pop(0)
    rows = ibm_agent_replies(SHARED_DATA / "ibm_twitter_cdp")
    report = audit(read_replies(write_jsonl(tmp_path, rows)))
    assert report.replies > 1000 and len(report.brands) >= 20
    assert 0.2 < report.rate < 0.6  # real care accounts reuse scripts heavily (37.7% when measured)
    assert audit(read_replies(write_jsonl(tmp_path, rows)), containment=0.0).rate == pytest.approx(report.rate)


# --- times: Twitter's created_at and ISO 8601 offsets are read, not sorted as strings ------------

OTHER = "Our team is checking the outage on the payments page right now."


def _dups(tmp_path: Path, times: list[str], window: int = 1) -> int:
    texts = [SCRIPT, OTHER, SCRIPT]
    rows = [{"text": text, "brand": "b", "created_at": when} for text, when in zip(texts, times, strict=True)]
    return audit(read_replies(write_jsonl(tmp_path, rows)), window=window).brands[0].near_duplicates


def test_twitter_created_at_is_ordered_by_time_not_by_weekday_name(tmp_path: Path) -> None:
    # in time order the script (Mon), another reply (Tue), the script (Fri): with a window of one
    # earlier reply, the second script is compared with Tuesday's reply only
    times = ["Mon Oct 30 10:00:00 +0000 2017", "Tue Oct 31 10:00:00 +0000 2017", "Fri Nov 03 10:00:00 +0000 2017"]
    assert _dups(tmp_path, times) == 0
    assert _dups(tmp_path, times, window=0) == 1


def test_utc_offsets_are_kept(tmp_path: Path) -> None:
    # 12:00+03:00 is 09:00 UTC: the second script comes first, right before the first one
    times = ["2020-01-01T10:00:00+00:00", "2020-01-01T10:30:00Z", "2020-01-01T12:00:00+03:00"]
    assert _dups(tmp_path, times) == 1
    twitter = ["Wed Jan 01 10:00:00 +0000 2020", "Wed Jan 01 10:30:00 +0000 2020", "Wed Jan 01 12:00:00 +0300 2020"]
    assert _dups(tmp_path, twitter) == 1


@pytest.mark.parametrize(("value", "expected"), [
    ("Tue Oct 31 22:10:47 +0000 2017", "2017-10-31T22:10:47+00:00"),
    ("Tue Oct 31 22:10:47 -0500 2017", "2017-11-01T03:10:47+00:00"),
    ("2017-10-31T22:10:47Z", "2017-10-31T22:10:47+00:00"),
    ("2017-10-31T22:10:47.250+02:00", "2017-10-31T20:10:47.250000+00:00"),
    ("2017-10-31 22:10:47+0530", "2017-10-31T16:40:47+00:00"),
    ("2017-10-31T22:10", "2017-10-31T22:10:00+00:00"),
    ("2017-10-31", "2017-10-31T00:00:00+00:00"),
    ("Tue, 31 Oct 2017 22:10:47 +0000", "2017-10-31T22:10:47+00:00"),
    ("1509487847", "2017-10-31T22:10:47+00:00"),
    ("1509487847000", "2017-10-31T22:10:47+00:00"),
    ("yesterday", None),
    ("2017-13-45T10:00Z", None),
])
def test_parse_time(value: str, expected: str | None) -> None:
    from carevoice.variation.audit import parse_time

    parsed = parse_time(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_a_time_that_cannot_be_read_is_one_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"text": SCRIPT, "brand": "b", "time": "2020-01-01T10:00:00Z"},
            {"text": OTHER, "brand": "b", "time": "yesterday"}]
    assert main(["audit", str(write_jsonl(tmp_path, rows))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "replies.jsonl:2: time 'yesterday' is not a time carevoice reads" in err


# -- straight from a reply history ----------------------------------------------------------------

def _team_history(store: History) -> None:
    t0 = datetime.now(timezone.utc) - timedelta(hours=30)
    rows = [("ana", "late_delivery", SCRIPT), ("bo", "late_delivery", SCRIPT + " Thanks!"),
            ("ana", "app_bug", "Which phone are you on? We'll look into the crash."),
            ("bo", "late_delivery", SCRIPT), ("cy", "praise", "Thanks for the kind words, we'll pass them on!")]
    for n, (agent, situation, text) in enumerate(rows):
        store.record(ReplyRecord(text, "shop", "x", time=t0 + timedelta(hours=8 * n), agent=agent,
                                 category=situation, post_id=str(n)))
    store.record(ReplyRecord(SCRIPT, "bank", "x", time=t0, agent="di"))


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_audit_reads_a_history_per_agent_and_per_situation(kind: str, tmp_path: Path) -> None:
    store: History = SQLiteHistory(tmp_path / "h.sqlite") if kind == "sqlite" else pg.open_store()
    try:
        _team_history(store)
        replies = read_history(store, brands=["shop"])
        assert [r.line for r in replies] == [1, 2, 3, 4, 5] and replies[0].agent == "ana"
        by_agent = audit(replies, by="agent")
        assert by_agent.brands[0].near_duplicates == 2
        assert [(g.key, g.replies, g.near_duplicates) for g in by_agent.groups] == [("ana", 2, 0), ("bo", 2, 2),
                                                                                   ("cy", 1, 0)]
        by_situation = audit(replies, by="situation").to_json()
        assert by_situation["by"] == "situation"
        assert by_situation["groups"][0] == {"brand": "shop", "situation": "late_delivery", "replies": 3,
                                             "near_duplicates": 2, "rate": 0.6667}
        today = read_history(store, since=datetime.now(timezone.utc) - timedelta(hours=12))
        assert [r.text for r in today if r.counted] == [SCRIPT, "Thanks for the kind words, we'll pass them on!"]
        assert [r.line for r in today if not r.counted] == [1, 2, 3]  # shop's earlier replies, to compare with
        assert [(b.brand, b.near_duplicates) for b in audit(today).brands] == [("shop", 1)]  # repeats yesterday
    finally:
        store.close()
        if kind == "postgres":
            pg.drop(store.schema)  # type: ignore[attr-defined]


def test_cli_audit_of_the_history_since_a_time_per_agent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.sqlite"
    with SQLiteHistory(path) as store:
        _team_history(store)
    assert main(["audit", "--history", str(path), "--by", "agent", "--brand", "shop"]) == 1
    out = capsys.readouterr().out
    assert "shop: 2/5 near-duplicates (40.0%)" in out and "agent bo: 2/2 near-duplicates (100.0%)" in out
    assert main(["audit", "--history", str(path), "--since", "20h", "--json", "--by", "situation"]) == 1
    data = json.loads(capsys.readouterr().out)  # today's use of the script repeats yesterday's
    assert data["replies"] == 3 and data["near_duplicates"] == 1
    assert [(g["situation"], g["near_duplicates"]) for g in data["groups"]] == [
        ("app_bug", 0), ("late_delivery", 1), ("praise", 0)]
    assert main(["audit", "--history", "--since", "2099-01-01"]) == 0  # the default history (CAREVOICE_HISTORY)
    assert "0 replies" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["audit"], "give either FILE or --history"),
    (["audit", "x.csv", "--history", "h.sqlite"], "give either FILE or --history"),
    (["audit", "--history", "h.sqlite", "--since", "yesterday"], "--since 'yesterday': expected a date"),
])
def test_cli_audit_source_and_since_errors(argv: list[str], message: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_since_reads_dates_times_and_spans() -> None:
    now = datetime(2026, 5, 20, 12, 0, tzinfo=timezone.utc)
    assert parse_since("24h", now=now) == now - timedelta(hours=24)
    assert parse_since("7d", now=now) == now - timedelta(days=7)
    assert parse_since("2026-05-20") == datetime(2026, 5, 20, tzinfo=timezone.utc)
    assert parse_since("2026-05-20T08:00:00+02:00") == datetime(2026, 5, 20, 6, tzinfo=timezone.utc)
