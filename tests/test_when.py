"""Spoken meeting dates and times → ISO 8601, relative to the memo's recording time."""

from datetime import datetime

import pytest

from debrief.analyze.when import resolve_when

# Recorded Monday 23 November 2026, 5:05 p.m.
BASE = datetime(2026, 11, 23, 17, 5)

CASES = [
    # Weekdays: the next such day strictly after the recording day.
    ("Tuesday", "at ten", "2026-11-24T10:00"),
    ("next Tuesday", "at 10", "2026-11-24T10:00"),
    ("this Tuesday", "at two thirty", "2026-11-24T14:30"),
    ("on Friday", "noon", "2026-11-27T12:00"),
    ("Monday", "10am", "2026-11-30T10:00"),  # said on a Monday: next week's
    ("Tuesday morning", "8 o'clock", "2026-11-24T08:00"),
    # Relative days.
    ("tomorrow", "ten thirty a.m.", "2026-11-24T10:30"),
    ("the day after tomorrow", "twelve noon", "2026-11-25T12:00"),
    # Days of the month, as words or digits; a past day rolls into next month.
    ("the twelfth", "3 p.m.", "2026-12-12T15:00"),
    ("the 14th", "2:30", "2026-12-14T14:30"),
    ("on the thirtieth", "six", "2026-11-30T18:00"),
    ("the twenty-first", "at 7", "2026-12-21T07:00"),
    ("the 2nd", "quarter to three", "2026-12-02T14:45"),
    ("the 31st", "1030", "2026-12-31T10:30"),
    ("Friday the 9th", "half past two", "2026-12-09T14:30"),
    # Month and day: the next occurrence on/after the recording day.
    ("March 3rd", "3 p.m.", "2027-03-03T15:00"),
    ("January 5th", "ten oh five", "2027-01-05T10:05"),  # rolls into next year
    ("November 23rd", "10a.m.", "2026-11-23T10:00"),  # today, not next year
    ("the twelfth of December", "ten forty-five", "2026-12-12T10:45"),
    ("Dec. 1st", "a quarter past 11", "2026-12-01T11:15"),
    ("Friday, March 3rd", "two pm", "2027-03-03T14:00"),
    ("May 5th", "at 9 in the morning", "2027-05-05T09:00"),
    ("3/14", "noon", "2027-03-14T12:00"),
    ("3/14/2027", "12 am", "2027-03-14T00:00"),
    # No a.m./p.m.: business hours (7–11 morning, 12 noon, 1–6 afternoon).
    ("Tuesday", "at eleven", "2026-11-24T11:00"),
    ("Tuesday", "at twelve", "2026-11-24T12:00"),
    ("Tuesday", "at one fifteen", "2026-11-24T13:15"),
    ("Tuesday", "at 6", "2026-11-24T18:00"),
    ("Tuesday", "six a.m.", "2026-11-24T06:00"),  # said a.m.: the heuristic steps aside
    ("Tuesday", "14:00", "2026-11-24T14:00"),
    # Date without a (readable) time: the day alone.
    ("Tuesday", None, "2026-11-24"),
    ("the 14th", "whenever works", "2026-12-14"),
]


@pytest.mark.parametrize(("date_text", "time_text", "expected"), CASES)
def test_resolves_spoken_date_and_time(date_text, time_text, expected):
    assert resolve_when(date_text, time_text, BASE) == expected


@pytest.mark.parametrize(
    "date_text",
    [
        "we",  # date parsers read it as Wednesday
        "may",  # and this as May
        "We",
        "March",  # a month is not a day
        "next week",  # vague: no day to put on a calendar
        "sometime soon",
        "blah blah",
        "the 0th",
        "",
    ],
)
def test_unresolvable_date_gives_none(date_text):
    assert resolve_when(date_text, "at ten", BASE) is None
    assert resolve_when(date_text, None, BASE) is None


def test_time_without_date_gives_none():
    assert resolve_when(None, "at ten", BASE) is None


def test_output_has_minutes_but_no_seconds_or_zone():
    assert resolve_when("tomorrow", "at ten", datetime(2026, 11, 23, 17, 5, 42)) == "2026-11-24T10:00"
