"""Datasette, the manager's browser: a real server over a database filled by `debrief run`.

The database is the one the `samples_run` fixture made from the bundled samples, copied to
`debrief.db` (so Datasette calls it `debrief`), with recording times spread over the last
year and a few managers' corrections. Every canned query in datasette/metadata.json is asked
through HTTP and checked against the same question answered straight from SQLite.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import datasette  # noqa: F401  (a test dependency: missing it must fail, not skip)
import pytest

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "datasette" / "metadata.json"
DESCRIBED = ("debriefs", "evidence", "memos", "corrections", "reviews", "tombstones")

# Recording times given to the memos (sorted by file name), cycled. None is within a day of
# the 7-day boundary, so the "this week" query cannot flip while the test runs.
AGES = [
    timedelta(0),
    timedelta(days=10),
    timedelta(hours=2),
    timedelta(days=30),
    timedelta(days=1),
    timedelta(days=400),
    timedelta(days=3),
    timedelta(days=60),
    timedelta(days=5),
]
CORRECTIONS = [
    # (file, field, value): each one changes what a canned query must answer
    ("becker-bread.ogg", "followup", "tentative"),  # firm_in_person by the machine
    ("harbor-clinic.ogg", "excuses_accepted", "yes"),  # superseded by the next one
    ("harbor-clinic.ogg", "excuses_accepted", "no"),  # its accepted stall no longer counts
    ("crestview-real-estate.ogg", "decision_maker_met", "no"),  # unclear by the machine
    ("crestview-real-estate.ogg", "decision_maker", "the broker"),
    ("summit-fitness.ogg", "excuses_accepted", "yes"),  # no stall found by the machine
]
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def metadata() -> dict:
    return json.loads(METADATA.read_text())


def queries() -> dict:
    return metadata()["databases"]["debrief"]["queries"]


@pytest.fixture(scope="module")
def db(samples_run, tmp_path_factory) -> Path:
    """A copy of the samples database, named debrief.db, with times and corrections set."""
    run = samples_run["result"]
    assert run.exit_code == 0, (run.output, repr(run.exception))
    path = tmp_path_factory.mktemp("datasette") / "debrief.db"
    with sqlite3.connect(samples_run["db"]) as src, sqlite3.connect(path) as dst:
        src.backup(dst)  # includes anything still in the WAL
    now = datetime.now(timezone.utc).replace(microsecond=0)
    conn = sqlite3.connect(path)
    with conn:
        names = [r[0] for r in conn.execute("SELECT file_name FROM memos ORDER BY file_name")]
        for i, name in enumerate(names):
            age = timedelta(0) if name == "becker-bread.ogg" else AGES[i % len(AGES)]
            conn.execute(
                "UPDATE memos SET recorded_at = ? WHERE file_name = ?",
                ((now - age).isoformat(), name),
            )
        for name, field, value in CORRECTIONS:
            (sha,) = conn.execute(
                "SELECT file_sha256 FROM debriefs WHERE file_name = ?", (name,)
            ).fetchone()
            conn.execute(
                "INSERT INTO corrections (file_sha256, field, value, note, corrected_by, corrected_at)"
                " VALUES (?, ?, ?, 'test', 'manager', ?)",
                (sha, field, value, now.isoformat()),
            )
    conn.close()
    return path


@pytest.fixture(scope="module")
def server(db):
    """`datasette serve` on a free port of 127.0.0.1; yields its base URL, stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_path = db.parent / "datasette.log"
    cmd = [
        sys.executable, "-m", "datasette", "serve", str(db),
        "--metadata", str(METADATA), "--host", "127.0.0.1", "--port", str(port),
    ]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"datasette exited with {proc.returncode}:\n{log_path.read_text()}")
            try:
                if get(base, "/-/versions.json", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"datasette did not answer within 30 s:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get(base: str, path: str, params: dict | None = None, timeout: float = 30):
    """(status, body bytes) of a GET, HTTP errors included; never through a proxy."""
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with NO_PROXY.open(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def get_json(base: str, path: str, params: dict | None = None):
    status, body = get(base, path, params)
    assert status == 200, body[:2000]
    return json.loads(body)


def canned(base: str, name: str, **params) -> list[dict]:
    return get_json(base, f"/debrief/{name}.json", {"_shape": "array", **params})


def debriefs(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM debriefs")]
    finally:
        conn.close()


def tokens(text: str) -> list[str]:
    """Words as the FTS5 unicode61 tokenizer sees them."""
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def contains_phrase(text: str, phrase: str) -> bool:
    words, want = tokens(text), tokens(phrase)
    return any(words[i : i + len(want)] == want for i in range(len(words) - len(want) + 1))


def test_no_firm_followup_this_week(server, db):
    rows = canned(server, "no_firm_followup_this_week")
    cutoff = datetime.combine(
        datetime.now(timezone.utc).date() - timedelta(days=7), datetime.min.time(), timezone.utc
    )
    every = debriefs(db)
    not_firm = [d for d in every if not (d["followup"] == "firm_in_person" and d["firm_followup"] == "yes")]
    expected = {d["file_name"] for d in not_firm if datetime.fromisoformat(d["recorded_at"]) >= cutoff}

    assert {r["file_name"] for r in rows} == expected
    assert len(rows) == len(expected)
    assert expected, "the test data must give this week's list some rows"
    assert len(expected) < len(not_firm), "and leave older meetings off it"
    assert "becker-bread.ogg" in expected  # corrected from firm_in_person to tentative
    assert [r["recorded_at"] for r in rows] == sorted((r["recorded_at"] for r in rows), reverse=True)
    by_name = {d["file_name"]: d for d in every}
    for row in rows:
        assert {"rep", "file_name", "recorded_at", "followup", "followup_when", "followup_missing"} <= row.keys()
        assert row["rep"] == by_name[row["file_name"]]["rep"]
        assert row["followup"] == by_name[row["file_name"]]["followup"]
        assert isinstance(json.loads(row["followup_missing"]), list)


def test_stalls_accepted_by_rep(server, db):
    rows = canned(server, "stalls_accepted_by_rep")
    expected = Counter()
    for d in debriefs(db):
        if d["excuses_accepted"] != "yes":  # corrections win over the machine's stall list
            continue
        kinds = [e["kind"] for e in json.loads(d["excuses"]) if e["handled"] == "accepted"]
        expected.update((d["rep"], kind) for kind in kinds or ["(corrected: kind not recorded)"])
    per_rep = Counter()
    for (rep, _), n in expected.items():
        per_rep[rep] += n

    assert {(r["rep"], r["stall"]): r["accepted"] for r in rows} == dict(expected)
    assert {r["rep"]: r["rep_total"] for r in rows} == dict(per_rep)
    assert len(per_rep) >= 2
    assert [r["rep_total"] for r in rows] == sorted((r["rep_total"] for r in rows), reverse=True)
    # The corrections: harbor-clinic's accepted stall is gone, summit-fitness counts for marcus.
    assert expected[("marcus", "(corrected: kind not recorded)")] == 1
    machine_rows = [d for d in debriefs(db) if d["file_name"] == "harbor-clinic.ogg"]
    assert machine_rows[0]["machine_excuses_accepted"] == "yes"
    assert machine_rows[0]["excuses_accepted"] == "no"


def test_decision_maker_not_met(server, db):
    rows = canned(server, "decision_maker_not_met")
    conn = sqlite3.connect(db)
    try:
        sentences: dict[int, set[str]] = {}
        for memo_id, sentence in conn.execute(
            "SELECT memo_id, sentence FROM evidence WHERE field = 'decision_maker_met'"
        ):
            sentences.setdefault(memo_id, set()).add(sentence)
    finally:
        conn.close()
    expected = {d["file_name"]: d for d in debriefs(db) if d["decision_maker_met"] == "no"}

    assert sorted(r["file_name"] for r in rows) == sorted(expected)
    for row in rows:
        d = expected[row["file_name"]]
        assert row["decision_maker"] == d["decision_maker"]
        got = set(row["evidence"].split(" / ")) if row["evidence"] else set()
        assert got == sentences.get(d["id"], set())
    crestview = next(r for r in rows if r["file_name"] == "crestview-real-estate.ogg")
    assert crestview["decision_maker"] == "the broker"
    assert crestview["machine_decision_maker_met"] != "no"
    assert any(r["evidence"] and r["machine_decision_maker_met"] == "no" for r in rows)


def test_search_transcripts(server, db):
    every = debriefs(db)
    for phrase in ("think it over", "budget"):
        rows = canned(server, "search_transcripts", q=phrase)
        expected = {d["file_name"] for d in every if contains_phrase(d["transcript"], phrase)}
        assert expected, phrase
        assert {r["file_name"] for r in rows} == expected
        assert all("[" in r["snippet"] and "]" in r["snippet"] for r in rows)
    assert canned(server, "search_transcripts", q="") == []
    assert canned(server, "search_transcripts", q='he said "no') == []  # no FTS syntax error
    # The debriefs view's own search box searches the transcripts too.
    rows = get_json(server, "/debrief/debriefs.json", {"_search": "budget", "_shape": "array"})
    assert {r["file_name"] for r in rows} == {
        d["file_name"] for d in every if contains_phrase(d["transcript"], "budget")
    }


def test_metadata_is_served(server):
    meta = metadata()
    assert get_json(server, "/-/metadata.json")["title"] == meta["title"]
    status, html = get(server, "/")
    assert status == 200 and meta["title"].encode() in html

    database = get_json(server, "/debrief.json")
    hidden = {t["name"]: t["hidden"] for t in database["tables"]}
    assert hidden["_sqlite_migrations"] is True
    assert all(h for name, h in hidden.items() if name.startswith("transcripts_fts"))
    assert not any(hidden[name] for name in ("evidence", "memos", "corrections", "reviews"))
    assert "debriefs" in {v["name"] for v in database["views"]}
    served = {q["name"]: q for q in database["queries"]}
    assert served.keys() == queries().keys()
    assert all(served[name]["title"] == q["title"] for name, q in queries().items())
    assert all(q.get("description") for q in queries().values())

    status, html = get(server, "/debrief/debriefs")
    assert status == 200
    assert b"data-column-description=" in html
    assert meta["databases"]["debrief"]["tables"]["debriefs"]["title"].encode() in html


def test_every_column_is_described(db):
    """A new column in the schema needs its description in datasette/metadata.json."""
    tables = metadata()["databases"]["debrief"]["tables"]
    conn = sqlite3.connect(db)
    try:
        for table in DESCRIBED:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            assert columns, table
            assert set(tables[table]["columns"]) == columns, table
            assert all(tables[table]["columns"].values()), table
            assert tables[table].get("title") and tables[table].get("description"), table
    finally:
        conn.close()


def test_nothing_can_be_written_through_datasette(server, db):
    assert not any(q.get("write") for q in queries().values())
    assert all(re.match(r"\s*(select|with)\b", q["sql"], re.I) for q in queries().values())

    def counts():
        conn = sqlite3.connect(db)
        try:
            tables = ("memos", "corrections", "evidence")
            return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]
        finally:
            conn.close()

    before = counts()
    for sql in (
        "DELETE FROM memos",
        "UPDATE corrections SET value = 'yes'",
        "INSERT INTO reviews (file_sha256) VALUES ('x')",
        "WITH x AS (SELECT 1) DELETE FROM evidence",  # passes Datasette's SELECT check
        "DROP VIEW debriefs",
    ):
        status, body = get(server, "/debrief.json", {"sql": sql})
        assert status >= 400, (sql, body[:500])
        assert json.loads(body)["ok"] is False, sql
    assert counts() == before
    assert len(canned(server, "no_firm_followup_this_week")) > 0  # still readable


def test_debriefs_verdicts_first_puts_the_transcript_last_and_clipped(server, db):
    rows = canned(server, "debriefs_verdicts_first")
    assert rows and list(rows[0])[:4] == ["id", "rep", "account", "recorded_at"]
    assert list(rows[0])[4] == "followup" and list(rows[0])[-1] == "transcript"
    full = {d["id"]: d["transcript"] for d in debriefs(db)}
    for row in rows:
        text = full[row["id"]]
        assert row["transcript"] == (text if len(text) <= 160 else text[:160] + "…")
