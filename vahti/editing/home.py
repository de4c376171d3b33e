"""The admin's start page: each editor's actions, what needs attention first."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from vahti.access import policies, scopes
from vahti.actions.attention import attention_page, most_late_tasks
from vahti.reports.selectors import open_reports, unanswered_for, with_answer_counts

# A plan admin sees the counts for the whole plan and this many actions to look at.
LIST_LIMIT = 50


class AttentionPanel(Component):
    name = "vahti_attention"
    template_name = "editing/attention_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        # Of the plan the user works in (vahti.access.scopes).
        actions = scopes.in_working_plan(user, policies.actions_editable_by(user))
        administered = scopes.in_working_plan(user, policies.plans_administered_by(user))
        plans = list(administered[:1]) or [
            action.plan for action in actions.select_related("plan")[:1]
        ]
        if not plans:
            context["items"] = None
            return context
        today = timezone.localdate(timezone=plans[0].tzinfo)
        runs_a_plan = administered.exists()
        shown, listed, summary = attention_page(
            actions, today, only_needing=runs_a_plan, limit=LIST_LIMIT
        )
        edit_name = "wagtailsnippets_actions_action:edit"
        # Wagtail opens the tab named in the address (#tab-<slug of its heading>).
        tasks_tab = "#tab-" + slugify(_("Tasks"))
        late = most_late_tasks([item.action for item in shown if item.late_tasks], today)
        context.update(
            {
                "runs_a_plan": runs_a_plan,
                "summary": summary if runs_a_plan else None,
                "items": [
                    {
                        "attention": item,
                        "edit_url": reverse(edit_name, args=[item.action.pk]),
                        "tasks_url": reverse(edit_name, args=[item.action.pk]) + tasks_tab,
                        # The edit form focuses that task (editing/admin-a11y.js).
                        "late_task_url": (
                            f"{reverse(edit_name, args=[item.action.pk])}"
                            f"?task={late[item.action.pk]}{tasks_tab}"
                            if item.action.pk in late
                            else None
                        ),
                    }
                    for item in shown
                ],
                "more": max(0, listed - LIST_LIMIT),
                "today": today,
                **_reports(user, plans[0], runs_a_plan),
            }
        )
        return context


def _reports(user, plan, runs_a_plan: bool) -> dict:
    """The plan's open reports: the user's actions still to answer in each, and for a
    plan admin how far each is answered."""
    answer = "wagtailsnippets_reports_report:answer"
    return {
        "waiting_reports": [
            {
                "report": waiting.report,
                "actions": [
                    (action, reverse(answer, args=[waiting.report.pk, action.pk]))
                    for action in waiting.actions
                ],
            }
            for waiting in unanswered_for(user, plan)
        ],
        "open_reports": list(with_answer_counts(open_reports(plan))) if runs_a_plan else [],
    }
