"""1,000 consecutive drafts per shipped brand on real customer posts: are any two near-duplicates?

    .venv/bin/python benchmarks/simulate.py [--brands base,northwind-air,parcelpop,harbour-bank]
                                            [--drafts 1000] [--window 500] [--audit-ibm]

Drafts the real customer posts of ``../shared/data/ibm_twitter_cdp`` (via
``../shared/tools/posts_jsonl.py``) one after another for each brand into a
fresh SQLite history, as ``carevoice draft --input ... --history h.sqlite``
does, and counts drafts that are near-duplicates of any of the previous
``--window`` drafts by the bank's default measure and by the published strict
measure (token_set_ratio >= 90 on cleaned text). Also counts drafts whose
custom slot the engine made required, and names the (situation, stage) cells
of each bank whose variety (``carevoice variety``) falls short of the share of
real traffic they must absorb. ``--audit-ibm`` also audits the agents' real
replies in the same data set (the converter is :func:`ibm_agent_replies`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IBM = SHARED / "data" / "ibm_twitter_cdp"


def ibm_agent_replies(folder: Path = IBM) -> list[dict[str, Any]]:
    """The agents' replies in the IBM customer-care conversations, as audit rows (text, brand, time)."""
    rows: list[dict[str, Any]] = []
    for name in ("dev.json", "test.json"):
        path = folder / name
        if not path.is_file():
            continue
        for conv in json.loads(path.read_text(encoding="utf-8")):
            brand = conv.get("dialogHeader", {}).get("company", "-")
            seen = set()
            for turn in conv.get("dialogContent", []):
                if "agent" in turn and turn.get("message"):
                    seen.add(turn.get("tweet_ID"))
                    rows.append({"text": turn["message"], "brand": brand, "time": turn.get("datetime")})
            final = conv.get("agentURL") or {}
            if final.get("url_utterance") and final.get("tweet_ID") not in seen:
                rows.append({"text": final["url_utterance"], "brand": brand,
                             "time": conv.get("dialogHeader", {}).get("conversationDateTime")})
    return rows


def near_duplicates(texts: list[str], *, scorer: str, threshold: float, window: int) -> int:
    """How many texts score at or above ``threshold`` against one of the previous ``window`` texts."""
    from rapidfuzz import process

    from carevoice.variation.similarity import clean, get_scorer

    fn = get_scorer(scorer)
    proc = [clean(t) for t in texts]
    dup = 0
    for i, t in enumerate(proc):
        earlier = proc[max(0, i - window):i]
        if earlier and process.extractOne(t, earlier, scorer=fn, processor=None, score_cutoff=threshold):
            dup += 1
    return dup


def simulate(brand: str, posts: Path, drafts: int, window: int) -> dict[str, Any]:
    """Draft ``drafts`` posts for ``brand`` through the CLI into a fresh history; return the figures."""
    from carevoice.bank import load_bank

    bank = load_bank(brand)
    with tempfile.TemporaryDirectory() as tmp:
        lines = posts.read_text(encoding="utf-8").splitlines()[:drafts]
        source = Path(tmp) / "posts.jsonl"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "carevoice", "draft", "--input", str(source), "--brand", brand,
                              "--channel", "x", "--json", "--history", str(Path(tmp) / "h.sqlite")],
                             capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    results = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    published = [d for d in results if d.get("action") != "no_reply" and d.get("text")]
    texts = [d["text"] for d in published]
    v = bank.variation
    required = Counter(d["analysis"]["category"] for d in published if d.get("custom_slot_required"))
    return {
        "brand": brand, "drafts": len(results), "published": len(texts), "seconds": round(elapsed, 1),
        "default": near_duplicates(texts, scorer=v.scorer, threshold=v.threshold, window=window),
        "strict": near_duplicates(texts, scorer="token_set_ratio", threshold=90.0, window=window),
        "required": sum(required.values()), "required_by_situation": dict(required.most_common()),
        "measure": f"{v.scorer} >= {v.threshold:g}",
        "situations": dict(Counter(d["analysis"]["category"] for d in published).most_common()),
    }


def thin_cells(brand: str, share: dict[str, int], window: int, limit: int = 200) -> list[str]:
    """Situations whose bank variety is below their share of ``window`` consecutive drafts, with cell sizes."""
    from carevoice.bank import load_bank
    from carevoice.compose import stage_options
    from carevoice.inbound import Reading
    from carevoice.plan import plan_reply
    from carevoice.variation.variety import simulate_variety

    bank = load_bank(brand)
    total = sum(share.values()) or 1
    out = []
    for situation, n in share.items():
        need = round(n / total * window)
        if situation not in bank.situations or need < 5:
            continue
        got = simulate_variety(bank, situation, limit=min(limit, max(need * 2, 20)))
        if got < need:
            plan = plan_reply(Reading(category=situation, confidence=1.0))  # type: ignore[arg-type]
            cells = ", ".join(
                f"{s} {len(stage_options(bank, situation, s, channel='x', emotion='neutral', sensitive=False))}"
                for s in plan.stages if s != "greet")
            out.append(f"{situation}: needs ~{need} distinct replies per {window} drafts, bank gives {got} "
                       f"(phrasings per stage: {cells})")
    return out


def main() -> None:
    """Run the simulation for each brand and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--brands", default="base,northwind-air,parcelpop,harbour-bank")
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--window", type=int, default=500)
    ap.add_argument("--audit-ibm", action="store_true")
    args = ap.parse_args()
    tool = SHARED / "tools" / "posts_jsonl.py"
    if not tool.is_file():
        sys.exit(f"skipped: {tool} is absent (the real posts live outside the repository)")
    with tempfile.TemporaryDirectory() as tmp:
        posts = Path(tmp) / "posts.jsonl"
        posts.write_text(subprocess.run([sys.executable, str(tool)], capture_output=True, text=True,
                                        check=True).stdout, encoding="utf-8")
        for brand in args.brands.split(","):
            r = simulate(brand, posts, args.drafts, args.window)
            print(f"{brand}: {r['published']} published of {r['drafts']} drafts in {r['seconds']} s; "
                  f"near-duplicates within {args.window}: {r['default']} by {r['measure']} "
                  f"({r['default'] / max(1, r['published']):.2%}), {r['strict']} by token_set_ratio >= 90 "
                  f"({r['strict'] / max(1, r['published']):.2%}); custom slot required {r['required']} "
                  f"{r['required_by_situation']}", flush=True)
            for line in thin_cells(brand, r["situations"], args.window):
                print(f"  thin: {line}", flush=True)
    if args.audit_ibm:
        from carevoice.variation.audit import Reply, audit

        rows = ibm_agent_replies()
        replies = [Reply(r["text"], r["brand"], r["time"], n) for n, r in enumerate(rows, 1)]
        for exact in (False, True):
            report = audit(replies, containment=0.0 if exact else 0.5)
            print(f"IBM agent replies ({'exact' if exact else 'prefiltered'}): {report.replies} replies, "
                  f"{len(report.brands)} brands, repetition {report.rate:.1%} at token_set_ratio >= 90")
        for b in sorted(report.brands, key=lambda b: -b.rate)[:8]:
            worst = b.clusters[0] if b.clusters else None
            print(f"  {b.brand}: {b.near_duplicates}/{b.replies} ({b.rate:.1%})"
                  + (f"; worst cluster {worst.size} x {worst.texts[0][:90]!r}" if worst else ""))


if __name__ == "__main__":
    main()
