"""`debrief serve`'s pages through the ASGI app (Starlette's test client: no sockets, real SQLite)."""

from __future__ import annotations

import re
import sqlite3
from html import unescape

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from debrief.cli import app as cli_app
from debrief.review.report import build_scorecard
from debrief.review.web import BindRefused, create_app
from debrief.review.web.agenda import to_ics
from debrief.review.web.guard import check_bind
from debrief.review.web.pages import mark_transcript
from debrief.store.db import open_db

from .dbgen import generate_db

BASE = "http://127.0.0.1:8000"


def client(db, **options) -> TestClient:
    return TestClient(create_app(db, **options), base_url=BASE)


def total(page: str) -> int:
    return int(re.search(r"(\d+) debriefs?\b", page).group(1))


def ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<td><a href="/debriefs/(\d+)">', page)]


def test_list_filters_search_and_bad_input(manager_db):
    c = client(manager_db)
    everything = c.get("/debriefs").text
    assert total(everything) == 14 and len(ids(everything)) == 14
    dana = c.get("/debriefs", params={"rep": "Dana"}).text  # any case
    assert 0 < total(dana) < 14 and all(">dana<" in row for row in re.findall(r"<tr>.*?</tr>", dana, re.S)[1:])
    firm = c.get("/debriefs", params={"firm_followup": "yes", "reviewed": "no"}).text
    assert total(firm) == len(ids(firm)) and "v firm_in_person" in firm and "v firm_remote" not in firm
    either = total(c.get("/debriefs", params={"q": "owner OR budget"}).text)
    owner, budget = (total(c.get("/debriefs", params={"q": w}).text) for w in ("owner", "budget"))
    assert max(owner, budget) < either <= owner + budget and budget > 0
    assert total(c.get("/debriefs", params={"q": '"final say"'}).text) >= 1
    bad = c.get("/debriefs", params={"since": "2026-13-01"})
    assert bad.status_code == 400 and "must be a date as YYYY-MM-DD" in unescape(bad.text)
    assert c.get("/debriefs", params={"q": 'owner AND ("'}).status_code == 400
    account = re.search(r'href="/debriefs\?account=([^"]+)"', everything).group(1)
    assert total(c.get(f"/debriefs?account={account.upper()}").text) >= 1


def test_keyset_paging_walks_every_row_once(tmp_path):
    db = generate_db(tmp_path / "big.db", 400)
    c, seen, url = client(db), [], "/debriefs?rep=dana"
    while url:
        page = c.get(unescape(url)).text
        seen += ids(page)
        link = re.search(r'id="next-page" href="([^"]+)"', page)
        url = link and link.group(1)
    expected = [r[0] for r in sqlite3.connect(db).execute(
        "SELECT id FROM debriefs WHERE rep = 'dana' ORDER BY recorded_at DESC, id DESC")]
    assert seen == expected and len(expected) > 50


def test_a_page_stays_fast_on_a_large_database(tmp_path):
    import time

    db = generate_db(tmp_path / "big.db", 3000)
    c = client(db)
    c.get("/debriefs")
    for url in ("/debriefs", "/debriefs?after_at=2026-01-10T00:00:00&after_id=999999", "/debriefs?dm=no&rep=sam",
                "/debriefs?q=frozen"):
        began = time.perf_counter()
        assert c.get(url).status_code == 200
        assert time.perf_counter() - began < 1.5, url  # ~0.1 s measured; generous for a shared machine


def test_one_debrief_page_and_its_audio(manager_db, tmp_path):
    c = client(manager_db)
    page = c.get("/debriefs/2").text
    assert 'id="memo-audio"' in page and 'src="/debriefs/2/audio"' in page
    coached = next(open_db(manager_db).query("SELECT id, coaching_note FROM debriefs WHERE coaching_note > ''"))
    assert unescape(coached["coaching_note"]) in unescape(c.get(f"/debriefs/{coached['id']}").text)
    assert re.search(r'<mark class="evidence" data-start="\d+\.\d\d"', page)
    audio = c.get("/debriefs/2/audio", headers={"Range": "bytes=100-199"})
    assert audio.status_code == 206 and len(audio.content) == 100
    assert audio.headers["content-type"].startswith("audio/")
    assert c.get("/debriefs/999").status_code == 404
    with sqlite3.connect(manager_db) as conn:
        conn.execute("UPDATE memos SET path = ?, moved_to = NULL WHERE id = 2", [str(tmp_path / "gone.m4a")])
    page = c.get("/debriefs/2").text
    assert "not where the ledger last saw it" in page and "gone.m4a" in page and "<audio" not in page
    assert c.get("/debriefs/2/audio").status_code == 404


