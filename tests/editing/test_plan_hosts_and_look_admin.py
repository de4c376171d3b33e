"""“Plan host names” (installation admins) and “Appearance” (a plan's admins) in the
admin: the same services as the commands, audited, with clear form errors; nobody else
may use them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from tests.conftest import make_user
from tests.editing.conftest import form_data
from vahti.access.models import Role
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
HOSTS = "/admin/plans/hosts/"


def logged_in(client, username, **extra):
    user = make_user(username, **extra)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client, user


def text(response, selector="main") -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.select_one(selector).get_text(" ").split())


def refused(response) -> bool:
    """Wagtail answers a refusal with a redirect to the admin's home and a message."""
    return response.status_code == 403 or response.get("Location") == "/admin/"


def submit(client, url, **values):
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data.update({name: [value] for name, value in values.items()})
    return client.post(url, data, follow=True)


def test_an_installation_admin_adds_and_removes_a_plans_addresses(client, plan, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".example.fi"]
    client, root = logged_in(client, "root", is_superuser=True)
    answer = submit(
        client, HOSTS, plan=str(plan.pk), hostname="Ilmasto.example.fi", path_prefix="/hnh/"
    )
    assert "ilmasto.example.fi/hnh/ now serves “Hiilineutraali Helsinki 2035”." in text(answer)
    domain = PlanDomain.objects.get()
    assert (domain.plan, domain.hostname, domain.path_prefix) == (plan, "ilmasto.example.fi", "hnh")
    # A host ALLOWED_HOSTS would refuse is pointed out.
    answer = submit(client, HOSTS, plan=str(plan.pk), hostname="other.example.org")
    assert "Add other.example.org to ALLOWED_HOSTS" in text(answer)
    assert "Not in ALLOWED_HOSTS" in text(answer, "table.listing")
    # Bad input: a form error naming what is wrong, nothing saved.
    answer = submit(client, HOSTS, plan=str(plan.pk), hostname="x.example.fi", path_prefix="api")
    assert answer.status_code == 200
    assert "“api” cannot be a path prefix" in text(answer, "form:not([action])")
    assert PlanDomain.objects.count() == 2
    answer = client.post(f"{HOSTS}{domain.pk}/remove/", follow=True)
    assert "ilmasto.example.fi/hnh/ no longer serves" in text(answer)
    assert list(PlanDomain.objects.values_list("hostname", flat=True)) == ["other.example.org"]
    logged = ModelLogEntry.objects.filter(object_id=str(plan.pk)).values_list("action", "user")
    assert set(logged) >= {("vahti.plan.host_add", root.pk), ("vahti.plan.host_remove", root.pk)}


def test_nobody_else_sees_or_changes_the_addresses(client, plan):
    domain = PlanDomain.objects.create(plan=plan, hostname="ilmasto.example.fi")
    client, admin = logged_in(client, "admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    assert refused(client.get(HOSTS))
    assert refused(client.post(f"{HOSTS}{domain.pk}/remove/"))
    assert PlanDomain.objects.filter(pk=domain.pk).exists()


def test_a_plan_admin_sets_the_plans_appearance(client, plan, other_plan):
    client, admin = logged_in(client, "admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    url = f"/admin/plans/{plan.pk}/appearance/"
    assert client.get("/admin/plans/appearance/")["Location"] == url
    answer = submit(client, url, brand_color="#FFCC00", logo=str(image.pk))
    page = text(answer)
    assert "The appearance of “Hiilineutraali Helsinki 2035” was saved." in page
    # Adjusted, not refused: the measured contrasts are shown.
    assert "with black text on it (contrast 13.89:1)" in page
    assert "darkened to #8f7200 (contrast 4.59:1)" in page
    plan.refresh_from_db()
    assert (plan.brand_color, plan.logo) == ("#ffcc00", image)
    entry = ModelLogEntry.objects.get(action="vahti.plan.look")
    assert entry.data["after"]["brand_color"] == "#ffcc00" and entry.user_id == admin.pk
    answer = submit(client, url, brand_color="yellow")
    assert "“yellow” is not a colour" in text(answer, "form")
    plan.refresh_from_db()
    assert plan.brand_color == "#ffcc00"
    # Another plan's appearance is not theirs to see or set.
    other_url = f"/admin/plans/{other_plan.pk}/appearance/"
    assert refused(client.get(other_url))
    assert refused(client.post(other_url, {"brand_color": "#000000"}))
    other_plan.refresh_from_db()
    assert other_plan.brand_color == ""


@pytest.mark.parametrize("value", ["abc", "1.5", "99999999999999999999999"])
def test_an_image_that_is_not_an_image_id_is_a_form_error(client, plan, value):
    client, admin = logged_in(client, "admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    answer = submit(client, f"/admin/plans/{plan.pk}/appearance/", logo=value)
    assert answer.status_code == 200
    assert "Select a valid choice" in text(answer, "form")
    plan.refresh_from_db()
    assert plan.logo is None


def test_the_public_site_shows_the_plans_look(client, plan):
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    plan.logo = plan.favicon = plan.share_image = image
    plan.save()
    page = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    assert page.select_one("a.site-name img.site-logo")["alt"] == ""
    assert page.select_one('link[rel="icon"]')["href"].startswith("/media/")
    assert page.select_one('meta[property="og:image"]')["content"].startswith(
        "http://testserver/media/"
    )
    assert page.select_one('meta[name="twitter:image"]')


def test_an_installation_admin_chooses_the_plan_whose_appearance_to_set(client, plan, other_plan):
    client, _root = logged_in(client, "root", is_superuser=True)
    page = client.get("/admin/plans/appearance/")
    links = BeautifulSoup(page.content.decode(), "html.parser").select(
        'main li a[href$="/appearance/"]'
    )
    assert [link["href"] for link in links] == [
        f"/admin/plans/{plan.pk}/appearance/",
        f"/admin/plans/{other_plan.pk}/appearance/",
    ]
    assert client.get(f"/admin/plans/{other_plan.pk}/appearance/").status_code == 200
