"""`debrief list`, `show`, `search`, `query`, `export`: read the debriefs, change nothing.

Each command parses its options, makes one library call on the store, and
renders: a table by default, `--json` or `--csv` for programs. Errors are one
line on stderr, exit 2. A read-only database or folder is opened read-only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..config import default_db_path
from .options import CsvOption, DbOption, JsonOption, err, fail, open_database, output_format

app = typer.Typer()


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
    from ..review.render import emit_rows
    from ..store.queries import LIST_COLUMNS, REVIEW_COLUMNS, BadFilter, ListFilters, list_debriefs

    fmt = output_format(as_json, as_csv)
    filters = ListFilters(rep, since, until, followup, dm, excuses, needs_review, limit, unreviewed=unreviewed,
                          account=account)
    try:
        rows = list_debriefs(open_database(db), filters)
    except BadFilter as error:
        fail(str(error))
    emit_rows(rows, REVIEW_COLUMNS if needs_review else LIST_COLUMNS, fmt)


@app.command()
def show(
    memo_id: int = typer.Argument(..., metavar="ID", help="The debrief's id (see `debrief list`)."),
    db: Optional[Path] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """One debrief in full: verdicts, evidence with times, corrections, the marked transcript."""
    from ..review.render import render_debrief_detail
    from ..store.queries import NotFound, get_debrief

    try:
        detail = get_debrief(open_database(db), memo_id).to_dict()
    except NotFound as error:
        fail(str(error))
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
    from ..review.render import emit_rows
    from ..store.queries import BadFilter, search_transcripts

    fmt = output_format(as_json, as_csv)
    try:
        rows = search_transcripts(open_database(db), words, limit)
    except BadFilter as error:
        fail(str(error))
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
    from ..review.render import emit_rows
    from ..store.readonly import QueryRefused, run_query

    fmt = output_format(as_json, as_csv)
    try:
        result = run_query(db or default_db_path(), sql, max_rows=max_rows, timeout_s=timeout)
    except QueryRefused as error:
        fail(str(error))
    emit_rows(result.as_dicts(), result.columns, fmt)
    if result.truncated:
        err(f"(stopped at {max_rows} rows; use --max-rows for more)")


@app.command()
def export(
    csv_file: Optional[Path] = typer.Option(None, "--csv", help="Write the debriefs to this CSV file (for a CRM or a spreadsheet)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Write the debriefs to this JSON file (a list of objects)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export every debrief with every column of the debriefs view, as CSV and/or JSON.

    CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or
    carriage return) get a leading apostrophe."""
    from ..review.render import to_csv
    from ..store.queries import export_columns, export_rows

    if not csv_file and not json_file:
        fail("give --csv FILE, --json FILE or both")
    database = open_database(db)
    if csv_file:
        rows = export_rows(database)
        csv_file.write_text(to_csv(rows, export_columns(database)), encoding="utf-8")
        err(f"{len(rows)} debriefs written to {csv_file}")
    if json_file:
        rows = export_rows(database, flatten=False)
        json_file.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        err(f"{len(rows)} debriefs written to {json_file}")
