"""Content pages: served per plan and language, linked from the footer, edited in Wagtail
by the plan's admins only, found by search."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from tests.conftest import make_user
from tests.editing.conftest import form_data
from vahti.access.models import Role
from vahti.content.models import ContentPage, PlanPages
from vahti.content.services import add_page, plan_pages
from vahti.search.selectors import search

pytestmark = pytest.mark.django_db


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def about(plan):
    return add_page(
        plan_pages(plan),
        slug="tietoa",
        heading_fi="Tietoa ohjelmasta",
        heading_en="About the plan",
        lead_fi="Ohjelman tausta.",
        body_fi="<p>Päästöt puolitetaan.</p><script>alert(1)</script>",
        show_in_menus=True,
    )


def test_a_page_is_served_in_each_language_with_fallback_marked(client, plan, about):
    finnish = html(client.get("/pages/tietoa/"))
    assert finnish.h1.get_text() == "Tietoa ohjelmasta"
    assert finnish.select_one(".rich-text").decode_contents() == "<p>Päästöt puolitetaan.</p>"
    english = html(client.get("/en/pages/tietoa/"))
    assert english.h1.get_text() == "About the plan" and not english.h1.get("lang")
    assert english.select_one(".lead")["lang"] == "fi"
    swedish = html(client.get("/sv/pages/tietoa/"))
    assert swedish.h1["lang"] == "fi" and swedish.html["lang"] == "sv"


def test_the_footer_links_the_pages_in_tree_order(client, plan, about):
    add_page(
        plan_pages(plan),
        slug="saavutettavuus",
        heading_fi="Saavutettavuusseloste",
        show_in_menus=True,
    )
    add_page(plan_pages(plan), slug="piilossa", heading_fi="Ei alatunnisteessa")
    footer = html(client.get("/actions/")).select(".footer-nav a")
    assert [(a.get_text(), a["href"]) for a in footer] == [
        ("Tietoa ohjelmasta", "/pages/tietoa/"),
        ("Saavutettavuusseloste", "/pages/saavutettavuus/"),
        ("Avoin data", "/data/"),  # on every site, after the plan's pages
        ("Palaute", "/feedback/"),
    ]
    current = html(client.get("/pages/tietoa/")).select_one(".footer-nav a[aria-current=page]")
    assert current.get_text() == "Tietoa ohjelmasta"


def test_drafts_unpublished_and_restricted_pages_stay_private(client, plan, about):
    about.heading_fi = "Luonnos"
    about.save_revision()
    assert html(client.get("/pages/tietoa/")).h1.get_text() == "Tietoa ohjelmasta"
    about.get_latest_revision().publish()
    assert html(client.get("/pages/tietoa/")).h1.get_text() == "Luonnos"
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert client.get("/pages/tietoa/").status_code == 404
    assert [a["href"] for a in html(client.get("/")).select(".footer-nav a")] == [
        "/data/",
        "/feedback/",
    ]
    PageViewRestriction.objects.all().delete()
    ContentPage.objects.get(pk=about.pk).unpublish()
    assert client.get("/pages/tietoa/").status_code == 404


def test_another_plans_page_is_not_found(client, plan, other_plan):
    add_page(plan_pages(other_plan), slug="muu", heading_fi="Toisen kaupungin sivu")
    assert ContentPage.objects.get(slug="muu").plan == other_plan
    assert client.get("/pages/muu/").status_code == 404


def test_search_finds_published_pages_only(plan, about):
    (hit,) = search(plan, "fi", "päästöistä").page.object_list
    assert hit.kind == "page" and hit.url == "/pages/tietoa/"
    about.body_fi = "<p>Luonnoksen sana: zeppeliini.</p>"
    about.save_revision()
    assert not search(plan, "fi", "zeppeliini").total
    ContentPage.objects.get(pk=about.pk).unpublish()
    assert not search(plan, "fi", "päästöistä").total


def test_only_the_plans_admins_edit_its_pages(client, plan, other_plan, about):
    theirs = add_page(plan_pages(other_plan), slug="muu", heading_fi="Muu")
    admin, viewer = make_user("admin"), make_user("viewer")
    role = Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    Role.objects.create(user=viewer, plan=plan, kind="viewer")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code == 200
    # Another plan's page is not found in the admin (vahti.editing.scoping).
    assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code == 404
    response = client.post(
        f"/admin/pages/{theirs.pk}/edit/",
        {"heading_fi": "Kaapattu", "slug": "muu", "action-publish": "publish"},
    )
    assert response.status_code == 404
    assert ContentPage.objects.get(pk=theirs.pk).heading_fi == "Muu"
    client.force_login(viewer)
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code == 302
    role.delete()
    client.force_login(admin)
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code == 302


def test_a_plan_admin_publishes_a_page_in_the_admin(client, plan, about):
    admin = make_user("admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    client.force_login(admin)
    edit_url = f"/admin/pages/{about.pk}/edit/"
    data = form_data(client.get(edit_url).content.decode(), "page-edit-form")
    link = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
    block = {
        "key": "a", "text": "Teksti linkki", "type": "unstyled", "depth": 0,
        "inlineStyleRanges": [], "entityRanges": [{"offset": 7, "length": 6, "key": 0}],
        "data": {},
    }  # fmt: skip
    data |= {
        "heading_fi": ["Tietoa uudesta ohjelmasta"],
        "heading_en": ["About the new plan"],
        "lead_fi": ["Uusi johdanto."],
        "body_fi": [json.dumps({"blocks": [block], "entityMap": {"0": link}})],
        "action-publish": ["publish"],
    }
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(pk=about.pk)
    assert page.title == "Tietoa uudesta ohjelmasta"
    assert "Teksti" in page.body_fi and "javascript" not in page.body_fi
    assert html(client.get("/en/pages/tietoa/")).h1.get_text() == "About the new plan"
    assert search(plan, "fi", "johdanto").total == 1


def test_a_plans_first_admin_gets_its_pages_and_may_add_one(client, plan):
    assert not PlanPages.objects.filter(plan=plan).exists()
    admin = make_user("admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    root = PlanPages.objects.get(plan=plan)
    client.force_login(admin)
    response = client.get(f"/admin/pages/add/content/contentpage/{root.pk}/")
    assert response.status_code == 200
    # The page explorer opens at the plan's pages, the part of the tree they may edit.
    assert client.get("/admin/pages/").url == f"/admin/pages/{root.pk}/"


def test_a_page_address_in_any_alphabet_works(client, plan):
    add_page(plan_pages(plan), slug="päästöt", heading_fi="Päästöt", show_in_menus=True)
    footer = html(client.get("/")).select_one(".footer-nav a")
    assert footer["href"] == "/pages/p%C3%A4%C3%A4st%C3%B6t/"
    assert html(client.get(footer["href"])).h1.get_text() == "Päästöt"


def test_two_pages_of_a_plan_cannot_share_an_address(plan, about, english):
    with pytest.raises(ValidationError) as error:
        add_page(about, slug="tietoa", heading_fi="Alasivu samalla osoitteella")
    assert "/pages/<slug>/ must be unique in the plan" in str(error.value)


def test_the_plans_pages_cannot_be_given_to_another_plan(client, plan, about):
    admin = make_user("admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    client.force_login(admin)
    root = PlanPages.objects.get(plan=plan)
    form = html(client.get(f"/admin/pages/{root.pk}/edit/"))
    assert form.select_one("[name=title]") is not None
    assert form.select_one("[name=plan]") is None


def test_a_view_restriction_takes_the_page_out_of_search(plan, about):
    assert search(plan, "fi", "päästöistä").total == 1
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert search(plan, "fi", "päästöistä").total == 0
    restriction.delete()
    assert search(plan, "fi", "päästöistä").total == 1


def test_a_moved_page_belongs_to_its_new_plan(plan, other_plan, about):
    about.move(plan_pages(other_plan), pos="last-child")
    moved = ContentPage.objects.get(pk=about.pk)
    assert moved.plan == other_plan
    assert search(plan, "fi", "päästöistä").total == 0
    assert search(other_plan, "fi", "päästöistä").total == 1


def test_the_editors_group_follows_the_plan_through_a_new_identifier(plan, about):
    admin = make_user("admin")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    plan.identifier = "uusi"
    plan.save()
    role = Role.objects.create(user=make_user("second"), plan=plan, kind="plan_admin")
    group = Group.objects.get(user=admin)
    assert set(group.user_set.all()) == {admin, role.user}
    assert Group.objects.filter(name__startswith="Plan ").count() == 1


def test_the_plans_pages_root_has_no_draft_to_view(client, plan):
    """The root of a plan's pages is not a page of its own: there is no draft to view
    (it was a 500: no template)."""
    root = plan_pages(plan)
    client.force_login(make_user("root", is_superuser=True))
    client.raise_request_exception = False
    assert client.get(f"/admin/pages/{root.pk}/view_draft/").status_code in (302, 404)
