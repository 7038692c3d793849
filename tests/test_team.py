"""Drafters sharing one history: holds, checked accepts, one reply per post (memory, SQLite, PostgreSQL).

Each test opens the shared history once per agent, as agents on different machines would.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pg
import pytest

from carevoice import Drafter, Inbound, MemoryHistory
from carevoice.errors import NearDuplicateError
from carevoice.variation.coordinate import conflict_check, near_duplicate_pairs
from carevoice.variation.history import History
from carevoice.variation.sqlite import SQLiteHistory

BRAND = "parcelpop"
WAVE = ["Is the app down?", "is the app down for anyone else", "App won't load, is it down??",
        "your app is down again", "Can't open the app at all. Down?", "app down or is it just me"]

Open = Callable[[], History]


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Open]:
    """Opens the same history again for each agent."""
    opened: list[History] = []
    if request.param == "memory":
        one = MemoryHistory()

        def make() -> History:
            return one
    elif request.param == "sqlite":
        def make() -> History:
            opened.append(SQLiteHistory(tmp_path / "team.sqlite"))
            return opened[-1]
    else:
        pg.url()
        schema = pg.new_schema()

        def make() -> History:
            opened.append(pg.open_store(schema))
            return opened[-1]
    yield make
    for h in opened:
        h.close()
    if request.param == "postgres":
        pg.drop(schema)


def agent(open_history: Open, name: str, **kw: object) -> Drafter:
    return Drafter(BRAND, history=open_history(), seed=0, agent_name=name, **kw)  # type: ignore[arg-type]


def post(n: int, text: str = "Is the app down?", **kw: object) -> Inbound:
    return Inbound(text=text, id=f"p{n}", handle=f"@customer{n}", **kw)  # type: ignore[arg-type]


def reads_alike(a: str, b: str, drafter: Drafter) -> bool:
    from carevoice.variation.records import ReplyRecord

    return conflict_check(a, (), drafter.bank.variation)([ReplyRecord(b, BRAND, "x")]) is not None


def test_two_agents_drafting_the_same_question_at_once_publish_different_replies(shared: Open) -> None:
    ana, bo = agent(shared, "Ana"), agent(shared, "Bo")
    first, second = ana.draft(post(1)), bo.draft(post(2))  # both drafted before either is published
    assert not reads_alike(first.text, second.text, ana)  # Bo's drafter saw Ana's hold
    assert ana.accept(first, post(1)).published and bo.accept(second, post(2)).published
    history = shared()
    assert [(r.agent, r.text) for r in history.scan(BRAND)] == [("Ana", first.text), ("Bo", second.text)]
    assert history.holds(BRAND) == []


def test_without_holds_accept_refuses_what_someone_published_meanwhile_and_offers_a_fresh_draft(
        shared: Open) -> None:
    ana, bo = agent(shared, "Ana", hold_seconds=0), agent(shared, "Bo", hold_seconds=0)
    first, second = ana.draft(post(1)), bo.draft(post(2))
    assert reads_alike(first.text, second.text, ana)  # the bug of issue 11: nobody saw the other's draft
    ana.accept(first, post(1))
    with pytest.raises(NearDuplicateError) as info:
        bo.accept(second, post(2))
    error = info.value
    assert error.draft == second and error.conflict.record.text == first.text and error.fresh is not None
    assert "reads like reply #1 by Ana" in str(error)
    assert not reads_alike(error.fresh.text, first.text, bo)
    assert bo.accept(error.fresh, post(2)).published
    assert shared().count(BRAND) == 2


def test_a_second_reply_to_an_answered_post_returns_the_one_published(shared: Open) -> None:
    ana, bo = agent(shared, "Ana"), agent(shared, "Bo")
    mine, theirs = ana.draft(post(1)), bo.draft(post(1))  # two agents picked up the same post
    published = ana.accept(mine, post(1))
    late = bo.accept(theirs, post(1))
    assert late.outcome == "already_answered" and late.record == published.record and not late.published
    assert bo.answered(post(1)) == published.record and bo.answered(Inbound(text="no id")) is None
    assert shared().count(BRAND) == 1 and shared().holds(BRAND) == []
    again = bo.accept(bo.draft(post(1)), post(1), new_reply=True)
    assert again.published and again.record.new_reply and shared().count(BRAND) == 2
    assert ana.accept(mine, post(1)).outcome == "already_published"


def test_discarding_a_draft_releases_its_hold(shared: Open) -> None:
    ana = agent(shared, "Ana")
    draft = ana.draft(post(1))
    assert [h.text for h in shared().holds(BRAND)] == [draft.text]
    ana.discard(draft)
    assert shared().holds(BRAND) == []


def test_drafting_a_post_again_gives_the_same_draft_and_one_hold(shared: Open) -> None:
    ana = agent(shared, "Ana")
    assert ana.draft(post(1)).text == ana.draft(post(1)).text
    assert len(shared().holds(BRAND)) == 1


def test_a_lapsed_hold_stops_steering_other_agents(shared: Open) -> None:
    ana = agent(shared, "Ana", hold_seconds=0.3)
    ana.draft(post(1))
    assert len(shared().holds(BRAND)) == 1
    time.sleep(0.4)
    assert shared().holds(BRAND) == []


def test_a_draft_accepted_by_another_process_is_checked_against_the_whole_scope(shared: Open) -> None:
    ana, web = agent(shared, "Ana"), agent(shared, "Ana")  # a web app: drafted by one worker, accepted by another
    held = ana.draft(post(1))
    assert web.accept(held, post(1)).published  # its hold was live: nobody could publish a reply like it
    unheld = agent(shared, "Cy", hold_seconds=0).draft(post(2))
    agent(shared, "Bo").accept(agent(shared, "Bo", hold_seconds=0).draft(post(3)), post(3))
    with pytest.raises(NearDuplicateError):
        web.accept(unheld, post(2))


def test_a_rerun_after_a_crash_publishes_nothing_twice(shared: Open) -> None:
    posts = [post(n, text) for n, text in enumerate(WAVE)]
    crashed = agent(shared, "Ana")
    for p in posts[:3]:
        crashed.accept(crashed.draft(p), p)
    crashed.draft(posts[3])  # drafted, never accepted: the process died here
    rerun = agent(shared, "Ana")
    outcomes = [rerun.accept(rerun.draft(p), p).outcome for p in posts]
    assert outcomes == ["already_answered"] * 3 + ["published"] * 3
    history = shared()
    assert history.count(BRAND) == len(WAVE) and len({r.post_id for r in history.scan(BRAND)}) == len(WAVE)
    assert history.holds(BRAND) == []


def test_agents_on_threads_drafting_one_wave_publish_no_near_duplicates(shared: Open) -> None:
    agents = [agent(shared, name) for name in ("Ana", "Bo", "Cy", "Di")]
    barrier = threading.Barrier(len(agents))
    failures: list[BaseException] = []

    def work(k: int, drafter: Drafter) -> None:
        barrier.wait()
        try:
            for n in range(10):
                p = post(100 * k + n, WAVE[n % len(WAVE)])
                draft = drafter.draft(p)
                try:
                    drafter.accept(draft, p)
                except NearDuplicateError as exc:
                    assert exc.fresh is not None
                    drafter.accept(exc.fresh, p)
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(k, a)) for k, a in enumerate(agents)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert failures == []
    replies = list(shared().scan(BRAND))
    assert len(replies) == 40 and len({r.post_id for r in replies}) == 40
    assert near_duplicate_pairs(replies, agents[0].bank.variation) == []


def test_the_pair_count_finds_repeats_within_the_scope_only() -> None:
    from datetime import datetime, timedelta, timezone

    from carevoice.bank.settings import VariationSettings
    from carevoice.variation.records import ReplyRecord

    settings = VariationSettings(window=3, situation_window=0)
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    texts = ["Sorry the app is down, we are on it", "Our parcels ship on Mondays", "Refunds take five days",
             "Sorry the app is down, we are on it now", "Lockers open at nine", "Vans leave at six",
             "Refunds take five days"]
    replies = [ReplyRecord(t, "b", "x", (f"only{n}",), time=t0 + timedelta(minutes=n), seq=n + 1)
               for n, t in enumerate(texts)]
    replies.append(ReplyRecord("A new script with words unseen", "b", "x", ("only5", "other"), time=t0, seq=8))
    pairs = near_duplicate_pairs(replies, settings)
    assert [(later.seq, c.record.seq) for later, c in pairs] == [(4, 1), (8, 6)]  # 7 repeats 3, beyond the window
    assert pairs[0][1].score >= 85 and pairs[1][1].shared == 1.0
    check = conflict_check("Sorry the app is down, we are on it", ("x.1",), settings)
    assert check([replies[1], replies[0]]) is not None and check(replies[1:3]) is None


def test_a_history_without_the_team_methods_is_one_clear_error() -> None:
    from carevoice.errors import HistoryError

    class OldStore:  # written against the protocol before teams
        def record(self, record: object) -> object: ...
        def recent(self, brand: str, **kw: object) -> list[object]: return []
        def related(self, brand: str, **kw: object) -> list[object]: return []
        def phrase_last_used(self, brand: str, ids: object) -> dict[str, int]: return {}
        def count(self, brand: str | None = None) -> int: return 0

    with pytest.raises(HistoryError, match="OldStore is not a complete reply history; it lacks publish, hold"):
        Drafter(BRAND, history=OldStore())  # type: ignore[arg-type]


def test_cv701_names_a_reply_being_drafted_by_another_agent(shared: Open, tmp_path: Path) -> None:
    from carevoice.variation.rules import EXAMPLE_BANK

    path = tmp_path / "thin.yaml"
    path.write_text(EXAMPLE_BANK, encoding="utf-8")
    ana, bo = (Drafter(path, history=shared(), agent_name=name) for name in ("Ana", "Bo"))
    first = ana.draft(Inbound(text="The app crashes every time I open it", id="1"))
    second = bo.draft(Inbound(text="Your app keeps crashing on my phone", id="2"))
    assert not first.custom_slot_required and second.custom_slot_required
    assert "a reply being drafted by Ana right now" in next(f.message for f in second.findings if f.code == "CV701")
