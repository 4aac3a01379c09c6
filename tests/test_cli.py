"""Every command has help, and the README documents it."""

import re
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from debrief.cli import app

from .conftest import ROOT

COMMANDS = sorted(get_command(app).commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help_and_is_in_readme(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout
    assert f"debrief {command}" in (ROOT / "README.md").read_text()


def test_help_does_not_import_heavy_libraries():
    code = "import sys; from debrief.cli import app; print(any(m in sys.modules for m in ('spacy', 'faster_whisper', 'av', 'ctranslate2')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_patterns_lists_every_rule_as_json():
    import json

    from debrief.analyze.patterns import load_rules

    result = CliRunner().invoke(app, ["patterns", "--json"])
    assert {r["id"] for r in json.loads(result.stdout)} == {r.id for r in load_rules()}


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_flag_types_and_no_swallowed_defaults(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert "<bool>" not in result.stdout
    assert not re.search(r"\w \.(\s|$)", result.stdout)  # "SQLite database ." was a default rich swallowed


def test_analyze_prints_signals_account_and_coaching():
    text = "Debrief on Northwind. I met Tom, the owner. He said he'd think it over and I said no problem."
    result = CliRunner().invoke(app, ["analyze", text, "--spacy-model", "blank"])
    assert result.exit_code == 0, result.output
    assert "Signals:            chasing no, pressure no, prospect pursued no" in result.stdout
    assert "Account:            Northwind" in result.stdout and "Coaching:" in result.stdout
