"""The new admin screens of the plan's own fields and of reporting have zero axe
violations in Swedish and English too (their other tests look at them in Finnish), with
the html element naming the language the screen is in."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.users.models import UserProfile

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from tests.editing.field_world import make_fields
from tests.factories import ActionStatusFactory, PlanFactory, make_action
from vahti.access.models import Role
from vahti.reports.services import report_complete, report_open


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_field_and_report_screens_are_accessible_in_every_language(
    transactional_db, live_server, page, language
):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki", name_sv="Helsingfors")
    admin = make_user("paakayttaja", email="paa@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()
    status = ActionStatusFactory(plan=plan, name_fi="Käynnissä")
    action = make_action(plan, "126", name_fi="Elinkeinopolitiikka", status=status)
    fields = make_fields(plan)
    period = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 12, 31)}
    report = report_open(
        plan,
        slug="2026",
        name_fi="Vuosiraportti 2026",
        asked_fields=[fields.cost, fields.funding],
        asks_estimates=True,
        **period,
    )
    done = report_open(plan, slug="2025", name_fi="Vuosiraportti 2025", **period)
    report_complete(done)
    log_in(page, live_server.url, "paa@example.invalid", "a-long-test-password")
    axe = Axe()
    fields_base = f"{live_server.url}/admin/snippets/actions/actionfield"
    reports_base = f"{live_server.url}/admin/snippets/reports/report"
    for url in (
        f"{fields_base}/",
        f"{fields_base}/add/",
        f"{fields_base}/edit/{fields.funding.pk}/",
        f"{live_server.url}/admin/snippets/actions/action/edit/{action.pk}/",
        f"{reports_base}/",
        f"{reports_base}/add/",
        f"{reports_base}/answers/{report.pk}/",
        f"{reports_base}/complete/{report.pk}/",
        f"{reports_base}/answers/{done.pk}/",
        f"{reports_base}/answer/{report.pk}/{action.pk}/",
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language, url
        violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        assert not violations, f"{url}: {describe(violations)}"
