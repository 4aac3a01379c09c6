"""Open the database (migrations applied) and write one memo's results atomically.

Every memo's results go in one `BEGIN IMMEDIATE` transaction, so a crash
leaves either the whole debrief or none of it, and a second writer waits
(busy timeout) instead of failing half-way. WAL lets managers read while a
run writes. Transcripts are personal data: a new database file is created
readable by its owner only (SQLite gives its -wal/-shm files the same mode).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .migrations import migrations
from .records import Debrief, MemoFile, Transcript

BUSY_TIMEOUT_MS = 30_000


def open_db(path: Path | str) -> sqlite_utils.Database:
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")  # deleted transcripts are overwritten, not left in free pages
    migrations.apply(db)
    return db


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def memo_status(db: sqlite_utils.Database, sha256: str) -> str | None:
    row = db.execute("SELECT status FROM memos WHERE file_sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def _upsert_memo(db, memo: MemoFile, status: str, error: str | None, recorded_at: str | None) -> int:
    existing = db.execute(
        "SELECT id, attempts FROM memos WHERE file_sha256 = ?", [memo.sha256]
    ).fetchone()
    row = {
        "file_sha256": memo.sha256,
        "file_name": memo.file_name,
        "path": str(memo.path),
        "rep": memo.rep,
        "size_bytes": memo.size_bytes,
        "recorded_at": recorded_at or memo.modified_at,
        "status": status,
        "error": error,
        "updated_at": now(),
    }
    if existing:
        db["memos"].update(existing[0], {**row, "attempts": (existing[1] or 0) + 1})
        return existing[0]
    return db["memos"].insert({**row, "attempts": 1, "first_seen_at": now()}).last_pk


def record_outcome(db, memo: MemoFile, status: str, error: str | None = None,
                   recorded_at: str | None = None) -> int:
    """Record a memo that produced no debrief: failed (with why) or no_speech."""
    with write_transaction(db):
        return _upsert_memo(db, memo, status, error, recorded_at)


def save_debrief(db, memo: MemoFile, recorded_at: str, transcript: Transcript,
                 debrief: Debrief, nlp_pipeline: str) -> int:
    """Store transcript, verdicts and evidence for one memo, all or nothing."""
    with write_transaction(db):
        memo_id = _upsert_memo(db, memo, "done", None, recorded_at)
        db["transcripts"].upsert(
            {
                "memo_id": memo_id,
                "text": transcript.text,
                "words": json.dumps([[w.text, w.start, w.end] for w in transcript.words]),
                "duration_s": transcript.duration_s,
                "language": transcript.language,
                "model": transcript.model,
                "transcribed_at": now(),
            },
            pk="memo_id",
        )
        _save_analysis(db, memo_id, debrief, nlp_pipeline)
    return memo_id


def _save_analysis(db, memo_id: int, debrief: Debrief, nlp_pipeline: str) -> None:
    verdicts = debrief.verdicts()
    db["analyses"].upsert(
        {
            "memo_id": memo_id,
            **{k: v for k, v in verdicts.items() if k not in ("excuses", "followup_missing")},
            "followup_missing": json.dumps(verdicts["followup_missing"]),
            "excuses": json.dumps(verdicts["excuses"]),
            "patterns_version": debrief.patterns_version,
            "nlp_pipeline": nlp_pipeline,
            "analyzed_at": now(),
        },
        pk="memo_id",
    )
    db.execute("DELETE FROM evidence WHERE memo_id = ?", [memo_id])
    db["evidence"].insert_all({"memo_id": memo_id, **asdict(e)} for e in debrief.evidence)
