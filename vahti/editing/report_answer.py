"""Answering a report for one action: the action's current status, the progress
commentary in each of the plan's languages, the fields the report asks and, if it asks
them, the estimated effects. The fields and estimates are saved on the action itself (a
new revision, published when the user may publish: vahti.reports.services.report_answer).

Only the action's contact persons and the plan's admins answer; anyone else taking part
in the plan is refused (403), and a report of another plan is not found.
"""

from __future__ import annotations

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from vahti.access import policies, scopes
from vahti.actions.models import Action, ActionField, ContactPerson
from vahti.actions.services import action_lock_error
from vahti.core.i18n import column_name
from vahti.core.numbers import TypedDecimalField
from vahti.core.richtext import RICH_TEXT_FEATURES
from vahti.editing.rich_text import RichTextArea
from vahti.editing.working_plan import in_another_plan
from vahti.plans.models import Category
from vahti.reports.models import Report
from vahti.reports.selectors import reportable_actions
from vahti.reports.services import ESTIMATE_COLUMNS, report_answer

LANGUAGE_NAMES = dict(settings.LANGUAGES)
YES_NO = {"": None, "yes": True, "no": False}


class RichTextInput(RichTextArea):
    """The admin's rich text editor with the plan's rich text features."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)


def may_answer(user, action: Action) -> bool:
    """The plan's admins and the action's contact persons."""
    return policies.can_edit_plan_content(user, action.plan) or (
        ContactPerson.objects.filter(action=action, person__user=user).exists()
    )


def guard_answer(view):
    """The report and the action (of the report's plan, not merged), and the right to
    answer for it."""

    @wraps(view)
    def guarded(request, *args, pk, action_pk, **kwargs):
        report = get_object_or_404(Report.objects.select_related("plan"), pk=pk)
        action = get_object_or_404(
            reportable_actions(report.plan).select_related("plan"), pk=action_pk
        )
        if not may_answer(request.user, action):
            raise PermissionDenied
        if not scopes.of_working_plan(request.user, report):
            return in_another_plan(request, report.plan)
        return view(request, *args, pk=pk, action_pk=action_pk, **kwargs)

    return guarded


def _label(text, code: str) -> str:
    return f"{text} ({LANGUAGE_NAMES.get(code, code)})"


def _field_inputs(field: ActionField, languages: list[str]) -> dict[str, forms.Field]:
    """The form inputs of one asked field, by name: one per language for a text."""
    name, kind, label = f"field_{field.pk}", field.kind, str(field.name)
    help_text, required = str(field.help_text), field.is_required
    if kind in ActionField.TEXT_KINDS:
        rich = kind == ActionField.Kind.RICH_TEXT
        return {
            f"{name}_{code}": forms.CharField(
                label=_label(label, code),
                required=required and code == languages[0],
                widget=RichTextInput(attrs={"lang": code})
                if rich
                else forms.Textarea(attrs={"rows": 3, "lang": code}),
                help_text=help_text,
            )
            for code in languages
        }
    if kind == ActionField.Kind.NUMBER:
        unit = str(field.unit)
        made = TypedDecimalField(
            label=f"{label} ({unit})" if unit else label, max_digits=20, decimal_places=4
        )
    elif kind == ActionField.Kind.DATE:
        made = forms.DateField(label=label, widget=AdminDateInput)
    elif kind == ActionField.Kind.YES_NO:
        made = forms.ChoiceField(
            label=label,
            choices=[("", _("Not given")), ("yes", _("yes")), ("no", _("no"))],
            widget=forms.RadioSelect,
        )
    elif kind in ActionField.CHOICE_KINDS:
        made = forms.ModelChoiceField(label=label, queryset=field.options.all())
    else:
        made = forms.ModelChoiceField(
            label=label,
            queryset=Category.objects.filter(plan_id=field.plan_id, type_id=field.category_type_id),
        )
    made.required, made.help_text = required, help_text
    return {name: made}


class AnswerForm(forms.Form):
    def __init__(self, *args, report: Report, action: Action, current: Action, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.languages = report.plan.languages
        self.asked = list(report.asked_fields.order_by("order", "pk").prefetch_related("options"))
        for code in self.languages:
            self.fields[f"commentary_{code}"] = forms.CharField(
                label=_label(_("Progress commentary"), code),
                required=False,
                widget=RichTextInput(attrs={"lang": code}),
            )
        for field in self.asked:
            self.fields.update(_field_inputs(field, self.languages))
        if report.asks_estimates:
            for name in self.estimate_names():
                column = Action._meta.get_field(name)
                typed = (
                    {"form_class": TypedDecimalField}
                    if column.get_internal_type() == "DecimalField"
                    else {}
                )
                self.fields[name] = column.formfield(**typed)
        self.initial.update(_initial(self, report, action, current))

    def estimate_names(self) -> list[str]:
        methods = [column_name("estimate_method", code) for code in self.languages]
        return [*ESTIMATE_COLUMNS, *methods]

    def field_values(self) -> list[dict]:
        found = []
        for field in self.asked:
            name, column = f"field_{field.pk}", field.value_column
            if field.kind in ActionField.TEXT_KINDS:
                texts = {
                    column_name(column, code): self.cleaned_data.get(f"{name}_{code}") or ""
                    for code in self.languages
                }
                found.append({"field": field, **texts})
                continue
            value = self.cleaned_data.get(name)
            if field.kind == ActionField.Kind.YES_NO:
                value = YES_NO[value or ""]
            found.append({"field": field, column: value})
        return found


def _initial(form: AnswerForm, report: Report, action: Action, current: Action) -> dict:
    answer = report.answers.filter(action=action).first()
    initial = {
        f"commentary_{code}": getattr(answer, column_name("commentary", code), "")
        for code in form.languages
    }
    values = {value.field_id: value for value in current.field_values.all()}
    for field in form.asked:
        value = values.get(field.pk)
        if value is None:
            continue
        if field.kind in ActionField.TEXT_KINDS:
            for code in form.languages:
                initial[f"field_{field.pk}_{code}"] = getattr(
                    value, column_name(field.value_column, code)
                )
        elif field.kind == ActionField.Kind.YES_NO:
            initial[f"field_{field.pk}"] = {True: "yes", False: "no"}.get(value.yes_no, "")
        else:
            initial[f"field_{field.pk}"] = getattr(value, f"{field.value_column}_id", None) or (
                getattr(value, field.value_column)
            )
    if report.asks_estimates:
        initial.update({name: getattr(current, name) for name in form.estimate_names()})
    return initial


class ReportAnswerView(WagtailAdminTemplateMixin, FormView):
    template_name = "editing/report_answer.html"
    form_class = AnswerForm
    header_icon = "doc-full"

    def dispatch(self, request, pk, action_pk):
        self.report = Report.objects.select_related("plan").get(pk=pk)
        self.action = (
            Action.objects.select_related("plan", "status", "implementation_phase")
            .filter(pk=action_pk)
            .first()
        )
        if self.action is None:
            raise Http404
        has_draft = self.action.live and self.action.has_unpublished_changes
        self.current = self.action.get_latest_revision_as_object() if has_draft else self.action
        return super().dispatch(request, pk, action_pk)

    def get_page_title(self):
        return _("Answer: %(report)s") % {"report": self.report}

    def get_page_subtitle(self):
        return str(self.action)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "report": self.report,
            "action": self.action,
            "current": self.current,
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "report": self.report,
            "action": self.action,
            "current": self.current,
            "edit_url": reverse("wagtailsnippets_actions_action:edit", args=[self.action.pk]),
            "may_publish": policies.can(self.request.user, policies.PUBLISH, self.action),
            # Said before anything is typed: the fields would be refused on saving.
            "lock_error": action_lock_error(self.action, self.request.user),
        }

    def post(self, request, *args, **kwargs):
        if self.report.is_completed:
            messages.error(request, _("The report has been completed: it takes no more answers."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            report_answer(
                self.report,
                self.action,
                user=self.request.user,
                commentary={code: data[f"commentary_{code}"] for code in form.languages},
                field_values=form.field_values(),
                estimates={name: data[name] for name in form.estimate_names()}
                if self.report.asks_estimates
                else None,
                publish=policies.can(self.request.user, policies.PUBLISH, self.action),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, items in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, items)
            else:
                form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your answer for %(action)s was saved.") % {"action": self.action},
        )
        if policies.can_read_plan_content(self.request.user, self.report.plan):
            return redirect("wagtailsnippets_reports_report:answers", self.report.pk)
        return redirect("wagtailadmin_home")
