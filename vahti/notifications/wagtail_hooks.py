"""Reminders in the admin: each person chooses in their account settings how they want
each kind; a plan admin sets the plan's timing, reads what was sent to whom (and what
waits or failed) and previews every email."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel

from vahti.access import policies, scopes
from vahti.editing.plan_admin_pages import PlanAdminView
from vahti.notifications import emails, preferences
from vahti.notifications.models import DEFAULTS, USES_DAYS, Delivery, Kind, Reminder
from vahti.notifications.planning import timings
from vahti.plans.services import plan_settings_update

PAGE_SIZE = 50


class PreferencesForm(forms.Form):
    """One choice per kind of reminder; saved through :mod:`~vahti.notifications.preferences`."""

    def __init__(self, data=None, files=None, *, instance, prefix=None):
        super().__init__(data, files, prefix=prefix)
        self.user = instance
        current = preferences.preferences_of(instance)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=Delivery.choices, initial=current[kind.value],
                widget=forms.RadioSelect,
            )  # fmt: skip

    def save(self):
        preferences.preferences_save(self.user, dict(self.cleaned_data))


class RemindersPanel(BaseSettingsPanel):
    name = "reminders"
    title = gettext_lazy("Reminders")
    order = 450
    form_class = PreferencesForm
    help_text = gettext_lazy(
        "Reminders about the actions and indicators you are responsible for: as they come, "
        "in a digest on Mondays, or not at all."
    )

    def is_active(self):
        return policies.may_use_admin(self.user)


@hooks.register("register_account_settings_panel")
def reminders_panel(request, user, profile):
    return RemindersPanel(request, user, profile)


def _days(text: str) -> list[int]:
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not all(p.isdigit() for p in parts):
        raise ValidationError(_("Write whole days separated by commas, e.g. 30, 7, 1."))
    return [int(p) for p in parts]


class RulesForm(forms.Form):
    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        current = timings(plan)
        self.fields["stale_after_days"] = forms.IntegerField(
            label=_("An action needs updating after … days"), min_value=1, max_value=3650,
            initial=plan.stale_after_days,
        )  # fmt: skip
        self.fields["derived_lateness"] = forms.BooleanField(
            label=_("Show actions as late by their tasks and updates"), required=False,
            initial=plan.derived_lateness,
            help_text=_(
                "An action with an open task past its due date, or not updated within the "
                "limit above, is shown as late with the reason on its page, in the list's "
                "filter, on the dashboard and in the API, beside the status its contact "
                "person set."
            ),
            widget=forms.CheckboxInput(
                attrs={"aria-describedby": "id_derived_lateness-help"}
            ),
        )  # fmt: skip
        self.rows = []
        for kind in Kind:
            timing = current[kind.value]
            self.fields[f"{kind.value}-enabled"] = forms.BooleanField(
                label=_("Send"), required=False, initial=timing.enabled
            )
            row = {"kind": kind, "enabled": self[f"{kind.value}-enabled"]}
            if kind in USES_DAYS:
                self.fields[f"{kind.value}-days"] = forms.CharField(
                    label=_("Days"), required=False, max_length=100,
                    initial=", ".join(map(str, timing.days)),
                )  # fmt: skip
                row["days"] = self[f"{kind.value}-days"]
            if DEFAULTS[kind]["repeat"] or timing.repeat:
                self.fields[f"{kind.value}-repeat"] = forms.IntegerField(
                    label=_("Then every … days"), min_value=0, max_value=3650,
                    initial=timing.repeat,
                )  # fmt: skip
                row["repeat"] = self[f"{kind.value}-repeat"]
            self.rows.append(row)

    def clean(self):
        data = super().clean()
        for kind in USES_DAYS:
            field = f"{kind.value}-days"
            if field in data:
                try:
                    data[field] = _days(data[field])
                except ValidationError as error:
                    self.add_error(field, error)
        return data

    def rules(self) -> dict[str, dict]:
        data = self.cleaned_data
        return {
            kind.value: {
                "enabled": data[f"{kind.value}-enabled"],
                "days": data.get(f"{kind.value}-days", []),
                "repeat": data.get(f"{kind.value}-repeat") or 0,
            }
            for kind in Kind
        }


class RemindersView(PlanAdminView):
    template_name = "notifications/reminders.html"
    page_title = gettext_lazy("Reminders")
    header_icon = "mail"

    def choose(self, request) -> None:
        chosen = request.GET.get("plan") or request.POST.get("plan")
        self.plan = (
            get_object_or_404(self.plans, pk=chosen)
            if chosen and chosen.isdigit()
            else self.plans.first()
        )

    def get_context_data(self, **kwargs):
        state = self.request.GET.get("state", "")
        log = Reminder.objects.filter(plan=self.plan).order_by("-created_at", "-pk")
        if state in Reminder.State.values:
            log = log.filter(state=state)
        page = Paginator(log.select_related("action", "indicator"), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return {
            **super().get_context_data(**kwargs),
            "plan": self.plan,
            "plans": self.plans,
            "form": kwargs.get("form") or RulesForm(plan=self.plan),
            "page": page,
            "state": state,
            "states": Reminder.State.choices,
            "kinds": Kind.choices,
        }

    def post(self, request):
        form = RulesForm(request.POST, plan=self.plan)
        if form.is_valid():
            try:
                with transaction.atomic():
                    preferences.rules_save(self.plan, form.rules(), user=request.user)
                    plan_settings_update(
                        self.plan,
                        user=request.user,
                        stale_after_days=form.cleaned_data["stale_after_days"],
                        derived_lateness=form.cleaned_data["derived_lateness"],
                    )
            except ValidationError as error:
                for key, items in error.message_dict.items():
                    kind, dot, field_name = key.partition(".")
                    name = f"{kind}-{field_name}" if dot else key
                    form.add_error(name if name in form.fields else None, items)
            else:
                messages.success(request, _("The reminder rules were saved."))
                return redirect(f"{reverse('vahti_reminders')}?plan={self.plan.pk}")
        return self.render_to_response(self.get_context_data(form=form))


def preview_view(request, plan_id: int, kind: str, part: str):
    plan = get_object_or_404(
        scopes.in_working_plan(request.user, policies.plans_administered_by(request.user)),
        pk=plan_id,
    )
    if kind not in Kind.values:
        raise Http404
    language = request.GET.get("language") or plan.primary_language
    if language not in plan.languages:
        language = plan.primary_language
    email = emails.preview(
        plan, kind, user=request.user, language=language, digest=request.GET.get("digest") == "1"
    )
    if email is None:
        raise Http404(_("The plan has nothing to preview a reminder about yet."))
    if part == "html":
        return HttpResponse(email.alternatives[0][0], content_type="text/html; charset=utf-8")
    text = f"{_('Subject')}: {email.subject}\n\n{email.body}"
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@hooks.register("register_admin_urls")
def reminder_urls():
    return [
        path("reminders/", RemindersView.as_view(), name="vahti_reminders"),
        path(
            "reminders/<int:plan_id>/preview/<str:kind>.<str:part>",
            preview_view,
            name="vahti_reminder_preview",
        ),
    ]


class RemindersMenuItem(MenuItem):
    def is_shown(self, request):
        return scopes.runs_working_plan(request.user)


@hooks.register("register_admin_menu_item")
def reminders_menu_item():
    return RemindersMenuItem(
        gettext_lazy("Reminders"), reverse("vahti_reminders"), icon_name="mail", order=902
    )


@hooks.register("register_log_actions")
def reminder_log_actions(actions):
    actions.register_action(
        "vahti.reminders.rules",
        gettext_lazy("Change the reminder rules"),
        gettext_lazy("Reminder rules changed"),
    )
