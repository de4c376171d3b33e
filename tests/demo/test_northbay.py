"""The second demo plan, Northbay's (a fictional city, English first), beside Helsinki's:
what it holds, where and in which languages it is served, and who logs in to it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.site.conftest import visible_text
from vahti.access import policies
from vahti.actions.models import Action, NewsPost
from vahti.demo.hosts import DEMO_HOST
from vahti.demo.loader import load_demo
from vahti.plans.models import Category, Plan

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 28)
HOST = {"HTTP_HOST": DEMO_HOST}
AT = "/northbay"  # its path prefix on the demo host


@pytest.fixture
def demo(settings):
    settings.ALLOWED_HOSTS = [DEMO_HOST, "testserver"]
    load_demo(today=TODAY)
    return Plan.objects.get(identifier="northbay2040")


def test_northbay_is_a_small_english_first_plan_of_a_fictional_city(demo):
    assert (demo.primary_language, demo.other_languages) == ("en", ["fi", "sv"])
    assert "fictional city" in demo.intro_en and "keksitty" in demo.intro_fi
    assert "påhittad" in demo.intro_sv
    # Made by plan_create: the default lists, in order after Helsinki's plan.
    assert demo.order > Plan.objects.get(identifier="hnh2035").order
    assert list(demo.action_statuses.values_list("identifier", flat=True)) == [
        "not_started",
        "on_time",
        "late",
        "completed",
        "cancelled",
    ]
    assert demo.action_schedules.count() == 3
    actions = Action.objects.filter(plan=demo)
    assert 8 <= actions.count() <= 12
    categories = Category.objects.filter(plan=demo)
    themes = categories.filter(parent=None)
    assert themes.count() == 3
    assert categories.filter(parent__in=themes).count() == 6
    assert all(org.abbreviation_en for org in demo.organizations.all())
    tasks = [task for action in actions for task in action.tasks.all()]
    assert any(task.is_late_on(TODAY) for task in tasks)
    assert any(task.state == "completed" for task in tasks)
    assert any(task.is_open and 0 <= (task.due_at - TODAY).days <= 14 for task in tasks)
    assert NewsPost.objects.filter(action__plan=demo).count() == 2
    # A dated status history: an action published first on an earlier day.
    bike_lanes = actions.get(identifier="M1")
    assert bike_lanes.revisions.count() == 3
    assert {indicator.values.count() > 0 for indicator in demo.indicators.all()} == {True}
    # Every text in the plan's three languages.
    for action in actions:
        assert action.name_en and action.name_fi and action.name_sv, action.identifier


def test_northbay_answers_under_its_prefix_in_english_finnish_and_swedish(client, demo):
    english = client.get(f"{AT}/", **HOST)
    assert "Northbay Climate Plan 2040" in english.content.decode()
    assert "fictional city" in visible_text(english.content.decode())
    finnish = client.get(f"{AT}/fi/", **HOST)
    assert "Pohjoislahden ilmasto-ohjelma 2040" in finnish.content.decode()
    swedish = client.get(f"{AT}/sv/actions/M1/", **HOST)
    assert "Ett nät av skyddade cykelfält" in visible_text(swedish.content.decode())
    action = client.get(f"{AT}/actions/M1/", **HOST)
    assert "A network of protected bike lanes" in visible_text(action.content.decode())
    page = client.get(f"{AT}/pages/about/", **HOST)
    assert "About the Northbay Climate Plan" in visible_text(page.content.decode())
    # Helsinki's plan stays at the host's root, and at every other host, in Finnish at
    # the bare address.
    assert "Hiilineutraali Helsinki 2035" in client.get("/", **HOST).content.decode()
    helsinki = client.get("/")
    assert "Hiilineutraali Helsinki 2035" in helsinki.content.decode()
    assert "Northbay" not in helsinki.content.decode()


def test_logins_of_both_plans_are_printed_and_each_sees_only_its_own(
    client, demo, tmp_path, settings, capsys
):
    settings.BASE_DIR = tmp_path
    call_command("demo_admin")
    call_command("demo_admin")  # twice: nothing changes
    output = capsys.readouterr().out
    password = (tmp_path / "var" / "demo-admin-password").read_text().strip()
    for username in ("mikko.martikka", "olivia.grant", "samuel.okafor"):
        assert output.count(f"user: {username}  password: {password}") == 2
    assert f"http://{DEMO_HOST}:8000/northbay/" in output
    assert f"http://{DEMO_HOST}:8000/admin/" in output

    assert client.login(username="olivia.grant", password=password)
    listing = client.get("/admin/snippets/actions/action/", **HOST)
    assert listing.status_code == 200
    text = visible_text(listing.content.decode(), "body")
    assert "Heat pumps for the city" in text or "Lämpöpumput kaupungin kouluihin" in text
    for helsinki_action in Action.objects.filter(plan__identifier="hnh2035")[:5]:
        assert helsinki_action.name_fi not in text

    admin = get_user_model().objects.get(username="olivia.grant")
    assert set(policies.actions_editable_by(admin).values_list("plan__identifier", flat=True)) == {
        "northbay2040"
    }
    contact = get_user_model().objects.get(username="samuel.okafor")
    editable = set(policies.actions_editable_by(contact).values_list("identifier", flat=True))
    assert editable == {"M1", "M2", "M3"}
