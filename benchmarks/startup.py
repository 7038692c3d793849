"""Start-up time: `carevoice --version` and one `carevoice draft` against `yamllint --version`.

Usage: python benchmarks/startup.py [--runs 15] [--installed]
Runs each command several times in fresh processes (same interpreter and venv), side by side
(round-robin, so a busy machine slows every command alike), and prints the median and best
wall time. carevoice runs as ``python -m carevoice`` with this checkout's ``src`` first on
``PYTHONPATH`` (``--installed`` runs whatever the venv imports instead). Every command gets
a fresh, private user cache and bytecode folder, filled by one warm-up run each: the figures
are those of an installed package on its second and later runs. yamllint is only a yardstick:
install it in the venv to compare (pip install yamllint); the row is skipped when it is absent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--installed", action="store_true", help="run the installed carevoice, not this checkout's")
    args = ap.parse_args()
    bindir = Path(sys.executable).parent
    carevoice = [sys.executable, "-m", "carevoice"]

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CAREVOICE_HISTORY": str(Path(tmp) / "h.sqlite"),
               "CAREVOICE_CACHE_DIR": str(Path(tmp) / "cache"), "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("CAREVOICE_NO_CACHE", None)
        if not args.installed:
            env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])])
        where = subprocess.run([sys.executable, "-c", "import carevoice; print(carevoice.__file__)"],
                               check=True, capture_output=True, text=True, env=env).stdout.strip()
        rows = [
            ("carevoice --version", [*carevoice, "--version"]),
            ("carevoice draft (parcelpop, x)", [*carevoice, "draft", "My order 4417 still hasn't arrived",
                                                "--brand", "parcelpop", "--channel", "x"]),
        ]
        yamllint = shutil.which("yamllint", path=str(bindir)) or shutil.which("yamllint")
        if yamllint:
            rows.append(("yamllint --version", [yamllint, "--version"]))
        times: dict[str, list[float]] = {label: [] for label, _ in rows}
        for _, cmd in rows:
            subprocess.run(cmd, check=True, capture_output=True, env=env)  # fill the caches
        for _ in range(args.runs):
            for label, cmd in rows:
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                times[label].append(time.perf_counter() - t0)
        print(f"carevoice from {where}")
        print(f"{'command':<34} {'median':>9} {'best':>9}   ({args.runs} runs, python {sys.version.split()[0]})")
        medians = {}
        for label, _ in rows:
            medians[label] = statistics.median(times[label])
            print(f"{label:<34} {medians[label] * 1000:8.0f}ms {min(times[label]) * 1000:8.0f}ms")
        if not yamllint:
            print("yamllint not installed: pip install yamllint to compare")
            return
        base = medians["yamllint --version"]
        for label, med in medians.items():
            if label != "yamllint --version":
                print(f"ratio to yamllint --version: {label:<30} {med / base:5.2f}x  (goal for a draft: 1.5x)")


if __name__ == "__main__":
    main()
