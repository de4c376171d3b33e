from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "vahti.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from vahti.plans import changes, models

        for model in (
            models.PlanDomain,
            models.ActionStatus,
            models.ActionImplementationPhase,
            models.ActionImpact,
            models.ActionSchedule,
            models.CategoryType,
            models.Category,
        ):
            changes.watch(model)
