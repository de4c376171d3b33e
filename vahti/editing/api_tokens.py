"""API tokens in the admin: a plan admin creates a token for a data feed (its secret is
shown once, right after), sees when each was last used, and revokes it. What a token may
do is in :mod:`vahti.api.writes`; creating and revoking one is in the audit log."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from vahti.access import policies, scopes
from vahti.access.services import api_token_create, api_token_revoke
from vahti.editing.plan_admin_pages import PlanAdminView, PlanChoiceForm

SESSION_KEY = "vahti-new-api-token"


class TokenForm(PlanChoiceForm):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What uses the token, e.g. “Energy company's monthly import”."),
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Leave empty for a token that works until it is revoked."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day is not None and day <= timezone.localdate():
            raise ValidationError(_("The expiry must be in the future."))
        return day

    def expires_at(self):
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        # The token works through the whole day it expires on.
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


class ApiTokensView(PlanAdminView):
    template_name = "editing/api_tokens.html"
    page_title = gettext_lazy("API tokens")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        tokens = (
            scopes.in_working_plan(
                self.request.user, policies.api_tokens_managed_by(self.request.user)
            )
            .select_related("plan", "created_by", "revoked_by")
            .order_by("revoked_at", "plan__order", "plan__pk", "-created_at")
        )
        return {
            "form": TokenForm(plans=self.plans),
            "tokens": tokens,
            "now": timezone.now(),
            "new_token": self.request.session.pop(SESSION_KEY, None),
            "api_reference": reverse("api-pages:reference"),
            **super().get_context_data(**kwargs),
            **kwargs,
        }

    def post(self, request):
        if "revoke" in request.POST:
            return self._revoke(request)
        form = TokenForm(request.POST, plans=self.plans)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            token, secret = api_token_create(
                form.cleaned_data["plan"],
                name=form.cleaned_data["name"],
                user=request.user,
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            for field, items in error.message_dict.items():
                form.add_error("expires_on" if field == "expires_at" else field, items)
            return self.render_to_response(self.get_context_data(form=form))
        # Shown once, on the page the redirect leads to, and then gone.
        request.session[SESSION_KEY] = {
            "name": token.name,
            "plan": str(token.plan),
            "secret": secret,
        }
        return redirect("vahti_api_tokens")

    def _revoke(self, request):
        token = get_object_or_404(
            scopes.in_working_plan(
                request.user, policies.api_tokens_managed_by(request.user)
            ).select_related("plan"),
            pk=request.POST.get("revoke") if request.POST.get("revoke", "").isdigit() else None,
        )
        if api_token_revoke(token, user=request.user):
            messages.success(
                request,
                _("The token “%(name)s” was revoked: it no longer works.") % {"name": token.name},
            )
        else:
            messages.info(
                request, _("The token “%(name)s” was already revoked.") % {"name": token.name}
            )
        return redirect("vahti_api_tokens")


@hooks.register("register_admin_urls")
def api_token_urls():
    return [path("api-tokens/", ApiTokensView.as_view(), name="vahti_api_tokens")]


class ApiTokensMenuItem(MenuItem):
    def is_shown(self, request):
        return scopes.runs_working_plan(request.user)


@hooks.register("register_admin_menu_item")
def api_tokens_menu_item():
    return ApiTokensMenuItem(
        gettext_lazy("API tokens"), reverse("vahti_api_tokens"), icon_name="key", order=901
    )


@hooks.register("register_log_actions")
def api_token_log_actions(actions):
    actions.register_action(
        "vahti.api_token.create",
        gettext_lazy("Create an API token"),
        gettext_lazy("API token created"),
    )
    actions.register_action(
        "vahti.api_token.revoke",
        gettext_lazy("Revoke an API token"),
        gettext_lazy("API token revoked"),
    )


class ThroughToken(LogFormatter):
    """A change of values or goals, naming the API token when one made it."""

    via_token = ""

    def format_message(self, log_entry):
        token = (log_entry.data or {}).get("api_token")
        if token:
            return self.via_token % {"name": token.get("name", "?")}
        return self.message
