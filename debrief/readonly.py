"""Any SQL a manager types, safe by construction.

Two locks, either of which is enough on its own: the file is opened read-only
(`mode=ro`), and an authorizer allows only reading — SELECT, reading columns,
functions (table-valued ones such as json_each too), recursive CTEs and a few
schema-describing pragmas. Everything else
is denied at prepare time: writes, ATTACH (which could create a file),
VACUUM INTO (which writes a copy; it shows up as CREATE actions), pragmas that
change state. A row cap and a time limit keep a runaway query from hanging
the terminal.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
READ_ONLY_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
                     "data_version"}  # data_version: read by FTS5 when it opens its index
DEFAULT_MAX_ROWS = 1000
DEFAULT_TIMEOUT_S = 10.0


class QueryRefused(Exception):
    """The statement was refused or stopped; the message says why in one line."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool  # more rows existed than the cap

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def _authorize(action, arg1, arg2, db_name, trigger):
    if action in ALLOWED_ACTIONS:
        return sqlite3.SQLITE_OK
    # A table-valued function (json_each, json_tree) declares its virtual table when
    # first used, and SQLite asks about "updating" sqlite_master while it parses that
    # declaration. A real UPDATE of sqlite_master also needs PRAGMA writable_schema,
    # which is denied below, and the file is open read-only besides.
    if action == sqlite3.SQLITE_UPDATE and arg1 in ("sqlite_master", "sqlite_temp_master"):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 in READ_ONLY_PRAGMAS and arg2 is None:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def run_query(db_path: Path | str, sql: str, params: dict | None = None,
              max_rows: int = DEFAULT_MAX_ROWS, timeout_s: float = DEFAULT_TIMEOUT_S) -> QueryResult:
    path = Path(db_path)
    if not path.exists():
        raise QueryRefused(f"no database at {path}")
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        conn.set_authorizer(_authorize)
        deadline = time.monotonic() + timeout_s
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            cursor = conn.execute(sql, params or {})
            rows = cursor.fetchmany(max_rows + 1) if cursor.description else []
        except sqlite3.DatabaseError as error:
            raise QueryRefused(_explain(error, timeout_s)) from None
        except sqlite3.ProgrammingError as error:  # e.g. two statements at once
            raise QueryRefused(str(error)) from None
        columns = [d[0] for d in cursor.description or []]
        return QueryResult(columns, rows[:max_rows], truncated=len(rows) > max_rows)
    finally:
        conn.close()


def _explain(error: Exception, timeout_s: float) -> str:
    message = str(error)
    if "not authorized" in message or "authorization denied" in message:
        return "refused: only reading queries are allowed (no writes, ATTACH, VACUUM or state-changing pragmas)"
    if "interrupted" in message:
        return f"stopped: the query ran longer than {timeout_s:g} s"
    if "readonly" in message:
        return "refused: the database is opened read-only"
    return message
