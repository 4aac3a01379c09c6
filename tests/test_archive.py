"""Where audio goes after its outcome is committed: only the ledger's files are
deleted, links and races never crash a run."""

import json
import os
import shutil
import sqlite3
import time

from typer.testing import CliRunner

from debrief.cli import app
from debrief.intake import archive, ledger
from debrief.intake.archive import Disposal
from debrief.intake.inbox import describe_memo
from debrief.intake.pipeline import RunOptions, Runner
from debrief.store.db import open_db

from .conftest import SHARED_AUDIO

JFK = SHARED_AUDIO / "jfk.flac"


def _run(inbox, db, *extra):
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--settle", "0", "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _age(path, days):
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_delete_after_n_days_deletes_only_what_the_ledger_moved_by_its_sha256(tmp_path):
    folder, db = tmp_path / "inbox" / "ana", tmp_path / "d.db"
    folder.mkdir(parents=True)
    shutil.copy(JFK, folder / "one.flac")
    (folder / "two.flac").write_bytes(JFK.read_bytes() + b"\x02")
    assert _run(folder.parent, db, "--after", "delete:1")["processed"] == 2
    processed = tmp_path / "processed" / "ana"
    (processed / "two.flac").write_bytes(b"someone else's file under the moved name")
    (processed / "foreign.flac").write_bytes(b"put here by hand")
    (tmp_path / "processed" / "notes.txt").write_text("the manager's notes")
    for path in [*processed.iterdir(), tmp_path / "processed" / "notes.txt"]:
        _age(path, 2)

    _run(folder.parent, db, "--after", "delete:1")  # nothing new: only the sweep

    assert sorted(p.name for p in processed.iterdir()) == ["foreign.flac", "two.flac"]
    assert (tmp_path / "processed" / "notes.txt").exists()
    conn = sqlite3.connect(db)
    deleted = dict(conn.execute("SELECT file_name, deleted_at IS NOT NULL FROM memos"))
    assert deleted == {"one.flac": 1, "two.flac": 0}


def test_a_dangling_relative_link_under_move_does_not_crash(tmp_path):
    folder, db = tmp_path / "inbox" / "ana", tmp_path / "d.db"
    folder.mkdir(parents=True)
    shutil.copy(JFK, folder / "real.flac")
    os.symlink("real.flac", folder / "alias.flac")  # relative: dangles once either is moved
    os.symlink("missing.flac", folder / "dangling.flac")
    summary = _run(folder.parent, db, "--after", "move")
    assert summary["processed"] == 1 and summary["failed"] == summary["quarantined"] == 0
    assert os.path.islink(tmp_path / "processed" / "ana" / "alias.flac")  # moved as a link, now dangling
    _run(folder.parent, db, "--after", "move")  # the second name of the same bytes follows on the next run
    assert (tmp_path / "processed" / "ana" / "real.flac").read_bytes() == JFK.read_bytes()
    assert (tmp_path / "processed" / "ana" / "alias.flac").read_bytes() == JFK.read_bytes()
    assert os.path.islink(folder / "dangling.flac")  # a link to nothing is left alone


class _IdlePool:
    """One idle worker that is never used: a pass over known memos starts none."""

    def idle(self):
        return [None]

    def start(self):
        raise AssertionError("no memo here needs a worker")


def test_two_runs_racing_a_slow_rename_the_loser_does_not_crash(tmp_path, monkeypatch):
    inbox, db_path = tmp_path / "inbox", tmp_path / "d.db"
    (inbox / "ana").mkdir(parents=True)
    shutil.copy(JFK, inbox / "ana" / "memo.flac")
    ledger.finish(open_db(db_path), describe_memo(inbox / "ana" / "memo.flac", inbox), "no_speech")
    runners = [Runner(inbox, open_db(db_path), _IdlePool(), None, Disposal.for_inbox(inbox, "move"),
                      RunOptions(settle_s=0)) for _ in range(2)]
    real_replace, raced = os.replace, []

    def slow_replace(source, target):  # while the first run's rename is slow, the second run's lands
        if not raced:
            raced.append(True)
            runners[1].run_pass()
        return real_replace(source, target)

    monkeypatch.setattr(archive.os, "replace", slow_replace)
    runners[0].run_pass()  # loses the race: the file is gone when its rename comes

    assert raced and not (inbox / "ana" / "memo.flac").exists()
    assert (tmp_path / "processed" / "ana" / "memo.flac").read_bytes() == JFK.read_bytes()
