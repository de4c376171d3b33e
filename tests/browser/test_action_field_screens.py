"""The plan's own action fields (issue 24): the plan admin's screens for defining them
and the action form's tab of them, with and without errors, have zero axe violations
and break no content security rule."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.browser.test_plan_admin_screens import check, settled
from tests.conftest import make_user
from tests.editing.field_world import make_fields
from tests.factories import PlanFactory, make_action
from vahti.access.models import Role
from vahti.actions.models import ActionField, ActionFieldValue


def test_the_action_field_screens_and_the_forms_tab_are_accessible(
    transactional_db, live_server, page
):
    plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki")
    admin = make_user("paakayttaja", email="paa@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    action = make_action(plan, "126", name_fi="Elinkeinopolitiikka")
    fields = make_fields(plan)
    ActionField.objects.filter(pk=fields.cost.pk).update(is_required=True)
    ActionFieldValue.objects.create(
        action=action, field=fields.funding, option=fields.options["eu"]
    )
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, live_server.url, "paa@example.invalid", "a-long-test-password")
    axe = Axe()
    base = f"{live_server.url}/admin/snippets/actions/actionfield"
    for url in (
        f"{base}/",
        f"{base}/add/",
        f"{base}/edit/{fields.funding.pk}/",
        f"{base}/edit/{fields.sector.pk}/",
        f"{base}/delete/{fields.funding.pk}/",  # in use: the page says by what
        f"{base}/delete/{fields.decided.pk}/",
    ):
        check(page, axe, url)

    # The field's form with errors: an identifier that is not one.
    page.goto(f"{base}/edit/{fields.funding.pk}/")
    page.locator("#id_identifier").fill("ei kelpaa!")
    page.locator("form#w-editor-form button[type=submit]").first.click()
    settled(page)
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    # The action form's tab of the plan's fields, then refused for the required one.
    page.goto(f"{live_server.url}/admin/snippets/actions/action/edit/{action.pk}/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("tab", name="Lisätiedot").click()
    page.wait_for_selector("#id_plan_field__cost", state="visible")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.locator("form#w-editor-form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("tab", name="Lisätiedot").click()
    settled(page)
    assert "on pakollinen" in page.locator("form#w-editor-form").inner_text()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert not refused, refused
