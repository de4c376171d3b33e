"""Every page the open data page leads to has a language and no axe violations (the
Swagger UI console it linked had 72 and no lang; the API reference's own forms replace
it), and an endpoint can be tried from the reference by keyboard."""

import json
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS, describe


def test_every_page_linked_from_the_data_page_is_accessible(demo, page):
    page.goto(f"{demo.url}/data/")
    links = page.eval_on_selector_all("main a[href]", "(links) => links.map((a) => a.href)")
    host = urlsplit(demo.url).netloc
    pages = sorted({link.split("#")[0] for link in links if urlsplit(link).netloc == host})
    checked, failures = [], []
    for url in pages:
        response = page.request.get(url)
        if "text/html" not in response.headers.get("content-type", ""):
            continue  # downloads, feeds and JSON
        page.goto(url)
        checked.append(url)
        if page.locator("html").get_attribute("lang") != "fi":
            failures.append(f"{url}: no lang")
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"{url}:\n{describe(violations)}")
    assert urljoin(demo.url, "/data/api/") in checked
    assert not failures, "\n".join(failures)


def test_an_endpoint_is_tried_from_the_reference(demo, page):
    page.goto(f"{demo.url}/en/data/api/")
    form = page.locator("#vahti_api_api_action form")
    form.get_by_label("identifier").fill("126")
    form.get_by_label("identifier").press("Enter")
    page.wait_for_url(f"{demo.url}/api/v1/actions/126/")
    answer = json.loads(page.locator("body").inner_text())
    assert answer["identifier"] == "126"


def test_a_form_sent_without_its_address_part_says_so_accessibly(demo, page):
    response = page.goto(f"{demo.url}/sv/data/api/try/vahti_api_api_action/?plan=hnh2035")
    assert response.status == 400
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("[role=alert]").inner_text().startswith("identifier: Fyll i identifier")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
