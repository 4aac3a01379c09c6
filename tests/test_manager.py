"""The manager's commands on a database filled by a real `debrief run` over the samples."""

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from debrief.cli import app

from .conftest import sample_labels


def cli(db, *args, input=None):
    return CliRunner().invoke(app, [*args, "--db", str(db)], input=input)


def cli_json(db, *args):
    result = cli(db, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _id_of(db, file_name):
    return next(r["id"] for r in cli_json(db, "list", "-n", "0") if r["file_name"] == file_name)


def test_list_filters_and_newest_first(manager_db):
    everything = cli_json(manager_db, "list", "-n", "0")
    assert len(everything) == len(sample_labels())
    assert [r["recorded_at"] for r in everything] == sorted((r["recorded_at"] for r in everything), reverse=True)
    labels = sample_labels()
    firm = {r["file_name"] for r in cli_json(manager_db, "list", "-n", "0", "--followup", "firm_in_person")}
    assert firm == {n for n, l in labels.items() if l["expected"]["followup"] == "firm_in_person"}
    dana = cli_json(manager_db, "list", "--rep", "dana", "--dm", "no", "-n", "0")
    assert dana and all(r["rep"] == "dana" and r["decision_maker_met"] == "no" for r in dana)
    assert len(cli_json(manager_db, "list", "-n", "3")) == 3
    assert cli_json(manager_db, "list", "--since", "2999-01-01") == []
    rows = list(csv.DictReader(cli(manager_db, "list", "--excuses", "yes", "--csv").stdout.splitlines()))
    assert rows and {r["excuses_accepted"] for r in rows} == {"yes"}


def test_show_gives_verdicts_timed_evidence_and_marked_transcript(manager_db):
    memo_id = _id_of(manager_db, "riverside-motors.ogg")
    text = cli(manager_db, "show", str(memo_id)).stdout
    assert "Follow-up:          firm_in_person" in text
    assert "rules:" in text and "»" in text
    assert any(line.strip().startswith("followup") and "[00:" in line for line in text.splitlines())
    data = cli_json(manager_db, "show", str(memo_id))
    assert data["evidence"] and all(e["start_s"] < e["end_s"] for e in data["evidence"])
    assert cli(manager_db, "show", "9999").exit_code == 2


def test_a_correction_is_shown_and_survives_reanalyze_and_a_second_run(manager_db, samples_run):
    memo_id = _id_of(manager_db, "harbor-clinic.ogg")
    result = cli(manager_db, "review", str(memo_id), "--set", "decision_maker_met=yes",
                 "--note", "met both doctors at the trade show", "--by", "Ana")
    assert result.exit_code == 0, result.output
    row = cli_json(manager_db, "show", str(memo_id))
    assert row["decision_maker_met"] == "yes" and row["machine_decision_maker_met"] == "no"
    assert row["reviewed"] == "yes" and row["corrections"][0]["corrected_by"] == "Ana"

    changes = cli_json(manager_db, "reanalyze")
    disagreement = [c for c in changes if c["id"] == memo_id][0]["disagrees_with_manager"]
    assert disagreement == {"decision_maker_met": {"manager": "yes", "machine": "no"}}
    cli(manager_db, "run", str(samples_run["inbox"]))
    after = cli_json(manager_db, "show", str(memo_id))
    assert after["decision_maker_met"] == "yes" and after["corrections"] == row["corrections"]
    assert len(cli_json(manager_db, "list", "--unreviewed", "-n", "0")) == len(sample_labels()) - 1


def test_review_refuses_unknown_fields_and_values(manager_db):
    assert cli(manager_db, "review", "1", "--set", "mood=happy").exit_code == 2
    assert cli(manager_db, "review", "1", "--set", "followup=maybe").exit_code == 2


def test_search_finds_words_until_the_memo_is_forgotten(manager_db):
    hits = cli_json(manager_db, "search", "doctors")
    assert [h["file_name"] for h in hits] == ["harbor-clinic.ogg"] and "[doctors]" in hits[0]["snippet"]
    result = cli(manager_db, "forget", str(hits[0]["id"]), "--yes")
    assert result.exit_code == 0, result.output
    assert cli_json(manager_db, "search", "doctors") == []
    assert b"doctors" not in manager_db.read_bytes()  # not left in free pages or the FTS index
    conn = sqlite3.connect(manager_db)
    assert conn.execute("SELECT count(*) FROM evidence WHERE memo_id = ?", [hits[0]["id"]]).fetchone()[0] == 0
    assert conn.execute("SELECT status FROM memos WHERE id = ?", [hits[0]["id"]]).fetchone()[0] == "forgotten"


@pytest.mark.parametrize("sql", [
    "DELETE FROM memos",
    "UPDATE corrections SET value = 'yes'",
    "ATTACH DATABASE 'other.db' AS other",
    "VACUUM INTO 'copy.db'",
    "PRAGMA journal_mode = DELETE",
    "CREATE TABLE x (a)",
    "SELECT 1; DELETE FROM memos",
])
def test_query_refuses_anything_but_reading(manager_db, tmp_path, monkeypatch, sql):
    monkeypatch.chdir(tmp_path)
    before = manager_db.read_bytes()
    result = cli(manager_db, "query", sql)
    assert result.exit_code == 2 and "Error:" in result.stderr
    assert manager_db.read_bytes() == before
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "other.db").exists()


