"""The public pages of a plan's completed reports: the list, one report, the comparison
of two, and the site's link to them. Made from snapshots only (tests/reports/snapshot_data)."""

import pytest

from tests.reports.snapshot_data import (
    action_data,
    completed_report,
    estimates,
    field,
    status,
    texts,
    workbook_rows,
)
from tests.site.conftest import SHARED_HOST, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

COMMENTARY = '<p>Hyvin <strong>etenee</strong></p><script>alert("x")</script>'


def three_actions():
    """Action 1 with a public and a non-public field, 2 not public, 3 late."""
    fields = [
        field("cost", "Kustannusarvio", "1 200 €"),
        field("note", "Sisäinen huomio", "SALAINEN HUOMIO", is_public=False),
    ]
    first = action_data(
        "1",
        "Pyöräilyn edistäminen",
        fields=fields,
        estimates=estimates("120.00", None, "30.50", 2030, "Laskelma HSY:n mallilla"),
    )
    third = action_data(
        "3",
        "Aurinkopaneelit kouluille",
        status=status("late", "Myöhässä", "Försenad"),
        estimates=estimates("80.5", "10", None, 2030),
        commentary=texts(COMMENTARY),
    )
    return [(first, True, None), (action_data("2", "Sisäinen valmistelu"), False, None),
            (third, True, None)]  # fmt: skip


def test_the_list_shows_the_plans_completed_reports_only(client, plan, other_plan):
    completed_report(plan, "2024")
    completed_report(plan, "2025")
    completed_report(plan, "2026", completed=False, name_fi="Avoin kierros")
    completed_report(other_plan, "2023", name_fi="Toisen suunnitelman raportti")
    text = visible_text(client.get("/reports/").content.decode())
    assert text.index("Vuosiraportti 2025") < text.index("Vuosiraportti 2024")
    assert "Avoin kierros" not in text and "Toisen suunnitelman" not in text
    assert "Ajanjakso 01.01.2025–31.12.2025 · valmis 31.01.2026" in text
    for address in ("/reports/2026/", "/reports/2023/", "/reports/2026.xlsx", "/reports/2026.pdf",
                    "/reports/2025/compare/2026/", "/reports/nothing/"):  # fmt: skip
        assert client.get(address).status_code == 404, address


def test_a_report_shows_its_public_actions_in_order_with_public_fields(client, plan):
    completed_report(plan, "2025", three_actions())
    response = client.get("/reports/2025/")
    html = response.content.decode()
    text = visible_text(html)
    assert text.index("Pyöräilyn edistäminen") < text.index("Aurinkopaneelit kouluille")
    assert "Sisäinen valmistelu" not in html
    assert "Kustannusarvio 1 200 €" in text
    assert "SALAINEN" not in html and "Sisäinen huomio" not in html
    # The summary: counts by status, the estimates summed and called estimates.
    assert "Toimenpiteitä raportissa 2" in text
    assert "Aikataulussa 1" in text and "Myöhässä 1" in text
    assert "Arvioitu päästövähennys: 200 t CO₂e/v" in text  # 200,5 rounded as on /estimates/
    assert "Arvioita, ei mitattuja tuloksia." in text
    assert "Laskelma HSY:n mallilla" in text
    # The commentary is rich text, without what is not allowed in it.
    assert "<strong>etenee</strong>" in html and "alert(" not in html
    assert 'href="/reports/2025.pdf"' in html and 'href="/reports/2025.xlsx"' in html


def test_estimates_are_shown_as_the_estimates_page_shows_them(client, plan):
    """Without needless decimals (a tester found “1 054 400,0” and “2 000,0”): large
    figures whole, small ones with a decimal or two, in the page's language."""
    big = estimates("1054400.00", "2000.00", "2.50", 2030)
    small = estimates("0.25", None, None, 2030)
    shown = [
        (action_data("1", "Iso", estimates=big), True, None),
        (action_data("2", "Pieni", estimates=small), True, None),
    ]
    completed_report(plan, "2025", shown)
    text = visible_text(client.get("/reports/2025/").content.decode())
    assert "Arvioitu päästövähennys: 1 054 400 t CO₂e/v" in text
    assert "Arvioitu energiansäästö: 2 000 MWh/v" in text
    assert "Arvioitu uusiutuvan energian tuotanto: 2,5 MWh/v" in text
    assert "Arvioitu päästövähennys: 0,25 t CO₂e/v" in text
    assert ",0 " not in text
    english = visible_text(client.get("/en/reports/2025/").content.decode())
    assert "Estimated emission reduction: 1,054,400 t CO₂e/a" in english


