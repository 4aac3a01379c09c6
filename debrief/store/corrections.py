"""The manager's hand on the debriefs: corrections, re-analysis, forgetting a memo.

Corrections are append-only rows keyed by the memo's SHA-256 and the field;
the machine never writes to them. Re-analysis rewrites only the machine's
rows (`analyses`, `evidence`), so a correction outlives any number of
`reanalyze` and `run` calls, and the view keeps showing the manager's value.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, field

from ..records import Transcript, Word
from . import tombstones
from .clock import now
from .db import save_analysis, write_transaction
from .migrations import CORRECTABLE
from .queries import NotFound

ALLOWED_VALUES = {
    "followup": {"firm_in_person", "firm_remote", "tentative", "none"},
    "firm_followup": {"yes", "no"},
    "decision_maker_met": {"yes", "no", "unclear"},
    "excuses_accepted": {"yes", "no", "none"},
    "proposal_without_meeting": {"yes", "no"},
    "chasing": {"yes", "no"},
    "pressure": {"yes", "no"},
    "prospect_pursued": {"yes", "no"},
}
FREE_TEXT = {"followup_when", "decision_maker", "account"}
COMPARED = ("followup", "firm_followup", "decision_maker_met", "excuses_accepted", "proposal_without_meeting",
            "chasing", "pressure", "prospect_pursued", "account")


class ReviewError(ValueError):
    pass


def parse_settings(settings: list[str]) -> dict[str, str]:
    """`field=value` pairs from the command line, checked against the verdict values."""
    parsed = {}
    for item in settings:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in CORRECTABLE:
            raise ReviewError(f"--set takes FIELD=VALUE with FIELD one of: {', '.join(CORRECTABLE)}")
        if name in ALLOWED_VALUES and value not in ALLOWED_VALUES[name]:
            raise ReviewError(f"{name} must be one of: {', '.join(sorted(ALLOWED_VALUES[name]))}")
        parsed[name] = value
    if "followup" in parsed and "firm_followup" not in parsed:  # keep the pair consistent
        parsed["firm_followup"] = "yes" if parsed["followup"] == "firm_in_person" else "no"
    return parsed


def record_review(db, memo_id: int, corrections: dict[str, str], note: str | None,
                  by: str | None = None) -> str:
    """Record who reviewed a debrief, when and why, with any corrected fields.
    The debrief is looked up inside the write transaction: a memo forgotten a moment
    before gets no review rows (they would outlive the forget)."""
    who, when = by or getpass.getuser(), now()
    with write_transaction(db):
        row = db.execute("SELECT file_sha256 FROM memos WHERE id = ? AND status = 'done'", [memo_id]).fetchone()
        if not row or tombstones.is_forgotten(db, row[0]):
            raise NotFound(f"no debrief with id {memo_id}")
        sha = row[0]
        db["reviews"].insert({"file_sha256": sha, "reviewed_by": who, "note": note, "reviewed_at": when})
        db["corrections"].insert_all(
            {"file_sha256": sha, "field": name, "value": value, "note": note,
             "corrected_by": who, "corrected_at": when}
            for name, value in corrections.items()
        )
    return sha


@dataclass
class Reanalysis:
    memo_id: int
    file_name: str
    changes: dict[str, tuple] = field(default_factory=dict)  # field: (old, new)
    disagreements: dict[str, tuple] = field(default_factory=dict)  # field: (manager, machine)

    def to_dict(self) -> dict:
        return {
            "id": self.memo_id, "file_name": self.file_name,
            "changes": {k: {"old": o, "new": n} for k, (o, n) in self.changes.items()},
            "disagrees_with_manager": {k: {"manager": m, "machine": n} for k, (m, n) in self.disagreements.items()},
        }


def reanalyze(db, analyzer, since: str | None = None, batch_size: int = 64) -> list[Reanalysis]:
    """Run the current patterns over stored transcripts (no new transcription).
    A memo forgotten while its batch was being analyzed is skipped at write time."""
    sql = """SELECT memos.id, memos.file_name, memos.file_sha256, memos.recorded_at, transcripts.text, transcripts.words,
                    transcripts.duration_s, transcripts.model
             FROM memos JOIN transcripts ON transcripts.memo_id = memos.id
             WHERE memos.status = 'done'""" + (" AND memos.recorded_at >= :since" if since else "")
    rows = list(db.query(sql + " ORDER BY memos.id", {"since": since} if since else {}))
    results = []
    for start in range(0, len(rows), batch_size):
        batch = rows[start:start + batch_size]
        debriefs = analyzer.analyze_many([stored_transcript(r) for r in batch], [r["recorded_at"] for r in batch])
        with write_transaction(db):
            for row, debrief in zip(batch, debriefs):
                if not _still_done(db, row):
                    continue
                results.append(_compare(db, row, debrief))
                save_analysis(db, row["id"], debrief, analyzer.pipeline_name)
    return results


def _still_done(db, row: dict) -> bool:
    status = db.execute("SELECT status FROM memos WHERE id = ?", [row["id"]]).fetchone()
    return bool(status) and status[0] == "done" and not tombstones.is_forgotten(db, row["file_sha256"])


def stored_transcript(row: dict) -> Transcript:
    words = [Word(*w[:4]) for w in json.loads(row["words"] or "[]")]  # [text, start, end(, probability)]
    return Transcript(row["text"], words, row["duration_s"] or 0.0, model=row["model"])


def _compare(db, row: dict, debrief) -> Reanalysis:
    old = db.execute(f"SELECT {', '.join(COMPARED)} FROM analyses WHERE memo_id = ?", [row["id"]]).fetchone()
    new = debrief.verdicts()
    result = Reanalysis(row["id"], row["file_name"])
    for name, old_value in zip(COMPARED, old or [None] * len(COMPARED)):
        if old_value != new[name]:
            result.changes[name] = (old_value, new[name])
    for name, value in _latest_corrections(db, row["file_sha256"]).items():
        if name in new and new[name] != value:
            result.disagreements[name] = (value, new[name])
    return result


def _latest_corrections(db, sha: str) -> dict[str, str]:
    rows = db.execute("SELECT field, value FROM corrections WHERE file_sha256 = ? ORDER BY id", [sha])
    return {name: value for name, value in rows}


def forget(db, memo_id: int) -> tuple[str, bool]:
    """Remove a memo's transcript, verdicts, evidence, reviews and search entries for good.

    The memo row stays, marked `forgotten`, and a tombstone keeps its SHA-256, so
    no writer (a run, reanalyze, review) brings the debrief back. Returns the file
    name and whether the WAL was checkpointed (False: a reader held it; the next
    open finishes it)."""
    row = db.execute("SELECT file_sha256, file_name FROM memos WHERE id = ?", [memo_id]).fetchone()
    if not row or row[0] is None:
        raise NotFound(f"no memo with id {memo_id}")
    sha, name = row
    with write_transaction(db):
        for table in ("evidence", "analyses", "transcripts"):
            db.execute(f"DELETE FROM {table} WHERE memo_id = ?", [memo_id])
        for table in ("corrections", "reviews"):
            db.execute(f"DELETE FROM {table} WHERE file_sha256 = ?", [sha])
        db.execute("UPDATE memos SET status = 'forgotten', error = NULL, path = NULL, updated_at = ? "
                   "WHERE id = ?", [now(), memo_id])
        tombstones.bury(db, sha)
        # FTS5 deletes leave tombstones over the old index segments; merging drops the words.
        db.execute("INSERT INTO transcripts_fts(transcripts_fts) VALUES ('optimize')")
    return name, tombstones.finish_checkpoints(db)
