"""The schema is a public contract: built by migrations, exact columns checked."""

import stat

from debrief.db import open_db
from debrief.migrations import migrations

DEBRIEFS_COLUMNS = [
    "id", "file_name", "file_sha256", "rep", "recorded_at", "duration_s", "transcript",
    "followup", "firm_followup", "followup_when", "decision_maker_met", "decision_maker",
    "excuses_accepted", "proposal_without_meeting", "chasing", "pressure", "prospect_pursued", "account",
    "followup_at", "followup_missing", "decision_maker_missing", "excuses", "coaching_note", "coaching",
    "unsure", "needs_review_reason", "reviewed", "needs_review", "corrected_fields",
    "machine_followup", "machine_firm_followup", "machine_followup_when",
    "machine_decision_maker_met", "machine_decision_maker", "machine_excuses_accepted",
    "machine_proposal_without_meeting", "machine_chasing", "machine_pressure", "machine_prospect_pursued",
    "machine_account", "model", "patterns_version", "nlp_pipeline", "analyzed_at",
]


def test_blank_database_gets_the_documented_schema(tmp_path):
    db = open_db(tmp_path / "d.db")
    assert [c.name for c in db["debriefs"].columns] == DEBRIEFS_COLUMNS
    assert "debriefs" in db.view_names()
    assert [c.name for c in db["evidence"].columns] == [
        "id", "memo_id", "field", "rule_id", "sentence", "start_s", "end_s"]
    memo_columns = {c.name for c in db["memos"].columns}
    assert {"file_name", "file_sha256", "rep", "recorded_at", "status", "error"} <= memo_columns
    assert not migrations.pending(db)


def test_reopening_applies_nothing_twice(tmp_path):
    open_db(tmp_path / "d.db").close()
    db = open_db(tmp_path / "d.db")
    applied = [m.name for m in migrations.applied(db)]
    assert applied == sorted(set(applied)) and applied[0] == "m001_create_tables"


def test_new_database_is_private_to_its_owner(tmp_path):
    open_db(tmp_path / "d.db").close()
    mode = stat.S_IMODE((tmp_path / "d.db").stat().st_mode)
    assert mode & 0o077 == 0
