"""The calendar engine on DOMAIN §3's worked examples (official 2026 arrangement)."""

from __future__ import annotations

import datetime as dt

import pytest

from anshang.core.calendar import Calendar, CalendarGap, package_arrangements

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


# --- the engine against a simple day-by-day reference -------------------------------------

import chinese_calendar  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

FIRST, LAST = D(2004, 1, 1), D(2026, 12, 31)
ENGINE = Calendar(package_arrangements())


def _is_work(day):
    return chinese_calendar.is_workday(day)


def ref_workdays(start, n):
    step = 1 if n > 0 else -1
    day, left = start, abs(n)
    while left:
        day += dt.timedelta(days=step)
        if _is_work(day):
            left -= 1
    return day


def ref_days(start, n):
    day = start + dt.timedelta(days=n)
    step = 1 if n >= 0 else -1
    while not _is_work(day):
        day += dt.timedelta(days=step)
    return day


dates = st.dates(min_value=D(2004, 3, 15), max_value=D(2026, 10, 15))  # ±40 stays in 2004–2026


@settings(max_examples=400, deadline=None)
@given(dates, st.integers(min_value=-40, max_value=40).filter(lambda n: n != 0))
def test_workdays_match_reference(start, n):
    expected = ref_workdays(start, n)
    if FIRST <= expected <= LAST:
        got = ENGINE.add_workdays(start, n)
        assert (got.due, got.provisional) == (expected, False)


@settings(max_examples=400, deadline=None)
@given(dates, st.integers(min_value=-40, max_value=40))
def test_calendar_days_match_reference(start, n):
    expected = ref_days(start, n)
    if FIRST <= expected <= LAST:
        assert ENGINE.add_days(start, n).due == expected


@settings(max_examples=200, deadline=None)
@given(dates)
def test_is_workday_matches_package(day):
    assert ENGINE.is_workday(day) == _is_work(day)


def test_every_day_2004_2026_agrees_with_package():
    day = FIRST
    while day <= LAST:
        assert ENGINE.is_workday(day) == _is_work(day), day
        day += dt.timedelta(days=1)


def test_longterm_schedule_switch(cal):
    from anshang.core.deadlines import Rule

    assert Rule("every_days", 10).due(cal, D(2026, 9, 30)).due == D(2026, 10, 10)
    assert Rule("every_workdays", 10).due(cal, D(2026, 9, 30)).due == D(2026, 10, 20)


def test_supplement_overrides_package():
    from anshang.core.calendar import YearArrangement

    years = package_arrangements()
    fixed = YearArrangement(2026, "calendar/2026.yaml", dict(years[2026].off), set(years[2026].on))
    fixed.off[D(2026, 10, 9)] = "更正"  # pretend the notice also gave 9 October off
    cal = Calendar({**years, 2026: fixed})
    assert cal.add_workdays(D(2026, 9, 30), 7).due == D(2026, 10, 16)
