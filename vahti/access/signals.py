"""The audit log of logins and roles, and failed logins counted for throttling."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.log_actions import log

from vahti.access import throttle
from vahti.access.models import Role


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    throttle.clear(user.get_username(), request)
    throttle.clear(user.email, request)
    if request is not None:
        throttle.trust_browser(request, user)
    log(user, "vahti.login", user=user, data={"address": throttle.client_address(request)})


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        log(user, "vahti.logout", user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    throttle.record_failure(credentials.get("username", ""), request)


@receiver(post_save, sender=Role)
def _role_saved(sender, instance: Role, created, **kwargs):
    log(instance.user, "vahti.role.grant", data=_role_data(instance))


@receiver(post_delete, sender=Role)
def _role_deleted(sender, instance: Role, **kwargs):
    log(instance.user, "vahti.role.revoke", data=_role_data(instance))


def _role_data(role: Role) -> dict:
    return {
        "plan": role.plan.identifier,
        "role": role.kind,
        "organization": str(role.organization) if role.organization_id else None,
    }
