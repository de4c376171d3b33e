"""A completed report's downloads: the workbook (one row per public action) and the PDF,
read back from the file: every public action in order, nothing that was not public."""

import datetime
import io
import re

import pytest

from tests.reports.snapshot_data import (
    action_data,
    completed_report,
    estimates,
    field,
    pdf_text,
    texts,
    workbook_rows,
)
from tests.site.test_reports import three_actions

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def test_the_workbook_has_a_row_per_public_action_with_the_reports_columns(client, plan):
    completed_report(plan, "2025", three_actions())
    response = client.get("/reports/2025.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="hnh-2025.xlsx"' in response["Content-Disposition"]
    header, *rows = workbook_rows(response.content)
    assert header[:5] == ["Tunniste", "Toimenpide", "Kategoriat", "Tila", "Vaihe"]
    assert "Kustannusarvio" in header and "Sisäinen huomio" not in header
    assert [row[:2] for row in rows] == [
        ["1", "Pyöräilyn edistäminen"],
        ["3", "Aurinkopaneelit kouluille"],
    ]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Kustannusarvio"] == "1 200 €"
    assert first["Arvioitu päästövähennys (t CO₂e/v)"] == 120
    assert first["Arvioiden menetelmä"] == "Laskelma HSY:n mallilla"
    third = dict(zip(header, rows[1], strict=True))
    assert third["Edistymiskommentti"] == "Hyvin etenee"
    assert "SALAINEN" not in str(rows)


def many_actions(count: int):
    return [
        (action_data(str(n), f"Toimenpide numero {n}", estimates=estimates(str(n))), True, None)
        for n in range(1, count + 1)
    ]


def test_the_pdf_has_a_title_page_the_summary_and_every_public_action_in_order(client, plan):
    secret = [field("x", "Piilokenttä", "piiloarvo", is_public=False)]
    hidden = action_data("99", "Salainen toimenpide", fields=secret)
    shown = [
        *many_actions(12),
        (hidden, False, None),
        (action_data("13", "Viimeinen", fields=secret), True, None),
    ]  # fmt: skip
    completed_report(plan, "2025", shown, name_sv="Årsrapport 2025")
    response = client.get("/reports/2025.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert text.startswith("Hiilineutraali Helsinki 2035\nVuosiraportti 2025\nAjanjakso 01.01.2025")
    flat = " ".join(text.split())
    assert "Yhteenveto Toimenpiteitä raportissa 13" in flat
    assert "Arvioitu päästövähennys: 78 t CO₂e/v" in flat  # no needless ",0"
    found = [int(n) for n in re.findall(r"^(\d+) +Toimenpide numero \1$", text, re.M)]
    assert found == list(range(1, 13))
    assert text.index("Toimenpide numero 12") < text.index("Viimeinen")
    assert "Salainen" not in text and "Piilokenttä" not in text and "piiloarvo" not in text
    pages = len(re.findall(r"^\d+ / (\d+)$", text, re.M))
    assert pages >= 3  # numbered pages: title, summary, the actions
    swedish = pdf_text(client.get("/sv/reports/2025.pdf").content)
    assert "Årsrapport 2025" in swedish and "Sammanfattning" in swedish


def test_the_pdf_fetches_nothing_from_other_hosts(client, plan, monkeypatch):
    commentary = texts('<p>Kuva <img src="http://example.com/tracker.png" alt="x"></p>')
    completed_report(plan, "2025", [(action_data("1", "Kuvallinen", commentary=commentary),
                                     True, None)])  # fmt: skip
    opened = []
    monkeypatch.setattr("urllib.request.OpenerDirector.open", lambda *a, **k: opened.append(a))
    response = client.get("/reports/2025.pdf")
    assert response.status_code == 200 and "Kuvallinen" in pdf_text(response.content)
    assert opened == []


def test_without_weasyprint_the_pdf_address_says_so_clearly(client, plan, monkeypatch):
    from vahti.reports import pdf

    completed_report(plan, "2025", three_actions())

    def unavailable():
        raise pdf.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf, "_weasyprint", unavailable)
    response = client.get("/reports/2025.pdf")
    assert response.status_code == 503
    assert "PDF-tiedosto ei ole saatavilla" in response.content.decode()
    assert 'href="/reports/2025.xlsx"' in response.content.decode()


def test_the_workbooks_fields_are_typed_as_in_the_action_lists_download(client, plan):
    """Numbers are numbers (the unit in the heading), dates dates, yes/no the action
    list's words, options their names; a snapshot without the stored value (made before
    it was kept) gives the value as shown."""
    old = field("old", "Vanha luku", "1 200 €", kind="number", unit="€")
    del old["value"]
    fields = [
        field("cost", "Kustannusarvio", "0 €", kind="number", value="0.0000", unit="€"),
        field("share", "Osuus", "12,5", kind="number", value="12.5000"),
        field("decided", "Päätöspäivä", "22.05.2019", kind="date", value="2019-05-22"),
        field("key", "Kärkihanke", "ei", kind="yes_no", value=False),
        field("funding", "Rahoitus", "EU-rahoitus", kind="choice", value="eu"),
        field("empty", "Tyhjä luku", "", kind="number", value=None),
        old,
    ]
    completed_report(plan, "2025", [(action_data("1", "Pyöräily", fields=fields), True, None)])
    header, row = workbook_rows(client.get("/reports/2025.xlsx").content)
    cells = dict(zip(header, row, strict=True))
    assert cells["Kustannusarvio (€)"] == 0 and isinstance(cells["Kustannusarvio (€)"], int)
    assert cells["Osuus"] == 12.5
    assert cells["Päätöspäivä"] == datetime.datetime(2019, 5, 22)
    assert cells["Kärkihanke"] == "Ei"
    assert cells["Rahoitus"] == "EU-rahoitus"
    assert cells["Tyhjä luku"] in (None, "")
    assert cells["Vanha luku (€)"] == "1 200 €"


def test_the_pdf_is_tagged_for_screen_readers_and_the_same_each_time(client, plan):
    completed_report(plan, "2025", three_actions())
    content = client.get("/en/reports/2025.pdf").content
    from pypdf import PdfReader

    catalog = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"] == {"/Marked": True}
    assert catalog["/Lang"] == "en"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
    # No time stamp or random identifier: drawn again, the file is the same.
    assert client.get("/en/reports/2025.pdf").content == content
