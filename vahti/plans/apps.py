from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "vahti.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from vahti.plans import changes, models

        for model in (
            models.PlanDomain,
            models.PlanFooterLink,
            models.ActionStatus,
            models.ActionImplementationPhase,
            models.ActionImpact,
            models.ActionSchedule,
            models.CategoryType,
            models.Category,
        ):
            changes.watch(model)

        def plan_deleted(sender, instance, **kwargs):
            changes.advance_versions(instance.pk, changes.ROUTING)

        post_delete.connect(plan_deleted, sender=models.Plan, dispatch_uid="vahti-plan-deleted")
