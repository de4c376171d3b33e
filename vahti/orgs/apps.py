from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "vahti.orgs"
    label = "orgs"
    verbose_name = _("Organisations and people")

    def ready(self):
        from vahti.orgs import models
        from vahti.plans import changes

        changes.watch(models.Organization)
        changes.watch(models.Person)
