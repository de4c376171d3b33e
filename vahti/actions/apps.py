from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "vahti.actions"
    label = "actions"
    verbose_name = _("Actions")

    def ready(self):
        from vahti.actions import signals  # noqa: F401
