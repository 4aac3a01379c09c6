"""What every command group shares: the common options, one-line errors, the analyzer, the database.

Command modules import this one and never each other, so a group can be
read, moved or removed alone. Nothing here imports spaCy or Whisper at import
time: `debrief --help` loads typer and this file, no more.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

import typer

from ..config import DEFAULT_SPACY_MODEL, default_db_path


def _hide_flag_types() -> None:
    """typer ≥ 0.16 prints a type beside every option, `<bool>` for a flag, which says
    nothing a flag's name does not: flags show no type."""
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "_debrief", False):
        return

    def display_type_rich(self, ctx):
        return None if self.is_flag else shown(self, ctx)

    display_type_rich._debrief = True
    TyperOption.display_type_rich = display_type_rich


_hide_flag_types()

DbOption = typer.Option(None, "--db", envvar="DEBRIEF_DB", help="SQLite database (default: ./debrief.db).")
SpacyOption = typer.Option(
    DEFAULT_SPACY_MODEL, "--spacy-model", envvar="DEBRIEF_SPACY_MODEL",
    help="spaCy pipeline; 'blank' for a blank English pipeline.",
)
JsonOption = typer.Option(False, "--json", help="Output JSON.")
CsvOption = typer.Option(False, "--csv", help="Output CSV.")


@functools.lru_cache(maxsize=2)
def load_analyzer(spacy_model: str, weigh: bool = True):
    """Built once per process: a spaCy pipeline and a Matcher take a second to load."""
    from ..analyze import Analyzer

    return Analyzer(spacy_model, weigh=weigh)


def err(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str) -> None:
    err(f"Error: {message}")
    raise typer.Exit(2)


def output_format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        fail("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "text"


def open_database(db: Optional[Path], write: bool = False):
    """Reading commands open read-only where the database or its folder is read-only;
    writing commands (`write=True`) fail there with one line."""
    from ..store.db import DatabaseUnusable, open_db

    path = db or default_db_path()
    if not Path(path).exists():
        fail(f"no database at {path} (run `debrief run INBOX` first, or pass --db)")
    try:
        return open_db(path, write=write)
    except DatabaseUnusable as error:
        fail(str(error))
