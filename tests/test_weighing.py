"""The weighing (debrief/analyze/weighing.py): weights as valid data, a deterministic fit that
keeps only what several writers said, the weighed value deciding with its evidence and score,
and a close call flagged with what the rules alone said."""

import json

import pytest

from debrief.analyze.decision_maker import DecisionMakerVerdict
from debrief.analyze.excuses import ExcusesVerdict
from debrief.analyze.training import fit
from debrief.analyze.weighing import (CONFIDENT, WEIGHED_VERDICTS, WEIGHTS_DIR, Weighing, load_weights,
                                      settle_decision_maker, settle_excuses)
from debrief.records import Excuse, Transcript
from debrief.store.db import open_db, save_analysis

VALUES = {"decision_maker_met": ["no", "unclear", "yes"], "excuses_accepted": ["no", "none", "yes"]}

OWNER_MET = (
    "Okay, Harwood Tiles. I sat down with Dana Ruiz this morning, she owns the place outright and signs every "
    "cheque. She liked the trial numbers. I asked what would stop her going ahead and she said honestly nothing, "
    "she wants to see it on the shop floor first. So we set it up: I'm back there Thursday the ninth at ten, in "
    "person, she put it in her calendar while I was standing there."
)


@pytest.mark.parametrize("verdict", WEIGHED_VERDICTS)
def test_weights_are_valid_data(verdict):
    data = json.loads((WEIGHTS_DIR / f"{verdict}.json").read_text())
    assert data["verdict"] == verdict and data["classes"] == VALUES[verdict]
    assert data["min_writers"] >= 3 and len(data["trained_on"]["writers"]) >= 10
    assert len(data["bias"]) == 3 and all(len(row) == 3 for row in data["weights"].values())
    assert load_weights(verdict).classes == VALUES[verdict]


def test_fit_is_deterministic_and_keeps_only_what_three_writers_said():
    features = [{"w=shared": set(), "w=own": set()}, {"w=shared": set()}, {"w=shared": set(), "w=own": set()},
                {"w=other": set()}, {"w=other": set()}, {"w=other": set()}]
    labels = ["yes", "yes", "yes", "no", "no", "no"]
    writers = ["a", "b", "c", "a", "b", "c"]
    first = fit(features, labels, writers, "decision_maker_met")
    again = fit(features, labels, writers, "decision_maker_met")
    assert first == again
    assert set(first.weights) == {"w=shared", "w=other"}  # "w=own": two writers only
    assert first.weigh({"w=shared": set()}).value == "yes" and first.weigh({"w=other": set()}).value == "no"


def test_the_weighed_value_decides_and_leaves_its_sentence_and_score(analyzer, tmp_path):
    debrief = analyzer.analyze(Transcript.from_text(OWNER_MET))
    assert debrief.decision_maker_met == "yes" and "Dana Ruiz" in debrief.decision_maker
    weighed = [e for e in debrief.evidence if e.rule_id == "weighed-decision_maker_met"]
    assert len(weighed) == 1 and 0.0 < weighed[0].score <= 1.0 and weighed[0].sentence in OWNER_MET
    db = open_db(tmp_path / "d.db")
    memo_id = db["memos"].insert({"file_sha256": "x", "file_name": "m.ogg", "status": "done"}).last_pk
    save_analysis(db, memo_id, debrief, analyzer.pipeline_name)
    stored = db.execute("SELECT score FROM evidence WHERE rule_id = 'weighed-decision_maker_met'").fetchone()
    assert stored[0] == weighed[0].score


def test_the_rules_alone_leave_no_weighed_evidence(rules_analyzer):
    debrief = rules_analyzer.analyze(Transcript.from_text(OWNER_MET))
    assert all(not e.rule_id.startswith("weighed-") and e.score is None for e in debrief.evidence)


def _weighing(verdict, value, probability):
    return Weighing(verdict, value, probability, {value: probability}, None)


def test_a_close_weighing_is_unsure_and_says_what_the_rules_said():
    rules = DecisionMakerVerdict("unclear", None, [], "nothing says who decides", met_label="Ann Cole",
                                 confident=False, unsure_reason="nothing says who was met or who decides")
    settled = settle_decision_maker(rules, _weighing("decision_maker_met", "yes", 0.55))
    assert settled.value == "yes" and settled.who == "Ann Cole" and not settled.confident
    assert "55%" in settled.unsure_reason and "the rules alone said unclear" in settled.unsure_reason
    sure = settle_decision_maker(DecisionMakerVerdict("no", None, []),
                                 _weighing("decision_maker_met", "no", CONFIDENT["decision_maker_met"]))
    assert sure.confident and sure.unsure_reason is None


@pytest.mark.parametrize("found, weighed, kinds", [
    ([], "yes", [("unspecified", "accepted")]),
    ([], "no", [("unspecified", "probed")]),
    ([("price", "accepted"), ("send_info", "accepted")], "no", [("price", "probed"), ("send_info", "probed")]),
    ([("price", "probed"), ("send_info", "converted")], "yes", [("price", "accepted"), ("send_info", "converted")]),
    ([("price", "accepted")], "none", []),
])
def test_the_stall_list_changes_as_little_as_it_takes_to_agree(found, weighed, kinds):
    verdict = ExcusesVerdict([Excuse(kind, "words", handled) for kind, handled in found], [])
    settled = settle_excuses(verdict, _weighing("excuses_accepted", weighed, 0.9), "the sentence")
    assert [(e.kind, e.handled) for e in settled.excuses] == kinds


def test_an_unsure_weighing_does_not_overrule_sure_rules():
    rules = DecisionMakerVerdict("yes", "Ann Cole, owner", [])
    settled = settle_decision_maker(rules, _weighing("decision_maker_met", "no", 0.45))
    assert settled.value == "yes" and settled.who == "Ann Cole, owner" and not settled.confident
    assert settled.unsure_reason == "the rules say yes; weighed over the whole memo, 45% for no"
    doubted = DecisionMakerVerdict("yes", "Ann Cole, owner", [], unsure_reason="a title alone")
    assert settle_decision_maker(doubted, _weighing("decision_maker_met", "no", 0.45)).value == "no"


def test_analyze_weighs_by_default_and_not_with_rules_only():
    from typer.testing import CliRunner

    from debrief.cli import app

    def weighed_rows(*flags):
        result = CliRunner().invoke(app, ["analyze", "--json", *flags, OWNER_MET])
        assert result.exit_code == 0, result.output
        return [e for e in json.loads(result.stdout)["evidence"] if e["rule_id"].startswith("weighed-")]

    assert {e["field"] for e in weighed_rows()} == set(WEIGHED_VERDICTS)
    assert weighed_rows("--rules-only") == []
