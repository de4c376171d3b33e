from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "vahti.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from vahti.indicators import models
        from vahti.plans import changes

        for model in (models.Dimension, models.DimensionCategory, models.Scenario):
            changes.watch(model)
        changes.watch(models.Indicator)
        for child in (
            models.IndicatorContactPerson,
            models.ActionIndicator,
            models.IndicatorGoal,
            models.IndicatorValue,
        ):
            changes.watch(child, changes.through("indicator"))
        changes.watch(models.IndicatorRelation, changes.through("cause"))
        changes.watch_links(models.Indicator.categories.through)
