"""Completed reports made directly in the snapshots' documented format
(``vahti.reports.models``), as the completing service will store them."""

from __future__ import annotations

import datetime
import io

from django.utils import timezone

from vahti.reports.models import Report, ReportSnapshot


def texts(fi: str, sv: str = "", en: str = "") -> dict:
    return {key: value for key, value in {"fi": fi, "sv": sv, "en": en}.items() if value}


def action_data(identifier: str, name: str, **data) -> dict:
    """One action as its snapshot holds it; ``data`` overrides any part."""
    snapshot = {
        "identifier": identifier,
        "name": texts(name),
        "url": f"/actions/{identifier}/",
        "categories": [{"identifier": "liikenne", "name": texts("Liikenne"), "type": "theme"}],
        "status": status("on_time", "Aikataulussa"),
        "phase": {"identifier": "implementation", "name": texts("Toteutus", "Genomförande")},
        "start_date": "2024-01-01",
        "end_date": "2026-12-31",
        "responsible": [{"name": texts("Kaupunkiympäristön toimiala"), "role": "primary"}],
        "tasks": [
            {
                "name": texts(f"Tehtävä {identifier}"),
                "state": "completed",
                "due_at": "2025-06-30",
                "completed_at": "2025-05-02",
            },
        ],
        "fields": [],
        "estimates": {
            "emission_reduction": None,
            "energy_savings": None,
            "renewable_production": None,
            "year": None,
            "method": {},
        },
        "indicators": [],
        "commentary": texts(f"<p>Edistyminen {identifier}</p>"),
        "answered_by": "Maija Meikäläinen",
        "answered_at": "2026-01-15T10:00:00+02:00",
    }
    snapshot.update(data)
    return snapshot


def task(name: str, state="completed") -> dict:
    done = "2025-05-02" if state == "completed" else None
    return {"name": texts(name), "state": state, "due_at": "2025-06-30", "completed_at": done}


def estimates(emission=None, energy=None, renewable=None, year=None, method="") -> dict:
    return {
        "emission_reduction": emission,
        "energy_savings": energy,
        "renewable_production": renewable,
        "year": year,
        "method": texts(method) if method else {},
    }


def status(identifier: str, fi: str, sv: str = "", en: str = "") -> dict:
    return {"identifier": identifier, "name": texts(fi, sv, en), "color": "#0a6b3a",
            "is_completed": False}  # fmt: skip


MISSING = object()


def field(
    identifier: str,
    name: str,
    display: str,
    *,
    is_public=True,
    kind="text",
    value=MISSING,
    unit="",
) -> dict:
    """A field's snapshot: ``value`` is the stored value, the display text when not
    given."""
    return {
        "identifier": identifier,
        "name": texts(name),
        "kind": kind,
        "is_public": is_public,
        "unit": texts(unit) if unit else {},
        "value": display if value is MISSING else value,
        "display": texts(display),
    }


def completed_report(plan, slug="2025", snapshots=(), *, completed=True, **data) -> Report:
    """A report of the plan with ``snapshots``: (action data, is_public, action or None)."""
    year = int(slug) if slug.isdigit() else 2025
    data.setdefault("name_fi", f"Vuosiraportti {year}")
    data.setdefault("period_start", datetime.date(year, 1, 1))
    data.setdefault("period_end", datetime.date(year, 12, 31))
    report = Report.objects.create(plan=plan, slug=slug, **data)
    for position, (snapshot, is_public, action) in enumerate(snapshots):
        ReportSnapshot.objects.create(
            report=report, action=action, position=position,
            identifier=snapshot["identifier"], is_public=is_public, data=snapshot,
        )  # fmt: skip
    if completed:
        report.state = Report.State.COMPLETED
        report.completed_at = timezone.make_aware(datetime.datetime(year + 1, 1, 31, 12))
        report.save()
    return report


def workbook_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)
