"""Downloads as CSV and Excel, safe to open in a spreadsheet.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
taken for a formula by Excel and LibreOffice ("CSV injection"), so such text is written
with a leading apostrophe in CSV, the spreadsheets' own mark for "this is text"; in an
Excel workbook every text cell is stored with the string type, which is never
evaluated. Rows are given as Python values: ``str`` is text (and protected), ``int``,
``float`` and ``Decimal`` numbers, ``date`` dates.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(text) -> str:
    text = "" if text is None else str(text)
    # Also after leading spaces, which some spreadsheets skip.
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


class Echo:
    """A file that hands back what is written to it: csv.writer's rows as strings, to
    stream."""

    def write(self, value):
        return value


def _csv_value(value):
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def csv_response(rows: Iterable[Sequence], filename: str) -> StreamingHttpResponse:
    """Rows (header first) as a streamed UTF-8 CSV download. The byte-order mark makes
    Excel read the Finnish and Swedish letters right; other programs skip it."""
    writer = csv.writer(Echo())

    def lines():
        yield "\ufeff"
        for row in rows:
            yield writer.writerow([_csv_value(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_response(
    rows: Iterable[Sequence], filename: str, sheet_title: str, widths: Sequence[int] = ()
) -> HttpResponse:
    """Rows (header first) as one sheet of an Excel workbook, the header in bold and
    frozen. Dates stay dates and numbers numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        if number == 0:
            header = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
        else:
            cells = []
            for value in row:
                if isinstance(value, str):
                    # Control characters are not allowed in a workbook; they mean nothing.
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula
                elif isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
