"""The Drafter end to end: determinism, actions, safety properties."""

from __future__ import annotations

import re

import pytest
from conftest import SHIPPED_BANKS
from golden_posts import POSTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice import CareVoiceError, Drafter, Inbound, MemoryHistory, load_bank
from carevoice.concentrate import find_pii

BANKS = {name: load_bank(name) for name in SHIPPED_BANKS}


def drafter(brand: str = "parcelpop", seed: int = 0) -> Drafter:
    return Drafter(BANKS[brand], history=MemoryHistory(), seed=seed)


def test_same_post_bank_history_seed_give_the_same_draft() -> None:
    post = Inbound(text="Charged twice for one order, please sort it", name="Dana")
    assert drafter(seed=3).draft(post, allow_blocked=True) == drafter(seed=3).draft(post, allow_blocked=True)


def test_another_seed_can_change_the_choice() -> None:
    post = Inbound(text="The app crashes every time I open it", name="Dana")
    texts = {drafter(seed=s).draft(post, allow_blocked=True).text for s in range(8)}
    assert len(texts) > 1


@pytest.mark.parametrize(("situation", "action"), [
    ("spam", "no_reply"),
    ("abuse", "no_reply"),
    ("product_defect", "escalate"),
    ("billing_error", "reply_and_move_private"),
    ("praise", "reply"),
    ("pii", "reply_and_move_private"),
])
def test_actions(situation: str, action: str) -> None:
    d = drafter().draft(Inbound(**POSTS[situation]), allow_blocked=True)
    assert d.action == action
    if action == "reply_and_move_private":
        assert d.private
    if situation == "spam":
        assert d.text == ""
    if situation == "abuse":
        assert not re.search(r"\b(sorry|apologi[sz]e|apologies)\b", d.text, re.I)


def test_praise_gets_thanks_not_an_apology() -> None:
    for brand in SHIPPED_BANKS:
        d = drafter(brand).draft(Inbound(**POSTS["praise"]), allow_blocked=True)
        assert "apologise" not in [s.stage for s in d.stages]
        assert not re.search(r"\b(sorry|apologi[sz]e|apologies)\b", d.text, re.I), d.text


def test_unknown_name_reads_naturally() -> None:
    for brand in SHIPPED_BANKS:
        for seed in range(10):
            d = drafter(brand, seed).draft(Inbound(text="The app keeps crashing"), allow_blocked=True)
            assert not re.search(r"\b(Hi|Hello|Hey|Dear)\s+[,!.]|\bDear\s*[,-]|\s[,.!?]|\s{2}", d.text), d.text
            assert "None" not in d.text


@pytest.mark.parametrize("brand", SHIPPED_BANKS)
def test_public_draft_never_echoes_personal_data(brand: str) -> None:
    post = Inbound(**POSTS["pii"], handle="dana")
    found = find_pii(post.text)
    assert {m.kind for m in found} >= {"email", "phone"}
    for seed in range(10):
        d = drafter(brand, seed).draft(post, allow_blocked=True)
        for m in found:
            assert m.text not in d.text
        assert find_pii(d.text) == ()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=0, max_size=300) | st.sampled_from(
    ["{{ 7*7 }}", "{% raw %}x{% endraw %}", "{{ ''.__class__ }}", "{% for i in range(9) %}x{% endfor %}"]),
    name=st.none() | st.text(max_size=40))
def test_any_post_yields_a_draft_or_a_typed_error(text: str, name: str | None) -> None:
    d = Drafter(BANKS["northwind-air"], history=MemoryHistory())
    try:
        draft = d.draft(Inbound(text=text, name=name), allow_blocked=True)
    except CareVoiceError:
        return
    assert "49" not in draft.text or "49" in text or (name and "49" in name)
    if "{{" in text:
        assert "{{" not in draft.text or (name and "{{" in name)


@given(name=st.sampled_from(["{{ 7*7 }}", "{% raw %}", "{{ cycler.__init__ }}"]))
@settings(deadline=None)
def test_template_syntax_in_the_name_is_quoted_as_data(name: str) -> None:
    d = Drafter(BANKS["parcelpop"], history=MemoryHistory(), seed=1)
    for seed in range(5):
        d.seed = seed
        draft = d.draft(Inbound(text="My parcel is late", name=name), allow_blocked=True)
        assert "49" not in draft.text


@pytest.mark.parametrize("brand", SHIPPED_BANKS)
def test_bereavement_draft_offers_condolence_once(brand: str) -> None:
    post = Inbound(text="My mum passed away last week and I need to cancel her booking", name="Sarah")
    for seed in range(5):
        d = drafter(brand, seed).draft(post, allow_blocked=True)
        assert d.analysis.bereavement and d.analysis.emotion == "sadness"
        assert "condolence" in [s.stage for s in d.stages]
        assert len(re.findall(r"\b(sorry|apologi[sz]e|apologies)\b", d.text, re.I)) <= 1
        assert not d.findings, d.findings
