"""The estimated effects on the public site: an action's own estimates on its page, the
plan's estimates page (/estimates/) with its sums, the emission goal's gap and the actions
lacking an estimate, and the emission goal indicator's page. Always labelled as
estimates; only public actions; the same queries at 150 and 1,500 actions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory, CategoryTypeFactory, make_action, make_indicator
from tests.site.conftest import QUERY_BUDGET, visible_text
from vahti.actions.models import Action
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


@pytest.fixture
def estimated(plan):
    kind = CategoryTypeFactory(plan=plan, identifier="theme", name_fi="Teema", is_primary=True)
    traffic = CategoryFactory(
        type=kind, identifier="traffic", name_fi="Liikenne", name_en="Transport", order=1
    )
    energy = CategoryFactory(type=kind, identifier="energy", name_fi="Energia", order=2)
    make_action(
        plan,
        "1",
        name_fi="Raitiotiet",
        categories=[traffic, energy],
        emission_reduction_estimate=Decimal("1200"),
        energy_savings_estimate=Decimal("2.5"),
        estimate_year=2030,
        estimate_method_fi="HSY:n päästölaskuri",
        estimate_method_en="HSY's emission calculator",
    )
    make_action(plan, "2", name_fi="Aurinkopaneelit", categories=[energy])
    make_action(plan, "3", name_fi="Salainen", visibility="internal")
    return plan


def cells(row) -> list[str]:
    return [" ".join(td.get_text(" ").split()) for td in row.select("td")]


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return visible_text(response.content.decode())


def test_the_action_page_shows_its_estimates_as_estimates_in_the_pages_language(client, estimated):
    text = text_of(client, "/actions/1/")
    assert "Arvioitu päästövähennys noin 1 200 t CO₂e/v (arvio vuodelle 2030)" in text
    assert "Arvioitu energiansäästö noin 2,5 MWh/v (arvio vuodelle 2030)" in text
    assert "Menetelmä tai lähde: HSY:n päästölaskuri" in text
    english = text_of(client, "/en/actions/1/")
    assert "Estimated emission reduction about 1,200 t CO₂e/a (estimate for 2030)" in english
    assert "HSY's emission calculator" in english
    swedish = text_of(client, "/sv/actions/1/")
    assert "Uppskattad utsläppsminskning cirka 1 200 t CO₂e/år (uppskattning för år 2030)" in (
        swedish
    )


def test_an_action_without_estimates_has_no_estimates_section(client, estimated):
    assert "Vaikutusarviot" not in text_of(client, "/actions/2/")


def test_the_estimates_page_adds_up_the_public_actions_and_names_those_lacking_one(
    client, estimated, soup
):
    response = client.get("/estimates/")
    page = soup(response)
    text = visible_text(response.content.decode())
    assert "Toimenpiteiden arvioidut vaikutukset" in text
    assert "arvioita" in text  # the page says its figures are estimates
    rows = {tr.get("data-category"): cells(tr) for tr in page.select("#estimates-table tbody tr")}
    # Action 1 is in both themes: in full under each, once in the plan's total.
    assert rows["traffic"][:2] == ["1 200", "2,5"] and rows["traffic"][3:] == ["1", "0"]
    assert rows["energy"][0] == "1 200" and rows["energy"][3:] == ["2", "1"]
    total = cells(page.select_one("#estimates-table tfoot tr"))
    assert total[0] == "1 200" and total[3:] == ["2", "1"]
    lacking = page.select("#estimates-lacking a")
    assert [(a.get_text(" ", strip=True), a["href"]) for a in lacking] == [
        ("2 Aurinkopaneelit", "/actions/2/")
    ]
    assert "Salainen" not in text
    assert "Suunnitelmaan ei ole merkitty päästötavoitteen mittaria" in text


def test_the_estimates_page_compares_the_cuts_with_the_goals_gap(client, estimated):
    make_indicator(
        estimated,
        "ghg",
        name_fi="Kokonaispäästöt",
        name_en="Total emissions",
        level="strategic",
        is_emission_goal=True,
        unit_fi="kt CO₂e",
        unit_en="kt CO₂e",
        values=[(2022, 2600), (2023, 2400)],
        goals=[(2030, 1400), (2035, 700)],
    )
    text = text_of(client, "/estimates/")
    assert (
        "Vuoden 2030 tavoitteeseen puuttuu 1 000,0 kt CO₂e; toimenpiteiden arvioidut "
        "päästövähennykset kattavat siitä noin 1,2 kt CO₂e." in text
    )
    english = text_of(client, "/en/estimates/")
    assert (
        "The actions' estimated cuts cover about 1.2 kt CO₂e of the 1,000.0 kt CO₂e gap "
        "to the 2030 goal." in english
    )
    # The goal indicator's own page says the same, and links the estimates page.
    indicator = text_of(client, "/indicators/ghg/")
    assert "kattavat siitä noin 1,2 kt CO₂e" in indicator
    assert "Arvioidut vaikutukset luokittain" in indicator


def test_cuts_larger_than_the_gap_are_said_to_exceed_it_with_the_share_per_language(
    client, estimated
):
    """A tester found “puuttuu 150 kt; päästövähennykset kattavat siitä noin 1 054 kt”
    and “703 %” on the English page."""
    make_indicator(
        estimated,
        "ghg",
        name_fi="Kokonaispäästöt",
        level="strategic",
        is_emission_goal=True,
        unit_fi="t CO₂e",
        values=[(2023, 10150)],
        goals=[(2030, 10000)],
    )
    html = client.get("/estimates/").content.decode()
    text = visible_text(html)
    assert (
        "Toimenpiteiden arvioidut päästövähennykset, noin 1 200 t CO₂e, ylittäisivät koko "
        "vuoden 2030 tavoitteeseen puuttuvan määrän (150,0 t CO₂e)." in text
    )
    assert "kattavat siitä" not in text
    assert "Se on noin 800\u00a0% puuttuvasta määrästä (arvio)." in html
    english = client.get("/en/estimates/").content.decode()
    assert (
        "The actions' estimated cuts, about 1,200 t CO₂e, would exceed the whole 150.0 t CO₂e "
        "gap to the 2030 goal." in visible_text(english)
    )
    assert "That is about 800% of the gap (an estimate)." in english
    swedish = client.get("/sv/estimates/").content.decode()
    assert "Det är cirka 800\u00a0% av det som återstår (en uppskattning)." in swedish
    assert "skulle överstiga" in visible_text(swedish)
    indicator = text_of(client, "/indicators/ghg/")
    assert "ylittäisivät koko vuoden 2030 tavoitteeseen puuttuvan määrän" in indicator


def test_a_goal_in_a_unit_that_cannot_be_converted_is_said_so(client, estimated):
    make_indicator(
        estimated,
        "ghg",
        name_fi="Päästöt asukasta kohden",
        level="strategic",
        is_emission_goal=True,
        unit_fi="t CO₂e/asukas",
        values=[(2023, 4.1)],
        goals=[(2030, 2.0)],
    )
    text = text_of(client, "/estimates/")
    assert "yksikköä ”t CO₂e/asukas” ei voi muuntaa" in text
    assert "kattavat siitä" not in text


def test_other_indicators_pages_say_nothing_of_the_estimates(client, estimated):
    make_indicator(estimated, "bikes", level="strategic", values=[(2023, 1)])
    assert "arvioidut päästövähennykset" not in text_of(client, "/indicators/bikes/")


def test_the_dashboard_links_the_estimates_page(client, estimated, soup):
    page = soup(client.get("/actions/?view=dashboard"))
    assert page.select_one(".dashboard__estimates a[href='/estimates/']")


def many_actions(plan, count: int) -> None:
    """``count`` published public actions, half with estimates, in two themes."""
    kind = CategoryTypeFactory(plan=plan, identifier="theme", is_primary=True)
    themes = [CategoryFactory(type=kind, identifier=f"t{n}", order=n) for n in (1, 2)]
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            identifier=str(n),
            sort_key=f"{n:05d}",
            name_fi=f"Toimenpide {n}",
            live=True,
            emission_reduction_estimate=Decimal(n) if n % 2 else None,
            estimate_year=2030 if n % 2 else None,
        )
        for n in range(1, count + 1)
    )
    Action.categories.through.objects.bulk_create(
        Action.categories.through(action=action, category=themes[n % 2])
        for n, action in enumerate(actions)
    )
    make_indicator(
        plan,
        "ghg",
        level="strategic",
        is_emission_goal=True,
        unit_fi="kt CO₂e",
        values=[(2023, 2400)],
        goals=[(2030, 1400)],
    )


def count_queries(client, url: str, host: str) -> int:
    client.get(url, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(captured)


def test_the_estimates_pages_read_the_same_at_150_and_1500_actions(client, settings):
    from tests.factories import PlanFactory

    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    for name, count in (("small", 150), ("large", 1500)):
        plan = PlanFactory(identifier=name)
        PlanDomain.objects.create(plan=plan, hostname=f"{name}.example")
        many_actions(plan, count)
    for url in ("/estimates/", "/en/estimates/", "/indicators/ghg/", "/actions/1/"):
        small = count_queries(client, url, "small.example")
        large = count_queries(client, url, "large.example")
        assert small == large <= QUERY_BUDGET, f"{url}: {small} at 150, {large} at 1,500"


def test_the_action_pages_estimates_cost_no_query(client, estimated):
    """The estimates are columns of the action: its page reads as much with them as
    action 2 without them (both in categories, neither with tasks or people)."""
    assert count_queries(client, "/actions/1/", "testserver") == count_queries(
        client, "/actions/2/", "testserver"
    )
