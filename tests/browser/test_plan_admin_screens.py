"""The plan admin's own screens (settings, lists, organisations, the category tree, a
delete refused because of use) have zero axe violations, listing and form with errors,
and break no content security rule."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PlanFactory,
    make_action,
)
from vahti.access.models import Role


def settled(page):
    """The form's errors shown and the error banner's fade-in over (mid-fade its text
    has too little contrast)."""
    page.wait_for_selector(".error-message")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every("
        "(list) => getComputedStyle(list).opacity === '1')"
        " && document.getAnimations().every((a) => a.playState === 'finished')"
    )


def check(page, axe, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, f"{url}: {describe(violations)}"


def test_the_plan_admins_screens_are_accessible(transactional_db, live_server, page):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki")
    admin = make_user("paakayttaja", email="paa@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    status = ActionStatusFactory(plan=plan, name_fi="Käynnissä")
    make_action(plan, "126", name_fi="Elinkeinopolitiikka", status=status)
    theme_type = CategoryTypeFactory(plan=plan)
    theme = CategoryFactory(plan=plan, type=theme_type, name_fi="Liikenne")
    CategoryFactory(plan=plan, type=theme_type, parent=theme, name_fi="Pyöräily")
    division = OrganizationFactory(plan=plan, name_fi="Kaupunkiympäristö")
    OrganizationFactory(plan=plan, parent=division, name_fi="Elinkeino-osasto")
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, live_server.url, "paa@example.invalid", "a-long-test-password")
    axe = Axe()
    base = f"{live_server.url}/admin/snippets"
    for url in (
        f"{base}/plans/plan/",
        f"{base}/plans/plan/edit/{plan.pk}/",
        f"{base}/plans/actionstatus/",
        f"{base}/plans/actionstatus/edit/{status.pk}/",
        f"{base}/plans/actionstatus/delete/{status.pk}/",
        f"{base}/plans/actionimplementationphase/",
        f"{base}/plans/actionimpact/",
        f"{base}/plans/actionschedule/",
        f"{base}/plans/categorytype/",
        f"{base}/plans/category/",
        f"{base}/orgs/organization/",
        f"{base}/orgs/organization/add/",
    ):
        check(page, axe, url)

    # Forms with errors: a colour that is not one, a time zone that does not exist.
    page.goto(f"{base}/plans/actionstatus/edit/{status.pk}/")
    page.get_by_label("Väri").fill("punainen")
    page.locator("form#w-editor-form button[type=submit]").first.click()
    settled(page)
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    page.goto(f"{base}/plans/plan/edit/{plan.pk}/")
    page.locator("#id_time_zone").fill("Europe/Atlantis")
    page.locator("form#w-editor-form button[type=submit]").first.click()
    settled(page)
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert not refused, refused
