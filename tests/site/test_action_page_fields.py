"""The plan's own public fields on the action page: their own labelled section, each
value written in the page's language, non-public fields nowhere in the page."""

import pytest

from tests.factories import make_action
from tests.site.conftest import visible_text
from tests.site.plan_fields import make_fields, values_for
from vahti.actions.services import action_update
from vahti.site.action_page import action_page_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields(plan):
    return make_fields(plan)


def section(soup, response):
    return soup(response).select_one("#section-fields")


def test_public_fields_are_shown_in_their_order_in_finnish(client, plan, fields, soup):
    make_action(plan, "1", field_values=values_for(fields))
    response = client.get("/actions/1/")
    found = section(soup, response)
    assert found.select_one("h2").get_text() == "Lisätiedot"
    labels = [dt.get_text() for dt in found.select("dt")]
    assert labels == [
        "Kustannusarvio", "Päätöspäivä", "Kärkihanke", "Rahoitus", "Kiireellisyys", "Sektori",
        "Huomio", "Tausta",
    ]  # fmt: skip
    values = [" ".join(dd.get_text(" ").split()) for dd in found.select("dd")]
    assert values[:6] == ["1 200,5 €", "04.03.2025", "Kyllä", "Kaupunki", "Korkea", "Energia"]
    assert values[6] == "Vain suomeksi kirjoitettu huomio"
    assert found.select_one("dd strong").get_text() == "tärkeä"
    assert found.select_one("time")["datetime"] == "2025-03-04"
    assert found.select_one("dd a")["href"] == "/categories/sector/energy/"
    html = response.content.decode()
    # The non-public field is nowhere in the page, not even in its source.
    assert "Sisäinen luokka" not in html and "Salainen" not in html
    assert not found.select("[lang]")


def test_values_in_swedish_and_english_mark_finnish_fallbacks(client, plan, fields, soup):
    make_action(plan, "1", field_values=values_for(fields, flagship=False))
    found = section(soup, client.get("/sv/actions/1/"))
    assert found.select_one("h2").get_text() == "Ytterligare uppgifter"
    values = [" ".join(dd.get_text(" ").split()) for dd in found.select("dd")]
    assert values[:6] == ["1 200,5 €", "04.03.2025", "Nej", "Staden", "Hög", "Energi"]
    # The unit, the text and the rich text exist in Finnish only: marked as Finnish.
    assert found.select_one("#field-cost dd span")["lang"] == "fi"
    assert found.select_one("#field-note dd span")["lang"] == "fi"
    assert found.select_one("#field-background .rich-text")["lang"] == "fi"
    assert found.select_one("#field-funding dd span").get("lang") is None
    found = section(soup, client.get("/en/actions/1/"))
    assert found.select_one("h2").get_text() == "More information"
    values = [" ".join(dd.get_text(" ").split()) for dd in found.select("dd")]
    assert values[:6] == ["1,200.5 €", "4 Mar 2025", "No", "City", "High", "Energy"]
    assert [dt.get_text() for dt in found.select("dt")][:2] == ["Cost estimate", "Decision date"]


def test_fields_without_a_value_and_actions_without_any_show_no_section(client, plan, fields, soup):
    make_action(plan, "1", field_values=[{"field": fields["cost"], "number": 7}])
    found = section(soup, client.get("/actions/1/"))
    assert [dt.get_text() for dt in found.select("dt")] == ["Kustannusarvio"]
    assert visible_text(str(found), "section") == "Lisätiedot Kustannusarvio 7 €"
    internal = {"field": fields["internal"], "option": fields["internal_options"][0]}
    make_action(plan, "2", field_values=[internal])
    response = client.get("/actions/2/")
    assert section(soup, response) is None
    assert "Salainen" not in response.content.decode()


def test_a_field_made_non_public_leaves_the_page(client, plan, fields, soup):
    action = make_action(plan, "1", field_values=values_for(fields))
    fields["cost"].is_public = False
    fields["cost"].save()
    action_update(action, lead_fi="Muutettu.")  # the page is rendered afresh
    response = client.get("/actions/1/")
    assert "Kustannusarvio" not in response.content.decode()
    assert "Päätöspäivä" in visible_text(response.content.decode())


def test_the_preview_of_a_draft_reads_its_public_field_values(plan, fields):
    """The editors' preview builds the page from a draft revision, whose values are not
    the published ones: it reads the draft's, public fields only."""
    action = make_action(plan, "1", field_values=[{"field": fields["cost"], "number": 5}])
    internal = {"field": fields["internal"], "option": fields["internal_options"][0]}
    flagship = {"field": fields["flagship"], "yes_no": True}
    action_update(action, publish=False, field_values=[flagship, internal])
    context = action_page_context(action.get_latest_revision_as_object())
    assert [(v.field.identifier, v.value) for v in context["field_values"]] == [("flagship", True)]
