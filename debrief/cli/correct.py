"""`debrief review`, `reanalyze`, `forget`: the manager's writes.

A correction is kept forever beside the machine's value; a re-analysis
rewrites only the machine's rows and says where a manager's correction
stands against it; a forget is final. Each opens the database for writing
and fails with one line where it cannot.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .options import DbOption, JsonOption, SpacyOption, err, fail, load_analyzer, open_database

app = typer.Typer()


@app.command()
def review(
    memo_id: int = typer.Argument(..., metavar="ID", help="The debrief's id."),
    set_: list[str] = typer.Option([], "--set", help="FIELD=VALUE, e.g. firm_followup=yes (repeatable)."),
    note: Optional[str] = typer.Option(None, help="Why: kept with the correction."),
    by: Optional[str] = typer.Option(None, help="Who reviewed (default: your user name)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Record a manager's review: correct verdicts (kept forever) or mark the debrief reviewed."""
    from ..store.corrections import ReviewError, parse_settings, record_review
    from ..store.queries import NotFound

    try:
        corrections = parse_settings(set_)
        record_review(open_database(db, write=True), memo_id, corrections, note, by)
    except (ReviewError, NotFound) as error:
        fail(str(error))
    changed = ", ".join(f"{k}={v}" for k, v in corrections.items()) or "no changes"
    err(f"debrief {memo_id} reviewed: {changed}")


@app.command()
def reanalyze(
    db: Optional[Path] = DbOption,
    since: Optional[str] = typer.Option(None, help="Only memos recorded on or after this date."),
    spacy_model: str = SpacyOption,
    as_json: bool = JsonOption,
) -> None:
    """Run the current rules again over stored transcripts and print what changed."""
    from ..store.corrections import reanalyze as reanalyze_all

    results = reanalyze_all(open_database(db, write=True), load_analyzer(spacy_model), since)
    changed = [r for r in results if r.changes or r.disagreements]
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in changed], indent=2))
    for r in changed if not as_json else []:
        typer.echo(f"{r.memo_id} {r.file_name}")
        for name, (old, new) in r.changes.items():
            typer.echo(f"    {name}: {old} → {new}")
        for name, (manager, machine) in r.disagreements.items():
            typer.echo(f"    {name}: machine says {machine}, manager's correction {manager} stands")
    err(f"{len(results)} debriefs re-analyzed, {sum(bool(r.changes) for r in results)} changed")


@app.command()
def forget(
    memo_id: int = typer.Argument(..., metavar="ID", help="The memo's id."),
    db: Optional[Path] = DbOption,
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a memo's transcript, verdicts, evidence and search entries for good."""
    from ..store.corrections import forget as forget_memo
    from ..store.queries import NotFound

    database = open_database(db, write=True)
    if not yes:
        typer.confirm(f"Forget memo {memo_id}? Its transcript and debrief cannot be recovered", abort=True)
    from ..review.render import printable

    try:
        name, checkpointed = forget_memo(database, memo_id)
    except NotFound as error:
        fail(str(error))
    err(f"forgot memo {memo_id} ({printable(name)}); its audio file, if any, is untouched")
    if not checkpointed:
        err("warning: the forgotten words are still in the database's write-ahead log (-wal file): another "
             "process holds a read transaction, so it could not be checkpointed; the next debrief command "
             "that opens this database finishes it")
