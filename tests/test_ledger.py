"""Each memo's state: a kill of the whole run is not the memo's failure."""

import subprocess
import sys
from pathlib import Path

from debrief.intake import ledger
from debrief.records import MemoFile
from debrief.store.db import open_db


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_kills_of_the_whole_run_spend_no_attempts(tmp_path):
    db = open_db(tmp_path / "d.db")
    memo = MemoFile(Path("m.flac"), "m.flac", "cd" * 32, 10, "ana", "2026-11-01T10:00:00+00:00")
    for _ in range(5):  # claimed, then the run is SIGKILLed mid-memo, five times over
        assert ledger.claim(db, memo, 600) == "claimed"
        db.execute("UPDATE memos SET lease_owner = ? WHERE file_sha256 = ?",
                   [f"{ledger.owner_id().rpartition(':')[0]}:{_dead_pid()}", memo.sha256])
        db.conn.commit()
    assert db.execute("SELECT attempts FROM memos").fetchone() == (1,)
    status, _ = ledger.fail(db, memo, "the decoder crashed", max_attempts=2)  # the memo's own failure counts
    assert status == "failed"
    db.execute("UPDATE memos SET next_attempt_at = NULL")
    db.conn.commit()
    assert ledger.claim(db, memo, 600) == "claimed"
    assert ledger.fail(db, memo, "the decoder crashed", max_attempts=2)[0] == "quarantined"
