"""Internal and unpublished actions never show through another page: not as links,
neighbours, mentions, related or merged actions, nor in counts."""

import pytest

from tests.factories import make_action
from tests.site.conftest import visible_text
from vahti.actions.services import action_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_plan(plan, status, category):
    internal = make_action(plan, "2", name_fi="Salainen sisäinen", visibility="internal")
    draft = make_action(plan, "4", name_fi="Keskeneräinen luonnos", publish=False)
    first = make_action(
        plan,
        "1",
        name_fi="Julkinen yksi",
        status=status,
        categories=[category],
        description_fi="<p>Katso toimenpiteet 2 ja 4 sekä toimenpide 3.</p>",
        related_actions=[internal, draft],
    )
    third = make_action(plan, "3", name_fi="Julkinen kolme", status=status, categories=[category])
    hidden_merged = make_action(plan, "5", name_fi="Sisäinen yhdistetty", visibility="internal")
    action_update(hidden_merged, merged_with=third)
    action_update(internal, related_actions=[first])  # points back at a public one
    return plan


def test_public_pages_show_only_public_actions(client, mixed_plan, soup):
    hidden = ["Salainen sisäinen", "Keskeneräinen luonnos", "Sisäinen yhdistetty"]
    pages = {url: client.get(url) for url in ["/", "/actions/", "/actions/1/", "/actions/3/"]}
    for url, response in pages.items():
        assert response.status_code == 200, url
        html = response.content.decode()
        for name in hidden:
            assert name not in html, f"{name} on {url}"
        for number in ("2", "4", "5"):
            assert f'href="/actions/{number}/"' not in html, f"link to {number} on {url}"

    assert "2 toimenpidettä" in visible_text(pages["/"].content.decode())
    first = soup(pages["/actions/1/"])
    assert [a["href"] for a in first.select(".rich-text a.mention")] == ["/actions/3/"]
    assert first.select_one("a[rel=next]")["href"] == "/actions/3/"
    assert first.select_one("#section-related") is None
    third = soup(pages["/actions/3/"])
    assert third.select_one("a[rel=prev]")["href"] == "/actions/1/"
    assert third.select_one("#section-merged") is None
    for number in ("2", "4", "5"):
        assert client.get(f"/actions/{number}/").status_code == 404
