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
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from wagtail.admin.models import EditingSession

from tests.editing.conftest import ACTIONS_URL, client_for, submit_editor_form
from vahti.access.models import Role
from vahti.actions.models import ActionField
from vahti.content.services import add_page, plan_pages

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


# What a page shows in English where Wagtail builds the text from pieces ("1-3 of 3",
# "24 items"): too short to find through the catalogue.
ENGLISH_PATTERNS = [r"\b\d+-\d+ of \d+\b", r"\b\d+ items?\b"]

ANNOUNCED = ("aria-label", "title", "placeholder", "alt")


def visible_and_announced_text(html: str) -> str:
    """Text, the attributes that browsers show or read aloud, and the admin's settings
    for its scripts (the texts of the bulk selection are there)."""
    soup = BeautifulSoup(html, "html.parser")
    # A required field's label reads "Password*": its mark is an element of its own.
    parts = [re.sub(r"\s+", " ", soup.get_text(""))]
    for element in soup.find_all(True):
        for attribute in (*ANNOUNCED, "value"):
            if element.get(attribute):
                parts.append(str(element[attribute]))
    if config := soup.find("script", id="wagtail-config"):
        parts.extend(strings_in(json.loads(config.string)))
    return "\n".join(parts)


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


# A text's placeholders stand for any short text; its markup is not shown.
PLACEHOLDER = re.compile(r"(%\(\w+\)[sd]|%[sd]|\{\w*\})")


def pattern_of(text: str) -> re.Pattern | None:
    """What ``text`` looks like on a page, or None when too little of it is fixed
    words to find it safely."""
    pieces = PLACEHOLDER.split(re.sub(r"<[^>]*>", "", text))
    words = "".join(pieces[0::2])
    if " " not in words.strip() or len(re.findall(r"[A-Za-z]", words)) < 8:
        return None
    parts = [
        (r"\d+" if piece.endswith("d") else r".{1,80}?")
        if index % 2
        else re.escape(piece).replace(r"\ ", r"\s+")
        for index, piece in enumerate(pieces)
    ]
    return re.compile("".join(parts))


@functools.cache
def wagtail_texts_without(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Wagtail's texts (its English catalogues list them all) that neither Wagtail's nor
    Vahti's catalogue translates into ``language``, with how each looks on a page."""
    texts = {}
    for catalogue in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(catalogue)):
            with translation.override(language):
                if entry.msgid_plural:
                    forms = [
                        (entry.msgid, translation.ngettext(entry.msgid, entry.msgid_plural, 1)),
                        (
                            entry.msgid_plural,
                            translation.ngettext(entry.msgid, entry.msgid_plural, 2),
                        ),
                    ]
                else:
                    forms = [(entry.msgid, translation.gettext(entry.msgid))]
            for text, translated in forms:
                if translated == text and (pattern := pattern_of(text)):
                    texts[text] = pattern
    return tuple(texts.items())


@functools.cache
def wagtail_words_translated_into(language: str) -> frozenset[str]:
    """Wagtail's short texts that ``language`` says otherwise: in an attribute read
    aloud, such a text in English was written into a template without translation."""
    words = set()
    for catalogue in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(catalogue)):
            if not entry.msgid_plural and not PLACEHOLDER.search(entry.msgid):
                with translation.override(language):
                    if translation.gettext(entry.msgid) != entry.msgid:
                        words.add(entry.msgid)
    return frozenset(words)


