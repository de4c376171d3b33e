"""The index follows the domain's signals inside the transaction of the change: a
publication and its search entries commit, or roll back, together; ``deferred()`` skips
the indexing for a rebuild."""

import pytest
from django.db import transaction

from tests.factories import make_action, make_indicator
from vahti.actions.models import Action, ProgressChange
from vahti.actions.services import action_update
from vahti.search import services
from vahti.search.models import SearchEntry

pytestmark = pytest.mark.django_db


class Refused(Exception):
    pass


def titles(plan) -> list[str]:
    """The Finnish titles in the plan's index."""
    entries = SearchEntry.objects.filter(plan=plan, language="fi", kind__in=["action", "indicator"])
    return sorted(entries.values_list("title", flat=True))


def test_a_publication_is_in_the_index_inside_its_own_transaction(plan):
    action = make_action(plan, "12", name_fi="Pyöräily lisääntyy")

    @transaction.atomic
    def publish_then_refuse():
        action_update(action, name_fi="Kaupunkipyörät")
        # Seen before the transaction ends: written by the publication, not after it.
        assert titles(plan) == ["12 Kaupunkipyörät"]
        raise Refused

    with pytest.raises(Refused):
        publish_then_refuse()
    # The outer transaction rolled back: the entry went with the publication.
    assert titles(plan) == ["12 Pyöräily lisääntyy"]
    assert Action.objects.get(pk=action.pk).name_fi == "Pyöräily lisääntyy"


def test_a_publication_whose_indexing_fails_is_rolled_back(plan, monkeypatch):
    action = make_action(plan, "12", name_fi="Pyöräily lisääntyy")
    published = action.live_revision_id
    action_update(action, name_fi="Kaupunkipyörät", publish=False)
    draft = Action.objects.get(pk=action.pk)
    changes = ProgressChange.objects.filter(action=action).count()

    def fail(action):
        raise Refused

    monkeypatch.setattr(services, "index_action", fail)
    with pytest.raises(Refused):
        draft.publish(draft.latest_revision)
    stored = Action.objects.get(pk=action.pk)
    assert stored.name_fi == "Pyöräily lisääntyy"
    assert stored.live_revision_id == published
    assert stored.has_unpublished_changes
    assert ProgressChange.objects.filter(action=action).count() == changes
    assert titles(plan) == ["12 Pyöräily lisääntyy"]


def test_deferred_indexing_waits_for_the_rebuild(plan):
    with services.deferred():
        make_action(plan, "12", name_fi="Pyöräily lisääntyy")
        make_indicator(plan, "m1", name_fi="Pyöräilyn osuus matkoista")
        assert titles(plan) == []
    assert titles(plan) == []
    services.rebuild_plan(plan)
    assert titles(plan) == ["12 Pyöräily lisääntyy", "Pyöräilyn osuus matkoista"]


def test_an_indicator_save_and_a_plan_language_reach_the_index(plan):
    indicator = make_indicator(plan, "m1", name_fi="Pyöräilyn osuus", name_en="Cycling share")
    assert titles(plan) == ["Pyöräilyn osuus"]
    english = SearchEntry.objects.filter(plan=plan, language="en", indicator=indicator)
    assert english.get().title == "Cycling share"
    plan.other_languages = ["sv"]
    plan.save()
    assert not english.exists()
    plan.other_languages = ["sv", "en"]
    plan.save()
    assert english.get().title == "Cycling share"
