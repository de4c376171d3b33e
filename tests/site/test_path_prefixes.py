"""One host serving several plans: a plan at the root and others under path prefixes,
or only prefixed plans with an index of them at the root."""

from __future__ import annotations

import pytest
from django.urls import get_script_prefix

from tests.site.conftest import SHARED_HOST as HOST
from tests.site.conftest import visible_text
from vahti.plans.models import PlanDomain

pytestmark = pytest.mark.django_db


def get(client, url, host=HOST):
    return client.get(url, HTTP_HOST=host)


def test_the_root_plan_is_at_the_root_and_the_other_under_its_prefix(client, shared_host):
    root = get(client, "/actions/126/")
    assert root.status_code == 200
    assert "Pyöräilyn edistäminen" in visible_text(root.content.decode())
    prefixed = get(client, "/espoo/actions/7/")
    assert prefixed.status_code == 200
    assert "Heat pumps for schools" in visible_text(prefixed.content.decode())
    # Each plan's actions only under its own address.
    assert get(client, "/espoo/actions/126/").status_code == 404
    assert get(client, "/actions/7/").status_code == 404
    # The script prefix is put back after the request.
    assert get_script_prefix() == "/"


def test_links_feeds_and_language_versions_carry_the_prefix(client, shared_host, soup):
    page = soup(get(client, "/espoo/actions/7/"))
    assert page.select_one("a.site-name")["href"] == "/espoo/"
    assert page.select_one('link[type="application/atom+xml"]')["href"].startswith("/espoo/feeds/")
    versions = {a["lang"]: a["href"] for a in page.select(".language-switch a")}
    assert versions == {
        "en": "/espoo/actions/7/",
        "fi": "/espoo/fi/actions/7/",
        "sv": "/espoo/sv/actions/7/",
    }
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates["sv"] == f"http://{HOST}/espoo/sv/actions/7/"
    swedish = get(client, "/espoo/sv/actions/7/")
    assert swedish.status_code == 200 and swedish["Content-Language"] == "sv"
    finnish = get(client, "/espoo/fi/")
    assert finnish.status_code == 200 and finnish["Content-Language"] == "fi"


def test_the_prefix_without_its_slash_is_redirected_and_the_admin_is_at_the_root_only(
    client, shared_host
):
    response = get(client, "/espoo?x=1")
    assert response.status_code == 301 and response["Location"] == "/espoo/?x=1"
    assert get(client, "/espoo/admin/").status_code == 404
    assert get(client, "/admin/").status_code == 302  # to the login


def test_downloads_are_the_prefixed_plans_own(client, shared_host):
    csv = b"".join(get(client, "/espoo/actions.csv").streaming_content).decode()
    assert "Heat pumps for schools" in csv and "Pyöräilyn" not in csv
    assert f"http://{HOST}/espoo/actions/7/" in csv


def test_a_host_with_prefixed_plans_only_shows_their_index(client, shared_host, soup):
    plan, other_plan = shared_host
    PlanDomain.objects.create(plan=plan, hostname="index.example", path_prefix="helsinki")
    PlanDomain.objects.create(plan=other_plan, hostname="index.example", path_prefix="espoo")
    response = get(client, "/", host="index.example")
    assert response.status_code == 200
    page = soup(response)
    items = page.select(".plan-index__item")
    assert [(item["lang"], item.a["href"], item.a.get_text()) for item in items] == [
        ("en", "/espoo/", "Climate-neutral Espoo"),
        ("fi", "/helsinki/", "Hiilineutraali Helsinki 2035"),
    ]
    assert get(client, "/helsinki/actions/126/", host="index.example").status_code == 200
    # Nothing else at the root but what every host answers there.
    assert get(client, "/actions/", host="index.example").status_code == 404
    assert get(client, "/robots.txt", host="index.example").status_code == 200


def test_an_unknown_host_serves_the_first_plan_as_before(client, shared_host):
    response = client.get("/actions/126/")
    assert response.status_code == 200


@pytest.mark.usefixtures("shared_host")
def test_two_plans_on_one_host_never_get_each_others_cached_page(client):
    for _ in range(2):
        root = get(client, "/")
        prefixed = get(client, "/espoo/")
        assert "Hiilineutraali Helsinki 2035" in root.content.decode()
        assert "Climate-neutral Espoo" in prefixed.content.decode()
        assert "Climate-neutral Espoo" not in root.content.decode()
    assert root["X-Vahti-Cache"] == "hit" and prefixed["X-Vahti-Cache"] == "hit"


def test_the_script_prefix_is_put_back_even_when_the_answer_fails():
    from vahti.site.middleware import script_prefix

    seen = []

    def fail():
        with script_prefix("/espoo/"):
            seen.append(get_script_prefix())
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail()
    assert seen == ["/espoo/"]
    assert get_script_prefix() == "/"
