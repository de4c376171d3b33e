"""Category (theme) pages and organisation pages, and the links to them from the action
pages and the front page."""

import pytest

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    OrganizationFactory,
    make_action,
)
from tests.site.conftest import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def plan_with_trees(plan, category):
    theme = category.type
    theme.identifier = "theme"
    theme.name_en = "Theme"
    theme.save()
    transport = CategoryFactory(
        type=theme,
        identifier="transport",
        name_fi="Liikenne",
        name_en="Transport",
        lead_en="Fewer emissions from getting around.",
    )
    cycling = CategoryFactory(type=theme, parent=transport, identifier="cycling", name_en="Cycling")
    CategoryFactory(type=theme, parent=transport, identifier="empty", name_en="Shipping")
    division = OrganizationFactory(plan=plan, identifier="kymp", name_en="Urban Environment")
    unit = OrganizationFactory(plan=plan, identifier="traffic", parent=division, name_en="Traffic")
    school = OrganizationFactory(plan=plan, identifier="kasko", name_en="Education")
    late = ActionStatusFactory(plan=plan, identifier="late", name_en="Late", order=2)
    on_time = ActionStatusFactory(plan=plan, identifier="on-time", name_en="On time", order=1)
    make_action(
        plan,
        "1",
        name_en="Cycle highways",
        categories=[cycling],
        status=late,
        responsible_parties=[(unit, "primary")],
    )
    make_action(
        plan,
        "2",
        name_en="Congestion charge",
        categories=[transport],
        status=on_time,
        responsible_parties=[(school, "primary"), (division, "collaborator")],
    )
    make_action(plan, "3", name_en="School energy", categories=[category], status=late)
    make_action(
        plan,
        "4",
        name_en="Secret",
        categories=[cycling],
        visibility="internal",
        responsible_parties=[(unit, "primary")],
    )
    return plan


def cards(page) -> list[str]:
    return [a.select_one(".action-card__id").get_text() for a in page.select(".action-card")]


def test_a_theme_page_shows_its_lead_sub_themes_and_actions(client, plan_with_trees, soup):
    response = client.get("/en/categories/theme/transport/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("h1").get_text(" ", strip=True) == "Theme Transport"
    assert page.select_one(".lead").get_text() == "Fewer emissions from getting around."
    # Its own actions and those of the themes below it; never an internal one.
    assert cards(page) == ["1", "2"]
    summary = [" ".join(li.get_text().split()) for li in page.select(".status-counts li")]
    assert summary == ["On time 1", "Late 1"]
    subthemes = [" ".join(li.get_text().split()) for li in page.select("#children-heading ~ ul li")]
    assert subthemes == ["Cycling 1 action", "Shipping 0 actions"]
    dashboard = page.find("a", string="See them in the dashboard")
    assert dashboard["href"] == "/en/actions/?view=dashboard&category=transport"
    below = soup(client.get("/en/categories/theme/cycling/"))
    crumbs = [a.get_text() for a in below.select(".breadcrumbs a")]
    assert crumbs == ["Actions", "Transport", "Cycling"]
    assert below.select_one('.breadcrumbs a[aria-current="page"]').get_text() == "Cycling"


def test_an_organisation_page_separates_primary_from_collaborating(client, plan_with_trees, soup):
    page = soup(client.get("/en/organizations/kymp/"))
    primary = page.select_one("#primary-heading").find_parent("section")
    collaborating = page.select_one("#collaborating-heading").find_parent("section")
    assert cards(primary) == ["1"]  # through its unit
    assert cards(collaborating) == ["2"]
    units = [" ".join(li.get_text().split()) for li in page.select("#units-heading ~ ul li")]
    assert units == ["Traffic 1 action"]
    text = visible_text(str(page))
    assert "Primarily responsible for 1 action (its units’ included)" in text
    unit = soup(client.get("/en/organizations/traffic/"))
    assert [a.get_text() for a in unit.select(".breadcrumbs a")] == [
        "Actions", "Urban Environment", "Traffic"
    ]  # fmt: skip
    school = soup(client.get("/en/organizations/kasko/"))
    assert cards(school.select_one("#primary-heading").find_parent("section")) == ["2"]
    assert "None." in school.select_one("#collaborating-heading").find_parent("section").text


def test_action_pages_and_the_front_page_link_to_them(client, plan_with_trees, soup):
    page = soup(client.get("/en/actions/2/"))
    assert page.select_one(".action__categories a")["href"] == "/en/categories/theme/transport/"
    organizations = [a["href"] for a in page.select("#section-organizations li a")]
    assert organizations == ["/en/organizations/kasko/", "/en/organizations/kymp/"]
    front = soup(client.get("/en/"))
    themes = [a["href"] for a in front.select(".theme-list a")]
    assert "/en/categories/theme/transport/" in themes


@pytest.mark.parametrize(
    "url",
    [
        "/en/categories/theme/nowhere/",
        "/en/categories/nowhere/transport/",
        "/en/organizations/nowhere/",
    ],
)
def test_unknown_categories_and_organisations_are_not_found(client, plan_with_trees, url):
    assert client.get(url).status_code == 404


def test_another_plans_categories_and_organisations_are_not_found(
    client, plan_with_trees, other_plan
):
    OrganizationFactory(plan=other_plan, identifier="elsewhere")
    assert client.get("/en/organizations/elsewhere/").status_code == 404


def test_identifiers_with_a_slash_have_their_pages(client, plan_with_trees, soup):
    odd = OrganizationFactory(plan=plan_with_trees, identifier="kymp/ymp", name_en="Odd unit")
    theme = plan_with_trees.category_types.get()
    odd_theme = CategoryFactory(type=theme, identifier="a/b", name_en="Odd theme")
    make_action(
        plan_with_trees, "9", categories=[odd_theme], responsible_parties=[(odd, "primary")]
    )
    page = soup(client.get("/en/actions/9/"))
    assert page.select_one(".action__categories a")["href"] == "/en/categories/theme/a/b/"
    assert page.select_one("#section-organizations li a")["href"] == "/en/organizations/kymp/ymp/"
    assert cards(soup(client.get("/en/categories/theme/a/b/"))) == ["9"]
    assert cards(soup(client.get("/en/organizations/kymp/ymp/"))) == ["9"]
    # A category of another type has no dashboard link: the filter knows themes only.
    assert soup(client.get("/en/")).select_one("main") is not None