def test_query_reads_with_a_row_cap_and_a_time_limit(manager_db):
    rows = cli_json(manager_db, "query", "SELECT rep, count(*) AS n FROM debriefs GROUP BY rep ORDER BY rep")
    assert {r["rep"]: r["n"] for r in rows} == {"dana": 4, "marcus": 5, "priya": 5}
    capped = cli(manager_db, "query", "SELECT id FROM memos", "--max-rows", "2", "--json")
    assert len(json.loads(capped.stdout)) == 2 and "stopped at 2 rows" in capped.stderr
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    stopped = cli(manager_db, "query", slow, "--timeout", "0.5")
    assert stopped.exit_code == 2 and "longer than 0.5 s" in stopped.stderr


def test_export_csv_has_one_flat_row_per_debrief(manager_db, tmp_path):
    out = tmp_path / "crm.csv"
    assert cli(manager_db, "export", "--csv", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == len(sample_labels())
    lakeside = next(r for r in rows if r["file_name"] == "lakeside-hotel.ogg")
    assert lakeside["excuses"] == "send_info (accepted)" and lakeside["proposal_without_meeting"] == "yes"


def test_reading_commands_without_a_database_say_so(tmp_path):
    result = cli(tmp_path / "missing.db", "list")
    assert result.exit_code == 2 and "no database" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_report_command_prints_the_scorecard_and_writes_the_page(manager_db, tmp_path):
    data = cli_json(manager_db, "report")
    assert data["team"]["memos"] == len(sample_labels())
    assert {r["rep"] for r in data["reps"]} == {"dana", "marcus", "priya"}
    page = tmp_path / "scorecard.html"
    result = cli(manager_db, "report", "--html", str(page), "--csv")
    assert result.exit_code == 0 and page.read_text().count("<svg") == 6
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [r["rep"] for r in rows] == ["dana", "marcus", "priya", "Team"]
    assert cli(manager_db, "report", "--since", "last week").exit_code == 2


def test_doctor_checks_database_models_and_folders(manager_db, tmp_path):
    (tmp_path / "inbox").mkdir()
    manager_db.chmod(0o600)
    checks = {c["name"]: c["status"] for c in cli_json(manager_db, "doctor", str(tmp_path / "inbox"))}
    assert checks == {"database": "ok", "whisper model": "ok", "spacy pipeline": "ok",
                      "inbox": "ok", "processed": "ok", "quarantine": "ok"}
    manager_db.chmod(0o644)
    assert cli_json(manager_db, "doctor")[0]["status"] == "warn"  # readable by others
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = cli(broken, "doctor", "--model", "missing-model")
    assert result.exit_code == 1 and "fail" in result.stdout


# --- round 2: exports, filters, search syntax, text output, read-only SQL -------------------------------

def test_exports_carry_every_column_and_neutralise_formulas(manager_db, tmp_path):
    memo_id = _id_of(manager_db, "harbor-clinic.ogg")
    cli(manager_db, "review", str(memo_id), "--set", "decision_maker=@SUM(A1)", "--note", "=HYPERLINK(\"x\")",
        "--by", "Ana")
    csv_file, json_file = tmp_path / "out.csv", tmp_path / "out.json"
    result = cli(manager_db, "export", "--csv", str(csv_file), "--json", str(json_file))
    assert result.exit_code == 0, result.output
    columns = [r[1] for r in sqlite3.connect(manager_db).execute("PRAGMA table_info(debriefs)")]
    rows = list(csv.DictReader(csv_file.open(encoding="utf-8")))
    assert list(rows[0]) == columns and len(rows) == len(sample_labels())
    for needed in ("followup_at", "coaching_note", "coaching", "chasing", "pressure", "prospect_pursued",
                   "account", "reviewed", "corrected_fields", "machine_decision_maker"):
        assert needed in columns
    row = next(r for r in rows if r["id"] == str(memo_id))
    assert row["decision_maker"] == "'@SUM(A1)" and row["corrected_fields"] == "decision_maker"
    assert row["reviewed"] == "yes" and row["account"]
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())
    data = json.loads(json_file.read_text())
    assert list(data[0]) == columns
    entry = next(r for r in data if r["id"] == memo_id)
    assert entry["decision_maker"] == "@SUM(A1)"  # JSON is data, not a spreadsheet: kept as is
    assert isinstance(entry["excuses"], list) and isinstance(entry["coaching"], dict)
    assert cli(manager_db, "export").exit_code == 2


