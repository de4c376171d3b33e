from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    name = "vahti.editing"
    label = "editing"
    verbose_name = _("Editing")

    def ready(self):
        from vahti.editing.csp import start_choosers_without_inline_scripts
        from vahti.editing.scoping import scope_every_bulk_action, scope_the_audit_log

        start_choosers_without_inline_scripts()

        scope_every_bulk_action()
        scope_the_audit_log()
