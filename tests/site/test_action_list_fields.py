"""The action list filtered by the plan's own public fields (a select for a choice, an
ordered choice, yes/no and a category; a range for a number and a date), without
JavaScript, with bad input shown as a message; the count and the downloads follow."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from bs4 import BeautifulSoup

from tests.factories import ActionStatusFactory, CategoryFactory, make_action
from tests.site.plan_fields import make_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def fields(plan):
    return make_fields(plan)


def values(fields, cost, decided, flagship, funding, priority, sector):
    return [
        {"field": fields["cost"], "number": Decimal(cost)},
        {"field": fields["decided"], "date": decided},
        {"field": fields["flagship"], "yes_no": flagship},
        {"field": fields["funding"], "option": fields["funding_options"][funding]},
        {"field": fields["priority"], "option": fields["priority_options"][priority]},
        {"field": fields["sector"], "category": sector},
        {"field": fields["note"], "text_fi": f"Huomio {cost}"},
        {"field": fields["background"], "rich_text_fi": "<p>Tausta <b>tärkeä</b></p>"},
        {"field": fields["internal"], "option": fields["internal_options"][0]},
    ]


@pytest.fixture
def actions(plan, fields):
    """1 and 2 with every field, 3 with a sector below "energy" only, 4 none, 5 internal."""
    energy, traffic = fields["sectors"]
    solar = CategoryFactory(type=energy.type, parent=energy, identifier="solar", name_fi="Aurinko")
    day = datetime.date
    make_action(
        plan, "1", field_values=values(fields, "1200.5", day(2025, 3, 4), True, 0, 2, energy)
    )
    make_action(plan, "2", field_values=values(fields, "50", day(2024, 1, 1), False, 1, 0, traffic))
    make_action(plan, "3", field_values=[{"field": fields["sector"], "category": solar}])
    make_action(plan, "4")
    make_action(
        plan, "5", visibility="internal",
        field_values=values(fields, "7", day(2025, 3, 4), True, 0, 2, energy),
    )  # fmt: skip
    return plan


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def shown(client, query: str) -> list[str]:
    page = page_of(client.get(f"/actions/{query}"))
    return sorted(a.get_text() for a in page.select(".action-card .action-card__id"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["1", "2", "3", "4"]),
        ("?f.funding=o0", ["1"]),  # a choice, by its option's identifier
        ("?f.funding=o1", ["2"]),
        ("?f.priority=o2", ["1"]),  # an ordered choice
        ("?f.flagship=yes", ["1"]),
        ("?f.flagship=no", ["2"]),
        ("?f.sector=energy", ["1", "3"]),  # a category and those below it
        ("?f.sector=traffic", ["2"]),
        ("?f.cost.min=100", ["1"]),
        ("?f.cost.max=100", ["2"]),
        ("?f.cost.min=50&f.cost.max=1200.5", ["1", "2"]),  # both ends included
        ("?f.decided.min=2025-01-01", ["1"]),
        ("?f.decided.max=2024-12-31", ["2"]),
        ("?f.funding=o0&f.flagship=no", []),
        ("?f.funding=o0&f.sector=energy&f.cost.min=1000", ["1"]),
    ],
)
def test_each_field_filter_alone_and_together(client, actions, query, expected):
    assert shown(client, query) == expected


def test_the_form_offers_the_public_fields_and_keeps_the_choice(client, actions):
    page = page_of(client.get("/en/actions/?f.funding=o1&f.cost.min=10"))
    form = page.select_one("form.filters")
    labels = [label.get_text(strip=True) for label in form.select("label")]
    for label in [
        "Funding", "Priority", "Flagship", "Sector", "Cost estimate, at least",
        "Cost estimate, at most", "Decision date, at least", "Decision date, at most",
    ]:  # fmt: skip
        assert label in labels
    options = [o.get_text() for o in form.select('select[name="f.priority"] option')]
    assert options == ["All", "Low", "Medium", "High"]  # in the options' order
    sectors = [o.get_text() for o in form.select('select[name="f.sector"] option')]
    assert sectors == ["All", "Energy", "— Aurinko", "Traffic"]
    assert form.select_one('select[name="f.funding"] option[selected]')["value"] == "o1"
    assert form.select_one('input[name="f.cost.min"]')["value"] == "10"
    assert form.select_one('input[name="f.decided.min"]')["type"] == "date"
    # Neither the non-public field nor its options, nor the texts, are offered.
    html = str(form)
    assert "Sisäinen" not in html and "Secret" not in html and "f.note" not in html
    assert page.select_one("#result-count").get_text(strip=True) == "1 action matches the filters"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/actions/?f.cost.min=1%C2%A0000,5", ["1"]),  # as Finnish writes 1 000,5
        ("/actions/?f.cost.min=1+000", ["1"]),
        ("/actions/?f.cost.max=50,0", ["2"]),
        ("/actions/?f.cost.min=1000.5", ["1"]),  # a decimal point works everywhere
        ("/sv/actions/?f.cost.max=50,5", ["2"]),
        ("/en/actions/?f.cost.min=1%C2%A0000.5", ["1"]),
        ("/en/actions/?f.cost.min=1,000", ["1"]),  # as the English pages print 1,200.5
        ("/en/actions/?f.cost.min=1,200.5", ["1"]),
        ("/en/actions/?f.cost.max=1,000", ["2"]),
    ],
)
def test_numbers_are_read_as_the_pages_language_writes_them(client, actions, address, expected):
    page = page_of(client.get(address))
    assert not page.select(".form-errors")
    assert sorted(a.get_text() for a in page.select(".action-card__id")) == expected


@pytest.mark.parametrize("typed", ["0,5", "1,00", "1,0000"])
def test_a_comma_on_an_english_page_is_refused_rather_than_guessed(client, actions, typed):
    """Not English grouping, so perhaps a decimal comma: 0.5 or 5?"""
    page = page_of(client.get(f"/en/actions/?f.cost.min={typed}"))
    errors = " ".join(page.select_one(".form-errors").get_text(" ").split())
    assert "Cost estimate, at least: Enter a number, e.g. 1200 or 0.5." in errors


def test_a_range_whose_least_is_more_than_its_most_is_named(client, actions):
    page = page_of(client.get("/en/actions/?f.cost.min=100&f.cost.max=10"))
    errors = problem_shown(page)
    assert "Cost estimate, at most: This is less than the least value given" in errors


def test_filter_texts_in_the_primary_language_are_marked_as_such(client, actions, fields):
    """A field, option, category or status without a Swedish name shows its Finnish one,
    marked lang="fi" (WCAG 3.1.2): in the label, the range labels, options and errors."""
    fields["cost"].name_sv = ""
    fields["cost"].save()
    fields["funding"].name_sv = ""
    fields["funding"].save()
    option = fields["funding_options"][0]
    option.name_sv = ""
    option.save()
    ActionStatusFactory(plan=actions, identifier="paused", name_fi="Tauolla", name_sv="")
    page = page_of(client.get("/sv/actions/?f.cost.min=lots"))
    form = page.select_one("form.filters")
    funding = form.select_one('label[for="id_f.funding"]')
    assert funding.select_one("span")["lang"] == "fi"
    assert funding.get_text() == "Rahoitus"
    least = form.select_one('label[for="id_f.cost.min"]')
    assert least.get_text() == "Kustannusarvio minst"
    assert least.select_one("span")["lang"] == "fi"
    assert least.select_one("span").get_text() == "Kustannusarvio"
    options = form.select('select[name="f.funding"] option')
    assert [(o.get_text(), o.get("lang")) for o in options[:3]] == [
        ("Alla", None), (option.name_fi, "fi"), (fields["funding_options"][1].name_sv, None),
    ]  # fmt: skip
    sun = form.select_one('select[name="f.sector"] option[value="solar"]')
    assert (sun.get_text(), sun["lang"]) == ("— Aurinko", "fi")
    paused = form.select_one('select[name="status"] option[value="paused"]')
    assert (paused.get_text(), paused["lang"]) == ("Tauolla", "fi")
    error = page.select_one(".form-errors li")
    assert error.select_one("span")["lang"] == "fi"
    # In the plan's own language nothing is marked.
    assert not page_of(client.get("/actions/")).select("form.filters [lang]")


def problem_shown(page) -> str:
    """The filters' errors, after checking that the page shows no rows for them."""
    assert not page.select(".action-card")
    assert not page.select("#action-table")
    count = page.select_one("#result-count").get_text(strip=True)
    assert count == "No actions shown: a filter could not be used."
    problem = " ".join(page.select_one(".filter-problem").get_text(" ").split())
    assert (
        problem == "No actions are shown until the filters named above are fixed. Show all actions"
    )
    assert page.select_one("#clear-filters a").get_text() == "Clear the filters"
    return " ".join(page.select_one("#filter-errors .form-errors").get_text(" ").split())


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?f.funding=nope", "Funding: Select a valid choice."),
        ("?f.cost.min=lots", "Cost estimate, at least: Enter a number, e.g. 1200 or 0.5."),
        ("?f.decided.max=4.3.2025", "Decision date, at most: Enter a date as year-month-day"),
        ("?f.flagship=maybe", "Flagship: Select a valid choice."),
        ("?f.sector=nowhere", "Sector: Select a valid choice."),
        ("?f.cost.min=5000000&f.cost.max=1", "Cost estimate, at most: This is less than the"),
    ],
)
def test_a_bad_field_filter_is_named_and_no_rows_pretend_to_be_its_result(
    client, actions, query, message
):
    page = page_of(client.get(f"/en/actions/{query}&f.priority=o2"))
    assert message in problem_shown(page)
    # What was typed and chosen is kept, to be fixed; the bad input is marked.
    form = page.select_one("form.filters")
    for name, value in [pair.split("=") for pair in query[1:].split("&")]:
        field = form.select_one(f'[name="{name}"]')
        if field.name == "input":
            assert field["value"] == value
    assert form.select_one('select[name="f.priority"] option[selected]')["value"] == "o2"
    invalid = form.select_one('[aria-invalid="true"]')
    error = page.select_one(f'[id="{invalid["aria-describedby"]}"]')
    assert message in error.get_text()


