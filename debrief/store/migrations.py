"""The database schema, built only by append-only migrations, applied on every open.

Never edit a migration that has shipped: add a new one. The shape is a public
contract (README, "The database"): managers query it with sqlite3 and
Datasette.

Machine output lives in tables (`memos`, `transcripts`, `analyses`,
`evidence`); `debriefs` is a view joining them into one row per memo, so a
later migration can lay managers' corrections over it without moving data.
"""

from __future__ import annotations

from sqlite_utils import Migrations

migrations = Migrations("debrief")


@migrations()
def m001_create_tables(db):
    db["memos"].create(
        {
            "id": int,
            "file_sha256": str,
            "file_name": str,
            "path": str,
            "rep": str,
            "size_bytes": int,
            "recorded_at": str,
            "status": str,  # done | failed | no_speech
            "error": str,
            "attempts": int,
            "first_seen_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"file_sha256", "file_name", "status"},
    )
    db["memos"].create_index(["file_sha256"], unique=True)
    db["memos"].create_index(["status"])

    db["transcripts"].create(
        {
            "memo_id": int,
            "text": str,
            "words": str,  # JSON [[word, start_s, end_s], ...]: evidence times without re-transcribing
            "duration_s": float,
            "language": str,
            "model": str,
            "transcribed_at": str,
        },
        pk="memo_id",
        foreign_keys=[("memo_id", "memos", "id")],
    )

    db["analyses"].create(
        {
            "memo_id": int,
            "followup": str,
            "firm_followup": str,
            "followup_when": str,
            "followup_missing": str,  # JSON list: the near miss
            "decision_maker_met": str,
            "decision_maker": str,
            "excuses_accepted": str,
            "excuses": str,  # JSON list of {kind, words, handled}
            "patterns_version": str,
            "nlp_pipeline": str,
            "analyzed_at": str,
        },
        pk="memo_id",
        foreign_keys=[("memo_id", "memos", "id")],
    )

    db["evidence"].create(
        {
            "id": int,
            "memo_id": int,
            "field": str,
            "rule_id": str,
            "sentence": str,
            "start_s": float,
            "end_s": float,
        },
        pk="id",
        foreign_keys=[("memo_id", "memos", "id")],
    )
    db["evidence"].create_index(["memo_id"])

    db.create_view(
        "debriefs",
        """
        SELECT
            memos.id AS id,
            memos.file_name,
            memos.file_sha256,
            memos.rep,
            memos.recorded_at,
            transcripts.duration_s,
            transcripts.text AS transcript,
            analyses.followup,
            analyses.firm_followup,
            analyses.followup_when,
            analyses.followup_missing,
            analyses.decision_maker_met,
            analyses.decision_maker,
            analyses.excuses_accepted,
            analyses.excuses,
            transcripts.model,
            analyses.patterns_version,
            analyses.nlp_pipeline,
            analyses.analyzed_at
        FROM memos
        JOIN transcripts ON transcripts.memo_id = memos.id
        JOIN analyses ON analyses.memo_id = memos.id
        WHERE memos.status = 'done'
        """,
    )


# The verdict fields a manager can correct; the view shows the correction when
# there is one, and the machine's value beside it as machine_<field>.
# m002's set is frozen (a shipped migration must keep building the same view);
# later migrations extend it.
CORRECTABLE_M002 = (
    "followup",
    "firm_followup",
    "followup_when",
    "decision_maker_met",
    "decision_maker",
    "excuses_accepted",
    "proposal_without_meeting",
)
SIGNALS_M004 = ("chasing", "pressure", "prospect_pursued")
CORRECTABLE_M004 = CORRECTABLE_M002 + SIGNALS_M004
CORRECTABLE = CORRECTABLE_M004 + ("account",)


def _latest_correction(field: str) -> str:
    return (
        "(SELECT c.value FROM corrections c WHERE c.file_sha256 = memos.file_sha256 "
        f"AND c.field = '{field}' ORDER BY c.id DESC LIMIT 1)"
    )


def debriefs_view_sql(correctable=CORRECTABLE_M002, machine_only=("followup_missing", "excuses"),
                      derived: tuple[str, ...] = (), current_only: bool = False) -> str:
    """`derived`: extra SQL column expressions, placed after `reviewed`; `current_only`
    (m005 on) leaves out memos superseded by a longer version of the same file."""
    effective = ",\n            ".join(
        f"COALESCE({_latest_correction(f)}, analyses.{f}) AS {f}" for f in correctable
    )
    machine = ",\n            ".join(f"analyses.{f} AS machine_{f}" for f in correctable)
    machine_only_columns = "".join(f"analyses.{f},\n            " for f in machine_only)
    return f"""
        SELECT
            memos.id AS id,
            memos.file_name,
            memos.file_sha256,
            memos.rep,
            memos.recorded_at,
            transcripts.duration_s,
            transcripts.text AS transcript,
            {effective},
            {machine_only_columns}CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.file_sha256 = memos.file_sha256)
                 THEN 'yes' ELSE 'no' END AS reviewed,
            {"".join(f"{d},{chr(10)}            " for d in derived)}(SELECT group_concat(DISTINCT c.field) FROM corrections c
              WHERE c.file_sha256 = memos.file_sha256) AS corrected_fields,
            {machine},
            transcripts.model,
            analyses.patterns_version,
            analyses.nlp_pipeline,
            analyses.analyzed_at
        FROM memos
        JOIN transcripts ON transcripts.memo_id = memos.id
        JOIN analyses ON analyses.memo_id = memos.id
        WHERE memos.status = 'done'{" AND memos.superseded_by IS NULL" if current_only else ""}
    """


@migrations()
def m002_add_corrections_reviews_and_search(db):
    db["analyses"].add_column("proposal_without_meeting", str)
    # Keyed by the memo's SHA-256, not its row id: a correction belongs to the
    # recording and survives anything the machine does to its rows.
    db["corrections"].create(
        {
            "id": int,
            "file_sha256": str,
            "field": str,
            "value": str,
            "note": str,
            "corrected_by": str,
            "corrected_at": str,
        },
        pk="id",
        not_null={"file_sha256", "field"},
    )
    db["corrections"].create_index(["file_sha256", "field"])
    db["reviews"].create(
        {"id": int, "file_sha256": str, "reviewed_by": str, "note": str, "reviewed_at": str},
        pk="id",
        not_null={"file_sha256"},
    )
    db["reviews"].create_index(["file_sha256"])
    db["transcripts"].enable_fts(["text"], create_triggers=True)
    db.execute("DROP VIEW IF EXISTS debriefs")
    db.create_view("debriefs", debriefs_view_sql())


@migrations()
def m003_track_memo_lifecycle(db):
    # pending → processing (leased to one process until lease_until) → done | no_speech
    #   | failed (retried from next_attempt_at) | quarantined (final). moved_to: where
    # the audio went after its outcome was committed (processed/ or quarantine/).
    for column in ("lease_owner", "lease_until", "next_attempt_at", "moved_to"):
        db["memos"].add_column(column, str)


# Columns the analysis gained with issue #3: the resolved meeting time, the
# decision-maker near miss, the chasing signals and the coaching notes.
M004_MACHINE_ONLY = ("followup_at", "followup_missing", "decision_maker_missing", "excuses",
                     "coaching_note", "coaching")


@migrations()
def m004_add_signals_near_misses_and_coaching(db):
    for column in ("followup_at", "decision_maker_missing", *SIGNALS_M004, "coaching_note", "coaching"):
        db["analyses"].add_column(column, str)
    db.execute("DROP VIEW IF EXISTS debriefs")
    db.create_view("debriefs", debriefs_view_sql(CORRECTABLE_M004, M004_MACHINE_ONLY))


@migrations()
def m005_add_tombstones_and_supersede(db):
    # Forgetting is final: a tombstone per SHA-256, checked by every writer inside
    # its write transaction. wal_checkpointed_at stays null until the WAL that held
    # the forgotten words has been checkpointed and truncated (the next open retries).
    db["tombstones"].create(
        {"file_sha256": str, "forgotten_at": str, "wal_checkpointed_at": str},
        pk="file_sha256",
    )
    db.execute("INSERT INTO tombstones SELECT file_sha256, updated_at, NULL FROM memos WHERE status = 'forgotten'")
    # superseded_by: the memo that grew out of this one (a debrief of a partial file);
    # deleted_at: when --after delete:N removed the processed audio.
    db["memos"].add_column("superseded_by", int)
    db["memos"].add_column("deleted_at", str)
    db.execute("DROP VIEW IF EXISTS debriefs")
    db.create_view("debriefs", debriefs_view_sql(CORRECTABLE_M004, M004_MACHINE_ONLY, current_only=True))


# Issue #12: each verdict says when the machine is unsure, and why. `unsure` is
# JSON {verdict: reason}; `needs_review_reason` joins the reasons in plain words.
# A debrief needs review while the machine is unsure and no manager has reviewed it.
M006_MACHINE_ONLY = M004_MACHINE_ONLY + ("unsure", "needs_review_reason")
NEEDS_REVIEW_SQL = (
    "CASE WHEN analyses.needs_review_reason IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM reviews r WHERE r.file_sha256 = memos.file_sha256) THEN 'yes' ELSE 'no' END AS needs_review"
)


@migrations()
def m006_add_verdict_confidence(db):
    for column in ("unsure", "needs_review_reason"):
        db["analyses"].add_column(column, str)
    db.execute("DROP VIEW IF EXISTS debriefs")
    db.create_view("debriefs", debriefs_view_sql(CORRECTABLE_M004, M006_MACHINE_ONLY, (NEEDS_REVIEW_SQL,), current_only=True))


@migrations()
def m007_add_account(db):
    """The prospect's company, correctable like a verdict; and an index on (status,
    recorded_at), whose order (rowid last) is the list's newest-first order, so a page
    of the `debriefs` view reads 50 rows instead of sorting them all."""
    db["analyses"].add_column("account", str)
    db["memos"].create_index(["status", "recorded_at"], if_not_exists=True)
    db.execute("DROP VIEW IF EXISTS debriefs")
    db.create_view("debriefs", debriefs_view_sql(CORRECTABLE, M006_MACHINE_ONLY, (NEEDS_REVIEW_SQL,), current_only=True))


@migrations()
def m008_add_evidence_score(db):
    """A verdict weighed over the whole memo (analyze/weighing.py) leaves its sentence as
    evidence with the probability it gave; a rule's hit leaves the score empty."""
    db["evidence"].add_column("score", float)
