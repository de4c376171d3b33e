from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "vahti.content"
    label = "content"
    verbose_name = _("Content pages")

    def ready(self):
        from vahti.content import signals  # noqa: F401
