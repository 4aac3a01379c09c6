"""Decode and transcribe in a child process, with a time limit.

A file that hangs the decoder or crashes it (FFmpeg is C code fed with
untrusted bytes) must cost one memo, not the run. The child loads the
Whisper model once and serves one file at a time; when it runs past the
limit it is killed, and when it dies it is replaced on the next file. The
child ignores Ctrl-C, so stopping a run lets the current memo finish.
"""

from __future__ import annotations

import multiprocessing
import signal
from pathlib import Path

from .audio import AudioError, decode_audio, probe_audio
from .config import TranscribeSettings


class WorkerFailure(Exception):
    """The worker did not answer: it timed out or died. Worth a retry."""


STARTUP_TIMEOUT_S = 300  # loading a large model from a slow disk; not counted against a memo


class TranscriptionWorker:
    def __init__(self, settings: TranscribeSettings, timeout_s: float, max_duration_s: float):
        self.settings = settings
        self.timeout_s = timeout_s
        self.max_duration_s = max_duration_s
        self._context = multiprocessing.get_context("spawn")  # no inherited locks or threads
        self._process = None
        self._conn = None

    def transcribe_file(self, path: Path):
        """(AudioInfo, Transcript) for the file; AudioError if the bytes are unusable."""
        self._start()
        self._conn.send(str(path))
        if not self._conn.poll(self.timeout_s):
            self._stop()
            raise WorkerFailure(f"timed out after {self.timeout_s:g} s")
        try:
            kind, *payload = self._conn.recv()
        except (EOFError, OSError):
            code = self._stop()
            raise WorkerFailure(f"the decoder crashed (exit code {code})") from None
        if kind == "audio_error":
            raise AudioError(payload[0])
        if kind == "error":
            raise WorkerFailure(f"transcription failed ({payload[0]})")
        return payload[0], payload[1]

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        parent, child = self._context.Pipe()
        self._process = self._context.Process(
            target=_serve, args=(child, self.settings, self.max_duration_s), daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(STARTUP_TIMEOUT_S):
            self._stop()
            raise WorkerFailure("the transcription worker did not start")
        try:
            parent.recv()  # ("ready",): the model is loaded, the clock can start
        except (EOFError, OSError):
            code = self._stop()
            raise WorkerFailure(f"the transcription worker failed to start (exit code {code})") from None

    def _stop(self) -> int | None:
        code = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            code = self._process.exitcode
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None
        return code

    def close(self) -> None:
        """Let the child finish its loop (EOF on the pipe) before anything harsher."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(10)
        self._stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, settings: TranscribeSettings, max_duration_s: float) -> None:
    """The child: load the model once, then answer one path at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .transcribe import WhisperTranscriber

    transcriber = WhisperTranscriber(settings)
    transcriber.load()
    conn.send(("ready",))
    while True:
        try:
            path = Path(conn.recv())
        except (EOFError, OSError):
            return
        conn.send(_transcribe_one(transcriber, path, max_duration_s))


def _transcribe_one(transcriber, path: Path, max_duration_s: float) -> tuple:
    try:
        info = probe_audio(path)
        if info.stated_duration_s and info.stated_duration_s > max_duration_s:
            raise AudioError(_too_long(info.stated_duration_s, max_duration_s))
        samples = decode_audio(path, info)
        if len(samples) / 16000 > max_duration_s:
            raise AudioError(_too_long(len(samples) / 16000, max_duration_s))
        return ("ok", info, transcriber.transcribe(samples))
    except AudioError as error:
        return ("audio_error", str(error))
    except Exception as error:  # never send text that might hold transcript words
        return ("error", type(error).__name__)


def _too_long(seconds: float, cap: float) -> str:
    return f"too long: {seconds / 60:.0f} min, over the {cap / 60:.0f} min limit (--max-duration)"
