"""The date an event sentence names ("on April 26", "last year", "earlier this week", "on Wednesday"),
resolved against the article's date. Precision follows the phrase: "2023" for last year, "2024-03" for
last month, a full date for a day; a week is given by its Monday.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I)
_MONTH_ONLY = re.compile(rf"\b{_MON}(?:\s+(?P<y>(?:19|20)\d\d))?\b", re.I)
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>day|week|month|year)s?\s+ago\b", re.I)
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10}
_RELATIVE = re.compile(r"\b(?P<which>last|this|next|past|previous|earlier this|later this)\s+(?P<u>week|month|year)\b", re.I)


def reference_date(published: str | None, fetched: str | None) -> date | None:
    """The article's own date: published, else fetched."""
    for value in (published, fetched):
        if value:
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                continue
    return None


def _shift_month(d: date, months: int) -> tuple[int, int]:
    n = d.year * 12 + d.month - 1 + months
    return n // 12, n % 12 + 1


def _year_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _before(ref: date, month: int, day: int) -> date | None:
    """The month/day on or before the reference (news reports the past), within the last year."""
    for year in (ref.year, ref.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= ref + timedelta(days=7):
            return d
    return None


def resolve(phrase: str, ref: date | None) -> str | None:
    """ISO date (or year / year-month) the phrase names, relative to ``ref``; None when it names none."""
    p = phrase.strip().lower()
    m = _MONTH_DAY.search(p) or _DAY_MONTH.search(p)
    if m:
        month, day = _MONTHS[m.group("mon")[:3]], int(m.group("d"))
        if m.group("y"):
            try:
                return date(int(m.group("y")), month, day).isoformat()
            except ValueError:
                return None
        if ref is None:
            return None
        d = _before(ref, month, day)
        return d.isoformat() if d else None
    if ref is None:
        y = _YEAR.search(p)
        return y.group("y") if y else None
    if "yesterday" in p:
        return (ref - timedelta(days=1)).isoformat()
    if "today" in p or "tonight" in p:
        return ref.isoformat()
    if "tomorrow" in p:
        return (ref + timedelta(days=1)).isoformat()
    for name, wd in _WEEKDAYS.items():
        if name in p:
            back = (ref.weekday() - wd) % 7
            if "next" in p:
                return (ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)).isoformat()
            if "last" in p and back == 0:
                back = 7
            return (ref - timedelta(days=back)).isoformat()
    m = _AGO.search(p)
    if m:
        n = _NUM.get(m.group("n")) or int(m.group("n"))
        unit = m.group("u")
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat()
        if unit == "week":
            return (ref - timedelta(weeks=n)).isoformat()
        if unit == "month":
            return _year_month(*_shift_month(ref, -n))
        return str(ref.year - n)
    m = _RELATIVE.search(p)
    if m:
        which, unit = m.group("which"), m.group("u")
        step = -1 if which in ("last", "past", "previous") else 1 if which == "next" else 0
        if unit == "year":
            return str(ref.year + step)
        if unit == "month":
            return _year_month(*_shift_month(ref, step))
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return monday.isoformat()
    m = _MONTH_ONLY.search(p)
    if m and (m.group("mon") != "may" or m.group("y") or re.search(r"\bin may\b", p)):
        month = _MONTHS[m.group("mon")[:3]]
        if m.group("y"):
            return _year_month(int(m.group("y")), month)
        year = ref.year if month <= ref.month else ref.year - 1
        return _year_month(year, month)
    y = _YEAR.search(p)
    if y:
        return y.group("y")
    return None
