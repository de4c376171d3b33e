from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "vahti.access"
    verbose_name = _("Access")

    def ready(self):
        from vahti.access import signals  # noqa: F401  (connects the receivers)
