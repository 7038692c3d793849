"""Draft the fixed blind-review samples of real posts, for review beside the brands' own agents' replies.

Usage:  python benchmarks/quality.py draft --sample tune|heldout|fresh [--out DIR] [--size 200] [--base-only] [--seed N]
                                      [--exclude PAIRS ...]
        python benchmarks/quality.py make --sample tune|heldout|fresh [--out DIR]  (then give batches to reviewers)
        python ../shared/tools/blind_review.py score DIR
        python benchmarks/quality.py sector --split tune|heldout --out DIR   (written sector posts, drafts alone)
        python benchmarks/quality.py sector-score DIR
        python benchmarks/quality.py sector-ab --before KEY.json --after KEY.json --out DIR   (A/B of two versions)
        python benchmarks/quality.py sector-ab-score DIR

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


def sample(split: str, size: int, seed: int | None = None,
           exclude: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """The fixed sample: ``tune`` and ``heldout`` draw 200 posts of their split; ``fresh`` draws
    from the tune split's posts outside the fixed tune 200 (posts whose drafts were never reviewed).
    ``fresh`` with a ``seed`` draws another sample, outside the default fresh 100 as well;
    ``heldout`` with a ``seed`` draws held-out posts outside the fixed heldout 200 (never reviewed
    before). ``exclude`` holds ids of earlier samples to skip (``--exclude DIR/pairs.jsonl``)."""
    if split == "fresh":
        seen = {str(p["id"]) for p in sample("tune", 200)}
        if seed is not None:
            seen |= {str(p["id"]) for p in sample("fresh", 100)}
        rest = [p for p in sample("tune", 10**6) if str(p["id"]) not in seen and str(p["id"]) not in exclude]
        rng = random.Random(2027 if seed is None else seed)
        return rng.sample(sorted(rest, key=lambda p: str(p["id"])), min(size, len(rest)))
    if split == "heldout" and seed is not None:
        seen = {str(p["id"]) for p in sample("heldout", 200)} | exclude
        rest = [p for p in sample("heldout", 10**6) if str(p["id"]) not in seen]
        return random.Random(seed).sample(sorted(rest, key=lambda p: str(p["id"])), min(size, len(rest)))
    chosen = sorted((p for p in pairs() if split_of(str(p["id"])) == split), key=lambda p: str(p["id"]))
    return random.Random(2026).sample(chosen, min(size, len(chosen)))


def draft(a: argparse.Namespace) -> None:
    from carevoice import Drafter, Inbound
    from carevoice.bank.registry import load_bank
    from carevoice.variation.sqlite import SQLiteHistory

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    exclude = frozenset(str(json.loads(line)["id"]) for f in a.exclude for line in Path(f).read_text().splitlines()
                        if line.strip())
    chosen = sample(a.sample, a.size, a.seed, exclude)
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


SECTOR_BANKS = {"airline": "northwind-air", "rail_transport": "northline-rail", "hotel_booking": "base",
                "food": "crumb-and-co", "retail": "parcelpop", "bank": "harbour-bank", "telecom": "tidewave"}
NO_REPLY = "(no public reply: the team chose not to answer this post)"
HANDED = "(handed to an agent: the software did not draft this one)"


def sector(a: argparse.Namespace) -> None:
    """Draft written posts of seven sectors (tests/corpus/written.jsonl, marked written) for a blind review.

    There are no agents' replies to these posts, so reviewers judge carevoice's drafts alone; the
    batches use the same rubric and the same wording for handed-over posts as the real-post review.
    """
    import re

    from carevoice import Drafter, Inbound
    from carevoice.variation.history import MemoryHistory

    rows = [json.loads(line) for line in (ROOT / "tests" / "corpus" / "written.jsonl").read_text().splitlines()]
    rng = random.Random(a.seed if a.seed is not None else 2028 if a.split == "tune" else 2029)
    seen = {str(it["id"]) for f in a.exclude for it in json.loads(Path(f).read_text())}
    items = []
    for name, bank in SECTOR_BANKS.items():
        pool = [r for r in rows if r["sector"] == name and split_of(r["id"]) == a.split and r["id"] not in seen]
        drafter = Drafter(bank, history=MemoryHistory(), seed=1)
        for r in rng.sample(pool, min(a.per_sector, len(pool))):
            post = Inbound(text=r["text"], channel="x", id=r["id"])
            d = drafter.draft(post, allow_blocked=True)
            if d.text and d.action != "no_reply":
                drafter.accept(d, post)
            reply = (NO_REPLY if d.action == "no_reply" else HANDED if d.action == "needs_agent" or not d.text
                     else re.sub(r"https?://\S+", "[link]", d.text))
            items.append({"id": r["id"], "sector": name, "brand": r["brand"], "post": r["text"], "reply": reply,
                          "bank": bank, "action": d.action, "situation": d.analysis.category})
    rng.shuffle(items)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(items):
        item["item"] = f"S{i:03d}"
    (out / "key.json").write_text(json.dumps(items, indent=1, ensure_ascii=False))
    size = -(-len(items) // a.batches)
    for b in range(a.batches):
        _write_batch(out / f"batch{b}.md", items[b * size:(b + 1) * size])
    print(f"{len(items)} written {a.split} posts in {a.batches} batches under {out}; give each reviewer one batch "
          "and ../review/RUBRIC.md, scores to DIR/scoresN.jsonl, then: quality.py sector-score DIR")


def sector_score(a: argparse.Namespace) -> None:
    """Score a sector review: publishable, handed over, misread, tone-deaf, human, overall and per sector."""
    key, scores = _review(Path(a.out))
    groups: dict[str, list[dict[str, object]]] = {"all": scores}
    for s in scores:
        groups.setdefault(str(key[str(s["item"])]["sector"]), []).append(s)
    for name, group in groups.items():
        print(f"{name:15} {_figures(group)}")


def _write_batch(path: Path, items: list[dict[str, object]]) -> None:
    """One reviewer's batch: each item's id, company, post and public reply."""
    path.write_text("".join(
        f"### {it['item']}\nCompany: @{str(it['brand']).replace(' ', '')}\nCustomer post: {it['post']}\n"
        f"Public reply: {it['reply']}\n\n" for it in items))


def _review(out: Path) -> tuple[dict[str, dict[str, object]], list[dict[str, object]]]:
    """A review folder's key (item id -> item) and every reviewer's scores."""
    key = {str(it["item"]): it for it in json.loads((out / "key.json").read_text())}
    scores = [json.loads(line) for f in sorted(out.glob("scores*.jsonl")) for line in f.read_text().splitlines()
              if line.strip()]
    return key, scores


def _figures(group: list[dict[str, object]]) -> str:
    """Publishable, handed to an agent, misread, tone-deaf and human over a group of scores."""
    n = len(group) or 1
    humans = [float(h) for h in (s.get("human") for s in group) if isinstance(h, (int, float))]
    return (f"n={len(group):4}  publishable {sum(s['publish'] == 'yes' for s in group) / n:6.1%}"
            f"  handed to an agent {sum(s['publish'] == 'agent' for s in group) / n:6.1%}"
            f"  misread {sum(s['addresses'] == 0 for s in group) / n:6.1%}"
            f"  tone-deaf {sum(s['tone'] == 0 for s in group) / n:6.1%}"
            f"  human {sum(humans) / (len(humans) or 1):.2f} (of {len(humans)} scored)")


def sector_ab(a: argparse.Namespace) -> None:
    """Mix two sector drafts of the same posts (two ``key.json``, e.g. two checkouts' ``sector`` runs with the
    same seed) into two batches: each reviewer sees every post once, half in each version."""
    before = {str(it["id"]): it for it in json.loads(Path(a.before).read_text())}
    after = {str(it["id"]): it for it in json.loads(Path(a.after).read_text())}
    if set(before) != set(after):
        raise SystemExit("quality.py sector-ab: the two keys hold different posts")
    ids = sorted(before)
    rng = random.Random(a.seed)
    rng.shuffle(ids)
    half = len(ids) // 2
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    items = []
    for b in (0, 1):
        batch = [dict((before if (j < half) == (b == 0) else after)[pid],
                      version="before" if (j < half) == (b == 0) else "after") for j, pid in enumerate(ids)]
        rng.shuffle(batch)
        for k, it in enumerate(batch):
            it["item"] = f"S{b}{k:02d}"
        _write_batch(out / f"batch{b}.md", batch)
        items += batch
    (out / "key.json").write_text(json.dumps(items, indent=1, ensure_ascii=False))
    same = sum(before[i]["reply"] == after[i]["reply"] for i in ids)
    print(f"{len(ids)} posts ({same} drafts the same in both versions) in 2 batches under {out}; then: "
          "quality.py sector-ab-score DIR")


def sector_ab_score(a: argparse.Namespace) -> None:
    """Score a sector A/B review: each version over all posts, and over the posts whose drafts differ."""
    key, scores = _review(Path(a.out))
    replies: dict[str, set[str]] = {}
    for it in key.values():
        replies.setdefault(str(it["id"]), set()).add(str(it["reply"]))
    differ = {pid for pid, r in replies.items() if len(r) > 1}
    for name, keep in (("all posts", None), ("drafts that differ", differ)):
        for version in ("before", "after"):
            group = [s for s in scores if key[str(s["item"])]["version"] == version
                     and (keep is None or key[str(s["item"])]["id"] in keep)]
            print(f"{name:18} {version:6} {_figures(group)}")


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
        s.add_argument("--seed", type=int, default=None,
                       help="fresh or heldout: another sample, outside the default one")
        s.add_argument("--exclude", nargs="*", default=[],
                       help="pairs.jsonl files of earlier samples whose posts to skip")
    s = sub.add_parser("sector", help="draft written posts of seven sectors for a blind review (no ../shared needed)")
    s.add_argument("--split", choices=["tune", "heldout"], required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--per-sector", type=int, default=16)
    s.add_argument("--batches", type=int, default=2)
    s.add_argument("--seed", type=int, default=None, help="another sample (default: the fixed one of the split)")
    s.add_argument("--exclude", nargs="*", default=[], help="key.json files of earlier samples whose posts to skip")
    s = sub.add_parser("sector-ab", help="mix two versions' sector drafts of the same posts for an A/B review")
    s.add_argument("--before", required=True, help="key.json of the first version")
    s.add_argument("--after", required=True, help="key.json of the second version")
    s.add_argument("--out", required=True)
    s.add_argument("--seed", type=int, default=39)
    s = sub.add_parser("sector-ab-score", help="score a sector A/B review")
    s.add_argument("out")
    s = sub.add_parser("sector-score", help="score a sector review")
    s.add_argument("out")
    a = ap.parse_args()
    if a.cmd == "sector":
        sector(a)
        return
    if a.cmd == "sector-score":
        sector_score(a)
        return
    if a.cmd == "sector-ab":
        sector_ab(a)
        return
    if a.cmd == "sector-ab-score":
        sector_ab_score(a)
        return
    if not TOOLS.is_dir():
        sys.exit("the blind review needs ../shared (real posts and tools)")
    a.out = a.out or f"/tmp/carevoice-quality-{a.sample}"
    draft(a) if a.cmd == "draft" else make(a)


if __name__ == "__main__":
    main()
