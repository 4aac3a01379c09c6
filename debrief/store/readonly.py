"""Any SQL a manager types, safe by construction.

Two locks, either of which is enough on its own: the file is opened read-only
(`mode=ro`), and an authorizer allows only reading — SELECT, reading columns,
an allow-list of functions, recursive CTEs and a few schema-describing pragmas.
Everything else is denied at prepare time: writes, ATTACH (which could create
a file), VACUUM INTO (which writes a copy; it shows up as CREATE actions),
pragmas that change state, and functions off the list (`load_extension`,
`fts3_tokenizer`, which hands out a pointer, and whatever a later SQLite adds).
Table-valued functions that only read (`json_each`, `json_tree`,
`pragma_table_info`) reach the authorizer as reads and stay allowed.

Three limits keep a runaway query from hanging the terminal or filling the
memory: a row cap, a time limit per statement (a progress handler), and a cap
on the length of any string or blob (`SQLITE_LIMIT_LENGTH`: `zeroblob(1e9)`).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE}
# data_version: FTS5 asks for it on every MATCH.
READ_ONLY_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
                     "data_version"}
SAFE_FUNCTIONS = frozenset("""
    abs char coalesce concat concat_ws format glob hex ifnull iif instr length like likelihood likely lower
    ltrim max min nullif octet_length printf quote random randomblob replace round rtrim sign soundex
    substr substring trim typeof unhex unicode unlikely upper zeroblob sqlite_version
    avg count group_concat string_agg sum total
    row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
    date time datetime julianday unixepoch strftime timediff current_date current_time current_timestamp
    acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2 mod pi
    pow power radians sin sinh sqrt tan tanh trunc
    json json_array json_array_length json_error_position json_extract json_insert json_object json_patch
    json_pretty json_quote json_remove json_replace json_set json_type json_valid json_group_array
    json_group_object -> ->>
    jsonb jsonb_array jsonb_extract jsonb_insert jsonb_object jsonb_patch jsonb_remove jsonb_replace jsonb_set
    jsonb_group_array jsonb_group_object
    match snippet highlight bm25
""".split())
DEFAULT_MAX_ROWS = 1000
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_LENGTH = 10_000_000  # bytes in one string or blob; a transcript is a few kB


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
    if action == sqlite3.SQLITE_FUNCTION:  # arg2 is the function's name
        return sqlite3.SQLITE_OK if (arg2 or "").lower() in SAFE_FUNCTIONS else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg1 and arg1.lower() in READ_ONLY_PRAGMAS:
        # arg2 is the table or index they describe; data_version takes none ("= 3" would set it)
        return sqlite3.SQLITE_OK if arg1.lower() != "data_version" or arg2 is None else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master" and trigger is None:
        # How SQLite asks before it connects a virtual table (json_each, FTS5, pragma_*):
        # sqlite_master itself can never be written here (read-only file, writable_schema refused).
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def run_query(db_path: Path | str, sql: str, params: dict | None = None,
              max_rows: int = DEFAULT_MAX_ROWS, timeout_s: float = DEFAULT_TIMEOUT_S,
              max_length: int = DEFAULT_MAX_LENGTH) -> QueryResult:
    path = Path(db_path)
    if not path.exists():
        raise QueryRefused(f"no database at {path}")
    from .db import connect_read_only

    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as error:
        raise QueryRefused(f"cannot open {path} ({error})") from None
    try:
        conn.set_authorizer(_authorize)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max_length)
        deadline = time.monotonic() + timeout_s
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 1_000)
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
        return ("refused: only reading queries are allowed (no writes, ATTACH, VACUUM, state-changing pragmas "
                "or functions off the safe list such as load_extension and fts3_tokenizer)")
    if "interrupted" in message:
        return f"stopped: the query ran longer than {timeout_s:g} s"
    if "too big" in message:
        return "stopped: a string or blob in the query is over the length cap"
    if "readonly" in message:
        return "refused: the database is opened read-only"
    return message
