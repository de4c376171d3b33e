"""The plan workbook: the export is a valid import (round trip), importing twice adds
nothing, and bad input gets a precise problem and leaves the database as it was."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook
from wagtail.models import Revision

from tests.factories import make_action
from vahti.actions.models import Action, ActionFieldValue, Task
from vahti.plans.models import Plan
from vahti.workbook import reader
from vahti.workbook.export import Export
from vahti.workbook.importer import import_workbook


def workbook_bytes(sheets: dict[str, list[list]], formulas=()) -> bytes:
    """A workbook of {sheet: rows}; ``formulas`` are (sheet, cell) that hold a formula."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    for name, cell in formulas:
        book[name][cell] = "=1+1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(filename, content, plan, **options):
    try:
        sheets = reader.read(filename, content)
    except reader.Unreadable as error:
        return error.problems, None
    report = import_workbook(sheets, plan=plan, **options)
    return report.problems, report


def fingerprint(plan):
    return (
        Export(Plan.objects.get(pk=plan.pk), public=False).workbook(),
        Action.objects.count(),
        Task.objects.count(),
        Revision.objects.count(),
    )


@pytest.fixture(autouse=True)
def in_english(english):
    """The messages in the language of the source strings."""


ACTION_HEADER = ["identifier", "name_fi", "status", "categories", "start_date"]


def test_a_workbook_adds_and_changes_actions_and_tasks(small_plan):
    content = workbook_bytes(
        {
            "actions": [
                [*ACTION_HEADER, "primary_organisation"],
                [
                    "1",
                    "Pyöräily ja kävely",
                    "late",
                    "theme/liikenne",
                    datetime.date(2025, 1, 1),
                    "kymp",
                ],
                ["2", "Uusi toimenpide", None, None, "2025-03-01", None],
            ],
            "tasks": [
                ["action", "name_fi", "state", "due_at", "completed_at"],
                ["1", "Baana", "completed", datetime.date(2026, 1, 31), datetime.date(2026, 1, 15)],
                ["2", "Ensimmäinen", "not_started", "2027-01-01", None],
            ],
        }
    )
    problems, report = run("plan.xlsx", content, small_plan)
    assert problems == []
    assert report.applied
    assert (report.counts["actions"].created, report.counts["actions"].updated) == (1, 1)
    one = Action.objects.get(plan=small_plan, identifier="1")
    assert one.name_fi == "Pyöräily ja kävely" and one.status.identifier == "late"
    assert [c.identifier for c in one.categories.all()] == ["liikenne"]
    assert [p.organization.identifier for p in one.responsible_parties.all()] == ["kymp"]
    [baana] = one.tasks.all()
    assert baana.state == "completed" and baana.completed_at == datetime.date(2026, 1, 15)
    assert Action.objects.get(plan=small_plan, identifier="2").live  # published
    # The same again: nothing changes, no new revision.
    revisions = Revision.objects.count()
    _problems, again = run("plan.xlsx", content, small_plan)
    assert again.applied and again.counts["actions"].unchanged == 2
    assert Revision.objects.count() == revisions
    assert Action.objects.filter(plan=small_plan).count() == 2


def test_a_dry_run_reports_and_writes_nothing(small_plan):
    before = fingerprint(small_plan)
    content = workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "Kokeilu"]]})
    problems, report = run("plan.xlsx", content, small_plan, dry_run=True)
    assert problems == [] and not report.applied
    assert report.counts["actions"].created == 1
    assert fingerprint(small_plan) == before


GOOD_ROW = ["7", "Hyvä rivi", None, None, None]


