"""What issue #3 asked the analysis to understand, case by case, on both pipelines:
reported speech, self-corrections, confirmations, the resolved meeting time,
the decision-maker's near miss, the chasing signals and the coaching notes."""

import pytest

from debrief.records import Transcript
from debrief.store.db import open_db, save_analysis

MONDAY_EVENING = "2026-11-23T17:05:00+00:00"


def _debrief(analyzer, text, recorded_at=MONDAY_EVENING):
    return analyzer.analyze(Transcript.from_text(text), recorded_at)


@pytest.mark.parametrize("text, handled", [
    ('She goes, "I just need to think it over." And I said no problem.', "accepted"),
    ("He goes, we're fine with who we got. I asked what's the one thing they'd change.", "probed"),
    ("He said look, call me back in a couple weeks, we're slammed. And I said yeah no problem.", "accepted"),
    ("She said we don't have the budget right now. I asked where the money came from last time.", "probed"),
    ("He said, we're locked in with ClubReady. I was like, fair enough, I didn't push, we let that go.", "accepted"),
])
def test_the_prospects_words_in_reported_speech_are_stalls(any_analyzer, text, handled):
    excuses = _debrief(any_analyzer, text).excuses
    assert excuses and {e.handled for e in excuses} == {handled}


def test_the_reps_own_plans_are_not_stalls(any_analyzer):
    assert _debrief(any_analyzer, "I said I'd think it over and call her next quarter.").excuses == []


@pytest.mark.parametrize("text, value", [
    ("We've got Thursday — no, Friday, Friday at 10:30 at the district office, and she confirmed.", "firm_in_person"),
    ("So we set a plant walk-through for Wednesday March 3rd at 1 at their Elk Grove facility. "
     "He had his assistant put it on his calendar.", "firm_in_person"),
    ("I floated coming back Friday at 2 to do a demo, he said maybe, he has to check his calendar.", "tentative"),
    ("Tuesday the 18th at 10 at the high school, he said that should work but he has to check "
     "her calendar and get back to me.", "tentative"),
    ("We booked the 9th at 4, at their office, Catherine confirmed it right there.", "firm_in_person"),
])
def test_followups_said_in_pieces(any_analyzer, text, value):
    assert _debrief(any_analyzer, text).followup == value


def test_followup_at_is_resolved_from_the_recording_time(any_analyzer):
    debrief = _debrief(any_analyzer, "We booked a sit-down at her office Tuesday at ten thirty.")
    assert debrief.followup_at == "2026-11-24T10:30"
    later = _debrief(any_analyzer, "We booked a sit-down at her office Tuesday at ten thirty.", "2026-11-25T09:00:00+00:00")
    assert later.followup_at == "2026-12-01T10:30"
    assert _debrief(any_analyzer, "We'll get together next week sometime.").followup_at is None


@pytest.mark.parametrize("text, value", [
    ("Met with Phil Sorensen, VP of operations.", "unclear"),
    ("Met with Ken Aoki, he's the CFO, and he controls the budget.", "yes"),
    ("She's the office manager, new products go through the value analysis committee.", "no"),
    ("Her words were, I'll need to loop Tom in.", "no"),
    ("I honestly don't know if he owns it or what, I didn't ask.", "unclear"),
    ("I didn't get into who actually signs off on it, I gotta find that out.", "unclear"),
    ("Her and her husband Dave own the farm, and she said flat out, I make these calls.", "yes"),
    ("The GM Ron is the one who signs off and he wasn't there today.", "no"),
])
def test_who_decides(any_analyzer, text, value):
    assert _debrief(any_analyzer, text).decision_maker_met == value


def test_a_negative_verdict_carries_its_near_miss_and_a_coaching_note(any_analyzer):
    debrief = _debrief(any_analyzer, "She has to run it by her partner. She said she'd think it over and I said "
                                     "no problem, I'll send the proposal and check back next week.")
    assert debrief.decision_maker_missing == "someone else decides: her partner"
    assert set(debrief.coaching) >= {"followup", "decision_maker_met", "excuses_accepted", "proposal_without_meeting"}
    assert debrief.coaching_note == debrief.coaching["followup"]
    assert debrief.coaching["excuses_accepted"].startswith("\"run it by her partner\" was accepted")
    good = _debrief(any_analyzer, "Met Tom, the owner. We booked a sit-down at his office Tuesday at ten.")
    assert good.coaching == {} and good.coaching_note is None


@pytest.mark.parametrize("text, signal", [
    ("She still hasn't returned any of my calls, I left another voicemail.", "chasing"),
    ("I was just checking in to see if anything changed.", "chasing"),
    ("I told her the install special ends Friday.", "pressure"),
    ("I said the price goes up on the first, so she should jump on it.", "pressure"),
    ("She called me first, a friend referred us.", "prospect_pursued"),
    ("They reached out to us after the webinar and asked me to come by.", "prospect_pursued"),
])
def test_signs_of_chasing_pressure_and_pursuit(any_analyzer, text, signal):
    verdicts = _debrief(any_analyzer, text).verdicts()
    assert verdicts[signal] == "yes"
    assert {s for s in ("chasing", "pressure", "prospect_pursued") if verdicts[s] == "yes"} == {signal}


@pytest.mark.parametrize("text", [
    "She returned my call right away.",
    "I never had to chase him, he called back the same day.",
    "She asked when the price changes.",
    "I called her and reached out to the owner.",
])
def test_no_false_signals(any_analyzer, text):
    verdicts = _debrief(any_analyzer, text).verdicts()
    assert [s for s in ("chasing", "pressure", "prospect_pursued") if verdicts[s] == "yes"] == []


def test_new_columns_are_stored_and_shown_in_debriefs(tmp_path, analyzer):
    db = open_db(tmp_path / "d.db")
    db["memos"].insert({"id": 1, "file_sha256": "x", "file_name": "m.ogg", "status": "done", "recorded_at": MONDAY_EVENING})
    db["transcripts"].insert({"memo_id": 1, "text": "t"})
    debrief = _debrief(analyzer, "I keep calling and nothing. We might meet Tuesday at ten at her office.")
    save_analysis(db, 1, debrief, analyzer.pipeline_name)
    row = next(db.query("SELECT * FROM debriefs"))
    assert row["chasing"] == row["machine_chasing"] == "yes"
    assert row["followup"] == "tentative" and row["followup_at"] == "2026-11-24T10:00"
    assert row["coaching_note"].startswith('"Tuesday at ten" is not a meeting yet')
    assert row["decision_maker_missing"] == "nobody's role or authority to decide was said"