@pytest.mark.parametrize("view", ["dashboard", "history"])
def test_the_dashboard_and_its_history_show_no_rows_for_a_bad_filter(client, actions, view):
    page = page_of(client.get(f"/en/actions/?view={view}&sort=name&f.cost.min=lots"))
    assert "Cost estimate, at least: Enter a number" in problem_shown(page)
    assert not page.select(".dashboard")
    assert page.select_one("#clear-filters a")["href"] == f"/en/actions/?view={view}"
    if view == "dashboard":  # the table's order is kept for when the filter is fixed
        assert page.select_one('form.filters input[name="sort"]')["value"] == "name"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "?f.nosuch=1",
            "f.nosuch: The plan has no public field “nosuch” to filter by; known: cost, decided,",
        ),
        ("?f.internal=o0", "f.internal: The plan has no public field “internal” to filter by"),
        ("?f.cost=5", "f.cost: Give this field as f.cost.min / .max."),
        ("?f.funding.min=o1", "f.funding.min: Give this field as f.funding."),
        ("?f.cost.least=5", "f.cost.least: Give this field as f.cost.min / .max."),
    ],
)
def test_a_parameter_naming_no_filter_is_named_as_the_download_and_the_api_name_it(
    client, actions, query, message
):
    assert message in problem_shown(page_of(client.get(f"/en/actions/{query}")))
    download = client.get(f"/en/actions.csv{query}")
    assert download.status_code == 400
    assert message in download.content.decode()
    api = client.get(f"/api/v1/actions/{query}")
    assert api.status_code == 400
    assert message.partition(": ")[2] in api.json()["detail"]


