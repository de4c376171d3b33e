"""Keep the page editors' groups in step with roles, say when a page's public version
changed (``public_version_changed``: the search index follows), and keep the plans' data
versions (``vahti.plans.changes``) with what their pages show: content
pages, their view restrictions, and the images and documents every plan may use."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from vahti.access.models import Role
from vahti.content.models import ContentPage, PlanPages
from vahti.core.signals import public_version_changed
from vahti.plans import changes

changes.watch(ContentPage)
changes.watch(PlanPages)


@receiver([post_save, post_delete], sender=Role)
def _role_changed(sender, instance: Role, **kwargs):
    from vahti.content.services import sync_page_editors

    sync_page_editors(instance.plan)


@receiver([page_published, page_unpublished])
def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, ContentPage):
        public_version_changed.send(sender=ContentPage, instance=instance)


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    from vahti.content.services import page_moved

    page_moved(instance)
    # A move changes the tree (the footer's order, view restrictions, even the plan) by
    # SQL, not by saving the page's own row: every plan's pages may show it.
    changes.touch_all()


@receiver([post_save, post_delete], sender=PageViewRestriction)
def _restriction_changed(sender, instance: PageViewRestriction, **kwargs):
    from vahti.content.services import restriction_changed

    restriction_changed(instance.page)
    plan_id = getattr(instance.page.specific, "plan_id", None)
    # A restriction above the plans' pages covers every plan.
    changes.touch(plan_id) if plan_id else changes.touch_all()


@receiver([post_save, post_delete], sender=get_image_model())
@receiver([post_save, post_delete], sender=get_document_model())
def _shared_file_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        changes.touch_all()
