"""Every write to an indicator's values and goals goes through here: the admin's forms
and CSV upload, the demo loader, later the importer and the API. All rows are checked
before anything is written; one bad row and nothing is saved, and the problems name the
row and column they are in."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vahti.core.services import prefixed_errors, reference_index_updated_once
from vahti.indicators import periods
from vahti.indicators.models import (
    ActionIndicator,
    DimensionCategory,
    Indicator,
    IndicatorContactPerson,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
    Scenario,
)
from vahti.plans import changes

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


@dataclass(frozen=True, slots=True)
class ValuesSaved:
    created: int
    updated: int
    deleted: int
    unchanged: int


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
    problems += _row_problems(indicator, rows)
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


def _row_problems(indicator: Indicator, rows: Iterable[tuple[int, ValueRow]]) -> list[RowProblem]:
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


@transaction.atomic
def indicator_values_save(
    indicator: Indicator,
    rows: Sequence[ValueRow],
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> ValuesSaved:
    """Store the rows: a row for a period (and category) that has a value changes that
    value, the others are added. With ``replace`` the values not among the rows are
    deleted, so that the indicator has exactly these values. Checks every row first
    (``ValuesRejected``); then writes all of them in one transaction. With ``dry_run``
    nothing is written: the counts say what saving would do."""
    problems = _row_problems(indicator, enumerate(rows, start=1))
    for index, row in enumerate(rows, start=1):
        if row.category is not None and row.category.plan_id != indicator.plan_id:
            problems.append(
                RowProblem(index, "category", _("The category belongs to another plan."))
            )
    if problems:
        raise ValuesRejected(problems)
    existing = {
        (value.date, value.category_id): value
        # Locked, so that two uploads to one indicator take turns; ordered by the row's
        # own id (the default ordering would join the categories, which cannot be locked).
        for value in IndicatorValue.objects.filter(indicator=indicator)
        .order_by("pk")
        .select_for_update()
    }
    created, changed, kept = [], [], set()
    for row in rows:
        key = (row.date, row.category.pk if row.category else None)
        kept.add(key)
        current = existing.get(key)
        if current is None:
            created.append(
                IndicatorValue(
                    indicator=indicator, date=row.date, value=row.value, category=row.category
                )
            )
        elif current.value != row.value:
            current.value = row.value
            changed.append(current)
    stale = [value.pk for key, value in existing.items() if key not in kept] if replace else []
    counts = ValuesSaved(
        created=len(created),
        updated=len(changed),
        deleted=len(stale),
        unchanged=len(rows) - len(created) - len(changed),
    )
    if dry_run:
        return counts
    if stale:
        IndicatorValue.objects.filter(pk__in=stale).delete()
    IndicatorValue.objects.bulk_create(created, batch_size=1000)
    IndicatorValue.objects.bulk_update(changed, ["value", "updated_at"], batch_size=1000)
    if created or changed or stale:
        Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
        changes.touch(indicator.plan_id)  # bulk writes send no signals
    return counts


@transaction.atomic
def indicator_value_delete(indicator: Indicator, value_id: int) -> IndicatorValue:
    """Delete one of the indicator's values (never another indicator's)."""
    value = IndicatorValue.objects.select_for_update().get(pk=value_id, indicator=indicator)
    value.delete()
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
    return value


def _now():
    from django.utils import timezone

    return timezone.now()


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


@transaction.atomic
def indicator_goals_save(
    indicator: Indicator, goals: Sequence[tuple], *, dry_run: bool = False
) -> bool:
    """Give the indicator exactly these goals, (date, value[, scenario]) each, checked like
    its values. Returns whether anything changed (with ``dry_run``: would change, and
    nothing is written)."""
    built = []
    errors = {}
    for index, (date, value, *rest) in enumerate(goals):
        goal = IndicatorGoal(
            indicator=indicator, date=date, value=value, scenario=rest[0] if rest else None
        )
        try:
            # Not against the goals stored now: they are all replaced.
            goal.full_clean(exclude=["indicator"], validate_constraints=False)
        except ValidationError as error:
            errors.update(prefixed_errors(f"goals[{index}]", error).error_dict)
        if any(g.date == goal.date and g.scenario_id == goal.scenario_id for g in built):
            errors[f"goals[{index}].date"] = [_("Two goals for the same period and scenario.")]
        built.append(goal)
    if errors:
        raise ValidationError(errors)

    def key(goal):
        return (goal.scenario_id or 0, goal.date, goal.value)

    current = list(IndicatorGoal.objects.filter(indicator=indicator))
    if sorted(map(key, current)) == sorted(map(key, built)):
        return False
    if dry_run:
        return True
    IndicatorGoal.objects.filter(indicator=indicator).delete()
    IndicatorGoal.objects.bulk_create(built)
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
    changes.touch(indicator.plan_id)
    return True


def _content(indicator: Indicator) -> dict:
    """The indicator's content without ids and timestamps; goals in a fixed order (the
    databases sort the goals without a scenario differently: NULLs first or last)."""
    from vahti.core.revisions import without_volatile_keys

    content = without_volatile_keys(indicator.serializable_data())
    content["goals"] = sorted(
        content.get("goals", []),
        key=lambda g: (g["scenario"] is not None, g["scenario"] or 0, str(g["date"]), g["value"]),
    )
    return content


@transaction.atomic
def indicator_upsert(
    plan,
    identifier: str,
    *,
    categories: Sequence = (),
    goals: Sequence[tuple] = (),
    contact_persons: Sequence = (),
    action_links: Sequence[tuple] = (),
    effect_links: Sequence[tuple] = (),
    **fields,
) -> tuple[Indicator, bool]:
    """Create the indicator with this identifier, or give the existing one exactly these
    texts and children; writes nothing when nothing differs. Children:
    ``goals`` (date, value[, scenario]), ``contact_persons`` (person, …),
    ``action_links`` (action, effect, indicates_progress),
    ``effect_links`` (affected indicator, effect, confidence). Returns (indicator, changed).
    """
    indicator = Indicator.objects.filter(plan=plan).identified_by(identifier).first()
    created = indicator is None
    if created:
        indicator = Indicator(plan=plan, identifier=identifier)
    before = None if created else _content(indicator)
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.categories = list(categories)
    indicator.goals = [
        IndicatorGoal(date=date, value=value, scenario=rest[0] if rest else None)
        for date, value, *rest in goals
    ]
    indicator.contact_persons = [
        IndicatorContactPerson(person=person, sort_order=index)
        for index, person in enumerate(contact_persons)
    ]
    indicator.action_links = [
        ActionIndicator(action=action, effect=effect, indicates_progress=progress, sort_order=index)
        for index, (action, effect, progress) in enumerate(action_links)
    ]
    indicator.effect_links = [
        IndicatorRelation(
            effect_indicator=other, effect=effect, confidence=confidence, sort_order=index
        )
        for index, (other, effect, confidence) in enumerate(effect_links)
    ]
    if not created and _content(indicator) == before:
        return indicator, False
    errors = {}
    try:
        indicator.full_clean()
    except ValidationError as error:
        errors.update(error.error_dict)
    for relation in ("goals", "contact_persons", "action_links", "effect_links"):
        for index, child in enumerate(getattr(indicator, relation).all()):
            child_field = "cause" if relation == "effect_links" else "indicator"
            setattr(child, child_field, indicator)
            try:
                child.full_clean(exclude=[child_field])
            except ValidationError as error:
                errors.update(prefixed_errors(f"{relation}[{index}]", error).error_dict)
    if errors:
        raise ValidationError(errors)
    with reference_index_updated_once(indicator):
        indicator.save()
    return indicator, True
