"""`debrief report` and `serve`: the manager's overview, in the terminal, as a page, or served.

`report` prints the scorecard per rep (and week by week), or writes it as a
self-contained HTML page; `serve` runs the web pages over the same database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..config import default_db_path
from .options import CsvOption, DbOption, JsonOption, SpacyOption, err, fail, open_database, output_format

app = typer.Typer()


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
    from ..review.render import emit_rows
    from ..review.report import build_scorecard, render_html

    fmt = output_format(as_json, as_csv)
    try:
        scorecard = build_scorecard(open_database(db), since, until)
    except ValueError as error:
        fail(str(error))
    if html:
        html.write_text(render_html(scorecard), encoding="utf-8")
        err(f"scorecard written to {html}")
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
    from ..review.web import BindRefused, serve as serve_pages

    path = db or default_db_path()
    open_database(path).close()  # a missing database fails here, with one line
    try:
        serve_pages(path, host, port, token, spacy_model, on_ready=lambda url: err(f"serving {path} at {url} (Ctrl-C to stop)"))
    except BindRefused as error:
        fail(str(error))
