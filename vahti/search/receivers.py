"""The search index follows the domain: what the public site shows of an action, an
indicator or a content page changed, or a plan's languages did (the signals of
:mod:`vahti.core.signals`, connected in ``SearchConfig.ready``).

The receivers run where the signal is sent, inside the transaction of the change: a
publication and its search entries commit together, and an indexing that fails undoes
the publication. Inside ``services.deferred()`` the indexing waits for a rebuild."""

from __future__ import annotations

from django.dispatch import receiver

from vahti.actions.models import Action
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
