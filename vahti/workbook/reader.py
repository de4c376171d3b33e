"""Reading an uploaded workbook: an Excel file (.xlsx) with a sheet per kind, or one
CSV file named after its sheet (``tasks.csv``, ``hnh2035-tasks.csv``). Every problem is
reported with its sheet, row and column; a file that cannot be read at all gets one
problem saying why.

A problem of the file's shape (an unknown sheet or column, a missing column, too much)
stops the reading: :func:`read` raises :class:`Unreadable`. A problem of a cell (a
formula, merged cells) is kept with its sheet (``Sheet.problems``) and the cell left
out, so that the importer goes on to find every other problem of the file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vahti.core.spreadsheets import FORMULA_STARTS
from vahti.workbook.sheets import SHEETS

MAX_ROWS = 200_000  # a sheet; far more than a plan has
# What an .xlsx may unpack to, and how many tags its XML may hold: the demo plan is
# 0.2 MB and 16,000 tags. The tags bound the time: a spreadsheet reader takes 15-25 µs
# a tag, so a few kB of "<c/>" packed tight would take minutes, beyond the server's
# 60 s; a million tags read in about 20 s. Both are measured on what the file really
# unpacks to, while unpacking it, never taken from what it declares.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_TAGS = 1_000_000
_CHUNK = 1024 * 1024
# <mergeCell ref="A2:A3"/>, with or without a namespace prefix
_MERGED = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")

UNPACKS_TOO_LARGE_MESSAGE = gettext_lazy(
    "The workbook unpacks to more than %(max)d MB: too large to import."
)
TOO_MANY_PARTS_MESSAGE = gettext_lazy(
    "The workbook has too many cells (or other parts) to import at once: import its "
    "sheets one at a time, or as CSV files."
)
MERGED_MESSAGE = gettext_lazy(
    "Merged cells (%(cells)s) are not supported: unmerge them and write the value in each cell."
)
FORMULA_MESSAGE = gettext_lazy("The cell holds a formula (%(formula)s); write its value instead.")


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
    # Problems of single cells (a formula, merged cells); the cells are left out of
    # ``rows`` and ``reported`` names them, (row, column) each, so that nothing else is
    # said of them.
    problems: list[Problem] = field(default_factory=list)
    reported: set[tuple[int, str]] = field(default_factory=set)


def max_bytes() -> int:
    return settings.IMPORT_MAX_MEGABYTES * 1024 * 1024


def read(filename: str, content: bytes) -> dict[str, Sheet]:
    """The sheets of the file, each with its header checked and the problems of its
    cells in ``Sheet.problems``. Raises Unreadable when the file's shape is wrong."""
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
        raise Unreadable(problems + [p for sheet in sheets.values() for p in sheet.problems])
    return sheets


def not_a_spreadsheet() -> Unreadable:
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


def _too_large(message) -> Unreadable:
    return Unreadable([Problem("", None, None, str(message))])


def _unpacked(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    """Unpack every member once, counting the bytes and tags that really come out (a
    member that declares less than it holds fails its checksum), and refuse the file as
    soon as either passes its limit: a zip bomb is refused within a second. Returns the
    merged cells of each member ("A2:A3"), which the read-only reader does not see."""
    total = tags = 0
    merged: dict[str, list[str]] = {}
    for info in archive.infolist():
        found: list[str] = []
        tail = b""
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > MAX_UNPACKED_BYTES:
                    raise _too_large(
                        UNPACKS_TOO_LARGE_MESSAGE % {"max": MAX_UNPACKED_BYTES // 1024 // 1024}
                    )
                tags += chunk.count(b"<")
                if tags > MAX_TAGS:
                    raise _too_large(TOO_MANY_PARTS_MESSAGE)
                if b"mergeCell" in tail + chunk:
                    # A tag cut in two by the chunks is found in the tail and the chunk.
                    for match in _MERGED.finditer(tail + chunk):
                        cells = f"{match.group(1).decode()}:{match.group(2).decode()}"
                        if cells not in found:
                            found.append(cells)
                tail = chunk[-200:]
        if found:
            merged[info.filename] = found
    return merged


def _read_xlsx(content: bytes) -> tuple[dict[str, Sheet], list[Problem]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise not_a_spreadsheet()
            merged = _unpacked(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        # a broken or forged archive, an unknown compression, a password
        raise not_a_spreadsheet() from None
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise not_a_spreadsheet() from None
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
            # The read-only worksheet's member path is openpyxl's own attribute; merged
            # cells are refused, so a missing path only means none are found.
            path = getattr(worksheet, "_worksheet_path", "")
            sheet, sheet_problems = _sheet_from_cells(
                name, worksheet.iter_rows(), merged.get(path.lstrip("/"), [])
            )
            sheets[name] = sheet
            problems += sheet_problems
    finally:
        workbook.close()
    return sheets, problems


def _sheet_from_cells(name: str, rows, merged=()) -> tuple[Sheet, list[Problem]]:
    """The sheet of the rows (of cells); the problems returned stop the reading, those of
    single cells are kept in ``Sheet.problems``."""
    from openpyxl.utils import range_boundaries

    problems: list[Problem] = []
    header: list[str] = []
    sheet = Sheet(name, header)
    in_merged: set[tuple[int, int]] = set()  # (row, column index)
    for cells in merged:
        first_column, first_row, last_column, last_row = range_boundaries(cells)
        in_merged.update(
            (row, column)
            for row in range(first_row, last_row + 1)
            for column in range(first_column - 1, last_column)
        )
    for number, cells in enumerate(rows, start=1):
        if number == 1:
            header.extend(_header_name(cell.value) for cell in cells)
            for cells_text in merged:
                first_column, first_row, _last_column, _last_row = range_boundaries(cells_text)
                column = header[first_column - 1] if first_column <= len(header) else None
                sheet.problems.append(
                    Problem(
                        name, first_row, column or None, str(MERGED_MESSAGE % {"cells": cells_text})
                    )
                )
            continue
        record = {}
        for index, cell in enumerate(cells):
            if index >= len(header) or not header[index]:
                continue
            if (number, index) in in_merged:
                sheet.reported.add((number, header[index]))
                continue
            value = cell.value
            if cell.data_type == "f":
                sheet.problems.append(
                    Problem(
                        name,
                        number,
                        header[index],
                        str(FORMULA_MESSAGE % {"formula": str(value)[:40]}),
                    )
                )
                sheet.reported.add((number, header[index]))
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
        raise not_a_spreadsheet()
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
