"""Filtering the action list with the keyboard only: with JavaScript the list changes in
place and the address follows; without it the form is sent and the page reloads."""

import re

import pytest
from playwright.sync_api import expect


def tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with Tab")


def choose_late(page) -> None:
    """With the status list focused, move down to “Myöhässä” with the arrow keys."""
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == "late":
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError("no 'late' status in the list")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_keyboard_user_filters_the_action_list(demo, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{demo.url}/actions/")
    everything = page.locator(".action-card").count()
    tab_to(page, "id_status")
    choose_late(page)
    if javascript:
        page.wait_for_url("**/actions/?status=late")
        # "… vastaa suodattimia": the count in the live region, read out on its own.
        expect(page.locator("#result-count")).to_contain_text("vastaa")
    else:
        # The choice alone changes nothing until the form is sent.
        assert page.url.endswith("/actions/")
        tab_to(page, "filter-submit")
        page.keyboard.press("Enter")
        page.wait_for_url("**/actions/?status=late")
    late = page.locator(".action-card")
    count = late.count()
    assert 0 < count < everything
    statuses = late.locator(".status").all_inner_texts()
    assert len(statuses) == count and all(text.endswith("Myöhässä") for text in statuses)
    assert page.locator("#result-count").inner_text().startswith(f"{count} ")
    # The language switch links the filtered page, with or without JavaScript.
    swedish = page.locator("#language-switch a[lang=sv]").get_attribute("href")
    assert swedish == "/sv/actions/?status=late"
    # The filtered address can be shared: opened anew it shows the same.
    page.goto(page.url)
    assert page.locator(".action-card").count() == count
    context.close()


def focus_link(page, text: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "A" and page.evaluate(
            "document.activeElement.textContent"
        ).strip().startswith(text):
            return
    raise AssertionError(f"no link “{text}” was reached with Tab")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_keyboard_user_filters_and_sorts_the_dashboard(demo, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{demo.url}/actions/")
    focus_link(page, "Kojelauta")
    page.keyboard.press("Enter")
    page.wait_for_url("**/actions/?view=dashboard")
    everything = page.locator("#action-table tbody tr").count()
    tab_to(page, "id_status")
    choose_late(page)
    if javascript:
        page.wait_for_url("**/actions/?view=dashboard&status=late")
        expect(page.locator("#result-count")).to_contain_text("vastaa")
    else:
        tab_to(page, "filter-submit")
        page.keyboard.press("Enter")
        page.wait_for_url("**/actions/?view=dashboard&status=late")
    rows = page.locator("#action-table tbody tr")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert 0 < count < everything
    shares = page.locator("#by-status-table tbody tr").all_inner_texts()
    assert [text.strip() for text in shares] == [f"Myöhässä\t{count}\t100\u00a0%"]
    focus_link(page, "Myöhässä olevat tehtävät")
    page.keyboard.press("Enter")
    page.wait_for_url("**/actions/?view=dashboard&status=late&sort=-late_tasks")
    late = [
        int(text) for text in page.locator("#action-table tbody td:nth-child(8)").all_inner_texts()
    ]
    assert late == sorted(late, reverse=True) and late[0] > 0
    header = page.locator("#action-table thead th[aria-sort]")
    assert header.get_attribute("aria-sort") == "descending"
    context.close()


def test_with_javascript_a_filters_error_comes_and_goes_with_the_results(demo, browser):
    """htmx swaps the results only; the filters' errors, read out from their alert
    region, and the inputs' marks follow each answer, both ways."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{demo.url}/en/actions/?f.kustannusarvio.min=abc")
    errors = page.locator("#filter-errors[role=alert]")
    least = page.locator('[id="id_f.kustannusarvio.min"]')
    expect(errors).to_contain_text("Cost estimate, at least: Enter a number, e.g. 1200 or 0.5.")
    expect(least).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".action-card")).to_have_count(0)
    # Fixed: the error goes, and the count says what the filter found.
    least.fill("5")
    page.locator("#filter-submit").click()
    page.wait_for_url("**/en/actions/?f.kustannusarvio.min=5")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\d+ actions? match"))
    expect(errors).to_be_empty()
    expect(least).not_to_have_attribute("aria-invalid", re.compile(".*"))
    expect(least).not_to_have_attribute("aria-describedby", re.compile(".*"))
    found = page.locator(".action-card").count()
    assert found > 0
    assert page.locator("#result-count").inner_text().startswith(f"{found} ")
    # Broken again: the error comes, named and tied to its input, and no rows.
    least.fill("abc")
    page.locator("#filter-submit").click()
    page.wait_for_url("**/en/actions/?f.kustannusarvio.min=abc")
    expect(errors).to_contain_text("Cost estimate, at least: Enter a number, e.g. 1200 or 0.5.")
    expect(page.locator("#result-count")).to_have_text(
        "No actions shown: a filter could not be used."
    )
    expect(page.locator(".action-card")).to_have_count(0)
    expect(least).to_have_attribute("aria-invalid", "true")
    described = page.locator(f"[id='{least.get_attribute('aria-describedby')}']")
    expect(described).to_have_text("Cost estimate, at least: Enter a number, e.g. 1200 or 0.5.")
    expect(least).to_have_value("abc")
    expect(page.locator("#clear-filters a")).to_have_text("Clear the filters")
    # The same address opened anew says the same.
    page.reload()
    expect(errors).to_contain_text("Enter a number")
    expect(least).to_have_attribute("aria-invalid", "true")
    context.close()
