"""An import publishes what it changes, so it must not go round what the action editor
keeps: a contact person's draft waiting for moderation, and an admin's lock. A tester
found both silently overwritten (the draft only in the history, the locked action
changed and published)."""

import pytest
from django.utils import timezone

from tests.conftest import make_user
from tests.factories import make_action, task
from tests.workbook.test_workbook import fingerprint, run, workbook_bytes
from vahti.access.models import Role
from vahti.actions.models import Action
from vahti.actions.services import action_update


@pytest.fixture(autouse=True)
def in_english(english):
    """The messages in the language of the source strings."""


@pytest.fixture
def northbay(small_plan):
    """Action 1 with Samuel's draft, 2 as published, 3 locked by the admin Anna; Olivia
    administers the plan and imports."""
    people = {name: make_user(name) for name in ("samuel", "anna", "olivia")}
    people["anna"].first_name, people["anna"].last_name = "Anna", "Admin"
    people["anna"].save()
    for name in ("anna", "olivia"):
        Role.objects.create(user=people[name], plan=small_plan, kind="plan_admin")
    action_update(
        Action.objects.get(plan=small_plan, identifier="1"),
        user=people["samuel"],
        publish=False,
        description_fi="<p>Samuelin luonnos</p>",
    )
    make_action(small_plan, "2", name_fi="Kaava")
    make_action(small_plan, "3", name_fi="Lämpö", tasks=[task("Selvitys")])
    Action.objects.filter(plan=small_plan, identifier="3").update(
        locked=True, locked_by=people["anna"], locked_at=timezone.now()
    )
    return small_plan, people


def action(plan, identifier) -> Action:
    return Action.objects.get(plan=plan, identifier=identifier)


def names(rows) -> bytes:
    return workbook_bytes({"actions": [["identifier", "name_fi", "name_en"], *rows]})


CHANGED = [["1", "Pyöräily", "Cycling"], ["2", "Kaava", "Zoning"], ["3", "Lämpö", "Heat"]]


@pytest.mark.parametrize("dry_run", [True, False])
def test_changing_a_locked_action_or_one_with_a_draft_refuses_the_import(northbay, dry_run):
    plan, people = northbay
    before = fingerprint(plan)
    problems, report = run(
        "plan.xlsx", names(CHANGED), plan, user=people["olivia"], dry_run=dry_run
    )
    assert [(p.sheet, p.row, p.column, p.message) for p in problems] == [
        (
            "actions",
            2,
            None,
            "Action 1 has changes saved as a draft that are not published: the import would "
            "replace them. Publish the draft, or go back to the published version, in the "
            "action editor first.",
        ),
        (
            "actions",
            4,
            None,
            "Action 3 is locked by Anna Admin: it cannot be changed until it is unlocked.",
        ),
    ]
    assert not report.applied
    assert fingerprint(plan) == before  # action 2's change is not kept either
    first = action(plan, "1")
    assert first.has_unpublished_changes
    assert first.get_latest_revision_as_object().description_fi == "<p>Samuelin luonnos</p>"
    assert action(plan, "3").name_en == "" and action(plan, "3").locked


def test_rows_that_change_nothing_on_such_actions_are_imported(northbay):
    plan, people = northbay
    rows = [["1", "Pyöräily", ""], ["2", "Kaava", "Zoning"], ["3", "Lämpö", ""]]
    problems, report = run("plan.xlsx", names(rows), plan, user=people["olivia"])
    assert problems == [] and report.applied
    assert action(plan, "2").name_en == "Zoning"
    assert action(plan, "1").get_latest_revision_as_object().description_fi == (
        "<p>Samuelin luonnos</p>"
    )
    assert action(plan, "3").locked


def test_whoever_locked_the_action_imports_into_it(northbay):
    plan, people = northbay
    problems, report = run("plan.xlsx", names([["3", "Lämpö", "Heat"]]), plan, user=people["anna"])
    assert problems == [] and report.applied
    assert action(plan, "3").name_en == "Heat"


def test_a_locked_actions_tasks_are_refused_on_the_tasks_row(northbay):
    plan, people = northbay
    content = workbook_bytes(
        {
            "tasks": [
                ["action", "name_fi", "state", "due_at", "completed_at"],
                ["3", "Selvitys", "completed", "2030-01-01", "2025-06-01"],
            ]
        }
    )
    problems, report = run("plan.xlsx", content, plan, user=people["olivia"])
    assert [(p.sheet, p.row, p.message) for p in problems] == [
        (
            "tasks",
            2,
            "Action 3 is locked by Anna Admin: it cannot be changed until it is unlocked.",
        )
    ]
    assert not report.applied
    assert action(plan, "3").tasks.get().state == "not_started"


def test_related_actions_of_a_locked_action_are_refused(northbay):
    plan, people = northbay
    content = workbook_bytes(
        {"actions": [["identifier", "name_fi", "related_actions"], ["3", "Lämpö", "2"]]}
    )
    problems, report = run("plan.xlsx", content, plan, user=people["olivia"])
    assert not report.applied
    assert [(p.sheet, p.row) for p in problems] == [("actions", 2)]
    assert "Action 3 is locked by Anna Admin" in problems[0].message
    assert not action(plan, "3").related_actions.exists()


def test_an_action_never_published_is_not_published_by_the_import(northbay):
    plan, people = northbay
    Action.objects.filter(plan=plan, identifier="2").update(
        live=False, has_unpublished_changes=True
    )
    problems, report = run("plan.xlsx", names(CHANGED[1:2]), plan, user=people["olivia"])
    assert not report.applied
    assert [p.message for p in problems] == [
        "Action 2 has not been published yet: the import would publish it. Publish it in the "
        "action editor first."
    ]
    assert not action(plan, "2").live
