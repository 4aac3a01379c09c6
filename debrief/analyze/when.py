"""Spoken date and time of a next meeting → an ISO 8601 timestamp.

The spaCy patterns have already cut out the date phrase ("next Tuesday", "the
twelfth", "March 3rd") and the time phrase ("ten thirty a.m.", "half past
two"). Only those phrases are read here, never the transcript: date parsers
read "We" as Wednesday and "may" as May.

dateparser reads calendar dates ("March 3rd", "3/14"), but it misreads the
forms reps actually say, so those are resolved here first:
  * ordinals as words ("the twelfth") — it does not know them;
  * a bare day of the month ("the 14th") — it returns the past one, even with
    PREFER_DATES_FROM='future';
  * weekdays — a memo recorded on a Tuesday that says "Tuesday" means next
    week's, which dateparser does not assume;
  * month and day without a year — it skips today's date to next year;
  * a weekday a week on ("Thursday week", "a week from Tuesday") and the nth
    weekday of a month ("the first Monday of next month").
Times are parsed here too: Whisper writes them as words or digits, and a time
without a.m./p.m. is read as business hours (a 3 o'clock meeting is at 15:00).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth"]

NUMBERS: dict[str, int] = {w: i for i, w in enumerate(UNITS, 1)}
NUMBERS |= {w: i for i, w in enumerate(TEENS, 10)}
NUMBERS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "oh": 0, "o": 0, "zero": 0}
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(ORDINAL_UNITS, 1)}
ORDINALS |= {w: i for i, w in enumerate(ORDINAL_TEENS, 10)}
ORDINALS |= {"twentieth": 20, "thirtieth": 30}

WEEKDAY = "|".join(WEEKDAYS)
ORDINAL_WORD = re.compile(r"\b(?:(twenty|thirty)[\s-]+)?(" + "|".join(ORDINALS) + r")\b")
# "tuesday", "next tuesday", "this coming tuesday", "on tuesday"
WEEKDAY_ONLY = re.compile(rf"^(?:on\s+)?(?:(?:next|this|coming)\s+)*({WEEKDAY})$")
# "the 14th", "on the 14", "friday the 9th". The day of the month decides: if the
# weekday disagrees, a misheard weekday is likelier than a meeting months away.
DAY_OF_MONTH = re.compile(
    rf"^(?:on\s+)?(?:(?:next|this)\s+)?(?:(?:{WEEKDAY})\s+)?(?:the\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th))$"
)
# A calendar date dateparser may read: a month name with a number, or 3/14.
MONTH_NAME = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b\.?")
SPOKEN_SLASH = re.compile(r"\b([a-z]+|\d{1,2}) slash ([a-z]+|\d{1,2})\b")
NUMERIC_DATE = re.compile(r"\b\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?\b")
RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "day after tomorrow": 2}
# "Thursday week", "a week Thursday", "a week from Tuesday": that weekday, a week later.
WEEKDAY_WEEK = re.compile(rf"^(?:on\s+)?(?:({WEEKDAY})\s+week|a\s+week\s+(?:from\s+|on\s+)?({WEEKDAY}))$")
# "the first Monday of next month", "the last Friday in March"
NTH_WEEKDAY = re.compile(
    rf"^(?:on\s+)?(?:the\s+)?(1st|2nd|3rd|4th|first|second|third|fourth|last)\s+({WEEKDAY})\s+(?:of|in)\s+(?:(next|this|the)\s+)?(month|{'|'.join(MONTHS)})$"
)
NTH = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def resolve_when(date_text: str | None, time_text: str | None, base: datetime) -> str | None:
    """ISO 8601 (e.g. '2026-11-24T10:00' or '2026-11-24' when no time) of the meeting, relative to base (the memo's recording time), or None if the date cannot be resolved."""
    day = resolve_date(date_text, base) if date_text else None
    if day is None:
        return None  # a time with no day is no appointment
    clock = resolve_time(time_text) if time_text else None
    if clock is None:
        return day.isoformat()
    hour, minute = clock
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def resolve_date(text: str, base: datetime) -> date | None:
    """The calendar day a spoken date phrase means, on or after base's date."""
    text = normalise_date(text)
    today = base.date()
    relative = RELATIVE_DAYS.get(re.sub(r"^the\s+", "", text))
    if relative is not None:
        return today + timedelta(days=relative)
    if m := WEEKDAY_ONLY.match(text):
        return next_weekday(today, WEEKDAYS.index(m.group(1)))
    if m := WEEKDAY_WEEK.match(text):
        return next_weekday(today, WEEKDAYS.index(m.group(1) or m.group(2))) + timedelta(days=7)
    if m := NTH_WEEKDAY.match(text):
        return nth_weekday(today, NTH[m.group(1)], WEEKDAYS.index(m.group(2)), m.group(3), m.group(4))
    if m := DAY_OF_MONTH.match(text):
        return next_day_of_month(today, int(m.group(1) or m.group(2)))
    return calendar_date(text, base)


# How typed notes shorten a weekday, before a date or time ("Mon 9 June", "Weds 22nd", "Thurs 3pm").
WEEKDAY_OF = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "weds": "wednesday",
              "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday"}
