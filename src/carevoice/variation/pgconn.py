"""Talking to a PostgreSQL server: naming it without secrets, and telling passing failures from lasting ones.

A connection URL may carry a password; nothing carevoice prints or raises includes it:
the server is named as ``host:port/database as user``, and any message from the driver
has the password cut out before it is shown.
"""

from __future__ import annotations

from typing import Any

from carevoice._driver_log import driver_loaded

__all__ = ["Server", "transient"]

_TRANSIENT_STATES = frozenset({
    "57P01",  # admin_shutdown: the server is restarting or stopping
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now: starting up or shutting down
    "53300",  # too_many_connections
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
})
_LASTING = ("authentication failed", "does not exist", "pg_hba.conf", "invalid ", "permission denied",
            "not supported", "no password supplied")
"""Words of a connection failure (which carries no SQLSTATE) that trying again will not cure."""


class Server:
    """The parts of a connection URL that name the server (``str()`` never shows the password)."""

    def __init__(self, url: str) -> None:
        from psycopg.conninfo import conninfo_to_dict

        driver_loaded()
        self.url = url
        try:
            params: dict[str, Any] = conninfo_to_dict(url)
        except Exception as exc:  # the driver says what is wrong, perhaps quoting the URL
            self.password = _password_guess(url)
            raise ValueError(self.redact(str(exc).strip()) or "not a connection URL") from None
        self.params = params
        self.password = str(params.get("password") or "")
        host = str(params.get("host") or "localhost")
        port = str(params.get("port") or "5432")
        user = str(params.get("user") or "(the login user)")
        dbname = str(params.get("dbname") or user)
        self.host = host
        self.dbname = dbname
        self.user = user
        where = f"{host}:{port}" if not host.startswith("/") else f"socket {host} port {port}"
        self.display = f"{where}/{dbname} as {user}"

    def __str__(self) -> str:
        return self.display

    def redact(self, text: str) -> str:
        """``text`` with the password (if any) replaced by ``***``."""
        return text.replace(self.password, "***") if self.password else text

    def cause(self, exc: BaseException) -> str:
        """The driver's message for ``exc`` on one line, without the password or repeated prefixes."""
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        text = "; ".join(dict.fromkeys(lines)) or type(exc).__name__
        return self.redact(text)


def _password_guess(url: str) -> str:
    """The password of a URL the driver could not parse (``scheme://user:password@...``), or ''."""
    rest = url.split("://", 1)[-1]
    if "@" not in rest:
        return ""
    creds = rest.rsplit("@", 1)[0]
    return creds.split(":", 1)[1] if ":" in creds else ""


def transient(exc: BaseException) -> bool:
    """True for failures that trying again may cure: a lost or refused connection, a restart, a busy server."""
    import psycopg
    from psycopg_pool import PoolTimeout

    if isinstance(exc, PoolTimeout):
        return True
    if not isinstance(exc, psycopg.Error):
        return False
    state = exc.sqlstate
    if state is None:
        text = str(exc)
        return isinstance(exc, psycopg.OperationalError) and not any(word in text for word in _LASTING)
    return state.startswith("08") or state in _TRANSIENT_STATES