def untranslated_attributes(html: str, language: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    english = wagtail_words_translated_into(language)
    return sorted(
        {
            f'{attribute}="{element[attribute]}"'
            for element in soup.find_all(True)
            for attribute in ANNOUNCED
            if element.get(attribute) in english
        }
    )


def english_in(html: str, language: str = "fi") -> list[str]:
    text = visible_and_announced_text(html)
    return (
        [phrase for phrase in ENGLISH if phrase in text]
        + [match[0] for pattern in ENGLISH_PATTERNS if (match := re.search(pattern, text))]
        + sorted(
            english for english, pattern in wagtail_texts_without(language) if pattern.search(text)
        )
        + untranslated_attributes(html, language)
    )


def test_the_finnish_admin_pages_show_no_english(client, world):
    field = ActionField.objects.create(plan=world.plan, identifier="hinta", name_fi="Hinta")
    root = plan_pages(world.plan)
    add_page(root, slug="tietoa", heading_fi="Tietoa ohjelmasta")
    found = {}
    if english := english_in(client.get("/admin/login/").content.decode()):
        found["/admin/login/"] = english
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
        f"{ACTIONS_URL}inspect/{world.action_126.pk}/",
        f"/admin/snippets/actions/actionfield/usage/{field.pk}/",
        "/admin/snippets/actions/actionfield/",
        "/admin/snippets/reports/report/",
        f"/admin/pages/{root.pk}/",
        f"/admin/pages/{root.pk}/history/",
        f"/admin/bulk/actions/action/delete/?id={world.action_126.pk}",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == "fi", url
        if english := english_in(response.content.decode()):
            found[url] = english
    # Pages the admin answers to a form sent: with errors, and refused for a lock.
    edit = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    found["form with errors"] = english_in(
        submit_editor_form(client, edit, name_fi="").content.decode()
    )
    lock(world.action_126, world.users["organization_admin"])
    found["locked"] = english_in(submit_editor_form(client, edit).content.decode())
    found = {url: english for url, english in found.items() if english}
    # The help menu (the sidebar's props, as JSON) says Wagtail's guide is in English.
    sidebar = client.get("/admin/").content.decode()
    assert json.dumps("Wagtailin käyttöopas (englanniksi)")[1:-1] in sidebar
    assert "whats-new-in-wagtail" not in sidebar
    # An empty listing: the other plan's admin has no people yet.
    client_for(client, world, "other_plan_admin")
    empty = client.get("/admin/snippets/orgs/person/").content.decode()
    assert "Ei näytettäviä kohteita" in empty
    if english := english_in(empty):
        found["empty listing"] = english
    assert not found, json.dumps(found)


def test_the_scripts_catalogue_translates_what_the_admin_scripts_show(client, world):
    client_for(client, world, "plan_admin")
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for english, finnish in [
        ("Toggle section", "Näytä tai piilota osio"),
        ("Autosave in progress…", "Tallennetaan automaattisesti…"),
        ("Save selected", "Tallenna valinta"),  # the date picker's button
    ]:
        assert f"{json.dumps(english)}: {json.dumps(finnish)}" in catalogue, english


def test_the_swedish_scripts_catalogue_closes_its_parenthesis(client, world):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.users["plan_admin"])
    profile.preferred_language = "sv"
    profile.save()
    client_for(client, world, "plan_admin")
    catalogue = client.get("/admin/jsi18n/").content.decode()
    english, swedish = "(%(number)s new items in this menu)", "(%(number)s nya objekt i denna meny)"
    assert f"{json.dumps(english)}: {json.dumps(swedish)}" in catalogue


