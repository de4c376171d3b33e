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
import re
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


def xlsx_bytes(sheets: Sequence[tuple[str, Iterable[Sequence], Sequence[int]]]) -> bytes:
    """A workbook of (title, rows with the header first, column widths) sheets, each
    header bold and frozen. Dates stay dates and numbers numbers; text is stored as
    text, never as a formula. Written in a fixed form (no creation time), so the same
    rows give the same sheets."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Vahti"
    workbook.properties.created = workbook.properties.modified = datetime.datetime(2000, 1, 1)
    bold = Font(bold=True)
    for title, rows, widths in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for number, row in enumerate(rows):
            cells = []
            for value in row:
                if isinstance(value, str):
                    # Control characters are not allowed in a workbook; they mean nothing.
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = WriteOnlyCell(sheet, value=value)
                if number == 0:
                    cell.font = bold
                elif isinstance(value, str):
                    cell.data_type = "s"  # never a formula
                elif isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(content: bytes) -> bytes:
    """The same archive with every member dated alike: the same sheets then give the
    same bytes, so two downloads of unchanged data are identical files."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl dates it when saving
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2000-01-01T00:00:00Z",
                    data,
                )
            target.writestr(fixed, data)
    return output.getvalue()


def xlsx_response(
    rows: Iterable[Sequence], filename: str, sheet_title: str, widths: Sequence[int] = ()
) -> HttpResponse:
    """Rows (header first) as one sheet of an Excel workbook."""
    return xlsx_file_response(xlsx_bytes([(sheet_title, rows, widths)]), filename)


def xlsx_file_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_file_response(text: str, filename: str) -> HttpResponse:
    """CSV text as a download, with the byte-order mark that makes Excel read UTF-8."""
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_text(rows: Iterable[Sequence]) -> str:
    """Rows as CSV text, protected like :func:`csv_response` (without the byte-order
    mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()
