"""The action list's pages in a browser: the page links by keyboard, with and without
JavaScript, zero axe violations on a page after the first, and a 320 px wide screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import axe_violations, describe


@pytest.fixture
def long_demo(demo):
    """The demo plan with 150 more actions: its list runs to more than one page."""
    from vahti.actions.models import Action
    from vahti.plans.models import Plan

    plan = Plan.objects.get(identifier="hnh2035")
    Action.objects.bulk_create(
        Action(plan=plan, identifier=f"x{n}", sort_key=f"x{n:05d}", name_fi=f"Lisätty {n}")
        for n in range(1, 151)
    )
    return demo


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_keyboard_user_moves_to_the_next_page_of_actions(long_demo, browser, javascript):
    context = browser.new_context(
        viewport={"width": 320, "height": 700}, locale="fi-FI", java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{long_demo.url}/actions/")
    count = page.locator("#result-count").inner_text()
    nav = page.locator('nav.pagination[aria-label="Toimenpidelistan sivut"]')
    assert nav.locator('a[aria-current="page"]').inner_text().split()[-1] == "1"
    nav.locator('a[rel="next"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{long_demo.url}/actions/?page=2")
    nav = page.locator("nav.pagination")
    assert nav.locator('a[aria-current="page"]').inner_text().split()[-1] == "2"
    # The count is of every action, on any page; the cards are the next ones.
    assert page.locator("#result-count").inner_text() == count
    assert page.locator(".action-card").count() > 0
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways at 320 px by {overflow} px"
    if javascript:  # axe runs as a script in the page; the markup is the same without
        violations = axe_violations(Axe(), page)
        assert violations == [], describe(violations)
    context.close()
