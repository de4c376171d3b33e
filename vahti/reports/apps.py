from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "vahti.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from vahti.plans import changes
        from vahti.reports import models

        # A report completed, renamed or removed changes the public site (its pages, the
        # footer's link): the plan's data version moves on.
        changes.watch(models.Report)
