"""`debrief run`: the inbox, once or watched, with a progress bar and a summary.

The library does the pass (`intake.pipeline`) and reports progress through a
callback; this module only draws the bar and prints the summary, on stderr,
so `--json` leaves stdout to the summary alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from ..config import DEFAULT_MODEL, TranscribeSettings, default_db_path
from .options import DbOption, SpacyOption, err, fail, load_analyzer

app = typer.Typer()


@app.command()
def run(
    inbox: Path = typer.Argument(..., help="Folder of memos; the first folder level is the rep."),
    db: Optional[Path] = DbOption,
    rep: Optional[str] = typer.Option(None, help="Rep name for every memo (instead of the folder)."),
    model: str = typer.Option(DEFAULT_MODEL, envvar="DEBRIEF_MODEL", help="Whisper model: a name in models/ or the path of a CTranslate2 folder."),
    device: str = typer.Option("cpu", envvar="DEBRIEF_DEVICE", help="cpu, cuda or auto."),
    compute_type: str = typer.Option("int8", envvar="DEBRIEF_COMPUTE_TYPE", help="int8, float16, float32, ..."),
    language: str = typer.Option("en", envvar="DEBRIEF_LANGUAGE", help="Spoken language."),
    beam_size: int = typer.Option(1, envvar="DEBRIEF_BEAM_SIZE", help="Beam size of the first decoding: 1 is greedy."),
    fallback_beam_size: int = typer.Option(5, envvar="DEBRIEF_FALLBACK_BEAM_SIZE", help="Decode again with this beam size when the first decoding looks unreliable (a low-scored segment, too few words for the speech); 0 = never."),
    vad: bool = typer.Option(True, "--vad/--no-vad", envvar="DEBRIEF_VAD", help="Skip silence with the VAD filter."),
    word_timestamps: bool = typer.Option(True, "--word-timestamps/--no-word-timestamps", envvar="DEBRIEF_WORD_TIMESTAMPS", help="Time evidence by words, not only segments."),
    condition_on_previous_text: bool = typer.Option(False, "--condition-on-previous-text/--no-condition-on-previous-text", envvar="DEBRIEF_CONDITION_ON_PREVIOUS_TEXT", help="Feed each window the previous text (can loop on noise)."),
    cpu_threads: int = typer.Option(0, envvar="DEBRIEF_CPU_THREADS", help="Whisper CPU threads (0 = CTranslate2's default)."),
    spacy_model: str = SpacyOption,
    after: str = typer.Option("keep", envvar="DEBRIEF_AFTER", help="What to do with the audio once its debrief is stored: keep, move (to processed/, failures to quarantine/), or delete:N (move, delete after N days)."),
    processed_dir: Optional[Path] = typer.Option(None, envvar="DEBRIEF_PROCESSED_DIR", help="Where processed audio goes (default: beside the inbox, processed/)."),
    quarantine_dir: Optional[Path] = typer.Option(None, envvar="DEBRIEF_QUARANTINE_DIR", help="Where unusable audio goes (default: beside the inbox, quarantine/)."),
    settle: float = typer.Option(5.0, envvar="DEBRIEF_SETTLE", help="Seconds a file must stay unchanged before it is taken (20 at least for a file seen growing)."),
    wait_incomplete: float = typer.Option(600.0, envvar="DEBRIEF_WAIT_INCOMPLETE", help="Seconds to wait for a quiet file whose container is cut short (no Ogg end page, no MP4 moov, WAV shorter than its header) before it is set aside as truncated."),
    timeout: float = typer.Option(600.0, envvar="DEBRIEF_TIMEOUT", help="Seconds one memo may take to decode and transcribe."),
    max_duration: float = typer.Option(7200.0, envvar="DEBRIEF_MAX_DURATION", help="Longest memo taken, in seconds."),
    max_attempts: int = typer.Option(4, envvar="DEBRIEF_MAX_ATTEMPTS", help="Tries before a memo that keeps failing is quarantined."),
    jobs: int = typer.Option(0, "--jobs", "-j", envvar="DEBRIEF_JOBS", help="Memos transcribed at once, each with its share of the cores (default: the number of cores)."),
    watch: bool = typer.Option(False, "--watch", help="Keep running: process new memos as they arrive (Ctrl-C stops)."),
    poll: Optional[float] = typer.Option(None, help="With --watch: poll every N seconds instead of file events (network shares)."),
    rescan: float = typer.Option(300.0, help="With --watch: full rescan every N seconds, for missed events."),
    allow_forgotten: bool = typer.Option(False, "--allow-forgotten", help="Debrief again memos that were forgotten (`debrief forget`); refused otherwise."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON."),
) -> None:
    """Transcribe, analyze and store every memo under INBOX (already known memos are skipped)."""
    from ..intake.archive import ArchiveError, Disposal
    from ..speech.transcribe import ModelNotFound, resolve_model

    if not inbox.is_dir():
        fail(f"inbox {inbox} is not a folder")
    settings = TranscribeSettings(
        model=model, device=device, compute_type=compute_type, language=language,
        beam_size=beam_size, fallback_beam_size=fallback_beam_size, vad_filter=vad, word_timestamps=word_timestamps,
        condition_on_previous_text=condition_on_previous_text, cpu_threads=cpu_threads,
    )
    try:
        resolve_model(settings.model)  # fails here, before any file is touched
        disposal = Disposal.for_inbox(inbox, after, processed_dir, quarantine_dir)
    except (ModelNotFound, ArchiveError) as error:
        fail(str(error))
    from ..intake.pipeline import RunOptions, Runner
    from ..intake.watch import StopFlag, watch_inbox
    from ..intake.worker import WorkerPool
    from ..store.db import DatabaseUnusable, open_db

    jobs = jobs or os.cpu_count() or 1
    options = RunOptions(rep, settle, timeout, max_duration, max_attempts, jobs, wait_incomplete, allow_forgotten)
    stop = StopFlag()
    stop.install()
    try:
        database = open_db(db or default_db_path())
    except DatabaseUnusable as error:
        fail(str(error))
    with database, WorkerPool(settings, timeout, max_duration, jobs) as pool:
        runner = Runner(inbox, database, pool, lambda: load_analyzer(spacy_model), disposal, options)
        if watch:
            watch_inbox(inbox, lambda: runner.run_pass(should_stop=stop), _report_pass, stop, settle, rescan, poll,
                        on_ready=lambda: err(f"watching {inbox} (Ctrl-C to stop)"))
            return
        summary = _with_progress(lambda cb: _until_settled(runner, cb, stop, settle))
    _print_summary(summary, as_json)
    if summary.failed:
        raise typer.Exit(1)


def _until_settled(runner, on_progress, stop, settle: float):
    """Passes until no file is still being written or cut short (waiting at most a
    minute or 12 settle times; what is left is reported for the next run)."""
    import time

    summary = runner.run_pass(on_progress, stop)
    deadline = time.monotonic() + max(60.0, 12 * settle)
    arriving = lambda: summary.count("unsettled") + summary.count("incomplete")  # noqa: E731
    while arriving() and not stop() and time.monotonic() < deadline:
        time.sleep(min(settle, 1.0))
        summary = summary.merge(runner.run_pass(None, stop))
    return summary


def _with_progress(work):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    ) as progress:
        task = progress.add_task("memos", total=None)

        def on_progress(stage: str, index: int, total: int, path: Path) -> None:
            from ..review.render import printable

            name = printable(path.name)
            name = name if len(name) <= 40 else name[:37] + "..."
            progress.update(task, total=total, completed=index, description=name)

        return work(on_progress)


def _print_summary(summary, as_json: bool) -> None:
    """File names are printed escaped: a newline or a terminal escape code in a name is shown, not obeyed."""
    from ..review.render import printable

    data = summary.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    err(
        f"{data['processed']} processed, {data['skipped_known']} skipped as already known, "
        f"{data['no_speech']} without speech, {data['failed']} failed (will retry), "
        f"{data['quarantined']} quarantined"
    )
    waiting = {"busy_elsewhere": "being processed by another run", "waiting_to_retry": "waiting to retry",
               "still_being_written": "still being written, left for the next run",
               "incomplete": "quiet but cut short (no end of file yet), left for the next run",
               "refused_forgotten": "forgotten before (debrief forget), refused; --allow-forgotten takes them"}
    for key, words in waiting.items():
        if data[key]:
            err(f"  {data[key]} {words}")
    for failure in data["failures"]:
        err(f"  {failure['status']}: {printable(failure['path'])}: {printable(failure['error'])}")
    for skipped in data["skipped"]:
        err(f"  skipped: {printable(skipped['path'])}: {skipped['reason']}")


def _report_pass(summary) -> None:
    from ..review.render import printable

    for r in summary.results:
        if r.status in ("done", "no_speech", "failed", "quarantined", "forgotten"):
            detail = f": {r.error}" if r.error and r.status != "no_speech" else ""
            err(printable(f"{r.status:<11} {r.memo.rep or '-'}/{r.memo.file_name}{detail}"))
