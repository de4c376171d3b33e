"""What a bulk import stores beside its rows: the search finds the imported actions and
tasks, people are checked against each other and the plan's people without a query
each, and what an added person refers to is in Wagtail's reference index."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from tests.factories import OrganizationFactory, PersonFactory
from tests.workbook.test_import_queries import workbook
from tests.workbook.test_workbook import run, workbook_bytes
from vahti.orgs.models import Person
from vahti.plans.models import Plan
from vahti.search.selectors import search

pytestmark = pytest.mark.django_db

EMAIL_TAKEN = "The plan already has a person with this email address."


@pytest.fixture(autouse=True)
def in_english(english):
    """The messages in the language of the source strings."""


def hits(plan, query: str) -> list[tuple[str, str]]:
    """Each hit's kind and title (without the marks)."""
    results = search(plan, "fi", query)
    found = results.page.object_list if results.page else []
    return [(hit.kind, re.sub(r"</?mark>", "", str(hit.title))) for hit in found]


def test_the_search_finds_the_imported_actions_and_their_tasks():
    problems, report = run("haku.xlsx", workbook("haku", 12), None)
    assert problems == [] and report.applied
    plan = Plan.objects.get(identifier="haku")
    actions = [title for kind, title in hits(plan, "Toimenpide") if kind == "action"]
    assert sorted(actions) == sorted(f"{n} Toimenpide {n}" for n in range(1, 13))
    assert ("task", "Tehtävä 7a") in hits(plan, "Tehtävä 7a")


def people_workbook(plan, rows: list[list]) -> bytes:
    return workbook_bytes(
        {
            "plan": [["identifier", "primary_language", "name_fi"], [plan, "fi", "Ohjelma"]],
            "people": [["identifier", "first_name", "last_name", "email"], *rows],
        }
    )


def test_two_new_people_with_one_email_refuse_the_import_on_the_second_row():
    content = people_workbook(
        "kaksi",
        [
            ["anna", "Anna", "A", "anna@example.invalid"],
            ["anni", "Anni", "A", "ANNA@example.invalid"],
        ],
    )
    problems, report = run("kaksi.xlsx", content, None)
    assert [(p.sheet, p.row, p.message) for p in problems] == [("people", 3, EMAIL_TAKEN)]
    assert not report.applied and not Plan.objects.filter(identifier="kaksi").exists()


def test_a_new_person_with_the_email_of_one_in_the_plan_is_refused(plan):
    PersonFactory(plan=plan, identifier="mikko", email="mikko@example.invalid")
    content = people_workbook(plan.identifier, [["toinen", "Toinen", "M", "mikko@example.invalid"]])
    problems, report = run("plan.xlsx", content, plan)
    assert [(p.sheet, p.row, p.message) for p in problems] == [("people", 2, EMAIL_TAKEN)]
    assert not report.applied and not Person.objects.filter(identifier="toinen").exists()


def test_an_unchanged_person_is_left_alone_and_a_new_one_added(plan):
    mikko = PersonFactory(plan=plan, identifier="mikko", email="mikko@example.invalid")
    content = people_workbook(
        plan.identifier,
        [["mikko", mikko.first_name, mikko.last_name, "mikko@example.invalid"],
         ["liisa", "Liisa", "L", "liisa@example.invalid"]],
    )  # fmt: skip
    problems, report = run("plan.xlsx", content, plan)
    assert problems == [] and report.applied
    assert (report.counts["people"].created, report.counts["people"].unchanged) == (1, 1)


def test_an_added_person_is_in_the_reference_index_of_their_organisation(plan):
    city = OrganizationFactory(plan=plan, identifier="city")
    content = workbook_bytes(
        {
            "plan": [["identifier", "primary_language", "name_fi"], [plan.identifier, "fi", "O"]],
            "people": [
                ["identifier", "first_name", "last_name", "email", "organisation"],
                ["liisa", "Liisa", "L", "liisa@example.invalid", "city"],
            ],
        }
    )
    problems, report = run("plan.xlsx", content, plan)
    assert problems == [] and report.applied
    liisa = Person.objects.get(plan=plan, identifier="liisa")
    usage = ReferenceIndex.get_references_to(city)
    assert [(ref.object_id, ref.model_path) for ref in usage] == [(str(liisa.pk), "organization")]


def queries_for_people(identifier: str, size: int) -> int:
    rows = [[f"p{n}", "Etu", f"Suku{n}", f"p{n}@example.invalid"] for n in range(size)]
    with CaptureQueriesContext(connection) as captured:
        problems, report = run(f"{identifier}.xlsx", people_workbook(identifier, rows), None)
    assert problems == [] and report.counts["people"].created == size
    return len(captured)


def test_each_added_person_costs_the_same_three_queries():
    # Its savepoint, its row and the savepoint's release: no query to validate it.
    at_5, at_25 = queries_for_people("viisi", 5), queries_for_people("kaksikymmentaviisi", 25)
    assert (at_25 - at_5) / 20 == 3
