"""The SQLite reply history's schema, one migration per version (``PRAGMA user_version``).

Version 1 held replies and phrase use. Version 2 adds, for teams: the post a reply answers
(``post_id``; ``post_key`` is thread and post id, unique per brand, empty for a further
reply the caller asked for), the ``agent`` who published it, an index for reading a period
(audit), and the ``holds`` table (drafts reserved while an agent reads them). Replies
stored by version 1 get their post from the draft id (``post:digest``); when one post had
several replies, the first keeps the post and the others count as further replies.
"""

from __future__ import annotations

__all__ = ["KNOWN_TABLES", "MIGRATIONS", "SCHEMA_VERSION"]

SCHEMA_VERSION = 2

KNOWN_TABLES = frozenset({"replies", "phrase_use", "holds", "sqlite_sequence"})
"""Tables a carevoice reply history may hold (any other table means a foreign file)."""

MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE IF NOT EXISTS replies (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id TEXT NOT NULL UNIQUE,
    brand TEXT NOT NULL,
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    phrase_ids TEXT NOT NULL,
    time TEXT NOT NULL,
    customer TEXT,
    thread_id TEXT,
    category TEXT
);
CREATE INDEX IF NOT EXISTS replies_brand ON replies (brand, seq);
CREATE INDEX IF NOT EXISTS replies_category ON replies (brand, category, seq);
CREATE INDEX IF NOT EXISTS replies_customer ON replies (brand, customer, seq) WHERE customer IS NOT NULL;
CREATE INDEX IF NOT EXISTS replies_thread ON replies (brand, thread_id, seq) WHERE thread_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS phrase_use (
    brand TEXT NOT NULL,
    phrase_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (brand, phrase_id)
) WITHOUT ROWID;
""",
    2: """
ALTER TABLE replies ADD COLUMN post_id TEXT;
ALTER TABLE replies ADD COLUMN post_key TEXT;
ALTER TABLE replies ADD COLUMN agent TEXT;
UPDATE replies SET post_id = substr(draft_id, 1, length(draft_id) - 17)
 WHERE length(draft_id) > 17 AND substr(draft_id, -17, 1) = ':' AND NOT substr(draft_id, -16) GLOB '*[^0-9a-f]*';
UPDATE replies SET post_key = coalesce(thread_id, '') || char(31) || post_id
 WHERE seq IN (SELECT min(seq) FROM replies WHERE post_id IS NOT NULL GROUP BY brand, coalesce(thread_id, ''), post_id);
CREATE UNIQUE INDEX replies_post ON replies (brand, post_key) WHERE post_key IS NOT NULL;
CREATE INDEX replies_time ON replies (brand, time);
CREATE TABLE holds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id TEXT NOT NULL UNIQUE,
    brand TEXT NOT NULL,
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    phrase_ids TEXT NOT NULL,
    time TEXT NOT NULL,
    customer TEXT,
    thread_id TEXT,
    category TEXT,
    post_id TEXT,
    post_key TEXT,
    agent TEXT,
    expires REAL NOT NULL
);
CREATE UNIQUE INDEX holds_post ON holds (brand, post_key) WHERE post_key IS NOT NULL;
CREATE INDEX holds_brand ON holds (brand, expires);
""",
}
"""The statements that bring a file from the version before to each version."""
