"""Django's permission checks for Vahti's roles: whoever has a role in a plan, or is named
on an action through their user account, may open the admin. What they may do there is
decided by vahti.access.policies, not by Django's model permissions."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from vahti.access import policies, throttle

ADMIN_ACCESS = "wagtailadmin.access_admin"
ACTION_PERMISSIONS = {
    "actions.add_action": "add",
    "actions.change_action": policies.CHANGE,
    "actions.delete_action": policies.DELETE,
    "actions.publish_action": policies.PUBLISH,
    "actions.lock_action": policies.LOCK,
    "actions.unlock_action": policies.UNLOCK,
    "actions.view_action": policies.VIEW,
}


class ThrottleBackend(ModelBackend):
    """First in line: refuses every login attempt while the name and address are locked
    out (vahti.access.throttle), before any password is checked. (It is a ModelBackend
    only so that sessions that name it, such as the test client's, find their user.)"""

    def authenticate(self, request, username=None, **credentials):
        if username and throttle.is_locked(username, request):
            raise PermissionDenied("Too many failed logins.")
        return None


class RoleBackend(ModelBackend):
    """Adds the admin-access permission to Django's own checks. Authentication itself is
    left to the backends before it."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if obj is not None:
            return False
        if perm == ADMIN_ACCESS:
            return policies.may_use_admin(user_obj)
        # Wagtail asks Django whether a user may publish or lock actions at all before
        # it offers the buttons; the views then ask vahti.access about the action itself.
        operation = ACTION_PERMISSIONS.get(perm)
        return operation is not None and policies.may_act_on_some_action(user_obj, operation)


class EmailBackend(ModelBackend):
    """Log in with an email address and password (the username still works through
    Django's own backend). An address shared by two accounts logs in neither."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or "@" not in username or password is None:
            return None
        users = list(get_user_model()._default_manager.filter(email__iexact=username.strip())[:2])
        if len(users) != 1:
            # Spend the time a password check takes, so timing does not tell.
            get_user_model()().set_password(password)
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
