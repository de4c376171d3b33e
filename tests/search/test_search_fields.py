"""A plan's own text fields in search (issue 24): a word only in a public text or rich
text field finds its action; a word only in a non-public field finds nothing, also after
a field is made public or non-public."""

import pytest

from tests.factories import make_action
from tests.search.test_search import titles
from vahti.actions.models import ActionField
from vahti.actions.services import action_update
from vahti.search.services import rebuild_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def fielded(plan):
    partners = ActionField.objects.create(
        plan=plan, identifier="partners", kind="text", name_fi="Kumppanit"
    )
    story = ActionField.objects.create(
        plan=plan, identifier="story", kind="rich_text", name_fi="Tarina"
    )
    note = ActionField.objects.create(
        plan=plan, identifier="note", kind="text", name_fi="Huomio", is_public=False
    )
    action = make_action(plan, "7", name_fi="Aurinkosähkö")
    action_update(
        action,
        field_values=[
            {"field": partners, "text_fi": "Kumppanina Kaisaniemen energiaosuuskunta"},
            {"field": story, "rich_text_fi": "<p>Katoilla <b>paneelirivistöt</b></p>"},
            {"field": note, "text_fi": "Budjettiylitys salataan"},
        ],
    )
    return plan, note


def test_a_word_in_a_public_text_field_finds_the_action(fielded):
    plan, _note = fielded
    assert titles(plan, "energiaosuuskunta") == ["7 Aurinkosähkö"]
    assert titles(plan, "paneelirivistöt") == ["7 Aurinkosähkö"]  # rich text, as text
    rebuild_plan(plan)  # and when the plan's index is rebuilt
    assert titles(plan, "energiaosuuskunta") == ["7 Aurinkosähkö"]


def test_a_word_only_in_a_non_public_field_finds_nothing(fielded):
    plan, note = fielded
    assert titles(plan, "budjettiylitys") == []
    rebuild_plan(plan)
    assert titles(plan, "budjettiylitys") == []
    # Made public, the field's values are searched; made non-public again, no longer.
    note.is_public = True
    note.save()
    assert titles(plan, "budjettiylitys") == ["7 Aurinkosähkö"]
    note.is_public = False
    note.save()
    assert titles(plan, "budjettiylitys") == []
