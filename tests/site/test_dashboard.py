"""The dashboard view of the action list: counts and shares by status, phase and update
timeliness, the sortable table, its pages, and the downloads that hold exactly its rows."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    OrganizationFactory,
    PhaseFactory,
    make_action,
    task,
)
from tests.site.conftest import QUERY_BUDGET
from vahti.actions.models import Action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = datetime.date(2026, 6, 15)


def _updated(identifier: str, days_ago: int) -> None:
    moment = timezone.make_aware(datetime.datetime(2026, 6, 15, 12) - datetime.timedelta(days_ago))
    Action.objects.filter(identifier=identifier).update(updated_at=moment)


@pytest.fixture
def actions(plan, category):
    """Six public actions and an internal one: two late (one with two late tasks), two
    on time, one completed, one without a status; updated 10 to 400 days ago."""
    plan.update_target_days, plan.stale_after_days = 90, 180
    plan.save()
    transport = CategoryFactory(type=category.type, identifier="transport", name_fi="Liikenne")
    energy = CategoryFactory(type=category.type, identifier="energy", name_fi="Energia")
    kymp = OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
    kasko = OrganizationFactory(plan=plan, identifier="kasko", name_fi="Kasvatus")
    late = ActionStatusFactory(
        plan=plan, identifier="late", name_en="Late", order=2, color="#b3261e"
    )
    on_time = ActionStatusFactory(plan=plan, identifier="on-time", name_en="On time", order=1)
    done = ActionStatusFactory(
        plan=plan, identifier="done", name_en="Completed", order=3, is_completed=True
    )
    planning = PhaseFactory(plan=plan, identifier="planning", name_en="Planning", order=1)
    doing = PhaseFactory(plan=plan, identifier="doing", name_en="Implementation", order=2)
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC), tick=False):
        make_action(
            plan,
            "1",
            name_fi="Baanaverkko",
            status=late,
            implementation_phase=doing,
            categories=[transport],
            responsible_parties=[(kymp, "primary")],
            tasks=[
                task("Suunnitelma", due=datetime.date(2026, 1, 1)),
                task("Rakentaminen", due=datetime.date(2026, 3, 1)),
                task("Avaus", due=datetime.date(2027, 1, 1)),
                task("Valmis", state="completed", due=datetime.date(2025, 1, 1),
                     completed=datetime.date(2025, 1, 1)),
            ],
        )  # fmt: skip
        make_action(
            plan,
            "2",
            name_fi='=HYPERLINK("http://evil.invalid")',
            status=late,
            implementation_phase=planning,
            categories=[energy],
            responsible_parties=[(kasko, "primary"), (kymp, "collaborator")],
            tasks=[task("Selvitys", due=datetime.date(2026, 5, 1))],
        )
        make_action(
            plan,
            "10",
            name_fi="Aurinkopaneelit",
            status=on_time,
            implementation_phase=doing,
            categories=[energy],
            responsible_parties=[(kymp, "primary")],
        )
        make_action(plan, "3", name_fi="Ruuhkamaksu", status=on_time, categories=[transport])
        make_action(plan, "L3.2", name_fi="Hankinnat", status=done, implementation_phase=doing)
        make_action(plan, "4", name_fi="Avoin data")
        make_action(plan, "5", name_fi="Luonnos", status=late, visibility="internal")
    for identifier, days in [("1", 10), ("2", 95), ("10", 90), ("3", 181), ("L3.2", 400)]:
        _updated(identifier, days)
    _updated("4", 0)
    return plan


@pytest.fixture
def today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC), tick=False):
        yield


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def distribution(page, section_id: str) -> dict[str, tuple[int, str]]:
    table = page.select_one(f"#{section_id}-table")
    shares = {}
    for row in table.tbody.select("tr"):
        count, percent = (cell.get_text() for cell in row.select("td"))
        shares[row.th.get_text(strip=True)] = (int(count), percent)
    return shares


def table_rows(page) -> list[list[str]]:
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")]
        for row in page.select("#action-table tbody tr")
    ]


@pytest.mark.usefixtures("today")
def test_counts_and_shares_by_status_phase_and_update(client, actions):
    page = page_of(client.get("/en/actions/?view=dashboard"))
    assert distribution(page, "by-status") == {
        "On time": (2, "33%"),
        "Late": (2, "33%"),
        "Completed": (1, "17%"),
        "No progress given": (1, "17%"),
    }
    assert distribution(page, "by-phase") == {
        "Planning": (1, "17%"),
        "Implementation": (3, "50%"),
        "No phase given": (2, "33%"),
    }
    # Up to date within 90 days, acceptable within 180, stale after: 0, 10 and 90 days;
    # 95; 181 and 400.
    assert distribution(page, "by-update") == {
        "Up to date": (3, "50%"),
        "Acceptable": (1, "17%"),
        "Stale": (2, "33%"),
    }
    text = " ".join(page.select_one(".dashboard__note").get_text().split())
    assert "3 late tasks in 2 actions." in text
    assert "Up to date: published within 90 days. Acceptable: within 180 days." in text
    # The bars draw the same shares, segment after segment across the width.
    bar = page.select_one("#by-status-heading").find_next("svg")
    widths = [float(rect["width"]) for rect in bar.select("rect")]
    assert sum(widths) == pytest.approx(1000)
    assert bar.select("rect")[1]["fill"] == "#b3261e"


@pytest.mark.usefixtures("today")
def test_the_dashboard_counts_the_filtered_set(client, actions):
    page = page_of(client.get("/en/actions/?view=dashboard&organization=kymp"))
    assert distribution(page, "by-status") == {"On time": (1, "33%"), "Late": (2, "67%")}
    # Finnish and Swedish write the sign after a no-break space.
    finnish = page_of(client.get("/actions/?view=dashboard&organization=kymp"))
    cells = finnish.select("#by-status-table tbody td:nth-of-type(2)")
    assert [cell.get_text() for cell in cells] == ["33\u00a0%", "67\u00a0%"]
    assert [row[0] for row in table_rows(page)] == ["1", "2", "10"]
    assert page.select_one("#result-count").get_text(strip=True) == "3 actions match the filters"
    # The form keeps the view, and the list and dashboard links keep the filters.
    assert page.select_one('form.filters input[name="view"]')["value"] == "dashboard"
    links = {a.get_text(): a["href"] for a in page.select(".view-switch a")}
    assert links == {
        "List": "/en/actions/?organization=kymp",
        "Dashboard": "/en/actions/?view=dashboard&organization=kymp",
        "Over time": "/en/actions/?view=history&organization=kymp",
    }
    assert page.select_one('.view-switch a[aria-current="page"]').get_text() == "Dashboard"


@pytest.mark.usefixtures("today")
def test_the_table_shows_each_column(client, actions):
    page = page_of(client.get("/en/actions/?view=dashboard"))
    headings = [th.a.contents[0] for th in page.select("#action-table thead th")]
    assert headings == [
        "Identifier", "Name", "Theme", "Primary organisation", "Progress", "Phase",
        "Open tasks", "Late tasks", "Last update",
    ]  # fmt: skip
    rows = table_rows(page)
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "10", "L3.2"]  # natural order
    assert rows[0] == [
        "1", "Baanaverkko", "Liikenne", "Kaupunkiympäristö", "Late", "Implementation",
        "3", "2", "5 Jun 2026 , Up to date",  # said in words, not by colour alone
    ]  # fmt: skip
    assert rows[1][3] == "Kasvatus"  # the primary organisation, not the collaborator
    stale = page.select("#action-table tbody tr")[2].select_one("td.updated")
    assert "updated--stale" in stale["class"]


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["2", "10", "4", "1", "L3.2", "3"]),  # without case
        ("-name", ["3", "L3.2", "1", "4", "10", "2"]),
        ("category", ["2", "10", "1", "3", "4", "L3.2"]),  # none last, then identifier
        ("organization", ["2", "1", "10", "3", "4", "L3.2"]),
        ("status", ["3", "10", "1", "2", "L3.2", "4"]),  # the plan's order of statuses
        ("-late_tasks", ["1", "2", "3", "4", "10", "L3.2"]),
        ("open_tasks", ["3", "4", "10", "L3.2", "2", "1"]),
        ("-updated", ["4", "1", "10", "2", "3", "L3.2"]),
        ("updated", ["L3.2", "3", "2", "10", "1", "4"]),
        ("phase", ["2", "1", "10", "L3.2", "3", "4"]),
        ("nonsense", ["1", "2", "3", "4", "10", "L3.2"]),
    ],
)
def test_every_column_sorts(client, actions, sort, expected):
    page = page_of(client.get(f"/en/actions/?view=dashboard&sort={sort}"))
    assert [row[0] for row in table_rows(page)] == expected


@pytest.mark.usefixtures("today")
def test_the_headings_link_to_the_sorted_table_and_say_how_it_is_sorted(client, actions):
    page = page_of(client.get("/en/actions/?view=dashboard&status=late&sort=name"))
    headers = {th.a.contents[0]: th for th in page.select("#action-table thead th")}
    assert headers["Name"]["aria-sort"] == "ascending"
    assert not headers["Identifier"].has_attr("aria-sort")
    assert headers["Name"].a["href"] == "/en/actions/?view=dashboard&status=late&sort=-name"
    assert headers["Identifier"].a["href"] == "/en/actions/?view=dashboard&status=late"
    # Counts and dates are sorted largest and newest first.
    assert headers["Late tasks"].a["href"].endswith("sort=-late_tasks")
    assert "sort descending" in headers["Late tasks"].get_text()
    page = page_of(client.get("/en/actions/?view=dashboard&sort=-late_tasks"))
    late = next(th for th in page.select("#action-table thead th") if "Late" in th.get_text())
    assert late["aria-sort"] == "descending"
    assert late.a["href"] == "/en/actions/?view=dashboard&sort=late_tasks"
    # Changing the filters keeps the sort.
    assert page.select_one('form.filters input[name="sort"]')["value"] == "-late_tasks"


def downloaded_csv(client, query: str) -> list[list[str]]:
    response = client.get(f"/en/actions.csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="hnh-actions-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def downloaded_xlsx(client, query: str) -> list[list]:
    response = client.get(f"/en/actions.xlsx{query}")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize(
    "filters",
    ["", "status=late", "organization=kymp&primary=on", "category=energy&sort=-name", "q=zzz"],
)
def test_the_downloads_hold_exactly_the_rows_shown(client, actions, filters):
    page = page_of(client.get(f"/en/actions/?view=dashboard&{filters}"))
    shown = table_rows(page)
    links = {a.get_text(): a["href"] for a in page.select(".downloads a")}
    assert links["CSV"] == "/en/actions.csv" + (f"?{filters}" if filters else "")
    assert links["Excel"] == "/en/actions.xlsx" + (f"?{filters}" if filters else "")
    query = f"?{filters}" if filters else ""
    rows = downloaded_csv(client, query)
    assert rows[0] == [
        "Identifier", "Name", "Theme", "Primary organisation", "Progress", "Phase",
        "Open tasks", "Late tasks", "Last update", "Update timeliness", "Address",
    ]  # fmt: skip
    as_shown = [[row[0], row[1].removeprefix("'"), *row[2:8]] for row in rows[1:]]
    assert as_shown == [row[:8] for row in shown]
    sheet = downloaded_xlsx(client, query)
    assert sheet[0] == rows[0]
    assert [["" if cell is None else str(cell) for cell in row[:8]] for row in sheet[1:]] == [
        row[:8] for row in shown
    ]
    assert all(isinstance(row[8], datetime.datetime) for row in sheet[1:])  # dates stay dates
    for line in rows[1:]:
        assert line[10] == f"http://testserver/en/actions/{line[0]}/"


@pytest.mark.usefixtures("today")
def test_the_downloads_cannot_run_formulas(client, actions):
    rows = {row[0]: row for row in downloaded_csv(client, "?status=late")}
    assert rows["2"][1] == '\'=HYPERLINK("http://evil.invalid")'
    assert rows["1"][8] == "2026-06-05" and rows["1"][9] == "Up to date"
    response = client.get("/en/actions.xlsx?status=late")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "2")
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://evil.invalid")'


def test_a_long_table_is_in_pages_and_the_downloads_hold_every_row(client, plan):
    status = ActionStatusFactory(plan=plan, identifier="on-time")
    Action.objects.bulk_create(
        Action(plan=plan, identifier=str(n), sort_key=f"{n:05d}", name_fi=f"T {n}", status=status)
        for n in range(1, 131)
    )
    page = page_of(client.get("/en/actions/?view=dashboard&sort=-name"))
    assert len(table_rows(page)) == 100
    caption = " ".join(page.select_one("#action-table caption").get_text(" ").split())
    assert caption.startswith("Actions 1–100 of 130")
    pages = page.select_one("nav.pagination")
    assert "Page 1 of 2" in pages.get_text()
    assert (
        pages.select_one('a[rel="next"]')["href"] == "/en/actions/?view=dashboard&sort=-name&page=2"
    )
    second = page_of(client.get("/en/actions/?view=dashboard&sort=-name&page=2"))
    assert len(table_rows(second)) == 30
    assert second.select_one('a[rel="prev"]')["href"] == "/en/actions/?view=dashboard&sort=-name"
    assert len(downloaded_csv(client, "?sort=-name")) == 131


@pytest.mark.usefixtures("today")
def test_htmx_gets_the_dashboard_in_place(client, actions):
    response = client.get(
        "/en/actions/?view=dashboard&status=late",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="/en/actions/?view=dashboard",
    )
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#result-count").get_text(strip=True) == "2 actions match the filters"
    assert [row[0] for row in table_rows(page)] == ["1", "2"]


@pytest.mark.usefixtures("today")
def test_the_dashboard_and_downloads_issue_a_fixed_number_of_queries(
    client, actions, plan, uncached
):
    def count(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        assert response.status_code == 200
        return len(captured)

    urls = ["/en/actions/?view=dashboard&sort=organization", "/en/actions.xlsx", "/en/actions.csv"]
    before = [count(url) for url in urls]
    status = ActionStatusFactory(plan=plan, identifier="more")
    organization = OrganizationFactory(plan=plan, identifier="more")
    for n in range(20):
        make_action(
            plan,
            f"M{n}",
            status=status,
            responsible_parties=[(organization, "primary")],
            tasks=[task("Tehtävä", due=datetime.date(2026, 1, 1))],
        )
    assert [count(url) for url in urls] == before
    assert max(before) <= QUERY_BUDGET


@pytest.mark.usefixtures("today")
def test_control_characters_and_spaced_formulas_do_not_break_or_run_in_the_downloads(
    client, actions
):
    Action.objects.filter(identifier="1").update(name_fi="Baana\x0bverkko")
    Action.objects.filter(identifier="3").update(name_fi=" =1+1")
    sheet = downloaded_xlsx(client, "")
    names = {row[0]: row[1] for row in sheet[1:]}
    assert names["1"] == "Baanaverkko"
    rows = {row[0]: row for row in downloaded_csv(client, "")}
    assert rows["3"][1] == "' =1+1"


def test_names_sort_in_the_nordic_alphabet():
    from vahti.actions.dashboard_sorting import _sort_text

    names = ["Öljy", "Ähtäri", "Åland", "Zeta", "aamu", "Über"]
    assert sorted(names, key=_sort_text) == ["aamu", "Über", "Zeta", "Åland", "Ähtäri", "Öljy"]
