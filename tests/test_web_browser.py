"""The debrief page in a real browser: Debian's chromium, headless, driven by Playwright.

Evidence is clicked and the <audio> element must move to the evidence's time
(served with Range requests, so the browser can seek); a correction is
submitted through the form and must still be there after a reload, and in
the database. No browser is downloaded: the test uses /usr/bin/chromium and
skips, saying why, without it.
"""

from __future__ import annotations

import shutil
import time

import pytest

from debrief.store.db import open_db
from debrief.review.web import create_app

from .webserver import running_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"]

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed (Debian: apt-get install chromium)")


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _latest_evidence(db_path):
    """The debrief whose evidence lies furthest into its memo, and the decision it makes."""
    db = open_db(db_path)
    row = next(db.query("SELECT memo_id, machine_decision_maker_met AS dm FROM evidence "
                        "JOIN debriefs ON debriefs.id = memo_id ORDER BY start_s DESC LIMIT 1"))
    db.close()
    return row["memo_id"], row["dm"]


def test_evidence_seeks_the_audio_and_a_correction_survives_a_reload(manager_db, browser):
    memo_id, machine_dm = _latest_evidence(manager_db)
    corrected = "no" if machine_dm == "yes" else "yes"
    began, pages, actions = time.monotonic(), 0, 0
    with running_app(create_app(manager_db)) as base:
        page = browser.new_page()
        page.goto(f"{base}/debriefs/{memo_id}")
        pages += 1
        page.wait_for_function("document.getElementById('memo-audio').readyState >= 1")
        assert page.evaluate("document.getElementById('memo-audio').currentTime") == 0

        starts = [float(s) for s in page.locator("#transcript mark[data-start]").evaluate_all(
            "marks => marks.map(m => m.dataset.start)")]
        start = max(starts)
        assert start > 3  # far enough into the memo that a seek is unmistakable
        page.locator(f"#transcript mark[data-start='{start:.2f}']").click()
        actions += 1
        page.wait_for_function(f"document.getElementById('memo-audio').currentTime >= {start - 0.05}")
        position = page.evaluate("document.getElementById('memo-audio').currentTime")
        assert start - 0.05 <= position < start + 3  # at the evidence (and playing on from it)
        page.locator("#transcript mark.playing").wait_for()

        button = page.locator(".evidence-list button[data-start]").first
        first_start = float(button.get_attribute("data-start"))
        page.evaluate("document.getElementById('memo-audio').pause()")
        button.click()
        actions += 1
        page.wait_for_function(
            f"Math.abs(document.getElementById('memo-audio').currentTime - {first_start}) < 1")

        page.select_option("#correct-field", "decision_maker_met")
        page.fill("#correct-value", corrected)
        page.fill("#correct-by", "Ana")
        page.fill("#correct-note", "met the owner at the trade show")
        page.click("#correct-submit")
        actions += 5
        page.wait_for_url(f"**/debriefs/{memo_id}#history")
        page.reload()
        pages += 2
        row = page.locator("#history tr.correction").first
        assert row.inner_text().split("\t")[1:4] == ["Ana", "decision_maker_met", corrected]
        assert page.locator("#verdicts tr[data-field='decision_maker_met'] .v").inner_text() == corrected
        assert page.locator("#reviewed").inner_text() == "yes"
        elapsed = time.monotonic() - began
    db = open_db(manager_db)
    stored = next(db.query("SELECT decision_maker_met, machine_decision_maker_met FROM debriefs WHERE id = ?",
                           [memo_id]))
    assert stored == {"decision_maker_met": corrected, "machine_decision_maker_met": machine_dm}
    print(f"\nbrowser: {pages} pages, {actions} actions, {elapsed:.1f} s; evidence at {start:.2f} s, "
          f"audio moved to {position:.2f} s")

