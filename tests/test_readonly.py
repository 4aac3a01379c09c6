"""`debrief query`: reading only, with safe functions, a time limit per statement
and a cap on the length of any string or blob."""

import json

import pytest
from typer.testing import CliRunner

from debrief.cli import app


def cli(db, *args):
    return CliRunner().invoke(app, [*args, "--db", str(db)])


@pytest.mark.parametrize("sql", [
    "SELECT hex(fts3_tokenizer('simple'))",  # hands out a pointer into the process
    "SELECT load_extension('/tmp/evil')",
    "SELECT sqlite_compileoption_used('SQLITE_DEBUG')",  # off the list: refused, however harmless
])
def test_query_refuses_functions_off_the_safe_list(manager_db, sql):
    result = cli(manager_db, "query", sql)
    assert result.exit_code == 2 and "refused" in result.stderr and "safe list" in result.stderr


def test_query_caps_the_length_of_strings_and_blobs(manager_db):
    result = cli(manager_db, "query", "SELECT length(zeroblob(100000000))")
    assert result.exit_code == 2 and "length cap" in result.stderr
    result = cli(manager_db, "query", "SELECT length(hex(zeroblob(6000000)))")  # a 12 MB string
    assert result.exit_code == 2 and "length cap" in result.stderr


def test_query_stops_each_statement_at_its_time_limit(manager_db):
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    result = cli(manager_db, "query", slow, "--timeout", "0.3")
    assert result.exit_code == 2 and "longer than 0.3 s" in result.stderr


@pytest.mark.parametrize("sql", [
    "PRAGMA table_info(memos)",
    "SELECT name FROM pragma_table_info('memos')",
    "SELECT value FROM json_each('[1, 2, 3]')",
    "SELECT key FROM json_tree('{\"a\": {\"b\": 1}}')",
    "SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH 'meeting'",
    "SELECT snippet(transcripts_fts, 0, '[', ']', '…', 8) FROM transcripts_fts WHERE transcripts_fts MATCH 'owner'",
    "SELECT rep, json_extract(e.value, '$.kind') FROM debriefs, json_each(debriefs.excuses) AS e",
    "SELECT upper(rep), date(recorded_at), round(duration_s), excuses -> '$[0].kind' FROM debriefs",
])
def test_query_allows_reading_pragmas_table_functions_and_search(manager_db, sql):
    result = cli(manager_db, "query", sql, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)
