"""The start page's "late task" link opens the action's tasks tab with that task's first
field focused, so the contact person can complete it or move its date at once."""

import datetime

from playwright.sync_api import expect

from tests.browser.test_editing import log_in
from tests.conftest import make_user
from vahti.actions.models import Action, Task
from vahti.orgs.models import Person


def test_the_late_task_link_opens_and_focuses_that_task(demo, page):
    action = Action.objects.get(identifier="126", plan__identifier="hnh2035")
    person = Person.objects.get(contact_for__action=action, last_name="Martikka")
    person.user = make_user("mikko.martikka", email="mikko.martikka@example.invalid")
    person.save()
    # One open task, the last of the list, is long overdue; the others are not late.
    tasks = list(action.tasks.order_by("pk"))
    far = datetime.date.today() + datetime.timedelta(days=400)
    Task.objects.filter(action=action, state__in=Task.OPEN_STATES).update(due_at=far)
    late = tasks[-1]
    Task.objects.filter(pk=late.pk).update(
        state=Task.OPEN_STATES[0], due_at=datetime.date(2020, 1, 31), completed_at=None
    )

    log_in(page, demo.url, "mikko.martikka@example.invalid", "a-long-test-password")
    page.locator(".vahti-attention a", has_text="myöhässä").first.click()
    page.wait_for_url(f"**/admin/snippets/actions/action/edit/{action.pk}/?task={late.pk}*")
    expect(page.get_by_role("tab", name="Tehtävät")).to_have_attribute("aria-selected", "true")
    # The focus is in the late task's row (its hidden id input names the task).
    page.wait_for_function(
        """(id) => {
            const row = document.activeElement.closest("[id^='inline_child_tasks-']");
            return row && row.querySelector("input[type='hidden'][name$='-id']").value === id;
        }""",
        arg=str(late.pk),
        timeout=10000,
    )
    assert page.evaluate("document.activeElement.name").endswith("-name_fi")
