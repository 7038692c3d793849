"""SHA-256 without importing :mod:`hashlib` when CPython's own implementation is there.

``import hashlib`` loads OpenSSL's ``_hashlib`` (about 2 ms of a warm draft's start-up) to give
every algorithm; carevoice only ever needs SHA-256, for cache keys, file digests, lint fingerprints and a
draft's random seed. CPython ships its own SHA-256 as the ``_sha2`` module (Python 3.12 and
later) or ``_sha256`` (3.11 and earlier): :func:`sha256` uses it when present, and
:mod:`hashlib`'s otherwise (a build without it, another interpreter). Both compute the same
standard digest, so every key and seed is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["Sha256", "sha256"]


class Sha256(Protocol):
    """The SHA-256 hash object carevoice uses (as :func:`hashlib.sha256` returns)."""

    def update(self, data: bytes, /) -> None:
        """Add ``data`` to the hashed bytes."""

    def digest(self) -> bytes:
        """The 32-byte digest of the bytes added so far."""

    def hexdigest(self) -> str:
        """The digest as 64 lower-case hexadecimal digits."""


def _constructor() -> Callable[[bytes], Sha256]:
    """CPython's own SHA-256 (``_sha2``, else ``_sha256``), else :func:`hashlib.sha256`."""
    for name in ("_sha2", "_sha256"):
        try:
            module = __import__(name)
            make: Callable[[bytes], Sha256] = module.sha256
        except (ImportError, AttributeError):
            continue
        return make
    import hashlib

    return hashlib.sha256


_SHA256 = _constructor()


def sha256(data: bytes = b"") -> Sha256:
    """A new SHA-256 hash object holding ``data``: the same digests as :func:`hashlib.sha256`."""
    return _SHA256(data)
