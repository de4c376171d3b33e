"""The reporting screens (the list, the report form with errors, the answers, the
confirmation of completing, a contact person's home page and answer form, a completed
report) have zero axe violations."""

import datetime

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.browser.test_plan_admin_screens import check, settled
from tests.conftest import make_user
from tests.factories import ActionStatusFactory, PersonFactory, PlanFactory, make_action
from vahti.access.models import Role
from vahti.actions.models import ActionField, ActionFieldOption
from vahti.reports.services import report_complete, report_open


def test_the_reporting_screens_are_accessible(transactional_db, live_server, page, browser):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki")
    admin = make_user("paakayttaja", email="paa@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    contact = make_user("yhteys", email="yhteys@example.invalid")
    person = PersonFactory(plan=plan, user=contact, first_name="Mikko")
    status = ActionStatusFactory(plan=plan, name_fi="Käynnissä")
    action = make_action(
        plan,
        "126",
        name_fi="Elinkeinopolitiikka",
        status=status,
        contact_persons=[(person, "contact")],
    )
    cost = ActionField.objects.create(
        plan=plan, identifier="cost", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    sector = ActionField.objects.create(
        plan=plan, identifier="sector", kind="choice", name_fi="Sektori"
    )
    ActionFieldOption.objects.create(field=sector, identifier="energy", name_fi="Energia")
    flagship = ActionField.objects.create(
        plan=plan, identifier="flagship", kind="yes_no", name_fi="Kärkihanke"
    )
    period = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 12, 31)}
    report = report_open(
        plan,
        slug="2026",
        name_fi="Vuosiraportti 2026",
        asked_fields=[cost, sector, flagship],
        asks_estimates=True,
        deadline=datetime.date(2026, 2, 28),
        **period,
    )
    done = report_open(plan, slug="2025", name_fi="Vuosiraportti 2025", **period)
    report_complete(done)
    axe = Axe()
    log_in(page, live_server.url, "paa@example.invalid", "a-long-test-password")
    base = f"{live_server.url}/admin/snippets/reports/report"
    for url in (
        f"{base}/",
        f"{base}/add/",
        f"{base}/edit/{report.pk}/",
        f"{base}/answers/{report.pk}/",
        f"{base}/complete/{report.pk}/",
        f"{base}/answers/{done.pk}/",
        f"{base}/answer/{report.pk}/{action.pk}/",
        f"{live_server.url}/admin/",
    ):
        check(page, axe, url)
    # The form with errors: answers due before the period starts.
    page.goto(f"{base}/edit/{report.pk}/")
    page.locator("#id_deadline").fill("2024-01-01")
    page.locator("form#w-editor-form button[type=submit]").first.click()
    settled(page)
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    other = context.new_page()
    log_in(other, live_server.url, "yhteys@example.invalid", "a-long-test-password")
    check(other, axe, f"{live_server.url}/admin/")
    assert other.get_by_text("Vuosiraportti 2026").count() >= 1
    check(other, axe, f"{base}/answer/{report.pk}/{action.pk}/")
    context.close()
