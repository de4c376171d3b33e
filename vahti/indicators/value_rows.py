"""An indicator's values and goals as rows of text, the way people and programs give
them: a CSV upload or download, the API's records, the workbook's cells. Every row is
read and checked here, and every problem names the row and column it is in; writing
the rows is ``services``'."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vahti.indicators import periods
from vahti.indicators.models import DimensionCategory, Indicator, IndicatorValue, Scenario

# The columns of an indicator's values in CSV, for download and upload alike.
CSV_COLUMNS = ("date", "dimension", "category", "value")
DUPLICATE_MESSAGE = gettext_lazy("%(period)s appears twice (also on row %(other)d).")
NOT_A_NUMBER_MESSAGE = gettext_lazy("“%(text)s” is not a number: write e.g. 2630.5 or 2 630,5.")
UNKNOWN_CATEGORY_MESSAGE = gettext_lazy(
    "The dimension “%(dimension)s” has no category “%(category)s”."
)
# A spreadsheet-sized upload; far larger series come through the API in parts.
MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class ValueRow:
    date: datetime.date
    value: float
    category: DimensionCategory | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)d, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ValuesRejected(Exception):
    """Nothing was saved: these rows are wrong."""

    def __init__(self, problems: Sequence[RowProblem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems[:20]))


_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_number(text: str) -> float:
    """A number as people write it: 2630.5, 2 630,5 (Finnish), 1,5e3. Raises ValueError."""
    cleaned = _SPACES.sub("", text.strip()).replace("−", "-")
    if not cleaned.isascii():
        raise ValueError(text)  # float() would take any script's digits (٥ for 5)
    if "," in cleaned and "." in cleaned:
        raise ValueError(text)  # 1,234.5 or 1.234,5: ambiguous, refused
    value = float(cleaned.replace(",", "."))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def format_number(value: float) -> str:
    """The shortest text that reads back as the same float (for CSV)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _categories_by_key(indicator: Indicator) -> dict[tuple[str, str], DimensionCategory]:
    return {
        (category.dimension.identifier, category.identifier): category
        for category in DimensionCategory.objects.filter(plan_id=indicator.plan_id).select_related(
            "dimension"
        )
    }


def parse_values_csv(indicator: Indicator, text: str) -> list[ValueRow]:
    """The rows of a CSV text in the download's format (``CSV_COLUMNS``; ``dimension``
    and ``category`` may be left out or empty for the indicator's own values). A comma,
    semicolon or tab separates columns. Raises ``ValuesRejected`` naming every bad row."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValuesRejected([RowProblem(1, "date", _("The file has no rows."))])
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    missing = [name for name in ("date", "value") if name not in header]
    if missing:
        raise ValuesRejected(
            [
                RowProblem(
                    1,
                    name,
                    _("The first row must name the columns: %(columns)s.")
                    % {"columns": ", ".join(CSV_COLUMNS)},
                )
                for name in missing
            ]
        )
    unknown = [name for name in header if name and name not in CSV_COLUMNS]
    problems = [
        RowProblem(
            1,
            name,
            _("Unknown column; the columns are %(columns)s.") % {"columns": ", ".join(CSV_COLUMNS)},
        )
        for name in unknown
    ]
    numbered = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if number - 1 > MAX_ROWS:
            problems.append(
                RowProblem(number, "date", _("Too many rows: at most %(max)d.") % {"max": MAX_ROWS})
            )
            break
        numbered.append((number, dict(zip(header, (c.strip() for c in cells), strict=False))))
    return value_rows(indicator, numbered, problems=problems)


def _date_and_value(indicator: Indicator, number: int, record: dict[str, str]):
    """A record's period and number: (date, value, problems), None for what is wrong."""
    problems = []
    try:
        date = periods.parse_period(record.get("date", ""), indicator.time_resolution)
    except periods.PeriodError as error:
        problems.append(RowProblem(number, "date", str(error)))
        date = None
    try:
        value = parse_number(record.get("value", ""))
    except ValueError:
        text = record.get("value", "")
        problems.append(RowProblem(number, "value", NOT_A_NUMBER_MESSAGE % {"text": text}))
        value = None
    return date, value, problems


