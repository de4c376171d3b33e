"""The admin's rich text inputs post the editor's JSON; a request with anything else in
them (a script, a broken client) is answered, not failed: the text is kept as plain text,
escaped, and cleaned like every rich text."""

import pytest

from tests.editing.conftest import ACTIONS_URL, submit_editor_form
from vahti.actions.models import Action

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("posted", "stored"),
    [
        (
            "not the editor's JSON <script>x</script>",
            "<p>not the editor's JSON &lt;script&gt;x&lt;/script&gt;</p>",
        ),
        ('{"blocks": 5}', '<p>{"blocks": 5}</p>'),
    ],
)
def test_a_rich_text_that_is_not_the_editors_is_kept_as_plain_text(client, world, posted, stored):
    client.force_login(world.users["plan_admin"])
    action = world.action_126
    url = f"{ACTIONS_URL}edit/{action.pk}/"
    response = submit_editor_form(
        client, url, description_fi=posted, **{"action-publish": "publish"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Action.objects.get(pk=action.pk).description_fi == stored
