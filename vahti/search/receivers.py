"""The search index follows the domain: what the public site shows of an action, an
indicator or a content page changed, or a plan's languages did (the signals of
:mod:`vahti.core.signals`, connected in ``SearchConfig.ready``).

The receivers run where the signal is sent, inside the transaction of the change: a
publication and its search entries commit together, and an indexing that fails undoes
the publication. Inside ``services.deferred()`` the indexing waits for a rebuild."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from vahti.actions.models import Action, ActionField
from vahti.content.models import ContentPage
from vahti.core.signals import plan_languages_changed, public_version_changed
from vahti.indicators.models import Indicator
from vahti.plans.models import Plan
from vahti.search import services


@receiver(public_version_changed, sender=Action, dispatch_uid="vahti-search-action")
def _action_changed(sender, instance: Action, **kwargs):
    services.index_action(instance)


@receiver(public_version_changed, sender=Indicator, dispatch_uid="vahti-search-indicator")
def _indicator_changed(sender, instance: Indicator, **kwargs):
    services.index_indicator(instance)


@receiver(public_version_changed, sender=ContentPage, dispatch_uid="vahti-search-page")
def _page_changed(sender, instance: ContentPage, **kwargs):
    services.index_page(instance)


@receiver(plan_languages_changed, sender=Plan, dispatch_uid="vahti-search-languages")
def _languages_changed(sender, instance: Plan, **kwargs):
    # The index has an entry per language and falls back to the primary.
    services.rebuild_plan(instance)


def _searched(field: ActionField) -> bool:
    """Whether the field's values are searched with its actions."""
    return field.is_public and field.kind in ActionField.TEXT_KINDS


@receiver(pre_save, sender=ActionField, dispatch_uid="vahti-search-field-before")
def _field_before(sender, instance: ActionField, **kwargs):
    stored = ActionField.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._searched_before = stored is not None and _searched(stored)


@receiver(post_save, sender=ActionField, dispatch_uid="vahti-search-field")
def _field_changed(sender, instance: ActionField, created: bool, **kwargs):
    # A text field made public or non-public: its values join or leave the actions'
    # entries. (A new field has no values yet.)
    if not created and getattr(instance, "_searched_before", False) != _searched(instance):
        services.rebuild_plan_unless_deferred(instance.plan)


@receiver(post_delete, sender=ActionField, dispatch_uid="vahti-search-field-deleted")
def _field_deleted(sender, instance: ActionField, **kwargs):
    if _searched(instance):
        services.rebuild_plan_unless_deferred(instance.plan)
