"""Editors saving at the same moment. Two publishing the same action: one is published,
the other is told that a newer version was saved meanwhile and keeps their input; no
task is silently lost and nobody sees an error page. Eight saving their own actions: all
are saved (on SQLite, the default of `make run`, some were answered "database is locked").

The requests really run at once: each editor's request in its own thread with its own
database connection, released together by a barrier, against a database the threads
share (transactional test database: SQLite's is a file, PostgreSQL's a server), so this
runs on both CI runs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.editing.conftest import ACTIONS_URL, form_data
from tests.factories import make_action
from tests.simultaneous import at_once
from vahti.actions.models import Action, Task

pytestmark = pytest.mark.django_db(transaction=True)

TRIES = 3
EDITORS = ("plan_admin", "contact_126")


def edit_url(action) -> str:
    return f"{ACTIONS_URL}edit/{action.pk}/"


def form_adding_a_task(client: Client, action, name: str) -> dict:
    """The edit form as the editor loaded it, with one task added at the end."""
    data = form_data(client.get(edit_url(action)).content.decode(), "w-editor-form")
    count = int(data["tasks-TOTAL_FORMS"][0])
    data.update(
        {
            "tasks-TOTAL_FORMS": [str(count + 1)],
            f"tasks-{count}-name_fi": [name],
            f"tasks-{count}-state": ["not_started"],
            f"tasks-{count}-due_at": ["2031-06-30"],
            f"tasks-{count}-ORDER": [str(count + 1)],
            "action-publish": ["publish"],
        }
    )
    return data


def post_at_once(posts: dict[str, tuple[Client, str, dict]]) -> dict:
    """Each editor's POST (client, address, form) in its own thread, all released at
    the same moment; the response (or the exception) of each."""

    def post(who: str):
        client, url, data = posts[who]
        return client.post(url, data)

    return at_once(post, posts)


def test_of_two_editors_publishing_at_once_one_is_published_the_other_keeps_their_input(world):
    action = world.action_126
    clients = {}
    for who in EDITORS:
        clients[who] = Client()
        clients[who].force_login(world.users[who])

    for attempt in range(TRIES):
        names = {who: f"Tehtävä {attempt}, lisännyt {who}" for who in EDITORS}
        # Both load the form before either publishes, as two editors at their desks.
        forms = {who: form_adding_a_task(clients[who], action, names[who]) for who in EDITORS}
        posts = {who: (clients[who], edit_url(action), forms[who]) for who in EDITORS}
        outcomes = post_at_once(posts)

        errors = {who: o for who, o in outcomes.items() if isinstance(o, BaseException)}
        assert errors == {}, f"try {attempt + 1}: {errors!r}"
        codes = sorted(response.status_code for response in outcomes.values())
        assert codes == [200, 302], f"try {attempt + 1}: {codes}"
        published = next(w for w, r in outcomes.items() if r.status_code == 302)
        refused = next(w for w, r in outcomes.items() if r.status_code == 200)

        stored = set(Task.objects.filter(action=action).values_list("name_fi", flat=True))
        # The published editor's task is stored and public; the other's is not (yet) …
        assert names[published] in stored, f"try {attempt + 1}: the published task was lost"
        assert names[refused] not in stored
        live = Action.objects.get(pk=action.pk)
        assert not live.has_unpublished_changes
        # … and the other editor is told so, with their task still in the form.
        page = BeautifulSoup(outcomes[refused].content.decode(), "html.parser")
        message = page.select_one(".messages").get_text(" ", strip=True)
        assert "tallensi toimenpiteestä uudemman version" in message
        assert "Muutoksiasi ei ole tallennettu" in message
        kept = form_data(outcomes[refused].content.decode(), "w-editor-form")
        assert [names[refused]] in kept.values()

        # Publishing again, now knowingly over the newer version, goes through.
        response = clients[refused].post(edit_url(action), {**kept, "action-publish": ["publish"]})
        assert response.status_code == 302
        stored = set(Task.objects.filter(action=action).values_list("name_fi", flat=True))
        assert names[refused] in stored


def test_eight_editors_saving_their_own_actions_at_once_are_all_saved(world):
    """Half publish, half save a draft, all at the same moment."""
    posts = {}
    for n in range(8):
        action = make_action(world.plan, f"2{n}", name_fi=f"Toimenpide 2{n}")
        client = Client()
        client.force_login(world.users["plan_admin"])
        data = form_data(client.get(edit_url(action)).content.decode(), "w-editor-form")
        data["name_fi"] = [f"Toimenpide 2{n}, muutettu"]
        if n % 2 == 0:
            data["action-publish"] = ["publish"]
        posts[action.pk] = (client, edit_url(action), data)

    outcomes = post_at_once(posts)

    errors = {pk: o for pk, o in outcomes.items() if isinstance(o, BaseException)}
    assert errors == {}
    assert [response.status_code for response in outcomes.values()] == [302] * 8
    for n, pk in enumerate(posts):
        action = Action.objects.get(pk=pk)
        wanted = f"Toimenpide 2{n}, muutettu"
        assert action.get_latest_revision_as_object().name_fi == wanted
        assert action.name_fi == (wanted if n % 2 == 0 else f"Toimenpide 2{n}")
