"""Every public page type, in each language, has zero axe violations (WCAG 2.1 AA and
axe's best practices), works by keyboard and fits a 360 px wide screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
PAGES = {
    "front page": "/",
    "action list": "/actions/",
    "filtered action list": "/actions/?status=late&organization=kymp&q=a",
    "late actions": "/actions/?late=on",
    "action list with nothing found": "/actions/?q=zeppelin",
    "action dashboard": "/actions/?view=dashboard",
    "filtered dashboard sorted by a column": (
        "/actions/?view=dashboard&organization=kymp&sort=-late_tasks"
    ),
    "action dashboard over time": "/actions/?view=history",
    "action dashboard on a past day, with an error": "/actions/?view=history&on=2099-01-01",
    "theme page": "/categories/theme/liikenne/",
    "sub-theme page": "/categories/theme/kavely-ja-pyoraily/",
    "organisation page": "/organizations/kymp/",
    "action page": "/actions/126/",
    "action page with tasks in every state": "/actions/9/",
    "action page with indicators": "/actions/40/",
    "indicator list": "/indicators/",
    "indicator page": "/indicators/ghg-total/",
    "monthly indicator without a goal": "/indicators/city-bike-trips/",
    "insight network": "/insight/",
    "insight network of one indicator": "/insight/?indicator=sustainable-modes-share",
    "search form": "/search/",
    "search results": "/search/?q=liikenteen",
    "search results of one kind": "/search/?q=liikenteen&kind=action",
    "search with nothing found": "/search/?q=zeppelin",
    "content page (about the plan)": "/pages/tietoa/",
    "content page with a list": "/pages/ohjeet-yhteyshenkiloille/",
    "accessibility statement": "/pages/saavutettavuusseloste/",
    "privacy notice": "/pages/tietosuojaseloste/",
    "feedback": "/feedback/",
    "feedback on an action": "/actions/126/feedback/",
    "open data": "/data/",
    "API reference": "/data/api/",
    "not found": "/actions/does-not-exist/",
}
PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']}: {violation['help']} at {targets}")
    return "\n".join(lines)


def axe_violations(axe, page) -> list:
    return axe.run(page, options=AXE_OPTIONS).response["violations"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_public_pages_have_no_axe_violations(demo, page, language):
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{demo.url}{PREFIX[language]}{path}")
        assert response.status == (404 if name == "not found" else 200), name
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(axe, page)
        assert not violations, f"{name} ({language}):\n{describe(violations)}"


def test_every_demo_action_page_has_no_axe_violations(demo, page):
    """Each demo action shows a different mix of content (rich-text headings, photos,
    merged and related actions, every task state): all of them are checked."""
    page.goto(f"{demo.url}/actions/")
    paths = page.eval_on_selector_all(
        "main a[href*='/actions/']", "links => [...new Set(links.map(a => a.pathname))]"
    )
    assert len(paths) >= 25
    axe = Axe()
    failures = []
    for path in paths:
        page.goto(f"{demo.url}{path}")
        violations = axe_violations(axe, page)
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)


def test_keyboard_user_skips_to_content_and_moves_between_actions(demo, page):
    page.goto(f"{demo.url}/actions/126/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Siirry pääsisältöön"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab stops go through the content in order: back to the list, then
    # previous and next action.
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Toimenpiteet"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("rel") == "next"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo.url}/actions/127/")
    # Focus is visible: the outline style applies to the focused element.
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_pages_fit_a_360_pixel_screen(demo, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    too_wide = {}
    for path in PAGES.values():
        page.goto(f"{demo.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            too_wide[path] = overflow
    context.close()
    assert too_wide == {}, f"pages scroll sideways at 360px (by px): {too_wide}"
