"""PostgreSQL for the tests: the scratch database ``.ci/run`` provides, one fresh schema per store.

Without ``$CAREVOICE_TEST_POSTGRES`` the PostgreSQL tests are skipped with the reason;
under CI (``$CI`` set, as ``.ci/run`` does) they fail instead, so CI never skips them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from carevoice.variation.postgres import PostgresHistory

ENV = "CAREVOICE_TEST_POSTGRES"
RESTART_ENV = "CAREVOICE_TEST_POSTGRES_RESTART"


def unavailable(reason: str) -> None:
    """Skip (locally) or fail (in CI) a test that needs what is missing."""
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so PostgreSQL tests may not be skipped: {reason}")
    pytest.skip(reason)


def url() -> str:
    """The scratch database's URL."""
    found = os.environ.get(ENV)
    if not found:
        unavailable(f"PostgreSQL tests need {ENV}=postgresql://... (.ci/run starts a server and sets it)")
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        unavailable("PostgreSQL tests need psycopg and psycopg-pool: pip install -e '.[test]'")
    return str(found)


def new_schema() -> str:
    """A schema name no other test uses."""
    return f"cvt_{uuid.uuid4().hex[:12]}"


def drop(schema: str) -> None:
    """Drop a test schema and everything in it."""
    import psycopg

    with psycopg.connect(url(), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def open_store(schema: str | None = None, **kw: object) -> PostgresHistory:
    """A PostgreSQL history in a fresh (or the given) schema of the scratch database."""
    from carevoice.variation.postgres import PostgresHistory

    return PostgresHistory(url(), schema=schema or new_schema(), **kw)  # type: ignore[arg-type]


@contextmanager
def store(**kw: object) -> Iterator[PostgresHistory]:
    """A PostgreSQL history in a fresh schema, closed and dropped afterwards."""
    h = open_store(**kw)
    try:
        yield h
    finally:
        h.close()
        drop(h.schema)
