"""A debrief database of any size, made directly in SQLite (no audio, no models): for paging
tests and the web benchmark. Rows look like a real run's: reps, accounts, verdicts,
transcripts the search index sees, evidence, and a correction on every 50th."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from debrief.store.db import open_db, write_transaction

REPS = ("dana", "marcus", "priya", "sam", "lee", "noor")
ACCOUNTS = ("Harbor Dental", "Northwind", "Castillo Roofing", "Becker Bread Company", "Summit Fitness",
            "Olson Trucking", "Lakeside Hotel", "Metro Cleaners", "Pine Street Cafe", "Sunset Marina")
SENTENCES = ("I met with the owner and she has the final say.", "He said he'd think it over.",
             "We booked a sit-down at her office Tuesday at ten.", "The budget is frozen until spring.",
             "I'll send the proposal and check back.", "He has to run it by his boss.",
             "She asked what it would cost for two locations.", "They are happy with their current vendor.")


def generate_db(path: Path, n: int, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    db = open_db(path)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    with write_transaction(db):
        for i in range(1, n + 1):
            sha = hashlib.sha256(f"memo {i}".encode()).hexdigest()
            recorded = (start + timedelta(minutes=37 * i + rnd.randrange(30))).isoformat(timespec="seconds")
            text = " ".join(rnd.sample(SENTENCES, 4))
            followup = rnd.choice(("firm_in_person", "firm_remote", "tentative", "none"))
            db["memos"].insert({"id": i, "file_sha256": sha, "file_name": f"memo-{i}.m4a", "path": None,
                                "rep": rnd.choice(REPS), "size_bytes": 1000, "recorded_at": recorded,
                                "status": "done", "attempts": 1})
            db["transcripts"].insert({"memo_id": i, "text": text, "words": "[]", "duration_s": 60.0,
                                      "language": "en", "model": "tiny.en"})
            db["analyses"].insert({
                "memo_id": i, "followup": followup, "firm_followup": "yes" if followup == "firm_in_person" else "no",
                "followup_when": "Tuesday at ten" if followup.startswith("firm") else None,
                "followup_at": recorded[:10] + "T10:00" if followup.startswith("firm") else None,
                "followup_missing": "[]", "decision_maker_met": rnd.choice(("yes", "no", "unclear")),
                "excuses_accepted": rnd.choice(("yes", "no", "none")), "excuses": json.dumps([]),
                "proposal_without_meeting": rnd.choice(("yes", "no")), "chasing": "no", "pressure": "no",
                "prospect_pursued": "no", "account": rnd.choice(ACCOUNTS), "coaching": "{}",
                "patterns_version": "generated", "nlp_pipeline": "blank", "analyzed_at": recorded})
            db["evidence"].insert({"memo_id": i, "field": "followup", "rule_id": "agreed-booked",
                                   "sentence": text.split(".")[0] + ".", "start_s": 1.0, "end_s": 4.0})
            if i % 50 == 0:
                db["corrections"].insert({"file_sha256": sha, "field": "decision_maker_met", "value": "yes",
                                          "note": "generated", "corrected_by": "Ana", "corrected_at": recorded})
                db["reviews"].insert({"file_sha256": sha, "reviewed_by": "Ana", "note": "generated",
                                      "reviewed_at": recorded})
    db.close()
    return path
