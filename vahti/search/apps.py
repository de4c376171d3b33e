from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "vahti.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from vahti.search import (
            checks,  # noqa: F401 (registers the system checks)
            receivers,  # noqa: F401 - connects the index to the domain
        )
