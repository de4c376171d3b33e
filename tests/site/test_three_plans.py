"""Three plans in one installation: every public page, feed, download, search and API
answer of each shows its own plan's data and nothing of the other two.

The plans are built alike on purpose: the same identifiers for their actions,
categories, organisations and indicators, so that a lookup forgetting the plan shows the
wrong plan's row. Each object's name carries its plan's marker (ALFAMARK, BETAMARK,
GAMMAMARK), the same in every language, so the check does not depend on the language a
plan is served in.
"""

import csv
import datetime
import io
from dataclasses import dataclass

import openpyxl
import pytest

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PersonFactory,
    PlanFactory,
    make_action,
    make_indicator,
    task,
)
from vahti.plans.models import Plan
from vahti.plans.setup import plan_host_add

pytestmark = pytest.mark.django_db

# Where each plan is served: (host, path prefix). Two on hosts of their own, the third
# under a path prefix of a host it shares with beta (SHARED).
SERVED = {
    "alfa": ("alfa.example", ""),
    "beta": ("beta.example", ""),
    "gamma": ("shared.example", "/gamma"),
}
SHARED = ("shared.example", "beta")
# Two Finnish-first plans and an English-first one.
LANGUAGES = {"alfa": ("fi", ["sv", "en"]), "beta": ("fi", ["en"]), "gamma": ("en", ["fi", "sv"])}


def marker(key: str) -> str:
    return f"{key.upper()}MARK"


def same_in_every_language(name: str, text: str) -> dict:
    return {f"{name}_{code}": text for code in ("fi", "sv", "en")}


@dataclass
class Served:
    plan: Plan
    key: str
    host: str
    prefix: str

    @property
    def marker(self) -> str:
        return marker(self.key)

    def get(self, client, path: str):
        return client.get(self.prefix + path, HTTP_HOST=self.host)


def build_plan(key: str) -> Plan:
    mark = marker(key)
    primary, others = LANGUAGES[key]
    plan = PlanFactory(
        identifier=key,
        primary_language=primary,
        other_languages=others,
        **same_in_every_language("name", f"Plan {mark}"),
    )
    status = ActionStatusFactory(plan=plan, identifier="on_time")
    themes = CategoryTypeFactory(plan=plan, identifier="theme", is_primary=True)
    theme = CategoryFactory(
        plan=plan,
        type=themes,
        identifier="energy",
        **same_in_every_language("name", f"Theme {mark}"),
    )
    org = OrganizationFactory(
        plan=plan, identifier="org", **same_in_every_language("name", f"Org {mark}")
    )
    person = PersonFactory(plan=plan, first_name="Person", last_name=mark, organization=org)
    action = make_action(
        plan,
        "1",
        **same_in_every_language("name", f"Action {mark}"),
        **same_in_every_language("lead", f"Climateact lead {mark}"),
        status=status,
        categories=[theme],
        responsible_parties=[(org, "primary")],
        contact_persons=[(person, "contact")],
        tasks=[task(f"Task {mark}", due=datetime.date(2030, 6, 1), name_en=f"Task {mark}")],
        news_posts=[
            {
                **same_in_every_language("title", f"News {mark}"),
                **same_in_every_language("body", f"<p>News body {mark}</p>"),
                "published_on": datetime.date(2025, 1, 8),
                "author": person,
            }
        ],
    )
    make_indicator(
        plan,
        "ghg",
        **same_in_every_language("name", f"Indicator {mark}"),
        **same_in_every_language("unit", "kt"),
        values=[(2020, 100), (2021, 90)],
        goals=[(2030, 50)],
        categories=[theme],
        action_links=[(action, "decreases", False)],
    )
    return plan


@pytest.fixture
def served(db, settings) -> list[Served]:
    """The three plans, each registered at its address (``SERVED``)."""
    settings.ALLOWED_HOSTS = [".example", "testserver"]
    found = []
    for key, (host, prefix) in SERVED.items():
        plan = build_plan(key)
        plan_host_add(plan, host, prefix or None)
        found.append(Served(plan, key, host, prefix))
    beta = next(s.plan for s in found if s.key == "beta")
    plan_host_add(beta, SHARED[0], SHARED[1])
    return found


