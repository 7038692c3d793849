"""Service hours, out-of-hours drafts, holding statements, sensitive periods and queue drafts."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import write_bank

from carevoice.bank import load_bank
from carevoice.bank.resolved import Bank, Phrase
from carevoice.bank.settings import TriageSettings
from carevoice.compose import stage_options
from carevoice.drafter import Drafter
from carevoice.errors import BankError, ConfigError
from carevoice.inbound import Inbound
from carevoice.triage import Triage, service_hours
from carevoice.triage.drafts import draft_queue
from carevoice.triage.hours import parse_hours

LONDON = TriageSettings(timezone="Europe/London", hours={"mon-fri": "08:00-20:00", "sat": "09:00-13:00",
                                                         "sun": "closed"})
UTC = timezone.utc


@pytest.mark.parametrize(("when", "is_open", "label"), [
    (datetime(2024, 5, 6, 9, 0, tzinfo=UTC), True, None),           # Mon 10:00 BST
    (datetime(2024, 5, 6, 6, 30, tzinfo=UTC), False, "8am"),        # Mon 07:30 BST
    (datetime(2024, 5, 6, 21, 0, tzinfo=UTC), False, "8am tomorrow"),  # Mon 22:00 BST
    (datetime(2024, 5, 10, 20, 0, tzinfo=UTC), False, "9am tomorrow"),  # Fri 21:00 -> Sat 9am
    (datetime(2024, 5, 11, 13, 0, tzinfo=UTC), False, "8am on Monday"),  # Sat 14:00 -> Mon
    (datetime(2024, 1, 8, 7, 59, tzinfo=UTC), False, "8am"),        # winter: GMT
    (datetime(2024, 1, 8, 8, 0), True, None),                        # naive time is UTC
])
def test_service_hours(when: datetime, is_open: bool, label: str | None) -> None:
    hours = service_hours(LONDON)
    assert hours.is_open(when) is is_open
    if not is_open:
        assert hours.next_open_label(when) == label


def test_no_hours_means_always_open() -> None:
    hours = service_hours(TriageSettings())
    assert hours.always_open and hours.is_open(datetime(2024, 5, 6, 3, tzinfo=UTC))
    assert hours.next_open_label(datetime(2024, 5, 6, 3, tzinfo=UTC)) is None


@pytest.mark.parametrize(("hours", "words"), [
    ({"mon-fri": "8-20"}, "must look like 08:00-20:00"),
    ({"funday": "08:00-20:00"}, "unknown day 'funday'"),
    ({"mon": "20:00-08:00"}, "start before end"),
])
def test_bad_hours_are_named(hours: dict[str, str], words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        parse_hours(hours)


def test_bad_triage_settings_in_a_bank_are_located(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "bank: t\nextends: base\ndisplay_name: T\ntriage:\n  timezone: Mars/Olympus\n")
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert "unknown time zone 'Mars/Olympus'" in str(info.value) and "t.yaml:5" in str(info.value)


def _bank(name: str = "parcelpop", **triage: object) -> Bank:
    return dataclasses.replace(load_bank(name), triage=TriageSettings(**{**LONDON.model_dump(), **triage}))


def test_out_of_hours_drafts_use_the_out_of_hours_phrases() -> None:
    drafter = Drafter(_bank())
    late = drafter.draft(Inbound(text="My order #4417 hasn't arrived yet",
                                 time=datetime(2024, 5, 6, 21, 30, tzinfo=UTC)), allow_blocked=True)
    assert late.stages[-1].stage == "out_of_hours"
    assert "8am tomorrow" in late.text
    day = drafter.draft(Inbound(text="My order #4417 hasn't arrived yet",
                                time=datetime(2024, 5, 6, 10, 0, tzinfo=UTC)), allow_blocked=True)
    assert "out_of_hours" not in [s.stage for s in day.stages]


def test_holding_statement_carries_the_situation() -> None:
    draft = Drafter(_bank()).holding(Inbound(text="app down, can't log in", time=datetime(2024, 5, 6, 10, tzinfo=UTC)),
                                     situation="S7")
    assert [s.stage for s in draft.stages] == ["holding"]
    assert draft.situation == "S7" and draft.text


def test_sensitive_periods_drop_cheerful_phrases_when_a_calm_one_exists() -> None:
    def phrase(pid: str, text: str, tags: tuple[str, ...] = ()) -> Phrase:
        return Phrase(id=pid, situation="praise", stage="thank", text=text, tags=tags)

    base = load_bank("base")
    calm, loud, playful = phrase("c", "Thank you."), phrase("l", "Thanks a million!"), phrase("p", "Yay", ("playful",))
    bank = dataclasses.replace(base, phrases=(calm, loud, playful))

    def ids(b: Bank, sensitive: bool) -> set[str]:
        return {p.id for p in stage_options(b, "praise", "thank", channel="x", emotion="delight", sensitive=sensitive)}

    assert ids(bank, False) == {"c", "l", "p"}
    assert ids(bank, True) == {"c"}
    only_loud = dataclasses.replace(base, phrases=(loud,))
    assert ids(only_loud, True) == {"l"}  # never leaves a stage empty


def test_queue_drafts_carry_situation_and_surge_findings() -> None:
    bank = _bank(hours={})
    triage = Triage(bank)
    t0 = datetime(2024, 5, 6, 9, tzinfo=UTC)
    texts = ["Is the app down? can't log in", "app down, login fails", "App down?? login just spins",
             "can't log in to the app, outage?"]
    for i in range(12):
        triage.add(Inbound(id=f"o{i}", text=texts[i % 4], handle=f"@u{i}", time=t0 + timedelta(minutes=i)))
    for i, text in enumerate(["You are useless idiots", "Shut up you morons", "You idiots are pathetic morons"]):
        triage.add(Inbound(id=f"t{i}", text=text, handle="@troll", time=t0 + timedelta(minutes=i)))
    entries, holdings = draft_queue(triage, Drafter(bank))
    outage = [e for e in entries if e.item.post.id and e.item.post.id.startswith("o")]
    situation = outage[0].item.situation
    assert all(e.draft is not None and e.draft.situation == situation for e in outage)
    assert all(any(f.code == "CV801" for f in e.draft.findings) for e in outage if e.draft is not None)
    assert holdings[situation].stages[0].stage == "holding"
    troll = [e for e in entries if e.item.recommendation == "disengage"]
    assert len(troll) == 1 and troll[0].draft is None
    assert entries[-1].item.deadline is None  # no-reply posts come last
