"""The import's cost per action does not grow with the plan (issue 22): each added
action, with its tasks, history, news post, contact person, organisation, category and
related action, costs the same few queries at 10 actions as at 100, and the whole
import at most 20 queries per action."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.workbook.test_workbook import run, workbook_bytes
from vahti.actions.models import Action, ActionFieldValue, ProgressChange, Task

pytestmark = pytest.mark.django_db


def workbook(identifier: str, size: int, fields: int = 3) -> bytes:
    actions = [["identifier", "name_fi", "status", "categories", "primary_organisation",
                "contact_persons", "related_actions", "updated_at"]]  # fmt: skip
    tasks = [["action", "name_fi", "state", "due_at", "completed_at"]]
    history = [["action", "date", "status", "phase"]]
    news = [["action", "published_on", "title_fi", "body_fi"]]
    # The plan's own fields (issue 24): a number, a choice and a text, repeated.
    kinds = ("number", "choice", "text")
    field_rows = [["identifier", "kind", "name_fi"]]
    field_rows += [[f"f{i}", kinds[i % 3], f"Kenttä {i}"] for i in range(fields)]
    options = [["field", "identifier", "name_fi"]]
    options += [[f"f{i}", "a", "A"] for i in range(fields) if kinds[i % 3] == "choice"]
    values = [["action", "field", "value", "text_fi"]]
    for n in range(1, size + 1):
        for i in range(fields):
            cell = {"number": (n * 1000, None), "choice": ("a", None), "text": (None, "Teksti")}
            values.append([str(n), f"f{i}", *cell[kinds[i % 3]]])
        other = str(n % size + 1)
        actions.append([str(n), f"Toimenpide {n}", "late", "theme/energy", "city",
                        f"person{n % 3}", other, datetime.date(2025, 11, 20)])  # fmt: skip
        tasks.append([str(n), f"Tehtävä {n}a", "completed", "2025-01-31", "2025-01-20"])
        tasks.append([str(n), f"Tehtävä {n}b", "not_started", "2027-01-31", None])
        history.append([str(n), "2024-02-10", "on_time", "planning"])
        news.append([str(n), "2025-05-02", f"Uutinen {n}", "<p>Hyvä.</p>"])
    return workbook_bytes(
        {
            "plan": [["identifier", "primary_language", "name_fi"], [identifier, "fi", "Ohjelma"]],
            "lists": [
                ["kind", "identifier", "name_fi", "is_primary"],
                ["status", "on_time", "Ajallaan", None],
                ["status", "late", "Myöhässä", None],
                ["phase", "planning", "Suunnittelu", None],
                ["category_type", "theme", "Teema", True],
            ],
            "categories": [["type", "identifier", "name_fi"], ["theme", "energy", "Energia"]],
            "organisations": [["identifier", "name_fi"], ["city", "Kaupunki"]],
            "people": [["identifier", "first_name", "last_name", "email"]]
            + [[f"person{i}", "Etu", f"Suku{i}", f"p{i}@example.invalid"] for i in range(3)],
            "fields": field_rows,
            "field_options": options,
            "actions": actions,
            "field_values": values,
            "tasks": tasks,
            "history": history,
            "news": news,
        }
    )


def queries_to_import(identifier: str, size: int, fields: int = 3) -> int:
    content = workbook(identifier, size, fields)
    with CaptureQueriesContext(connection) as captured:
        problems, report = run(f"{identifier}.xlsx", content, None)
    assert problems == []
    assert report.applied and report.counts["actions"].created == size
    return len(captured)


def test_each_added_action_costs_the_same_few_queries_at_10_as_at_100_actions():
    at_10 = queries_to_import("ten", 10)
    at_20 = queries_to_import("twenty", 20)
    at_100 = queries_to_import("hundred", 100)
    # What one more action costs: the same few queries in a small and a larger plan
    # (give or take one: SQLite takes a bulk insert in batches of a few hundred values).
    small, large = (at_20 - at_10) / 10, (at_100 - at_20) / 80
    # (Two now: the savepoint its row is checked in, and its release; its rows, tasks,
    # links, revisions and log entries are written in statements shared by all.)
    assert small <= 3 and abs(large - small) <= 1
    # The whole import, its fixed part (the lists, the plan, the plan's own fields, their
    # options, the search index) included: at most 20 per action from 20 actions on (at
    # 10 the fixed part, which the plan's own fields' sheets made 221 queries, weighs
    # more), and the fixed part shared out at 100.
    assert at_20 <= 20 * 20 and at_100 <= 20 * 100
    # The plan's own fields cost a few fixed queries each (a field and its options are
    # snippets in Wagtail's reference index): 412 at 100 actions with 3 fields.
    assert at_100 <= 4.5 * 100


def test_the_bulk_import_stores_what_publishing_each_action_would():
    queries_to_import("ten", 10)
    action = Action.objects.get(plan__identifier="ten", identifier="3")
    assert action.live and not action.has_unpublished_changes
    assert action.updated_at.date() == datetime.date(2025, 11, 20)
    assert [t.name_fi for t in Task.objects.filter(action=action)] == ["Tehtävä 3a", "Tehtävä 3b"]
    assert [a.identifier for a in action.related_actions.all()] == ["4"]
    assert action.contact_persons.get().person.identifier == "person0"
    # One revision per publication (the history row's, then the current one), the
    # latest live, and the progress history on its dates.
    revisions = action.revisions.order_by("pk")
    assert revisions.count() == 2
    assert action.live_revision == action.latest_revision == revisions.last()
    assert revisions.first().content["updated_at"].startswith("2024-02-10")
    assert [
        (change.changed_at.date(), change.status.identifier)
        for change in ProgressChange.objects.filter(action=action).order_by("changed_at")
    ] == [(datetime.date(2024, 2, 10), "on_time"), (datetime.date(2025, 11, 20), "late")]
    # Rebuilt from its revision the action is the one stored (as the admin reads it).
    assert action.live_revision.as_object().tasks.count() == 2


def test_an_added_action_costs_no_more_with_twenty_fields_than_with_three():
    # Each field's own rows (its definition, its option) cost the same at any size; the
    # values are inserted together, in batches (SQLite takes some 80 values per insert,
    # so the 200 more values of the 10 more actions take a few more statements).
    few = queries_to_import("few-20", 20, 3) - queries_to_import("few-10", 10, 3)
    many = queries_to_import("many-20", 20, 20) - queries_to_import("many-10", 10, 20)
    assert few <= 30 and many - few <= 5
    assert ActionFieldValue.objects.filter(action__plan__identifier="many-20").count() == 400
