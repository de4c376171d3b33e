"""The public report pages in a browser: zero axe violations in Finnish, Swedish and
English (texts that fall back to Finnish marked with their language), and the other
report chosen for the comparison without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import axe_violations, describe
from tests.reports.snapshot_data import (
    action_data,
    completed_report,
    estimates,
    field,
    status,
    task,
    texts,
)

PAGES = {
    "report list": "/reports/",
    "report": "/reports/2025/",
    "comparison": "/reports/2025/compare/2024/",
    "comparison with an unknown report": "/reports/2025/compare/?with=1999",
}
PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


@pytest.fixture
def reports_demo(demo):
    from vahti.plans.models import Plan
    from vahti.reports.models import Report

    plan = Plan.objects.get(identifier="hnh2035")
    Report.objects.filter(plan=plan).delete()  # the demo's own: these tests make theirs
    indicator = {
        "identifier": "ghg",
        "name": texts("Päästöt", "Utsläpp", "Emissions"),
        "unit": texts("kt CO₂e"),
        "latest": {"date": "2025-12-31", "value": 2630.5},
    }
    full = action_data(
        "126", "Pyöräilyn edistäminen",
        status=status("late", "Myöhässä", "Försenad", "Late"),
        fields=[field("cost", "Kustannusarvio", "1 200 €")],
        estimates=estimates("120", "40", "12.5", 2030, "HSY:n laskuri"),
        indicators=[indicator],
        tasks=[task("Pyöräbaanat"), task("Pysäköinti", "in_progress"),
               task("Vanha suunnitelma", "cancelled"), task("Selvitys", "not_started")],
        commentary=texts("<h2>Tilanne</h2><p>Etenee <a href='https://example.com'>hyvin</a>.</p>"
                         "<ul><li>Yksi</li></ul>", "<p>Går bra.</p>"),
    )  # fmt: skip
    completed_report(plan, "2024", [(action_data("126", "Pyöräilyn edistäminen"), True, None),
                                    (action_data("7", "Poistunut"), True, None)],
                     name_sv="Årsrapport 2024")  # fmt: skip
    completed_report(plan, "2025", [(full, True, None), (action_data("9", "Uusi"), True, None),
                                    (action_data("8", "Piilotettu"), False, None)],
                     intro_fi="<p>Vuoden 2025 raportti.</p>")  # fmt: skip
    return demo


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_report_pages_have_no_axe_violations(reports_demo, page, language):
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{reports_demo.url}{PREFIX[language]}{path}")
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(axe, page)
        assert not violations, f"{name} ({language}):\n{describe(violations)}"
    page.goto(f"{reports_demo.url}{PREFIX[language]}/")
    assert page.locator(f"footer a[href='{PREFIX[language]}/reports/']").count() == 1


def test_the_comparison_is_chosen_without_javascript(reports_demo, browser):
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{reports_demo.url}/reports/2025/")
    page.get_by_label("Vertaa raporttiin").select_option("2024")
    page.get_by_role("button", name="Vertaa").click()
    page.wait_for_url(f"{reports_demo.url}/reports/2025/compare/2024/")
    assert "Poistunut" in page.locator("[aria-labelledby=compare-removed-heading]").inner_text()
    assert "Uusi" in page.locator("[aria-labelledby=compare-added-heading]").inner_text()
    context.close()
