"""The action list's filters, each alone and together, read from the address and kept in
it; the list in place for htmx with the count for screen readers."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    ImpactFactory,
    OrganizationFactory,
    PhaseFactory,
    ScheduleFactory,
    make_action,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def actions(plan, category):
    """Five actions, each different in one way from the others."""
    transport = CategoryFactory(type=category.type, identifier="transport", name_fi="Liikenne")
    cycling = CategoryFactory(
        type=category.type, parent=transport, identifier="cycling", name_fi="Pyöräily"
    )
    division = OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
    unit = OrganizationFactory(plan=plan, identifier="traffic", parent=division, name_fi="Liikenne")
    school = OrganizationFactory(plan=plan, identifier="kasko", name_fi="Kasvatus")
    late = ActionStatusFactory(plan=plan, identifier="late", name_fi="Myöhässä", name_en="Late")
    on_time = ActionStatusFactory(plan=plan, identifier="on-time", name_en="On time")
    doing = PhaseFactory(plan=plan, identifier="implementation")
    big = ImpactFactory(plan=plan, identifier="big")
    soon = ScheduleFactory(plan=plan, identifier="2023-2025", name_fi="2023–2025")
    make_action(
        plan,
        "1",
        name_fi="Baanaverkko",
        categories=[cycling],
        status=late,
        responsible_parties=[(unit, "primary")],
        implementation_phase=doing,
    )
    make_action(
        plan,
        "2",
        name_fi="Ruuhkamaksu",
        categories=[transport],
        status=on_time,
        responsible_parties=[(school, "primary"), (division, "collaborator")],
        impact=big,
    )
    make_action(
        plan,
        "3",
        name_fi="Koulujen energia",
        lead_fi="Kouluissa säästetään lämpöä.",
        categories=[category],
        status=late,
        responsible_parties=[(school, "primary")],
        schedules=[soon],
    )
    make_action(plan, "L3.2", name_fi="Hankinnat", status=on_time)
    make_action(plan, "5", name_fi="Luonnos", visibility="internal", status=late)
    return plan


def shown(client, query: str) -> list[str]:
    response = client.get(f"/actions/{query}")
    assert response.status_code == 200, query
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return sorted(
        {a.select_one(".action-card__id").get_text() for a in page.select(".action-card")}
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["1", "2", "3", "L3.2"]),
        ("?category=transport", ["1", "2"]),  # a theme includes the themes below it
        ("?category=cycling", ["1"]),
        ("?organization=kymp", ["1", "2"]),  # units below, collaborators too
        ("?organization=kymp&primary=on", ["1"]),  # primary responsibility only
        ("?organization=kasko&primary=on", ["2", "3"]),
        ("?status=late", ["1", "3"]),  # never the internal action 5
        ("?phase=implementation", ["1"]),
        ("?impact=big", ["2"]),
        ("?schedule=2023-2025", ["3"]),
        ("?q=baana", ["1"]),  # name
        ("?q=lämpöä", ["3"]),  # lead
        ("?q=l3", ["L3.2"]),  # identifier
        ("?status=late&category=transport", ["1"]),
        ("?status=on-time&organization=kymp", ["2"]),
        ("?status=late&organization=kasko&primary=on&schedule=2023-2025&q=koulu", ["3"]),
        ("?status=late&impact=big", []),
    ],
)
def test_each_filter_alone_and_together(client, actions, query, expected):
    assert shown(client, query) == expected


def test_the_filters_stay_in_the_address_and_the_form(client, actions):
    response = client.get("/en/actions/?status=late&organization=kasko&primary=on&q=koulu")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one("#id_status option[selected]")["value"] == "late"
    assert form.select_one("#id_organization option[selected]")["value"] == "kasko"
    assert form.select_one("#id_primary").has_attr("checked")
    assert form.select_one("#id_q")["value"] == "koulu"
    assert page.select_one("#result-count").get_text(strip=True) == "1 action matches the filters"
    # The form sends every field; the address keeps only the filters in use.
    redirect = client.get("/actions/?q=&category=&organization=&status=late&phase=")
    assert redirect.status_code == 302 and redirect["Location"] == "/actions/?status=late"


def test_htmx_gets_the_results_and_the_count_for_screen_readers(client, actions):
    response = client.get(
        "/en/actions/?q=&status=late", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="/en/actions/"
    )
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    count = BeautifulSoup(html, "html.parser").select_one("#result-count")
    assert count["hx-swap-oob"] == "innerHTML"
    assert count.get_text(strip=True) == "2 actions match the filters"
    assert response["HX-Push-Url"] == "/en/actions/?status=late"
    assert "HX-Request" in response["Vary"]
    # The page itself holds the live region the count is written into.
    full = BeautifulSoup(client.get("/actions/").content.decode(), "html.parser")
    assert full.select_one("#result-count")["role"] == "status"
    assert full.select_one("#result-count").find_parent(id="action-results") is None


def test_a_bad_filter_is_named_and_shows_no_rows_rather_than_unfiltered_ones(client, actions):
    response = client.get("/en/actions/?status=nonsense&category=transport")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    text = " ".join(page.get_text().split())
    assert "Some filters could not be used: Progress: Select a valid choice." in text
    assert "No actions shown: a filter could not be used." in text
    assert shown(client, "?status=nonsense&category=transport") == []
    # The good filter is kept for when the bad one is fixed.
    assert page.select_one('select[name="category"] option[selected]')["value"] == "transport"


def test_nothing_found_says_so_with_a_way_back(client, actions):
    response = client.get("/en/actions/?q=zeppelin")
    text = " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text().split())
    assert "No action matches the filters. Show all actions" in text


def test_another_plans_choices_are_not_filters(client, actions, other_plan):
    ActionStatusFactory(plan=other_plan, identifier="elsewhere")
    assert "Select a valid choice" in client.get("/en/actions/?status=elsewhere").content.decode()


@pytest.mark.parametrize("view", ["", "view=dashboard&", "view=history&"])
def test_after_an_htmx_filter_the_language_switch_links_the_filtered_page(client, actions, view):
    response = client.get(
        f"/en/actions/?{view}q=&status=late",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="/en/actions/",
    )
    switch = BeautifulSoup(response.content.decode(), "html.parser").select_one("#language-switch")
    assert switch is not None, "the partial answer does not update the language switch"
    assert switch["hx-swap-oob"] == "true"
    links = {a["lang"]: a["href"] for a in switch.select("a")}
    assert links == {
        "fi": f"/actions/?{view}status=late",
        "sv": f"/sv/actions/?{view}status=late",
        "en": f"/en/actions/?{view}status=late",
    }
    # The whole page carries the same switch, which the partial answer replaces.
    full = BeautifulSoup(client.get("/en/actions/?status=late").content.decode(), "html.parser")
    assert {a["href"] for a in full.select("#language-switch a")} == {
        "/actions/?status=late",
        "/sv/actions/?status=late",
        "/en/actions/?status=late",
    }