@pytest.mark.parametrize(
    ("case", "content", "where", "words"),
    [
        (
            "a missing column",
            {"tasks": [["action", "name_fi", "state"], ["1", "Baana", "not_started"]]},
            ("tasks", 1, "due_at"),
            "The column is missing.",
        ),
        (
            "an unknown category",
            {"actions": [ACTION_HEADER, GOOD_ROW, ["1", "Pyöräily", None, "theme/nope", None]]},
            ("actions", 3, "categories"),
            "Not in the plan: theme/nope.",
        ),
        (
            "a duplicate identifier",
            {"actions": [ACTION_HEADER, GOOD_ROW, ["7", "Taas", None, None, None]]},
            ("actions", 3, "identifier"),
            "“7” appears twice (also on row 2).",
        ),
        (
            "a date in the wrong format",
            {"actions": [ACTION_HEADER, GOOD_ROW, ["1", "Pyöräily", None, None, "31.12.2025"]]},
            ("actions", 3, "start_date"),
            "“31.12.2025” is not a date: write it as 2025-12-31.",
        ),
        (
            "an unknown status",
            {"actions": [ACTION_HEADER, ["1", "Pyöräily", "valmis", None, None]]},
            ("actions", 2, "status"),
            "“valmis” is not in the plan.",
        ),
        (
            "a task of an unknown action",
            {
                "tasks": [
                    ["action", "name_fi", "state", "due_at"],
                    ["99", "T", "not_started", "2027-01-01"],
                ]
            },
            ("tasks", 2, "action"),
            "Unknown action “99”",
        ),
        (
            "an unknown parent organisation",
            {"organisations": [["identifier", "name_fi", "parent"], ["a", "A", "nope"]]},
            ("organisations", 2, "parent"),
            "Unknown parent “nope”.",
        ),
        (
            "a bad colour",
            {"lists": [["kind", "identifier", "name_fi", "color"], ["status", "x", "X", "red"]]},
            ("lists", 2, "color"),
            "",
        ),
        (
            "parents in a loop",
            {
                "categories": [
                    ["type", "identifier", "name_fi", "parent"],
                    ["theme", "a", "A", "b"],
                    ["theme", "b", "B", "a"],
                ]
            },
            ("categories", 2, "parent"),
            "The parents form a loop.",
        ),
        (
            "a person of an unknown organisation",
            {
                "people": [
                    ["identifier", "first_name", "last_name", "organisation"],
                    ["p", "A", "B", "nope"],
                ]
            },
            ("people", 2, "organisation"),
            "“nope” is not in the plan.",
        ),
        (
            "a completed task without its date",
            {
                "tasks": [
                    ["action", "name_fi", "state", "due_at"],
                    ["1", "Baana", "completed", "2027-01-01"],
                ]
            },
            ("tasks", 2, "completed_at"),
            "A completed task needs a completion date.",
        ),
    ],
)
def test_bad_input_is_named_and_nothing_is_kept(small_plan, case, content, where, words):
    before = fingerprint(small_plan)
    problems, report = run("plan.xlsx", workbook_bytes(content), small_plan)
    assert any((p.sheet, p.row, p.column) == where and words in p.message for p in problems), (
        case,
        [str(p) for p in problems],
    )
    assert report is None or not report.applied
    assert fingerprint(small_plan) == before  # the good row was not kept either


def test_a_formula_cell_is_refused(small_plan):
    before = fingerprint(small_plan)
    content = workbook_bytes(
        {"actions": [["identifier", "name_fi"], ["1", "x"]]}, formulas=[("actions", "B2")]
    )
    problems, _report = run("plan.xlsx", content, small_plan)
    assert [(p.sheet, p.row, p.column) for p in problems] == [("actions", 2, "name_fi")]
    assert "holds a formula (=1+1); write its value instead" in problems[0].message
    assert fingerprint(small_plan) == before


def test_a_formula_in_a_csv_file_is_refused(small_plan):
    problems, _report = run(
        "tasks.csv", b"action,name_fi,state,due_at\n1,=HYPERLINK(1),x,y\n", small_plan
    )
    assert ("tasks", 2, "name_fi") in [(p.sheet, p.row, p.column) for p in problems]


def test_a_file_too_large_and_one_not_a_spreadsheet(small_plan, settings):
    before = fingerprint(small_plan)
    problems, _report = run("plan.xlsx", b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024), small_plan)
    assert [str(p) for p in problems] == [
        "The file: The file is 50.0 MB; at most 20 MB can be imported."
    ]
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    problems, _report = run("plan.xlsx", png, small_plan)
    assert "This is not a spreadsheet" in problems[0].message
    problems, _report = run("plan.xlsx", b"PK\x03\x04broken zip", small_plan)
    assert "This is not a spreadsheet" in problems[0].message
    problems, _report = run("notes.csv", b"a,b\n1,2\n", small_plan)
    assert "Name a CSV file after its sheet" in problems[0].message
    assert fingerprint(small_plan) == before


