from __future__ import annotations

from datetime import UTC, datetime

from dateline.extract.dates import find_date, is_relative_time, resolve_relative

NOW = datetime(2024, 4, 27, 12, 0, tzinfo=UTC)


def test_relative_times_resolve_against_capture_time():
    assert resolve_relative("13 minutes ago", NOW) == datetime(2024, 4, 27, 11, 47, tzinfo=UTC)
    assert resolve_relative("2 hours ago", NOW) == datetime(2024, 4, 27, 10, 0, tzinfo=UTC)
    assert resolve_relative("a day ago", NOW) == datetime(2024, 4, 26, 12, 0, tzinfo=UTC)
    assert resolve_relative("3 weeks ago", NOW).day == 6
    assert resolve_relative("13 minutes ago", None) is None
    assert resolve_relative("The minister said", NOW) is None


def test_is_relative_time():
    assert is_relative_time("5 hours ago")
    assert not is_relative_time("Five-point consensus")


def test_absolute_dates_in_common_styles():
    assert find_date("Published 26 April 2024") == datetime(2024, 4, 26, tzinfo=UTC)
    assert find_date("November 20, 2019") == datetime(2019, 11, 20, tzinfo=UTC)
    assert find_date("2019-11-20T10:00") == datetime(2019, 11, 20, tzinfo=UTC)
    assert find_date("2024年4月26日") == datetime(2024, 4, 26, tzinfo=UTC)
    assert find_date("no date here") is None


def test_newspaper_datelines_and_prefixed_relative_times():
    assert find_date("Nov. 3, 2025") == datetime(2025, 11, 3, tzinfo=UTC)
    assert find_date("Updated 1:39 am EST, Wednesday, November 20, 2019") == datetime(2019, 11, 20, tzinfo=UTC)
    assert resolve_relative("Updated 2 hours ago", NOW) == datetime(2024, 4, 27, 10, 0, tzinfo=UTC)
    assert not is_relative_time("Updated 6:42 p.m.")


def test_numeric_dates_only_when_the_order_is_clear():
    assert find_date("09/25/2025") == datetime(2025, 9, 25, tzinfo=UTC)
    assert find_date("19/12/2025") == datetime(2025, 12, 19, tzinfo=UTC)
    assert find_date("05/06/2025") is None
    assert find_date("version 1.2.2019") is None


def test_a_date_glued_to_the_next_word():
    assert find_date("Posted on June 29, 2020November 12, 2021") == datetime(2020, 6, 29, tzinfo=UTC)


def test_a_month_is_a_whole_word_and_may_follow_a_name_run_into_it():
    assert find_date("Gary MarcusDec 14, 2025") == datetime(2025, 12, 14, tzinfo=UTC)
    assert find_date("Marcus 14, 2025") is None  # 'Mar' + 'cus' is no March
    assert find_date("Sept. 3, 2024") == datetime(2024, 9, 3, tzinfo=UTC)


def test_a_relative_time_with_the_clock_time_is_relative():
    from datetime import datetime

    from dateline.extract.dates import is_relative_time, resolve_relative

    assert is_relative_time("2 days ago at 07:52 am")
    assert resolve_relative("2 days ago at 07:52 am", datetime(2025, 3, 10, 12, 0)) == datetime(2025, 3, 8, 12, 0)
    assert not is_relative_time("2 days ago at the station")
