"""The second demo plan, Northbay's (English first), at its own host: every page type in
its three languages has zero axe violations, and says which language it is in."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import axe_violations, describe
from vahti.demo.hosts import DEMO_HOST

PAGES = {
    "front page": "/",
    "action list": "/actions/",
    "action page with a news post and a late task": "/actions/M1/",
    "theme page": "/categories/theme/mobility/",
    "sub-theme page": "/categories/theme/cycling/",
    "organisation page": "/organizations/transit/",
    "indicator page": "/indicators/bike-lanes/",
    "content page": "/pages/about/",
    "search results": "/search/?q=bike",
}
# English at the bare address, the plan's other languages under their prefixes.
PREFIX = {"en": "", "fi": "/fi", "sv": "/sv"}
NAMES = {
    "en": "Northbay Climate Plan 2040",
    "fi": "Pohjoislahden ilmasto-ohjelma 2040",
    "sv": "Norrviks klimatplan 2040",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_northbay_pages_have_no_axe_violations(demo, page, settings, language):
    settings.ALLOWED_HOSTS = [DEMO_HOST, "localhost"]
    # Under its path prefix on the demo host, beside Helsinki at the root.
    base = f"http://{DEMO_HOST}:{urlsplit(demo.url).port}/northbay"
    axe = Axe()
    for name, path in PAGES.items():
        response = page.goto(f"{base}{PREFIX[language]}{path}")
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language
        assert page.title().endswith(NAMES[language]), name
        violations = axe_violations(axe, page)
        assert not violations, f"{name} ({language}):\n{describe(violations)}"
