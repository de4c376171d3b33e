import pytest

from tests.factories import make_action

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/actions/", "/actions/1/", "/actions/missing/"])
def test_public_pages_send_security_headers(client, plan, path):
    make_action(plan, "1")
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_public_pages_have_no_inline_scripts_or_styles(client, plan, soup):
    make_action(
        plan,
        "1",
        description_fi='<p onclick="alert(1)" style="color:red">x</p><script>alert(2)</script>',
    )
    page = soup(client.get("/actions/1/"))
    assert page.select("script:not([src])") == []
    assert page.select("[style]") == []
    assert page.select("[onclick]") == []
    assert "alert" not in str(page.select_one(".rich-text"))


def test_only_safe_methods_are_answered(client, plan):
    make_action(plan, "1")
    assert client.post("/actions/1/").status_code in (403, 405)
