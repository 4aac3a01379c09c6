"""Shared fixtures: real models loaded once per session, every database in tmp_path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "inbox"
SHARED_AUDIO = ROOT.parent / "shared" / "audio"

from debrief.review.metrics import word_error_rate  # noqa: E402,F401  (tests import it from here)


def sample_labels() -> dict[str, dict]:
    """Expected verdicts of every bundled sample memo, keyed by audio file name."""
    labels = {}
    for label_file in sorted(SAMPLES.rglob("*.json")):
        audio = [p for p in label_file.parent.glob(label_file.stem + ".*") if p.suffix != ".json"]
        if audio:
            labels[audio[0].name] = json.loads(label_file.read_text())
    return labels


@pytest.fixture(scope="session")
def analyzer():
    from debrief.analyze import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def rules_analyzer():
    """The trained pipeline with the rules alone deciding: what the rule tests test."""
    from debrief.analyze import Analyzer

    return Analyzer(weigh=False)


@pytest.fixture(scope="session")
def blank_analyzer():
    from debrief.analyze import Analyzer

    return Analyzer("blank")


@pytest.fixture(scope="session", params=["trained", "blank"])
def any_analyzer(request, rules_analyzer, blank_analyzer):
    """The rules on either pipeline (the weighing needs the trained one; test_weighing tests it)."""
    return rules_analyzer if request.param == "trained" else blank_analyzer


@pytest.fixture(scope="session")
def transcriber():
    from debrief.config import TranscribeSettings
    from debrief.speech.transcribe import WhisperTranscriber

    return WhisperTranscriber(TranscribeSettings())


@pytest.fixture
def samples_copy(tmp_path) -> Path:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    return inbox


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory):
    """`debrief run` once over a copy of the samples; tests read the database it filled."""
    from typer.testing import CliRunner

    from debrief.cli import app

    base = tmp_path_factory.mktemp("samples_run")
    inbox = base / "inbox"
    shutil.copytree(SAMPLES, inbox)
    db_path = base / "debrief.db"
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db_path), "--json"])
    return {"inbox": inbox, "db": db_path, "result": result}


def memos_by_name(db) -> dict[str, dict]:
    """Every row of `memos`, keyed by file name: what a run recorded about each file."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {r["file_name"]: dict(r) for r in conn.execute("SELECT * FROM memos")}
    finally:
        conn.close()


def write_m4a(path: Path, source: Path, creation_time: str | None = None) -> Path:
    """Real speech re-encoded to AAC in an .m4a, as a phone records it, optionally tagged."""
    return encode_audio(path, source, "aac", creation_time)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy (WAL included) through SQLite's backup API."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close(), dst.close()
    return target


@pytest.fixture
def manager_db(samples_run, tmp_path) -> Path:
    """A private copy of the database the real `debrief run` filled from the samples."""
    return copy_database(samples_run["db"], tmp_path / "debrief.db")


def encode_audio(path: Path, source: Path, codec: str, creation_time: str | None = None) -> Path:
    """Re-encode real speech with PyAV (aac in .m4a, libmp3lame in .mp3, flac, ...)."""
    import av
    import numpy as np
    from faster_whisper.audio import decode_audio

    samples = (decode_audio(str(source)) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(path), "w") as out:
        if creation_time:
            out.metadata["creation_time"] = creation_time
        stream = out.add_stream(codec, rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.rate = 16000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    return path


def write_video_without_audio(path: Path, seconds: int = 2) -> Path:
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(seconds * 10):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 10 % 255, np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
