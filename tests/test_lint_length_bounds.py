"""The length check's bounds (a channel no reply can overflow, a reply surely within its limit) change no finding."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.bank.resolved import Phrase
from carevoice.checks.channels import get_channel
from carevoice.compose import Candidate
from carevoice.lint import LintConfig, _length, lint_paths
from carevoice.lint._measure import measure_cached

_CONFIG = LintConfig(select=("CV90", "CV903"))
"""The length codes, CV903 (opt-in) with them."""


@contextmanager
def _without_bounds() -> Iterator[None]:
    """The length check as it was before the bounds: every channel and every reply judged in full."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_length, "replies_fit", lambda ch, texts: False)
        mp.setattr(_length._Channel, "surely_within", lambda self, texts: False)
        yield


def _findings(paths: list[Path]) -> list[tuple[str, int, str, str]]:
    report = lint_paths([str(p) for p in paths], config=_CONFIG, cache=False)
    return [(f.file, f.line, f.code, f.message) for f in report.findings]


def _same_with_and_without_bounds(paths: list[Path]) -> list[tuple[str, int, str, str]]:
    with_bounds = _findings(paths)
    with _without_bounds():
        assert _findings(paths) == with_bounds
    return with_bounds


_WORDS = ["Sorry", "we", "are", "on", "it", "today", "Of course.", "Hi,", "Absolutely \u2013", "\u0130stanbul",
          "\u0390", "\u0149", "stra\u00dfe", "caf\u00e9", "it\u2019s", "\u201cfine\u201d\u2026", "\U0001F600",
          "\u65e5\u672c", "www.example.com", "https://example.com/a/long/path", "@help", "[x]",
          "{{ customer.first_name or 'there' }}", "{{ details.product or 'it' }}", "{{ brand.name }}",
          "{{ channel.private }}", "{{ agent.name or 'us' }}", "Pneumonoultramicroscopicsilicovolcanoconiosis"]
"""Words of generated phrases: plain, typographic, case-changing ("\u0130" lowers to two characters), emoji,
URLs and mentions, GSM-7 extension characters and placeholders."""
_PARTS = [*_WORDS[:20], "", " ", "Sure thing.", "Got it,", "I", "A", "[x]", "~y~", "^z", "|p|", "a\\b", "\u20ac5",
          "\u00a35"]

_STAGES = ["greet", "acknowledge", "apologise", "explain", "resolve", "move_private"]
_SITUATIONS = ["any", "late_delivery", "app_bug", "praise"]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def _banks(draw: st.DrawFn) -> str:
    """A small bank on channels counted in every unit, some with low limits, with phrases short and long."""
    channels = draw(st.lists(st.sampled_from(["x", "sms", "google_play", "google_reviews", "facebook", "email"]),
                             min_size=1, max_size=4, unique=True))
    limits = {c: draw(st.integers(1, 3)) if c == "sms" else draw(st.integers(60, 2000))
              for c in channels if c != "email" and draw(st.booleans())}
    sign = draw(st.sampled_from(["", "^{{ agent.initials or 'TB' }}", "\u2013 The long-named customer care team",
                                 "\u0130 \U0001F600", "{{ agent.name or 'Us' }}"]))
    lines = ["bank: t", "display_name: " + draw(st.sampled_from(["T", "Featherstonehaugh Holdings Group"])),
             f"channels: [{', '.join(channels)}]", f"voice: {{sign_off: {_quote(sign)}}}", "lint: {min_variants: 1}"]
    if limits:
        lines.append("channel_overrides: {" + ", ".join(f"{c}: {{limit: {n}}}" for c, n in limits.items()) + "}")
    if draw(st.booleans()):
        lines += ["triage:", '  hours: {daily: "09:00-17:00"}']
    lines.append("phrases:")
    n, most = 0, draw(st.sampled_from([3, 12, 40]))  # short phrases too: banks no reply of which can overflow
    for situation in draw(st.lists(st.sampled_from(_SITUATIONS), min_size=1, max_size=3, unique=True)):
        lines.append(f"  {situation}:")
        for stage in draw(st.lists(st.sampled_from(_STAGES), min_size=1, max_size=5, unique=True)):
            lines.append(f"    {stage}:")
            for _ in range(draw(st.integers(1, 3))):
                n += 1
                words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=most))
                lines += [f"      - id: p{n}", f"        text: {_quote(' '.join(words) + '.')}"]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_banks())
def test_generated_banks_have_the_same_length_findings_with_and_without_the_bounds(bank: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        path.write_text(bank, encoding="utf-8")
        _same_with_and_without_bounds([path])


def test_fixtures_and_a_shipped_child_have_the_same_length_findings_with_and_without_the_bounds() -> None:
    assert _same_with_and_without_bounds([FIXTURES / "lint" / "length.yaml"])
    _same_with_and_without_bounds([ROOT / "phrasebanks" / "parcelpop.yaml"])


def _phrase(stage: str) -> Phrase:
    return Phrase(id=f"p.{stage}", situation="any", stage=stage, text="")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PARTS), max_size=8).map(" ".join), min_size=1, max_size=6),
       st.sampled_from(["", "^TB", "\u2013 Team", "\u0130", "\u0390 \u00df"]))
def test_a_reply_surely_within_its_limit_is_within_it(texts: list[str], sign: str) -> None:
    """What :meth:`_Channel.surely_within` assumes of a join: never longer than its bound, in every unit."""
    parts = tuple((f"s{i}", _phrase(f"s{i}"), t) for i, t in enumerate(texts))
    reply = Candidate(parts, sign).text
    for channel in ("x", "sms", "google_play", "google_reviews"):
        profile = get_channel(channel)
        exact = measure_cached(reply, profile)
        if profile.unit in ("chars", "bytes"):
            bound = sum(measure_cached(t, profile) + 1 + _length._CASE_SLACK for t in texts)
            assert exact <= bound + (measure_cached(sign, profile) + 1 if sign else 0)
        elif profile.unit == "weighted":
            if all(_length._plain(t, profile.unit) for t in [*texts, sign]):
                assert exact <= sum(len(t) + 1 for t in texts) + (len(sign) + 1 if sign else 0)
        else:
            bounds = [_length._septets(t, ascii_only=True) for t in texts]
            signed = _length._septets(sign, ascii_only=False)
            if signed is not None and None not in bounds:
                septets = sum(n + 1 for n in bounds if n is not None) + (signed + 1 if sign else 0)
                for limit in (1, 2, 3, 7):
                    assert exact <= limit or septets > _length._sms_septets(limit)
