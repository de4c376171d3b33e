"""What every sheet's import shares: the workbook, the plan, who imports and where the
import stands; a row's cells read by column kind; each row in a savepoint of its own;
the things a row names, found by identifier (an unknown one is a problem of the row)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from vahti.core.i18n import language_codes
from vahti.plans.models import Category, Plan
from vahti.workbook.reader import Sheet
from vahti.workbook.report import Report, RowFailed, RowProblems
from vahti.workbook.sheets import SHEETS, CellError, parse

Progress = Callable[[str, int, int], None]


class SheetRows(RowProblems):
    def __init__(
        self, sheets: dict[str, Sheet], *, plan: Plan | None, user, progress: Progress | None
    ):
        self.plan = plan
        self.user = user
        self.progress = progress or (lambda sheet, done, total: None)
        super().__init__(sheets, Report(plan=plan))

    def rows(self, sheet: str) -> list[tuple[int, dict]]:
        """The sheet's rows, none when the workbook has no such sheet."""
        found = self.sheets.get(sheet)
        return found.rows if found is not None else []

    def cells(self, sheet: str, number: int, record: dict) -> dict:
        """The row's values, parsed by column kind. Every bad cell is a problem and left
        out of the values; the row fails at once only when one of its keys (a required
        column that is not a text) is bad, else when it is to be written (check_row)."""
        if self.row_has_reported_cells(sheet, number):
            self.fail_row()  # a formula or merged cell: the row may not be written
        values, bad = self._parsed(sheet, number, record)
        primary = self._primary_language(sheet, values)
        header = self.sheets[sheet].header if sheet in self.sheets else []
        for column in SHEETS[sheet]:
            if not column.required or column.name in bad:
                continue
            if column.translated:
                missing = column.language == primary and not values.get(column.name)
                message = _("Required in the plan's primary language.")
            else:
                given = column.name in record or column.name in header
                missing = given and values.get(column.name) in (None, "", [])
                message = _("Required.")
            if missing:
                self.problem(sheet, number, column.name, message)
                bad.add(column.name)
        if any(c.required and not c.translated and c.name in bad for c in SHEETS[sheet]):
            raise RowFailed
        return values

    def _parsed(self, sheet: str, number: int, record: dict) -> tuple[dict, set]:
        """The row's cells by column, and the columns whose cell could not be read."""
        values, bad = {}, set()
        for column in SHEETS[sheet]:
            if column.name not in record:
                continue
            try:
                values[column.name] = parse(column, record[column.name])
            except CellError as error:
                self.problem(sheet, number, column.name, str(error))
                bad.add(column.name)
        return values, bad

    def _primary_language(self, sheet: str, values: dict) -> str:
        """The language whose texts are required: the plan row's own for the plan (a new
        plan's in English needs no Finnish name), else the plan's."""
        if sheet == "plan" and values.get("primary_language"):
            return values["primary_language"]
        return self.plan.primary_language if self.plan else settings.LANGUAGE_CODE

    def each_row(self, sheet: str, handle: Callable[[int, dict], None]) -> None:
        """``handle`` each of the sheet's rows in a savepoint of its own; a failing row's
        problems are noted (and its writes undone) and the next row follows."""
        found = self.sheets.get(sheet)
        if found is None:
            return
        total = len(found.rows)
        for done, (number, record) in enumerate(found.rows, start=1):
            self.begin_row()
            try:
                with transaction.atomic():
                    handle(number, record)
            except RowFailed:
                pass
            except ValidationError as error:
                self.validation_problems(sheet, number, error, {})
            except DatabaseError as error:
                self.not_saved(sheet, number, error)
            self.progress(sheet, done, total)

    def not_saved(self, sheet: str, number: int | None, error: DatabaseError) -> None:
        self.problem(sheet, number, None, _("Could not be saved: %(error)s") % {"error": error})

    def texts(self, values: dict, *names: str) -> dict:
        """The row's translated texts of the fields ``names``, an empty cell as ""."""
        return {
            f"{name}_{code}": values.get(f"{name}_{code}") or ""
            for name in names
            for code in language_codes()
            if f"{name}_{code}" in values
        }

    def find(self, sheet, number, column, known: dict, identifier):
        """The thing of the identifier; an unknown one is a problem of the row (and None),
        and the row goes on to be checked."""
        if not identifier:
            return None
        found = known.get(identifier)
        if found is None:
            self.problem(
                sheet,
                number,
                column,
                _("“%(value)s” is not in the plan.") % {"value": identifier},
            )
        return found

    def find_all(self, sheet, number, column, known: dict, identifiers) -> list:
        found, missing = [], []
        for identifier in identifiers or []:
            if identifier in known:
                found.append(known[identifier])
            else:
                missing.append(identifier)
        if missing:
            self.problem(
                sheet,
                number,
                column,
                _("Not in the plan: %(values)s.") % {"values": ", ".join(missing)},
            )
        return found

    def categories_by_key(self) -> dict:
        return {
            f"{c.type.identifier}/{c.identifier}": c
            for c in Category.objects.filter(plan=self.plan).select_related("type")
        }
