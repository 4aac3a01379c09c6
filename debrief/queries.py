"""Reading debriefs for the manager: list with filters, one in full, search, export.

Everything reads the `debriefs` view, so a manager's correction is what they
see; the machine's value stays beside it as `machine_<field>`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

LIST_COLUMNS = (
    "id", "rep", "recorded_at", "file_name", "followup", "followup_when",
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
    excuses: str | None = None
    needs_review: bool = False  # the machine is unsure of a verdict, and no manager has reviewed it
    limit: int = 20  # 0 = all
    unreviewed: bool = False  # no manager has reviewed it, sure or not


class NotFound(Exception):
    pass


def list_debriefs(db, filters: ListFilters) -> list[dict]:
    where, params = _where(filters)
    columns = REVIEW_COLUMNS if filters.needs_review else LIST_COLUMNS
    sql = f"SELECT {', '.join(columns)} FROM debriefs"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY recorded_at DESC, id DESC"
    if filters.limit:
        sql += " LIMIT :limit"
        params["limit"] = filters.limit
    return [dict(row) for row in db.query(sql, params)]


def _where(f: ListFilters) -> tuple[list[str], dict]:
    clauses, params = [], {}
    checks = [
        ("rep", f.rep, "rep = :rep"),
        ("since", f.since, "recorded_at >= :since"),
        ("until", f.until, "substr(recorded_at, 1, 10) <= :until"),
        ("followup", f.followup, "followup = :followup"),
        ("dm", f.dm, "decision_maker_met = :dm"),
        ("excuses", f.excuses, "excuses_accepted = :excuses"),
    ]
    for name, value, clause in checks:
        if value is not None:
            clauses.append(clause)
            params[name] = value
    if f.needs_review:
        clauses.append("needs_review = 'yes'")
    if f.unreviewed:
        clauses.append("reviewed = 'no'")
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
        "SELECT field, rule_id, sentence, start_s, end_s FROM evidence WHERE memo_id = ? ORDER BY id",
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
    return [dict(r) for r in db.query(sql, {"q": _fts_phrase(words), "limit": limit})]


def _fts_phrase(words: str) -> str:
    """Each word as a quoted FTS5 term, so punctuation typed by a person cannot break the query."""
    terms = [w.replace('"', '""') for w in words.split()]
    return " ".join(f'"{t}"' for t in terms if t)


EXPORT_COLUMNS = (
    "id", "rep", "recorded_at", "file_name", "file_sha256", "duration_s",
    "followup", "firm_followup", "followup_when", "followup_missing",
    "decision_maker_met", "decision_maker", "excuses_accepted", "excuses",
    "proposal_without_meeting", "reviewed", "needs_review", "needs_review_reason", "corrected_fields", "model",
    "analyzed_at",
)


def export_rows(db) -> list[dict]:
    """Debriefs flattened for a CRM: JSON lists become readable text."""
    rows = []
    for row in db.query(f"SELECT {', '.join(EXPORT_COLUMNS)} FROM debriefs ORDER BY recorded_at, id"):
        row = dict(row)
        row["excuses"] = "; ".join(
            f"{e['kind']} ({e['handled']})" for e in json.loads(row["excuses"] or "[]"))
        row["followup_missing"] = "; ".join(json.loads(row["followup_missing"] or "[]"))
        rows.append(row)
    return rows