def readable(response) -> str:
    """What a reader of the answer sees, as text: spreadsheets cell by cell."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # an .xlsx (a zip)
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    text = body.decode("utf-8-sig")
    if response["Content-Type"].startswith("text/csv"):
        return " ".join(" ".join(row) for row in csv.reader(io.StringIO(text)))
    return text


# (address, what of its own plan it shows); {m} is the plan's marker, {id} its identifier.
PUBLIC = [
    ("/", "Plan {m}"),
    ("/actions/", "Action {m}"),
    ("/actions/1/", "Task {m}"),
    ("/categories/theme/energy/", "Action {m}"),
    ("/organizations/org/", "Action {m}"),
    ("/search/?q=climateact", "Action {m}"),
    ("/search/?q={m}", "Action {m}"),
    ("/indicators/", "Indicator {m}"),
    ("/indicators/ghg/", "Indicator {m}"),
    ("/feeds/updates.atom", "News {m}"),
    ("/feeds/categories/theme/energy.atom", "Action {m}"),
    ("/feeds/tasks.ics", "Task {m}"),
    ("/actions.csv", "Action {m}"),
    ("/actions.xlsx", "Action {m}"),
    ("/data/", "Plan {m}"),
    ("/data/actions.csv", "Action {m}"),
    ("/data/tasks.csv", "Task {m}"),
    ("/data/plan.xlsx", "Action {m}"),
    # The API: what the host serves, and what a client asks for by the plan's identifier.
    ("/api/v1/actions/", "Action {m}"),
    ("/api/v1/actions/1/", "Task {m}"),
    ("/api/v1/categories/", "Theme {m}"),
    ("/api/v1/organizations/", "Org {m}"),
    ("/api/v1/indicators/", "Indicator {m}"),
    ("/api/v1/indicators/ghg/", "Indicator {m}"),
    ("/api/v1/news/", "News {m}"),
    ("/api/v1/actions/?plan={id}", "Action {m}"),
    ("/api/v1/news/?plan={id}", "News {m}"),
    ("/api/v1/plans/{id}/", "Plan {m}"),
    ("/api/v1/plans/{id}/document.json", "Action {m}"),
    ("/api/v1/plans/{id}/plan.xlsx", "Action {m}"),
    ("/api/v1/plans/{id}/actions.csv", "Action {m}"),
]


@pytest.mark.parametrize(("path", "own"), PUBLIC, ids=[path for path, _own in PUBLIC])
def test_each_plan_shows_its_own_data_and_nothing_of_the_others(client, served, path, own):
    for this in served:
        address = path.format(
            m=this.marker.lower() if "q={m}" in path else this.marker, id=this.key
        )
        response = this.get(client, address)
        assert response.status_code == 200, f"{this.host}{this.prefix}{address}"
        text = readable(response)
        assert own.format(m=this.marker) in text, f"{this.host}{this.prefix}{address}"
        for other in served:
            if other is not this:
                assert other.marker not in text, (
                    f"{this.host}{this.prefix}{address} shows {other.key}'s data"
                )


def test_the_plans_other_languages_show_only_their_own_data(client, served):
    for this in served:
        _primary, others = LANGUAGES[this.key]
        for code in others:
            response = this.get(client, f"/{code}/actions/1/")
            text = response.content.decode()
            assert response.status_code == 200 and f"Action {this.marker}" in text
            assert not any(o.marker in text for o in served if o is not this), (this.key, code)


def test_an_action_of_one_plan_is_not_found_at_another_plans_address(client, served):
    alfa, beta, gamma = served
    make_action(alfa.plan, "alfa-only", **same_in_every_language("name", f"Only {alfa.marker}"))
    assert f"Only {alfa.marker}" in alfa.get(client, "/actions/alfa-only/").content.decode()
    for other in (beta, gamma):
        assert other.get(client, "/actions/alfa-only/").status_code == 404
        assert other.get(client, "/api/v1/actions/alfa-only/").status_code == 404
        assert other.get(client, "/feeds/actions/alfa-only.atom").status_code == 404


def test_each_plans_sitemap_lists_only_its_own_addresses(client, served):
    for this in served:
        response = this.get(client, "/sitemap.xml")
        assert response.status_code == 200
        text = response.content.decode()
        own = f"http://{this.host}{this.prefix}/actions/1/"
        assert own in text, this.key
        for other in served:
            if other is not this:
                assert f"//{other.host}{other.prefix}/" not in text, (this.key, other.key)


def test_the_shared_host_lists_its_plans_and_their_sitemaps_only(client, served):
    _alfa, beta, gamma = served
    index = client.get("/", HTTP_HOST=SHARED[0])
    text = index.content.decode()
    assert index.status_code == 200
    assert beta.marker in text and gamma.marker in text and "ALFAMARK" not in text
    robots = client.get("/robots.txt", HTTP_HOST=SHARED[0]).content.decode()
    assert "Sitemap: http://shared.example/gamma/sitemap.xml" in robots
    assert "Sitemap: http://shared.example/beta/sitemap.xml" in robots
    assert "alfa" not in robots
    # The prefixed plans answer there too, each with its own data.
    beta_there = client.get("/beta/actions/1/", HTTP_HOST=SHARED[0]).content.decode()
    assert beta.marker in beta_there and gamma.marker not in beta_there
