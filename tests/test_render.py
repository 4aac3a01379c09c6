"""How results look: CSV a spreadsheet cannot run, names a terminal cannot obey."""

import csv
import io

from typer.testing import CliRunner

from debrief.cli import app
from debrief.review.render import printable, to_csv


def test_csv_cells_that_start_like_a_formula_are_neutralised():
    rows = [{"a": "=HYPERLINK(\"http://x\")", "b": "+1", "c": "-2+3", "d": "@SUM(A1)", "e": "\tx", "f": "\rx",
             "g": "plain", "h": -5, "i": 1.5}]
    out = list(csv.reader(io.StringIO(to_csv(rows, list(rows[0])), newline="")))[1]
    assert out[:6] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"]
    assert out[-3:] == ["plain", "-5", "1.5"]  # numbers stay numbers


def test_export_neutralises_a_formula_a_manager_typed(manager_db, tmp_path):
    cli = CliRunner()
    memo_id = cli.invoke(app, ["query", "SELECT min(id) FROM debriefs", "--csv", "--db", str(manager_db)])
    memo_id = memo_id.stdout.splitlines()[1]
    typed = '=cmd|" /C calc"!A0'
    assert cli.invoke(app, ["review", memo_id, "--set", f"decision_maker={typed}",
                            "--db", str(manager_db)]).exit_code == 0
    out = tmp_path / "crm.csv"
    assert cli.invoke(app, ["export", "--csv", str(out), "--db", str(manager_db)]).exit_code == 0
    row = next(r for r in csv.DictReader(out.open()) if r["id"] == memo_id)
    assert row["decision_maker"] == "'" + typed


def test_names_are_printed_escaped():
    assert printable("a\nb\x1b[31mc\u202ed\té") == "a\\nb\\x1b[31mc\\u202ed\\té"