def value_rows(
    indicator: Indicator,
    records: Sequence[tuple[int, dict[str, str]]],
    *,
    problems: Sequence[RowProblem] = (),
) -> list[ValueRow]:
    """The rows of ``records``, (row number, {column: text}) each with the columns of
    ``CSV_COLUMNS``: the CSV upload's and the API's, checked alike. Raises
    ``ValuesRejected`` naming every bad row and column (and ``problems`` found before)."""
    problems = list(problems)
    wants_categories = any(r.get("dimension") or r.get("category") for _n, r in records)
    categories = _categories_by_key(indicator) if wants_categories else {}
    rows: list[tuple[int, ValueRow]] = []
    for number, record in records:
        date, value, row_problems = _date_and_value(indicator, number, record)
        category = None
        dimension_key, category_key = record.get("dimension", ""), record.get("category", "")
        if dimension_key or category_key:
            category = categories.get((dimension_key, category_key))
            if category is None:
                row_problems.append(
                    RowProblem(
                        number,
                        "category",
                        UNKNOWN_CATEGORY_MESSAGE
                        % {"dimension": dimension_key, "category": category_key},
                    )
                )
        if row_problems:
            problems += row_problems
        else:
            rows.append((number, ValueRow(date, value, category)))
    problems += whole_row_problems(indicator, rows)
    if problems:
        raise ValuesRejected(
            sorted(
                problems,
                key=lambda p: (
                    p.row,
                    CSV_COLUMNS.index(p.column) if p.column in CSV_COLUMNS else 9,
                ),
            )
        )
    return [row for _number, row in rows]


def whole_row_problems(
    indicator: Indicator, rows: Iterable[tuple[int, ValueRow]]
) -> list[RowProblem]:
    """Checks of whole rows: the period, the allowed range and duplicates."""
    problems = []
    seen: dict[tuple, int] = {}
    for number, row in rows:
        if not periods.is_period_end(row.date, indicator.time_resolution):
            problems.append(
                RowProblem(
                    number, "date", periods.off_period_message(row.date, indicator.time_resolution)
                )
            )
        if error := indicator.value_error(row.value):
            problems.append(RowProblem(number, "value", " ".join(error.messages)))
        key = (row.date, row.category.pk if row.category else None)
        if key in seen:
            problems.append(
                RowProblem(
                    number,
                    "date",
                    DUPLICATE_MESSAGE
                    % {
                        "period": periods.format_period(row.date, indicator.time_resolution),
                        "other": seen[key],
                    },
                )
            )
        else:
            seen[key] = number
    return problems


def values_csv_rows(indicator: Indicator) -> Iterable[list[str]]:
    """The indicator's values as CSV rows (header first): the download, which the upload
    takes back unchanged."""
    yield list(CSV_COLUMNS)
    values = (
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("category__dimension")
        .order_by("date", "category__dimension__order", "category__order", "pk")
    )
    resolution = indicator.time_resolution
    for value in values.iterator(chunk_size=2000):
        category = value.category
        yield [
            periods.format_period(value.date, resolution),
            category.dimension.identifier if category else "",
            category.identifier if category else "",
            format_number(value.value),
        ]


GOAL_COLUMNS = ("date", "value", "scenario")
UNKNOWN_SCENARIO_MESSAGE = gettext_lazy("The plan has no scenario “%(scenario)s”.")


def goal_rows(indicator: Indicator, records: Sequence[tuple[int, dict[str, str]]]) -> list[tuple]:
    """The goals of ``records``, (row number, {"date", "value", "scenario"}) each, as
    (date, value, scenario) for ``indicator_goals_save``: checked like the admin's goal
    form. Raises ``ValuesRejected`` naming every bad row and column."""
    scenarios = {}
    if any(record.get("scenario") for _number, record in records):
        scenarios = {
            scenario.identifier.lower(): scenario
            for scenario in Scenario.objects.filter(plan_id=indicator.plan_id)
        }
    problems, goals = [], []
    seen: dict[tuple, int] = {}
    for number, record in records:
        date, value, row_problems = _date_and_value(indicator, number, record)
        scenario = None
        if key := (record.get("scenario") or "").strip():
            scenario = scenarios.get(key.lower())
            if scenario is None:
                row_problems.append(
                    RowProblem(number, "scenario", UNKNOWN_SCENARIO_MESSAGE % {"scenario": key})
                )
        if not row_problems:
            if error := indicator.value_error(value):
                row_problems.append(RowProblem(number, "value", " ".join(error.messages)))
            if (date, scenario) in seen:
                row_problems.append(
                    RowProblem(number, "date", _("Two goals for the same period and scenario."))
                )
            seen.setdefault((date, scenario), number)
        problems += row_problems
        if not row_problems:
            goals.append((date, value, scenario))
    if problems:
        raise ValuesRejected(problems)
    return goals