def test_a_search_longer_than_the_field_takes_is_named_and_kept(client, actions):
    """Typed, the field stops at 200 characters; a longer one comes from an address
    only, and is named rather than cut to something else without a word."""
    page = page_of(client.get(f"/en/actions/?q={'a' * 5000}"))
    assert "Search: Ensure this value has at most 200 characters (it has 5000)." in problem_shown(
        page
    )
    assert page.select_one("#id_q")["value"] == "a" * 5000
    assert page.select_one("#id_q")["maxlength"] == "200"


def test_a_good_filter_clears_the_errors_of_a_bad_one_with_htmx(client, actions):
    """htmx asks for the results only: the errors, the count and the clearing link come
    with them, out of band, into regions the page keeps (the errors are read out)."""
    full = page_of(client.get("/en/actions/"))
    assert full.select_one("#filter-errors")["role"] == "alert"
    assert full.select_one("#filter-errors").find_parent(id="action-results") is None
    assert not full.select("#filter-errors *")
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "/en/actions/"}
    bad = page_of(client.get("/en/actions/?q=&f.cost.min=abc", **htmx))
    assert not bad.select("form")
    errors = bad.select_one("#filter-errors")
    assert errors["hx-swap-oob"] == "innerHTML"
    assert errors.select_one('[id="id_f.cost.min_error"]').get_text() == (
        "Cost estimate, at least: Enter a number, e.g. 1200 or 0.5."
    )
    assert bad.select_one("#result-count").get_text() == (
        "No actions shown: a filter could not be used."
    )
    assert not bad.select(".action-card")
    assert bad.select_one("#clear-filters")["hx-swap-oob"] == "innerHTML"
    assert bad.select_one("#clear-filters a")
    good = page_of(client.get("/en/actions/?q=&f.cost.min=5", **htmx))
    assert good.select_one("#filter-errors")["hx-swap-oob"] == "innerHTML"
    assert not good.select("#filter-errors *")  # emptied
    assert good.select_one("#result-count").get_text() == "2 actions match the filters"
    assert len(good.select(".action-card")) == 2


def test_the_filtered_downloads_hold_a_column_per_public_field(client, actions):
    response = client.get("/en/actions.csv?f.sector=energy")
    text = b"".join(response.streaming_content).decode().removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][11:] == [
        "Cost estimate (€)", "Decision date", "Flagship", "Funding", "Priority", "Sector",
        "Note", "Background",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["1", "3"]
    assert rows[1][11:] == [
        "1200.5", "2025-03-04", "Yes", "City", "High", "Energy", "Huomio 1200.5", "Tausta tärkeä",
    ]  # fmt: skip
    assert rows[2][11:] == ["", "", "", "", "", "Aurinko", "", ""]
    assert "Sisäinen" not in text and "Secret" not in text
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/en/actions.xlsx?f.flagship=yes").content)
    )
    first = list(next(sheet.active.iter_rows(min_row=2, values_only=True)))
    assert first[11] == 1200.5 and isinstance(first[12], datetime.datetime)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_download_with_a_bad_filter_says_so_instead_of_giving_every_row(
    client, actions, fields, extension
):
    fields["cost"].name_en = "R&D's cost"
    fields["cost"].save()
    response = client.get(f"/en/actions.{extension}?f.cost.min=lots&status=nope")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Some filters could not be used:")
    assert "R&D's cost, at least: Enter a number, e.g. 1200 or 0.5." in text
    assert "Progress: Select a valid choice." in text
    assert "<span" not in text
