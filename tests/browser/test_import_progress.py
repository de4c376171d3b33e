"""The admin's import progress page, running and done, has zero axe violations, and
follows the import by itself to its end (its static script, no inline one)."""

import time

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from tests.factories import PlanFactory
from tests.workbook.test_workbook import workbook_bytes
from vahti.actions.models import Action
from vahti.exchange import progress


def test_the_progress_page_is_accessible_running_and_done(
    transactional_db, live_server, page, tmp_path, monkeypatch
):
    plan = PlanFactory(identifier="kaupunki", name_fi="Kaupungin ilmasto-ohjelma")
    make_user("root", email="root@example.invalid", is_superuser=True)
    started = []

    def halfway(token, state, *args):  # the import has reached row 3 of 10 of actions
        started.append((token, state, *args))
        state.update(sheet="actions", done=3, total=10, moved_at=time.time())
        progress.cache.set(progress._key(token), state, progress.KEPT)

    real_run = progress._run
    monkeypatch.setattr(progress, "IN_BACKGROUND", False)
    monkeypatch.setattr(progress, "_run", halfway)
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(
        workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "Yhdeksän"]]})
    )
    log_in(page, live_server.url, "root@example.invalid", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/import/")
    page.select_option("select[name=plan]", str(plan.pk))
    page.set_input_files("input[name=file]", str(workbook))
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_selector("input[name=token]", state="attached")
    page.locator("form:has(input[name=token]) button").click()
    page.wait_for_url("**/admin/import/progress/**")
    assert page.locator("progress#import-progress").get_attribute("value") == "3"
    assert page.locator("#import-progress-region").get_attribute("data-running") == "true"
    violations = Axe().run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)

    real_run(*started[0])  # the import goes on to its end; the page follows by itself
    page.wait_for_selector("#import-state.help-info", timeout=15000)
    assert Action.objects.filter(plan=plan, identifier="9").exists()
    assert page.locator("#import-progress-region").get_attribute("data-running") == "false"
    violations = Axe().run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
