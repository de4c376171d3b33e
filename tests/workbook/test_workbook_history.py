"""A plan moved here with its past: the workbook's last-updated dates, dated status and
phase history and news posts import into a new plan, whose action pages, dashboard,
over-time view and feeds then show the plan as it was, not as updated on the import day."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.site.test_dashboard import distribution
from tests.workbook.test_workbook import run, workbook_bytes
from vahti.actions.models import Action, NewsPost, ProgressChange
from vahti.plans.models import Plan
from vahti.workbook.imports import past

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
ATOM = "{http://www.w3.org/2005/Atom}"
# The import and every look at the plan happen on this day.
TODAY = datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC)

PLAN = [
    ["identifier", "primary_language", "other_languages", "time_zone", "name_fi"],
    ["kaupunki", "fi", "en", "Europe/Helsinki", "Kaupungin ilmasto-ohjelma"],
]
LISTS = [
    ["kind", "identifier", "order", "name_fi", "sentiment"],
    ["status", "on_time", 0, "Ajallaan", "positive"],
    ["status", "late", 1, "Myöhässä", "negative"],
    ["phase", "planning", 0, "Suunnittelu", None],
    ["phase", "doing", 1, "Toteutus", None],
]
ACTIONS = [
    ["identifier", "name_fi", "status", "phase", "updated_at"],
    ["1", "Pyöräily", "late", "doing", "2025-11-20"],
    ["2", "Aurinkopaneelit", "on_time", "planning", datetime.date(2024, 3, 1)],
]
HISTORY = [
    ["action", "date", "status", "phase"],
    ["1", "2024-02-10", "on_time", "planning"],
    ["1", "2025-04-05", "on_time", "doing"],
    ["1", "2025-08-20", "late", "doing"],
    ["2", "2024-03-01", "on_time", "planning"],
]
NEWS = [
    ["action", "published_on", "title_fi", "body_fi", "author"],
    ["1", "2025-05-02", "Baana avattiin", "<p>Hienoa.</p>", None],
]


def workbook(**changes) -> bytes:
    sheets = {
        "plan": PLAN,
        "lists": LISTS,
        "actions": ACTIONS,
        "history": HISTORY,
        "news": NEWS,
    }
    return workbook_bytes({**sheets, **changes})


def imported(content: bytes):
    with time_machine.travel(TODAY, tick=False):
        problems, report = run("kaupunki.xlsx", content, None)
    assert problems == []
    assert report.applied
    return Plan.objects.get(identifier="kaupunki")


def page(client, url: str) -> BeautifulSoup:
    with time_machine.travel(TODAY, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_action_pages_show_the_workbooks_dates_and_history(client):
    imported(workbook())
    first = page(client, "/actions/1/")
    assert "Tietoja päivitetty 20.11.2025" in words(first)
    assert "Tietoja päivitetty 01.03.2024" in words(page(client, "/actions/2/"))
    timeline = [words(li) for li in page(client, "/en/actions/1/").select("#section-history li")]
    assert [entry.split(" ", 3)[:3] for entry in timeline] == [
        ["20", "Aug", "2025"],
        ["5", "Apr", "2025"],
        ["10", "Feb", "2024"],
    ]
    assert "Myöhässä" in timeline[0] and "Toteutus" in timeline[1]
    assert "Baana avattiin" in words(first.select_one("#section-news"))


def test_the_dashboard_is_as_up_to_date_as_the_plan_was(client):
    imported(workbook())
    dashboard = page(client, "/en/actions/?view=dashboard")
    # Updated 207 and 836 days before the import: neither is up to date.
    assert distribution(dashboard, "by-update") == {"Stale": (2, "100%")}


def test_the_over_time_view_starts_on_the_historys_first_day(client):
    imported(workbook())
    view = page(client, "/en/actions/?view=history")
    quarters = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in view.select(".quarter-table tbody tr")
    ]
    assert [row[0] for row in quarters][:2] == ["2024 Q1", "2024 Q2"]
    on_day = page(client, "/en/actions/?view=history&on=2025-05-01")
    rows = on_day.select("#on-day-table tbody tr")
    assert [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in rows] == [
        ["Ajallaan", "2", "100%"]
    ]


def test_the_feed_dates_the_past_on_its_own_days(client):
    imported(workbook())
    with time_machine.travel(TODAY, tick=False):
        response = client.get("/en/feeds/updates.atom")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    found = [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}updated").text[:10])
        for entry in feed.findall(f"{ATOM}entry")
    ]
    assert found == [
        ("1 Pyöräily: Myöhässä", "2025-08-20"),
        ("Baana avattiin", "2025-05-02"),
        ("2 Aurinkopaneelit: Ajallaan", "2024-03-01"),
        ("1 Pyöräily: Ajallaan", "2024-02-10"),
    ]


def test_importing_the_same_workbook_again_changes_nothing_and_a_new_date_redates():
    plan = imported(workbook())
    rows = ProgressChange.objects.filter(plan=plan).count()
    with time_machine.travel(TODAY, tick=False):
        _problems, again = run("kaupunki.xlsx", workbook(), plan)
    assert again.applied and again.counts["actions"].unchanged == 2
    assert ProgressChange.objects.filter(plan=plan).count() == rows
    redated = [ACTIONS[0], ["1", "Pyöräily", "late", "doing", "2026-01-31"], ACTIONS[2]]
    with time_machine.travel(TODAY, tick=False):
        _problems, report = run("kaupunki.xlsx", workbook(actions=redated), plan)
    assert report.applied and report.counts["actions"].updated == 1
    action = Action.objects.get(plan=plan, identifier="1")
    assert action.updated_at.astimezone(plan.tzinfo).date() == datetime.date(2026, 1, 31)
    # Its history is what its publications recorded: the same rows, none new.
    assert ProgressChange.objects.filter(plan=plan).count() == rows


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "Climate plan of the city"), ("sv", "Stadens klimatprogram")],
)
def test_english_and_swedish_first_plans_import_with_their_past(client, language, name):
    content = workbook(
        plan=[
            [*PLAN[0][:4], f"name_{language}"],
            ["kaupunki", language, "", "Europe/Helsinki", name],
        ],
        lists=[[f"name_{language}" if c == "name_fi" else c for c in row] for row in LISTS],
        actions=[[f"name_{language}" if c == "name_fi" else c for c in row] for row in ACTIONS],
        news=[[c.replace("_fi", f"_{language}") for c in NEWS[0]], *NEWS[1:]],
    )
    plan = imported(content)
    assert plan.primary_language == language and plan.other_languages == []
    action = Action.objects.get(plan=plan, identifier="1")
    assert getattr(action, f"name_{language}") == "Pyöräily" and not action.name_fi
    assert action.updated_at.astimezone(plan.tzinfo).date() == datetime.date(2025, 11, 20)
    assert NewsPost.objects.get(action=action).title == "Baana avattiin"
    assert ProgressChange.objects.filter(action=action).count() == 3
    text = words(page(client, "/actions/1/"))  # the primary language has no prefix
    assert {"en": "Updated 20 Nov 2025", "sv": "Uppgifterna uppdaterade 20.11.2025"}[
        language
    ] in text
    assert {"en": "10 Feb 2024 Ajallaan", "sv": "10.02.2024 Ajallaan"}[language] in text


FUTURE = "2026-07-01"


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        (
            {"history": [HISTORY[0], ["1", "2025-13-01", "late", "doing"]]},
            ("history", 2, "date"),
            "“2025-13-01” is not a date: write it as 2025-12-31.",
        ),
        (
            {"history": [HISTORY[0], ["1", FUTURE, "late", "doing"]]},
            ("history", 2, "date"),
            (past.IN_THE_FUTURE, {"value": FUTURE}),
        ),
        (
            {"actions": [ACTIONS[0], ["1", "Pyöräily", "late", "doing", FUTURE], ACTIONS[2]]},
            ("actions", 2, "updated_at"),
            (past.IN_THE_FUTURE, {"value": FUTURE}),
        ),
        (
            {"actions": [ACTIONS[0], ["1", "Pyöräily", "late", "doing", "2025-06-30"], ACTIONS[2]]},
            ("history", 4, "date"),
            (past.AFTER_LAST_UPDATE, {"value": "2025-06-30"}),
        ),
        (
            {"history": [HISTORY[0], ["1", "2025-01-01", "paused", "doing"]]},
            ("history", 2, "status"),
            "“paused” is not in the plan.",
        ),
        (
            {"history": [HISTORY[0], ["9", "2025-01-01", "late", "doing"]]},
            ("history", 2, "action"),
            (past.UNKNOWN_ACTION, {"value": "9"}),
        ),
        (
            {"news": [NEWS[0], ["1", "2025-02-30", "Uutinen", None, None]]},
            ("news", 2, "published_on"),
            "“2025-02-30” is not a date: write it as 2025-12-31.",
        ),
        (
            {"news": [NEWS[0], ["1", "2025-02-01", None, "<p>Teksti</p>", None]]},
            ("news", 2, "title_fi"),
            "Required in the plan's primary language.",
        ),
        (
            {"news": [NEWS[0], ["1", "2025-02-01", "Uutinen", None, "nobody"]]},
            ("news", 2, "author"),
            "“nobody” is not in the plan.",
        ),
    ],
    ids=[
        "not-a-date",
        "history-future",
        "updated-future",
        "history-after-update",
        "unknown-status",
        "unknown-action",
        "news-not-a-date",
        "news-without-title",
        "news-unknown-author",
    ],
)
def test_bad_dates_and_names_are_named_and_nothing_is_kept(changes, where, message):
    with time_machine.travel(TODAY, tick=False):
        problems, report = run("kaupunki.xlsx", workbook(**changes), None)
    if isinstance(message, tuple):  # a constant of the code, in the test's language
        message = message[0] % message[1]
    assert [(p.sheet, p.row, p.column, p.message) for p in problems] == [(*where, message)]
    assert not report.applied
    assert not Plan.objects.filter(identifier="kaupunki").exists()
    assert not Action.objects.exists() and not ProgressChange.objects.exists()
