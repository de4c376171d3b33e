"""Keep the page editors' groups in step with roles, and the search index with pages."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from vahti.access.models import Role
from vahti.content.models import ContentPage


@receiver([post_save, post_delete], sender=Role)
def _role_changed(sender, instance: Role, **kwargs):
    from vahti.content.services import sync_page_editors

    sync_page_editors(instance.plan)


@receiver([page_published, page_unpublished])
def _page_changed(sender, instance, **kwargs):
    from vahti.search.services import index_page

    if isinstance(instance, ContentPage):
        index_page(instance)