def test_a_public_csv_sheet_is_itself_an_import(small_plan):
    csv_text = Export(small_plan, public=True).csv("tasks").replace("Baana", "Baana valmis")
    problems, report = run("hnh-tasks.csv", ("\ufeff" + csv_text).encode(), small_plan)
    assert problems == [] and report.applied
    assert [t.name_fi for t in Task.objects.filter(action__plan=small_plan)] == ["Baana valmis"]


@pytest.mark.django_db(transaction=True)
def test_the_demo_plan_round_trips_through_an_empty_installation(tmp_path):
    from vahti.demo.loader import load_demo

    load_demo(today=datetime.date(2026, 11, 28))
    first = Export(Plan.objects.get(identifier="hnh2035"), public=False).workbook()
    call_command("flush", interactive=False, verbosity=0)
    assert not Plan.objects.exists() and not Action.objects.exists()

    path = tmp_path / "hnh2035.xlsx"
    path.write_bytes(first)
    call_command("import_plan", str(path), stdout=io.StringIO())
    plan = Plan.objects.get(identifier="hnh2035")
    second = Export(plan, public=False).workbook()
    assert second == first  # the same file, byte for byte
    counts = Action.objects.count(), Task.objects.count()
    out = io.StringIO()
    call_command("import_plan", str(path), stdout=out)
    assert (Action.objects.count(), Task.objects.count()) == counts  # no duplicates
    assert "actions: 0 added, 0 changed, 29 unchanged" in out.getvalue()
    book = load_workbook(io.BytesIO(second), read_only=True)
    # The past came along: more status and phase changes than actions, and news posts.
    history, news = (list(book[name].values)[1:] for name in ("history", "news"))
    assert len(history) > counts[0] and len({row[0] for row in news}) > 1
    assert "updated_at" in next(book["actions"].values)
    sheets = book.sheetnames
    assert sheets == [
        "plan", "lists", "fields", "field_options", "categories", "organisations", "people",
        "actions", "field_values", "tasks", "history", "news", "indicators", "goals", "values",
    ]  # fmt: skip
    # The plan's own fields, their options and values, and the estimates came along.
    kinds = {row[0]: row[1] for row in list(book["fields"].values)[1:]}
    assert set(kinds.values()) >= {"number", "choice", "yes_no", "ordered_choice", "date", "text"}
    assert ActionFieldValue.objects.filter(action__plan=plan).count() == (
        len(list(book["field_values"].values)) - 1
    )
    cost = ActionFieldValue.objects.get(
        action__plan=plan, action__identifier="10", field__identifier="kustannusarvio"
    )
    assert cost.number == 42000000
    estimated = Action.objects.filter(plan=plan, emission_reduction_estimate__isnull=False)
    assert estimated.count() >= 12 and {a.estimate_year for a in estimated} == {2030}


def test_the_command_reports_problems_and_dry_runs(small_plan, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook_bytes({"actions": [ACTION_HEADER, ["1", "x", "nope", None, None]]}))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(bad), "--plan", "hnh", stdout=io.StringIO(), stderr=err)
    assert "Sheet “actions”, row 2, column “status”: “nope” is not in the plan." in err.getvalue()
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook_bytes({"actions": [["identifier", "name_fi"], ["5", "Viisi"]]}))
    out = io.StringIO()
    call_command("import_plan", str(good), "--plan", "hnh", "--dry-run", stdout=out)
    assert "Dry run: the workbook is valid; nothing was written." in out.getvalue()
    assert not Action.objects.filter(identifier="5").exists()
    with pytest.raises(CommandError, match=r"1 problem"):
        call_command("import_plan", str(good), stdout=io.StringIO(), stderr=io.StringIO())


def test_the_workbook_documentation_in_the_repository_is_current():
    from pathlib import Path

    from vahti.exchange.management.commands.workbook_docs import markdown

    written = (Path(__file__).resolve().parents[2] / "docs" / "workbook.md").read_text()
    assert written == markdown(), "run: manage.py workbook_docs > docs/workbook.md"


