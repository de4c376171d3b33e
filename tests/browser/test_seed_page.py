"""What a reader of /actions/126/ sees in Chromium, section by section, is the seed page."""

from tests.seed import find_in_order, normalise, seed_sections


def test_visible_text_of_126_matches_the_seed_section_by_section(demo, page):
    page.goto(f"{demo.url}/actions/126/")
    for label, ids, lines in seed_sections():
        text = " ".join(
            normalise(page.locator(f"#{element_id}, .{element_id}").first.inner_text())
            for element_id in ids
        )
        # inner_text() is what is rendered: visually hidden helper text is clipped, not
        # removed, so drop it the way a sighted reader does.
        hidden = page.locator(
            ", ".join(f"#{i} .visually-hidden, .{i} .visually-hidden" for i in ids)
        )
        for extra in hidden.all_inner_texts():
            text = text.replace(normalise(extra), "", 1) if normalise(extra) else text
        assert find_in_order(normalise(text), lines) == [], f"{label or '(top)'}: {text}"


def test_126_works_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo.url}/actions/126/")
    assert page.locator("h1").inner_text().startswith("126")
    page.get_by_role("link", name="Seuraava").click()
    assert page.url.endswith("/actions/127/")
    context.close()
