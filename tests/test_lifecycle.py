"""Exactly one debrief per memo, whatever happens: real processes, killed, racing, watching."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time


from .conftest import SAMPLES, SHARED_AUDIO
from .processes import StderrLines, query, scalar_or_none, start_debrief, wait_until

AUDIO_SUFFIXES = {".ogg", ".m4a", ".opus", ".wav", ".flac", ".mp3"}
MEMOS = sorted(p for p in SAMPLES.rglob("*") if p.suffix in AUDIO_SUFFIXES)


def _start(*args, **kwargs):
    return start_debrief(*args, **kwargs)


def _run(*args, timeout=300):
    process = _start(*args)
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


_query = query


def _inbox_of_samples(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox, ignore=shutil.ignore_patterns("*.json"))
    return inbox


def _assert_one_debrief_per_memo(db):
    rows = _query(db, "SELECT file_sha256 FROM debriefs")
    assert len(rows) == len(MEMOS) == len(set(rows))
    assert _query(db, "SELECT count(*) FROM memos WHERE status != 'done'") == [(0,)]


def test_sigkill_mid_memo_loses_and_duplicates_nothing(tmp_path):
    inbox, db = _inbox_of_samples(tmp_path), tmp_path / "d.db"
    process = _start("run", inbox, "--db", db, "--settle", "0")
    in_progress = lambda: (  # noqa: E731
        (scalar_or_none(db, "SELECT count(*) FROM memos WHERE status = 'processing'") or 0) >= 1
        and (scalar_or_none(db, "SELECT count(*) FROM memos WHERE status = 'done'") or 0) >= 2)
    assert wait_until(in_progress, every_s=0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its worker, mid-memo
    process.wait()
    killed = _query(db, "SELECT file_sha256 FROM memos WHERE status = 'processing'")
    assert 1 <= len(killed) <= 2  # one memo in hand per worker (--jobs defaults to the cores)

    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--json")

    assert code == 0, err
    _assert_one_debrief_per_memo(db)
    for sha in killed:  # each lease taken over, finished, no lease left; the kill spent no attempt
        assert _query(db, "SELECT attempts, lease_owner FROM memos WHERE file_sha256 = ?", sha) == [(1, None)]
    assert json.loads(out)["skipped_known"] >= 2


def test_two_runs_at_once_share_the_work(tmp_path):
    inbox, db = _inbox_of_samples(tmp_path), tmp_path / "d.db"
    first = _start("run", inbox, "--db", db, "--settle", "0", "--json")
    second = _start("run", inbox, "--db", db, "--settle", "0", "--json")
    results = [p.communicate(timeout=600) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    _assert_one_debrief_per_memo(db)
    summaries = [json.loads(out) for out, _ in results]
    assert sum(s["processed"] for s in summaries) == len(MEMOS)
    assert _query(db, "SELECT max(attempts) FROM memos") == [(1,)]


def test_a_slowly_written_file_is_processed_once_and_complete(tmp_path):
    """The half-written Ogg has no end-of-stream page, so it is never taken early,
    however slowly the writer goes or however loaded the machine is."""
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    memo = next(p for p in MEMOS if p.suffix == ".ogg")
    data = memo.read_bytes()
    target = inbox / "ana" / "arriving.ogg"
    half = len(data) // 2
    target.write_bytes(data[:half])
    run = _start("run", inbox, "--db", db, "--settle", "1", "--json")
    with open(target, "ab") as f:  # the sync client carries on, in pieces
        for i in range(half, len(data), 4096):
            f.write(data[i:i + 4096])
            f.flush()
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    import hashlib

    assert _query(db, "SELECT file_sha256, status FROM memos") == [(hashlib.sha256(data).hexdigest(), "done")]


def test_watch_picks_up_new_files_and_missed_ones_by_rescan(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    debriefs = lambda n: lambda: scalar_or_none(db, "SELECT count(*) FROM debriefs") == n  # noqa: E731
    watcher = _start("run", inbox, "--db", db, "--watch", "--settle", "0.5", "--rescan", "600")
    stderr = StderrLines(watcher)
    try:
        assert stderr.wait_for("watching")  # file events are watched from here on
        shutil.copy(MEMOS[0], inbox / "ana" / ("dropped" + MEMOS[0].suffix))
        assert wait_until(debriefs(1))
    finally:
        os.killpg(watcher.pid, signal.SIGINT)
        watcher.wait(timeout=60)
    assert watcher.returncode == 0

    # Polling every hour means no event arrives in time: only the rescan can find the file.
    watcher = _start("run", inbox, "--db", db, "--watch", "--settle", "0.5", "--poll", "3600", "--rescan", "2")
    stderr = StderrLines(watcher)
    try:
        assert stderr.wait_for("watching")
        shutil.copy(MEMOS[1], inbox / "ana" / ("missed" + MEMOS[1].suffix))
        assert wait_until(debriefs(2))
    finally:
        os.killpg(watcher.pid, signal.SIGINT)
        watcher.wait(timeout=60)
    assert watcher.returncode == 0
    assert "missed" in stderr.text()


def test_move_after_commit_and_quarantine_with_reason(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    shutil.copy(MEMOS[0], inbox / "ana" / "Recording.ogg")
    shutil.copy(MEMOS[1], tmp_path / "Recording.ogg")
    (inbox / "ana" / "broken.m4a").write_bytes(os.urandom(4000))
    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--after", "move")
    assert code == 1  # broken.m4a
    assert (tmp_path / "processed" / "ana" / "Recording.ogg").exists()
    assert "not a readable audio file" in (tmp_path / "quarantine" / "ana" / "broken.m4a.error.txt").read_text()
    assert list((inbox / "ana").iterdir()) == []
    # A different memo under the same name a day later: a second memo, both kept.
    shutil.move(tmp_path / "Recording.ogg", inbox / "ana" / "Recording.ogg")
    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--after", "move")
    assert code == 0, err
    assert len(list((tmp_path / "processed" / "ana").glob("Recording*.ogg"))) == 2
    assert _query(db, "SELECT count(*) FROM debriefs") == [(2,)]


def test_processed_folder_inside_the_inbox_is_refused(tmp_path):
    (tmp_path / "inbox").mkdir()
    code, out, err = _run("run", tmp_path / "inbox", "--db", tmp_path / "d.db", "--after", "move",
                          "--processed-dir", tmp_path / "inbox" / "done")
    assert code == 2 and "inside the inbox" in err


def test_timeouts_are_retried_later_then_quarantined(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "ana" / "memo.flac")
    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--timeout", "0.05", "--json")
    assert code == 1 and json.loads(out)["failed"] == 1
    [(status, error, retry_at)] = _query(db, "SELECT status, error, next_attempt_at FROM memos")
    assert status == "failed" and "timed out" in error and retry_at
    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--json")
    assert json.loads(out)["waiting_to_retry"] == 1  # not due yet
    conn = sqlite3.connect(db)
    conn.execute("UPDATE memos SET next_attempt_at = '2000-01-01'")
    conn.commit(), conn.close()
    code, out, err = _run("run", inbox, "--db", db, "--settle", "0", "--timeout", "0.05", "--max-attempts", "2")
    assert _query(db, "SELECT status FROM memos") == [("quarantined",)]
    assert "gave up after 2 attempts" in err


def test_database_and_its_wal_are_private(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    shutil.copy(SHARED_AUDIO / "jfk.flac", inbox / "ana" / "memo.flac")
    process = _start("run", inbox, "--db", db, "--watch", "--settle", "0")
    try:
        assert wait_until(lambda: scalar_or_none(db, "SELECT count(*) FROM debriefs") == 1)
        for path in (db, db.with_name("d.db-wal"), db.with_name("d.db-shm")):
            assert path.exists() and os.stat(path).st_mode & 0o077 == 0, path
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.communicate(timeout=60)
