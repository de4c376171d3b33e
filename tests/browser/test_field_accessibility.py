"""The plan's own fields on the public site in a browser: the action page's section, the
list's field filters (with an error) and the dashboard's field columns have zero axe
violations in Finnish, Swedish and English, and fit a 320 px wide screen; the filters
work without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import PREFIX, axe_violations, describe

PAGES = {
    "action page with fields": "/actions/126/",
    "action list filtered by fields": "/actions/?f.funding=o0&f.flagship=yes&f.cost.min=1",
    "action list with a bad field filter": "/actions/?f.cost.min=lots&f.funding=nope",
    "dashboard with field columns, sorted by one": "/actions/?view=dashboard&sort=-f.priority",
}


@pytest.fixture
def fields_demo(demo):
    """The demo plan with every kind of field (one not public) and values on a few
    actions."""
    from tests.site.plan_fields import make_fields, values_for
    from vahti.actions.models import Action
    from vahti.actions.services import action_update

    fields = None
    for number, identifier in enumerate(["126", "9", "40"]):
        action = Action.objects.get(identifier=identifier, plan__identifier="hnh2035")
        fields = fields or make_fields(action.plan, type_identifier="field-sector")
        action_update(action, field_values=values_for(fields, cost=str(number * 1000 + 0.5)))
    return demo


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_with_fields_have_no_axe_violations(fields_demo, page, language):
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{fields_demo.url}{PREFIX[language]}{path}")
        assert response.status == 200, name
        violations = axe_violations(axe, page)
        assert not violations, f"{name} ({language}):\n{describe(violations)}"
    page.goto(f"{fields_demo.url}{PREFIX[language]}/actions/126/")
    assert page.locator("#section-fields dt").count() == 8


def test_pages_with_fields_fit_a_320_pixel_screen(fields_demo, browser):
    context = browser.new_context(viewport={"width": 320, "height": 700}, locale="fi-FI")
    page = context.new_page()
    too_wide = {}
    for path in PAGES.values():
        page.goto(f"{fields_demo.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            too_wide[path] = overflow
    context.close()
    assert too_wide == {}, f"pages scroll sideways at 320px (by px): {too_wide}"


def test_the_field_filters_work_without_javascript(fields_demo, browser):
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fields_demo.url}/actions/")
    # By name: the demo plan has fields of its own with the same names.
    page.locator("select[name='f.funding']").select_option(label="Kaupunki")
    page.locator("input[name='f.cost.min']").fill("1000")
    page.get_by_role("button", name="Suodata").click()
    page.wait_for_url("**f.funding=o0**")
    assert "f.cost.min=1000" in page.url
    cards = page.locator(".action-card .action-card__id").all_inner_texts()
    assert sorted(cards) == ["40", "9"]
    context.close()
