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
    "action page": "/actions/126/",
    "action page with tasks in every state": "/actions/9/",
    "not found": "/actions/does-not-exist/",
}
PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']}: {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_public_pages_have_no_axe_violations(demo, page, language):
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{demo.url}{PREFIX[language]}{path}")
        assert response.status == (404 if name == "not found" else 200), name
        assert page.locator("html").get_attribute("lang") == language
        results = axe.run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        assert not violations, f"{name} ({language}):\n{describe(violations)}"


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


@pytest.mark.parametrize("path", list(PAGES.values()))
def test_pages_fit_a_360_pixel_screen(demo, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{demo.url}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
