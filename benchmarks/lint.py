"""Lint a synthetic 10,000-phrase bank and print the time; time proselint on the same rendered text.

Also runs the whole command, ``carevoice lint phrasebanks``, in fresh processes: cached (unchanged
files, results from the user cache) and uncached (``--no-cache``), and prints both against the goals
(0.3 s cached, 1 s uncached).

    .venv/bin/python benchmarks/lint.py [--phrases 10000] [--seed 0]

proselint is timed only if it is installed (``pip install proselint``; it is not a carevoice
dependency). Times are wall-clock and CPU seconds of one run in this process; the shipped banks
are timed too (cold: first lint in the process, so Jinja compiles every template).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITUATIONS = ["late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "service_outage",
              "app_bug", "flight_disruption", "lost_baggage", "rude_staff", "product_defect",
              "cancellation_request", "general_question", "praise", "general"]
STAGES = ["greet", "acknowledge", "thank", "apologise", "explain", "resolve", "move_private"]
OPENERS = ["We can see", "It sounds like", "Thanks for flagging", "We hear you about", "Good catch on",
           "We know", "Sorry to hear about", "Let's sort out", "We're checking", "Our team is on"]
NOUNS = ["the parcel", "your order", "the refund", "that charge", "the app", "your booking", "the login",
         "the courier", "the update", "your account", "the delivery slot", "the receipt", "the form", "the bag"]
TAILS = ["and we'll chase it today", "so we'll look into it now", "which isn't what you expected",
         "and that matters to us", "so here's what happens next", "and we're on it", "and we'll update you",
         "so thanks for your patience", "and we'll make it right", "which we'll fix quickly"]
VARS = ["{{ customer.first_name or 'there' }}", "{% if details.order_id %}order {{ details.order_id }}"
        "{% else %}your order{% endif %}", "{{ channel.private }}", "{{ brand.name }}"]


def phrase(rng: random.Random, i: int) -> str:
    words = [rng.choice(OPENERS), rng.choice(NOUNS), rng.choice(TAILS)]
    text = f"{words[0]} {words[1]} ({i % 97}), {words[2]}."
    if rng.random() < 0.15:
        text = f"{rng.choice(VARS)}: {text}"
    return text.replace('"', "'")


def synthetic_bank(n: int, seed: int) -> str:
    rng = random.Random(seed)
    cells = [(s, st) for s in SITUATIONS for st in STAGES]
    per_cell = max(1, n // len(cells))
    lines = ["bank: synthetic", "display_name: Synthetic", "channels: [x, facebook, email]",
             "voice: {sign_off: \"^{{ agent.initials or 'SY' }}\"}", "phrases:"]
    count = 0
    for situation in SITUATIONS:
        lines.append(f"  {situation}:")
        for stage in STAGES:
            lines.append(f"    {stage}:")
            for _ in range(per_cell if (situation, stage) != cells[-1] else n - count):
                count += 1
                lines += [f"      - id: s.{count}", f'        text: "{phrase(rng, count)}"']
    return "\n".join(lines) + "\n"


def timed(label: str, fn: object) -> tuple[float, float, object]:
    w, c = time.perf_counter(), time.process_time()
    result = fn()  # type: ignore[operator]
    wall, cpu = time.perf_counter() - w, time.process_time() - c
    print(f"{label:<46} wall {wall:7.3f} s   cpu {cpu:7.3f} s")
    return wall, cpu, result


def whole_command(runs: int = 5) -> None:
    import os
    import statistics
    import subprocess

    exe = str(Path(sys.executable).parent / "carevoice")
    with tempfile.TemporaryDirectory() as cache:
        # this checkout's code, whichever checkout the environment's carevoice was installed from
        src = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
        env = {**os.environ, "XDG_CACHE_HOME": cache, "CAREVOICE_NO_CACHE": "", "PYTHONPATH": src}
        env.pop("CAREVOICE_CACHE_DIR", None)
        for label, extra in (("uncached (--no-cache)", ["--no-cache"]), ("cached (unchanged files)", [])):
            cmd = [exe, "lint", str(ROOT / "phrasebanks"), *extra]
            subprocess.run(cmd, capture_output=True, env=env, check=False)  # fills the cache
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                subprocess.run(cmd, capture_output=True, env=env, check=False)
                times.append(time.perf_counter() - t)
            goal = 1.0 if extra else 0.3
            print(f"whole command, {label:<26} median {statistics.median(times):6.3f} s  best {min(times):6.3f} s"
                  f"  ({statistics.median(times) / goal:4.2f}x the {goal:g} s goal)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    whole_command()
    sys.path.insert(0, str(ROOT / "src"))
    from carevoice.lint import lint_paths
    from carevoice.rules import all_rules

    list(all_rules())  # imports and registry, outside the timings
    shipped = sorted((ROOT / "phrasebanks").glob("*.yaml"))
    _, _, report = timed(f"carevoice lint shipped banks ({len(shipped)} files, cold)",
                         lambda: lint_paths(shipped, cache=False))
    timed("carevoice lint shipped banks (warm)", lambda: lint_paths(shipped, cache=False))
    print(f"  shipped banks: {len(report.findings)} findings")  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.yaml"
        path.write_text(synthetic_bank(args.phrases, args.seed), encoding="utf-8")
        _, _, big = timed(f"carevoice lint synthetic bank ({args.phrases} phrases)",
                          lambda: lint_paths([path], cache=False))
        print(f"  synthetic bank: {len(big.findings)} findings")  # type: ignore[attr-defined]
        from carevoice.bank import load_bank
        from carevoice.checks.channels import get_channel
        from carevoice.lint._values import render_typical

        bank = load_bank(path)
        x = get_channel("x")
        rendered = "\n".join(t for p in bank.phrases if (t := render_typical(p.text, x, bank.display_name)))
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        print("proselint is not installed: pip install proselint to compare (skipped)")
        return 0
    from importlib.metadata import version

    CheckRegistry().register_many(__register__)
    config = {**DEFAULT, "max_errors": 10**9}
    _, _, found = timed(f"proselint {version('proselint')} on the same rendered text",
                        lambda: LintFile("synthetic", rendered).lint(config))  # type: ignore[arg-type]
    print(f"  proselint: {len(found)} findings on {len(rendered.splitlines())} lines")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
