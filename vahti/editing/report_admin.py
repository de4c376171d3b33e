"""“Reporting” in the admin: a plan's admins open a report (a name, a period, the fields
it asks, a deadline), change it while it is open, follow how many actions are answered
and complete it, after a confirmation that says what completing does. A completed report
is read only. Viewers read the reports; the contact persons answer from the admin's home
page (vahti.editing.report_answer). Every write goes through vahti.reports.services.
"""

from __future__ import annotations

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from vahti.access import policies, scopes
from vahti.actions.models import Action
from vahti.editing.forms import PlanContentForm
from vahti.editing.permissions import (
    ListingPlanContentPermissionPolicy,
    guard_object_view,
    guarded_urlpatterns,
)
from vahti.editing.report_answer import ReportAnswerView, guard_answer
from vahti.editing.scoping import ScopedSnippetViewSet
from vahti.editing.viewsets import ListedOnlyChooserViewSet, PlanContentViewSet, translated
from vahti.reports.models import Report
from vahti.reports.selectors import report_answers, with_answer_counts
from vahti.reports.services import DEADLINE_MESSAGE, report_complete, report_open, report_update

REPORT_FIELDS = ("slug", "period_start", "period_end", "deadline", "asks_estimates")


class ReportForm(PlanContentForm):
    """Saved through vahti.reports.services (a completed report is refused there too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "asked_fields" in self.fields:
            self.fields["asked_fields"].widget = forms.CheckboxSelectMultiple()
            self.fields["asked_fields"].widget.choices = self.fields["asked_fields"].choices

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_completed:
            self.add_error(None, _("A completed report cannot be changed."))
        start, deadline = cleaned.get("period_start"), cleaned.get("deadline")
        if start and deadline and deadline < start:
            self.add_error("deadline", DEADLINE_MESSAGE)
        return cleaned

    def save(self, commit=True):
        data = {
            name: self.cleaned_data[name]
            for name in self.cleaned_data
            if name in REPORT_FIELDS or name.startswith(("name_", "intro_"))
        }
        asked = list(self.cleaned_data.get("asked_fields") or [])
        try:
            if self.instance.pk:
                self.instance = report_update(self.instance, asked_fields=asked, **data)
            else:
                self.instance = report_open(self.instance.plan, asked_fields=asked, **data)
        except ValidationError as error:  # completed meanwhile
            raise forms.ValidationError(error.messages) from error
        return self.instance


class ReportPermissionPolicy(ListingPlanContentPermissionPolicy):
    """A plan's admins change its open reports; a completed one nobody changes or
    deletes. Another plan's report is not found."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and instance.is_completed:
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def guard(self, view, url_name: str):
        if url_name == "answer":
            return _of_own_plans(guard_answer(view))
        if url_name in ("edit", "delete"):
            view = _read_only_when_completed(view)
        if url_name == "answers":
            guarded = guard_object_view(
                view, Report, lambda user, obj: policies.can_read_plan_content(user, obj.plan)
            )
        else:
            guarded = super().guard(view, url_name)
        return _of_own_plans(guarded)


def _of_own_plans(view):
    """A report of a plan the user takes no part in is not found (404)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = unquote(str(kwargs.get("pk", "")))
        plan_id = Report.objects.filter(pk=pk).values_list("plan_id", flat=True).first()
        if plan_id is None or not scopes.plans_taking_part(request.user).filter(pk=plan_id):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _read_only_when_completed(view):
    """A completed report's edit or delete address leads to its answers, saying why."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        report = Report.objects.filter(pk=unquote(str(kwargs.get("pk", "")))).first()
        if report is not None and report.is_completed:
            messages.info(request, _("A completed report cannot be changed or deleted."))
            return redirect(answers_url(report))
        return view(request, *args, **kwargs)

    return guarded


def answers_url(report: Report) -> str:
    return reverse("wagtailsnippets_reports_report:answers", args=[report.pk])


def _answered(report: Report) -> str:
    return _("%(answered)d of %(actions)d") % {
        "answered": report.answered,
        "actions": report.action_count or 0,
    }


def _who(answer) -> str:
    user = answer.answered_by if answer is not None else None
    return (user.get_full_name() or user.get_username()) if user is not None else ""