def test_text_that_looks_like_a_formula_is_exported_inert_and_imported_back(small_plan):
    from openpyxl import load_workbook

    hostile = ["=HYPERLINK(\"http://evil.invalid\",\"x\")", "+1+1", "-5 % of emissions",
               "@SUM(A1)", "=1+1"]  # fmt: skip
    for index, name in enumerate(hostile, start=2):
        make_action(small_plan, str(index), name_fi=name)
    export = Export(Plan.objects.get(pk=small_plan.pk), public=True)

    rows = list(csv.reader(io.StringIO(export.csv("actions"))))
    names = {row[0]: row[rows[0].index("name_fi")] for row in rows[1:]}
    assert [names[str(i)] for i in range(2, 7)] == ["'" + name for name in hostile]

    content = export.workbook()
    sheet = load_workbook(io.BytesIO(content))["actions"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert {
        c.data_type for c in cells if str(c.value or "").lstrip().startswith(("=", "+", "@"))
    } == {"s"}
    # Read back, both give the texts unchanged: nothing changes.
    for filename, data in (("plan.xlsx", content), ("actions.csv", export.csv("actions").encode())):
        problems, report = run(filename, data, small_plan, dry_run=True)
        assert problems == [], filename
        assert report.counts["actions"].updated == 0, filename
        assert report.counts["actions"].unchanged == 6, filename


def test_the_emission_goal_round_trips_and_moves_in_one_import(small_plan):
    """The indicators sheet's emission_goal column: exported, imported back unchanged, and
    moved from one indicator to another by one workbook, whichever row comes first."""
    from tests.factories import make_indicator
    from vahti.indicators.models import Indicator

    goals = [(2020, 3000), (2030, 1500)]
    make_indicator(small_plan, "ghg", level="strategic", goals=goals, is_emission_goal=True)
    make_indicator(small_plan, "ghg-new", level="strategic", goals=goals)
    exported = Export(Plan.objects.get(pk=small_plan.pk), public=False).workbook()
    sheet = load_workbook(io.BytesIO(exported))["indicators"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("emission_goal")
    assert {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        "ghg": True,
        "ghg-new": False,
    }
    before = fingerprint(small_plan)
    problems, _report = run("plan.xlsx", exported, small_plan)
    assert problems == [] and fingerprint(small_plan) == before

    header = ["identifier", "name_fi", "unit_fi", "time_resolution", "emission_goal"]
    moved = {
        "indicators": [
            header,
            ["ghg-new", "Päästöt (uusi)", "kt", "year", "kyllä"],
            ["ghg", "Päästöt", "kt", "year", "ei"],
        ]
    }
    problems, _report = run("plan.xlsx", workbook_bytes(moved), small_plan)
    assert problems == []
    marked = Indicator.objects.filter(plan=small_plan, is_emission_goal=True)
    assert [i.identifier for i in marked] == ["ghg-new"]


def test_a_second_emission_goal_is_refused_on_its_row(small_plan):
    from tests.factories import make_indicator
    from vahti.indicators.models import Indicator

    goals = [(2020, 3000), (2030, 1500)]
    make_indicator(small_plan, "ghg", level="strategic", goals=goals, is_emission_goal=True)
    header = ["identifier", "name_fi", "unit_fi", "time_resolution", "level", "emission_goal"]
    sheets = {
        "indicators": [
            header,
            ["cars", "Autot", "kpl", "year", "operational", "yes"],
            ["trees", "Puut", "kpl", "year", "strategic", "maybe"],
        ]
    }
    problems, _report = run("plan.xlsx", workbook_bytes(sheets), small_plan)
    found = {(p.sheet, p.row, p.column): p.message for p in problems}
    assert found[("indicators", 2, "emission_goal")] == (
        "Only a strategic indicator can be the plan's emission goal."
    )
    assert found[("indicators", 3, "emission_goal")] == "“maybe” is not yes or no."
    assert not Indicator.objects.filter(identifier__in=["cars", "trees"]).exists()
    assert Indicator.objects.get(is_emission_goal=True).identifier == "ghg"
