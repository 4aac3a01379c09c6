"""One file at a time: inbox → audio gate → transcribe → analyze → store.

The CLI's `run` is a loop over `process_memo`. Models are passed in, loaded
once per run. A file that cannot be used is recorded with its reason and the
run goes on; nothing is moved or deleted here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import db as store
from .analyze import Analyzer
from .audio import AudioError, decode_audio, probe_audio, recorded_at
from .inbox import find_memo_paths, describe_memo
from .records import MemoFile, MemoResult, RunSummary
from .transcribe import WhisperTranscriber

ProgressCallback = Callable[[str, int, int, Path], None]  # (stage, index, total, path)
FINISHED = {"done", "no_speech", "forgotten"}  # a forgotten memo stays forgotten


def process_inbox(
    inbox: Path,
    database,
    transcriber: WhisperTranscriber,
    analyzer: Analyzer,
    rep: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    paths = find_memo_paths(inbox)
    summary, seen = RunSummary(), set()
    for index, path in enumerate(paths):
        if on_progress:
            on_progress("start", index, len(paths), path)
        try:
            memo = describe_memo(path, inbox, rep)
        except OSError as error:  # unreadable (permissions) or gone since the scan
            memo = MemoFile(path, path.name, "", 0, rep, "")
            summary.results.append(MemoResult(memo, "failed", f"cannot read file ({error.strerror})"))
            continue
        if memo.sha256 in seen:
            summary.results.append(MemoResult(memo, "known"))
        else:
            seen.add(memo.sha256)
            summary.results.append(process_memo(memo, database, transcriber, analyzer))
        if on_progress:
            on_progress("done", index + 1, len(paths), path)
    return summary


def process_memo(memo: MemoFile, database, transcriber, analyzer) -> MemoResult:
    """Process one memo unless it is already known; record the outcome either way."""
    if store.memo_status(database, memo.sha256) in FINISHED:
        return MemoResult(memo, "known")
    try:
        info = probe_audio(memo.path)
        when = recorded_at(info, memo.modified_at)
        transcript = transcriber.transcribe(decode_audio(memo.path, info))
    except AudioError as error:
        return _record_failure(database, memo, str(error))
    except Exception as error:  # a model crash must not stop the run; never log the text
        return _record_failure(database, memo, f"transcription failed ({type(error).__name__})")
    if not transcript.text:
        store.record_outcome(database, memo, "no_speech", "no speech detected", when)
        return MemoResult(memo, "no_speech", "no speech detected")
    debrief = analyzer.analyze(transcript)
    memo_id = store.save_debrief(database, memo, when, transcript, debrief, analyzer.pipeline_name)
    return MemoResult(memo, "done", memo_id=memo_id, debrief=debrief)


def _record_failure(database, memo: MemoFile, error: str) -> MemoResult:
    store.record_outcome(database, memo, "failed", error)
    return MemoResult(memo, "failed", error)
