"""Forgetting is final: no writer brings a forgotten memo back, and the words
leave the write-ahead log too (at once, or on the next open when a reader held it)."""

import getpass
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debrief.cli import app
from debrief.intake import ledger
from debrief.records import Debrief, MemoFile, Transcript
from debrief.store.corrections import forget, reanalyze, record_review
from debrief.store.db import open_db
from debrief.store.queries import NotFound
from debrief.store.tombstones import Forgotten

from .conftest import SHARED_AUDIO


def cli(db, *args):
    return CliRunner().invoke(app, [*args, "--db", str(db)])


def _query(db, sql, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _first_id(db) -> int:
    return _query(db, "SELECT min(id) FROM debriefs")[0][0]


def test_a_forgotten_memo_dropped_in_again_is_refused_unless_allowed(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    inbox.mkdir()
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "memo.flac")
    assert cli(db, "run", str(inbox), "--settle", "0").exit_code == 0
    assert cli(db, "forget", str(_first_id(db)), "--yes").exit_code == 0
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "dropped again.flac")

    result = cli(db, "run", str(inbox), "--settle", "0", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["refused_forgotten"] == 2 and json.loads(result.stdout)["processed"] == 0
    assert _query(db, "SELECT status FROM memos") == [("forgotten",)]
    assert _query(db, "SELECT count(*) FROM debriefs") == [(0,)]

    result = cli(db, "run", str(inbox), "--settle", "0", "--json", "--allow-forgotten")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["processed"] == 1
    assert _query(db, "SELECT count(*) FROM debriefs") == [(1,)]
    assert _query(db, "SELECT count(*) FROM tombstones") == [(0,)]


def _claimed_memo(db_path: Path):
    db = open_db(db_path)
    memo = MemoFile(Path("memo.flac"), "memo.flac", "ab" * 32, 10, "ana", "2026-11-01T10:00:00+00:00")
    assert ledger.claim(db, memo, 60) == "claimed"
    return db, memo


def test_a_run_that_claimed_before_the_forget_cannot_write_the_memo_back(tmp_path):
    db, memo = _claimed_memo(tmp_path / "d.db")
    memo_id = db.execute("SELECT id FROM memos").fetchone()[0]
    forget(open_db(tmp_path / "d.db"), memo_id)  # a manager, from another connection

    with pytest.raises(Forgotten):
        ledger.complete(db, memo, memo.modified_at, Transcript("we met", [], 1.0), Debrief(), "blank")
    assert db.execute("SELECT status FROM memos").fetchall() == [("forgotten",)]
    assert db.execute("SELECT count(*) FROM transcripts").fetchone() == (0,)


def test_reanalyze_never_writes_back_a_memo_forgotten_meanwhile(manager_db, blank_analyzer):
    victim = _first_id(manager_db)

    class ForgetsMidway:
        pipeline_name = blank_analyzer.pipeline_name

        def analyze_many(self, transcripts, times):
            debriefs = blank_analyzer.analyze_many(transcripts, times)
            forget(open_db(manager_db), victim)  # a manager forgets it while the batch is analyzed
            return debriefs

    results = reanalyze(open_db(manager_db), ForgetsMidway())
    assert victim not in [r.memo_id for r in results]
    assert _query(manager_db, "SELECT count(*) FROM analyses WHERE memo_id = ?", [victim]) == [(0,)]
    assert _query(manager_db, "SELECT count(*) FROM evidence WHERE memo_id = ?", [victim]) == [(0,)]


def test_a_review_racing_a_forget_writes_nothing(manager_db, monkeypatch):
    victim = _first_id(manager_db)

    def forget_then_name():  # the forget lands between the review's look-up and its write
        forget(open_db(manager_db), victim)
        return "ana"

    monkeypatch.setattr(getpass, "getuser", forget_then_name)
    with pytest.raises(NotFound):
        record_review(open_db(manager_db), victim, {"firm_followup": "yes"}, "met again")
    assert _query(manager_db, "SELECT count(*) FROM reviews") == [(0,)]
    assert _query(manager_db, "SELECT count(*) FROM corrections") == [(0,)]


def test_forget_says_when_a_reader_blocks_the_checkpoint_and_the_next_open_finishes_it(manager_db):
    reader = sqlite3.connect(manager_db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM transcripts").fetchall()  # a manager's open read transaction
    result = cli(manager_db, "forget", str(_first_id(manager_db)), "--yes")
    assert result.exit_code == 0
    assert "could not be checkpointed" in result.stderr
    assert _query(manager_db, "SELECT wal_checkpointed_at FROM tombstones") == [(None,)]
    assert manager_db.with_name(manager_db.name + "-wal").stat().st_size > 0
    reader.rollback()
    reader.close()

    assert cli(manager_db, "list").exit_code == 0  # any command that opens the database
    assert _query(manager_db, "SELECT wal_checkpointed_at IS NOT NULL FROM tombstones") == [(1,)]
    wal = manager_db.with_name(manager_db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
