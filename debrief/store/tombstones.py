"""Forgetting is final: a tombstone per SHA-256 that every writer checks.

`debrief forget` deletes a memo's words, but another process may be half-way
through writing them back: a run that claimed the same bytes before the
forget, a `reanalyze` that read the transcript before it, a `review`. Each of
them checks for a tombstone inside its own write transaction, so whichever
commits second sees the first: a forget after the write deletes it, a write
after the forget is refused. A forgotten memo dropped into the inbox again is
refused too, unless the run is told `--allow-forgotten`, which lifts the
tombstone.

Deleted words can outlive the delete in the write-ahead log until it is
checkpointed. `forget` checkpoints and truncates the WAL at once; when a
reader's open transaction stops that, it says so, and the next open of the
database finishes the checkpoint (`wal_checkpointed_at` stays null until then).
"""

from __future__ import annotations

from .clock import now

CHECKPOINT_WAIT_MS = 2000  # how long forget waits for readers before saying it could not


class Forgotten(Exception):
    """The memo was forgotten: nothing about it may be written again."""


def is_forgotten(db, sha256: str) -> bool:
    return db.execute("SELECT 1 FROM tombstones WHERE file_sha256 = ?", [sha256]).fetchone() is not None


def refuse_if_forgotten(db, sha256: str) -> None:
    """Call inside a write transaction, before writing anything about the memo."""
    if is_forgotten(db, sha256):
        raise Forgotten(sha256)


def bury(db, sha256: str) -> None:
    """Record the tombstone (inside the transaction that deletes the memo's words)."""
    db.execute("INSERT OR REPLACE INTO tombstones (file_sha256, forgotten_at, wal_checkpointed_at) "
               "VALUES (?, ?, NULL)", [sha256, now()])


def lift(db, sha256: str) -> None:
    """`run --allow-forgotten`: the same bytes may be debriefed again."""
    db.execute("DELETE FROM tombstones WHERE file_sha256 = ?", [sha256])


def checkpoint_wal(db) -> bool:
    """Copy the WAL into the database and truncate it; False when a reader stopped it."""
    previous = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
    try:
        busy, log_frames, checkpointed = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        db.execute(f"PRAGMA busy_timeout = {previous}")
    return busy == 0 and log_frames == checkpointed


def finish_checkpoints(db) -> bool:
    """On open: finish a checkpoint a forget could not. True when none is left pending."""
    pending = db.execute("SELECT count(*) FROM tombstones WHERE wal_checkpointed_at IS NULL").fetchone()[0]
    if not pending:
        return True
    if not checkpoint_wal(db):
        return False
    db.execute("UPDATE tombstones SET wal_checkpointed_at = ? WHERE wal_checkpointed_at IS NULL", [now()])
    db.conn.commit()
    return True
