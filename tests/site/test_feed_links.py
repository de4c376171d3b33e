"""Pages lead to their feeds: the plan's front page, each action and each category name
their Atom feed in the head (for feed readers) and link it in the page (for people)."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import CategoryFactory, make_action

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def themes(plan, category, status):
    """A theme with a sub-theme, an action in each, and an action elsewhere."""
    transport = CategoryFactory(type=category.type, identifier="transport", name_fi="Liikenne")
    cycling = CategoryFactory(
        type=category.type, parent=transport, identifier="cycling", name_fi="Pyöräily"
    )
    make_action(plan, "1", name_fi="Ruuhkamaksu", categories=[transport], status=status)
    make_action(plan, "2", name_fi="Baanaverkko", categories=[cycling], status=status)
    make_action(plan, "3", name_fi="Koulujen energia", categories=[category], status=status)
    make_action(
        plan, "4", name_fi="Sisäinen", categories=[cycling], visibility="internal", status=status
    )
    return category.type


def feeds_of(soup, response):
    page = soup(response)
    head = [
        (link["href"], link["title"])
        for link in page.select('head link[rel=alternate][type="application/atom+xml"]')
    ]
    shown = [a["href"] for a in page.select('main a[type="application/atom+xml"]')]
    return head, shown


@pytest.mark.parametrize(
    ("path", "feed", "title"),
    [
        ("/en/", "/en/feeds/updates.atom", "Updates of the plan"),
        ("/en/actions/2/", "/en/feeds/actions/2.atom", "Updates of this action"),
        (
            "/en/categories/{type}/transport/",
            "/en/feeds/categories/{type}/transport.atom",
            "Updates of the actions in Liikenne",
        ),
    ],
)
def test_a_page_names_and_links_its_feed(client, soup, themes, path, feed, title):
    path, feed = path.format(type=themes.identifier), feed.format(type=themes.identifier)
    head, shown = feeds_of(soup, client.get(path))
    assert (feed, title) in head
    assert feed in shown
    assert client.get(feed).status_code == 200


def test_a_categorys_feed_has_the_updates_of_its_actions_and_those_below(client, themes):
    response = client.get(f"/en/feeds/categories/{themes.identifier}/transport.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    links = {entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")}
    assert {link.split("/actions/")[1].split("/")[0] for link in links} == {"1", "2"}
    assert "Liikenne" in feed.find(f"{ATOM}title").text
    missing = client.get(f"/en/feeds/categories/{themes.identifier}/nosuch.atom")
    assert missing.status_code == 404
