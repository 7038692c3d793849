"""A care team drafting one wave at once: N agent processes x M drafts, on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/team.py [--backends sqlite,postgres] [--agents 8] [--drafts 1000]
        [--stored 0] [--url postgresql://...] [--think 0] [--kill] [--restart "CMD"] [--retry-for 15]
        [--work DIR]

Every agent drafts the same wave in the same order at the same time (round i: every agent
answers a different customer who wrote post i of the wave, the worst case of an outage),
holds each draft, then publishes it; a draft that could not clear (CV701: an agent must add
a line of their own) is discarded and counted. Reported per backend: published
near-duplicate pairs within the engine's comparison scope (must be 0), drafts per second for
the whole team, p50/p95 latency of ``Drafter.draft`` (which includes taking the hold) and of
``Drafter.accept``, accepts refused because someone published a reply like it meanwhile, and
the checks that every published reply is stored exactly once.

``--stored N`` first loads N realistic replies of the brand (PostgreSQL with COPY; SQLite in
batched transactions; both cached in ``--work``). ``--kill`` kills agent 0 with SIGKILL
mid-batch, then runs its batch again: nothing it published is lost and nothing is published
twice. ``--restart CMD`` runs CMD (restart the PostgreSQL server) a third of the way in: the
agents ride through it (retrying for ``--retry-for`` seconds, then seeing
``HistoryUnavailableError`` and trying the post again), and every post is still published once.

``--uncoordinated`` runs the same wave without holds and without the check at accept: the
baseline, as drafters behaved before.

``--url`` defaults to ``$CAREVOICE_BENCH_POSTGRES`` (``eval "$(.ci/postgres bench)"`` starts a server
and creates a database the test suite leaves alone).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shlex
import signal
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from variation import engine_replies, load_posts  # noqa: E402

BRAND = "parcelpop"


# -- the stores --------------------------------------------------------------------------------

def open_store(where: dict[str, Any], retry_for: float = 15.0) -> Any:
    if where["kind"] == "sqlite":
        from carevoice.variation.sqlite import SQLiteHistory

        return SQLiteHistory(where["path"])
    from carevoice.variation.postgres import PostgresHistory

    return PostgresHistory(where["url"], schema=where["schema"], retry_for=retry_for)


def _agent_name(k: int) -> str:
    """A name an agent may sign with (letters only): Agent A ... Agent Z, Agent AA ..."""
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = chr(65 + r) + letters
    return f"Agent {letters}"


def distinct_replies(n: int, work: Path, seed: int = 1) -> list[tuple[str, tuple[str, ...], str]]:
    """``n`` replies as carevoice would have published them for real posts (cached in ``work``)."""
    cache = work / f"distinct-{n}-{seed}.json"
    if cache.exists():
        return [(t, tuple(ids), c) for t, ids, c in json.loads(cache.read_text(encoding="utf-8"))]
    from carevoice.bank import load_bank
    from carevoice.concentrate import concentrate
    from carevoice.inbound import Inbound

    readings = [concentrate(Inbound(text=t)) for t in load_posts(1025)]
    unique = engine_replies(load_bank(BRAND), readings, n, random.Random(seed))
    cache.write_text(json.dumps(unique), encoding="utf-8")
    return unique


def stored_replies(size: int, work: Path) -> Any:
    """``size`` realistic replies of the brand over the last 29 days (20,000 distinct ones, repeated)."""
    from carevoice.variation.records import ReplyRecord

    unique = distinct_replies(min(size, 20_000), work)
    start = datetime.now(timezone.utc) - timedelta(days=29)
    step = timedelta(days=29) / max(size, 1)
    run = uuid.uuid4().hex[:8]
    for i in range(size):
        text, ids, category = unique[i % len(unique)]
        yield ReplyRecord(text=text, brand=BRAND, channel="x", phrase_ids=ids, category=category,
                          time=start + step * i, customer=f"user{i % 50_000}", draft_id=f"load-{run}-{i}",
                          agent=_agent_name(i % 40))


def prepare(kind: str, stored: int, args: argparse.Namespace) -> dict[str, Any]:
    """A history holding ``stored`` replies (built once and kept in ``--work``); returns where it is."""
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        base = work / f"team-{stored}.sqlite"
        if not base.exists():
            from carevoice.variation.sqlite import SQLiteHistory

            t = time.perf_counter()
            h = SQLiteHistory(work / "building.sqlite")
            batch = []
            for r in stored_replies(stored, work):
                batch.append(r)
                if len(batch) >= 20_000:
                    h.record_many(batch)
                    batch = []
            h.record_many(batch)
            h.close()
            (work / "building.sqlite").rename(base)
            print(f"  built {stored:,} SQLite replies in {time.perf_counter() - t:.0f} s", flush=True)
        path = work / "run.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        subprocess.run(["cp", str(base), str(path)], check=True)
        return {"kind": "sqlite", "path": str(path)}
    import psycopg

    schema = f"team_{stored}"
    with psycopg.connect(args.url, autocommit=True) as conn:
        ready = conn.execute("SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'replies'",
                             (schema,)).fetchone()
        if ready is not None:
            conn.execute(f"DELETE FROM {schema}.replies WHERE draft_id NOT LIKE 'load-%%'")
            conn.execute(f"TRUNCATE {schema}.holds")
    if ready is None:
        from carevoice.variation.postgres import PostgresHistory

        t = time.perf_counter()
        with PostgresHistory(args.url, schema=schema) as h:
            h.load(stored_replies(stored, work))
        with psycopg.connect(args.url, autocommit=True) as conn:
            conn.execute(f"VACUUM ANALYZE {schema}.replies")
            conn.execute(f"VACUUM ANALYZE {schema}.phrase_use")
        print(f"  loaded {stored:,} PostgreSQL replies with COPY in {time.perf_counter() - t:.0f} s", flush=True)
    return {"kind": "postgres", "url": args.url, "schema": schema}


# -- one agent -----------------------------------------------------------------------------------

def agent(where: dict[str, Any], k: int, posts: list[tuple[str, str]], out: str, barrier: Any,
          think: float, retry_for: float, coordinated: bool = True) -> None:
    """Draft, hold and publish each post; log one JSON line per post (latencies and what happened)."""
    from carevoice.drafter import Drafter
    from carevoice.errors import HistoryUnavailableError, NearDuplicateError
    from carevoice.inbound import Inbound

    history = open_store(where, retry_for)
    drafter = Drafter(BRAND, history=history, seed=0, agent_name=_agent_name(k), hold_seconds=600 if coordinated else 0)
    if not coordinated:  # the baseline: no holds and no check at accept, as before issue 11
        drafter._team._check = lambda draft: None  # type: ignore[method-assign]
    drafter.draft(Inbound(text="warm up", id=f"warm-{k}-{uuid.uuid4().hex}"), allow_blocked=True)
    if barrier is not None:
        barrier.wait()
    with open(out, "a", encoding="utf-8") as log:
        for post_id, text in posts:
            post = Inbound(text=text, id=post_id, handle=f"@{post_id}")
            entry: dict[str, Any] = {"agent": k, "post": post_id, "unavailable": 0}
            while True:
                try:
                    if drafter.answered(post) is not None:
                        entry["outcome"] = "skipped"
                        break
                    t0 = time.perf_counter()
                    draft = drafter.draft(post, allow_blocked=True)
                    t1 = time.perf_counter()
                    entry["draft_ms"] = (t1 - t0) * 1000
                    if draft.blocked or not draft.text or draft.action == "no_reply" or draft.custom_slot_required:
                        drafter.discard(draft)
                        entry["outcome"] = "custom_line_needed" if draft.custom_slot_required else "not_publishable"
                        break
                    if think:
                        time.sleep(think)
                    t2 = time.perf_counter()
                    accepted = None
                    for _ in range(3):  # someone published a reply like it meanwhile: take the fresh draft
                        try:
                            accepted = drafter.accept(draft, post)
                            break
                        except NearDuplicateError as exc:
                            entry["refused"] = entry.get("refused", 0) + 1
                            if exc.fresh is None or exc.fresh.custom_slot_required:
                                break
                            draft = exc.fresh
                    if accepted is None:
                        drafter.discard(draft)
                        entry["outcome"] = "custom_line_needed"
                        break
                    entry["accept_ms"] = (time.perf_counter() - t2) * 1000
                    entry.update(outcome=accepted.outcome, seq=accepted.record.seq)
                    break
                except HistoryUnavailableError:
                    entry["unavailable"] += 1  # the server is away: a platform would retry the post later
                    time.sleep(0.5)
            log.write(json.dumps(entry) + "\n")
            log.flush()
    history.close()


# -- one run -------------------------------------------------------------------------------------

def read_log(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def run(kind: str, args: argparse.Namespace, stored: int) -> dict[str, Any]:
    from carevoice.bank import load_bank
    from carevoice.variation.coordinate import near_duplicate_pairs

    where = prepare(kind, stored, args)
    wave = load_posts(args.drafts)
    tag = uuid.uuid4().hex[:6]
    batches = [[(f"{tag}-a{k}-{i}", wave[i]) for i in range(args.drafts)] for k in range(args.agents)]
    log = Path(args.work) / f"log-{kind}-{tag}.jsonl"
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(args.agents + 1)
    procs = [ctx.Process(target=agent, args=(where, k, batches[k], str(log), barrier, args.think / 1000,
                                             args.retry_for, not args.uncoordinated)) for k in range(args.agents)]
    for p in procs:
        p.start()
    barrier.wait(300)
    start = time.perf_counter()
    began = datetime.now(timezone.utc) - timedelta(seconds=5)
    killed = restarted = False
    total = args.agents * args.drafts
    while any(p.is_alive() for p in procs):
        done = len(read_log(log)) if (args.kill and not killed) or (args.restart and not restarted) else 0
        if args.kill and not killed and done >= total // 3:
            os.kill(procs[0].pid or 0, signal.SIGKILL)
            killed = True
        if args.restart and not restarted and kind == "postgres" and done >= total // 3:
            subprocess.run(shlex.split(args.restart), check=True, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            restarted = True
        time.sleep(0.05)
    wall = time.perf_counter() - start
    for p in procs[1 if killed else 0:]:
        if p.exitcode != 0:
            raise SystemExit(f"agent failed with exit code {p.exitcode}")
    if killed:  # run agent 0's batch again, as an operator would after the crash
        again = ctx.Process(target=agent, args=(where, 0, batches[0], str(log), None, 0.0, args.retry_for,
                                                not args.uncoordinated))
        again.start()
        again.join()
    entries = read_log(log)
    history = open_store(where)
    rows = [r for r in history.scan(BRAND, since=began) if r.post_id and r.post_id.startswith(tag)]
    # the replies stored before the run are in the drafters' scope too: pairs with them count
    context = list(reversed(history.recent(BRAND, limit=1000, before=min((r.seq for r in rows), default=1))))
    history.close()
    # "already_published": the commit reached the server but its answer was lost (a restart); the retry found it
    published = [e for e in entries if e.get("outcome") in ("published", "already_published")]
    answered = {e["post"] for e in entries
                if e.get("outcome") in ("published", "already_published", "already_answered", "skipped")}
    drafts = sorted(e["draft_ms"] for e in entries if "draft_ms" in e)
    accepts = sorted(e["accept_ms"] for e in entries if "accept_ms" in e)
    ours = {r.seq for r in rows}
    pairs = [p for p in near_duplicate_pairs(context + rows, load_bank(BRAND).variation) if p[0].seq in ours]
    checks = {
        "one row per post": len(rows) == len({r.post_id for r in rows}),
        "every published reply stored once": {e["seq"] for e in published} <= {r.seq for r in rows}
        and len(published) == len({e["seq"] for e in published}),
        "every answered post stored": answered == {r.post_id for r in rows},
        "nothing stored that nobody answered": len(rows) == len(answered),
    }
    return {
        "backend": kind, "stored": stored, "agents": args.agents, "drafts": len(drafts), "rows": len(rows),
        "pairs": len(pairs), "drafts_per_s": len(drafts) / wall, "wall_s": wall,
        "draft_p50": statistics.median(drafts), "draft_p95": drafts[int(len(drafts) * 0.95)],
        "accept_p50": statistics.median(accepts), "accept_p95": accepts[int(len(accepts) * 0.95)],
        "refused": sum(e.get("refused", 0) for e in entries),
        "custom": sum(1 for e in entries if e.get("outcome") == "custom_line_needed"),
        "unavailable": sum(e.get("unavailable", 0) for e in entries), "killed": killed, "restarted": restarted,
        "checks": checks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--agents", type=int, default=8)
    parser.add_argument("--drafts", type=int, default=1000, help="drafts per agent")
    parser.add_argument("--stored", default="0", help="replies stored before the run, e.g. 0,1000000")
    parser.add_argument("--url", default=os.environ.get("CAREVOICE_BENCH_POSTGRES"))
    parser.add_argument("--think", type=float, default=0.0, help="ms an agent reads a draft before publishing")
    parser.add_argument("--kill", action="store_true", help="SIGKILL agent 0 a third of the way in, then rerun it")
    parser.add_argument("--restart", metavar="CMD", help="command that restarts the PostgreSQL server mid-run")
    parser.add_argument("--retry-for", type=float, default=15.0, help="seconds the store retries a lost server")
    parser.add_argument("--uncoordinated", action="store_true",
                        help="baseline: no holds and no check at accept (how drafters behaved before issue 11)")
    parser.add_argument("--work", default="/tmp/carevoice-team-bench")
    args = parser.parse_args()
    kinds = [k for k in args.backends.split(",") if k]
    if "postgres" in kinds and not args.url:
        raise SystemExit("PostgreSQL needs --url or $CAREVOICE_BENCH_POSTGRES (eval \"$(.ci/postgres bench)\")")
    print(f"{args.agents} agents x {args.drafts} drafts of one wave, brand {BRAND}, think {args.think:g} ms")
    print("| backend | stored | drafts/s (team) | draft p50 | draft p95 | accept p50 | accept p95 | "
          "near-duplicate pairs | refused at accept | CV701 discarded | rows | unavailable | checks |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    failed = False
    for stored in (int(s) for s in args.stored.split(",")):
        for kind in kinds:
            r = run(kind, args, stored)
            ok = all(r["checks"].values()) and (r["pairs"] == 0 or args.uncoordinated)
            failed |= not ok
            extra = ((" (agent 0 killed, rerun)" if r["killed"] else "") + (" (server restarted)" if r["restarted"]
                                                                              else "")
                     + (" uncoordinated" if args.uncoordinated else ""))
            print(f"| {kind}{extra} | {stored:,} | {r['drafts_per_s']:.0f} | {r['draft_p50']:.1f} ms | "
                  f"{r['draft_p95']:.1f} ms | {r['accept_p50']:.1f} ms | {r['accept_p95']:.1f} ms | {r['pairs']} | "
                  f"{r['refused']} | {r['custom']} | {r['rows']:,} | {r['unavailable']} | "
                  f"{'all pass' if ok else [k for k, v in r['checks'].items() if not v]} |", flush=True)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
