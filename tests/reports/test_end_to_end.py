"""A report from opening to its public page: answered in the admin's services, completed
by freezing the snapshots, read by the public pages and downloads, and unchanged by later
edits. The other tests make snapshots by hand; this one goes through the real service,
so the snapshot's format and its readers cannot drift apart."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import ActionStatusFactory, make_action, task
from tests.reports.snapshot_data import pdf_text, workbook_rows
from vahti.actions.models import Action, ActionField, ActionFieldOption
from vahti.actions.services import action_update
from vahti.reports.services import report_answer, report_complete, report_open

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def field(plan, identifier, kind, **data):
    made = ActionField(plan=plan, identifier=identifier, kind=kind, **data)
    made.name_fi = data.pop("name_fi", identifier.capitalize())
    made.save()
    return made


def main(response) -> str:
    return str(BeautifulSoup(response.content.decode(), "html.parser").select_one("main"))


def open_round(plan, slug, year, asked=()):
    return report_open(
        plan,
        name_fi=f"Vuosiraportti {year}",
        slug=slug,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        asked_fields=asked,
        asks_estimates=True,
    )


def test_a_report_answered_and_completed_shows_its_frozen_actions_in_order(client, plan):
    on_time = ActionStatusFactory(plan=plan, identifier="on_time", name_fi="Aikataulussa")
    late = ActionStatusFactory(plan=plan, identifier="late", name_fi="Myöhässä")
    cost = field(plan, "cost", "number", name_fi="Kustannusarvio", unit_fi="€")
    funding = field(plan, "funding", "choice", name_fi="Rahoitus")
    eu = ActionFieldOption.objects.create(field=funding, identifier="eu", name_fi="EU-rahoitus")
    secret = field(plan, "secret", "text", name_fi="Sisäinen huomio", is_public=False)
    story = field(plan, "story", "rich_text", name_fi="Tausta")
    names = {"2": "Pyöräilyn edistäminen", "10": "Kaukolämmön päästöt", "1": "Aurinkosähkö"}
    actions = {
        identifier: make_action(
            plan,
            identifier,
            name_fi=name,
            status=on_time,
            tasks=[task(f"Tehtävä {identifier}", due=datetime.date(2025, 6, 30))],
            field_values=[
                {"field": secret, "text_fi": "Salainen muistiinpano"},
                {"field": story, "rich_text_fi": "<p>Tausta <strong>tärkeä</strong></p>"},
            ],
        )
        for identifier, name in names.items()
    }
    hidden = make_action(plan, "3", name_fi="Sisäinen valmistelu", visibility="internal")

    earlier = open_round(plan, "2024", 2024)
    report_complete(earlier)
    report = open_round(plan, "2025", 2025, asked=[cost, funding])
    report_answer(
        report,
        actions["10"],
        commentary={"fi": "<p>Edistyi hyvin.</p><script>alert(1)</script>"},
        field_values=[
            {"field": cost, "number": Decimal("1200.5")},
            {"field": funding, "option": eu},
        ],
        estimates={"emission_reduction_estimate": Decimal("3500"), "estimate_year": 2030},
    )
    action_update(actions["2"], status=late)
    report_complete(report)

    page = client.get("/reports/2025/")
    assert page.status_code == 200
    text = page.content.decode()
    # Every public action, in the plan's natural order; the internal one and the
    # non-public field never.
    positions = [text.index(names[i]) for i in ("1", "2", "10")]
    assert positions == sorted(positions)
    assert hidden.name not in text and "Salainen" not in text and "Sisäinen huomio" not in text
    assert "Edistyi hyvin." in text and "<script>alert" not in text
    assert "1\xa0200,5 €" in text and "EU-rahoitus" in text
    # A rich-text field is shown as rich text (a reviewer found its tags printed).
    assert "<strong>tärkeä</strong>" in text and "&lt;p&gt;" not in text
    # A unit not translated is shown in every language.
    assert "1,200.5 €" in client.get("/en/reports/2025/").content.decode()
    compared = client.get("/reports/2025/compare/2024/").content.decode()
    assert "Myöhässä" in compared and "Pyöräilyn edistäminen" in compared

    xlsx = client.get("/reports/2025.xlsx").content
    rows = workbook_rows(xlsx)
    assert [row[0] for row in rows[1:]] == ["1", "2", "10"]
    assert "Tausta tärkeä" in rows[1] and not any("<p>" in str(cell) for cell in rows[1])
    # The plan's fields as typed cells, from the snapshot's stored values.
    answered = dict(zip(rows[0], rows[3], strict=True))
    assert answered["Kustannusarvio (€)"] == 1200.5 and answered["Rahoitus"] == "EU-rahoitus"
    pdf = pdf_text(client.get("/reports/2025.pdf").content)
    in_pdf = [pdf.index(names[i]) for i in ("1", "2", "10")]
    assert in_pdf == sorted(in_pdf) and "Sisäinen valmistelu" not in pdf
    assert "<strong>" not in pdf and "Tausta tärkeä" in pdf

    before = (main(page), main(client.get("/reports/2025/compare/2024/")), xlsx, pdf)
    action_update(
        actions["10"],
        name_fi="Uusi nimi",
        status=late,
        field_values=[{"field": cost, "number": Decimal("9")}],
        emission_reduction_estimate=Decimal("1"),
    )
    Action.objects.filter(pk=actions["1"].pk).delete()
    after = (
        main(client.get("/reports/2025/")),
        main(client.get("/reports/2025/compare/2024/")),
        client.get("/reports/2025.xlsx").content,
        pdf_text(client.get("/reports/2025.pdf").content),
    )
    assert after == before


def test_a_date_field_shows_each_languages_month_whatever_language_completed_it(client, plan):
    decided = field(plan, "decided", "date", name_fi="Päätöspäivä")
    make_action(
        plan,
        "60",
        name_fi="Latausverkosto",
        field_values=[{"field": decided, "date": datetime.date(2020, 11, 25)}],
    )
    report = open_round(plan, "2025", 2025)
    # An admin working in Finnish completes the report.
    with translation.override("fi"):
        report_complete(report)

    english = main(client.get("/en/reports/2025/"))
    assert "25 Nov 2020" in english and "Mar 2020" not in english
    assert "25 Nov 2020" in pdf_text(client.get("/en/reports/2025.pdf").content)
    assert "25.11.2020" in main(client.get("/reports/2025/"))
