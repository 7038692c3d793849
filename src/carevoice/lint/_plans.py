"""The reply plans of every situation, kept in the user cache between lint runs.

:func:`carevoice.plan.possible_plans` derives them from ``plan_reply`` itself (some 20,000 calls, about
a tenth of linting the shipped banks); they change only with carevoice's code. The entry is keyed as
the lint results are by carevoice itself (its version and the size and modification time of each of
its files), plus the Python and pydantic versions; ``CAREVOICE_NO_CACHE=1`` turns it off. A missing,
stale or damaged entry is computed afresh. ``--no-cache`` skips the results of files, not this.
"""

from __future__ import annotations

import sys
from typing import Any

from carevoice._hash import sha256

__all__ = ["load_plans"]


def load_plans() -> None:
    """Have every situation's plans at hand: from the user cache, else computed (and stored)."""
    from carevoice._cache import cache_root, models_stamp, read_pickle, write_pickle
    from carevoice.lint._results import _code_stamp
    from carevoice.plan import all_possible_plans, remember_possible_plans

    if cache_root() is None:
        return
    key = f"plans|{_code_stamp()}|{sys.version}|{models_stamp()}"
    name = f"lint-plans-{sha256(key.encode()).hexdigest()[:32]}.pickle"
    table = read_pickle(name)
    if _valid(table):
        remember_possible_plans(table)
        return
    write_pickle(name, all_possible_plans())


def _valid(table: Any) -> bool:
    from carevoice.bank.models import SITUATIONS

    if type(table) is not dict or set(table) != {(s, h) for s in SITUATIONS if s != "any" for h in (True, False)}:
        return False
    return all(type(plans) is tuple and all(
        type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is tuple
        and all(type(stage) is str for stage in p[1]) for p in plans) for plans in table.values())
