"""How results look: a table for people, JSON or CSV for programs.

Kept apart from the commands (cli/) so each stays one screen: parse, call the
library, hand the result to one of these.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata

# A cell a spreadsheet would run as a formula (CSV injection): =, +, -, @, tab, CR.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def emit_rows(rows: list[dict], columns: list[str] | tuple[str, ...], fmt: str, title: str | None = None) -> None:
    """Write rows to stdout as a table (text), a JSON list, or CSV with a header."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")
    elif fmt == "csv":
        sys.stdout.write(to_csv(rows, columns))
    elif not rows:
        sys.stderr.write("(no rows)\n")
    else:
        print_table(rows, columns, title)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1…", "@SUM")
    gets a leading apostrophe, OWASP's advice for CSV injection; numbers are left alone."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(rows: list[dict], columns) -> str:
    """CSV with a header; every text cell neutralised (see `neutralise`)."""
    buffer = io.StringIO()
    # Every text cell quoted: a CR inside one (which QUOTE_MINIMAL leaves bare with "\n"
    # line ends) would otherwise split the row for the reader.
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def neutralise(value):
    """A text cell starting like a formula gets a leading single quote, so a
    spreadsheet shows it instead of running it. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def printable(text) -> str:
    """Text safe to print on a terminal: control and format characters (newlines,
    escape codes, bidi overrides) shown escaped instead of obeyed."""
    text = "" if text is None else str(text)
    return "".join(_escape(c) if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def _escape(char: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_table(rows: list[dict], columns, title: str | None = None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:  # escape: "[" in a snippet or a name is text, not rich markup
        table.add_row(*["" if row.get(c) is None else escape(printable(row.get(c))) for c in columns])
    console = Console()
    if not console.is_terminal:  # piped into a file or a pager: do not fold at 80 columns
        console = Console(width=220)
    console.print(table)


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    return f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}"


def render_verdicts(v: dict) -> list[str]:
    lines = [f"Follow-up:          {v['followup']}" + (f"  ({v['followup_when']})" if v.get("followup_when") else "")]
    if v.get("followup_missing"):
        lines.append(f"  missing: {', '.join(v['followup_missing'])}")
    lines.append(f"Firm follow-up:     {v['firm_followup']}")
    who = f"  ({v['decision_maker']})" if v.get("decision_maker") else ""
    lines.append(f"Decision-maker met: {v['decision_maker_met']}{who}")
    lines.append(f"Excuses accepted:   {v['excuses_accepted']}")
    for excuse in v.get("excuses") or []:
        lines.append(f"  - {excuse['kind']}: \"{excuse['words']}\" → {excuse['handled']}")
    lines.append(f"Proposal without meeting: {v.get('proposal_without_meeting', 'no')}")
    lines.append("Signals:            " + ", ".join(
        f"{name.replace('_', ' ')} {v.get(name) or 'no'}" for name in ("chasing", "pressure", "prospect_pursued")))
    if v.get("account"):
        lines.append(f"Account:            {v['account']}")
    if v.get("coaching_note"):
        lines.append(f"Coaching:           {v['coaching_note']}")
    return lines


def render_evidence(evidence: list[dict]) -> list[str]:
    """One line per sentence, with its time in the audio and every rule it fired."""
    if not evidence:
        return []
    lines, grouped = ["Evidence:"], {}
    for e in evidence:
        rule = e["rule_id"] if e.get("score") is None else f"{e['rule_id']} ({e['score']:.2f})"
        grouped.setdefault((e["field"], e["sentence"], e["start_s"], e["end_s"]), []).append(rule)
    for (field, sentence, start, end), rule_ids in grouped.items():
        at = f"[{clock(start)}–{clock(end)}] " if start is not None else ""
        lines.append(f"  {field:<24} {at}\"{sentence}\"")
        lines.append(f"  {'':<24} rules: {', '.join(rule_ids)}")
    return lines


def render_debrief_detail(detail: dict) -> str:
    d = detail
    lines = [
        f"Debrief {d['id']}: {printable(d['file_name'])}",
        f"Rep: {d['rep'] or '(none)'}    Recorded: {d['recorded_at']}    Length: {clock(d['duration_s'])}",
        f"Model: {d['model']}    Patterns: {d['patterns_version']}    Reviewed: {d['reviewed']}",
        "",
        *render_verdicts(d),
    ]
    machine = [f"  {f}: manager says {d[f]!r}, machine said {d['machine_' + f]!r}"
               for f in ("followup", "firm_followup", "followup_when", "decision_maker_met",
                         "decision_maker", "excuses_accepted", "proposal_without_meeting", "chasing",
                         "pressure", "prospect_pursued", "account")
               if d.get("machine_" + f) != d.get(f)]
    if machine:
        lines += ["Corrected by a manager:", *machine]
    lines += ["", *render_evidence(d["evidence"])]
    if d["corrections"] or d["reviews"]:
        lines += ["", "Reviews:"]
        for r in d["reviews"]:
            lines.append(f"  {r['reviewed_at']} {r['reviewed_by']}: {r['note'] or ''}".rstrip())
        for c in d["corrections"]:
            lines.append(f"    set {c['field']} = {c['value']} ({c['corrected_by']}, {c['corrected_at']})")
    lines += ["", "Transcript (evidence marked »…«):", mark_evidence(d["transcript"], d["evidence"])]
    return "\n".join(lines)


def mark_evidence(transcript: str, evidence: list[dict]) -> str:
    marked = transcript
    for sentence in dict.fromkeys(e["sentence"] for e in evidence):
        if sentence and sentence in marked:
            marked = marked.replace(sentence, f"»{sentence}«", 1)
    return marked
