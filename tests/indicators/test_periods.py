import datetime

import pytest

from vahti.indicators.periods import PeriodError, format_period, parse_period


@pytest.mark.parametrize(
    ("text", "resolution", "stored"),
    [
        ("2023", "year", datetime.date(2023, 12, 31)),
        ("2023-12-31", "year", datetime.date(2023, 12, 31)),
        ("2024-02", "month", datetime.date(2024, 2, 29)),
        ("5/2024", "month", datetime.date(2024, 5, 31)),
        ("2024-05-17", "day", datetime.date(2024, 5, 17)),
        ("17.5.2024", "day", datetime.date(2024, 5, 17)),
    ],
)
def test_periods_are_stored_on_their_last_day(text, resolution, stored):
    assert parse_period(text, resolution) == stored
    assert parse_period(format_period(stored, resolution), resolution) == stored


@pytest.mark.parametrize(
    ("text", "resolution", "message"),
    [
        (
            "2023-06-15",
            "year",
            "2023-06-15 is within a period: this indicator has a value per year",
        ),
        ("2023", "month", "“2023” is a year, but this indicator has a value per month."),
        ("2023-05", "year", "“2023-05” is a month, but this indicator has a value per year."),
        ("2023-02-30", "day", "“2023-02-30” is not a date."),
        ("last year", "year", "“last year” is not a date"),
    ],
)
def test_a_date_off_the_resolution_is_refused_saying_why(english, text, resolution, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text, resolution)
