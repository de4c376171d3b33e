"""robots.txt, sitemap.xml, the brand stylesheet and the API: each plan's own, with two
plans on one host (one at the root, one under /espoo/)."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_action
from tests.site.conftest import SHARED_HOST as HOST
from vahti.actions.models import Action
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_host")]


def get(client, url, host=HOST, **extra):
    return client.get(url, HTTP_HOST=host, **extra)


def sitemap_urls(content: bytes) -> dict[str, dict[str, str]]:
    """Each <loc> of the sitemap with its hreflang alternates."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(content)  # noqa: S314 - our own answer
    return {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }


def test_robots_txt_names_the_sitemap_of_every_plan_the_host_serves(client):
    response = get(client, "/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Allow: /" in lines
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: http://{HOST}/sitemap.xml",
        f"Sitemap: http://{HOST}/espoo/sitemap.xml",
    ]
    assert get(client, "/espoo/robots.txt").status_code == 404  # at the host's root only


def test_each_plans_sitemap_lists_its_own_public_pages_in_its_languages(client, shared_host):
    _plan, other_plan = shared_host
    make_action(other_plan, "8", name_en="Internal", visibility=Action.Visibility.INTERNAL)
    response = get(client, "/espoo/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    urls = sitemap_urls(response.content)
    base = f"http://{HOST}/espoo"
    assert f"{base}/" in urls and f"{base}/sv/" in urls
    assert f"{base}/actions/7/" in urls and f"{base}/fi/actions/7/" in urls
    assert not any("/actions/8/" in loc or "/actions/126/" in loc for loc in urls)
    assert urls[f"{base}/actions/7/"] == {
        "en": f"{base}/actions/7/",
        "fi": f"{base}/fi/actions/7/",
        "sv": f"{base}/sv/actions/7/",
    }
    root_urls = sitemap_urls(get(client, "/sitemap.xml").content)
    assert f"http://{HOST}/actions/126/" in root_urls
    assert not any("/espoo/" in loc or "/actions/7/" in loc for loc in root_urls)


def test_each_plan_links_its_own_brand_stylesheet(client, shared_host):
    _plan, other_plan = shared_host
    other_plan.brand_color = "#ffcc00"
    other_plan.save()
    page = BeautifulSoup(get(client, "/espoo/").content, "html.parser")
    href = next(
        link["href"]
        for link in page.select('link[rel="stylesheet"]')
        if "brand.css" in link["href"]
    )
    assert href.startswith("/espoo/brand.css?v=")
    css = get(client, href)
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert "max-age=31536000" in css["Cache-Control"]
    # Yellow: black text on it; a darker shade of it as text on the white page.
    assert "--brand: #ffcc00; --brand-dark: #8f7200; --on-brand: #000000;" in css.content.decode()
    root_css = get(client, "/brand.css").content.decode()
    assert "--brand: #0a5c36;" in root_css  # the default green


def test_the_api_answers_for_the_plan_of_its_address_only(client, shared_host):
    plan, _other_plan = shared_host
    actions = get(client, "/espoo/api/v1/actions/").json()
    assert [action["identifier"] for action in actions["results"]] == ["7"]
    assert actions["results"][0]["url"] == f"http://{HOST}/espoo/actions/7/"
    root = get(client, "/api/v1/actions/").json()
    assert [action["identifier"] for action in root["results"]] == ["126"]
    assert [p["identifier"] for p in get(client, "/espoo/api/v1/plans/").json()] == ["other"]
    # Another plan's data is not reachable through this plan's address.
    refused = get(client, "/espoo/api/v1/actions/", data={"plan": plan.identifier})
    assert refused.status_code == 404
    # A host no plan names still answers for every plan, as before.
    assert len(client.get("/api/v1/plans/").json()) == 2


def test_feeds_are_each_plans_own(client):
    feed = get(client, "/espoo/feeds/updates.atom").content.decode()
    assert f"http://{HOST}/espoo/" in feed
    assert "Pyöräilyn" not in feed
    assert PlanDomain.objects.count() == 2


@pytest.mark.usefixtures("uncached")
def test_the_sitemap_reads_the_same_number_of_queries_whatever_the_plans_size(client, shared_host):
    _plan, other_plan = shared_host

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert get(client, "/espoo/sitemap.xml").status_code == 200
        return len(captured)

    few = count()
    for number in range(10, 20):
        make_action(other_plan, str(number), name_en=f"Action {number}")
    assert count() == few
    assert f"http://{HOST}/espoo/actions/19/" in get(client, "/espoo/sitemap.xml").content.decode()
