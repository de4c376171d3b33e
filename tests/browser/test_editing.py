"""A contact person keeps action 126 up to date in the admin, and the public page
follows when, and only when, they publish."""

from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.conftest import make_user
from tests.seed import normalise
from vahti.actions.models import Action
from vahti.indicators.models import Indicator
from vahti.orgs.models import Person

# The admin is held to WCAG 2.1 A and AA and to axe's best practices, like the public
# pages (the edit forms' heading is an h1: vahti/editing/templates/editing/form_heading.html).
ADMIN_AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
TASK = "Elinkeinopolitiikka, yritysmyönteisyys ja kokeilualustatoiminta"


def log_in(page, url, email, password):
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/admin/")


def open_menu_and_click(page, selector):
    """Open the footer's action menu and click one of its buttons. The menu opens once
    the admin's scripts have started; on a slow machine the first click can come first."""
    toggle = page.locator("footer [data-w-dropdown-target='toggle']").first
    button = page.locator(selector)
    for _attempt in range(5):
        toggle.click()
        try:
            button.wait_for(state="visible", timeout=3000)
            break
        except PlaywrightTimeoutError:
            continue
    button.click()


def fill_date(page, selector, value):
    """Type a date, then leave the field, which closes the admin's date picker so that it
    no longer covers the buttons below it. The picker opens 100 ms after the field gets
    focus, so wait for it to open before leaving: leaving sooner lets it open afterwards,
    over the publish menu."""
    picker = page.locator(".xdsoft_datetimepicker:visible")
    page.fill(selector, value)
    expect(picker).to_have_count(1)
    page.locator(selector).blur()
    expect(picker).to_have_count(0)


def section_text(page, url, section):
    """What a sighted reader sees of a section (visually hidden helper text left out)."""
    page.goto(url)
    return normalise(
        page.locator(f"#{section}").evaluate(
            """(element) => {
                const copy = element.cloneNode(true);
                copy.querySelectorAll(".visually-hidden").forEach((e) => e.remove());
                document.body.append(copy);
                const text = copy.innerText;
                copy.remove();
                return text;
            }"""
        )
    )


def test_contact_person_completes_and_adds_a_task_then_publishes(demo, page):
    action = Action.objects.get(identifier="126", plan__identifier="hnh2035")
    person = Person.objects.get(contact_for__action=action, last_name="Martikka")
    person.user = make_user("mikko.martikka", email="mikko.martikka@example.invalid")
    person.save()
    today = timezone.localdate(timezone=action.plan.tzinfo)
    shown_today = today.strftime("%d.%m.%Y")
    public_url = f"{demo.url}/actions/126/"
    edit_url = f"{demo.url}/admin/snippets/actions/action/edit/{action.pk}/"

    log_in(page, demo.url, "mikko.martikka@example.invalid", "a-long-test-password")
    page.goto(edit_url)
    page.wait_for_load_state("networkidle")  # the editor's scripts are ready
    page.get_by_role("tab", name="Tehtävät").click()
    # Complete the open task …
    index = page.evaluate(
        """(name) => [...document.querySelectorAll("input[name$='-name_fi']")]
            .find((input) => input.value.startsWith(name)).name.split("-")[1]""",
        TASK,
    )
    page.select_option(f"select[name='tasks-{index}-state']", "completed")
    fill_date(page, f"input[name='tasks-{index}-completed_at']", today.isoformat())
    # … and add a new one.
    page.locator("#id_tasks-ADD").click()
    new = int(page.input_value("input[name='tasks-TOTAL_FORMS']")) - 1
    page.fill(f"input[name='tasks-{new}-name_fi']", "Kokeilualustamallin vuosiraportti")
    fill_date(
        page, f"input[name='tasks-{new}-due_at']", today.replace(year=today.year + 1).isoformat()
    )
    # Publish (behind the arrow beside "Save draft").
    open_menu_and_click(page, "button[name='action-publish']")
    page.wait_for_url(f"{demo.url}/admin/snippets/actions/action/")

    done = section_text(page, public_url, "section-tasks")
    assert f"Mitä on tehty? {shown_today} {TASK}" in done
    assert "Kokeilualustamallin vuosiraportti" in done.split("Mitä on tehtävä?")[1]
    assert f"Tietoja päivitetty {shown_today}" in section_text(page, public_url, "section-updated")

    # A draft changes nothing on the public page.
    page.goto(edit_url)
    page.fill("input[name='name_fi']", "Luonnos, jota ei julkaista")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_url(edit_url)
    assert "Luonnos, jota ei julkaista" not in section_text(page, public_url, "section-header")
    assert Action.objects.get(pk=action.pk).has_unpublished_changes


def test_the_edit_pages_have_no_axe_violations(demo, page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import describe

    action = Action.objects.get(identifier="126", plan__identifier="hnh2035")
    make_user("admin", email="admin@example.invalid", is_superuser=True)
    log_in(page, demo.url, "admin@example.invalid", "a-long-test-password")
    page.goto(f"{demo.url}/admin/snippets/actions/action/edit/{action.pk}/")
    axe = Axe()
    failures = []
    for tab in ["Perustiedot", "Eteneminen", "Tehtävät", "Vastuu", "Uutiset", "Sisäinen"]:
        page.get_by_role("tab", name=tab).click()
        violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"{tab}:\n{describe(violations)}")
    # The indicator editor, each of its tabs, and the page for values and goals.
    indicator = Indicator.objects.get(identifier="ghg-total")
    page.goto(f"{demo.url}/admin/snippets/indicators/indicator/edit/{indicator.pk}/")
    tabs = page.get_by_role("tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"indicator tab {index}:\n{describe(violations)}")
    for path in ["/admin/indicator-values/", f"/admin/indicator-values/{indicator.pk}/"]:
        page.goto(f"{demo.url}{path}")
        violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)


def test_my_actions_start_page_has_no_axe_violations(demo, page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import describe

    action = Action.objects.get(identifier="126", plan__identifier="hnh2035")
    person = Person.objects.get(contact_for__action=action, last_name="Martikka")
    person.user = make_user("mikko.martikka", email="mikko.martikka@example.invalid")
    person.save()
    log_in(page, demo.url, "mikko.martikka@example.invalid", "a-long-test-password")
    assert page.locator(".vahti-attention h2").inner_text() == "Omat toimenpiteeni"
    # The way to the fix is one click.
    page.locator(".vahti-attention td a").first.click()
    page.wait_for_url(f"**/admin/snippets/actions/action/edit/{action.pk}/**")
    page.go_back()
    violations = Axe().run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    # The contact person's own edit form, every tab of it (fewer fields than an admin's).
    page.goto(f"{demo.url}/admin/snippets/actions/action/edit/{action.pk}/")
    tabs = page.get_by_role("tab")
    assert tabs.count() >= 5
    failures = []
    for index in range(tabs.count()):
        tabs.nth(index).click()
        violations = Axe().run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"tab {tabs.nth(index).inner_text()}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
