"""Reading an uploaded workbook: an Excel file (.xlsx) with a sheet per kind, or one
CSV file named after its sheet (``tasks.csv``, ``hnh2035-tasks.csv``). Every problem is
reported with its sheet, row and column; a file that cannot be read at all gets one
problem saying why."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from vahti.core.spreadsheets import FORMULA_STARTS
from vahti.workbook.sheets import SHEETS

MAX_ROWS = 200_000  # a sheet; far more than a plan has
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # what an .xlsx may unpack to (a zip bomb is refused)


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None  # as the spreadsheet numbers it: the header is row 1
    column: str | None
    message: str

    def __str__(self):
        if self.row is not None and self.column:
            where = _("Sheet “%(sheet)s”, row %(row)d, column “%(column)s”") % {
                "sheet": self.sheet,
                "row": self.row,
                "column": self.column,
            }
        elif self.row is not None:
            where = _("Sheet “%(sheet)s”, row %(row)d") % {"sheet": self.sheet, "row": self.row}
        elif self.sheet:
            where = _("Sheet “%(sheet)s”") % {"sheet": self.sheet}
        else:
            where = _("The file")
        return f"{where}: {self.message}"


class Unreadable(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, {column: value})


def max_bytes() -> int:
    return settings.IMPORT_MAX_MEGABYTES * 1024 * 1024


def read(filename: str, content: bytes) -> dict[str, Sheet]:
    """The sheets of the file, each with its header checked. Raises Unreadable."""
    if len(content) > max_bytes():
        raise Unreadable(
            [
                Problem(
                    "",
                    None,
                    None,
                    _("The file is %(size).1f MB; at most %(max)d MB can be imported.")
                    % {"size": len(content) / 1024 / 1024, "max": settings.IMPORT_MAX_MEGABYTES},
                )
            ]
        )
    if content.startswith(b"PK\x03\x04"):
        sheets, problems = _read_xlsx(content)
    else:
        sheets, problems = _read_csv(filename, content)
    for sheet in sheets.values():
        problems += _header_problems(sheet)
    if problems:
        raise Unreadable(problems)
    return sheets


def _not_a_spreadsheet() -> Unreadable:
    return Unreadable(
        [
            Problem(
                "",
                None,
                None,
                _(
                    "This is not a spreadsheet: give an Excel workbook (.xlsx) or a CSV "
                    "file (UTF-8, comma or semicolon between columns)."
                ),
            )
        ]
    )


def _read_xlsx(content: bytes) -> tuple[dict[str, Sheet], list[Problem]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _not_a_spreadsheet() from None
    if "xl/workbook.xml" not in names:
        raise _not_a_spreadsheet()
    if unpacked > MAX_UNPACKED_BYTES:
        raise Unreadable(
            [Problem("", None, None, _("The workbook unpacks to more than 300 MB: too large."))]
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise _not_a_spreadsheet() from None
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    try:
        for worksheet in workbook.worksheets:
            title = worksheet.title.strip()
            name = title.lower()
            if name.startswith(("#", "_")):
                continue  # notes for people, not data
            if name not in SHEETS:
                problems.append(
                    Problem(
                        title,
                        None,
                        None,
                        _(
                            "Unknown sheet; the sheets are %(sheets)s (a sheet whose name "
                            "begins with _ is left alone)."
                        )
                        % {"sheets": ", ".join(SHEETS)},
                    )
                )
                continue
            sheet, sheet_problems = _sheet_from_cells(name, worksheet.iter_rows())
            sheets[name] = sheet
            problems += sheet_problems
    finally:
        workbook.close()
    return sheets, problems


def _sheet_from_cells(name: str, rows) -> tuple[Sheet, list[Problem]]:
    problems: list[Problem] = []
    header: list[str] = []
    sheet = Sheet(name, header)
    for number, cells in enumerate(rows, start=1):
        if number == 1:
            header.extend(_header_name(cell.value) for cell in cells)
            continue
        record = {}
        for index, cell in enumerate(cells):
            if index >= len(header) or not header[index]:
                continue
            value = cell.value
            if cell.data_type == "f":
                problems.append(
                    Problem(
                        name,
                        number,
                        header[index],
                        _("The cell holds a formula (%(formula)s); write its value instead.")
                        % {"formula": str(value)[:40]},
                    )
                )
                continue
            record[header[index]] = value
        if any(value not in (None, "") for value in record.values()):
            if len(sheet.rows) >= MAX_ROWS:
                problems.append(
                    Problem(
                        name, number, None, _("Too many rows: at most %(max)d.") % {"max": MAX_ROWS}
                    )
                )
                break
            sheet.rows.append((number, record))
    return sheet, problems


def _header_name(value) -> str:
    return str(value).strip().lower() if value is not None else ""


class _Cell:
    __slots__ = ("data_type", "value")

    def __init__(self, text: str):
        # A CSV file has no formulas, but a spreadsheet program would take this for one;
        # text our downloads protected with an apostrophe is text, and read without it.
        self.data_type = "f" if text.startswith("=") else "s"
        self.value = _unprotected(text)


def _read_csv(filename: str, content: bytes) -> tuple[dict[str, Sheet], list[Problem]]:
    if b"\0" in content[:8192]:
        raise _not_a_spreadsheet()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(
            [Problem("", None, None, _("The CSV file is not in UTF-8: save it as “CSV UTF-8”."))]
        ) from None
    stem = re.sub(r"\.csv$", "", filename.strip().lower().rsplit("/", 1)[-1])
    name = next(
        (sheet for sheet in SHEETS if stem == sheet or re.search(rf"[-_ ]{sheet}$", stem)), None
    )
    if name is None:
        raise Unreadable(
            [
                Problem(
                    "",
                    None,
                    None,
                    _(
                        "Name a CSV file after its sheet, e.g. actions.csv or "
                        "hnh2035-tasks.csv; the sheets are %(sheets)s."
                    )
                    % {"sheets": ", ".join(SHEETS)},
                )
            ]
        )
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise Unreadable([Problem(name, None, None, str(error))]) from None

    def cells(row):
        return [_Cell(value) for value in row]

    sheet, problems = _sheet_from_cells(name, (cells(row) for row in rows))
    return {name: sheet}, problems


def _unprotected(text: str) -> str:
    """Our CSV downloads mark text that starts like a formula with an apostrophe (see
    vahti.core.spreadsheets); take it off again."""
    if text.startswith("'") and text[1:].lstrip(" ").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _header_problems(sheet: Sheet) -> list[Problem]:
    known = [column.name for column in SHEETS[sheet.name]]
    problems = []
    seen = set()
    for name in sheet.header:
        if not name:
            continue
        if name not in known:
            problems.append(
                Problem(
                    sheet.name,
                    1,
                    name,
                    _("Unknown column; the columns of this sheet are %(columns)s.")
                    % {"columns": ", ".join(known)},
                )
            )
        if name in seen:
            problems.append(Problem(sheet.name, 1, name, _("The column appears twice.")))
        seen.add(name)
    for column in SHEETS[sheet.name]:
        if column.required and column.name not in sheet.header:
            # Of a translated text only the plan's primary language is required; the
            # importer checks which that is.
            if column.translated:
                continue
            problems.append(Problem(sheet.name, 1, column.name, _("The column is missing.")))
    return problems
