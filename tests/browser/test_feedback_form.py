"""The feedback form's problems in a browser, in each language: after sending, the
focus is on the summary of the problems, the title says there is one, each field
names its error, axe finds no violations, and it all works by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import PREFIX, axe_violations, describe

ERROR = {"fi": "Virhe: ", "sv": "Fel: ", "en": "Error: "}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_feedback_forms_problems_take_the_focus_and_are_tied_to_their_fields(
    demo, page, language
):
    axe = Axe()
    page.goto(f"{demo.url}{PREFIX[language]}/actions/126/")
    assert not page.title().startswith(ERROR[language])
    form = page.locator("#feedback form")
    form.locator("textarea[name=message]").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "name"  # the trap is skipped
    page.keyboard.type("Asukas")
    page.keyboard.press("Tab")
    page.keyboard.type("not-an-address")
    page.wait_for_timeout(3100)  # a person takes a few seconds: faster is taken for a program
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/actions/126/feedback/**")
    # The focus is on the summary, so that it is read out; the title says it too.
    expect(page.locator(".feedback-form .form-errors")).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "feedback-errors"
    assert page.title().startswith(ERROR[language])
    summary = page.locator("#feedback-errors")
    assert summary.locator("a").count() == 2  # the message and the address
    # Each field marked invalid is described by its own error, which is on the page.
    described = page.eval_on_selector_all(
        "[aria-invalid=true]",
        """fields => fields.map(field => [field.name, field.getAttribute('aria-describedby')
            .split(' ').map(id => document.getElementById(id)?.textContent.trim() ?? null)])""",
    )
    assert [name for name, _texts in described] == ["message", "email"]
    for name, texts in described:
        assert texts and all(texts), f"{name} is described by a missing element"
    assert page.locator("input[name=name]").input_value() == "Asukas"  # kept
    violations = axe_violations(axe, page)
    assert not violations, describe(violations)
    # By keyboard: from the summary to its first link, and on to the field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_message"
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
