"""The schema is a public contract: built by migrations, exact columns checked."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from debrief.store.db import open_db
from debrief.store.migrations import migrations

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
        "id", "memo_id", "field", "rule_id", "sentence", "start_s", "end_s", "score"]
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


def _db_with_one_debrief(path):
    from pathlib import Path as P

    from debrief.intake import ledger
    from debrief.records import Debrief, MemoFile, Transcript

    db = open_db(path)
    memo = MemoFile(P("m.flac"), "m.flac", "ef" * 32, 10, "ana", "2026-11-02T10:00:00+00:00")
    ledger.claim(db, memo, 60)
    ledger.complete(db, memo, memo.modified_at, Transcript("we met the owner", [], 1.0), Debrief(), "blank")
    db.close()  # the last connection: the WAL is checkpointed and removed
    return path


def test_a_database_from_a_newer_debrief_is_refused_at_open_and_doctor_says_so(tmp_path):
    from typer.testing import CliRunner

    from debrief.cli import app

    db = open_db(tmp_path / "d.db")
    db["_sqlite_migrations"].insert({"migration_set": "debrief", "name": "m099_from_the_future",
                                     "applied_at": "2030-01-01"})
    db.close()
    result = CliRunner().invoke(app, ["list", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2 and "newer debrief" in result.stderr and "m099_from_the_future" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    doctor = CliRunner().invoke(app, ["doctor", "--db", str(tmp_path / "d.db"), "--json"])
    database = next(c for c in json.loads(doctor.stdout) if c["name"] == "database")
    assert database["status"] == "fail" and "m099_from_the_future" in database["detail"]


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv to run as an unprivileged user")
def test_a_read_only_database_folder_reads_and_refuses_writes_in_one_line():
    """Root writes everywhere, so the commands run as `nobody` over a folder it cannot write."""
    work = Path(tempfile.mkdtemp(prefix="debrief-ro-"))
    try:
        os.chmod(work, 0o755)
        db = _db_with_one_debrief(work / "d.db")
        os.chmod(db, 0o644)
        (work / "inbox").mkdir()

        def as_nobody(*args):
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                       sys.executable, "-m", "debrief", *args, "--db", str(db)]
            return subprocess.run(command, capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "HOME": str(work)})

        listed = as_nobody("list", "--json")
        if listed.returncode != 0 and "setpriv" in listed.stderr:
            pytest.skip("cannot switch user here")
        assert listed.returncode == 0, listed.stderr
        assert [r["file_name"] for r in json.loads(listed.stdout)] == ["m.flac"]
        assert as_nobody("show", "1").returncode == 0
        assert as_nobody("search", "owner").returncode == 0
        queried = as_nobody("query", "SELECT file_name FROM debriefs", "--json")
        assert queried.returncode == 0 and json.loads(queried.stdout) == [{"file_name": "m.flac"}], queried.stderr
        for writing in (["review", "1", "--note", "ok"], ["forget", "1", "--yes"], ["run", str(work / "inbox")]):
            result = as_nobody(*writing)
            assert result.returncode == 2, (writing, result.stderr)
            assert "read-only" in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert sorted(p.name for p in work.iterdir()) == ["d.db", "inbox"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
