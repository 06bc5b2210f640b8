"""The calendar engine on DOMAIN §3's worked examples (official 2026 arrangement)."""

from __future__ import annotations

import datetime as dt

import pytest

from anshang.calendar import Calendar, CalendarGap, package_arrangements

D = dt.date


@pytest.fixture(scope="module")
def cal():
    return Calendar(package_arrangements())


def test_seven_workdays_across_national_day(cal):
    assert cal.add_workdays(D(2026, 9, 30), 7).due == D(2026, 10, 15)


def test_seven_workdays_count_makeup_saturdays(cal):
    assert cal.add_workdays(D(2026, 2, 13), 7).due == D(2026, 3, 2)


def test_thirty_days_roll_past_sunday(cal):
    assert cal.add_days(D(2026, 2, 13), 30).due == D(2026, 3, 16)


def test_ten_days_ending_on_makeup_saturday(cal):
    assert cal.add_days(D(2026, 9, 30), 10).due == D(2026, 10, 10)


def test_counting_back_for_notices(cal):
    due = cal.add_workdays(D(2026, 3, 19), -15).due
    assert cal.add_workdays(due, 15).due == D(2026, 3, 19)


def test_uncovered_year_is_an_error_naming_the_file(cal):
    with pytest.raises(CalendarGap) as e:
        cal.add_workdays(D(2026, 12, 24), 7)
    assert "2027" in e.value.message and "calendar/2027.yaml" in e.value.message
    assert e.value.exit_code == 2


def test_provisional_only_when_asked():
    cal = Calendar(package_arrangements(), allow_provisional=True)
    due = cal.add_workdays(D(2026, 12, 24), 7)
    assert due.provisional and due.due == D(2027, 1, 4)  # weekends only: 1 January counts
