"""The admin's edit form says what it edits and in which language each text is: one
<h1> naming the object, and each language's field marked with its lang."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, client_for

pytestmark = pytest.mark.django_db


def edit_page(client, world, who="plan_admin"):
    client_for(client, world, who)
    response = client.get(f"{ACTIONS_URL}edit/{world.action_126.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("who", ["plan_admin", "contact_126"])
def test_the_action_edit_form_has_one_h1_naming_the_action(client, world, who):
    headings = edit_page(client, world, who).find_all("h1")
    assert len(headings) == 1, headings
    assert "Elinkeinopolitiikka ja päästövähennykset" in headings[0].get_text()


def test_each_languages_field_is_marked_with_its_language(client, world):
    soup = edit_page(client, world)
    for column in ["name", "description", "lead"]:
        for code in ["fi", "sv", "en"]:
            field = soup.find(attrs={"name": f"{column}_{code}"})
            if field is None and column != "name":
                continue
            assert field is not None, f"{column}_{code}"
            assert field.get("lang") == code, field
    # Task rows too, the empty row that "add a task" copies included.
    for name in ["tasks-0-name_sv", "tasks-0-name_en", "tasks-__prefix__-name_sv"]:
        assert soup.find(attrs={"name": name}).get("lang") == name[-2:], name
