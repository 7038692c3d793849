"""Keeping the PostgreSQL driver's own log records out of the command line's output.

The driver logs each connection it loses; the command line prints one line of its own
instead. It calls :func:`quiet_driver` at start; :mod:`logging` is imported only once the
driver is (:func:`driver_loaded`), so commands that never reach PostgreSQL do not import it.
"""

from __future__ import annotations

import sys

__all__ = ["driver_loaded", "quiet_driver"]

_quiet: list[bool] = [False]


def quiet_driver() -> None:
    """Drop the driver's own log records from now on (the command line prints one line of its own).

    The driver logs each connection it loses; only the command line asks for this, and
    :mod:`logging` is imported only once the driver is (see :func:`driver_loaded`).
    """
    _quiet[0] = True
    if "psycopg" in sys.modules:
        driver_loaded()


def driver_loaded() -> None:
    """Called once the driver is imported: apply :func:`quiet_driver` if it was asked for."""
    if _quiet[0]:
        import logging

        logger = logging.getLogger("psycopg")
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
