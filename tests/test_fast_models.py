"""Models built and dumped without pydantic's validators (carevoice._models) are pydantic's own, field for field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from carevoice import _models
from carevoice._models import build, dump
from carevoice.draft import Draft, Finding, StageChoice
from carevoice.inbound import Details, Inbound, PiiMatch, Reading, Subject, plain_inbound

SRC = Path(__file__).resolve().parents[1] / "src"


def test_the_test_suite_checks_every_fast_build() -> None:
    assert _models.CHECK


def test_build_converts_as_pydantic_does() -> None:
    values: dict[str, Any] = {"category": "late_delivery", "confidence": 1, "intensity": 0, "asks": ["where"],
                              "urgency": ["safety"], "scores": {"late_delivery": 1, "general": 0.5},
                              "question": 1, "reasons": ["a"]}
    fast = build(Reading, **values)  # CHECK compares it with Reading(**values), types included
    assert fast == Reading(**values)
    assert type(fast.confidence) is float and fast.asks == ("where",) and fast.question is True
    assert type(fast.scores["late_delivery"]) is float
    assert fast.details == Details() and fast.model_fields_set == set(values)
    assert list(fast.__dict__) == list(Reading.model_fields)
    assert hash(build(PiiMatch, kind="email", start=0, end=1, text="x")) == hash(
        PiiMatch(kind="email", start=0, end=1, text="x"))


def test_build_refuses_unknown_and_missing_fields() -> None:
    with pytest.raises(TypeError, match="no field 'nope'"):
        build(StageChoice, stage="a", phrase_id="b", nope=1)
    with pytest.raises(TypeError, match="needs 'phrase_id'"):
        build(StageChoice, stage="a")


def test_the_check_catches_a_build_pydantic_would_not_make(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(Exception):  # noqa: B017 - pydantic refuses the value, or the check sees the difference
        build(Finding, code="CV1", severity="error", message="m", span=[1, 2, 3])


def _draft() -> Draft:
    subject = build(Subject, text="my parcel", reply="your parcel", head="parcel", start=3, end=12)
    reading = build(Reading, category="late_delivery", confidence=0.9, subject=subject,
                    details=build(Details, order_id="4417"), pii=(build(PiiMatch, kind="email", start=0, end=1,
                                                                          text="x"),))
    finding = build(Finding, code="CV301", severity="warning", message="m", span=(1, 4))
    return build(Draft, text="Hi", channel="x", brand="b", action="reply", analysis=reading, similarity=42.5,
                 stages=(build(StageChoice, stage="acknowledge", phrase_id="p1"),), findings=(finding,),
                 reasons=("r",))


def test_dump_is_model_dump() -> None:
    draft = _draft()
    assert dump(draft) == draft.model_dump()
    assert dump(draft, json=True) == draft.model_dump(mode="json")
    assert dump(draft, json=True, exclude=frozenset({"analysis"})) == draft.model_dump(mode="json",
                                                                                       exclude={"analysis"})
    assert draft.findings[0].to_json() == draft.findings[0].model_dump(mode="json")
    assert draft.analysis.details.present() == {"order_id": "4417"}


def test_dump_leaves_other_values_to_pydantic() -> None:
    draft = build(Draft, text="Hi", channel="x", brand="b", action="reply", similarity=float("inf"))
    assert dump(draft, json=True) == draft.model_dump(mode="json")
    post = Inbound(text="hi", time="2024-05-01T10:00:00Z")
    assert dump(post, json=True) == post.model_dump(mode="json")


@pytest.mark.parametrize("fields", [
    {"text": "hello", "channel": "x"},
    {"text": "hello", "channel": "x", "name": "Ann", "handle": "@ann", "id": "7", "thread_id": "t", "followers": 12},
    {"text": "hello", "channel": "x", "name": None, "time": None},
])
def test_plain_inbound_is_the_validated_post(fields: dict[str, Any]) -> None:
    post = plain_inbound(fields)
    assert post is not None and post == Inbound(**fields)


@pytest.mark.parametrize("fields", [
    {"text": "hello", "time": "2024-05-01T10:00:00Z"},
    {"text": "hello", "followers": "12"},
    {"text": "hello", "followers": True},
    {"text": 5},
    {"channel": "x"},
    {"text": "bad \ud800 text"},
    {"text": "hello", "id": "\udc00"},
    {"text": "hello", "colour": "red"},
    {"text": "hello", "colour": None},
])
def test_plain_inbound_leaves_the_rest_to_validation(fields: dict[str, Any]) -> None:
    assert plain_inbound(fields) is None


def test_a_warm_draft_builds_no_validator(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "CAREVOICE_CACHE_DIR": str(tmp_path / "cache"),
           "CAREVOICE_HISTORY": str(tmp_path / "h.sqlite")}
    env.pop("CAREVOICE_NO_CACHE", None)
    args = ["draft", "My order 4417 still hasn't arrived", "--brand", "parcelpop", "--channel", "x", "--json"]
    subprocess.run([sys.executable, "-m", "carevoice", *args, "--no-record"], check=True, capture_output=True,
                   env=env)
    probe = (
        "import sys\n"
        f"sys.argv = ['carevoice', *{args!r}]\n"
        "from carevoice import cli\n"
        "cli._end_now = lambda status: None  # a draft run as the program ends at once: look at it first\n"
        "assert cli.main() == 0\n"
        "import pydantic\n"
        "built = sorted(c.__name__ for m in list(sys.modules.values()) if m and m.__name__.startswith('carevoice')"
        " for c in vars(m).values() if isinstance(c, type) and issubclass(c, pydantic.BaseModel)"
        " and c.__pydantic_complete__)\n"
        "print('BUILT', built, 'importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=env)
    assert "BUILT [] False" in out.stderr, out.stderr
