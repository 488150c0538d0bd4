"""Publication dates: absolute dates in many styles, and relative times resolved against the capture time."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_UNITS = {
    "second": 1, "sec": 1, "s": 1,
    "minute": 60, "min": 60, "m": 60,
    "hour": 3600, "hr": 3600, "h": 3600,
    "day": 86400, "d": 86400,
    "week": 7 * 86400, "wk": 7 * 86400, "w": 7 * 86400,
}
_RELATIVE = re.compile(
    r"^\s*(?:(?:published|posted|updated|last updated)\s*:?\s*)?"
    r"(?P<n>\d+|an?|one)\s*(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|[smhdw])\s+ago\.?"
    r"(?:,?\s+at\s+\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?)?\s*$",  # '2 days ago at 07:52 am': the clock time is the day's
    re.I,
)
_WORDS = {
    "just now": 0, "moments ago": 0, "a moment ago": 0, "today": 0, "yesterday": 86400,
}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
# a month's name or its abbreviation, a whole word: 'Marcus' is no March ('Mar' + 'cus')
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
# where a month name may begin: after a word boundary, or capitalised right after a lower-case letter,
# where two inline elements ran together ('Gary MarcusDec 14, 2025')
_MONTH_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_ABSOLUTE = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
    re.compile(rf"{_MONTH_START}(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
               re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
]
# 09/25/2025 (month first) or 19/12/2025 (day first): read only when the order cannot be mistaken
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)(?![\d/])")


def resolve_relative(phrase: str, fetched: datetime | None) -> datetime | None:
    """'13 minutes ago' -> fetched - 13 min; None when the phrase is not a relative time or no capture time is known."""
    if fetched is None:
        return None
    p = phrase.strip().lower().rstrip(".")
    if p in _WORDS:
        return fetched - timedelta(seconds=_WORDS[p])
    m = _RELATIVE.match(p)
    if not m:
        return None
    n = m.group("n")
    count = 1 if n in ("a", "an", "one") else int(n)
    unit = m.group("unit").lower()
    seconds = _UNITS.get(unit) or _UNITS.get(unit.rstrip("s")) or 0
    if not seconds:
        return None
    return fetched - timedelta(seconds=count * seconds)


def is_relative_time(line: str) -> bool:
    p = line.strip().lower().rstrip(".")
    return p in _WORDS or bool(_RELATIVE.match(p))


def find_date(text: str) -> datetime | None:
    """The first absolute calendar date in a short string, or None."""
    for rx in _ABSOLUTE:
        m = rx.search(text)
        if not m:
            continue
        try:
            year = int(m.group("y"))
            day = int(m.group("d"))
            if "mon" in m.groupdict() and m.group("mon"):
                mon = m.group("mon").lower().rstrip(".")[:3]
                month = [x[:3] for x in _MONTHS].index(mon) + 1
            else:
                month = int(m.group("m"))
            return datetime(year, month, day, tzinfo=UTC)
        except (ValueError, IndexError):
            continue
    return _numeric_date(text)


def _numeric_date(text: str) -> datetime | None:
    m = _NUMERIC.search(text)
    if not m:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat(timespec="seconds")


def iso_date_or_datetime(value: str | None) -> str | None:
    """Normalise a date string from a library (YYYY-MM-DD or ISO datetime) to ISO 8601."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        return iso(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None
