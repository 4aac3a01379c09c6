"""What the pages show, shaped from the library's rows: no SQL here beyond a lookup or two.

Kept apart from the routes so each can be tested without a server: the
transcript with its evidence marked (escaped piece by piece, never by
string replacement on HTML), where a memo's audio is now, and the
scorecard's figures as links to the debriefs behind them.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlencode

from markupsafe import Markup, escape

from ...store.corrections import ALLOWED_VALUES
from ...store.migrations import CORRECTABLE

AUDIO_TYPES = {".m4a": "audio/mp4", ".aac": "audio/aac", ".mp4": "audio/mp4", ".mp3": "audio/mpeg",
               ".wav": "audio/wav", ".flac": "audio/flac", ".ogg": "audio/ogg", ".oga": "audio/ogg",
               ".opus": "audio/ogg", ".webm": "audio/webm"}
VERDICT_ROWS = (  # field, label, near-miss column
    ("followup", "Follow-up", "followup_missing"),
    ("firm_followup", "Firm face-to-face follow-up", None),
    ("decision_maker_met", "Decision-maker met", "decision_maker_missing"),
    ("excuses_accepted", "Excuses accepted", None),
    ("proposal_without_meeting", "Proposal without a meeting", None),
    ("chasing", "Chasing", None),
    ("pressure", "Pressure", None),
    ("prospect_pursued", "Prospect pursued the rep", None),
    ("account", "Account", None),
)


# Verdicts where "yes" is the habit missed: shown in the warning colour.
INVERTED = {"excuses_accepted", "proposal_without_meeting", "chasing", "pressure"}


def correction_fields() -> list[dict]:
    """Every field the form may correct, with the values it takes (free text when none)."""
    return [{"name": f, "values": sorted(ALLOWED_VALUES.get(f, ()))} for f in CORRECTABLE]


def mark_transcript(transcript: str, evidence: list[dict]) -> Markup:
    """The transcript as HTML, each evidence sentence a clickable <mark> that knows its time."""
    spans = []  # (start, end, evidence row), first occurrence of each sentence, no overlaps
    for row in evidence:
        sentence = row["sentence"] or ""
        at = transcript.find(sentence) if sentence else -1
        if at < 0 or any(s < at + len(sentence) and at < e for s, e, _ in spans):
            continue
        spans.append((at, at + len(sentence), row))
    spans.sort(key=lambda s: s[0])
    html, last = [], 0
    fields = _fields_by_sentence(evidence)
    for start, end, row in spans:
        html.append(escape(transcript[last:start]))
        timed = row["start_s"] is not None
        attrs = f' data-start="{row["start_s"]:.2f}" tabindex="0" role="button"' if timed else ""
        title = escape(", ".join(fields[row["sentence"]]))
        html.append(Markup(f'<mark class="evidence"{attrs} title="{title}">')
                    + escape(transcript[start:end]) + Markup("</mark>"))
        last = end
    html.append(escape(transcript[last:]))
    return Markup("").join(html)


def _fields_by_sentence(evidence: list[dict]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for row in evidence:
        fields.setdefault(row["sentence"], [])
        if row["field"] not in fields[row["sentence"]]:
            fields[row["sentence"]].append(row["field"])
    return fields


def group_evidence(evidence: list[dict]) -> list[dict]:
    """One entry per (field, sentence), with every rule that fired on it."""
    grouped: dict[tuple, dict] = {}
    for e in evidence:
        key = (e["field"], e["sentence"])
        entry = grouped.setdefault(key, {**e, "rules": []})
        score = e.get("score")
        entry["rules"].append(e["rule_id"] if score is None else f"{e['rule_id']} ({score:.2f})")
    return list(grouped.values())


def audio_location(row: dict, db_path: Path) -> tuple[Path | None, list[str]]:
    """Where the memo's audio is now: `memos.path` as the ledger last saw it (a relative
    path is read from here, then from the database's folder), else where it was moved."""
    tried, candidates = [], []
    for value in (row.get("path"), row.get("moved_to")):
        if not value:
            continue
        path = Path(value)
        candidates += [path] if path.is_absolute() else [Path.cwd() / path, db_path.parent / path]
    for path in candidates:
        tried.append(str(path))
        if path.is_file():
            return path, tried
    return None, tried


def audio_type(path: Path) -> str:
    return AUDIO_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def list_link(**filters) -> str:
    """The debriefs list behind a figure: /debriefs?rep=…&firm_followup=yes…"""
    query = {k: v for k, v in filters.items() if v not in (None, "")}
    return "/debriefs" + ("?" + urlencode(query) if query else "")


def scorecard_links(score, since: str | None, until: str | None, team: bool) -> dict[str, str]:
    """For one rep's (or the team's) row: the list behind each figure."""
    base = {"since": since, "until": until, "rep": None if team else score.rep}
    return {
        "memos": list_link(**base),
        "firm_f2f_share": list_link(**base, firm_followup="yes"),
        "dm_met_share": list_link(**base, dm="yes"),
        "stalls_memos": list_link(**base, excuses="stalled"),
        "stalls_accepted_share": list_link(**base, excuses="yes"),
        "proposals_without_meeting": list_link(**base, proposal="yes"),
    }
