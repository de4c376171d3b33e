"""The import and export in the admin, for plan admins: download the plan's workbook,
upload one, see the dry run's report (every problem by sheet, row and column) and apply
it when it has none. The page also explains the sheets and their columns."""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from vahti.access import policies, scopes
from vahti.core import spreadsheets
from vahti.editing.plan_admin_pages import PlanAdminView, PlanChoiceForm
from vahti.exchange import progress
from vahti.plans.models import Plan
from vahti.workbook import reader
from vahti.workbook.documentation import documentation
from vahti.workbook.export import Export
from vahti.workbook.importer import import_workbook
from vahti.workbook.sheets import SHEETS

CHECKED_FOR = 60 * 60  # seconds a checked workbook waits to be applied


class UploadForm(PlanChoiceForm):
    file = forms.FileField(
        label=gettext_lazy("Workbook"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx), or one sheet as a CSV file named after it."
        ),
    )


class ImportView(PlanAdminView):
    template_name = "exchange/import.html"
    page_title = gettext_lazy("Import and export")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        return {
            "form": UploadForm(plans=self.plans),
            "plans": self.plans,
            "sheets": documentation(),
            **super().get_context_data(**kwargs),
            **kwargs,
        }

    def post(self, request):
        if "token" in request.POST:
            return self._apply(request)
        form = UploadForm(request.POST, request.FILES, plans=self.plans)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        plan, upload = form.cleaned_data["plan"], form.cleaned_data["file"]
        if upload.size > reader.max_bytes():
            content = b"\0" * (reader.max_bytes() + 1)  # the reader names the limit
        else:
            content = upload.read()
        try:
            sheets = reader.read(upload.name, content)
        except reader.Unreadable as error:
            return self.render_to_response(
                self.get_context_data(form=form, problems=error.problems, checked_plan=plan)
            )
        report = import_workbook(sheets, plan=plan, user=request.user, dry_run=True)
        context = {
            "form": form,
            "report": report,
            "problems": report.problems,
            "checked_plan": plan,
        }
        if not report.problems:
            token = secrets.token_urlsafe(24)
            cache.set(
                f"vahti-import:{token}",
                {"user": request.user.pk, "plan": plan.pk, "name": upload.name, "content": content},
                CHECKED_FOR,
            )
            context["token"] = token
        return self.render_to_response(self.get_context_data(**context))

    def _apply(self, request):
        key = f"vahti-import:{request.POST['token']}"
        checked = cache.get(key)
        if not checked or checked["user"] != request.user.pk:
            messages.error(request, _("The checked workbook has expired: upload it again."))
            return redirect("vahti_exchange")
        plan = get_object_or_404(self.plans, pk=checked["plan"])  # still an admin of it
        cache.delete(key)
        user, name = request.user, checked["name"]

        def logged(report):
            log(
                instance=plan,
                action="vahti.plan.import",
                user=user,
                data={
                    "file": name,
                    "counts": {
                        sheet: [c.created, c.updated, c.unchanged]
                        for sheet, c in report.counts.items()
                    },
                },
            )

        token = request.POST["token"]
        progress.start(
            token, user=user, plan=plan, name=name, content=checked["content"], on_applied=logged
        )
        return redirect("vahti_exchange_progress", token=token)


class ProgressView(WagtailAdminTemplateMixin, TemplateView):
    """Where the applied import stands; refreshes itself while it runs."""

    template_name = "exchange/import_progress.html"
    page_title = gettext_lazy("Import and export")
    header_icon = "download"
    REFRESH_SECONDS = 2

    def dispatch(self, request, *args, **kwargs):
        plans = policies.plans_administered_by(request.user)
        if not plans.exists():
            raise PermissionDenied
        self.state = progress.state_of(kwargs["token"], request.user)
        if self.state is None or not plans.filter(pk=self.state["plan"]).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("vahti_exchange"), "label": self.page_title},
            {"url": "", "label": _("Importing")},
        ]

    def get_context_data(self, **kwargs):
        state = self.state
        return {
            **super().get_context_data(**kwargs),
            "import": state,
            "plan": Plan.objects.get(pk=state["plan"]),
            "refresh": self.REFRESH_SECONDS if state["state"] == "running" else None,
        }


def export_view(request, pk: int):
    plan = get_object_or_404(
        scopes.in_working_plan(request.user, policies.plans_administered_by(request.user)), pk=pk
    )
    return spreadsheets.xlsx_file_response(
        Export(plan, public=False).workbook(), f"{plan.identifier}.xlsx"
    )


def template_view(request):
    if not scopes.in_working_plan(
        request.user, policies.plans_administered_by(request.user)
    ).exists():
        raise PermissionDenied
    rows = [
        (name, [[column.name for column in columns]], [14] * len(columns))
        for name, columns in SHEETS.items()
    ]
    return spreadsheets.xlsx_file_response(spreadsheets.xlsx_bytes(rows), "vahti-template.xlsx")


@hooks.register("register_admin_urls")
def exchange_urls():
    return [
        path("import/", ImportView.as_view(), name="vahti_exchange"),
        path("import/template.xlsx", template_view, name="vahti_exchange_template"),
        path("import/export/<int:pk>.xlsx", export_view, name="vahti_exchange_export"),
        path(
            "import/progress/<str:token>/", ProgressView.as_view(), name="vahti_exchange_progress"
        ),
    ]


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request):
        return scopes.runs_working_plan(request.user)


@hooks.register("register_admin_menu_item")
def exchange_menu_item():
    return ExchangeMenuItem(
        gettext_lazy("Import and export"),
        reverse("vahti_exchange"),
        icon_name="download",
        order=900,
    )


@hooks.register("register_log_actions")
def exchange_log_actions(actions):
    actions.register_action(
        "vahti.plan.import", gettext_lazy("Import a workbook"), gettext_lazy("Workbook imported")
    )
