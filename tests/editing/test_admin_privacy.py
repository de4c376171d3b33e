"""The admin asks no other host for anything: no avatar service with a hash of the
editor's email, no update check, no fonts or scripts from a CDN; and its pages carry a
Content-Security-Policy that says so, and a Permissions-Policy."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, client_for

pytestmark = pytest.mark.django_db

# Where a browser would fetch something on its own: scripts, images, styles, frames,
# <link>s (icons, preloads) and the CSS url()s of inline styles.
FETCHED = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("link", "href"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
]
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//(?!testserver(?:[:/]|$))", re.I)


def outside_references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in FETCHED:
        for element in soup.find_all(tag):
            for value in re.split(r",\s*", element.get(attribute) or ""):
                if OUTSIDE.match(value.strip()):
                    found.append(f"<{tag} {attribute}={value.strip()!r}>")
    for element in soup.find_all(style=True):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", element["style"]):
            if OUTSIDE.match(url):
                found.append(f"style url({url})")
    return found


def admin_pages(world) -> list[str]:
    return [
        "/admin/",
        ACTIONS_URL,
        f"{ACTIONS_URL}edit/{world.action_126.pk}/",
        "/admin/account/",
        "/admin/account/profile/",
        "/admin/snippets/orgs/person/",
        "/admin/snippets/access/role/",
    ]


@pytest.mark.parametrize("who", ["plan_admin", "contact_126"])
def test_no_admin_page_asks_another_host_for_anything(client, world, who):
    client_for(client, world, who)
    for url in admin_pages(world):
        response = client.get(url, follow=True)
        if response.status_code in (403, 404) or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        assert not outside_references(html), (url, outside_references(html))
        assert "gravatar" not in html.lower(), url


def test_the_login_pages_ask_no_other_host_either(client):
    for url in ["/admin/login/", "/admin/password_reset/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not outside_references(response.content.decode()), url


def test_admin_pages_carry_a_content_security_policy_and_a_permissions_policy(client, world):
    client_for(client, world, "plan_admin")
    for url in [*admin_pages(world), "/admin/login/"]:
        response = client.get(url)
        policy = response.headers.get("Content-Security-Policy", "")
        directives = {
            name: value
            for name, _, value in (part.strip().partition(" ") for part in policy.split(";"))
        }
        assert directives.get("default-src") == "'self'", (url, policy)
        assert "'unsafe-inline'" not in directives.get("script-src", "'unsafe-inline'"), url
        assert "'unsafe-eval'" not in directives["script-src"], url
        assert directives.get("object-src") == "'none'", url
        assert directives.get("frame-ancestors") in ("'none'", "'self'"), url
        assert "camera=()" in response.headers.get("Permissions-Policy", ""), url
