"""`debrief doctor`: is this machine ready to run, and is the database sound?

Each check says ok, warn or fail with one line of detail, so a manager (or
the person who set up the laptop) can see at a glance what to fix.
"""

from __future__ import annotations

import os
import stat
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str

    def to_dict(self) -> dict:
        return asdict(self)


def run_checks(db_path: Path, model: str, spacy_model: str, inbox: Path | None = None,
               processed: Path | None = None, quarantine: Path | None = None) -> list[Check]:
    checks = [check_database(db_path), check_model(model), check_spacy(spacy_model)]
    if inbox is not None:
        checks += check_folders(inbox, processed, quarantine)
    return checks


def check_database(path: Path) -> Check:
    if not path.exists():
        return Check("database", "warn", f"{path} does not exist yet; `debrief run` creates it")
    mode = stat.S_IMODE(path.stat().st_mode)
    try:
        from ..store.db import connect_read_only

        conn = connect_read_only(path)
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        unknown = _unknown_migrations(conn)
        conn.close()
    except sqlite3.DatabaseError as error:
        return Check("database", "fail", f"{path}: {error}")
    if unknown:
        return Check("database", "fail", f"{path} was written by a newer debrief (unknown migration "
                                         f"{', '.join(unknown)}); upgrade debrief to use it")
    if result != "ok":
        return Check("database", "fail", f"{path}: integrity check says {result}")
    if mode & 0o077:
        return Check("database", "warn", f"{path} is readable by others (mode {mode:o}); chmod 600 it")
    return Check("database", "ok", f"{path}: integrity ok, owner-only")


def _unknown_migrations(conn) -> list[str]:
    from ..store.migrations import migrations

    known = {m.name for m in migrations._migrations}
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name])
    except sqlite3.OperationalError:  # no migrations table: nothing applied yet
        return []
    return [name for (name,) in rows if name not in known]


def check_model(model: str) -> Check:
    from ..speech.transcribe import ModelNotFound, resolve_model

    try:
        ref = resolve_model(model)
    except ModelNotFound as error:
        return Check("whisper model", "fail", str(error))
    return Check("whisper model", "ok", f"{ref.name} at {ref.path}")


def check_spacy(name: str) -> Check:
    from ..analyze import load_nlp

    nlp = load_nlp(name)
    if name != "blank" and nlp.meta.get("name") in (None, "", "pipeline"):
        return Check("spacy pipeline", "warn", f"{name} not installed; using a blank English pipeline")
    return Check("spacy pipeline", "ok", f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}")


def check_folders(inbox: Path, processed: Path | None, quarantine: Path | None) -> list[Check]:
    if not inbox.is_dir():
        return [Check("inbox", "fail", f"{inbox} is not a folder")]
    checks = [Check("inbox", "ok" if os.access(inbox, os.R_OK | os.X_OK) else "fail", str(inbox))]
    for name, folder in (("processed", processed or inbox.parent / "processed"),
                         ("quarantine", quarantine or inbox.parent / "quarantine")):
        checks.append(_check_output_folder(name, folder, inbox))
    return checks


def _check_output_folder(name: str, folder: Path, inbox: Path) -> Check:
    if folder.resolve().is_relative_to(inbox.resolve()):
        return Check(name, "fail", f"{folder} is inside the inbox")
    existing = folder if folder.exists() else folder.parent
    if not existing.exists() or not os.access(existing, os.W_OK):
        return Check(name, "fail", f"{folder} cannot be created or written")
    if os.stat(existing).st_dev != os.stat(inbox).st_dev:
        return Check(name, "fail", f"{folder} is on another filesystem than the inbox")
    return Check(name, "ok", f"{folder} (used with --after move)")
