"""The dashboard's table with a column per public filterable field of the plan, each a
sort key (an ordered choice by its options' order, a missing value last both ways)."""

import pytest

from tests.site.test_action_list_fields import actions, fields, page_of  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def table(client, query: str = ""):
    page = page_of(client.get(f"/en/actions/?view=dashboard{query}"))
    headers = [" ".join(th.get_text(" ").split()) for th in page.select("#action-table thead th a")]
    rows = [
        [" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")]
        for row in page.select("#action-table tbody tr")
    ]
    return page, headers, rows


def test_the_public_filterable_fields_are_columns(client, actions):  # noqa: F811
    page, headers, rows = table(client)
    assert [header.split(",")[0].strip() for header in headers[9:]] == [
        "Cost estimate (€)", "Decision date", "Flagship", "Funding", "Priority", "Sector",
    ]  # fmt: skip
    by_id = {row[0]: row for row in rows}
    assert by_id["1"][9:] == ["1,200.5", "4 Mar 2025", "Yes", "City", "High", "Energy"]
    assert by_id["2"][9:] == ["50", "1 Jan 2024", "No", "EU funding", "Low", "Traffic"]
    assert by_id["4"][9:] == ["", "", "", "", "", ""]
    html = str(page.select_one("#action-table"))
    assert "Sisäinen" not in html and "Secret" not in html and "Note" not in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("f.priority", ["2", "1", "3", "4"]),  # Low before High: the options' order
        ("-f.priority", ["1", "2", "3", "4"]),  # missing values stay last
        ("f.cost", ["2", "1", "3", "4"]),
        ("-f.cost", ["1", "2", "3", "4"]),
        ("f.decided", ["2", "1", "3", "4"]),
        ("f.flagship", ["2", "1", "3", "4"]),
        ("f.funding", ["1", "2", "3", "4"]),  # City before EU funding: by name
        ("-f.sector", ["2", "1", "3", "4"]),  # Traffic, Energy, Aurinko
        ("f.internal", ["1", "2", "3", "4"]),  # not a column: by identifier
        ("f.note", ["1", "2", "3", "4"]),
    ],
)
def test_each_field_column_sorts(client, actions, sort, expected):  # noqa: F811
    _page, _headers, rows = table(client, f"&sort={sort}")
    assert [row[0] for row in rows] == expected


def test_a_field_heading_links_to_the_table_sorted_by_it(client, actions):  # noqa: F811
    page, _headers, _rows = table(client, "&sort=f.priority&f.flagship=yes")
    heading = next(th for th in page.select("#action-table thead th") if "Priority" in th.text)
    assert heading["aria-sort"] == "ascending"
    assert heading.a["href"] == "/en/actions/?view=dashboard&sort=-f.priority&f.flagship=yes"
    cost = next(th for th in page.select("#action-table thead th") if "Cost" in th.text)
    assert "numeric" in cost["class"]
    assert page.select_one('form.filters input[name="sort"]')["value"] == "f.priority"
