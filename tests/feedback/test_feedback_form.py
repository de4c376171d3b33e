"""The feedback form's problems, as a screen reader or a keyboard user meets them: each
field's error is tied to it, the page's title says there is a problem, and the summary
of the problems takes the focus when the page loads (tests/browser/test_feedback_form.py
checks that in a browser)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.feedback.test_feedback import HOST, action, token  # noqa: F401 (a fixture)
from vahti.feedback import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("town", "action")]
ERROR = {"": "Virhe:", "/sv": "Fel:", "/en": "Error:"}
FEEDBACK = {"": "Palaute", "/sv": "Respons", "/en": "Feedback"}


def post(client, path, **fields):
    data = {"message": "", "email": "ei-osoite", "token": token(), **fields}
    page = client.post(path, data, **HOST)
    assert page.status_code == 400
    return BeautifulSoup(page.content, "html.parser")


@pytest.mark.parametrize("prefix", ["", "/sv", "/en"])
def test_each_error_is_tied_to_its_field_and_the_title_says_there_is_one(client, prefix):
    for path in (f"{prefix}/feedback/", f"{prefix}/actions/126/feedback/"):
        page = post(client, path)
        invalid = page.select("[aria-invalid=true]")
        assert {field["name"] for field in invalid} == {"message", "email"}
        for field in invalid:
            described = [page.find(id=id_) for id_ in field["aria-describedby"].split()]
            assert all(described), f"{field['name']}: {field['aria-describedby']} not found"
            label = page.find("label", attrs={"for": field["id"]}).get_text(strip=True)
            summary_line = page.select_one(f'#feedback-errors a[href="#{field["id"]}"]')
            error = " ".join(element.get_text(strip=True) for element in described)
            # The same words as in the summary's line that links to the field.
            assert error and summary_line.get_text(strip=True) == label
            assert summary_line.parent.get_text(" ", strip=True).endswith(error)
        assert page.title.get_text().startswith(f"{ERROR[prefix]} "), page.title
        summary = page.select_one("#feedback-errors")
        # Taken by the focus when the page loads (the form's address has no fragment,
        # which would keep it from any element), and no alert already on the page.
        assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
        assert "#" not in page.select_one("form.feedback-form")["action"]
        assert not page.select("[role=alert]")


@pytest.mark.parametrize("prefix", ["", "/sv", "/en"])
def test_a_problem_of_the_whole_form_is_in_the_title_and_takes_the_focus(client, prefix):
    page = post(client, f"{prefix}/feedback/", message="Hei", email="", token=token(0))
    assert page.title.get_text().startswith(f"{ERROR[prefix]} {FEEDBACK[prefix]}")
    summary = page.select_one("#feedback-errors")
    assert summary.has_attr("autofocus")
    assert str(services.MIN_SECONDS) in summary.get_text()


def test_without_a_problem_there_is_no_summary_and_the_title_is_plain(client):
    for path in ("/feedback/", "/actions/126/"):
        page = BeautifulSoup(client.get(path, **HOST).content, "html.parser")
        assert not page.select("#feedback-errors, [autofocus], [aria-invalid]")
        assert not page.title.get_text().startswith("Virhe")
