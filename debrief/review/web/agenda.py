"""The agenda: the firm meetings reps booked, by date, and the same as iCalendar.

A meeting is on the agenda when its debrief's (effective) follow-up is firm —
in person or a call, a specific day and time agreed — and the day was
resolved (`followup_at`). A time makes a one-hour event in the rep's local
time (floating: iCalendar's "this time wherever you are", which is what the
rep said); a day alone makes an all-day event.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

FIRM = ("firm_in_person", "firm_remote")


def agenda_rows(db, since: str | None = None) -> list[dict]:
    """Firm meetings from `since` (an ISO date; None for all), soonest first."""
    sql = ("SELECT id, rep, account, followup, followup_when, followup_at, decision_maker, file_name, "
           "file_sha256 FROM debriefs WHERE followup IN (?, ?) AND followup_at IS NOT NULL")
    params: list = list(FIRM)
    if since:
        sql += " AND substr(followup_at, 1, 10) >= ?"
        params.append(since)
    return [dict(r) for r in db.query(sql + " ORDER BY followup_at, id", params)]


def by_day(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """[("Tuesday 24 November 2026", rows of that day), …] in date order."""
    days: dict[str, list[dict]] = {}
    for row in rows:
        day = date.fromisoformat(row["followup_at"][:10])
        days.setdefault(f"{day:%A} {day.day} {day:%B %Y}", []).append(row)
    return list(days.items())


def _text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (RFC 5545 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _when(followup_at: str) -> list[str]:
    if "T" in followup_at:
        start = datetime.fromisoformat(followup_at[:16])
        end = start + timedelta(hours=1)
        return [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
    day = date.fromisoformat(followup_at[:10])
    return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]


def to_ics(rows: list[dict], base_url: str = "") -> str:
    """One VCALENDAR, one VEVENT per meeting; the UID is stable (the memo's SHA-256),
    so importing the file again updates the events instead of doubling them."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//debrief//agenda//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Meetings booked (debrief)"]
    for row in rows:
        who = row["account"] or row["decision_maker"] or row["file_name"]
        kind = "in person" if row["followup"] == "firm_in_person" else "call"
        summary = f"{row['rep'] or 'rep'}: {who} ({kind})"
        description = f"Booked as: {row['followup_when'] or '?'}. Debrief {row['id']}: {row['file_name']}"
        lines += ["BEGIN:VEVENT", f"UID:{row['file_sha256']}@debrief", f"DTSTAMP:{stamp}",
                  *_when(row["followup_at"]), f"SUMMARY:{_text(summary)}",
                  f"DESCRIPTION:{_text(description)}"]
        if base_url:
            lines.append(f"URL:{base_url.rstrip('/')}/debriefs/{row['id']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
