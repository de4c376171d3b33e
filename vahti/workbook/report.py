"""What an import reports: counts per sheet, and every problem with its sheet, row and
column, gathered row by row (:class:`RowProblems`) so that one pass finds them all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vahti.plans.models import Plan
from vahti.workbook.reader import Problem, Sheet
from vahti.workbook.sheets import ORDER


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Report:
    plan: Plan | None = None
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False

    @property
    def rows(self) -> list[tuple[str, Counts]]:
        """(sheet, counts) in the sheets' order, for templates (a defaultdict would make
        up an entry for any name a template looks up)."""
        return [(sheet, self.counts[sheet]) for sheet in ORDER if sheet in self.counts]

    def count(self, sheet: str, *, created: bool, changed: bool) -> None:
        counts = self.counts[sheet]
        if created:
            counts.created += 1
        elif changed:
            counts.updated += 1
        else:
            counts.unchanged += 1


class RowFailed(Exception):
    """The row's problems are in the report; go on with the next row."""


class RowProblems:
    """The report's problems, and whether the row being checked has any.

    A row is checked to its end, noting every problem; only its write is skipped
    (:meth:`check_row`). The reader's problems (formulas, merged cells) come first, and
    nothing more is said of a cell they name: an empty "Unknown action None" after
    "merged cells" would only mislead."""

    def __init__(self, sheets: dict[str, Sheet], report: Report):
        self.sheets = sheets
        self.report = report
        self._reported = {name: sheet.reported for name, sheet in sheets.items()}
        self._reported_rows = {
            name: {row for row, _column in sheet.reported} for name, sheet in sheets.items()
        }
        for sheet in sheets.values():
            report.problems += sheet.problems
        self._row_failed = False

    def problem(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self._row_failed = True
        if row is not None and (row, column) in self._reported.get(sheet, ()):
            return
        self.report.problems.append(Problem(sheet, row, column, str(message)))

    def row_has_reported_cells(self, sheet: str, row: int) -> bool:
        return row in self._reported_rows.get(sheet, ())

    def fail_row(self) -> None:
        self._row_failed = True

    def begin_row(self) -> None:
        self._row_failed = False

    def row_failed(self) -> bool:
        """Whether the row being checked has had a problem so far."""
        return self._row_failed

    def check_row(self) -> None:
        """Before a row is written: stop if it (or a row that belongs to it, like an
        action's task) had a problem."""
        if self._row_failed:
            raise RowFailed

    def validation_problems(
        self, sheet: str, number: int, error: ValidationError, columns: dict
    ) -> None:
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for key, texts in messages.items():
            column = columns.get(key, key) if key not in (None, "__all__") else None
            for text in texts:
                self.problem(sheet, number, column, text)

    def duplicates(
        self, sheet: str, key: Callable[[dict], object], column: str | None = None
    ) -> set[int]:
        """Rows whose key an earlier row has: a problem each, naming the earlier row."""
        seen: dict = {}
        bad = set()
        if sheet not in self.sheets:
            return bad
        for number, record in self.sheets[sheet].rows:
            value = key(record)
            if value in (None, ""):
                continue
            if value in seen:
                self.problem(
                    sheet,
                    number,
                    column or ("identifier" if "identifier" in record else None),
                    _("“%(value)s” appears twice (also on row %(other)d).")
                    % {
                        "value": value if isinstance(value, str) else " ".join(map(str, value)),
                        "other": seen[value],
                    },
                )
                bad.add(number)
            else:
                seen[value] = number
        return bad
