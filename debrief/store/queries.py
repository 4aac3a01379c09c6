"""Reading debriefs for the manager: list with filters, one in full, search, export.

Everything reads the `debriefs` view, so a manager's correction is what they
see; the machine's value stays beside it as `machine_<field>`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date

LIST_COLUMNS = (
    "id", "rep", "account", "recorded_at", "file_name", "followup", "followup_when",
    "decision_maker_met", "excuses_accepted", "proposal_without_meeting", "reviewed", "needs_review",
)
# With --needs-review the list also says why each one does.
REVIEW_COLUMNS = LIST_COLUMNS + ("needs_review_reason",)


@dataclass
class ListFilters:
    rep: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive of the whole day
    followup: str | None = None
    dm: str | None = None
    excuses: str | None = None  # yes, no, none; or "stalled" (yes or no: the prospect stalled)
    needs_review: bool = False  # the machine is unsure of a verdict, and no manager has reviewed it
    limit: int = 20  # 0 = all
    unreviewed: bool = False  # no manager has reviewed it, sure or not
    account: str | None = None  # case-insensitive, the whole name
    reviewed: str | None = None  # yes | no
    words: str | None = None  # full-text search over the transcripts (FTS5 syntax)
    firm_followup: str | None = None
    proposal_without_meeting: str | None = None
    after: tuple[str, int] | None = None  # keyset: the (recorded_at, id) of the last row seen


class NotFound(Exception):
    pass


class BadFilter(ValueError):
    """A filter that cannot be read (a date that does not exist, broken search syntax)."""


def check_date(name: str, value: str | None) -> str | None:
    """An ISO date, or a BadFilter naming the option: '2026-13-01' is not a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadFilter(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def list_debriefs(db, filters: ListFilters, columns=LIST_COLUMNS) -> list[dict]:
    """Newest first. With `filters.after`, the page after that row (keyset paging:
    as fast on page 500 as on page 1, with the index on memos.recorded_at)."""
    where, params = _where(filters)
    columns = REVIEW_COLUMNS if filters.needs_review else LIST_COLUMNS
    if filters.after:
        where.append("(recorded_at < :after_at OR (recorded_at = :after_at AND id < :after_id))")
        params.update(after_at=filters.after[0], after_id=filters.after[1])
    sql = f"SELECT {', '.join(columns)} FROM debriefs"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY recorded_at DESC, id DESC"
    if filters.limit:
        sql += " LIMIT :limit"
        params["limit"] = filters.limit
    return [dict(row) for row in _run(db, sql, params, filters.words)]


def count_debriefs(db, filters: ListFilters) -> int:
    where, params = _where(filters)
    sql = "SELECT count(*) FROM debriefs" + (" WHERE " + " AND ".join(where) if where else "")
    return next(iter(_run(db, sql, params, filters.words)))["count(*)"]


def _run(db, sql: str, params: dict, words: str | None):
    try:
        return list(db.query(sql, params))
    except sqlite3.OperationalError as error:
        if words:  # FTS5 reports bad syntax as "fts5: syntax error…", "unterminated string", "no such column"
            raise BadFilter(f"search {words!r}: {error}") from None
        raise


def _where(f: ListFilters) -> tuple[list[str], dict]:
    clauses, params = [], {}
    checks = [
        ("rep", f.rep, "rep = :rep COLLATE NOCASE"),
        ("account", f.account, "account = :account COLLATE NOCASE"),
        # Plain comparisons on recorded_at (ISO 8601) use its index; `until` covers its whole day.
        ("since", check_date("--since", f.since), "recorded_at >= :since"),
        ("until", check_date("--until", f.until), "recorded_at < date(:until, '+1 day')"),
        ("followup", f.followup, "followup = :followup"),
        ("firm_followup", f.firm_followup, "firm_followup = :firm_followup"),
        ("dm", f.dm, "decision_maker_met = :dm"),
        ("excuses", f.excuses, "excuses_accepted = :excuses" if f.excuses != "stalled"
         else "excuses_accepted IN ('yes', 'no') AND :excuses = 'stalled'"),
        ("proposal", f.proposal_without_meeting, "proposal_without_meeting = :proposal"),
        ("reviewed", f.reviewed, "reviewed = :reviewed"),
    ]
    for name, value, clause in checks:
        if value is not None:
            clauses.append(clause)
            params[name] = value
    if f.needs_review:
        clauses.append("needs_review = 'yes'")
    if f.unreviewed:
        clauses.append("reviewed = 'no'")
    if f.words:
        clauses.append("id IN (SELECT transcripts.memo_id FROM transcripts_fts JOIN transcripts "
                       "ON transcripts.rowid = transcripts_fts.rowid WHERE transcripts_fts MATCH :words)")
        params["words"] = fts_query(f.words)
    return clauses, params


@dataclass
class DebriefDetail:
    row: dict
    evidence: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        row = dict(self.row)
        for key in ("excuses", "followup_missing"):
            row[key] = json.loads(row[key] or "[]")
        return {**row, "evidence": self.evidence, "corrections": self.corrections, "reviews": self.reviews}


def get_debrief(db, memo_id: int) -> DebriefDetail:
    rows = list(db.query("SELECT * FROM debriefs WHERE id = ?", [memo_id]))
    if not rows:
        raise NotFound(f"no debrief with id {memo_id}")
    row = rows[0]
    evidence = list(db.query(
        "SELECT field, rule_id, sentence, start_s, end_s, score FROM evidence WHERE memo_id = ? ORDER BY id",
        [memo_id]))
    corrections = list(db.query(
        "SELECT field, value, note, corrected_by, corrected_at FROM corrections "
        "WHERE file_sha256 = ? ORDER BY id", [row["file_sha256"]]))
    reviews = list(db.query(
        "SELECT reviewed_by, note, reviewed_at FROM reviews WHERE file_sha256 = ? ORDER BY id",
        [row["file_sha256"]]))
    return DebriefDetail(row, evidence, corrections, reviews)


def search_transcripts(db, words: str, limit: int = 20) -> list[dict]:
    """Full-text search (FTS5) over transcripts, best match first, with a snippet."""
    sql = """
        SELECT debriefs.id, debriefs.rep, debriefs.recorded_at, debriefs.file_name,
               snippet(transcripts_fts, 0, '[', ']', '…', 12) AS snippet
        FROM transcripts_fts
        JOIN transcripts ON transcripts.rowid = transcripts_fts.rowid
        JOIN debriefs ON debriefs.id = transcripts.memo_id
        WHERE transcripts_fts MATCH :q
        ORDER BY bm25(transcripts_fts)
        LIMIT :limit
    """
    return [dict(r) for r in _run(db, sql, {"q": fts_query(words), "limit": limit}, words)]


FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def fts_query(words: str) -> str:
    """SQLite FTS5 query syntax, as Datasette's `_searchmode=raw` takes it: `owner OR boss`,
    `"budget frozen"`, `budg*`, `owner NOT partner`, `NEAR(owner budget, 5)`. Words typed
    with no operator, quote, star or bracket are each quoted, so stray punctuation
    ("o'clock", "C++") cannot break a plain search."""
    if any(t in FTS_OPERATORS for t in words.split()) or any(c in words for c in '"*()^'):
        return words
    terms = [w.replace('"', '""') for w in words.split()]
    return " ".join(f'"{t}"' for t in terms if t)


def export_columns(db) -> list[str]:
    """Every column of the `debriefs` view, in its order: an export carries all of it."""
    return [c.name for c in db["debriefs"].columns]


JSON_COLUMNS = ("excuses", "followup_missing", "coaching")


def export_rows(db, flatten: bool = True) -> list[dict]:
    """Every debrief with every column, oldest first. `flatten` (for CSV and a CRM) turns
    the JSON lists into readable text; otherwise they stay lists and objects."""
    rows = []
    for row in db.query(f"SELECT * FROM debriefs ORDER BY recorded_at, id"):
        row = dict(row)
        for key in JSON_COLUMNS:
            row[key] = json.loads(row[key]) if row.get(key) else ([] if key != "coaching" else {})
        if flatten:
            row["excuses"] = "; ".join(f"{e['kind']} ({e['handled']})" for e in row["excuses"])
            row["followup_missing"] = "; ".join(row["followup_missing"])
            row["coaching"] = "; ".join(f"{k}: {v}" for k, v in row["coaching"].items())
        rows.append(row)
    return rows
