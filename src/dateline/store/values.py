"""Reading the record's date strings as typed values."""

from __future__ import annotations

from datetime import UTC, date, datetime


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 date or time as an aware UTC datetime (a date alone is midnight UTC); None if unreadable."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def parse_date(value: str | None) -> date | None:
    """The calendar day of an ISO 8601 date or time as written (no time-zone shift); None if unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
