"""What follows an action being unpublished, however that happens (the admin's unpublish
view runs Wagtail's action directly, not ``Action.unpublish``)."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import unpublished

from vahti.actions.models import Action


@receiver(unpublished, sender=Action)
def _unpublished(sender, instance: Action, **kwargs):
    from vahti.actions import history
    from vahti.search.services import index_action

    with transaction.atomic():
        history.record(instance, published=False)
        index_action(instance)
