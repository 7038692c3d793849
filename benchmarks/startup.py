"""Start-up time: `carevoice --version` and one `carevoice draft` against `yamllint --version`.

Usage: python benchmarks/startup.py [--runs 15]
Runs each command several times in fresh processes (same interpreter and venv) and
prints the median and best wall time. yamllint is only a yardstick: install it in the
venv to compare (pip install yamllint); the row is skipped when it is absent.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    subprocess.run(cmd, check=True, capture_output=True, env=env)  # warm the file cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    bindir = Path(sys.executable).parent
    carevoice = str(bindir / "carevoice")
    import os

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CAREVOICE_HISTORY": str(Path(tmp) / "h.sqlite")}
        rows = [
            ("carevoice --version", [carevoice, "--version"]),
            ("carevoice draft (parcelpop, x)", [carevoice, "draft", "My order 4417 still hasn't arrived",
                                                "--brand", "parcelpop", "--channel", "x"]),
        ]
        yamllint = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
        if yamllint:
            rows.append(("yamllint --version", [yamllint, "--version"]))
        print(f"{'command':<34} {'median':>9} {'best':>9}   ({args.runs} runs, python {sys.version.split()[0]})")
        medians = {}
        for label, cmd in rows:
            med, best = timed(cmd, args.runs, env)
            medians[label] = med
            print(f"{label:<34} {med * 1000:8.0f}ms {best * 1000:8.0f}ms")
        if not yamllint:
            print("yamllint not installed: pip install yamllint to compare")
            return
        base = medians["yamllint --version"]
        for label, med in medians.items():
            if label != "yamllint --version":
                print(f"ratio to yamllint --version: {label:<30} {med / base:5.2f}x  (goal for a draft: 1.5x)")


if __name__ == "__main__":
    main()
