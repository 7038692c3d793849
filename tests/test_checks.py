"""check(): bank settings, spans, structure from stages, sensitive mode, the Drafter and the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, SHIPPED_BANKS, write_bank

from carevoice.bank import load_bank
from carevoice.checks import check
from carevoice.cli import main
from carevoice.errors import BankError, ConfigError, DraftBlockedError
from carevoice.inbound import Inbound, PiiMatch, Reading

sys.path.insert(0, str(Path(__file__).parent))
from golden_posts import POSTS

NEGATIVE = Reading(category="app_bug", negative=True, emotion="frustration", confidence=0.9)


def codes(text: str, **kwargs: object) -> list[str]:
    return [f.code for f in check(text, **kwargs)]  # type: ignore[arg-type]


def tone_bank(tmp_path: Path, tone: str = "", voice: str = "", name: str = "t") -> object:
    text = (FIXTURES / "banks" / "mini.yaml").read_text(encoding="utf-8").replace("bank: mini", f"bank: {name}")
    text = text.replace("voice:\n", f"voice:\n{voice}", 1)
    if tone:
        text += f"tone:\n{tone}"
    return load_bank(write_bank(tmp_path, text, name))


def test_clean_reply_has_no_findings() -> None:
    assert check("That crash sounds really frustrating. Which phone and app version are you on?",
                 reading=NEGATIVE) == []


def test_spans_point_at_the_offending_text() -> None:
    text = "Sorry. You should have checked, and we GUARANTEE it."
    for f in check(text):
        if f.code in ("CV301", "CV304", "CV307"):
            assert f.span is not None
            assert text[f.span[0]:f.span[1]].lower() in ("you should have", "guarantee")


@pytest.mark.parametrize(("text", "shouting"), [
    ("Our UK team will reset your PIN by DM.", False),
    ("NASA and GDPR and HMRC and BACS.", False),
    ("That is NOT okay.", False),                      # three letters: not flagged
    ("That is NEVER okay.", True),
    ("Please DON'T worry.", True),
    ("Ticket ABC1234 is open.", False),                # codes with digits
    ("See https://EXAMPLE.COM/HELP now.", False),      # inside a URL
    ("Thanks @NORTHWIND and #DELAYS.", False),         # handles and hashtags
])
def test_shouting_and_acronyms(text: str, shouting: bool) -> None:
    assert ("CV304" in codes(text)) is shouting


def test_bank_tone_settings_extend_the_defaults(tmp_path: Path) -> None:
    bank = tone_bank(tmp_path, tone=(
        "  max_exclamations: 2\n  forbidden_promises: [same day]\n  acronyms: [ZORB]\n"
        "  blame_phrases: [read the manual]\n  banned_phrases: [cheers]\n"
    ), voice="  preferred_terms: {client: customer}\n  banned_terms: [no worries]\n")
    assert "CV305" not in codes("Thanks! Great!", bank=bank)
    assert "CV305" in codes("Thanks! Great! Wow!", bank=bank)
    assert "CV307" in codes("We'll fix it same day.", bank=bank)
    assert "CV307" in codes("We guarantee it.", bank=bank)         # defaults still apply
    assert "CV304" not in codes("Your ZORB order is fine.", bank=bank)
    assert "CV301" in codes("Please read the manual.", bank=bank)
    assert codes("No worries, cheers.", bank=bank).count("CV309") == 2
    (pref,) = [f for f in check("Every client matters.", bank=bank) if f.code == "CV308"]
    assert pref.suggestion == "customer" and pref.severity == "info"


def test_disabled_rules_by_code_name_and_prefix(tmp_path: Path) -> None:
    bank = tone_bank(tmp_path, tone="  disabled_rules: [CV305, tone.apologies, structure]\n")
    found = codes("Sorry! So sorry! Due to a fault it failed.", bank=bank, reading=NEGATIVE)
    assert not {"CV305", "CV306", "CV401", "CV402", "CV403"} & set(found)


def test_invalid_bank_expression_is_refused_at_load_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(BankError, match=r"t\.yaml:33:20: tone list entry 're:\(unclosed'.*unterminated") as caught:
        tone_bank(tmp_path, tone="  banned_phrases: ['re:(unclosed']\n")
    assert caught.value.code == "CV115"


def test_invalid_expression_in_a_bank_built_in_code_is_a_config_error(tmp_path: Path) -> None:
    from dataclasses import replace

    bank = tone_bank(tmp_path)
    broken = replace(bank, tone=bank.tone.model_copy(update={"banned_phrases": ["re:(unclosed"]}))
    with pytest.raises(ConfigError, match="unclosed"):
        check("hello", bank=broken)


def test_public_contacts_are_allowed(tmp_path: Path) -> None:
    bank = tone_bank(tmp_path, tone="  public_contacts: [help@mini.example]\n")
    assert "CV601" not in codes("Write to help@mini.example any time.", bank=bank)
    assert "CV601" in codes("Write to ann.lee@example.com any time.", bank=bank)


@pytest.mark.parametrize(("stages", "expected"), [
    (("greet", "acknowledge", "apologise", "explain", "resolve"), set()),
    (("greet", "explain", "acknowledge", "apologise", "resolve"), {"CV401"}),
    (("greet", "acknowledge", "resolve", "apologise"), {"CV402"}),
    (("greet", "apologise", "explain"), {"CV401", "CV402", "CV403"}),
    (("greet", "explain"), {"CV401", "CV403"}),
    (("find_out",), set()),  # the promise to find out is the reply to a worried question: no apology asked for
])
def test_structure_from_stages(stages: tuple[str, ...], expected: set[str]) -> None:
    text = "Hi. Thanks."        # the text carries no markers: only the stages decide
    found = set(codes(text, reading=NEGATIVE, stages=stages)) & {"CV401", "CV402", "CV403"}
    assert found == expected


def test_structure_needs_a_reading_for_post_dependent_rules() -> None:
    text = "Due to a fault it failed."
    assert not {"CV401", "CV403"} & set(codes(text))
    assert {"CV401", "CV403"} <= set(codes(text, reading=NEGATIVE))


def test_echo_of_posted_personal_data() -> None:
    reading = Reading(pii=(PiiMatch(kind="phone", start=0, end=12, text="07700 900123"),))
    found = check("We'll call 07700-900-123 today.", reading=reading)
    assert [f.code for f in found if f.code.startswith("CV60")] == ["CV601"]   # not reported twice
    assert all(f.severity == "error" and "DM" in (f.suggestion or "") for f in found if f.code == "CV601")


def test_sensitive_mode_from_the_bank(tmp_path: Path) -> None:
    text = "Use code SAVE20 for 20% off."
    assert "CV603" not in codes(text)
    bank = tone_bank(tmp_path)
    assert "CV603" in codes(text, bank=bank, sensitive=True)


def test_drafter_blocks_a_bank_phrase_that_breaks_a_rule(tmp_path: Path) -> None:
    from carevoice.drafter import Drafter

    text = (FIXTURES / "banks" / "mini.yaml").read_text(encoding="utf-8").replace(
        "Which phone and app version are you on?", "We guarantee this will never happen again.").replace(
        "Could you tell us your device and app version?", "We guarantee a fix today.")
    drafter = Drafter(write_bank(tmp_path, text, "mini"))
    post = Inbound(text="The app crashes every time I open my basket. Please fix", channel="x")
    with pytest.raises(DraftBlockedError, match="CV307"):
        drafter.draft(post)
    draft = drafter.draft(post, allow_blocked=True)
    assert draft.blocked and "CV307" in [f.code for f in draft.findings]


@pytest.mark.slow
@pytest.mark.parametrize("brand", SHIPPED_BANKS)
def test_shipped_banks_draft_without_errors(brand: str) -> None:
    from carevoice.drafter import Drafter
    from carevoice.variation.history import MemoryHistory

    bank = load_bank(brand)
    problems = []
    for seed in range(2):
        drafter = Drafter(bank, history=MemoryHistory(), seed=seed)
        for situation, post in POSTS.items():
            for channel in bank.channels:
                draft = drafter.draft(Inbound(text=post["text"], name=post.get("name"), channel=channel),
                                      allow_blocked=True)
                problems += [(situation, channel, f.code, f.message, draft.text)
                             for f in draft.findings if f.severity == "error"]
    assert problems == []


# --- carevoice check -------------------------------------------------------------------------------------------


def test_cli_clean_reply_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Thanks for waiting, we're on it.", "--channel", "x"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("x: 32 weighted characters (limit 280)") and "clean" in out


def test_cli_errors_exit_1_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "As I already said, it " + "x" * 300, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"length", "limit", "unit", "findings"} <= set(data)
    assert data["limit"] == 280 and data["unit"] == "weighted characters"
    assert {f["code"] for f in data["findings"]} >= {"CV201", "CV301"}


def test_cli_warnings_only_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Thanks! Great!", "--channel", "facebook"]) == 0
    assert "warning: CV305" in capsys.readouterr().out


def test_cli_sms_reports_segments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "x" * 200, "--channel", "sms", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["length"], data["segments"], data["encoding"], data["unit"]) == (2, 2, "gsm7", "segments")
    assert main(["check", "x" * 500, "--channel", "sms", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["length"], data["limit"]) == (4, 3)


def test_cli_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("We guarantee it.\n"))
    assert main(["check", "-", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["length"] == 16


def test_cli_brand_settings_apply(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "No worries, we're on it.", "--brand", "northwind-air"]) == 1
    assert "CV309" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["check", "hi", "--channel", "twiter"],
    ["check", "   "],
    ["check", "hi", "--brand", "no-such-brand"],
    ["check"],
])
def test_cli_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


@pytest.mark.parametrize(("text", "found"), [
    ("Sorry you feel that way.", True),
    ("Sorry you came away from that feeling this way.", True),
    ("We're sorry if you were upset by the change.", True),
    ("Sorry if this caused any trouble.", True),
    ("Sorry you were treated like that.", False),
    ("I'm sorry you've been left feeling let down by us.", False),
])
def test_a_non_apology_is_defensive(text: str, found: bool) -> None:
    assert ("CV301" in codes(text)) is found
