"""The plan's settings page: its plan admin changes names, languages, time zone,
moderation, limits, feedback, the front page's introduction and the footer's links, in
one logged save that the public pages show at once; others cannot; bad input is a form
error; a language with texts is removed only when the admin says so."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from tests.editing.conftest import form_data
from tests.editing.conftest import in_english as as_user
from vahti.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def url(plan) -> str:
    return f"/admin/snippets/plans/plan/edit/{plan.pk}/"


def submit(client, plan, **values):
    page = client.get(url(plan))
    assert page.status_code == 200
    data = form_data(page.content.decode(), "w-editor-form")
    data.update({k: v if isinstance(v, list) else [v] for k, v in values.items()})
    return client.post(url(plan), data)


def test_the_plan_admin_changes_the_settings_and_the_change_is_logged(client, world):
    client = as_user(client, world, "plan_admin")
    answer = submit(
        client,
        world.plan,
        name_fi="Hiilineutraali Helsinki 2030",
        other_languages=["sv", "en"],
        time_zone="Europe/Stockholm",
        moderated="on",
        stale_after_days="120",
        update_target_days="60",
        **{
            "footer_links-TOTAL_FORMS": "1",
            "footer_links-0-label_fi": "Kaupungin ilmastosivut",
            "footer_links-0-url": "https://www.hel.fi/ilmasto",
            "footer_links-0-ORDER": "1",
            "footer_links-0-id": "",
            "footer_links-0-DELETE": "",
        },
    )
    assert answer.status_code == 302, answer.context["form"].errors
    plan = Plan.objects.get(pk=world.plan.pk)
    assert (plan.name_fi, plan.languages, plan.time_zone) == (
        "Hiilineutraali Helsinki 2030",
        ["fi", "sv", "en"],
        "Europe/Stockholm",
    )
    assert (plan.moderated, plan.stale_after_days, plan.update_target_days) == (True, 120, 60)
    assert [(link.label_fi, link.url) for link in plan.footer_links.all()] == [
        ("Kaupungin ilmastosivut", "https://www.hel.fi/ilmasto")
    ]
    entry = ModelLogEntry.objects.get(object_id=str(plan.pk), action="vahti.plan.settings")
    assert entry.user == world.users["plan_admin"]
    assert {"name_fi", "time_zone", "moderated", "footer_links"} <= set(entry.data["changed"])
    assert entry.data["before"]["time_zone"] == "Europe/Helsinki"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"time_zone": "Europe/Atlantis"}, "time_zone", "is not a time zone"),
        ({"stale_after_days": "30", "update_target_days": "60"}, "update_target_days", "cannot"),
        ({"name_fi": ""}, "name_fi", "required in the plan"),
        (
            {
                "footer_links-TOTAL_FORMS": "1",
                "footer_links-0-label_fi": "Linkki",
                "footer_links-0-url": "javascript:alert(1)",
                "footer_links-0-ORDER": "1",
            },
            None,
            "valid URL",
        ),
    ],
)
def test_wrong_input_is_a_form_error_and_nothing_is_saved(client, world, values, field, message):
    client = as_user(client, world, "plan_admin")
    answer = submit(client, world.plan, **values)
    assert answer.status_code == 200
    form = answer.context["form"]
    with translation.override("en"):
        if field:
            assert message in str(form.errors[field])
        else:
            assert message in str(form.formsets["footer_links"].errors)
    plan = Plan.objects.get(pk=world.plan.pk)
    assert (plan.time_zone, plan.stale_after_days, plan.footer_links.count()) == (
        "Europe/Helsinki",
        180,
        0,
    )


def test_a_language_with_texts_is_removed_only_when_the_admin_says_so(client, world):
    world.plan.other_languages = ["sv"]
    world.plan.save()
    world.action_126.name_sv = "Näringspolitik"
    world.action_126.save()
    client = as_user(client, world, "plan_admin")
    answer = submit(client, world.plan, other_languages=[])
    assert answer.status_code == 200
    with translation.override("en"):
        assert "have texts in Swedish" in str(answer.context["form"].errors["other_languages"])
    assert Plan.objects.get(pk=world.plan.pk).other_languages == ["sv"]
    answer = submit(client, world.plan, other_languages=[], hide_removed_languages="on")
    assert answer.status_code == 302
    assert Plan.objects.get(pk=world.plan.pk).other_languages == []
    world.action_126.refresh_from_db()
    assert world.action_126.name_sv == "Näringspolitik"  # kept, only no longer shown


def test_the_public_front_page_shows_the_new_introduction_and_footer_link(client, world):
    public = client.get("/").content.decode()  # cached at the current version
    assert "Uusi johdanto" not in public
    admin = as_user(client, world, "plan_admin")
    submit(
        admin,
        world.plan,
        intro_fi='{"blocks":[{"key":"a","text":"Uusi johdanto","type":"unstyled","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[],"data":{}}],"entityMap":{}}',
        **{
            "footer_links-TOTAL_FORMS": "1",
            "footer_links-0-label_fi": "Saavutettavuusseloste",
            "footer_links-0-url": "https://www.hel.fi/saavutettavuus",
            "footer_links-0-ORDER": "1",
        },
    )
    client.logout()
    public = client.get("/").content.decode()
    assert "Uusi johdanto" in public
    assert 'href="https://www.hel.fi/saavutettavuus"' in public


@pytest.mark.parametrize("who", ["other_plan_admin", "contact_126", "viewer"])
def test_others_cannot_read_or_change_the_plans_settings(client, world, who):
    client = as_user(client, world, who)
    assert client.get(url(world.plan)).status_code in (302, 403, 404)
    answer = client.post(url(world.plan), {"name_fi": "Kaapattu", "time_zone": "UTC"})
    assert answer.status_code in (302, 403, 404)
    assert Plan.objects.get(pk=world.plan.pk).name_fi != "Kaapattu"
    listing = client.get("/admin/snippets/plans/plan/")
    assert listing.status_code in (302, 403) or world.plan.name_fi not in listing.content.decode()


def test_no_one_creates_or_deletes_a_plan_here(client, world):
    client = as_user(client, world, "plan_admin")
    assert client.get("/admin/snippets/plans/plan/add/").status_code in (302, 403)
    assert client.post(f"/admin/snippets/plans/plan/delete/{world.plan.pk}/").status_code in (
        302,
        403,
    )
    assert Plan.objects.filter(pk=world.plan.pk).exists()
