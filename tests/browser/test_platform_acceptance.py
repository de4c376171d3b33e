"""Issue 21's first acceptance point, through the browser alone: an installation admin
creates an English-first plan on its own host; the invited plan admin chooses a
password, adds a status, a category tree, an organisation, an action with a task
(published) and a person with a login; the plan's host shows it in en, fi and sv in the
plan's brand colour; the contact person logs in and sees only that plan. No ORM writes
after the fixtures (the superuser and another, older plan); the database and the
outbox are only read, to follow the emailed links and to check."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS
from tests.browser.test_accessibility import axe_violations, describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, fill_date, log_in, open_menu_and_click
from tests.conftest import make_user
from tests.factories import PlanFactory, make_action
from vahti.actions.models import Action
from vahti.plans.models import Plan

HOST = "espoo.test"
PASSWORD = "a-long-test-password"
ADMIN_EMAIL = "aino@espoo.example"
CONTACT_EMAIL = "eero@espoo.example"
ACTION_NAMES = {
    "en": "Solar panels on school roofs",
    "fi": "Aurinkopaneelit koulujen katoille",
    "sv": "Solpaneler på skolornas tak",
}
PLAN_NAMES = {
    "en": "Carbon-neutral Espoo 2030",
    "fi": "Hiilineutraali Espoo 2030",
    "sv": "Koldioxidneutrala Esbo 2030",
}
TASK_NAMES = {
    "en": "Survey the roofs",
    "fi": "Kattojen kartoitus",
    "sv": "Kartläggning av taken",
}


def emailed_link(recipient: str) -> str:
    """The path of the set-a-password link in the last email to ``recipient``."""
    message = [m for m in mail.outbox if recipient in m.to][-1]
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+?/\S+?/", message.body)
    assert link, message.body
    return urlsplit(link.group(0)).path


def choose_password(page, url: str, path: str) -> None:
    """Follow an emailed link and choose a password."""
    page.goto(f"{url}{path}")
    page.fill("input[name=new_password1]", PASSWORD)
    page.fill("input[name=new_password2]", PASSWORD)
    page.locator("main button[type=submit], main input[type=submit]").first.click()
    page.wait_for_url("**/admin/password_reset/complete/**")


def save(page, listing: str) -> None:
    """Save the editor's form and wait for the listing it returns to; if the form comes
    back instead, fail with its errors."""
    page.locator("form#w-editor-form button[type=submit]").first.click()
    try:
        page.wait_for_url(f"**{listing}")
    except PlaywrightTimeoutError:
        errors = page.locator(".error-message, .w-field__errors").all_inner_texts()
        raise AssertionError(f"{page.url} was not saved: {errors}") from None


def fill_languages(page, prefix: str, names: dict[str, str]) -> None:
    for code, name in names.items():
        page.fill(f"[name='{prefix}_{code}']", name)


def test_an_english_first_plan_from_creation_to_its_public_site(
    transactional_db, live_server, browser, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    # Wagtail's autosave would store the new action as a draft whenever the test pauses
    # for half a second; publishing while that save is on its way is refused as a lost
    # race (tests/editing/test_lost_races.py). This walk is about the plan, not that.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    url = live_server.url
    # The installation's older plan, served at every other host (the live server's).
    other = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki", name_en="")
    make_action(other, "1", name_fi="Helsingin oma toimenpide")
    make_user("root", email="root@example.invalid", is_superuser=True)
    axe = Axe()

    # 1. The installation admin creates the plan, on its own host.
    root = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    root.set_default_timeout(15000)
    page = root.new_page()
    log_in(page, url, "root@example.invalid", PASSWORD)
    page.goto(f"{url}/admin/plans/new/")
    page.fill("#id_name", PLAN_NAMES["en"])
    page.fill("#id_identifier", "espoo2030")
    page.locator("#id_primary_language").select_option("en")
    languages = page.get_by_role("group", name="Muut kielet")
    languages.get_by_label("suomi").check()
    languages.get_by_label("ruotsi").check()
    page.fill("#id_hosts", HOST)
    page.fill("#id_admin_email", ADMIN_EMAIL)
    page.get_by_role("button", name="Luo suunnitelma").click()
    page.wait_for_url(f"{url}/admin/")
    assert ADMIN_EMAIL in page.locator(".messages").inner_text()
    # With two plans, the installation admin has the plan switcher (the contact person,
    # with one, will not).
    assert "/admin/working-plan/" in page.content()
    root.close()
    plan = Plan.objects.get(identifier="espoo2030")
    assert (plan.primary_language, plan.other_languages) == ("en", ["fi", "sv"])

    # 2. The invited plan admin chooses a password from the emailed link.
    admin = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    admin.set_default_timeout(15000)
    page = admin.new_page()
    choose_password(page, url, emailed_link(ADMIN_EMAIL))
    log_in(page, url, ADMIN_EMAIL, PASSWORD)
    snippets = f"{url}/admin/snippets"

    # The plan's name in its other languages, in its settings.
    page.goto(f"{snippets}/plans/plan/")
    page.locator("main").get_by_role("link", name=PLAN_NAMES["en"]).first.click()
    page.wait_for_url(f"**/admin/snippets/plans/plan/edit/{plan.pk}/")
    fill_languages(page, "name", PLAN_NAMES)
    save(page, "/admin/snippets/plans/plan/")

    # A status of their own, beside the default ones.
    page.goto(f"{snippets}/plans/actionstatus/add/")
    page.fill("[name=identifier]", "solar")
    fill_languages(page, "name", {"en": "Under way", "fi": "Käynnissä", "sv": "Pågår"})
    page.fill("[name=color]", "#1f6f3a")
    save(page, "/admin/snippets/plans/actionstatus/")

    # A category tree: a theme and a category under it.
    page.goto(f"{snippets}/plans/category/add/")
    page.locator("[name=type]").select_option(index=1)
    page.fill("[name=identifier]", "energy")
    fill_languages(page, "name", {"en": "Energy", "fi": "Energia", "sv": "Energi"})
    save(page, "/admin/snippets/plans/category/")
    page.goto(f"{snippets}/plans/category/add/")
    page.locator("[name=type]").select_option(index=1)
    page.locator("#id_parent-chooser .chooser__choose-button").click()
    page.locator(".modal").get_by_role("link", name="Energia").click()
    page.wait_for_selector("#id_parent-chooser:not(.blank)")
    page.fill("[name=identifier]", "solar")
    fill_languages(page, "name", {"en": "Solar power", "fi": "Aurinkovoima", "sv": "Solkraft"})
    save(page, "/admin/snippets/plans/category/")

    # An organisation.
    page.goto(f"{snippets}/orgs/organization/add/")
    page.fill("[name=identifier]", "education")
    fill_languages(
        page,
        "name",
        {"en": "Education", "fi": "Kasvatus ja opetus", "sv": "Fostran och utbildning"},
    )
    save(page, "/admin/snippets/orgs/organization/")

    # An action with a task, in three languages, published.
    page.goto(f"{snippets}/actions/action/add/")
    page.wait_for_load_state("networkidle")  # the editor's scripts are ready
    page.fill("[name=identifier]", "1")
    fill_languages(page, "name", ACTION_NAMES)
    page.locator("[name=categories]").select_option(label="Aurinkovoima")
    page.get_by_role("tab", name="Eteneminen").click()
    page.locator("[name=status]").select_option(label="Käynnissä")
    page.get_by_role("tab", name="Tehtävät").click()
    page.locator("#id_tasks-ADD").click()
    fill_languages(page, "tasks-0-name", TASK_NAMES)
    fill_date(page, "input[name='tasks-0-due_at']", "2030-06-30")
    page.get_by_role("tab", name="Vastuu").click()
    page.locator("#id_responsible_parties-ADD").click()
    page.locator("[name='responsible_parties-0-organization']").select_option(
        label="Kasvatus ja opetus"
    )
    open_menu_and_click(page, "button[name='action-publish']")
    page.wait_for_url(f"{snippets}/actions/action/")
    action = Action.objects.get(plan=plan, identifier="1")
    assert action.live and action.tasks.count() == 1
    assert action.status.identifier == "solar"
    assert [(c.identifier, c.parent.identifier) for c in action.categories.all()] == [
        ("solar", "energy")
    ]

    # A person with a login, the action's contact person.
    page.goto(f"{snippets}/orgs/person/add/")
    page.fill("[name=first_name]", "Eero")
    page.fill("[name=last_name]", "Esimerkki")
    page.fill("[name=email]", CONTACT_EMAIL)
    page.locator("[name=organization]").select_option(label="Kasvatus ja opetus")
    page.locator("[name=can_log_in]").check()
    # The plan's actions are chosen through the action chooser (a plan may have thousands).
    page.locator("#id_contact_for-add-chooser [data-chooser-action-choose]").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.wait_for_selector(".modal", state="hidden")
    save(page, "/admin/snippets/orgs/person/")
    assert list(action.contact_persons.values_list("person__user__email", flat=True)) == [
        CONTACT_EMAIL
    ]

    # The plan's look: its brand colour.
    page.goto(f"{url}/admin/plans/appearance/")
    page.fill("#id_brand_color", "#006400")
    page.locator("main button[type=submit]").last.click()
    page.wait_for_selector(".messages li")
    plan.refresh_from_db()
    assert plan.brand_color == "#006400"
    admin.close()

    # 3. The public site on the plan's own host, in its three languages.
    public = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*LAUNCH_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"],
        headless=True,
    )
    try:
        site = f"http://{HOST}:{urlsplit(url).port}"
        page = public.new_context(locale="en-GB").new_page()
        for prefix, code in (("", "en"), ("/fi", "fi"), ("/sv", "sv")):
            page.goto(f"{site}{prefix}/")
            assert page.locator("html").get_attribute("lang") == code
            assert PLAN_NAMES[code] in page.locator("body").inner_text()
            page.goto(f"{site}{prefix}/actions/1/")
            assert page.locator("html").get_attribute("lang") == code
            assert page.locator("h1").inner_text().strip().endswith(ACTION_NAMES[code])
            assert TASK_NAMES[code] in page.locator("main").inner_text()
            # In the plan's brand colour, white text on its dark green.
            header = page.locator(".site-header")
            assert header.evaluate("e => getComputedStyle(e).backgroundColor") == ("rgb(0, 100, 0)")
            assert page.locator(".site-name").evaluate("e => getComputedStyle(e).color") == (
                "rgb(255, 255, 255)"
            )
            violations = axe_violations(axe, page)
            assert not violations, f"{prefix}/actions/1/: {describe(violations)}"
    finally:
        public.close()

    # The live server's own host still serves the older plan.
    person_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = person_context.new_page()
    page.goto(f"{url}/actions/")
    body = page.locator("main").inner_text()
    assert "Helsingin oma toimenpide" in body and ACTION_NAMES["fi"] not in body

    # 4. The contact person chooses a password from the welcome email, logs in, and
    # sees only the new plan.
    choose_password(page, url, emailed_link(CONTACT_EMAIL))
    log_in(page, url, CONTACT_EMAIL, PASSWORD)
    page.goto(f"{snippets}/actions/action/")
    page.wait_for_load_state("networkidle")
    listing = page.locator("main").inner_text()
    assert ACTION_NAMES["fi"] in listing
    assert "Helsingin oma toimenpide" not in listing
    assert "/admin/working-plan/" not in page.content()  # no plan switcher: one plan
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    person_context.close()
