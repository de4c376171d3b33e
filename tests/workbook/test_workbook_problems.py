"""The importer's promise (docs/workbook.md): the whole workbook is checked first and
every problem is reported with its sheet, row and column, in one pass; nothing is
written unless there are none. And the counts it reports are the truth."""

import datetime
import io
import time
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from tests.workbook.test_workbook import fingerprint, run, workbook_bytes
from vahti.actions.models import Action, Task
from vahti.plans.models import Plan
from vahti.workbook import reader


@pytest.fixture(autouse=True)
def in_english(english):
    """The messages in the language of the source strings."""


def where(problems) -> set[tuple]:
    return {(p.sheet, p.row, p.column) for p in problems}


TASK_HEADER = ["action", "name_fi", "state", "due_at", "completed_at"]


def test_every_problem_of_every_row_is_listed_in_one_pass(small_plan):
    before = fingerprint(small_plan)
    content = workbook_bytes(
        {
            "actions": [
                ["identifier", "name_fi", "status", "categories", "start_date"],
                # Three problems in one row.
                ["1", "Pyöräily", "valmis", "theme/nope", "31.12.2025"],
                ["2", "Kaava", None, None, None],  # its name is a formula (below)
            ],
            "tasks": [
                TASK_HEADER,
                # A task of the failing action 1: its own problems are found too.
                ["1", "Baana", "valmis", "2027-01-01", None],
                # No name, a bad state and a bad date: all three.
                ["1", None, "kesken", "ensi vuonna", None],
            ],
            "people": [
                ["identifier", "first_name", "last_name", "organisation"],
                ["p", "Anna", "Virtanen", "nope"],
            ],
        },
        formulas=[("actions", "B3")],
    )
    problems, report = run("plan.xlsx", content, small_plan)
    assert where(problems) == {
        ("people", 2, "organisation"),
        ("actions", 2, "status"),
        ("actions", 2, "categories"),
        ("actions", 2, "start_date"),
        ("actions", 3, "name_fi"),
        ("tasks", 2, "state"),
        ("tasks", 3, "name_fi"),
        ("tasks", 3, "state"),
        ("tasks", 3, "due_at"),
    }, [str(p) for p in problems]
    assert len(problems) == 9  # each once: a formula cell is not also "required"
    formula = next(p for p in problems if (p.sheet, p.row) == ("actions", 3))
    assert "holds a formula" in formula.message
    assert not report.applied
    assert fingerprint(small_plan) == before


def test_a_task_row_given_twice_is_refused_naming_both_rows(small_plan):
    before = fingerprint(small_plan)
    content = workbook_bytes(
        {
            "tasks": [
                TASK_HEADER,
                ["1", "Baana", "not_started", "2027-01-01", None],
                ["1", "Uusi", "not_started", "2027-01-01", None],
                ["1", "Baana", "in_progress", "2027-06-30", None],
            ]
        }
    )
    problems, report = run("plan.xlsx", content, small_plan)
    assert [(p.sheet, p.row, p.column, p.message) for p in problems] == [
        ("tasks", 4, "name_fi", "“1 Baana” appears twice (also on row 2).")
    ]
    assert not report.applied
    assert fingerprint(small_plan) == before
    assert Task.objects.filter(name_fi="Baana").count() == 1


def test_tasks_are_counted_by_what_happens_to_each(small_plan):
    # Action 1 has the task Baana. The action's name changes; Baana stays as it is, and
    # a task is added.
    content = workbook_bytes(
        {
            "actions": [["identifier", "name_fi"], ["1", "Pyöräily ja kävely"]],
            "tasks": [
                TASK_HEADER,
                ["1", "Baana", "not_started", datetime.date(2026, 1, 31), None],
                ["1", "Uusi", "not_started", "2027-01-01", None],
            ],
        }
    )
    problems, report = run("plan.xlsx", content, small_plan)
    assert problems == [] and report.applied
    tasks = report.counts["tasks"]
    assert (tasks.created, tasks.updated, tasks.unchanged) == (1, 0, 1)
    # Only Baana's state changes (its action gets a new revision for it).
    content = workbook_bytes(
        {
            "tasks": [
                TASK_HEADER,
                ["1", "Baana", "in_progress", datetime.date(2026, 1, 31), None],
                ["1", "Uusi", "not_started", "2027-01-01", None],
            ],
        }
    )
    problems, report = run("plan.xlsx", content, small_plan)
    assert problems == []
    tasks = report.counts["tasks"]
    assert (tasks.created, tasks.updated, tasks.unchanged) == (0, 1, 1)


def test_a_failed_check_prints_no_counts(small_plan, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        workbook_bytes(
            {
                "actions": [
                    ["identifier", "name_fi", "status"],
                    ["9", "Uusi", None],
                    ["1", "x", "nope"],
                ]
            }
        )
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(bad), "--plan", "hnh", stdout=out, stderr=err)
    assert "“nope” is not in the plan." in err.getvalue()
    assert "added" not in out.getvalue() and "changed" not in out.getvalue()


