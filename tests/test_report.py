"""The scorecard against SQL over `debriefs`, and its HTML page as a browser draws it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import subprocess
import zlib
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from debrief.review.report import COLORS, NO_REP, TEAM, build_scorecard, render_html
from debrief.store.db import open_db

# Spread over three ISO weeks: W10 (2-8 March 2026, a Sunday included), W11, W12.
DATES = [
    "2026-03-02T09:00:00+00:00", "2026-03-04T10:15:00+00:00", "2026-03-08T18:00:00+00:00",
    "2026-03-10T11:00:00+00:00", "2026-03-13T15:30:00+00:00", "2026-03-16T08:00:00+00:00",
    "2026-03-20T23:59:00+00:00",
]

FIGURES_SQL = """
SELECT count(*) AS memos,
       avg(firm_followup = 'yes') AS firm_f2f_share,
       avg(decision_maker_met = 'yes') AS dm_met_share,
       sum(excuses_accepted != 'none') AS stalls_memos,
       1.0 * sum(excuses_accepted = 'yes') / nullif(sum(excuses_accepted != 'none'), 0)
           AS stalls_accepted_share,
       sum(proposal_without_meeting = 'yes') AS proposals_without_meeting
FROM debriefs
"""
FIELDS = ("memos", "firm_f2f_share", "dm_met_share", "stalls_memos",
          "stalls_accepted_share", "proposals_without_meeting")


@pytest.fixture
def db_path(samples_run, tmp_path) -> Path:
    """A private copy of the samples database, its memos spread over three weeks."""
    path = tmp_path / "debrief.db"
    source, copy = sqlite3.connect(samples_run["db"]), sqlite3.connect(path)
    with closing(source), closing(copy):
        source.backup(copy)  # includes whatever still sits in the -wal file
        ids = [row[0] for row in copy.execute("SELECT id FROM debriefs ORDER BY id")]
        result = samples_run["result"]
        assert len(ids) == 14, f"debrief run failed: {result.exception!r}\n{result.output}"
        for i, memo_id in enumerate(ids):
            copy.execute("UPDATE memos SET recorded_at = ? WHERE id = ?", [DATES[i % len(DATES)], memo_id])
        copy.commit()
    return path


@pytest.fixture
def db(db_path):
    return open_db(db_path)


def sql_figures(db, where: str = "1", params=()) -> dict[str, dict]:
    """The figures per rep (and the team) as plain SQL over the view says."""
    rows = db.execute(FIGURES_SQL + f" WHERE {where}", params).fetchall()
    expected = {TEAM: dict(zip(FIELDS, rows[0]))}
    for row in db.execute(
        FIGURES_SQL.replace("SELECT", "SELECT coalesce(rep, '(no rep)') AS r,", 1)
        + f" WHERE {where} GROUP BY r", params
    ):
        expected[row[0]] = dict(zip(FIELDS, row[1:]))
    return expected


def scored(scorecard) -> dict[str, dict]:
    return {r.rep: {f: getattr(r, f) for f in FIELDS} for r in [scorecard.team, *scorecard.reps]}


def assert_same(actual: dict[str, dict], expected: dict[str, dict]) -> None:
    assert actual.keys() == expected.keys()
    for rep, figures in expected.items():
        for name, value in figures.items():
            assert actual[rep][name] == (None if value is None else pytest.approx(value)), (rep, name)


def test_figures_equal_sql_over_debriefs(db):
    scorecard = build_scorecard(db)
    assert [r.rep for r in scorecard.reps] == ["dana", "marcus", "priya"]
    assert scorecard.team.memos == 14
    assert_same(scored(scorecard), sql_figures(db))
    # The samples have stalls, accepted and not, and both kinds of follow-up.
    assert 0 < scorecard.team.stalls_accepted_share < 1
    assert 0 < scorecard.team.firm_f2f_share < 1


def test_weekly_trend_equals_sql_by_monday(db):
    scorecard = build_scorecard(db)
    monday = "date(substr(recorded_at, 1, 10), 'weekday 0', '-6 days')"
    expected = {
        (rep, week): (memos, f2f, dm)
        for rep, week, memos, f2f, dm in db.execute(
            f"SELECT coalesce(rep, '(no rep)'), {monday}, count(*), avg(firm_followup = 'yes'), "
            f"avg(decision_maker_met = 'yes') FROM debriefs GROUP BY 1, 2"
        )
    }
    actual = {(r.rep, w.monday): (w.memos, pytest.approx(w.firm_f2f_share), pytest.approx(w.dm_met_share))
              for r in scorecard.reps for w in r.weeks}
    assert actual == expected
    assert [(w.week, w.monday) for w in scorecard.team.weeks] == [
        ("2026-W10", "2026-03-02"), ("2026-W11", "2026-03-09"), ("2026-W12", "2026-03-16")]
    assert sum(w.memos for w in scorecard.team.weeks) == 14


def test_since_and_until_filter_by_whole_days(db):
    scorecard = build_scorecard(db, since="2026-03-09", until="2026-03-20")
    assert (scorecard.since, scorecard.until) == ("2026-03-09", "2026-03-20")
    # 23:59 on the `until` day counts; the Sunday before `since` does not.
    where = "recorded_at >= '2026-03-09' AND recorded_at < '2026-03-21'"
    assert_same(scored(scorecard), sql_figures(db, where))
    assert [w.week for w in scorecard.team.weeks] == ["2026-W11", "2026-W12"]
    assert 0 < scorecard.team.memos < 14

    assert build_scorecard(db, since="2026-03-16").team.memos == db.execute(
        "SELECT count(*) FROM debriefs WHERE recorded_at >= '2026-03-16'").fetchone()[0]
    assert build_scorecard(db, until="2026-03-08").team.memos == db.execute(
        "SELECT count(*) FROM debriefs WHERE recorded_at < '2026-03-09'").fetchone()[0]


def test_empty_period_and_empty_database(db, tmp_path):
    for scorecard in (build_scorecard(db, since="2030-01-01"), build_scorecard(open_db(tmp_path / "new.db"))):
        assert scorecard.reps == [] and scorecard.team.memos == 0
        assert scorecard.team.firm_f2f_share is None and scorecard.team.stalls_accepted_share is None
        assert scorecard.team.weeks == []
        page = render_html(scorecard)
        assert "No debriefs in this period." in page
        assert "<svg" not in page and "<table" not in page


def test_a_date_that_is_not_a_date_is_refused(db):
    with pytest.raises(ValueError, match="since must be a date as YYYY-MM-DD"):
        build_scorecard(db, since="last week")


def test_a_managers_correction_moves_the_share(db):
    before = build_scorecard(db)
    sha = db.execute(
        "SELECT file_sha256 FROM debriefs WHERE rep = 'priya' AND firm_followup = 'no' LIMIT 1"
    ).fetchone()[0]
    db["corrections"].insert({
        "file_sha256": sha, "field": "firm_followup", "value": "yes", "note": "Thursday 2pm at their plant",
        "corrected_by": "manager", "corrected_at": "2026-03-21T09:00:00+00:00",
    })
    after = build_scorecard(db)
    priya = [next(r for r in s.reps if r.rep == "priya") for s in (before, after)]
    assert priya[1].firm_f2f_share == pytest.approx(priya[0].firm_f2f_share + 1 / priya[0].memos)
    assert after.team.firm_f2f_share == pytest.approx(before.team.firm_f2f_share + 1 / 14)
    assert_same(scored(after), sql_figures(db))


def test_memos_without_a_rep_are_scored_as_no_rep(db):
    db.execute("UPDATE memos SET rep = NULL WHERE id = (SELECT min(id) FROM debriefs)")
    scorecard = build_scorecard(db)
    assert [r.rep for r in scorecard.reps][-1] == NO_REP
    assert_same(scored(scorecard), sql_figures(db))


def test_to_dict_is_json(db):
    data = json.loads(json.dumps(build_scorecard(db, since="2026-03-01").to_dict()))
    assert data["since"] == "2026-03-01" and data["until"] is None and data["generated_at"]
    assert set(data["team"]) == {*FIELDS, "rep", "weeks"}
    week = data["reps"][0]["weeks"][0]
    assert set(week) == {"week", "monday", "memos", "firm_f2f_share", "dm_met_share", "stalls_accepted_share"}
    assert (week["week"], week["monday"]) == ("2026-W10", "2026-03-02")


def test_html_is_self_contained_with_one_svg_per_figure(db):
    db.execute("UPDATE memos SET rep = '<b>x</b>' WHERE id = (SELECT min(id) FROM debriefs)")
    page = render_html(build_scorecard(db, since="2026-03-01", until="2026-03-31"))
    for outside in ("http://", "https://", "//cdn", "<script", "@import", "url("):
        assert outside not in page.lower()
    assert page.count("<svg") == page.count("</svg>") == 6
    assert page.count("<figure") == page.count("<figcaption>") == 6
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "2026-03-01 to 2026-03-31" in page and "generated" in page and "<table>" in page
    for caption in ("Memos per rep", "Firm face-to-face follow-up per rep", "Decision-maker met per rep",
                    "Stalls accepted per rep", "Proposals without a meeting per rep",
                    "Firm face-to-face follow-up, week by week"):
        assert f"<figcaption>{caption}<small>" in page


def test_html_draws_its_charts_in_headless_chromium(db, tmp_path):
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    html, png = tmp_path / "scorecard.html", tmp_path / "scorecard.png"
    html.write_text(render_html(build_scorecard(db)), encoding="utf-8")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'chromium'}", "--window-size=1200,3000",
         f"--screenshot={png}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    pixels = Counter(read_png_pixels(png))
    assert sum(pixels.values()) == 1200 * 3000
    background = {b"\xf4\xf5\xf7", b"\xff\xff\xff"}  # the page and the cards
    assert sum(n for colour, n in pixels.items() if colour not in background) > 50_000
    assert len(pixels) > 200  # text, anti-aliasing and several chart colours; a blank page has one
    for colour in COLORS[:3]:  # each rep's bars and line are drawn in their colour
        assert pixels[bytes.fromhex(colour[1:])] > 2_000, colour


# --- a PNG reader with zlib and struct, enough for Chromium's screenshots -----

def read_png_pixels(path: Path) -> list[bytes]:
    """Every pixel's RGB bytes of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + length])
        elif kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    width, height, depth, color_type, _, _, interlace = header
    assert depth == 8 and color_type in (2, 6) and not interlace, header
    bpp = 3 if color_type == 2 else 4
    raw, stride, previous, pixels = zlib.decompress(b"".join(chunks)), width * bpp, bytes(width * bpp), []
    for y in range(height):
        start = y * (stride + 1)
        previous = _unfilter(raw[start], raw[start + 1:start + 1 + stride], previous, bpp)
        pixels.extend(previous[i:i + 3] for i in range(0, stride, bpp))
    return pixels


