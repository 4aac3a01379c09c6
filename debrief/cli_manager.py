"""The manager's commands: list, show, search, query, export, review, reanalyze, forget, report, serve.

Registered on the same typer app as `run` and `analyze`. Each command parses
its options, makes one library call, and renders: a table by default,
`--json` or `--csv` for programs. Errors are one line on stderr, exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .cli import DbOption, SpacyOption, _analyzer, _err, _fail, app
from .config import default_db_path

JsonOption = typer.Option(False, "--json", help="Output JSON.")
CsvOption = typer.Option(False, "--csv", help="Output CSV.")


def _fmt(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        _fail("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "text"


def _open(db: Optional[Path], write: bool = False):
    """Reading commands open read-only where the database or its folder is read-only;
    writing commands (`write=True`) fail there with one line."""
    from .store.db import DatabaseUnusable, open_db

    path = db or default_db_path()
    if not Path(path).exists():
        _fail(f"no database at {path} (run `debrief run INBOX` first, or pass --db)")
    try:
        return open_db(path, write=write)
    except DatabaseUnusable as error:
        _fail(str(error))


@app.command("list")
def list_(
    db: Optional[Path] = DbOption,
    rep: Optional[str] = typer.Option(None, help="Only this rep (any case: Dana is dana)."),
    account: Optional[str] = typer.Option(None, help="Only this account, the prospect's company (any case)."),
    since: Optional[str] = typer.Option(None, help="Recorded on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Recorded on or before this date (YYYY-MM-DD)."),
    followup: Optional[str] = typer.Option(None, help="firm_in_person, firm_remote, tentative or none."),
    dm: Optional[str] = typer.Option(None, "--dm", help="Decision-maker met: yes, no or unclear."),
    excuses: Optional[str] = typer.Option(None, help="Excuses accepted: yes, no or none."),
    needs_review: bool = typer.Option(False, "--needs-review", help="Only debriefs the machine is unsure of (with the reason) that no manager has reviewed yet."),
    unreviewed: bool = typer.Option(False, "--unreviewed", help="Only debriefs no manager has reviewed."),
    limit: int = typer.Option(20, "-n", "--limit", help="How many, newest first (0 = all)."),
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """List debriefs, newest first, with filters."""
    from .store.queries import LIST_COLUMNS, REVIEW_COLUMNS, BadFilter, ListFilters, list_debriefs
    from .review.render import emit_rows

    fmt = _fmt(as_json, as_csv)
    filters = ListFilters(rep, since, until, followup, dm, excuses, needs_review, limit, unreviewed=unreviewed,
                          account=account)
    try:
        rows = list_debriefs(_open(db), filters)
    except BadFilter as error:
        _fail(str(error))
    emit_rows(rows, REVIEW_COLUMNS if needs_review else LIST_COLUMNS, fmt)


@app.command()
def show(
    memo_id: int = typer.Argument(..., metavar="ID", help="The debrief's id (see `debrief list`)."),
    db: Optional[Path] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """One debrief in full: verdicts, evidence with times, corrections, the marked transcript."""
    from .store.queries import NotFound, get_debrief
    from .review.render import render_debrief_detail

    try:
        detail = get_debrief(_open(db), memo_id).to_dict()
    except NotFound as error:
        _fail(str(error))
    typer.echo(json.dumps(detail, indent=2) if as_json else render_debrief_detail(detail))


@app.command()
def search(
    words: str = typer.Argument(..., help="Words to find; SQLite FTS5 syntax: owner OR boss, \"budget frozen\", budg*, owner NOT partner."),
    db: Optional[Path] = DbOption,
    limit: int = typer.Option(20, "-n", "--limit", help="How many results."),
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """Full-text search over transcripts, best match first, with snippets."""
    from .store.queries import BadFilter, search_transcripts
    from .review.render import emit_rows

    fmt = _fmt(as_json, as_csv)
    try:
        rows = search_transcripts(_open(db), words, limit)
    except BadFilter as error:
        _fail(str(error))
    emit_rows(rows, ("id", "rep", "recorded_at", "file_name", "snippet"), fmt)


@app.command()
def query(
    sql: str = typer.Argument(..., help="One read-only SQL statement."),
    db: Optional[Path] = DbOption,
    max_rows: int = typer.Option(1000, help="Stop after this many rows."),
    timeout: float = typer.Option(10.0, help="Stop after this many seconds."),
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """Run read-only SQL against the database (writes, ATTACH and VACUUM are refused)."""
    from .store.readonly import QueryRefused, run_query
    from .review.render import emit_rows

    fmt = _fmt(as_json, as_csv)
    try:
        result = run_query(db or default_db_path(), sql, max_rows=max_rows, timeout_s=timeout)
    except QueryRefused as error:
        _fail(str(error))
    emit_rows(result.as_dicts(), result.columns, fmt)
    if result.truncated:
        _err(f"(stopped at {max_rows} rows; use --max-rows for more)")


@app.command()
def export(
    csv_file: Optional[Path] = typer.Option(None, "--csv", help="Write the debriefs to this CSV file (for a CRM or a spreadsheet)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Write the debriefs to this JSON file (a list of objects)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export every debrief with every column of the debriefs view, as CSV and/or JSON.

    CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or
    carriage return) get a leading apostrophe."""
    from .store.queries import export_columns, export_rows
    from .review.render import to_csv

    if not csv_file and not json_file:
        _fail("give --csv FILE, --json FILE or both")
    database = _open(db)
    if csv_file:
        rows = export_rows(database)
        csv_file.write_text(to_csv(rows, export_columns(database)), encoding="utf-8")
        _err(f"{len(rows)} debriefs written to {csv_file}")
    if json_file:
        rows = export_rows(database, flatten=False)
        json_file.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _err(f"{len(rows)} debriefs written to {json_file}")


