import pytest

from tests.factories import CategoryFactory, CategoryTypeFactory, PhaseFactory, make_action
from tests.site.conftest import visible_text

pytestmark = pytest.mark.django_db


def test_groups_public_actions_by_category_tree(client, plan, status, soup):
    theme_type = CategoryTypeFactory(plan=plan)
    transport = CategoryFactory(type=theme_type, identifier="liikenne", name_fi="Liikenne", order=1)
    pricing = CategoryFactory(
        type=theme_type,
        identifier="hinnoittelu",
        parent=transport,
        name_fi="Liikenteen hinnoittelu",
    )
    energy = CategoryFactory(type=theme_type, identifier="energia", name_fi="Energia", order=0)
    CategoryFactory(type=theme_type, identifier="tyhja", name_fi="Tyhjä teema", order=2)
    phase = PhaseFactory(plan=plan, name_fi="Toteutus")
    make_action(
        plan,
        "10",
        name_fi="Ruuhkamaksu",
        categories=[pricing],
        status=status,
        implementation_phase=phase,
    )
    make_action(plan, "9", name_fi="Aurinkovoima", categories=[energy])
    make_action(plan, "2", name_fi="Pyöräily", categories=[transport])
    make_action(plan, "3", name_fi="Ilman teemaa")
    make_action(plan, "4", name_fi="Sisäinen", categories=[energy], visibility="internal")
    make_action(plan, "5", name_fi="Luonnos", categories=[energy], publish=False)

    response = client.get("/actions/")
    page = soup(response)
    headings = [
        (h.name, h.get_text())
        for h in page.select("section.category-group > h2, section.category-group > h3")
    ]
    assert headings == [
        ("h2", "Energia"),
        ("h2", "Liikenne"),
        ("h3", "Liikenteen hinnoittelu"),
        ("h2", "Muut toimenpiteet"),
    ]
    text = visible_text(response.content.decode())
    assert "4 toimenpidettä" in text
    assert "10 Ruuhkamaksu Ajallaan Toteutus" in text
    assert "Sisäinen" not in text and "Luonnos" not in text and "Tyhjä teema" not in text
    links = [a["href"] for a in page.select(".action-card__link")]
    assert links == ["/actions/9/", "/actions/2/", "/actions/10/", "/actions/3/"]


def test_front_page_summarises_the_plan(client, plan, status, category):
    make_action(plan, "1", status=status, categories=[category])
    make_action(plan, "2")
    response = client.get("/")
    text = visible_text(response.content.decode())
    assert plan.name_fi in text
    assert "Ajallaan 1" in text
    assert "Smart & Clean kasvu 1 toimenpide" in text


def test_front_page_leaves_out_themes_without_public_actions(client, plan, category):
    CategoryFactory(type=category.type, name_fi="Tyhjä teema")
    make_action(plan, "1", categories=[category])
    text = visible_text(client.get("/").content.decode())
    assert "Smart & Clean kasvu" in text and "Tyhjä teema" not in text


def test_action_page_links_each_category_to_its_own_page(client, plan, category, soup):
    other_type = CategoryTypeFactory(plan=plan, is_primary=False, name_fi="Kohderyhmä")
    # Same identifier as the theme, in another type: must not lead to the theme.
    audience = CategoryFactory(type=other_type, identifier=category.identifier, name_fi="Yritykset")
    make_action(plan, "1", categories=[category, audience])
    page = soup(client.get("/actions/1/"))
    links = page.select(".action__categories a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Smart & Clean kasvu", f"/categories/{category.type.identifier}/{category.identifier}/"),
        ("Yritykset", f"/categories/{other_type.identifier}/{category.identifier}/"),
    ]
    audience_page = soup(client.get(links[1]["href"]))
    assert audience_page.select_one("h1").get_text(" ", strip=True) == "Kohderyhmä Yritykset"
    assert [a.get_text() for a in audience_page.select(".action-card__id")] == ["1"]


def test_no_plan_yet_gives_not_found(client, db):
    assert client.get("/actions/").status_code == 404
