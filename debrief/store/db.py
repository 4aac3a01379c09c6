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
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from ..records import Debrief, Transcript
from .clock import now
from .migrations import migrations

BUSY_TIMEOUT_MS = 30_000


class DatabaseUnusable(Exception):
    """The database cannot be opened for this command; the message says why in one line."""


def open_db(path: Path | str, write: bool = True) -> sqlite_utils.Database:
    """Open (creating it with its schema when missing) for reading and writing.

    `write=False` (reading commands) opens read-write when it can, so the schema
    is brought up to date, and read-only when the file or its folder is read-only.
    A database written by a newer debrief (a migration unknown here) is refused."""
    path = Path(path)
    if not write and path.exists() and not is_writable(path):
        return _open_read_only(path)
    if not path.exists():
        _create_with_schema(path)
    if not is_writable(path):
        raise DatabaseUnusable(f"{path} is read-only (the file or its folder): this command writes; "
                               "reading commands (list, show, search, query, export, report) still work")
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")  # deleted transcripts are overwritten, not left in free pages
    refuse_unknown_migrations(db, path)
    if migrations.pending(db):
        with write_transaction(db):  # two runs opening a new database at once: one waits
            migrations.apply(db)
    from .tombstones import finish_checkpoints

    finish_checkpoints(db)  # a forget that could not clear the WAL is finished here
    return db


def is_writable(path: Path) -> bool:
    """SQLite needs to write the file and create its -wal and -shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. With the folder read-only SQLite cannot create the
    -shm file a WAL reader needs; nobody can write there either, so the file is
    then read as immutable."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if is_writable(Path(path)):
            raise
        conn = sqlite3.connect(uri + "&immutable=1", uri=True)
    return conn


def _open_read_only(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(connect_read_only(path))
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    refuse_unknown_migrations(db, path)
    return db


def unknown_migrations(db) -> list[str]:
    """Migrations recorded in the database that this debrief does not know (a newer version wrote it)."""
    known = {m.name for m in migrations._migrations}
    return [m.name for m in migrations.applied(db) if m.name not in known]


def refuse_unknown_migrations(db, path: Path) -> None:
    unknown = unknown_migrations(db)
    if unknown:
        db.close()
        raise DatabaseUnusable(f"{path} was written by a newer debrief (unknown migration {', '.join(unknown)}); "
                               "upgrade debrief to use it")


def _create_with_schema(path: Path) -> None:
    """A new database appears at `path` only once its schema is complete, so a
    reader (a manager's command, a test watching a run) never finds an empty
    file. It is built beside the target and hard-linked into place; when two
    processes race, the first link wins and the other's copy is dropped."""
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.{os.getpid()}.building")
    try:
        os.close(os.open(building, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    except PermissionError:
        raise DatabaseUnusable(f"cannot create {path}: its folder is read-only") from None
    try:
        db = sqlite_utils.Database(building)
        migrations.apply(db)  # rollback journal while building: one file to link
        db.close()
        try:
            os.link(building, path)
        except FileExistsError:
            pass
    finally:
        building.unlink(missing_ok=True)
        building.with_name(building.name + "-journal").unlink(missing_ok=True)


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


def save_transcript(db, memo_id: int, transcript: Transcript) -> None:
    db["transcripts"].upsert(
        {
            "memo_id": memo_id,
            "text": transcript.text,
            "words": json.dumps([[w.text, w.start, w.end, round(w.probability, 3)] for w in transcript.words]),
            "duration_s": transcript.duration_s,
            "language": transcript.language,
            "model": transcript.model,
            "transcribed_at": now(),
        },
        pk="memo_id",
    )


def save_analysis(db, memo_id: int, debrief: Debrief, nlp_pipeline: str) -> None:
    verdicts = debrief.verdicts()
    db["analyses"].upsert(
        {
            "memo_id": memo_id,
            # lists and objects (excuses, followup_missing, coaching) are stored as JSON text
            **{k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in verdicts.items()},
            "patterns_version": debrief.patterns_version,
            "nlp_pipeline": nlp_pipeline,
            "analyzed_at": now(),
        },
        pk="memo_id",
    )
    db.execute("DELETE FROM evidence WHERE memo_id = ?", [memo_id])
    db["evidence"].insert_all({"memo_id": memo_id, **asdict(e)} for e in debrief.evidence)