@app.command()
def review(
    memo_id: int = typer.Argument(..., metavar="ID", help="The debrief's id."),
    set_: list[str] = typer.Option([], "--set", help="FIELD=VALUE, e.g. firm_followup=yes (repeatable)."),
    note: Optional[str] = typer.Option(None, help="Why: kept with the correction."),
    by: Optional[str] = typer.Option(None, help="Who reviewed (default: your user name)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Record a manager's review: correct verdicts (kept forever) or mark the debrief reviewed."""
    from .store.queries import NotFound
    from .store.corrections import ReviewError, parse_settings, record_review

    try:
        corrections = parse_settings(set_)
        record_review(_open(db, write=True), memo_id, corrections, note, by)
    except (ReviewError, NotFound) as error:
        _fail(str(error))
    changed = ", ".join(f"{k}={v}" for k, v in corrections.items()) or "no changes"
    _err(f"debrief {memo_id} reviewed: {changed}")


@app.command()
def reanalyze(
    db: Optional[Path] = DbOption,
    since: Optional[str] = typer.Option(None, help="Only memos recorded on or after this date."),
    spacy_model: str = SpacyOption,
    as_json: bool = JsonOption,
) -> None:
    """Run the current rules again over stored transcripts and print what changed."""
    from .store.corrections import reanalyze as reanalyze_all

    results = reanalyze_all(_open(db, write=True), _analyzer(spacy_model), since)
    changed = [r for r in results if r.changes or r.disagreements]
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in changed], indent=2))
    for r in changed if not as_json else []:
        typer.echo(f"{r.memo_id} {r.file_name}")
        for name, (old, new) in r.changes.items():
            typer.echo(f"    {name}: {old} → {new}")
        for name, (manager, machine) in r.disagreements.items():
            typer.echo(f"    {name}: machine says {machine}, manager's correction {manager} stands")
    _err(f"{len(results)} debriefs re-analyzed, {sum(bool(r.changes) for r in results)} changed")


@app.command()
def forget(
    memo_id: int = typer.Argument(..., metavar="ID", help="The memo's id."),
    db: Optional[Path] = DbOption,
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a memo's transcript, verdicts, evidence and search entries for good."""
    from .store.queries import NotFound
    from .store.corrections import forget as forget_memo

    database = _open(db, write=True)
    if not yes:
        typer.confirm(f"Forget memo {memo_id}? Its transcript and debrief cannot be recovered", abort=True)
    from .review.render import printable

    try:
        name, checkpointed = forget_memo(database, memo_id)
    except NotFound as error:
        _fail(str(error))
    _err(f"forgot memo {memo_id} ({printable(name)}); its audio file, if any, is untouched")
    if not checkpointed:
        _err("warning: the forgotten words are still in the database's write-ahead log (-wal file): another "
             "process holds a read transaction, so it could not be checkpointed; the next debrief command "
             "that opens this database finishes it")


@app.command()
def report(
    db: Optional[Path] = DbOption,
    since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD), inclusive."),
    until: Optional[str] = typer.Option(None, help="To this date (YYYY-MM-DD), inclusive."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write the scorecard as a self-contained HTML page with charts instead of printing it (with --json or --csv, print that too)."),
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """A scorecard per rep for a period: firm face-to-face follow-ups, decision-makers met, stalls accepted."""
    from .review.render import emit_rows
    from .review.report import build_scorecard, render_html

    fmt = _fmt(as_json, as_csv)
    try:
        scorecard = build_scorecard(_open(db), since, until)
    except ValueError as error:
        _fail(str(error))
    if html:
        html.write_text(render_html(scorecard), encoding="utf-8")
        _err(f"scorecard written to {html}")
        if fmt == "text":  # the page is what was asked for; --json or --csv still print
            return
    if fmt == "json":
        typer.echo(json.dumps(scorecard.to_dict(), indent=2))
        return
    rows = [_score_row(s) for s in [*scorecard.reps, scorecard.team]]
    emit_rows(rows, list(rows[0]) if rows else [], fmt)
    if fmt == "text" and scorecard.team.memos:
        weeks = [{"rep": s.rep, "week": w.week, "monday": w.monday, **_shares(w)}
                 for s in [*scorecard.reps, scorecard.team] for w in s.weeks if w.memos]
        emit_rows(weeks, list(weeks[0]), fmt, title="Week by week")


def _pct(share) -> str | None:
    return None if share is None else f"{round(100 * share)}%"


def _shares(score) -> dict:
    return {
        "memos": score.memos, "firm_face_to_face": _pct(score.firm_f2f_share),
        "decision_maker_met": _pct(score.dm_met_share), "stalls_accepted": _pct(score.stalls_accepted_share),
    }


def _score_row(score) -> dict:
    return {
        "rep": score.rep, **_shares(score), "memos_with_stalls": score.stalls_memos,
        "proposals_without_meeting": score.proposals_without_meeting,
    }


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on; anything but loopback needs --token."),
    port: int = typer.Option(8000, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, envvar="DEBRIEF_TOKEN", help="A secret every request must carry (?token= once, then a cookie)."),
    spacy_model: str = SpacyOption,
) -> None:
    """Serve the manager's pages: debriefs, one debrief with its audio and corrections, scorecard, agenda."""
    from .review.web import BindRefused, serve as serve_pages

    path = db or default_db_path()
    _open(path).close()  # a missing database fails here, with one line
    try:
        serve_pages(path, host, port, token, spacy_model, on_ready=lambda url: _err(f"serving {path} at {url} (Ctrl-C to stop)"))
    except BindRefused as error:
        _fail(str(error))