WEEKDAY_ABBREVIATION = re.compile(r"\b(" + "|".join(WEEKDAY_OF) + r")\b\.?")


def normalise_date(text: str) -> str:
    """Lower case, plain spaces, ordinal words as digits ("twenty-first" → "21st")."""
    text = re.sub(r"[,!?]|\.$", " ", text.lower())
    text = re.sub(r"\s*-\s*", "-", text)  # "twenty - second" as the tokenizer splits it
    text = ORDINAL_WORD.sub(lambda m: ordinal_digits(m.group(1), m.group(2)), text)
    text = WEEKDAY_ABBREVIATION.sub(lambda m: WEEKDAY_OF[m.group(1)], text)  # a note's "Mon 9 June"
    text = SPOKEN_SLASH.sub(_slashed, text)  # "five slash six" → "5/6"
    # "Tuesday morning": the part of the day is the time phrase's business.
    text = re.sub(r"\b(?:in the\s+)?(?:morning|mornin'?|afternoon|evening|night)$", " ", text)
    return " ".join(text.split())


def _slashed(m: re.Match) -> str:
    month, day = number([m.group(1)]), number([m.group(2)])
    return f"{month}/{day}" if month and day else m.group(0)


def ordinal_digits(tens: str | None, unit: str) -> str:
    """("twenty", "first") → "21st": the digit form the day patterns and dateparser read."""
    n = ORDINALS[unit] + (NUMBERS[tens] if tens else 0)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def next_weekday(today: date, weekday: int) -> date:
    """Strictly after today: "Tuesday" said on a Tuesday is next week's."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def nth_weekday(today: date, nth: int, weekday: int, which: str | None, month_word: str) -> date | None:
    """The nth (or last) weekday of this or next month, or of a named month on/after today."""
    if month_word == "month":
        year, month = today.year, today.month
        if which == "next":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        month = _month_number(month_word)
        year = today.year if month >= today.month else today.year + 1
    days = [date(year, month, d) for d in range(1, 32) if _valid(year, month, d) and date(year, month, d).weekday() == weekday]
    if not days or nth > len(days):
        return None
    return days[nth - 1] if nth > 0 else days[-1]


def _month_number(word: str) -> int:
    full = MONTHS[:12]
    return next(i for i, name in enumerate(full, 1) if name.startswith(word[:3]))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def next_day_of_month(today: date, day: int) -> date | None:
    """This month's day if not yet past, else the next month that has it."""
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):  # the 31st may skip a few short months
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def calendar_date(text: str, base: datetime) -> date | None:
    """A month-and-day date read by dateparser; without a year, the next one on/after base."""
    # Without a month name or a digit date there is nothing a calendar parser
    # should guess at: bare "we", "may", "march", "next week" stay unresolved.
    has_day = re.search(r"\d", MONTH_NAME.sub(" ", text))
    if not (NUMERIC_DATE.search(text) or (MONTH_NAME.search(text) and has_day)):
        return None
    import dateparser  # slow to import; only memos that name a date pay for it

    settings = {
        "RELATIVE_BASE": base.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "MDY",  # American reps: "3/14" is March 14th
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if re.search(r"\b\d{4}\b|/\d{2,4}$", text):
        return parsed.date()  # the year was said
    return next_month_day(base.date(), parsed.month, parsed.day)


def next_month_day(today: date, month: int, day: int) -> date | None:
    """dateparser skips today's date to next year; a memo means on/after today."""
    for year in range(today.year, today.year + 5):  # Feb 29 waits for a leap year
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


TIME_MARKERS = [
    (r"(\d)\s*(?=(?:[ap]\.?\s?m)\b)", r"\1 "),  # "10am", "10a.m." → "10 am"
    (r"\b(?:(?:twelve|12)\s+)?(?:noon|midday)\b", " 12 pm "),
    (r"\b(?:a\.?\s?m\b\.?|in the morning\b)", " am "),
    (r"\b(?:p\.?\s?m\b\.?|in the (?:afternoon|evening)\b|tonight\b)", " pm "),
    (r"\bo'?\s?clock\b", " "),
    (r"\b(?:at|around|about|by|like|say|sharp)\b", " "),
]
RELATION_WORDS = {"past": 1, "after": 1, "to": -1, "till": -1, "til": -1, "before": -1, "of": -1}


def resolve_time(text: str) -> tuple[int, int] | None:
    """(hour, minute) on a 24-hour clock, or None if the phrase is not a time."""
    words, meridiem = normalise_time(text)
    parsed = clock_reading(words)
    if parsed is None:
        return None
    hour, minute = parsed
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return apply_meridiem(hour, minute, meridiem)


def normalise_time(text: str) -> tuple[list[str], str | None]:
    """Words and digits of the phrase, with its a.m./p.m. taken out."""
    text = text.lower()
    for pattern, replacement in TIME_MARKERS:
        text = re.sub(pattern, replacement, text)
    # 'Friday 7 45', '745 Friday': Whisper's time beside its day; the day is read elsewhere
    words = [w for w in re.sub(r"[^a-z0-9:]+", " ", text).split() if w not in WEEKDAYS and w != "tomorrow"]
    meridiem = next((w for w in words if w in ("am", "pm")), None)
    return [w for w in words if w not in ("am", "pm")], meridiem


def clock_reading(words: list[str]) -> tuple[int, int] | None:
    """Hour and minute as said: "10:30", "ten thirty", "half past two", "quarter to three",
    and the British "half two" (half past two)."""
    if len(words) == 2 and words[0] == "half" and (hour := number(words[1:])) is not None:
        return hour, 30
    for i, word in enumerate(words):
        if word in RELATION_WORDS and 0 < i < len(words) - 1:
            return relative_reading(words[:i], RELATION_WORDS[word], words[i + 1 :])
    if len(words) == 1 and (m := re.fullmatch(r"(\d{1,2}):?(\d{2})", words[0])):
        return int(m.group(1)), int(m.group(2))  # "10:30", "1030"
    hour = number(words[:1])
    minute = number(words[1:]) if len(words) > 1 else 0
    return None if hour is None or minute is None else (hour, minute)


def relative_reading(before: list[str], sign: int, after: list[str]) -> tuple[int, int] | None:
    """Minutes past or to an hour: "half past two" → (2, 30), "quarter to three" → (2, 45)."""
    minutes, hour = number(before), number(after)
    if minutes is None or hour is None or not 0 < minutes < 60:
        return None
    return (hour, minutes) if sign > 0 else ((hour - 1) % 24, 60 - minutes)


def number(words: list[str]) -> int | None:
    """A small spoken or written number: "2", "thirty", "forty five", "oh five", "half", "quarter"."""
    words = [w for w in words if w != "a"]  # "a quarter past", "a half"
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if words == ["half"]:
        return 30
    if words == ["quarter"]:
        return 15
    values = [NUMBERS[w] for w in words if w in NUMBERS]
    if not values or len(values) != len(words) or len(values) > 2:
        return None
    if len(values) == 2 and not (values[0] % 10 == 0 and 0 < values[1] < 10):
        return None  # "forty five" and "oh five" are one number; "five ten" is not
    return sum(values)


def apply_meridiem(hour: int, minute: int, meridiem: str | None) -> tuple[int, int]:
    """24-hour clock; with no a.m./p.m., business hours: 7–11 morning, 12 noon, 1–6 afternoon."""
    if hour == 0 or hour > 12:
        return hour, minute  # already a 24-hour time ("14:00")
    if meridiem is None:
        meridiem = "am" if 7 <= hour <= 11 else "pm"
    return hour % 12 + (12 if meridiem == "pm" else 0), minute
