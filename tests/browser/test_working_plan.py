"""Choosing the plan one works in, with the keyboard alone: the switcher has zero axe
violations (on its page and on the start page) and the choice takes effect."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from tests.factories import PlanFactory, make_action
from vahti.access.models import Role, WorkingPlan


def test_the_plan_switcher_is_accessible_and_works_by_keyboard(transactional_db, live_server, page):
    first = PlanFactory(identifier="eka", name_fi="Ensimmäinen kaupunki", name_en="")
    second = PlanFactory(identifier="toka", name_fi="Toinen kaupunki", name_en="")
    first_action = make_action(first, "1", name_fi="Ensimmäisen toimenpide")
    make_action(second, "2", name_fi="Toisen toimenpide")
    user = make_user("both", email="both@example.invalid")
    for plan in (first, second):
        Role.objects.create(user=user, plan=plan, kind="plan_admin")
    log_in(page, live_server.url, "both@example.invalid", "a-long-test-password")
    axe = Axe()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    page.goto(f"{live_server.url}/admin/working-plan/?next=/admin/snippets/actions/action/")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    form = page.locator("main form.vahti-working-plan")
    chosen = form.get_by_label("Ensimmäinen kaupunki")
    assert chosen.is_checked()
    # Keyboard only: focus the chosen radio, arrow to the next plan, tab to the button.
    chosen.focus()
    page.keyboard.press("ArrowDown")
    assert form.get_by_label("Toinen kaupunki").is_checked()
    page.keyboard.press("Tab")
    assert form.get_by_role("button").evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/admin/snippets/actions/action/")
    assert WorkingPlan.objects.get(user=user).plan == second
    body = page.locator("main").inner_text()
    # The message saying so fades in: axe judges its colours once it has.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert "Toisen toimenpide" in body and "Ensimmäisen toimenpide" not in body
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    # The first plan's action by its address: the switcher proposes its plan.
    page.goto(f"{live_server.url}/admin/snippets/actions/action/edit/{first_action.pk}/")
    page.wait_for_url(f"{live_server.url}/admin/working-plan/?plan={first.pk}*")
    assert "Ensimmäinen kaupunki" in page.locator("main p.help-info").inner_text()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.locator("main form.vahti-working-plan").get_by_role("button").press("Enter")
    page.wait_for_url(f"{live_server.url}/admin/snippets/actions/action/edit/{first_action.pk}/")
