"""`debrief run` end to end: real audio, real Whisper, real spaCy, a real SQLite file."""

import json
import shutil
import sqlite3
import wave

from typer.testing import CliRunner

from debrief.cli import app

import os

from .conftest import SHARED_AUDIO, sample_labels, write_m4a

VERDICTS = ("followup", "firm_followup", "decision_maker_met", "excuses_accepted")


def _rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_every_sample_lands_with_its_expected_verdicts(samples_run):
    assert samples_run["result"].exit_code == 0, samples_run["result"].output
    labels = sample_labels()
    rows = {r["file_name"]: r for r in _rows(samples_run["db"], "SELECT * FROM debriefs")}
    assert set(rows) == set(labels)
    wrong = [
        (name, field, rows[name][field], label["expected"][field])
        for name, label in labels.items()
        for field in VERDICTS
        if rows[name][field] != label["expected"][field]
    ]
    assert not wrong, wrong


def test_samples_cover_every_verdict_value():
    expected = [label["expected"] for label in sample_labels().values()]
    assert {e["followup"] for e in expected} == {"firm_in_person", "firm_remote", "tentative", "none"}
    assert {e["decision_maker_met"] for e in expected} == {"yes", "no", "unclear"}
    assert {e["excuses_accepted"] for e in expected} == {"yes", "no", "none"}


def test_rows_carry_rep_time_model_and_timed_evidence(samples_run):
    rows = _rows(samples_run["db"], "SELECT * FROM debriefs")
    for row in rows:
        assert row["rep"] in {p.name for p in samples_run["inbox"].iterdir() if p.is_dir()}
        assert row["recorded_at"][:2] == "20" and "T" in row["recorded_at"]
        assert row["model"] == "tiny.en" and row["duration_s"] > 5
        assert isinstance(json.loads(row["excuses"]), list)
        evidence = _rows(samples_run["db"], "SELECT * FROM evidence WHERE memo_id = ?", [row["id"]])
        for e in evidence:
            assert 0 <= e["start_s"] < e["end_s"] <= row["duration_s"] + 0.5, e
            assert e["sentence"] in row["transcript"]
    assert _rows(samples_run["db"], "SELECT count(*) AS n FROM evidence WHERE field = 'followup'")[0]["n"] > 0


def test_second_run_adds_nothing(samples_run):
    before = _rows(samples_run["db"], "SELECT count(*) AS n FROM evidence")[0]["n"]
    result = CliRunner().invoke(app, ["run", str(samples_run["inbox"]), "--db", str(samples_run["db"]), "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["processed"] == 0 and summary["skipped_known"] == len(sample_labels())
    assert _rows(samples_run["db"], "SELECT count(*) AS n FROM evidence")[0]["n"] == before
    assert _rows(samples_run["db"], "SELECT count(*) AS n FROM memos")[0]["n"] == len(sample_labels())


def _silence(path, seconds=3):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\x00\x00" * 16000 * seconds)


def test_bad_files_are_recorded_and_the_others_processed(tmp_path):
    inbox = tmp_path / "inbox" / "sam"
    inbox.mkdir(parents=True)
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "good memo.flac")
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "same bytes again.flac")
    (inbox / "empty.m4a").write_bytes(b"")
    (inbox / "random.m4a").write_bytes(bytes(range(256)) * 40)
    (inbox / "notes.wav").write_text("call Tom back on Tuesday\n" * 20)
    (inbox / "cut.flac").write_bytes((SHARED_AUDIO / "jfk.flac").read_bytes()[:400_000])
    _silence(inbox / "pocket.wav")
    (inbox / "readme.txt").write_text("not a memo")
    db_path = tmp_path / "d.db"

    result = CliRunner().invoke(app, ["run", str(tmp_path / "inbox"), "--db", str(db_path), "--json"])

    assert result.exit_code == 1  # some files failed
    summary = json.loads(result.stdout)
    assert summary["processed"] == 1 and summary["skipped_known"] == 1
    # the same bytes would fail the same way again: set aside at once, not retried
    assert summary["no_speech"] == 1 and summary["quarantined"] == 4 and summary["failed"] == 0
    memos = {r["file_name"]: r for r in _rows(db_path, "SELECT * FROM memos")}
    assert memos["good memo.flac"]["status"] == "done"
    assert memos["pocket.wav"]["status"] == "no_speech"
    assert {memos[n]["status"] for n in ("empty.m4a", "random.m4a", "notes.wav", "cut.flac")} == {"quarantined"}
    assert "empty" in memos["empty.m4a"]["error"]
    assert "not a readable audio file" in memos["random.m4a"]["error"]
    assert "not a readable audio file" in memos["notes.wav"]["error"]
    assert "truncated" in memos["cut.flac"]["error"]
    assert "readme.txt" not in memos
    assert len(_rows(db_path, "SELECT * FROM debriefs")) == 1
    assert all(p.exists() for p in inbox.iterdir())  # nothing moved or deleted


def test_rep_option_overrides_folder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "memo.flac")
    db_path = tmp_path / "d.db"
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db_path), "--rep", "Jordan", "--settle", "0"])
    assert result.exit_code == 0, result.output
    assert _rows(db_path, "SELECT rep FROM debriefs") == [{"rep": "Jordan"}]


def test_missing_model_fails_before_touching_anything(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "memo.flac")
    db_path = tmp_path / "d.db"
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db_path), "--model", "no-such-model"])
    assert result.exit_code == 2
    assert "no-such-model" in result.stderr and "Traceback" not in result.output
    assert not db_path.exists()


def test_recording_time_comes_from_the_container_tag_else_the_file_time(tmp_path):
    inbox = tmp_path / "inbox" / "lee"
    inbox.mkdir(parents=True)
    write_m4a(inbox / "tagged.m4a", SHARED_AUDIO / "jfk.flac", "2026-03-04T10:15:00.000000Z")
    untagged = write_m4a(inbox / "untagged.m4a", SHARED_AUDIO / "sense_and_sensibility_01_austen_64kb-0870.wav")
    os.utime(untagged, (1767261600, 1767261600))  # 2026-01-01T10:00:00Z
    db_path = tmp_path / "d.db"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "inbox"), "--db", str(db_path), "--settle", "0"])
    assert result.exit_code == 0, result.output
    recorded = {r["file_name"]: r["recorded_at"] for r in _rows(db_path, "SELECT * FROM debriefs")}
    assert recorded == {"tagged.m4a": "2026-03-04T10:15:00+00:00", "untagged.m4a": "2026-01-01T10:00:00+00:00"}


def test_a_memo_finished_earlier_in_the_run_is_not_counted_as_skipped(tmp_path):
    """Passes of one run are merged: a later pass finding a memo 'known' does not undo 'done'."""
    from pathlib import Path

    from debrief.records import MemoFile, MemoResult, RunSummary

    def result(name, status):
        return MemoResult(MemoFile(Path(name), name, name * 8, 1, None, ""), status)

    first = RunSummary([result("a.m4a", "done"), result("b.m4a", "unsettled"), result("c.m4a", "known")])
    later = RunSummary([result("a.m4a", "known"), result("b.m4a", "done"), result("c.m4a", "known")])
    merged = first.merge(later).to_dict()
    assert merged["processed"] == 2 and merged["skipped_known"] == 1 and merged["still_being_written"] == 0
