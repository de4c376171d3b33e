"""action_create / action_update: what editors, the importer and the loader call."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import PersonFactory, make_action, task
from vahti.actions.models import Action, Task
from vahti.actions.services import action_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_updating_keeps_the_rows_of_unchanged_and_changed_children(plan, organization):
    person = PersonFactory(plan=plan)
    action = make_action(
        plan,
        "1",
        tasks=[task("Selvitys"), task("Kokeilu")],
        responsible_parties=[(organization, "primary")],
        contact_persons=[(person, "contact")],
    )
    tasks_before = {t.name_fi: t.pk for t in action.tasks.all()}
    party_before = action.responsible_parties.get().pk
    contact_before = action.contact_persons.get().pk

    action_update(
        action,
        tasks=[task("Kokeilu", "in_progress"), task("Uusi")],
        responsible_parties=[(organization, "collaborator")],
        contact_persons=[(person, "editor")],
    )

    tasks_after = {t.name_fi: (t.pk, t.state) for t in Task.objects.filter(action=action)}
    assert tasks_after["Kokeilu"] == (tasks_before["Kokeilu"], "in_progress")
    assert tasks_after["Uusi"][0] not in tasks_before.values()
    assert "Selvitys" not in tasks_after
    assert action.responsible_parties.get().pk == party_before
    assert action.responsible_parties.get().role == "collaborator"
    assert action.contact_persons.get().pk == contact_before


def test_a_child_named_by_an_id_the_action_does_not_have_is_refused(plan, other_plan):
    foreign = make_action(other_plan, "1", tasks=[task("Toisen tehtävä")]).tasks.get()
    action = make_action(plan, "1", tasks=[task("Oma")])
    with pytest.raises(ValidationError) as caught:
        action_update(action, tasks=[task("Kaapattu", pk=foreign.pk)])
    assert caught.value.message_dict == {
        "tasks[0]": [f"The action has no such item (id {foreign.pk}) to change."]
    }
    assert Task.objects.get(pk=foreign.pk).name_fi == "Toisen tehtävä"
    assert [t.name_fi for t in Action.objects.get(pk=action.pk).tasks.all()] == ["Oma"]


def test_a_failed_update_stores_nothing(plan):
    action = make_action(plan, "1", name_fi="Alkuperäinen", tasks=[task("Oma")])
    with pytest.raises(ValidationError):
        action_update(action, name_fi="Uusi", tasks=[task("Valmis", "completed")])
    stored = Action.objects.get(pk=action.pk)
    assert stored.name_fi == "Alkuperäinen"
    assert [t.name_fi for t in stored.tasks.all()] == ["Oma"]
    assert stored.revisions.count() == 1


def test_the_admin_knows_where_a_person_is_used_after_create_and_update(plan, organization):
    """Services index an action's references once per write, not on every row saved;
    the index must still say which actions name a person (the admin's "usage")."""
    from wagtail.models import ReferenceIndex

    first, second = PersonFactory(plan=plan), PersonFactory(plan=plan)
    action = make_action(plan, "1", contact_persons=[(first, "contact")])

    def users_of(person):
        return list(ReferenceIndex.get_references_to(person).values_list("object_id", flat=True))

    assert users_of(first) == [str(action.pk)]
    action_update(action, contact_persons=[(second, "contact")])
    assert users_of(first) == []
    assert users_of(second) == [str(action.pk)]
