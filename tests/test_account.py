"""The account: which company the memo is about (debrief/analyze/account.py)."""

import json

import pytest

from debrief.records import Transcript

from .conftest import ROOT

POSITIVE = [
    ("Debrief on Northwind. Met the owner, she liked it.", "Northwind", "account-cue"),
    ("Okay, quick debrief on the Becker Bread Company. So I sat down with Tom Becker.", "Becker Bread Company",
     "account-cue"),
    ("Meeting at Harbor Dental went fine, Dr Lee is the owner.", "Harbor Dental", "account-cue"),
    ("Went back over at Castillo Roofing today, they use Acme Supply now.", "Castillo Roofing", "account-cue"),
    ("Stopped by Northside Printing and talked with Kevin for half an hour.", "Northside Printing", "account-cue"),
    ("Harbor Family Clinic. I met with Karen, she's the office manager.", "Harbor Family Clinic", "account-opening"),
    ("So, Olson Trucking. I met with Greg Olson, he's the CFO.", "Olson Trucking", "account-opening"),
    ("Apex roofing. Luis Ortega called us, he got our name from his accountant.", "Apex roofing",
     "account-opening"),
    ("Had a good chat with Maria at Summit Fitness this morning.", "Summit Fitness", "account-cue"),
    ("Tri-County Transit Authority. Met with Sharon Bates.", "Tri-County Transit Authority", "account-opening"),
]
NEGATIVE = [
    "I met Sarah on Monday and we talked for a while.",  # a person and a day
    "He said they are happy with Acme Supply, so nothing for now.",  # their current vendor
    "Met with Tom Becker, the owner, and he said yes to Tuesday at ten.",
    "So I talked to the CFO and she wants a proposal.",
]


@pytest.mark.parametrize("text, name, rule", POSITIVE)
def test_names_the_account(any_analyzer, text, name, rule):
    debrief = any_analyzer.analyze(Transcript.from_text(text))
    assert debrief.account == name
    assert [(e.field, e.rule_id) for e in debrief.evidence if e.field == "account"] == [("account", rule)]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_account_where_none_is_named(any_analyzer, text):
    debrief = any_analyzer.analyze(Transcript.from_text(text))
    assert debrief.account is None and not [e for e in debrief.evidence if e.field == "account"]


def test_every_sample_names_its_account(analyzer):
    """The bundled samples' file names are their accounts ('becker-bread' → 'Becker Bread Company')."""
    for label in sorted((ROOT / "samples" / "inbox").rglob("*.json")):
        script = json.loads(label.read_text())["script"]
        account = analyzer.analyze(Transcript.from_text(script)).account
        words = set(label.stem.split("-"))
        assert account and words <= set(account.lower().replace("-", " ").split()), (label.stem, account)


def test_account_is_stored_listed_and_correctable(manager_db):
    from typer.testing import CliRunner

    from debrief.cli import app

    def run(*args):
        result = CliRunner().invoke(app, [*args, "--db", str(manager_db)])
        assert result.exit_code == 0, result.output
        return result

    rows = json.loads(run("list", "-n", "0", "--json").stdout)
    assert all(r["account"] for r in rows)
    target = rows[0]
    listed = json.loads(run("list", "--account", target["account"].upper(), "--json").stdout)
    assert target["id"] in [r["id"] for r in listed] and all(
        r["account"].lower() == target["account"].lower() for r in listed)
    run("review", str(target["id"]), "--set", "account=Contoso Ltd", "--note", "renamed", "--by", "Ana")
    run("reanalyze", "--spacy-model", "blank")
    shown = json.loads(run("show", str(target["id"]), "--json").stdout)
    assert shown["account"] == "Contoso Ltd" and shown["machine_account"] == target["account"]
    assert [r["id"] for r in json.loads(run("list", "--account", "contoso ltd", "--json").stdout)] == [target["id"]]
