"""Work the linter shares between channels, banks and runs gives what computing it afresh gives."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import ROOT
from rapidfuzz import fuzz

from carevoice import plan
from carevoice.checks.channels import channel_ids, get_channel
from carevoice.lint._plans import load_plans
from carevoice.lint._repeat import _closest
from carevoice.lint._values import render_key, render_phrase


def _fresh_plans() -> dict[tuple[str, bool], tuple[tuple[str, tuple[str, ...]], ...]]:
    plan._POSSIBLE.clear()
    return plan.all_possible_plans()


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").rglob("lint-plans-*.pickle"))


def test_plans_without_hours_are_those_asked_for_alone() -> None:
    plan._POSSIBLE.clear()
    alone = {s: plan.possible_plans(s) for s in ("late_delivery", "praise", "general")}
    plan._POSSIBLE.clear()
    for s in alone:
        plan.possible_plans(s, out_of_hours=True)  # one pass brings the plans without hours too
        assert plan._POSSIBLE[(s, False)] == alone[s]


def test_plans_from_the_user_cache_equal_fresh_ones(tmp_path: Path) -> None:
    fresh = _fresh_plans()
    plan._POSSIBLE.clear()
    load_plans()  # a cold cache: computed and stored
    assert len(_entries(tmp_path)) == 1
    plan._POSSIBLE.clear()
    load_plans()  # a warm one: read back
    assert fresh == plan._POSSIBLE


@pytest.mark.parametrize("damage", [b"not a pickle", None])
def test_a_damaged_plans_entry_is_computed_again(tmp_path: Path, damage: bytes | None) -> None:
    import pickle

    fresh = _fresh_plans()
    load_plans()
    (entry,) = _entries(tmp_path)
    entry.write_bytes(damage if damage is not None else pickle.dumps({("praise", False): (("praise", 1),)}))
    plan._POSSIBLE.clear()
    load_plans()
    assert fresh == plan._POSSIBLE
    plan._POSSIBLE.clear()
    load_plans()  # stored again, whole
    assert fresh == plan._POSSIBLE


def test_no_plans_entry_with_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREVOICE_NO_CACHE", "1")
    load_plans()
    assert _entries(tmp_path) == []


_TEMPLATES = [
    "Send us a {{ channel.private }} with your order number.",
    "{% if channel.public %}DM us{% else %}Reply here{% endif %}, {{ channel.name }}.",
    "{{ channel.private|upper }} on {{ channel.id }}",
    "{{ channel }}",
    "{% if channel %}here{% endif %}",
    "{{ channel['private'] }}",
    "{% set channel = 'x' %}{{ channel }}",
    "{% for c in channel %}{{ c }}{% endfor %}",
    "{{ channel.nosuch or 'us' }}",
    "{{ channel.private }} {{ broken",
    "No channel here, {{ customer.first_name or 'there' }}.",
    "Plain text.",
]


def test_channels_that_share_a_render_key_render_alike() -> None:
    sources = list(_TEMPLATES)
    for line in (ROOT / "phrasebanks" / "base.yaml").read_text(encoding="utf-8").splitlines():
        if "channel." in line and "text:" in line:
            sources.append(line.split("text:", 1)[1].strip().strip('"'))
    channels = [c for c in channel_ids() if c != "sms"]
    for source in sources:
        keys = {c: render_key(source, c) for c in channels}
        for agent, required in itertools.product(((None, None), ("Jo Bloggs", "JB")), ((), ("customer.first_name",))):
            seen: dict[str, object] = {}
            for c in channels:
                got = render_phrase(source, get_channel(c), "Acme & Co", agent, required)
                assert seen.setdefault(keys[c], got) == got, (source, c)
    assert render_key("Send us a {{ channel.private }}.", "x") == render_key("Send us a {{ channel.private }}.",
                                                                             "instagram")
    assert len({render_key("{{ channel }}", c) for c in channels}) == len(channels)
    assert {render_key("Plain text.", c) for c in channels} == {""}


@pytest.mark.parametrize("threshold", [0, 50, 88.5, 90, 100, 150, -5])
def test_closest_earlier_text_is_the_first_best_scoring_one(threshold: float) -> None:
    words = ["we", "are", "sorry", "the", "order", "is", "late", "refund", "app", "you", "your", "it", "was",
             "thanks", "for", "and", "on"]
    for n in range(1, 60):
        texts = [" ".join(words[(n * k + i) % len(words)] for i in range(1 + (n + k) % 6)) for k in range(1 + n % 9)]
        text, earlier = texts[-1], texts[:-1]
        best, score = None, 0.0
        for i, other in enumerate(earlier):
            s = fuzz.token_set_ratio(text, other, score_cutoff=threshold)
            if s > score:
                best, score = i, s
        assert _closest(text, earlier, threshold) == (None if best is None else (best, score))


_PLAIN = ["Plain text.", "  Two  spaces\tand a tab\nand a line.  ", "Sorry \u2013 it\u2019s \u201clate\u201d\u2026",
          "Visit www.example.com or @help", "caf\u00e9 \u20ac5 \u00a3 {x", "", "   ", "Emoji \U0001F600 here"]


def test_a_plain_phrase_renders_alike_in_every_bank_and_as_jinja_would() -> None:
    from carevoice.checks.sms import gsm_friendly
    from carevoice.lint._values import plain_worst, render_typical
    from carevoice.render import render

    sources = [s for s in _PLAIN if "{" not in s]
    for line in (ROOT / "phrasebanks" / "base.yaml").read_text(encoding="utf-8").splitlines()[:4000]:
        if "text:" in line and "{" not in line:
            sources.append(line.split("text:", 1)[1].strip().strip('"'))
    for source in sources:
        collapsed = " ".join(source.split())
        assert render(source, {}) == collapsed
        for c in channel_ids():
            profile = get_channel(c)
            for brand, agent in (("Acme & Co", (None, None)), ("Other", ("Jo Bloggs", "JB"))):
                got = render_phrase(source, profile, brand, agent, ("customer.first_name",))
                expected = gsm_friendly(collapsed) if c == "sms" else collapsed
                assert got.worst == plain_worst(source, c == "sms") == expected and got.code is None
            assert render_typical(source, profile, "Acme & Co") == collapsed


def test_plain_text_is_judged_per_unit_as_each_channel_judges_it() -> None:
    from carevoice.lint._length import _ASCII_GSM, _plain
    from carevoice.lint._measure import _X_SPECIAL, measure_cached

    for text in [*_PLAIN, "ok", "a.b", "see https://x.co", "x@y", "\u00e9t\u00e9", "tab\there"]:
        for c in channel_ids():
            profile = get_channel(c)
            fresh = (bool(_ASCII_GSM.fullmatch(text)) if profile.unit == "segments" else
                     text.isascii() and (profile.unit != "weighted" or not _X_SPECIAL.search(text)))
            assert _plain(text, profile.unit) == fresh
            if fresh and profile.unit != "segments":
                assert measure_cached(text, profile) == len(text)
