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
