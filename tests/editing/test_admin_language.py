"""The Finnish admin speaks Finnish: Wagtail's strings that its own Finnish catalogue
lacks are translated in Vahti's (locale/fi), server-side and in its scripts' catalogue.
Besides the texts found in English (issue 20), any text of Wagtail's that has no
Finnish translation fails the test when an admin page shows it."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
from bs4 import BeautifulSoup
from django.utils import translation

from tests.editing.conftest import ACTIONS_URL, client_for

pytestmark = pytest.mark.django_db

# What the Finnish admin showed in English (issue 20, item 21).
ENGLISH = [
    "Password*",
    "Toggle section",
    "Close dialog",
    "in ascending order",
    "in descending order",
    "Search all pages",
    "There are no",
    "Save Selected",
]


def visible_and_announced_text(html: str) -> str:
    """Text, and the attributes that browsers show or read aloud."""
    soup = BeautifulSoup(html, "html.parser")
    # A required field's label reads "Password*": its mark is an element of its own.
    parts = [re.sub(r"\s+", " ", soup.get_text(""))]
    for element in soup.find_all(True):
        for attribute in ("aria-label", "title", "placeholder", "alt", "value"):
            if element.get(attribute):
                parts.append(str(element[attribute]))
    return "\n".join(parts)


@functools.cache
def wagtail_texts_without_finnish() -> frozenset[str]:
    """Wagtail's texts (its English catalogues list them all) that neither Wagtail's nor
    Vahti's Finnish catalogue translates; plain ones only, long enough to find safely."""
    texts = set()
    for catalogue in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(catalogue)):
            text = entry.msgid
            if " " in text and len(text) >= 8 and not re.search(r"[%{<]", text):
                texts.add(text)
    with translation.override("fi"):
        return frozenset(text for text in texts if translation.gettext(text) == text)


def english_in(text: str) -> list[str]:
    untranslated = [phrase for phrase in wagtail_texts_without_finnish() if phrase in text]
    return [phrase for phrase in ENGLISH if phrase in text] + sorted(untranslated)


def test_the_finnish_admin_pages_show_no_english(client, world):
    login = client.get("/admin/login/")
    assert english_in(visible_and_announced_text(login.content.decode())) == []
    client_for(client, world, "plan_admin")
    pages = [
        "/admin/",
        ACTIONS_URL,
        f"{ACTIONS_URL}add/",
        f"{ACTIONS_URL}edit/{world.action_126.pk}/",
        f"{ACTIONS_URL}history/{world.action_126.pk}/",
        "/admin/snippets/orgs/person/",
        "/admin/snippets/access/role/",
        "/admin/snippets/plans/category/",
        "/admin/snippets/indicators/indicator/",
        "/admin/account/",
        "/admin/api-tokens/",
        "/admin/reminders/",
        "/admin/import/",
        "/admin/feedback/",
    ]
    found = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == "fi", url
        if english := english_in(visible_and_announced_text(response.content.decode())):
            found[url] = english
    # The help menu (the sidebar's props, as JSON) says Wagtail's guide is in English.
    sidebar = client.get("/admin/").content.decode()
    assert json.dumps("Wagtailin käyttöopas (englanniksi)")[1:-1] in sidebar
    assert "whats-new-in-wagtail" not in sidebar
    # An empty listing: the other plan's admin has no people yet.
    client_for(client, world, "other_plan_admin")
    empty = client.get("/admin/snippets/orgs/person/").content.decode()
    assert "Ei näytettäviä kohteita" in empty
    if english := english_in(visible_and_announced_text(empty)):
        found["empty listing"] = english
    assert not found, found


def test_the_scripts_catalogue_translates_what_the_admin_scripts_show(client, world):
    client_for(client, world, "plan_admin")
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for english, finnish in [
        ("Toggle section", "Näytä tai piilota osio"),
        ("Autosave in progress…", "Tallennetaan automaattisesti…"),
        ("Save selected", "Tallenna valinta"),  # the date picker's button
    ]:
        assert f"{json.dumps(english)}: {json.dumps(finnish)}" in catalogue, english


def test_every_text_of_the_admin_scripts_has_a_finnish_translation(client, world):
    client_for(client, world, "plan_admin")
    script = client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    english = polib.pofile(
        str(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po")
    )
    assert [entry.msgid for entry in english if entry.msgid not in catalogue] == []