def test_text_in_another_language_is_marked_with_its_language(client, plan, soup):
    completed_report(plan, "2025", three_actions())
    page = soup(client.get("/sv/reports/2025/"))
    heading = page.select_one("#action-3-heading span[lang]")
    assert heading.get("lang") == "fi" and heading.text == "Aurinkopaneelit kouluille"
    assert page.select_one("h1").get("lang") == "fi"  # the report's name, in Finnish only
    # The status has a Swedish name: no lang attribute.
    late = [s for s in page.select(".report-facts .status") if s.text == "Försenad"]
    assert late and late[0].get("lang") is None


def test_the_footer_links_the_reports_only_when_one_is_completed(client, plan):
    assert 'href="/reports/"' not in client.get("/").content.decode()
    report = completed_report(plan, "2025", completed=False)
    assert 'href="/reports/"' not in client.get("/").content.decode()
    report.state, report.completed_at = "completed", report.created_at
    report.save()
    assert 'href="/reports/"' in client.get("/").content.decode()


def compared_reports(plan):
    earlier = [
        (action_data("1", "Pyöräily"), True, None),
        (action_data("2", "Lopetettu toimenpide"), True, None),
        (action_data("3", "Ennallaan"), True, None),
        (action_data("5", "Vaiheen vaihtaja"), True, None),
    ]
    current = [
        (action_data("1", "Pyöräily", status=status("late", "Myöhässä")), True, None),
        (action_data("3", "Ennallaan"), True, None),
        (action_data("4", "Uusi toimenpide", estimates=estimates("5")), True, None),
        (action_data("5", "Vaiheen vaihtaja", phase={"identifier": "done",
                     "name": texts("Valmis")}, estimates=estimates("12.5")), True, None),
    ]  # fmt: skip
    completed_report(plan, "2024", earlier)
    completed_report(plan, "2025", current)


def test_the_comparison_shows_changed_added_and_removed_actions(client, plan, soup):
    compared_reports(plan)
    page = soup(client.get("/reports/2025/compare/2024/"))
    rows = [" ".join(row.get_text(" ").split()) for row in page.select("tbody tr")]
    assert rows == [
        "1 Pyöräily Aikataulussa → Myöhässä ennallaan ennallaan",
        "5 Vaiheen vaihtaja ennallaan Toteutus → Valmis Arvioitu päästövähennys: – → 12,5 t CO₂e/v",
    ]
    text = visible_text(str(page))
    assert "1 toimenpide kummassakin raportissa" in text
    added = page.select_one("[aria-labelledby=compare-added-heading]").get_text(" ")
    removed = page.select_one("[aria-labelledby=compare-removed-heading]").get_text(" ")
    assert "Uusi toimenpide" in added and "Lopetettu toimenpide" in removed


def test_the_other_report_is_chosen_with_a_form_without_javascript(client, plan, soup):
    compared_reports(plan)
    form = soup(client.get("/reports/2025/")).select_one("form[action='/reports/2025/compare/']")
    assert [o["value"] for o in form.select("select[name=with] option")] == ["2024"]
    response = client.get("/reports/2025/compare/", {"with": "2024"})
    assert response.status_code == 302 and response["Location"] == "/reports/2025/compare/2024/"
    unknown = client.get("/reports/2025/compare/", {"with": "1999"})
    assert unknown.status_code == 200
    assert "Vertailtavaa valmista raporttia ei ole" in visible_text(unknown.content.decode())


def test_reports_are_the_plan_of_the_hosts_and_addresses_carry_its_prefix(client, shared_host):
    plan, other_plan = shared_host
    completed_report(plan, "2025", [(action_data("1", "Helsingin toimenpide"), True, None)])
    completed_report(
        other_plan, "2025", [(action_data("1", "Espoon toimenpide"), True, None)],
        name_fi="Espoon raportti",
    )  # fmt: skip
    own = client.get("/reports/2025/", HTTP_HOST=SHARED_HOST).content.decode()
    assert "Helsingin toimenpide" in own and "Espoo" not in own
    other = client.get("/espoo/fi/reports/2025/", HTTP_HOST=SHARED_HOST).content.decode()
    assert "Espoon toimenpide" in other and "Helsingin" not in other
    assert 'href="/espoo/fi/reports/2025.pdf"' in other
    listing = client.get("/espoo/fi/reports/", HTTP_HOST=SHARED_HOST).content.decode()
    assert 'href="/espoo/fi/reports/2025/"' in listing and "Vuosiraportti" not in listing
    workbook = client.get("/espoo/fi/reports/2025.xlsx", HTTP_HOST=SHARED_HOST)
    assert "Espoon toimenpide" in str(workbook_rows(workbook.content))