def test_merged_cells_are_named_as_not_supported(small_plan):
    book = Workbook()
    sheet = book.active
    sheet.title = "tasks"
    for row in (
        TASK_HEADER,
        ["1", "Baana", "not_started", "2027-01-01"],
        [None, "Toinen", "not_started", "2027-01-01"],
    ):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    buffer = io.BytesIO()
    book.save(buffer)
    before = fingerprint(small_plan)
    problems, _report = run("plan.xlsx", buffer.getvalue(), small_plan)
    assert [(p.sheet, p.row, p.column) for p in problems] == [("tasks", 2, "action")]
    assert problems[0].message == reader.MERGED_MESSAGE % {"cells": "A2:A3"}
    assert "None" not in str(problems[0])
    assert fingerprint(small_plan) == before


def dense_workbook(cells: int) -> bytes:
    """A small file whose tasks sheet holds ``cells`` empty cells: a few kB that take a
    spreadsheet reader minutes."""
    book = Workbook()
    book.active.title = "tasks"
    book.active.append(TASK_HEADER)
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                row = b"<row>" + b"<c/>" * 1000 + b"</row>"
                head, tail = data.split(b"</sheetData>")
                head = head.replace(b'<dimension ref="A1:E1"/>', b"")
                data = head + row * (cells // 1000) + b"</sheetData>" + tail
            archive.writestr(info.filename, data)
    return out.getvalue()


def bomb(megabytes: int) -> bytes:
    """A zip of a few hundred kB that unpacks to ``megabytes``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (megabytes * 1024 * 1024))
    return out.getvalue()


def test_a_zip_bomb_is_refused_at_once_from_what_it_really_unpacks_to(small_plan):
    before = fingerprint(small_plan)
    started = time.monotonic()
    problems, _report = run("plan.xlsx", dense_workbook(3_000_000), small_plan)
    assert time.monotonic() - started < 5
    assert [p.message for p in problems] == [reader.TOO_MANY_PARTS_MESSAGE]

    content = bomb(reader.MAX_UNPACKED_BYTES // 1024 // 1024 + 1)
    # Declared small: the real size counts.
    declared = bytearray(content)
    central = content.rindex(b"PK\x01\x02", 0, content.rindex(b"xl/worksheets/sheet1.xml"))
    declared[central + 24 : central + 28] = (1000).to_bytes(4, "little")
    for case in (content, bytes(declared)):
        started = time.monotonic()
        problems, _report = run("plan.xlsx", case, small_plan)
        assert time.monotonic() - started < 5
        assert len(problems) == 1 and problems[0].message in (
            reader.UNPACKS_TOO_LARGE_MESSAGE % {"max": reader.MAX_UNPACKED_BYTES // 1024 // 1024},
            str(reader.not_a_spreadsheet().problems[0].message),
        ), [str(p) for p in problems]
    assert fingerprint(small_plan) == before


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_new_plan_in_english_or_swedish_needs_no_finnish_name(db, language):
    content = workbook_bytes(
        {
            "plan": [
                ["identifier", "primary_language", f"name_{language}"],
                ["carbon", language, "Carbon neutral 2035"],
            ],
            "actions": [["identifier", f"name_{language}"], ["1", "Cycling"]],
        }
    )
    problems, _report = run("plan.xlsx", content, None)
    assert problems == [], [str(p) for p in problems]
    plan = Plan.objects.get(identifier="carbon")
    assert plan.primary_language == language
    assert getattr(Action.objects.get(plan=plan), f"name_{language}") == "Cycling"
    # The Finnish name is still required of a Finnish plan.
    content = workbook_bytes(
        {"plan": [["identifier", "primary_language", "name_en"], ["fin", "fi", "Finnish"]]}
    )
    problems, _report = run("plan.xlsx", content, None)
    assert where(problems) == {("plan", 2, "name_fi")}


def test_huge_indicator_numbers_are_named_on_their_rows(small_plan):
    """The sheets take any float; a value, goal or allowed range beyond the indicators'
    limit is refused on its row, and nothing is written."""
    from tests.factories import make_indicator
    from vahti.indicators.models import IndicatorGoal, IndicatorValue

    make_indicator(small_plan, "ghg", values=[(2020, 3000)])
    before = fingerprint(small_plan)
    sheets = {
        "indicators": [
            ["identifier", "name_fi", "unit_fi", "time_resolution", "maximum_value"],
            ["cars", "Autot", "kpl", "year", 1e300],
        ],
        "goals": [["indicator", "date", "value"], ["ghg", "2030-12-31", -1e300]],
        "values": [["indicator", "date", "value"], ["ghg", "2021-12-31", 1e300]],
    }
    problems, report = run("plan.xlsx", workbook_bytes(sheets), small_plan)
    found = {(p.sheet, p.row, p.column): p.message for p in problems}
    limit = "between −1,000,000,000,000,000 and 1,000,000,000,000,000"
    assert "1e+300 is too large" in found[("indicators", 2, "maximum_value")]
    assert "-1e+300 is too large" in found[("goals", 2, "value")]
    assert limit in found[("values", 2, "value")]
    assert not report.applied and fingerprint(small_plan) == before
    assert not IndicatorGoal.objects.exists()
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [3000]
