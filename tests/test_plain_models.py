"""A command-line draft's plain twins of the models (carevoice._plain) are the models, field for field."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from golden_posts import POSTS

from carevoice import _models, _plain
from carevoice._models import build, dump
from carevoice._plain import Plain, plain_models
from carevoice.bank import list_banks, load_bank
from carevoice.cli._draft import _human
from carevoice.draft import Draft
from carevoice.drafter import Drafter
from carevoice.inbound import Inbound, Reading

SRC = Path(__file__).resolve().parents[1] / "src"
BUILT = sorted({c for c in vars(_plain).values() if isinstance(c, type) and issubclass(c, Plain) and c.fields},
               key=lambda c: c.__name__)


def _values(value: Any) -> Any:
    """A value with each model or twin in it as (its model's name, its fields), all the way down."""
    from pydantic import BaseModel

    if isinstance(value, Plain | BaseModel):
        return type(value).__name__, {k: _values(v) for k, v in value.__dict__.items()}
    if isinstance(value, dict):
        return {k: _values(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value).__name__, [_values(v) for v in value]
    return type(value).__name__, value


def test_every_model_a_draft_builds_has_a_twin() -> None:
    assert sorted(c.__name__ for c in BUILT) == ["Details", "Draft", "Finding", "Inbound", "PiiMatch", "Reading",
                                                 "StageChoice", "Subject"]


@pytest.mark.parametrize("twin", BUILT, ids=lambda c: c.__name__)
def test_a_twin_has_its_models_fields_defaults_and_conversions(twin: type[Plain]) -> None:
    model = _plain.model_class(twin.model)
    mine, theirs = _models._plan(twin), _models._plan(model)
    assert mine.fields == theirs.fields
    assert mine.defaults == theirs.defaults
    assert sorted(mine.factories) == sorted(theirs.factories)
    with plain_models():
        made = {name: make() for name, make in mine.factories.items()}
    assert _values(made) == _values({name: make() for name, make in theirs.factories.items()})
    assert [(n, kept) for n, kept, _ in mine.converters] == [(n, kept) for n, kept, _ in theirs.converters]
    samples = (0, 1, True, None, [1, 2], (1,), {"a": 1}, 2.5)
    for (_, _, a), (_, _, b) in zip(mine.converters, theirs.converters, strict=True):
        for sample in samples:
            try:
                expected = b(sample)
            except Exception:  # a value the model's converter does not take
                continue
            assert _values(a(sample)) == _values(expected)


def test_twins_are_built_inside_plain_models_only() -> None:
    values: dict[str, Any] = {"category": "late_delivery", "confidence": 1, "asks": ["where"], "question": 1}
    model = build(_plain.Reading, **values)
    with plain_models():
        twin = build(_plain.Reading, **values)
        same = build(_plain.Reading, **values)
    assert type(model) is Reading and isinstance(twin, Plain)
    assert _values(twin) == _values(model) and repr(twin) == repr(model)
    assert twin == same and twin != model
    with plain_models():
        pii = {build(_plain.PiiMatch, kind="email", start=0, end=1, text="x") for _ in range(2)}
    assert len(pii) == 1
    assert twin.model_copy(update={"category": "general"}).category == "general" and twin.category == "late_delivery"
    with pytest.raises(TypeError):
        twin.category = "general"  # type: ignore[misc]
    assert type(_plain.Reading(category="general")) is Reading  # calling a twin validates, as the model does


def test_a_twins_dump_is_the_models() -> None:
    def draft() -> Draft:
        subject = build(_plain.Subject, text="my parcel", reply="your parcel", head="parcel", start=3, end=12)
        reading = build(_plain.Reading, category="late_delivery", confidence=0.9, subject=subject,
                        details=build(_plain.Details, order_id="4417"),
                        pii=(build(_plain.PiiMatch, kind="email", start=0, end=1, text="x"),))
        finding = build(_plain.Finding, code="CV301", severity="warning", message="m", span=(1, 4))
        return build(_plain.Draft, text="Hi", channel="x", brand="b", action="reply", analysis=reading,
                     similarity=42.5, stages=(build(_plain.StageChoice, stage="acknowledge", phrase_id="p1"),),
                     findings=(finding,), reasons=("r",))

    model = draft()
    with plain_models():
        twin = draft()
        odd = build(_plain.Draft, text="Hi", channel="x", brand="b", action="reply", similarity=float("inf"))
    assert isinstance(twin, Plain) and not isinstance(model, Plain)
    assert dump(twin) == dump(model) == model.model_dump()
    assert dump(twin, json=True) == model.model_dump(mode="json")
    assert twin.to_json() == model.to_json()
    assert twin.findings[0].to_json() == model.findings[0].to_json()
    assert twin.analysis.details.present() == {"order_id": "4417"}
    assert (twin.blocked, twin.publishable, twin.phrase_ids) == (model.blocked, model.publishable, model.phrase_ids)
    assert dump(odd, json=True) == build(Draft, text="Hi", channel="x", brand="b", action="reply",
                                         similarity=float("inf")).model_dump(mode="json")  # left to pydantic


@pytest.mark.parametrize("bank", sorted(b.name for b in list_banks()))
def test_plain_drafts_are_the_librarys(bank: str) -> None:
    library = Drafter(bank, seed=3, hold_seconds=0)
    with plain_models():
        plain = Drafter(load_bank(bank), seed=3, hold_seconds=0)
    for post in POSTS.values():
        fields = {"channel": "x", **post}
        expected = library.draft(Inbound(**fields), allow_blocked=True)
        with plain_models():
            got = plain.draft(_plain.plain_inbound(fields) or Inbound(**fields), allow_blocked=True)
        assert type(expected) is Draft and isinstance(got, Plain)
        assert got.to_json() == expected.to_json()
        assert _human(got.to_json()) == _human(expected.to_json())
        assert _values(got) == _values(expected)


def test_a_cached_bank_restores_plain_settings_inside_plain_models_only(tmp_path: Path) -> None:
    fresh = load_bank("parcelpop", cache=False)
    load_bank("parcelpop")  # stored
    with plain_models():
        plain = load_bank("parcelpop")
    again = load_bank("parcelpop")
    for section in ("tone", "variation", "triage", "lint", "drafting"):
        assert isinstance(getattr(plain, section), Plain)
        assert type(getattr(again, section)) is type(getattr(fresh, section))
        assert getattr(again, section) == getattr(fresh, section)
        assert _values(getattr(plain, section)) == (type(getattr(fresh, section)).__name__,
                                                    _values(getattr(fresh, section))[1])
        model = getattr(fresh, section)
        assert pickle.loads(pickle.dumps(model)).model_fields_set == model.model_fields_set


def test_a_warm_command_line_draft_imports_no_pydantic(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "CAREVOICE_CACHE_DIR": str(tmp_path / "cache"),
           "CAREVOICE_HISTORY": str(tmp_path / "h.sqlite")}
    env.pop("CAREVOICE_NO_CACHE", None)
    args = ["draft", "My order 4417 still hasn't arrived", "--brand", "parcelpop", "--channel", "x"]
    cold = subprocess.run([sys.executable, "-m", "carevoice", *args, "--json"], check=True, capture_output=True,
                          text=True, env=env)
    probe = (
        "import sys\n"
        f"sys.argv = ['carevoice', *{[*args, '--json']!r}]\n"
        "from carevoice import cli\n"
        "cli._end_now = lambda status: None  # a draft run as the program ends at once: look at it first\n"
        "assert cli.main() == 0\n"
        "print('PYDANTIC', sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')),"
        " file=sys.stderr)\n"
    )
    warm = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=env)
    assert "PYDANTIC []" in warm.stderr, warm.stderr
    nocache = subprocess.run([sys.executable, "-m", "carevoice", *args, "--json"], check=True, capture_output=True,
                             text=True, env={**env, "CAREVOICE_NO_CACHE": "1"})
    assert '"analysis"' in warm.stdout and '"analysis"' in cold.stdout and '"analysis"' in nocache.stdout
