"""Decode and transcribe in child processes, each with a time limit.

A file that hangs the decoder or crashes it (FFmpeg is C code fed with
untrusted bytes) must cost one memo, not the run: a worker that runs past
the limit is killed, and a worker that dies is replaced on the next memo.
Each worker loads the Whisper model once and serves one memo at a time;
several workers (`--jobs`) use several cores, each with its share of
CTranslate2's threads. The analysis stays in the parent: it is 1-2% of the
time, and one spaCy pipeline there costs less memory than one per worker. Workers ignore Ctrl-C, so stopping a run
lets the memos in hand finish.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, replace
from multiprocessing.connection import wait
from pathlib import Path

from ..config import TranscribeSettings
from ..speech.audio import AudioError, decode_audio, probe_audio, too_long
from . import faults

STARTUP_TIMEOUT_S = 300  # loading a large model from a slow disk is not counted against a memo


class WorkerFailure(Exception):
    """The worker did not answer: it timed out or died. Worth a retry."""


@dataclass
class WorkResult:
    info: object  # AudioInfo
    transcript: object  # Transcript
    timings: dict  # seconds per stage: decode, transcribe


def threads_per_worker(settings: TranscribeSettings, jobs: int) -> int:
    """Split the cores between workers unless the user fixed a thread count."""
    if settings.cpu_threads:
        return settings.cpu_threads
    return max(1, (os.cpu_count() or 1) // max(jobs, 1))


class TranscriptionWorker:
    """One child process: `submit` a path, then `result()` once its connection is ready."""

    def __init__(self, settings: TranscribeSettings, timeout_s: float, max_duration_s: float):
        self.settings = settings
        self.timeout_s, self.max_duration_s = timeout_s, max_duration_s
        self._context = multiprocessing.get_context("spawn")  # no inherited locks or threads
        self._process = self._conn = None
        self._ready = False
        self.deadline: float | None = None  # when the memo in hand runs out of time

    @property
    def connection(self):
        return self._conn

    @property
    def busy(self) -> bool:
        return self.deadline is not None

    def submit(self, path: Path, name: str | None = None) -> None:
        """Hand over the file to decode (a memo's snapshot) and the memo's name."""
        self._start()
        self._conn.send((str(path), name))
        self.deadline = time.monotonic() + self.timeout_s

    def result(self) -> WorkResult:
        """The answer to the memo in hand (call when its connection is ready or its time is up)."""
        try:
            if time.monotonic() >= self.deadline and not self._conn.poll():
                self._stop()
                raise WorkerFailure(f"timed out after {self.timeout_s:g} s")
            try:
                kind, *payload = self._conn.recv()
            except (EOFError, OSError):
                raise WorkerFailure(f"the decoder crashed (exit code {self._stop()})") from None
        finally:
            self.deadline = None
        if kind == "audio_error":
            raise AudioError(payload[0])
        if kind == "error":
            raise WorkerFailure(f"transcription failed ({payload[0]})")
        return payload[0]

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive() and self._ready:
            return
        self.launch()
        self.await_ready()

    def launch(self) -> None:
        """Start the child without waiting for it (workers load their models side by side)."""
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        parent, child = self._context.Pipe()
        self._process = self._context.Process(
            target=_serve, args=(child, self.settings, self.max_duration_s), daemon=True)
        self._process.start()
        child.close()
        self._conn, self._ready = parent, False

    def await_ready(self) -> None:
        if self._ready:
            return
        parent = self._conn
        if not parent.poll(STARTUP_TIMEOUT_S):
            self._stop()
            raise WorkerFailure("the transcription worker did not start")
        try:
            parent.recv()  # ("ready",): models loaded, the clock can start
        except (EOFError, OSError):
            raise WorkerFailure(f"the transcription worker failed to start (exit code {self._stop()})") from None
        self._ready = True

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


class WorkerPool:
    """`jobs` workers sharing the machine's cores; closed as a context manager."""

    def __init__(self, settings: TranscribeSettings, timeout_s: float, max_duration_s: float, jobs: int = 1):
        threaded = replace(settings, cpu_threads=threads_per_worker(settings, jobs))
        # Fewer malloc arenas: a worker's memory stays flat over hundreds of memos.
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        self.workers = [TranscriptionWorker(threaded, timeout_s, max_duration_s)
                        for _ in range(max(jobs, 1))]

    def start(self) -> None:
        """Launch every worker, then wait for all: N models load in the time of one."""
        for worker in self.workers:
            worker.launch()
        for worker in self.workers:
            try:
                worker.await_ready()
            except WorkerFailure:
                pass  # this worker retries its start on its first memo, and reports there

    def idle(self) -> list[TranscriptionWorker]:
        return [w for w in self.workers if not w.busy]

    def finished(self) -> list[TranscriptionWorker]:
        """Busy workers with an answer or out of time; blocks until there is one."""
        busy = [w for w in self.workers if w.busy]
        if not busy:
            return []
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.connection for w in busy], timeout=timeout))
        now = time.monotonic()
        return [w for w in busy if w.connection in ready or now >= w.deadline]

    def close(self) -> None:
        for worker in self.workers:
            worker.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, settings: TranscribeSettings, max_duration_s: float) -> None:
    """The child: load the model once, then answer one path at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..speech.transcribe import WhisperTranscriber

    transcriber = WhisperTranscriber(settings)
    transcriber.load()
    conn.send(("ready",))
    while True:
        try:
            path, name = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_work_on(transcriber, Path(path), max_duration_s, name))


def _work_on(transcriber, path: Path, max_duration_s: float, name: str | None = None) -> tuple:
    try:
        started = time.perf_counter()
        faults.check("decode", name)
        info = probe_audio(path)
        if info.stated_duration_s and info.stated_duration_s > max_duration_s:
            raise AudioError(too_long(info.stated_duration_s, max_duration_s))
        samples = decode_audio(path, info, max_duration_s)  # stops at the cap, whatever the file states
        decoded = time.perf_counter()
        faults.check("transcribe", name)
        transcript = transcriber.transcribe(samples)
        timings = {"decode": decoded - started, "transcribe": time.perf_counter() - decoded}
        return ("ok", WorkResult(info, transcript, timings))
    except AudioError as error:
        return ("audio_error", str(error))
    except Exception as error:  # never send text that might hold transcript words
        return ("error", type(error).__name__)

