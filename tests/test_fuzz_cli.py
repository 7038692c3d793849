"""Fuzzing the CLI batch path: any bytes in, never a traceback, exit 0/1/2 only, every good line drafted.

The budget is fixed for CI (``FUZZ_EXAMPLES`` examples, derandomized, so a run is repeatable);
explore more locally with ``CAREVOICE_FUZZ_EXAMPLES=2000 CAREVOICE_FUZZ_RANDOM=1 python -m pytest
tests/test_fuzz_cli.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.cli import main

FUZZ_EXAMPLES = int(os.environ.get("CAREVOICE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=not os.environ.get("CAREVOICE_FUZZ_RANDOM"),
                database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

POSTS = ["My parcel is late again", "The app crashes when I log in", "Charged twice for order 4417??",
         "Thank you, the driver was lovely", "where is my refund", "Call me on 07700 900123 about it"]
TIME = "2024-05-06T09:00:00Z"

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
KEYS = st.sampled_from(["id", "text", "channel", "name", "handle", "time", "thread_id", "followers", "author"])


def _good(n: int) -> bytes:
    return json.dumps({"id": f"good{n}", "text": POSTS[n % len(POSTS)], "time": TIME}).encode()


BAD_LINES = st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),          # any bytes
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),                        # valid JSON, wrong shape
    st.dictionaries(KEYS, JSON_VALUES, max_size=6).map(lambda d: json.dumps(d).encode()),  # wrong field types
    st.text(max_size=60).map(lambda t: json.dumps({"text": t, "handle": t, "time": t}).encode()),  # surrogates too
    st.integers(1, 300_000).map(lambda n: b"[" * n),                          # deep nesting
    st.sampled_from([b"\xef\xbb\xbf{}", b'{"text": "\\ud800", "id": "\\udfff"}', b"\xff\xfe{}",
                     b'{"text": "x", "followers": 1' + b"0" * 5000 + b"}", b'{"text": "hi", "channel": "x\\u202e"}']),
)


@st.composite
def batches(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A JSON Lines file: good posts (by id) mixed with bad lines, maybe a BOM first."""
    lines: list[bytes] = []
    good: list[str] = []
    for n in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            lines.append(_good(n))
            good.append(f"good{n}")
        else:
            lines.append(draw(BAD_LINES))
    data = b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, good


def _run(argv: list[str], data: bytes, use_stdin: bool) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posts.jsonl"
        path.write_bytes(data)
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([*argv, "--input", "-" if use_stdin else str(path)])
        finally:
            sys.stdin = stdin
    return code, out.getvalue(), err.getvalue()


def _refused_whole(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _check_common(code: int, err: str, data: bytes) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 0:
        assert err == ""


@FUZZ
@given(batch=batches(), use_stdin=st.booleans())
def test_draft_batch_never_crashes_and_drafts_every_good_line(batch: tuple[bytes, list[str]], use_stdin: bool) -> None:
    data, good = batch
    code, out, err = _run(["draft", "--brand", "parcelpop", "--history", ":memory:"], data, use_stdin)
    _check_common(code, err, data)
    if out == "" and code == 2:
        assert _refused_whole(data) and len(err.strip().splitlines()) == 1
        return
    rows = [json.loads(line) for line in out.splitlines()]
    mine = [r for r in rows if r.get("id") in set(good)]  # a "bad" line may still be a usable post
    assert [r["id"] for r in mine] == good and all("error" not in r and r["text"] for r in mine)
    errors = [r for r in rows if "error" in r]
    assert len(err.strip().splitlines()) == len(errors)
    assert code == (2 if errors else 0)


@FUZZ
@given(batch=batches(), use_stdin=st.booleans())
def test_triage_batch_never_crashes_and_keeps_every_good_line(batch: tuple[bytes, list[str]], use_stdin: bool) -> None:
    data, good = batch
    code, out, err = _run(["triage", "--brand", "parcelpop", "--json", "--no-drafts"], data, use_stdin)
    _check_common(code, err, data)
    if out == "" and code == 2:
        assert _refused_whole(data) and len(err.strip().splitlines()) == 1
        return
    report = json.loads(out)
    assert {q["id"] for q in report["queue"]} >= set(good)
    assert report["bad_lines"] == len(err.strip().splitlines())