def test_list_refuses_a_bad_date_and_matches_reps_in_any_case(manager_db):
    result = cli(manager_db, "list", "--since", "2026-13-01")
    assert result.exit_code == 2 and "--since must be a date as YYYY-MM-DD" in result.output
    assert cli(manager_db, "list", "--until", "yesterday").exit_code == 2
    assert cli_json(manager_db, "list", "--rep", "Dana", "-n", "0") == cli_json(manager_db, "list", "--rep", "dana",
                                                                                "-n", "0")
    assert cli_json(manager_db, "list", "--rep", "DANA", "-n", "0")


def test_search_takes_fts5_syntax(manager_db):
    def names(query):
        return {h["file_name"] for h in cli_json(manager_db, "search", query, "-n", "50")}

    owner, budget = names("owner"), names("budget")
    assert owner and budget and names("owner OR budget") == owner | budget
    assert names("owner AND budget") == owner & budget
    assert names('"final say"') and names("budg*") >= budget
    assert names("o'clock, C++") is not None  # plain words with punctuation are quoted, never an error
    bad = cli(manager_db, "search", 'owner AND ("')
    assert bad.exit_code == 2 and "search" in bad.output


def test_show_prints_signals_account_and_coaching(manager_db):
    memo_id = _id_of(manager_db, "harbor-clinic.ogg")
    text = cli(manager_db, "show", str(memo_id)).stdout
    assert "Signals:            chasing no" in text and "Account:" in text and "Coaching:" in text


def test_query_allows_json_each_and_fts(manager_db):
    rows = cli_json(manager_db, "query",
                    "SELECT d.rep, json_extract(e.value, '$.kind') AS kind FROM debriefs d, json_each(d.excuses) e")
    assert rows and all(r["kind"] for r in rows)
    assert cli_json(manager_db, "query", "SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH 'owner'")
    for refused in ("UPDATE sqlite_master SET name = 'x'", "PRAGMA writable_schema = ON",
                    "PRAGMA data_version = 3", "DELETE FROM memos"):
        assert cli(manager_db, "query", refused).exit_code == 2, refused
