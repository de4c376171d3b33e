"""Wagtail's account views with Vahti's rules on top."""

from __future__ import annotations

from wagtail.admin.views import account

from vahti.access import throttle


class PasswordResetConfirmView(account.PasswordResetConfirmView):
    """Choosing a password through an emailed link (a reset, or the welcome email) proves
    the browser is the owner's: it becomes a known browser, which strangers' failed
    logins with the same name cannot lock out (vahti.access.throttle)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        throttle.trust_browser(self.request, form.user)
        return response
