"""Vahti's own entries in Wagtail's audit log (logging in and out, roles, plans)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def vahti_log_actions(actions):
    actions.register_action("vahti.login", _("Log in"), _("Logged in"))
    actions.register_action("vahti.logout", _("Log out"), _("Logged out"))
    actions.register_action("vahti.role.grant", _("Give a role"), _("Role given"))
    actions.register_action("vahti.role.revoke", _("Take a role away"), _("Role taken away"))
    actions.register_action("vahti.plan.create", _("Create a plan"), _("Plan created"))
    actions.register_action("vahti.plan.host_add", _("Add a host name"), _("Host name added"))
    actions.register_action(
        "vahti.plan.host_remove", _("Remove a host name"), _("Host name removed")
    )
    actions.register_action("vahti.plan.look", _("Change the appearance"), _("Appearance changed"))
