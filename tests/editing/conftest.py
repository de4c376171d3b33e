"""A way to submit the admin's own forms, as the people of the `world` fixture."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import World

ACTIONS_URL = "/admin/snippets/actions/action/"
CATEGORIES_URL = "/admin/snippets/plans/category/"


def form_data(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """What a browser would submit from the page's form, untouched."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.select_one("form[method=post]")
    assert form is not None, "no form on the page"
    data: dict[str, list[str]] = {}
    for element in form.select("input, select, textarea"):
        name = element.get("name")
        # Rows inside <template> (formsets' empty forms) are not submitted.
        if not name or element.has_attr("disabled") or "__prefix__" in name:
            continue
        if element.name == "select":
            chosen = [o.get("value", o.get_text()) for o in element.select("option[selected]")]
            if not chosen and not element.has_attr("multiple"):
                first = element.select_one("option")
                chosen = [first.get("value", "")] if first else []
            data.setdefault(name, []).extend(chosen)
        elif element.name == "textarea":
            # Browsers drop the newline that starts a textarea's content.
            data.setdefault(name, []).append(element.get_text().removeprefix("\n"))
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file", "image"):
            data.setdefault(name, []).append(element.get("value", ""))
    return data


def client_for(client, world: World, who: str):
    if who != "anonymous":
        client.force_login(world.users[who])
    return client


def in_english(client, world: World, who: str):
    """``client`` logged in as ``who``, who reads the admin in English."""
    from wagtail.users.models import UserProfile

    user = world.users[who]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def submit_editor_form(client, url: str, **values):
    """The editor form at ``url`` sent back with ``values`` changed."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = form_data(page.content.decode(), "w-editor-form")
    data.update({k: v if isinstance(v, list) else [v] for k, v in values.items()})
    return client.post(url, data)
