"""Addresses and languages: a plan is read in its primary language without a prefix and
in its other languages under one, whichever language the installation defaults to."""

import pytest
from django.utils import timezone

from tests.factories import PlanFactory, make_action
from tests.site.conftest import visible_text
from vahti.plans.models import PlanDomain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def hosts(settings):
    settings.ALLOWED_HOSTS = [".example", "testserver"]


@pytest.fixture
def swedish_plan(db):
    plan = PlanFactory(
        identifier="vasa",
        name_fi="Vaasan ilmasto-ohjelma",
        name_sv="Vasas klimatprogram",
        name_en="",
        primary_language="sv",
        other_languages=["fi"],
    )
    PlanDomain.objects.create(plan=plan, hostname="klimat.vasa.example")
    make_action(plan, "7", name_sv="Cykelvägar", name_fi="Pyörätiet")
    return plan


@pytest.fixture
def finnish_plan(db):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki 2035")
    PlanDomain.objects.create(plan=plan, hostname="ilmastovahti.example")
    make_action(plan, "126", name_fi="Elinkeinopolitiikka", name_sv="Näringspolitik")
    return plan


def test_a_swedish_first_plan_is_swedish_without_a_prefix(client, swedish_plan, finnish_plan):
    response = client.get("/actions/7/", headers={"host": "klimat.vasa.example"})
    assert response.status_code == 200
    assert response["Content-Language"] == "sv"
    html = response.content.decode()
    assert '<html lang="sv"' in html
    text = visible_text(html)
    assert "7 Cykelvägar" in text and "Uppgifter" in text

    finnish = client.get("/fi/actions/7/", headers={"host": "klimat.vasa.example"})
    assert finnish.status_code == 200
    assert "7 Pyörätiet" in visible_text(finnish.content.decode())
    # The primary language has no prefix of its own.
    assert client.get("/sv/actions/7/", headers={"host": "klimat.vasa.example"}).status_code == 404


def test_links_of_a_swedish_first_plan_carry_its_prefixes(client, swedish_plan, soup):
    page = soup(client.get("/actions/7/", headers={"host": "klimat.vasa.example"}))
    assert page.select_one("a.site-name")["href"] == "/"
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates["sv"].endswith("/actions/7/")
    assert alternates["fi"].endswith("/fi/actions/7/")
    finnish = soup(client.get("/fi/actions/7/", headers={"host": "klimat.vasa.example"}))
    assert finnish.select_one("a.site-name")["href"] == "/fi/"


def test_the_finnish_plan_beside_it_keeps_its_own_addresses(client, swedish_plan, finnish_plan):
    host = {"host": "ilmastovahti.example"}
    assert "126 Elinkeinopolitiikka" in visible_text(
        client.get("/actions/126/", headers=host).content.decode()
    )
    assert "126 Näringspolitik" in visible_text(
        client.get("/sv/actions/126/", headers=host).content.decode()
    )
    assert client.get("/fi/actions/126/", headers=host).status_code == 404
    # Served after the Swedish plan in the same process, the reverse caches do not mix.
    client.get("/actions/7/", headers={"host": "klimat.vasa.example"})
    page = client.get("/actions/126/", headers=host).content.decode()
    assert 'href="/actions/"' in page and 'href="/fi/actions/"' not in page


def test_host_names_match_without_case_port_or_trailing_dot(client, swedish_plan, finnish_plan):
    response = client.get("/", headers={"host": "KLIMAT.Vasa.example.:8000"})
    assert "Vasas klimatprogram" in response.content.decode()


def test_the_plans_time_zone_does_not_outlive_the_request(client, finnish_plan):
    client.get("/actions/126/", headers={"host": "ilmastovahti.example"})
    assert timezone.get_current_timezone_name() == "UTC"
