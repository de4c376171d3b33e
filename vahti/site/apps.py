from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "vahti.site"
    label = "site"
    verbose_name = _("Public site")

    def ready(self):
        from vahti.site import (
            action_page,
            pagecache,  # noqa: F401 - registers its deployment check
        )

        action_page.register_preview()
