"""Wagtail's site history report, for installation admins, lists the log entries of the
plan they work in (vahti.editing.scoping.scope_the_audit_log); under "All plans", all."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.log_actions import log

from tests.editing.leak_world import MARKER, build_leak_world
from vahti.access import scopes
from vahti.content.services import add_page
from vahti.plans.models import Category

pytestmark = pytest.mark.django_db
SITE_HISTORY = "/admin/reports/site-history/"


def test_the_site_history_is_of_the_working_plan(client):
    world = build_leak_world()
    category = Category.objects.get(plan=world.marked_plan, identifier="qzleak-cat")
    log(category, "wagtail.edit")
    page = add_page(world.page, slug="qzleak-sivu", heading_fi="Qzleak sivu Salaisuus")
    log(page, "wagtail.edit")
    log(world.marked_plan, "vahti.plan.settings")
    root = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-long-1")
    client.force_login(root)

    scopes.choose_working_plan(root, world.other_plan)
    text = client.get(SITE_HISTORY).content.decode().lower()
    assert MARKER not in text

    scopes.choose_working_plan(root, world.marked_plan)
    text = client.get(SITE_HISTORY).content.decode().lower()
    assert "qzleak teema salaisuus" in text  # the category
    assert "qzleak sivu salaisuus" in text  # the page
    assert "qzleak kaupunki salaisuus" in text  # the plan itself

    scopes.choose_working_plan(root, None)  # all plans
    assert "qzleak teema salaisuus" in client.get(SITE_HISTORY).content.decode().lower()
