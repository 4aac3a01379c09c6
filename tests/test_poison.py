"""One file never stops the inbox: whatever goes wrong with it, in any stage,
is recorded against that file and the other memos still land."""

import json
import os
import shutil
import sqlite3
import subprocess

import pytest
from typer.testing import CliRunner

from debrief.cli import app
from debrief.intake.faults import STAGES

from .conftest import memos_by_name, SHARED_AUDIO, encode_audio

JFK = SHARED_AUDIO / "jfk.flac"


_memos = memos_by_name


def _run(inbox, db, *extra):
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--settle", "0", "--json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result, json.loads(result.stdout)


def _inbox_with_good_memo(tmp_path):
    folder = tmp_path / "inbox" / "ana"
    folder.mkdir(parents=True)
    shutil.copy(JFK, folder / "good.flac")
    return folder


def test_a_symlink_loop_is_recorded_and_the_run_goes_on(tmp_path):
    folder = _inbox_with_good_memo(tmp_path)
    os.symlink("x.wav", folder / "x.wav")  # ln -s x.wav x.wav
    result, summary = _run(folder.parent, tmp_path / "d.db")
    memos = _memos(tmp_path / "d.db")
    assert memos["good.flac"]["status"] == "done"
    assert memos["x.wav"]["status"] == "quarantined"
    assert "symbolic links" in memos["x.wav"]["error"]
    assert result.exit_code == 1 and summary["quarantined"] == 1 and summary["processed"] == 1


def test_a_name_too_long_to_take_a_suffix_in_processed_still_moves(tmp_path):
    folder = _inbox_with_good_memo(tmp_path)
    name = "r" * 245 + ".flac"  # 250 bytes; one more tag would pass NAME_MAX (ENAMETOOLONG)
    shutil.copy(JFK, folder / name)
    with open(folder / name, "ab") as f:
        f.write(b"\x01")  # other bytes than good.flac: a memo of its own
    (tmp_path / "processed" / "ana").mkdir(parents=True)
    (tmp_path / "processed" / "ana" / name).write_bytes(b"already here")
    result, summary = _run(folder.parent, tmp_path / "d.db", "--after", "move")
    assert result.exit_code == 0, result.output
    assert {m["status"] for m in _memos(tmp_path / "d.db").values()} == {"done"}
    assert (tmp_path / "processed" / "ana" / name).read_bytes() == b"already here"
    moved = [p for p in (tmp_path / "processed" / "ana").iterdir() if p.name != name and p.name != "good.flac"]
    assert len(moved) == 1 and len(os.fsencode(moved[0].name)) <= 255 and moved[0].suffix == ".flac"
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng to speak the memo")
def test_a_recording_time_at_the_end_of_time_fails_that_memo_only(tmp_path):
    """creation_time 9999-12-31 and 'tomorrow' in the memo: the date overflows."""
    folder = _inbox_with_good_memo(tmp_path)
    spoken = tmp_path / "spoken.wav"
    subprocess.run(["espeak-ng", "-s", "140", "-w", str(spoken), "We will meet at her office tomorrow at ten."],
                   check=True)
    encode_audio(folder / "doomsday.flac", spoken, "flac", "9999-12-31T10:00:00.000000Z")
    result, summary = _run(folder.parent, tmp_path / "d.db")
    memos = _memos(tmp_path / "d.db")
    assert memos["good.flac"]["status"] == "done"
    assert memos["doomsday.flac"]["status"] == "failed"
    assert "OverflowError" in memos["doomsday.flac"]["error"]
    assert result.exit_code == 1 and summary["failed"] == 1 and summary["processed"] == 1


def test_an_exception_in_any_stage_costs_that_memo_only(tmp_path, monkeypatch):
    folder = _inbox_with_good_memo(tmp_path)
    for i, stage in enumerate(STAGES):
        (folder / f"{stage}-fault.flac").write_bytes(JFK.read_bytes() + bytes([i + 1]))
    monkeypatch.setenv("DEBRIEF_FAULTS", ",".join(f"{stage}:{stage}-fault" for stage in STAGES))
    result, summary = _run(folder.parent, tmp_path / "d.db", "--after", "move")
    memos = _memos(tmp_path / "d.db")
    assert memos["good.flac"]["status"] == "done"
    assert (tmp_path / "processed" / "ana" / "good.flac").exists()
    for stage in ("claim", "decode", "transcribe", "analyze", "store"):
        memo = memos[f"{stage}-fault.flac"]
        assert memo["status"] == "failed" and "InjectedFault" in memo["error"], memo
        assert (folder / f"{stage}-fault.flac").exists()
    moved = memos["move-fault.flac"]  # committed before the move failed: kept, and the failure noted
    assert moved["status"] == "done" and "not moved" in moved["error"]
    assert (folder / "move-fault.flac").exists()
    conn = sqlite3.connect(tmp_path / "d.db")
    stored = {name for (name,) in conn.execute("SELECT file_name FROM debriefs")}
    assert stored == {"good.flac", "move-fault.flac"}  # the store fault left nothing half-written
    assert conn.execute("SELECT count(*) FROM transcripts").fetchone() == (2,)
    assert result.exit_code == 1 and summary["processed"] == 2 and summary["failed"] == 5
