"""What follows an action being published or unpublished, however that happens (the
admin's unpublish view runs Wagtail's action directly, not ``Action.unpublish``): the
action's history row, and whoever else listens to ``public_version_changed``."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import unpublished

from vahti.actions import history
from vahti.actions.models import Action
from vahti.core.signals import public_version_changed


@receiver(unpublished, sender=Action)
def _unpublished(sender, instance: Action, **kwargs):
    with transaction.atomic():
        public_version_changed.send(sender=Action, instance=instance, published=False)


@receiver(public_version_changed, sender=Action)
def _record_history(sender, instance: Action, published: bool, revision=None, **kwargs):
    history.record(instance, published=published, revision=revision)