class ReportAnswersView(WagtailAdminTemplateMixin, TemplateView):
    """The report and each action of its plan, answered or not."""

    template_name = "editing/report_answers.html"
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        self.report = get_object_or_404(Report.objects.select_related("plan"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return str(self.report)

    def get_page_subtitle(self):
        return _("Answers")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_reports_report:list"), "label": _("Reporting")},
            {"url": "", "label": str(self.report)},
        ]

    def get_context_data(self, **kwargs):
        report, user = self.report, self.request.user
        rows = report_answers(report)
        may_change = not report.is_completed and policies.can_edit_plan_content(user, report.plan)
        return {
            **super().get_context_data(**kwargs),
            "report": report,
            "rows": [
                {
                    "row": row,
                    "who": _who(row.answer),
                    "answer_url": reverse(
                        "wagtailsnippets_reports_report:answer", args=[report.pk, row.action.pk]
                    ),
                }
                for row in rows
            ],
            "answered": sum(1 for row in rows if row.answer),
            "may_change": may_change,
            "edit_url": reverse("wagtailsnippets_reports_report:edit", args=[report.pk]),
            "complete_url": reverse("wagtailsnippets_reports_report:complete", args=[report.pk]),
        }


class ReportCompleteView(ReportAnswersView):
    """Completing, after saying what it does: a POST completes."""

    template_name = "editing/report_complete.html"

    def get_page_subtitle(self):
        return _("Complete the report")

    def get(self, request, *args, **kwargs):
        if self.report.is_completed:
            return redirect(answers_url(self.report))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The snapshot is of the published actions: an answer saved as a draft (the
        # action had unpublished changes, or its answerer may not publish) is not in it.
        context["unpublished"] = [
            item["row"].action
            for item in context["rows"]
            if item["row"].answer and item["row"].action.has_unpublished_changes
        ]
        return context

    def post(self, request, pk):
        try:
            report_complete(self.report, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(answers_url(self.report))
        messages.success(
            request,
            _("“%(report)s” was completed: its snapshot of every action is kept as it is now.")
            % {"report": self.report},
        )
        return redirect(answers_url(self.report))


class ReportViewSet(PlanContentViewSet):
    model = Report
    icon = "doc-full"
    menu_label = gettext_lazy("Reporting")
    # Not "reports": that is Wagtail's own menu, shown to installation admins only.
    menu_name = "vahti-reports"
    menu_order = 115
    add_to_admin_menu = True
    chooser_viewset_class = ListedOnlyChooserViewSet
    copy_view_enabled = False
    list_filter = ["plan", "state"]
    search_fields = ["slug", "name_fi", "name_sv", "name_en"]
    ordering = ["plan", "-period_end", "pk"]

    @property
    def list_display(self):
        return [
            "name",
            "period_start",
            "period_end",
            "deadline",
            "state",
            TitleColumn(
                "answered",
                label=gettext_lazy("Answered"),
                accessor=_answered,
                get_url=answers_url,
            ),
            Column("completed_at", label=gettext_lazy("Completed at")),
        ]

    def get_queryset(self, request):
        actions = (
            Action.objects.filter(plan=OuterRef("plan"), merged_with__isnull=True)
            .order_by()
            .values("plan")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return with_answer_counts(super().get_queryset(request)).annotate(
            action_count=Subquery(actions)
        )

    def get_urlpatterns(self):
        # Guarded with the viewset's own (PlanContentViewSet guards only Wagtail's).
        return guarded_urlpatterns(
            [
                *ScopedSnippetViewSet.get_urlpatterns(self),
                path("answers/<int:pk>/", ReportAnswersView.as_view(), name="answers"),
                path("complete/<int:pk>/", ReportCompleteView.as_view(), name="complete"),
                path("answer/<int:pk>/<int:action_pk>/", ReportAnswerView.as_view(), name="answer"),
            ],
            guard=self.permission_policy.guard,
        )

    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            translated("name", gettext_lazy("Name")),
            FieldPanel("slug"),
            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            FieldPanel("deadline"),
            translated("intro", gettext_lazy("Introduction")),
            FieldPanel("asked_fields"),
            FieldPanel("asks_estimates"),
        ],
        base_form_class=ReportForm,
    )


register_permission_policy(Report, ReportPermissionPolicy(Report))
register_snippet(ReportViewSet)
