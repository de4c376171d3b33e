"""The estimated effects in a browser: the estimates page, an action page's estimates and
the emission goal's page have zero axe violations in Finnish, Swedish and English, and
the estimates page works without JavaScript."""

from __future__ import annotations

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import PREFIX, axe_violations, describe

pytestmark = pytest.mark.usefixtures("uncached")
PAGES = {
    "estimates page": "/estimates/",
    "action page with estimates": "/actions/126/",
    "emission goal's indicator page": "/indicators/ghg-total/",
}


@pytest.fixture
def estimated(demo):
    """Estimates on two demo actions of Helsinki; its total emissions as the goal."""
    from vahti.actions.models import Action
    from vahti.actions.services import action_update
    from vahti.indicators.models import Indicator

    plan_actions = Action.objects.filter(plan__identifier="hnh2035")
    action_update(
        plan_actions.get(identifier="126"),
        emission_reduction_estimate=Decimal("1200"),
        energy_savings_estimate=Decimal("350.5"),
        estimate_year=2030,
        estimate_method_fi="Helsingin päästölaskuri",
        estimate_method_sv="Helsingfors utsläppskalkylator",
        estimate_method_en="Helsinki's emission calculator",
    )
    action_update(
        plan_actions.get(identifier="9"),
        emission_reduction_estimate=Decimal("-20"),
        estimate_year=2030,
    )
    goal = Indicator.objects.get(plan__identifier="hnh2035", identifier="ghg-total")
    goal.is_emission_goal = True
    goal.save()
    return demo


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_estimates_pages_have_no_axe_violations(estimated, page, language):
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{estimated.url}{PREFIX[language]}{path}")
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(axe, page)
        assert not violations, f"{name} ({language}):\n{describe(violations)}"


def test_the_estimates_page_works_without_javascript(estimated, browser):
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = context.new_page()
    try:
        page.goto(f"{estimated.url}/actions/?view=dashboard")
        page.get_by_role("link", name="Toimenpiteiden arvioidut vaikutukset").click()
        page.wait_for_url("**/estimates/")
        coverage = page.locator("#emission-goal-coverage").inner_text()
        # The demo's cuts exceed its gap to 2030: said so, not "cover X of the gap".
        assert "ylittäisivät koko vuoden 2030 tavoitteeseen puuttuvan määrän" in coverage
        assert "kattavat siitä" not in coverage and "\xa0% puuttuvasta" in coverage
        page.locator("#estimates-lacking a").first.click()
        assert "/actions/" in page.url
    finally:
        context.close()


def test_the_estimates_tab_has_no_axe_violations_and_says_what_is_missing(demo, page):
    """The action form's "Vaikutusarviot" tab, empty and with the error of an estimate
    without its year."""
    from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in, open_menu_and_click
    from tests.conftest import make_user
    from vahti.actions.models import Action

    action = Action.objects.get(identifier="126", plan__identifier="hnh2035")
    make_user("admin", email="admin@example.invalid", is_superuser=True)
    log_in(page, demo.url, "admin@example.invalid", "a-long-test-password")
    page.goto(f"{demo.url}/admin/snippets/actions/action/edit/{action.pk}/")
    axe = Axe()
    page.get_by_role("tab", name="Vaikutusarviot").click()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.fill("input[name=emission_reduction_estimate]", "1200")
    open_menu_and_click(page, "button[name=action-publish]")
    page.get_by_role("tab", name="Vaikutusarviot").click()
    assert "Anna vuosi, jota arviot koskevat" in page.locator("main").inner_text()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert Action.objects.get(pk=action.pk).emission_reduction_estimate is None
