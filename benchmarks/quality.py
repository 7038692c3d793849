"""Draft the fixed blind-review samples of real posts, for review beside the brands' own agents' replies.

Usage:  python benchmarks/quality.py draft --sample tune|heldout|fresh [--out DIR] [--size 200] [--base-only]
        python benchmarks/quality.py make --sample tune|heldout|fresh [--out DIR]  (then give batches to reviewers)
        python ../shared/tools/blind_review.py score DIR

The samples are fixed: ``tune`` is 200 first posts of the corpus's tune split
(used to compare changes), ``heldout`` 200 of its held-out split (never tuned
on), ``fresh`` posts of the tune split outside the tune 200 (new failures to look
at). Each post is drafted with the shipped bank of its brand's sector (software
and apps, telecom, bank, airline, retail), or with a brand that only extends
``base`` when ``--base-only`` is given, each brand with its own reply history
so variation works as in production. Writes DIR/pairs.jsonl (posts and the
agents' replies) and DIR/drafts.jsonl (carevoice's drafts, JSON as the CLI
prints it); ``make`` then calls ../shared/tools/blind_review.py to shuffle both
into unlabelled batches and a key. Needs ../shared (the real posts).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT.parent / "shared" / "tools"
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from reading_corpus import SECTORS, split_of  # noqa: E402

BANKS = {"tech": "loopwork", "telecom": "tidewave", "bank": "harbour-bank", "airline": "northwind-air",
         "retail": "parcelpop", "rail_transport": "base"}


def pairs() -> list[dict[str, str]]:
    out = subprocess.run([sys.executable, str(TOOLS / "blind_review.py"), "pairs"], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def sample(split: str, size: int) -> list[dict[str, str]]:
    """The fixed sample: ``tune`` and ``heldout`` draw 200 posts of their split; ``fresh`` draws
    from the tune split's posts outside the fixed tune 200 (posts whose drafts were never reviewed)."""
    if split == "fresh":
        seen = {str(p["id"]) for p in sample("tune", 200)}
        rest = [p for p in sample("tune", 10**6) if str(p["id"]) not in seen]
        return random.Random(2027).sample(sorted(rest, key=lambda p: str(p["id"])), min(size, len(rest)))
    chosen = sorted((p for p in pairs() if split_of(str(p["id"])) == split), key=lambda p: str(p["id"]))
    return random.Random(2026).sample(chosen, min(size, len(chosen)))


def draft(a: argparse.Namespace) -> None:
    from carevoice import Drafter, Inbound
    from carevoice.bank.registry import load_bank
    from carevoice.variation.sqlite import SQLiteHistory

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    chosen = sample(a.sample, a.size)
    (out / "pairs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in chosen))
    drafters: dict[str, Drafter] = {}
    lines = []
    for p in chosen:
        company = str(p["company"])
        bank = "base" if a.base_only else BANKS.get(SECTORS.get(company, "tech"), "base")
        if company not in drafters:
            history = SQLiteHistory(out / f"history-{company}.sqlite")
            drafters[company] = Drafter(load_bank(bank), history=history, seed=1)
        drafter = drafters[company]
        post = Inbound(text=str(p["text"]), channel="x", id=str(p["id"]))
        d = drafter.draft(post, allow_blocked=True)
        if d.text and d.action != "no_reply":
            drafter.accept(d, post)
        row = d.to_json()
        row["bank"] = bank
        lines.append(json.dumps(row, ensure_ascii=False))
    (out / "drafts.jsonl").write_text("\n".join(lines) + "\n")
    actions: dict[str, int] = {}
    for line in lines:
        action = json.loads(line)["action"]
        actions[action] = actions.get(action, 0) + 1
    print(f"drafted {len(lines)} posts into {out}: {actions}")


def make(a: argparse.Namespace) -> None:
    out = Path(a.out)
    subprocess.run([sys.executable, str(TOOLS / "blind_review.py"), "make", "--pairs", str(out / "pairs.jsonl"),
                    "--drafts", str(out / "drafts.jsonl"), "--out", str(out / "review"), "--batches",
                    str(a.batches), "--seed", "7"], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("draft", "make"):
        s = sub.add_parser(name)
        s.add_argument("--sample", choices=["tune", "heldout", "fresh"], required=True)
        s.add_argument("--out", default=None)
        s.add_argument("--size", type=int, default=200)
        s.add_argument("--batches", type=int, default=4)
        s.add_argument("--base-only", action="store_true")
    a = ap.parse_args()
    if not TOOLS.is_dir():
        sys.exit("the blind review needs ../shared (real posts and tools)")
    a.out = a.out or f"/tmp/carevoice-quality-{a.sample}"
    draft(a) if a.cmd == "draft" else make(a)


if __name__ == "__main__":
    main()
