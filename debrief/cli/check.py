"""`debrief analyze`, `doctor`, `eval`, `patterns`: try the rules and the set-up, store nothing.

A transcript analyzed from the command line, the machine checked, the
verdicts scored against labeled memos (or against managers' corrections with
`eval --db`), the rules listed: each reads, none writes a debrief.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..config import DEFAULT_MODEL, TranscribeSettings, default_db_path
from .options import DbOption, SpacyOption, err, fail, load_analyzer

app = typer.Typer()


@app.command()
def analyze(
    text: str = typer.Argument("-", help="The transcript, or - to read it from stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object, with the debriefs column names."),
    spacy_model: str = SpacyOption,
    weigh: bool = typer.Option(True, "--weigh/--rules-only", help="--rules-only: the rules without the weighing (what they read in one sentence)."),
) -> None:
    """Analyze a transcript without audio and print the debrief."""
    from ..records import Transcript

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        fail("no transcript text given")
    debrief = load_analyzer(spacy_model, weigh).analyze(Transcript.from_text(text))
    if as_json:
        typer.echo(json.dumps(debrief.to_dict(), indent=2))
    else:
        from ..review.render import render_evidence, render_verdicts

        evidence = [vars(e) for e in debrief.evidence]
        typer.echo("\n".join(render_verdicts(debrief.verdicts()) + render_evidence(evidence)))


@app.command()
def doctor(
    inbox: Optional[Path] = typer.Argument(None, help="Also check this inbox and its output folders."),
    db: Optional[Path] = DbOption,
    model: str = typer.Option(DEFAULT_MODEL, envvar="DEBRIEF_MODEL", help="Whisper model to check."),
    spacy_model: str = SpacyOption,
    processed_dir: Optional[Path] = typer.Option(None, envvar="DEBRIEF_PROCESSED_DIR", help="Processed folder to check."),
    quarantine_dir: Optional[Path] = typer.Option(None, envvar="DEBRIEF_QUARANTINE_DIR", help="Quarantine folder to check."),
    as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON."),
) -> None:
    """Check the database (integrity, permissions), the models, and the inbox and output folders."""
    from ..review.doctor import run_checks

    checks = run_checks(db or default_db_path(), model, spacy_model, inbox, processed_dir, quarantine_dir)
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in checks], indent=2))
    else:
        for check in checks:
            typer.echo(f"{check.status:<5} {check.name:<15} {check.detail}")
    if any(c.status == "fail" for c in checks):
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    labeled: Path = typer.Argument(Path("samples"), help="Folder of labeled memos (JSON with 'script' and 'expected')."),
    audio: bool = typer.Option(False, "--audio", help="Score through audio: transcribe the memos that have audio beside them."),
    model: str = typer.Option(DEFAULT_MODEL, envvar="DEBRIEF_MODEL", help="Whisper model for --audio."),
    spacy_model: str = SpacyOption,
    misses: bool = typer.Option(True, "--misses/--no-misses", help="List every memo the machine got wrong."),
    weigh: bool = typer.Option(True, "--weigh/--rules-only", help="--rules-only: score the rules without the weighing (the memos it was trained on score near 1.0 with it)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Instead: score the current rules on every debrief a manager corrected in this database (how often the machine is overruled)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores and misses as JSON."),
) -> None:
    """Score the verdicts against labeled memos: accuracy, per-value precision/recall, macro-F1, misses."""
    from ..review.evaluate import EvalError, analyze_audio, analyze_texts, load_labeled, render, score

    if db is not None:
        return _eval_corrections(db, spacy_model, as_json)
    try:
        memos = load_labeled(labeled, audio_only=audio)
    except EvalError as error:
        fail(str(error))
    analyzer = load_analyzer(spacy_model, weigh)
    if audio:
        from ..speech.transcribe import ModelNotFound, WhisperTranscriber

        transcriber = WhisperTranscriber(TranscribeSettings(model=model))
        try:
            transcriber.load()
        except ModelNotFound as error:
            fail(str(error))
        report = score(memos, analyze_audio(analyzer, transcriber, memos, err), f"audio ({transcriber.model_name})")
    else:
        report = score(memos, analyze_texts(analyzer, memos), "text")
    report.source += f", spaCy {analyzer.pipeline_name}" + ("" if weigh else ", rules only")
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        typer.echo("\n".join(render(report, misses)))


def _eval_corrections(db: Path, spacy_model: str, as_json: bool) -> None:
    from ..review.overrule import overrule_rates, render
    from ..store.db import open_db

    if not db.exists():
        fail(f"no database at {db}")
    report = overrule_rates(open_db(db), load_analyzer(spacy_model))
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else "\n".join(render(report)))


@app.command()
def patterns(as_json: bool = typer.Option(False, "--json", help="Print the rules as JSON.")) -> None:
    """List the rules that decide the verdicts: id, label and what each finds."""
    from ..analyze.patterns import load_rules

    rules = load_rules()
    if as_json:
        typer.echo(json.dumps([
            {"id": r.id, "label": r.label, "file": r.source, "kind": r.kind, "description": r.description}
            for r in rules
        ], indent=2))
        return
    for rule in rules:
        typer.echo(f"{rule.source:<15} {rule.label:<17} {rule.id:<26} {rule.description}")
