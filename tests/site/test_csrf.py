"""Every form that changes something refuses a forged post: the signed-in side (the
admin and its pages) by Django's CSRF token, the anonymous feedback form by where the
post comes from (vahti.core.origin)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_action

pytestmark = pytest.mark.django_db

# Every page of ours that takes a post from a signed-in person, and Wagtail's own.
SIGNED_IN_POSTS = [
    "/admin/login/",
    "/admin/account/",
    "/admin/api-tokens/",
    "/admin/import/",
    "/admin/reminders/",
    "/admin/feedback/",
    "/admin/snippets/actions/action/add/",
    "/admin/logout/",
]


@pytest.mark.parametrize("url", SIGNED_IN_POSTS)
def test_a_post_without_the_csrf_token_is_refused(world, url):
    forger = Client(enforce_csrf_checks=True)
    if url != "/admin/login/":
        forger.force_login(world.users["plan_admin"])
    response = forger.post(url, {"username": "plan_admin", "name": "x"})
    assert response.status_code == 403, url
    assert "CSRF" in response.content.decode()


def test_the_feedback_form_needs_no_cookie_but_refuses_other_sites(plan):
    make_action(plan, "1")
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/actions/1/")
    assert not page.cookies
    forged = visitor.post(
        "/actions/1/feedback/", {"message": "x"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert forged.status_code == 403
    own = visitor.post("/actions/1/feedback/", {"message": "x"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert own.status_code != 403