def test_the_transcript_is_escaped_and_marked():
    evidence = [{"field": "followup", "rule_id": "r", "sentence": "We <b>booked</b> it.", "start_s": 4.5,
                 "end_s": 6.0}, {"field": "account", "rule_id": "a", "sentence": "Nowhere.", "start_s": None,
                                 "end_s": None}]
    html = str(mark_transcript("Hi & bye. We <b>booked</b> it. End.", evidence))
    assert html == ('Hi &amp; bye. <mark class="evidence" data-start="4.50" tabindex="0" role="button" '
                    'title="followup">We &lt;b&gt;booked&lt;/b&gt; it.</mark> End.')


def test_a_correction_goes_through_review_and_survives_reanalyze(manager_db):
    c = client(manager_db)
    form = {"field": "account", "value": "Harbor Dental Group", "by": "Ana", "note": "the group, not the clinic"}
    response = c.post("/debriefs/3/review", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/debriefs/3#history"
    page = c.get("/debriefs/3").text
    assert "Harbor Dental Group" in page and "the group, not the clinic" in page and "the machine said" in page
    bad = c.post("/debriefs/3/review", data={**form, "field": "followup", "value": "maybe"})
    assert "followup must be one of" in unescape(bad.text)
    anonymous = c.post("/debriefs/3/review", data={**form, "by": ""})
    assert "say who you are" in unescape(anonymous.text)
    assert c.post("/debriefs/4/review", data={"by": "Ana", "note": "fine"}).status_code == 200  # reviewed only
    result = CliRunner().invoke(cli_app, ["reanalyze", "--db", str(manager_db), "--spacy-model", "blank"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in open_db(manager_db).query("SELECT id, account, reviewed FROM debriefs")}
    assert rows[3]["account"] == "Harbor Dental Group" and rows[4]["reviewed"] == "yes"


def test_guards_hosts_origins_and_tokens(manager_db):
    c = client(manager_db)
    assert c.get("/debriefs", headers={"host": "attacker.example"}).status_code == 403
    cross = c.post("/debriefs/3/review", data={"by": "x"}, headers={"origin": "http://attacker.example"})
    assert cross.status_code == 403
    with pytest.raises(BindRefused):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "a-long-token")
    check_bind("::1", None)
    refused = CliRunner().invoke(cli_app, ["serve", "--db", str(manager_db), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--token" in refused.output

    t = client(manager_db, token="s3cret-token", loopback_only=False)
    assert t.get("/debriefs", headers={"host": "192.0.2.7:8000"}).status_code == 401
    first = t.get("/debriefs?token=s3cret-token&rep=dana", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/debriefs?rep=dana"
    assert t.get("/debriefs?rep=dana").status_code == 200  # the cookie now carries it
    bearer = client(manager_db, token="s3cret-token", loopback_only=False)
    assert bearer.get("/agenda", headers={"authorization": "Bearer s3cret-token"}).status_code == 200
    assert bearer.get("/agenda", headers={"authorization": "Bearer wrong"}).status_code == 401


def test_every_scorecard_figure_links_to_the_debriefs_behind_it(manager_db):
    c = client(manager_db)
    page = c.get("/scorecard").text
    card = build_scorecard(open_db(manager_db))
    links = re.findall(r'<a href="([^"]+)" data-figure="(\w+)">', page)
    assert len(links) == 6 * (len(card.reps) + 1)
    scores = [*card.reps, card.team]
    for index, (href, figure) in enumerate(links):
        score = scores[index // 6]
        listed = total(c.get(unescape(href)).text)
        expected = {
            "memos": score.memos, "stalls_memos": score.stalls_memos,
            "proposals_without_meeting": score.proposals_without_meeting,
            "firm_f2f_share": round((score.firm_f2f_share or 0) * score.memos),
            "dm_met_share": round((score.dm_met_share or 0) * score.memos),
            "stalls_accepted_share": round((score.stalls_accepted_share or 0) * score.stalls_memos),
        }[figure]
        assert listed == expected, (score.rep, figure, href)
    assert "<svg" in page


def test_agenda_and_a_valid_ics(manager_db):
    c = client(manager_db)
    page = c.get("/agenda?all=1").text
    firm = list(open_db(manager_db).query(
        "SELECT id FROM debriefs WHERE followup IN ('firm_in_person', 'firm_remote') AND followup_at IS NOT NULL"))
    assert firm and all(f'href="/debriefs/{r["id"]}"' in page for r in firm)
    ics = c.get("/agenda.ics?all=1")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert_valid_ics(ics.text, len(firm))


def test_ics_escapes_folds_and_marks_whole_days():
    rows = [{"id": 1, "rep": "dana", "account": "Smith, Jones; & Co " + "x" * 80, "followup": "firm_remote",
             "followup_when": "Friday", "followup_at": "2026-12-04", "decision_maker": None,
             "file_name": "a.m4a", "file_sha256": "ab" * 32}]
    text = to_ics(rows)
    assert_valid_ics(text, 1)
    assert "DTSTART;VALUE=DATE:20261204" in text and "DTEND;VALUE=DATE:20261205" in text
    assert "Smith\\, Jones\\; & Co" in text.replace("\r\n ", "")


def assert_valid_ics(text: str, events: int) -> None:
    """RFC 5545 as far as calendars care: CRLF lines of at most 75 octets, balanced blocks,
    the properties every VEVENT must have, dates in the basic format."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = "\r\n".join(lines).replace("\r\n ", "").split("\r\n")
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded and any(l.startswith("PRODID:") for l in unfolded)
    blocks = "\n".join(unfolded).split("BEGIN:VEVENT")[1:]
    assert len(blocks) == events == text.count("END:VEVENT")
    for block in blocks:
        props = {l.split(":")[0].split(";")[0] for l in block.split("\n") if l and l != "END:VEVENT"}
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= props
        assert re.search(r"^DTSTART(;VALUE=DATE:\d{8}|:\d{8}T\d{6})$", block, re.M)


def test_the_evaluation_page_shows_the_eval_command_figure(manager_db):
    c = client(manager_db, spacy_model="blank")
    c.post("/debriefs/3/review", data={"field": "decision_maker_met", "value": "yes", "by": "Ana"})
    c.post("/debriefs/5/review", data={"field": "excuses_accepted", "value": "yes", "by": "Ana"})
    page = c.get("/eval").text
    result = CliRunner().invoke(cli_app, ["eval", "--db", str(manager_db), "--spacy-model", "blank", "--json"])
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert report["debriefs"] == 2
    for score in report["scores"]:
        share = "—" if score["share"] is None else f"{round(100 * score['share'])}%"
        row = re.search(rf"<td>{score['verdict']}</td>(.*?)</tr>", page, re.S).group(1)
        assert re.findall(r'class="num">([^<]*)<', row) == [
            str(score["debriefs"]), str(score["overruled"]), share, str(score["corrected"])]
    dm = next(s for s in report["scores"] if s["verdict"] == "decision_maker_met")
    assert dm["overruled"] >= 1 and dm["corrected"] == 1


def test_the_serve_command_serves_until_interrupted(manager_db):
    import signal
    import socket
    import urllib.request

    from .processes import StderrLines, start_debrief, wait_until

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = start_debrief("serve", "--db", manager_db, "--port", port)
    try:
        assert StderrLines(process).wait_for(f"at http://127.0.0.1:{port}/")

        def page():
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/debriefs", timeout=5).read().decode()
            except OSError:
                return None

        assert wait_until(page, 60)
        assert "<h1>Debriefs</h1>" in page() and total(page()) == 14
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(30) is not None