def _add_rows(a: bytes, b: bytes) -> bytes:
    """Bytewise (a + b) mod 256 over a whole row at once: no carry crosses a byte."""
    n = len(a)
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return (((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(n, "big")


def _unfilter(kind: int, line: bytes, previous: bytes, bpp: int) -> bytes:
    if kind == 0:
        return line
    if kind == 2:  # Up, most of Chromium's rows: fast
        return _add_rows(line, previous)
    out = bytearray(line)
    for i in range(len(out)):
        a, b = (out[i - bpp] if i >= bpp else 0), previous[i]
        if kind == 1:
            out[i] = (out[i] + a) & 255
        elif kind == 3:
            out[i] = (out[i] + ((a + b) >> 1)) & 255
        else:  # Paeth
            c = previous[i - bpp] if i >= bpp else 0
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    return bytes(out)


def test_report_html_writes_the_page_and_prints_no_text(db_path, tmp_path):
    from typer.testing import CliRunner

    from debrief.cli import app

    page = tmp_path / "card.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db_path), "--html", str(page)])
    assert result.exit_code == 0 and page.read_text().startswith("<!doctype html>")
    assert result.stdout == "" and "scorecard written" in result.stderr
    both = CliRunner().invoke(app, ["report", "--db", str(db_path), "--html", str(page), "--json"])
    assert json.loads(both.stdout)["team"]["memos"] == 14


def test_reps_with_equal_trend_values_stay_visible(db):
    """Two reps with the same share every week: their lines must not lie on top of each other."""
    import re

    with db.conn:
        db.execute("UPDATE analyses SET followup = 'none', firm_followup = 'no'")
    page = render_html(build_scorecard(db))
    lines = re.findall(r'<polyline fill="none" stroke="[^"]+" stroke-width="2.5" points="([^"]+)"', page)
    assert len(lines) >= 2 and len(set(lines)) == len(lines)
    ys = [float(point.split(",")[1]) for line in lines for point in line.split()]
    assert max(ys) - min(ys) <= 3.0 * len(lines)  # offset by a few pixels, not moved to another value
