"""Two editors publishing the same action at the same moment: one is published, the
other is told that a newer version was saved meanwhile and keeps their input; no task is
silently lost and nobody sees an error page.

The requests really run at once: each editor's request in its own thread with its own
database connection, released together by a barrier, against a database the threads
share (transactional test database: SQLite's is a file, PostgreSQL's a server), so this
runs on both CI runs."""

from __future__ import annotations

import threading

import pytest
from bs4 import BeautifulSoup
from django.db import connections
from django.test import Client

from tests.editing.conftest import ACTIONS_URL, form_data
from vahti.actions.models import Task

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


def publish_at_once(action, posts: dict[str, tuple[Client, dict]]) -> dict:
    """Each editor's POST in its own thread, all released at the same moment; the
    response (or the exception) of each."""
    barrier = threading.Barrier(len(posts))
    outcomes: dict = {}

    def publish(who: str) -> None:
        client, data = posts[who]
        try:
            barrier.wait(timeout=30)
            outcomes[who] = client.post(edit_url(action), data)
        except BaseException as error:  # a 500 raises here: it is the finding
            outcomes[who] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(who,)) for who in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    return outcomes


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
        posts = {who: (clients[who], forms[who]) for who in EDITORS}
        outcomes = publish_at_once(action, posts)

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
        live = action.__class__.objects.get(pk=action.pk)
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