def test_every_text_of_the_admin_scripts_has_a_finnish_translation(client, world):
    client_for(client, world, "plan_admin")
    script = client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    english = polib.pofile(
        str(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po")
    )
    assert [entry.msgid for entry in english if entry.msgid not in catalogue] == []


def lock(action, user):
    action.locked, action.locked_by, action.locked_at = True, user, timezone.now()
    action.save(update_fields=["locked", "locked_by", "locked_at"])


def messages_of(response) -> str:
    return " ".join(
        re.sub(r"\s+", " ", element.get_text(" ")).strip()
        for element in BeautifulSoup(response.content.decode(), "html.parser").select(
            ".messages, .help-critical, .w-help-text, .w-status-panel, dialog, main"
        )
    )


def test_wagtails_sentences_about_a_model_read_as_finnish(client, world):
    """Finnish inflects a noun by its place in the sentence: Wagtail's Finnish put the
    model's name (always in the nominative) where another case belongs ("Toimenpide ei
    voitu tallentaa"). Vahti's phrasings keep it apart."""
    client_for(client, world, "plan_admin")
    edit = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    invalid = submit_editor_form(client, edit, name_fi="")
    assert "Tallentaminen ei onnistunut virheiden vuoksi (toimenpide)." in messages_of(invalid)
    assert "Siirry ensimmäiseen virheeseen" in invalid.content.decode()
    not_created = submit_editor_form(client, "/admin/snippets/access/role/add/")
    assert "Luominen ei onnistunut virheiden vuoksi (rooli)." in messages_of(not_created)
    lock(world.action_126, world.users["organization_admin"])
    locked = submit_editor_form(client, edit)
    assert "Tallentaminen ei onnistunut, koska kohde on lukittu (toimenpide)" in messages_of(locked)
    role = Role.objects.get(user=world.users["viewer"])
    asked = client.get(f"/admin/snippets/access/role/delete/{role.pk}/")
    assert "Haluatko varmasti poistaa tämän kohteen (rooli)?" in messages_of(asked)
    client_for(client, world, "contact_126")
    refused = client.get(f"/admin/bulk/actions/action/delete/?id={world.action_126.pk}")
    assert "Sinulla ei ole oikeutta poistaa tätä kohdetta (toimenpide)" in messages_of(refused)


def test_the_admins_settings_name_the_selected_rows_in_finnish(client, world):
    client_for(client, world, "plan_admin")
    page = BeautifulSoup(client.get(ACTIONS_URL).content.decode(), "html.parser")
    config = json.loads(page.find("script", id="wagtail-config").string)
    selected = config["STRINGS"]["BULK_ACTIONS"]
    assert selected["SNIPPET"]["ALL"] == "Kaikki tämän näkymän %(objects)s kohdetta valittu"
    # Wagtail's own Finnish reads "%(objects)s items tietuetta valittu".
    assert selected["ITEM"]["PLURAL"] == "%(objects)s kohdetta valittu"


def test_every_plan_field_is_named_in_finnish(client, world):
    """Listing filters and the inspect view name a model's plan field by its verbose
    name; without one it was Django's English "plan"."""
    unnamed = []
    for model in apps.get_models():
        if model.__module__.startswith("vahti.") and "plan" in {
            field.name for field in model._meta.get_fields()
        }:
            field = model._meta.get_field("plan")
            with translation.override("fi"):
                if str(field.verbose_name) != "suunnitelma":
                    unnamed.append(model._meta.label)
    assert unnamed == []
    client_for(client, world, "plan_admin")
    inspect = BeautifulSoup(
        client.get(f"{ACTIONS_URL}inspect/{world.action_126.pk}/").content.decode(),
        "html.parser",
    )
    assert "Suunnitelma" in [dt.get_text(strip=True) for dt in inspect.find_all("dt")]


def test_the_inspect_view_marks_each_text_with_its_language(client, world):
    world.action_126.name_sv = "Näringspolitik"
    world.action_126.save()
    client_for(client, world, "plan_admin")
    inspect = BeautifulSoup(
        client.get(f"{ACTIONS_URL}inspect/{world.action_126.pk}/").content.decode(),
        "html.parser",
    )
    values = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in inspect.find_all("dt")}
    swedish = values["Nimi (ruotsi)"].find(lang="sv")
    assert swedish is not None and swedish.get_text() == "Näringspolitik"
    finnish = values["Nimi (suomi)"].find(lang="fi")
    assert finnish.get_text() == "Elinkeinopolitiikka ja päästövähennykset"


def test_someone_else_viewing_the_action_is_named_to_screen_readers(client, world):
    """The editor shows an avatar button for each other person who has the action open;
    Wagtail's button for one who only views it had no accessible name (axe
    button-name): it is named "<who> – Katselee nyt"."""
    other = world.users["organization_admin"]
    other.first_name, other.last_name = "Olivia", "Grant"
    other.save()
    EditingSession.objects.create(
        user=other,
        content_type=ContentType.objects.get_for_model(world.action_126),
        object_id=str(world.action_126.pk),
        last_seen_at=timezone.now(),
    )
    client_for(client, world, "plan_admin")
    ping = client.post(f"/admin/editing-sessions/ping/actions/action/{world.action_126.pk}/0/")
    assert ping.status_code == 200
    sessions = BeautifulSoup(ping.json()["html"], "html.parser")
    button = sessions.select_one("button.w-editing-sessions__session")
    assert button["aria-label"] == "Olivia Grant – Katselee nyt"


def test_vahtis_copy_of_wagtails_editing_sessions_list_differs_only_by_the_name():
    """templates/wagtailadmin/shared/editing_sessions/list.html overrides Wagtail's: after
    an upgrade of Wagtail, this says when the copy needs to be taken again."""
    path = "templates/wagtailadmin/shared/editing_sessions/list.html"
    ours = (Path(__file__).parents[2] / path).read_text()
    wagtails = (Path(wagtail.__file__).parent / "admin" / path).read_text()
    ours = re.sub(r"\{% comment %\}.*?\{% endcomment %\}\n", "", ours, count=1, flags=re.S)
    ours = re.sub(r' aria-label="\{\{ session\.user.*?\{% endif %\}"', "", ours, count=1)
    assert ours == wagtails
