"""The `debrief` command: what enters is the command line (arguments, options,
`DEBRIEF_*` variables, stdin for `analyze -`); what leaves is text for people or
JSON/CSV for programs on stdout, progress and one-line errors on stderr, and a
non-zero exit code for any failure (2 for an error, 1 when a memo or a check
failed). Each command parses, makes one library call and renders; no SQL, spaCy
or Whisper here. The commands live in one module per group, over the shared
`options`: `run` (the inbox), `check` (analyze, doctor, eval, patterns),
`browse` (list, show, search, query, export), `correct` (review, reanalyze,
forget) and `report` (report, serve). Only this module imports them, to build
`app`.
"""

from __future__ import annotations

import typer

from . import browse, check, correct, report, run

# Transcripts are personal data: never print local variables in tracebacks.
app = typer.Typer(
    help="Voice memos from sales meetings become structured, evidenced debriefs.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
# Without a name, each group's commands join `app` itself: `debrief list`, not
# `debrief browse list`. `--help` lists them in this order.
for group in (run, check, browse, correct, report):
    app.add_typer(group.app)
