"""Selection, the phrase-fingerprint index, rotation and recombination of the variation engine."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice import Drafter, Inbound, load_bank
from carevoice.bank.resolved import Phrase
from carevoice.bank.settings import VariationSettings
from carevoice.compose import Candidate
from carevoice.variation import MemoryHistory, ReplyRecord
from carevoice.variation.index import ReplyIndex, fingerprint
from carevoice.variation.recombine import recombine
from carevoice.variation.select import repeats_itself, rest_factors, select
from carevoice.variation.similarity import clean, get_scorer, similarity

MINI = load_bank(FIXTURES / "banks" / "mini.yaml")
SETTINGS = VariationSettings()


def cand(*texts: str, ids: tuple[str, ...] | None = None) -> Candidate:
    ids = ids or tuple(f"t.{i}.{abs(hash(t)) % 997}" for i, t in enumerate(texts))
    parts = tuple((f"s{i}", Phrase(id=pid, situation="app_bug", stage=f"s{i}", text=t), t)
                  for i, (t, pid) in enumerate(zip(texts, ids, strict=True)))
    return Candidate(parts, "^AB")


def history_of(*texts: str, ids: tuple[tuple[str, ...], ...] = ()) -> MemoryHistory:
    h = MemoryHistory()
    for n, t in enumerate(texts):
        h.record(ReplyRecord(t, "b", "x", ids[n] if ids else (), category="app_bug"))
    return h


@pytest.mark.parametrize(("a", "b", "same"), [
    ("@ana Sorry about that, DM us your order number. ^AB", "@bo sorry about that - DM us your order number -Sam",
     True),
    ("Thanks for the kind words! https://t.co/x ^AB", "Thanks for the kind words!", True),
    ("Sorry the app keeps crashing. Which phone are you on?", "Delivery is late; we'll chase the courier.", False),
])
def test_cleaning_ignores_mentions_links_sign_offs_and_case(a: str, b: str, same: bool) -> None:
    assert (clean(a).split() == clean(b).split()) is same


def test_unknown_scorer_lists_the_known_ones() -> None:
    with pytest.raises(Exception, match="token_set_ratio"):
        get_scorer("token_sett_ratio")
    with pytest.raises(ValueError, match="known"):
        VariationSettings(scorer="nope")


def test_select_prefers_the_candidate_least_like_recent_replies() -> None:
    h = history_of("Sorry the app keeps crashing. Which phone and app version are you on?")
    near = cand("Sorry the app keeps crashing.", "Which phone and app version are you on?")
    far = cand("That sounds maddening.", "Could you send us a screenshot of the error?")
    sel = select([near, far], h, brand="b", settings=SETTINGS, category="app_bug")
    assert sel.candidate is far and sel.cleared and sel.score < SETTINGS.threshold


def test_when_every_candidate_repeats_selection_says_so_and_names_the_closest() -> None:
    earlier = "Sorry the app keeps crashing. Which phone and app version are you on?"
    h = history_of("Our parcels ship daily.", earlier)
    sel = select([cand("Sorry the app keeps crashing.", "Which phone and app version are you on?")], h,
                 brand="b", settings=SETTINGS, category="app_bug")
    assert not sel.cleared and sel.closest is not None and sel.closest.text == earlier
    assert sel.score >= SETTINGS.threshold and sel.strict >= 90


def test_earlier_replies_to_the_same_customer_count_even_outside_the_window() -> None:
    h = MemoryHistory()
    h.record(ReplyRecord("Sorry the app keeps crashing. Which phone are you on?", "b", "x", customer="@ana"))
    for n in range(5):
        h.record(ReplyRecord(f"Unrelated reply number {n} about parcels", "b", "x"))
    c = cand("Sorry the app keeps crashing.", "Which phone are you on?")
    tight = SETTINGS.model_copy(update={"window": 2, "situation_window": 0})
    assert select([c], h, brand="b", settings=tight).cleared
    assert not select([c], h, brand="b", settings=tight, customer="@ana").cleared


def test_a_candidate_sharing_most_of_its_phrases_with_one_reply_never_clears() -> None:
    ids = ("x.app_bug.acknowledge.1", "x.app_bug.explain.1", "x.app_bug.resolve.1")
    h = history_of("Totally different words here entirely.", ids=(ids,))
    c = cand("Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota.",
             ids=("x.app_bug.acknowledge.1", "x.app_bug.explain.1", "x.app_bug.resolve.9"))
    assert not select([c], h, brand="b", settings=SETTINGS, category="app_bug").cleared
    loose = SETTINGS.model_copy(update={"max_shared": 1.0})
    assert select([c], h, brand="b", settings=loose, category="app_bug").cleared


@pytest.mark.parametrize(("texts", "echo"), [
    (("Thanks for raising this with us.", "Thank you for raising this with us."), True),
    (("Sorry the app keeps crashing.", "Which phone and app version are you on?"), False),
])
def test_a_reply_that_repeats_itself_is_caught(texts: tuple[str, str], echo: bool) -> None:
    assert repeats_itself(cand(*texts)) is echo


def test_rest_factors_rotate_phrases_least_recently_used_first() -> None:
    h = MemoryHistory()
    for pid in ["a", "b", "c", "a"]:
        h.record(ReplyRecord("t", "b", "x", (pid,)))
    f = rest_factors(h, "b", ["a", "b", "c", "never"], rest=3)
    assert "never" not in f  # unused phrases keep their full weight
    assert f["a"] < f["c"] < f["b"] <= 1.0
    assert rest_factors(h, "b", ["a"], rest=0) == {}


def test_fingerprint_ignores_greetings() -> None:
    assert fingerprint(["pp.any.greet.1", "pp.app_bug.resolve.2"]) == {"pp.app_bug.resolve.2"}


SENTENCES = [
    "Sorry the app keeps crashing.", "Which phone and app version are you on?", "That sounds maddening.",
    "Could you send us a screenshot?", "We hear you.", "Thanks for flagging this.", "DM us and we'll look.",
    "Your parcel is on its way.", "We log issues like this.", "Hi there,",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5), min_size=1, max_size=40),
       st.lists(st.sampled_from(SENTENCES[:6]), min_size=1, max_size=4))
def test_the_prefilter_never_misses_what_an_exhaustive_scan_flags(stored: list[list[str]], query: list[str]) -> None:
    h = history_of(*(" ".join(s) for s in stored))
    index = ReplyIndex(h, "b")
    index.refresh("app_bug")
    text = " ".join(query)
    fast = index.closest(text, (), scorer="token_set_ratio", category="app_bug")
    full = index.closest(text, (), scorer="token_set_ratio", category="app_bug", exhaustive=True)
    if full.score >= SETTINGS.threshold:
        assert fast.score >= SETTINGS.threshold
    assert fast.score <= full.score


def test_the_index_picks_up_replies_recorded_by_someone_else() -> None:
    h = history_of("first reply about parcels")
    index = ReplyIndex(h, "b", window=2)
    index.refresh()
    h.record(ReplyRecord("second reply about refunds", "b", "x"))
    h.record(ReplyRecord("third reply about logins", "b", "x"))
    index.refresh()
    assert [r.text for r in index.scope()] == ["third reply about logins", "second reply about refunds"]


def test_recombine_avoids_phrase_pairs_already_used_in_scope() -> None:
    bank = load_bank("parcelpop")
    d = Drafter(bank, history=MemoryHistory(), seed=1)
    post = Inbound(text="The app crashes every time I open the basket")
    for _ in range(30):
        d.draft(post, allow_blocked=True, record=True)
    index = d._index
    index.refresh("app_bug")
    drawn = [c for c in _draws(bank, 60)]
    out = recombine(drawn, index, category="app_bug", rng=random.Random(0), count=8, max_shared=0.5)
    assert out
    for c in out:
        assert index.overlap(c.phrase_ids, "app_bug") <= 0.5


def _draws(bank: object, n: int) -> list[Candidate]:
    from carevoice.checks.channels import get_channel
    from carevoice.compose import build_context, make_candidates
    from carevoice.inbound import Reading
    from carevoice.plan import plan_reply

    reading = Reading(category="app_bug", confidence=1.0)
    ctx = build_context(Inbound(text="-"), reading, bank, get_channel("x"))  # type: ignore[arg-type]
    return make_candidates(bank, plan_reply(reading), ctx, channel="x", emotion="neutral",  # type: ignore[arg-type]
                           sensitive=False, rng=random.Random(3), count=n)


def test_drafts_are_deterministic_for_the_same_post_bank_history_and_seed() -> None:
    posts = [Inbound(text=t, id=str(i)) for i, t in enumerate(
        ["My parcel is late", "The app crashes", "Charged twice!", "My parcel is late", "hello?"] * 4)]

    def run() -> list[str]:
        d = Drafter("parcelpop", history=MemoryHistory(), seed=11)
        return [d.draft(p, allow_blocked=True, record=True).text for p in posts]

    assert run() == run()


def test_forty_identical_posts_get_forty_replies_no_reader_would_call_a_script() -> None:
    d = Drafter("parcelpop", history=MemoryHistory(), seed=2)
    texts = [d.draft(Inbound(text="My order #4417 is a week late, where is it?"), allow_blocked=True,
                     record=True).text for _ in range(40)]
    worst = max(similarity(a, b) for i, a in enumerate(texts) for b in texts[:i])
    assert worst < 90
    assert len(set(texts)) == 40


def test_a_thin_bank_makes_the_custom_slot_required_with_cv701() -> None:
    d = Drafter(MINI, history=MemoryHistory(), seed=0)
    drafts = []
    for _ in range(12):  # two phrasings per stage: the same complaint soon has nothing new to say
        drafts.append(d.draft(Inbound(text="the app keeps crashing"), allow_blocked=True, record=True))
        if drafts[-1].custom_slot_required:
            break
    last = drafts[-1]
    assert last.custom_slot_required and last.custom_slot and len(drafts) > 1
    cv701 = [f for f in last.findings if f.code == "CV701"]
    assert cv701 and "closest is reply #" in cv701[0].message
    assert any(earlier.text[:20] in cv701[0].message for earlier in drafts[:-1])
    assert not drafts[0].custom_slot_required


def test_phrase_weights_are_honoured() -> None:
    bank = load_bank("parcelpop")
    heavy = "base.app_bug.acknowledge.3"  # parcelpop inherits app_bug from base
    phrases = tuple(replace(p, weight=50.0) if p.id == heavy else p for p in bank.phrases)
    weighted = replace(bank, phrases=phrases, _index={})
    counts: Counter[str] = Counter()
    for seed in range(30):
        d = Drafter(weighted, history=MemoryHistory(), seed=seed)
        counts.update(d.draft(Inbound(text="The app crashes every time"), allow_blocked=True).phrase_ids)
    assert counts[heavy] >= 15


def test_replies_older_than_the_time_window_are_not_compared() -> None:
    from datetime import datetime, timedelta

    text = "Sorry the app keeps crashing. Which phone and app version are you on?"
    h = MemoryHistory()
    h.record(ReplyRecord(text, "b", "x", time=datetime(2026, 1, 1, 9, 0)))  # naive times are read as UTC
    c = cand("Sorry the app keeps crashing.", "Which phone and app version are you on?")
    soon = datetime(2026, 1, 2, 9, 0)
    assert not select([c], h, brand="b", settings=SETTINGS, now=soon).cleared
    assert select([c], h, brand="b", settings=SETTINGS, now=soon + timedelta(days=40)).cleared
