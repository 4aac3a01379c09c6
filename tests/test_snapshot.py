"""The bytes hashed are the bytes decoded and the bytes moved; a file that grows
into new bytes supersedes the debrief of its shorter version."""

import hashlib
import json
import os
import shutil
import sqlite3

from typer.testing import CliRunner

from debrief.cli import app
from debrief.intake.worker import TranscriptionWorker

from .conftest import SAMPLES, SHARED_AUDIO, encode_audio

JFK = SHARED_AUDIO / "jfk.flac"
OTHER_SPEECH = SHARED_AUDIO / "sense_and_sensibility_01_austen_64kb-0870.wav"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _run(inbox, db, *extra):
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--settle", "0", "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _query(db, sql, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_a_file_replaced_after_its_claim_is_neither_decoded_nor_moved_as_the_claimed_memo(tmp_path, monkeypatch):
    folder = tmp_path / "inbox" / "ana"
    folder.mkdir(parents=True)
    memo = folder / "memo.flac"
    shutil.copy(JFK, memo)
    newcomer = encode_audio(tmp_path / "newcomer.flac", OTHER_SPEECH, "flac")
    new_bytes = newcomer.read_bytes()
    submit = TranscriptionWorker.submit

    def replace_then_submit(self, *args, **kwargs):
        """The sync client writes another memo under the same name after the claim, before the decode."""
        if newcomer.exists():
            os.replace(newcomer, memo)
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(TranscriptionWorker, "submit", replace_then_submit)
    db = tmp_path / "d.db"
    summary = _run(folder.parent, db, "--after", "move")

    assert summary["processed"] == 1
    [(sha, transcript)] = _query(db, "SELECT file_sha256, transcript FROM debriefs")
    assert sha == _sha(JFK.read_bytes())
    assert "country" in transcript.lower()  # JFK's words: the claimed bytes were decoded
    assert memo.read_bytes() == new_bytes  # other bytes under the name: not moved as JFK's memo
    assert not (tmp_path / "processed" / "ana" / "memo.flac").exists()
    assert not list((tmp_path / ".d.db.snapshots").rglob("*.flac"))  # the private copy is gone

    monkeypatch.setattr(TranscriptionWorker, "submit", submit)
    summary = _run(folder.parent, db, "--after", "move")  # the newcomer is a memo of its own
    assert summary["processed"] == 1
    assert _query(db, "SELECT count(*) FROM debriefs") == [(2,)]
    assert (tmp_path / "processed" / "ana" / "memo.flac").read_bytes() == new_bytes


def test_a_file_that_grows_into_new_bytes_supersedes_the_debrief_of_its_prefix(tmp_path):
    data = next(SAMPLES.rglob("*.ogg")).read_bytes()
    folder = tmp_path / "inbox" / "ana"
    folder.mkdir(parents=True)
    memo, db = folder / "growing.ogg", tmp_path / "d.db"
    memo.write_bytes(data[: len(data) // 2])  # the sync client paused half-way, long enough to be taken
    assert _run(folder.parent, db, "--wait-incomplete", "0")["processed"] == 1
    memo.write_bytes(data)  # then finished the file

    assert _run(folder.parent, db, "--wait-incomplete", "0")["processed"] == 1

    rows = _query(db, "SELECT id, file_sha256, status, superseded_by FROM memos ORDER BY id")
    (partial_id, partial_sha, partial_status, partial_by), (full_id, full_sha, _, full_by) = rows
    assert partial_sha == _sha(data[: len(data) // 2]) and full_sha == _sha(data)
    assert partial_status == "done" and partial_by == full_id and full_by is None  # kept, linked, marked
    assert _query(db, "SELECT id FROM debriefs") == [(full_id,)]  # one debrief, not a duplicate beside it
    assert _query(db, "SELECT count(*) FROM transcripts WHERE memo_id = ?", [partial_id]) == [(1,)]
