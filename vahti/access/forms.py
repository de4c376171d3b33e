from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from vahti.access import throttle


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, saying so when failed logins have locked the door."""

    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": _(
            "The email address (or user name) and password did not match. Please try again."
        ),
        "locked": _(
            "Too many failed logins with this name. Wait %(minutes)s minutes and try "
            "again, or reset your password by email: then this browser is let in at once."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Wagtail's form gives the field no label, so Django made one of its name, in
        # English ("Password") whatever the admin's language.
        self.fields["password"].label = _("Password")

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and throttle.is_locked(username, self.request):
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": throttle.WINDOW // 60},
            )
        return super().clean()
