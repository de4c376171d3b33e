"""Values and goals enter through the services: every row checked first, problems named
by row and column, nothing saved if any row is bad; the CSV download reads back as is."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_indicator
from vahti.indicators.models import Dimension, DimensionCategory, IndicatorValue
from vahti.indicators.services import indicator_values_save
from vahti.indicators.value_rows import (
    ValueRow,
    ValuesRejected,
    parse_number,
    parse_values_csv,
    values_csv_rows,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def share(plan):
    """A yearly share in %, 0–100, with two values."""
    return make_indicator(
        plan,
        "share",
        values=[(2020, 30), (2021, 31.5)],
        minimum_value=0,
        maximum_value=100,
        unit_fi="%",
    )


def stored(indicator) -> list[tuple]:
    return list(
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("date", "category")
        .values_list("date", "value", "category__identifier")
    )


def problems(indicator, text) -> list[str]:
    with pytest.raises(ValuesRejected) as caught:
        parse_values_csv(indicator, text)
    return [str(problem) for problem in caught.value.problems]


def test_every_bad_row_is_named_with_its_column(share):
    text = (
        "date,value\n"
        "2022,33\n"
        "2023,kolme\n"  # row 3: not a number
        "2023-06-30,34\n"  # row 4: within a year
        "2024,140\n"  # row 5: above the allowed 100
        "2022,35\n"  # row 6: 2022 again
    )
    assert problems(share, text) == [
        "Row 3, column “value”: “kolme” is not a number: write e.g. 2630.5 or 2 630,5.",
        "Row 4, column “date”: 2023-06-30 is within a period: this indicator has a value "
        "per year, stored on the period's last day; write 2023.",
        "Row 5, column “value”: 140 is outside the indicator's allowed range (0 … 100).",
        "Row 6, column “date”: 2022 appears twice (also on row 2).",
    ]


def test_nothing_is_saved_when_one_row_is_bad(share):
    before = stored(share)
    with pytest.raises(ValuesRejected):
        indicator_values_save(
            share,
            [
                ValueRow(datetime.date(2022, 12, 31), 40),
                ValueRow(datetime.date(2023, 12, 31), -1),
            ],
        )
    assert stored(share) == before


def test_a_file_without_the_columns_is_refused_naming_them(share):
    assert problems(share, "vuosi;arvo\n2022;1\n") == [
        "Row 1, column “date”: The first row must name the columns: date, dimension, "
        "category, value.",
        "Row 1, column “value”: The first row must name the columns: date, dimension, "
        "category, value.",
    ]
    assert problems(share, "") == ["Row 1, column “date”: The file has no rows."]


def test_numbers_are_read_as_people_write_them():
    assert parse_number("2 630,5") == 2630.5
    assert parse_number("2\u00a0630,5") == 2630.5
    assert parse_number("−12.5") == -12.5
    assert parse_number("1e3") == 1000
    for bad in ("1,234.5", "nan", "inf", "", "12 kt"):
        with pytest.raises(ValueError):  # noqa: PT011
            parse_number(bad)


def test_an_upload_updates_by_period_and_adds_the_new_ones(share):
    rows = parse_values_csv(share, "date;value\n2021;32,5\n2022;34\n")
    saved = indicator_values_save(share, rows)
    assert (saved.created, saved.updated, saved.deleted, saved.unchanged) == (1, 1, 0, 0)
    assert [value for _date, value, _c in stored(share)] == [30, 32.5, 34]


def test_replacing_leaves_exactly_the_uploaded_values(share):
    saved = indicator_values_save(
        share, [ValueRow(datetime.date(2021, 12, 31), 31.5)], replace=True
    )
    assert (saved.created, saved.updated, saved.deleted, saved.unchanged) == (0, 0, 1, 1)
    assert stored(share) == [(datetime.date(2021, 12, 31), 31.5, None)]


def test_the_csv_download_uploads_unchanged_with_the_same_values(plan):
    sector = Dimension.objects.create(plan=plan, identifier="sector", name_fi="Sektori")
    transport = DimensionCategory.objects.create(
        dimension=sector, identifier="transport", name_fi="Liikenne"
    )
    indicator = make_indicator(plan, "ghg", values=[(2019, 2280.25), (2020, 2050)])
    indicator_values_save(
        indicator,
        [ValueRow(datetime.date(2020, 12, 31), 588.1234567891234, transport)],
    )
    before = stored(indicator)
    text = "".join(",".join(row) + "\n" for row in values_csv_rows(indicator))
    assert text.splitlines()[:2] == ["date,dimension,category,value", "2019,,,2280.25"]
    saved = indicator_values_save(indicator, parse_values_csv(indicator, text), replace=True)
    assert (saved.created, saved.updated, saved.deleted) == (0, 0, 0)
    assert stored(indicator) == before


def test_an_unknown_category_is_named(plan):
    indicator = make_indicator(plan, "ghg", values=[(2019, 1)])
    assert problems(indicator, "date,dimension,category,value\n2019,sector,boats,5\n") == [
        "Row 2, column “category”: The dimension “sector” has no category “boats”."
    ]


def test_a_monthly_indicator_takes_months(plan):
    indicator = make_indicator(plan, "bikes", time_resolution="month")
    rows = parse_values_csv(indicator, "date,value\n2024-05,1200\n6/2024,1500\n")
    assert [row.date for row in rows] == [datetime.date(2024, 5, 31), datetime.date(2024, 6, 30)]


def test_the_database_refuses_two_values_for_one_period(share):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(indicator=share, date=datetime.date(2020, 12, 31), value=1)


def test_goals_are_checked_like_values(plan):
    with pytest.raises(ValidationError) as caught:
        make_indicator(plan, "share", goals=[(2030, 120)], maximum_value=100)
    assert caught.value.message_dict == {
        "goals[0].value": ["120 is outside the indicator's allowed range (−∞ … 100)."]
    }


TOO_LARGE = (
    "%s is too large: an indicator's values, goals and allowed range are between "
    "−1,000,000,000,000,000 and 1,000,000,000,000,000."
)


def test_a_value_beyond_the_limit_is_refused_naming_the_limit(plan):
    """Even without an allowed range of its own: 1e300 would be a 300-digit number on
    the public page and wreck its trajectory."""
    indicator = make_indicator(plan, "emissions")
    text = "date,value\n2020,1e15\n2021,1e300\n2022,-2e15\n"
    assert problems(indicator, text) == [
        f"Row 3, column “value”: {TOO_LARGE % '1e+300'}",
        f"Row 4, column “value”: {TOO_LARGE % '-2e+15'}",
    ]
    day = datetime.date(2021, 12, 31)
    with pytest.raises(ValuesRejected):
        indicator_values_save(indicator, [ValueRow(day, 1e300)])
    assert stored(indicator) == []
    indicator_values_save(indicator, [ValueRow(day, -1e15)])
    assert stored(indicator) == [(day, -1e15, None)]


def test_goals_and_the_allowed_range_have_the_same_limit(plan):
    with pytest.raises(ValidationError) as caught:
        make_indicator(plan, "emissions", goals=[(2030, 1e300)], maximum_value=1e16)
    assert caught.value.message_dict == {
        "goals[0].value": [TOO_LARGE % "1e+300"],
        "maximum_value": [TOO_LARGE % "1e+16"],
    }
