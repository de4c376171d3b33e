"""The admin's “New plan” form has zero axe violations, empty and with errors, and
creates a plan from the browser."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from vahti.plans.models import Plan


def test_the_new_plan_form_is_accessible_and_creates_a_plan(transactional_db, live_server, page):
    make_user("root", email="root@example.invalid", is_superuser=True)
    log_in(page, live_server.url, "root@example.invalid", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/plans/new/")
    axe = Axe()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    page.get_by_label("Nimi").fill("Climate-neutral Espoo 2030")
    page.get_by_label("Tunniste").fill("Bad Id")
    page.get_by_label("Ensisijainen kieli").select_option("en")
    page.get_by_role("group", name="Muut kielet").get_by_label("suomi").check()
    page.get_by_label("Ensimmäisen pääkäyttäjän sähköpostiosoite").fill("aino@espoo.example")
    page.get_by_role("button", name="Luo suunnitelma").click()
    page.wait_for_selector(".error-message")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert not Plan.objects.exists()

    page.get_by_label("Tunniste").fill("espoo2030")
    page.get_by_role("button", name="Luo suunnitelma").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    plan = Plan.objects.get(identifier="espoo2030")
    assert plan.languages == ["en", "fi"]
