from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "vahti.actions"
    label = "actions"
    verbose_name = _("Actions")

    def ready(self):
        from vahti.actions import models, signals  # noqa: F401
        from vahti.plans import changes

        changes.watch(models.Action)
        for child in (models.Task, models.ResponsibleParty, models.ContactPerson, models.NewsPost):
            changes.watch(child, changes.through("action"))
        # The plan's own fields and their options: the site keeps them per data version.
        changes.watch(models.ActionField)
        changes.watch(models.ActionFieldOption)
        changes.watch(models.ActionFieldValue, changes.through("action"))
        for relation in ("categories", "schedules", "related_actions"):
            changes.watch_links(getattr(models.Action, relation).through)
