"""The plan's Atom feeds of updates and its iCalendar feed of open tasks: public data
only, well-formed, and per action or organisation."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import ActionStatusFactory, OrganizationFactory, make_action, task
from vahti.actions.models import Action
from vahti.actions.services import action_update

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
HELSINKI = ZoneInfo("Europe/Helsinki")
XHTML_SPAN = "{http://www.w3.org/1999/xhtml}span"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def at(day: str):
    return time_machine.travel(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12), HELSINKI),
        tick=False,
    )


@pytest.fixture
def plan_with_updates(plan):
    started = ActionStatusFactory(
        plan=plan, identifier="started", name_fi="Aloitettu", name_en="", name_sv=""
    )
    late = ActionStatusFactory(
        plan=plan, identifier="late", name_fi="Myöhässä", name_en="", name_sv=""
    )
    city = OrganizationFactory(plan=plan, identifier="city", name_fi="Kaupunki")
    unit = OrganizationFactory(plan=plan, identifier="unit", name_fi="Yksikkö", parent=city)
    other = OrganizationFactory(plan=plan, identifier="other", name_fi="Muu")
    with at("2025-01-10"):
        make_action(
            plan,
            "1",
            name_fi="Pyöräily",
            status=started,
            responsible_parties=[(unit, "primary")],
            tasks=[
                task("Suunnitelma; valmis, kyllä", due=datetime.date(2025, 3, 1)),
                task("Vanha", state="completed", due=datetime.date(2024, 1, 1),
                     completed=datetime.date(2025, 1, 5)),
            ],
            news_posts=[{"title_fi": "Baana avattiin", "body_fi": "<p>Hienoa.</p>",
                         "published_on": datetime.date(2025, 1, 8)}],
        )  # fmt: skip
        make_action(
            plan,
            "2",
            name_fi="Toinen",
            status=started,
            responsible_parties=[(other, "primary")],
            tasks=[task("Toisen tehtävä", due=datetime.date(2025, 4, 1))],
        )
        make_action(
            plan,
            "3",
            name_fi="Sisäinen",
            status=started,
            visibility="internal",
            tasks=[task("Salainen tehtävä")],
        )
    with at("2025-02-01"):
        action_update(Action.objects.get(plan=plan, identifier="1"), status=late)
        action_update(Action.objects.get(plan=plan, identifier="1"), name_fi="Pyöräily!")
        action_update(
            Action.objects.get(plan=plan, identifier="2"), status=late, publish=False
        )  # a draft
    return plan


def entries(client, url):
    with at("2025-02-02"):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return feed, [
        ("".join(entry.find(f"{ATOM}title").itertext()), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_the_plan_feed_has_status_changes_completed_tasks_and_news(client, plan_with_updates):
    feed, found = entries(client, "/en/feeds/updates.atom")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert found == [
        ("1 Pyöräily!: Myöhässä", "http://testserver/en/actions/1/#section-history"),
        # Published at the same moment: the later row first.
        ("2 Toinen: Aloitettu", "http://testserver/en/actions/2/#section-history"),
        ("1 Pyöräily!: Aloitettu", "http://testserver/en/actions/1/#section-history"),
        ("Baana avattiin", "http://testserver/en/actions/1/#section-news"),
        ("Task completed: Vanha", f"http://testserver/en/actions/1/#task-{_task('Vanha')}"),
    ]
    ids = [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(set(ids)) == len(ids)


def _task(name):
    from vahti.actions.models import Task

    return Task.objects.get(name_fi=name).pk


def test_an_actions_feed_has_its_updates_only(client, plan_with_updates):
    _feed, found = entries(client, "/en/feeds/actions/2.atom")
    assert [title for title, _link in found] == ["2 Toinen: Aloitettu"]
    with at("2025-02-02"):
        assert client.get("/feeds/actions/3.atom").status_code == 404  # internal
        assert client.get("/feeds/actions/99.atom").status_code == 404


def calendar(client, url) -> str:
    with at("2025-02-02"):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    return text.replace("\r\n ", "")  # unfolded


def test_the_calendar_has_the_open_tasks_of_public_actions(client, plan_with_updates):
    text = calendar(client, "/en/feeds/tasks.ics")
    summaries = [line for line in text.split("\r\n") if line.startswith("SUMMARY:")]
    assert summaries == [
        "SUMMARY:Suunnitelma\\; valmis\\, kyllä (1)",
        "SUMMARY:Toisen tehtävä (2)",
    ]
    assert "DTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250302" in text
    assert "Salainen" not in text and "Vanha" not in text


def test_an_organisations_calendar_includes_its_units(client, plan_with_updates):
    text = calendar(client, "/en/feeds/tasks.ics?organization=city")
    assert "Suunnitelma" in text and "Toisen" not in text
    assert "X-WR-CALNAME:Tasks of Kaupunki – " in text
    with at("2025-02-02"):
        assert client.get("/feeds/tasks.ics?organization=nosuch").status_code == 404


def test_late_tasks_say_so(client, plan_with_updates):
    with at("2025-03-05"):
        text = client.get("/en/feeds/tasks.ics").content.decode()
    assert "SUMMARY:Late: Suunnitelma" in text


def test_every_page_announces_the_feed(client, plan_with_updates):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/en/").content.decode(), "html.parser")
    link = page.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert link["href"] == "/en/feeds/updates.atom"


def test_hostile_names_stay_text_in_every_feed(client, plan):
    """An entry's summary is HTML to a feed reader: the hostile texts of the XSS test
    (names of the action, its status, tasks and news) must reach it escaped, as text."""
    from bs4 import BeautifulSoup

    from tests.site.test_sanitising import HOSTILE, SHORT, active_content, translated_columns

    status = ActionStatusFactory(plan=plan, **translated_columns("name", text=SHORT))
    with at("2025-01-10"):
        make_action(
            plan,
            "1",
            status=status,
            **translated_columns("name"),
            tasks=[
                task(HOSTILE, "completed", due=datetime.date(2025, 1, 1),
                     completed=datetime.date(2025, 1, 5), name_sv=HOSTILE, name_en=HOSTILE),
                task(HOSTILE, "completed", due=datetime.date(2025, 1, 1),
                     completed=datetime.date(2025, 1, 6), **translated_columns("comment")),
            ],
            news_posts=[{"published_on": datetime.date(2025, 1, 8),
                         **translated_columns("title", "body")}],
        )  # fmt: skip
    for prefix in ("", "/sv", "/en"):
        for url in (f"{prefix}/feeds/updates.atom", f"{prefix}/feeds/actions/1.atom"):
            feed, found = entries(client, url)
            assert len(found) == 4, url  # a status, two tasks and a news post
            shown = []
            for entry in feed.findall(f"{ATOM}entry"):
                summary = entry.find(f"{ATOM}summary")
                assert summary.get("type") == "html"
                assert active_content(summary.text) == [], url
                shown.append(BeautifulSoup(summary.text, "html.parser").get_text())
                # Text, or XHTML whose only elements are spans marking a language.
                title = entry.find(f"{ATOM}title")
                assert title.get("type") in (None, "text", "xhtml")
                marks = {element.tag for element in title.iter()} - {title.tag}
                assert marks <= {"{http://www.w3.org/1999/xhtml}div", XHTML_SPAN}, url
            # The status change's and the uncommented task's summary is the action's
            # name, which a reader still shows whole, as text.
            assert sum(f"1 {HOSTILE}" == text for text in shown) == 2, url
        with at("2025-02-02"):
            text = client.get(f"{prefix}/feeds/tasks.ics").content.decode()
        assert "BEGIN:VCALENDAR" in text  # plain text, no HTML to escape


def test_texts_in_another_language_than_the_feeds_say_so(client, plan_with_updates):
    """The English feed of a plan written in Finnish only: a reader reads the Finnish
    names as Finnish, the feed's own words as English."""
    with at("2025-02-02"):
        english = ET.fromstring(client.get("/en/feeds/updates.atom").content)  # noqa: S314
        finnish = ET.fromstring(client.get("/feeds/updates.atom").content)  # noqa: S314
    entry = {
        "".join(found.find(f"{ATOM}title").itertext()): found
        for found in english.findall(f"{ATOM}entry")
    }
    # All in Finnish, names and summary: the entry says so.
    assert entry["1 Pyöräily!: Myöhässä"].get(XML_LANG) == "fi"
    assert entry["Baana avattiin"].get(XML_LANG) == "fi"
    # English words around a Finnish name: only the name is marked Finnish.
    task = entry["Task completed: Vanha"]
    assert task.get(XML_LANG) is None
    title = task.find(f"{ATOM}title")
    assert title.get("type") == "xhtml"
    assert [(span.get(XML_LANG), span.text) for span in title.iter(XHTML_SPAN)] == [("fi", "Vanha")]
    assert task.find(f"{ATOM}summary").get(XML_LANG) == "fi"  # the action's name
    feed_title = english.find(f"{ATOM}title")
    assert "".join(feed_title.itertext()) == "Updates of Hiilineutraali Helsinki 2035"
    assert [span.text for span in feed_title.iter(XHTML_SPAN)] == ["Hiilineutraali Helsinki 2035"]
    # In Finnish, nothing is in another language than the feed's.
    assert finnish.get(XML_LANG) == "fi"
    assert [e for e in finnish.iter() if e is not finnish and e.get(XML_LANG)] == []
    assert all(e.get("type") != "xhtml" for e in finnish.iter(f"{ATOM}title"))


def test_a_name_in_an_xhtml_title_stays_text(client, plan):
    with at("2025-01-10"):
        make_action(
            plan,
            "1",
            tasks=[task("<b>Kaava</b> & muut", "completed", due=datetime.date(2025, 1, 1),
                        completed=datetime.date(2025, 1, 5))],
        )  # fmt: skip
    feed, found = entries(client, "/en/feeds/updates.atom")
    assert "Task completed: <b>Kaava</b> & muut" in [title for title, _link in found]
    spans = [span.text for span in feed.iter(XHTML_SPAN)]
    assert "<b>Kaava</b> & muut" in spans
    assert not list(feed.iter("{http://www.w3.org/1999/xhtml}b"))
