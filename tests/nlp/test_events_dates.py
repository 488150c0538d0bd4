"""Dates named in event sentences, resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.nlp.events.dates import reference_date, resolve

FRIDAY = date(2024, 4, 26)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on April 26", "2024-04-26"),
        ("26 April", "2024-04-26"),
        ("December 3", "2023-12-03"),  # news reports the past: the last December 3
        ("March 5, 2019", "2019-03-05"),
        ("on Wednesday", "2024-04-24"),
        ("Friday", "2024-04-26"),
        ("last Friday", "2024-04-19"),
        ("yesterday", "2024-04-25"),
        ("today", "2024-04-26"),
        ("three days ago", "2024-04-23"),
        ("earlier this week", "2024-04-22"),
        ("last week", "2024-04-15"),
        ("last month", "2024-03"),
        ("last year", "2023"),
        ("in 1998", "1998"),
        ("in February", "2024-02"),
        ("in May", "2023-05"),
        ("the past decade", None),
    ],
)
def test_relative_and_absolute_dates(phrase, expected):
    assert resolve(phrase, FRIDAY) == expected


def test_without_an_article_date_only_absolute_dates_resolve():
    assert resolve("last year", None) is None
    assert resolve("June 2, 2021", None) == "2021-06-02"


def test_reference_date_prefers_published_then_fetched():
    assert reference_date("2024-04-26T09:00:00Z", "2024-05-01T00:00:00Z") == FRIDAY
    assert reference_date(None, "2024-05-01T00:00:00+00:00") == date(2024, 5, 1)
    assert reference_date("not a date", None) is None
