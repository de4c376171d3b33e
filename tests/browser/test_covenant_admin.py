"""The Covenant of Mayors screen has zero axe violations in Finnish, Swedish and English,
with its value selects shown and with a form error, and breaks no content security
rule."""

from axe_playwright_python.sync_playwright import Axe
from wagtail.users.models import UserProfile

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.browser.test_plan_admin_screens import settled
from tests.conftest import make_user
from tests.factories import ActionStatusFactory, PlanFactory, make_action
from vahti.access.models import Role
from vahti.actions.models import ActionField, ActionFieldOption
from vahti.covenant.services import covenant_mapping_save


def test_the_covenant_screen_is_accessible(transactional_db, live_server, page):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki")
    admin = make_user("paakayttaja", email="paa@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    status = ActionStatusFactory(plan=plan, name_fi="Käynnissä")
    sector = ActionField.objects.create(
        plan=plan, identifier="sektori", kind="choice", name_fi="Sektori"
    )
    ActionFieldOption.objects.create(field=sector, identifier="liikenne", name_fi="Liikenne")
    ActionField.objects.create(
        plan=plan, identifier="kustannus", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    make_action(plan, "126", name_fi="Elinkeinopolitiikka", status=status)
    covenant_mapping_save(plan, sources={"sector_field": sector}, values={})
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, live_server.url, "paa@example.invalid", "a-long-test-password")
    axe = Axe()
    url = f"{live_server.url}/admin/plans/{plan.pk}/covenant/"
    profile = UserProfile.get_for_user(admin)
    for language in ("fi", "sv", "en"):
        profile.preferred_language = language
        profile.save()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
        violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
        assert not violations, f"{language}: {describe(violations)}"

    # A euro field as the energy savings: refused, with the error beside the select.
    page.select_option("#id_number_energy_savings", label="Kustannus (€)")
    page.locator("main form button[type=submit]").click()
    settled(page)
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert not refused, refused
