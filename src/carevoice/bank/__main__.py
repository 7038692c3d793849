"""``python -m carevoice.bank FILE...``: load bank files and print located errors."""

import sys
from pathlib import Path

from carevoice.bank.loader import check_bank_file, read_bank_file
from carevoice.bank.registry import load_bank
from carevoice.errors import BankError

status = 0
for arg in sys.argv[1:]:
    try:
        problems = check_bank_file(read_bank_file(Path(arg)))
        for p in problems:
            print(p)
        if problems:
            status = 1
            continue
        bank = load_bank(Path(arg))
        print(f"{arg}: ok, {len(bank.phrases)} phrases after inheritance ({' -> '.join(bank.lineage)})")
    except BankError as exc:
        print(exc)
        status = 1
sys.exit(status)
