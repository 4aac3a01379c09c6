"""Broken and hostile input: each gets a clear, recorded outcome, and the run goes on."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debrief.cli import app

from .conftest import memos_by_name, SHARED_AUDIO, encode_audio, write_video_without_audio

JFK = SHARED_AUDIO / "jfk.flac"


_memos = memos_by_name


def _run(inbox, db, *extra):
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--settle", "0",
                                      "--wait-incomplete", "0", "--json", *extra])
    return result, json.loads(result.stdout) if result.stdout.strip() else None


@pytest.fixture
def hostile_inbox(tmp_path):
    inbox = tmp_path / "inbox" / "sam"
    inbox.mkdir(parents=True)
    shutil.copy(JFK, inbox / "good.flac")
    m4a = encode_audio(tmp_path / "full.m4a", JFK, "aac").read_bytes()
    mp3 = encode_audio(tmp_path / "full.mp3", JFK, "libmp3lame").read_bytes()
    (inbox / "cut.m4a").write_bytes(m4a[: len(m4a) // 2])
    (inbox / "cut.mp3").write_bytes(mp3[: len(mp3) // 3])
    (inbox / "cut.flac").write_bytes(JFK.read_bytes()[:300_000])
    write_video_without_audio(inbox / "screen recording.mp4")
    (inbox / "random.m4a").write_bytes(os.urandom(5000))
    (inbox / "empty.ogg").write_bytes(b"")
    return inbox


def test_every_broken_file_is_set_aside_with_its_reason(hostile_inbox, tmp_path):
    db = tmp_path / "d.db"
    result, summary = _run(hostile_inbox.parent, db)
    assert result.exit_code == 1
    memos = _memos(db)
    assert memos["good.flac"]["status"] == "done"
    reasons = {name: row["error"] for name, row in memos.items() if row["status"] == "quarantined"}
    assert set(reasons) == {"cut.m4a", "cut.mp3", "cut.flac", "screen recording.mp4", "random.m4a", "empty.ogg"}
    assert "truncated" in reasons["cut.mp3"] and "truncated" in reasons["cut.flac"]
    assert "no audio stream" in reasons["screen recording.mp4"]
    assert "empty file" in reasons["empty.ogg"]
    assert summary["quarantined"] == 6 and summary["processed"] == 1


def test_a_memo_over_the_length_limit_is_refused_before_decoding(tmp_path):
    (tmp_path / "inbox").mkdir()
    shutil.copy(JFK, tmp_path / "inbox" / "long.flac")
    result, summary = _run(tmp_path / "inbox", tmp_path / "d.db", "--max-duration", "5")
    assert summary["quarantined"] == 1
    assert "too long" in _memos(tmp_path / "d.db")["long.flac"]["error"]


def test_names_with_spaces_quotes_accents_and_non_utf8_bytes(tmp_path):
    inbox = tmp_path / "inbox"
    folder = inbox / "José"
    folder.mkdir(parents=True)
    names = ["memo with spaces.flac", "it's \"final\".flac", "Grüße – Büro.flac"]
    for i, name in enumerate(names):
        data = JFK.read_bytes() + bytes([i])  # distinct bytes: three memos
        (folder / name).write_bytes(data)
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.flac")
    with open(raw, "wb") as f:
        f.write(JFK.read_bytes() + b"\x09")
    result, summary = _run(inbox, tmp_path / "d.db")
    assert result.exit_code == 0, result.output
    memos = _memos(tmp_path / "d.db")
    assert set(memos) == {*names, "caf\\xe9.flac"}
    assert {m["rep"] for m in memos.values()} == {"José"}
    assert all(m["status"] == "done" for m in memos.values())


def test_a_file_that_vanishes_before_it_is_read_is_not_an_error(tmp_path):
    from debrief.intake.pipeline import Runner, RunOptions
    from debrief.intake.archive import Disposal

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    runner = Runner(inbox, None, None, None, Disposal.for_inbox(inbox, "keep"), RunOptions(settle_s=0))
    assert runner.prepare(inbox / "gone.m4a") is None


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv to run as an unprivileged user")
def test_an_unreadable_file_is_recorded_not_skipped():
    """Root reads everything, so this runs debrief as `nobody`."""
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", "1"],
                           capture_output=True)
    if probe.returncode != 0:  # e.g. the checkout sits in a folder only its owner may enter
        pytest.skip("the user nobody cannot run this Python (its folder is private)")
    work = Path(tempfile.mkdtemp(prefix="debrief-perm-"))
    try:
        os.chmod(work, 0o777)
        inbox = work / "inbox"
        inbox.mkdir()
        shutil.copy(JFK, inbox / "locked.flac")
        os.chmod(inbox / "locked.flac", 0o000)
        os.chmod(inbox, 0o777)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                   sys.executable, "-m", "debrief", "run", str(inbox), "--db", str(work / "d.db"), "--settle", "0"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "HOME": str(work)})
        if os.geteuid() != 0 and result.returncode == 1 and "setpriv" in result.stderr:
            pytest.skip("cannot switch user here")
        assert result.returncode == 1, result.stderr
        memos = _memos(work / "d.db")
        assert memos["locked.flac"]["status"] == "quarantined"
        assert "Permission denied" in memos["locked.flac"]["error"]
        assert (inbox / "locked.flac").exists()  # set aside in the record, never deleted
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _silent_flac_with_its_length_zeroed(path, minutes):
    """A FLAC whose STREAMINFO says 0 samples (unknown) while it holds `minutes` of audio."""
    import av
    import numpy as np

    samples = np.zeros((1, 16000 * 60 * minutes), np.int16)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("flac", rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.rate = 16000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    data = bytearray(path.read_bytes())
    data[21] &= 0xF0  # the total-samples field: the low 4 bits of byte 21 and bytes 22-25
    data[22:26] = bytes(4)
    path.write_bytes(bytes(data))
    return path


def test_max_duration_caps_decoding_as_samples_arrive_not_by_the_stated_length(tmp_path):
    (tmp_path / "inbox").mkdir()
    _silent_flac_with_its_length_zeroed(tmp_path / "inbox" / "hours.flac", 20)
    result, summary = _run(tmp_path / "inbox", tmp_path / "d.db", "--max-duration", "60")
    assert summary["quarantined"] == 1
    error = _memos(tmp_path / "d.db")["hours.flac"]["error"]
    assert "too long" in error and "decoding stopped there" in error


def test_white_noise_is_no_speech(tmp_path):
    import wave

    import numpy as np

    (tmp_path / "inbox").mkdir()
    noise = np.random.default_rng(7).standard_normal(16000 * 10) * 0.3 * 32767
    with wave.open(str(tmp_path / "inbox" / "pocket.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(noise.clip(-32767, 32767).astype(np.int16).tobytes())
    result, summary = _run(tmp_path / "inbox", tmp_path / "d.db")
    assert summary["no_speech"] == 1 and _memos(tmp_path / "d.db")["pocket.wav"]["status"] == "no_speech"


def test_a_transcript_of_only_punctuation_or_noise_notes_is_no_speech(tmp_path):
    """What Whisper writes for noise when it writes anything: no words, so no debrief."""
    from debrief.intake import ledger
    from debrief.intake.archive import Disposal
    from debrief.speech.audio import AudioInfo
    from debrief.store.db import open_db
    from debrief.intake.inbox import describe_memo
    from debrief.intake.pipeline import RunOptions, Runner
    from debrief.records import Transcript
    from debrief.intake.worker import WorkResult

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = open_db(tmp_path / "d.db")
    runner = Runner(inbox, db, None, lambda: pytest.fail("nothing to analyze"), Disposal.for_inbox(inbox, "keep"),
                    RunOptions(settle_s=0))
    for i, text in enumerate([" ...", " - -", " [Music]", " (static) ♪"]):
        path = inbox / f"noise{i}.wav"
        path.write_bytes(bytes([i]) * 100)
        memo = describe_memo(path, inbox)
        assert ledger.claim(db, memo, 60) == "claimed"

        class Answered:
            def result(self):
                return WorkResult(AudioInfo(10.0, None, "pcm"), Transcript(text, [], 10.0), {})

        assert runner._finish(memo, Answered()).status == "no_speech"
    assert {m["status"] for m in _memos(tmp_path / "d.db").values()} == {"no_speech"}


def test_names_with_newlines_or_escape_codes_are_printed_escaped(tmp_path):
    (tmp_path / "inbox").mkdir()
    name = "evil\x1b[31mred\nname.m4a"
    (tmp_path / "inbox" / name).write_bytes(os.urandom(3000))
    result = CliRunner().invoke(app, ["run", str(tmp_path / "inbox"), "--db", str(tmp_path / "d.db"),
                                      "--settle", "0"])
    assert result.exit_code == 1
    assert "evil\\x1b[31mred\\nname.m4a" in result.stderr
    assert "\x1b" not in result.stderr and "red\nname" not in result.stderr
