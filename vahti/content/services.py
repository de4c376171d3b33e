"""The Wagtail side of a plan's content pages: its place in the page tree, and who may
edit there. Roles live in ``vahti.access``; Wagtail decides page permissions from groups,
so each plan has a group of its plan admins, kept in step with their roles."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission, Locale, Page

from vahti.access.models import Role
from vahti.content.models import ContentPage, PlanPages
from vahti.core.signals import public_version_changed
from vahti.plans.models import Plan

# What a plan admin may do with the pages below their plan's PlanPages.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def group_name(plan: Plan) -> str:
    # By the plan's number, which never changes (its identifier can).
    return f"Plan {plan.pk} admins"


@transaction.atomic
def plan_pages(plan: Plan) -> PlanPages:
    """The plan's place in the page tree, made (with its editors' permissions) when
    first needed."""
    existing = PlanPages.objects.filter(plan=plan).first()
    if existing:
        return existing
    # Wagtail's migrations make the root and the default locale; a database emptied
    # since (a flush, a transactional test) has neither.
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    pages = root.add_child(
        instance=PlanPages(
            title=str(plan.name) or plan.identifier, slug=f"plan-{plan.pk}", plan=plan
        )
    )
    _sync(plan, pages)
    return pages


@transaction.atomic
def sync_page_editors(plan: Plan) -> Group:
    """Make the plan's group hold exactly its plan admins, with the page permissions on
    the plan's pages and on nothing else (the plan's pages are made for its first
    admin)."""
    admins = Role.objects.filter(plan=plan, kind=Role.Kind.PLAN_ADMIN)
    pages = PlanPages.objects.filter(plan=plan).first()
    if pages is None and admins.exists():
        return _sync(plan, plan_pages(plan))
    return _sync(plan, pages)


def _sync(plan: Plan, pages: PlanPages | None) -> Group:
    group, _created = Group.objects.get_or_create(name=group_name(plan))
    if pages is not None:
        wanted = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
        GroupPagePermission.objects.filter(group=group).exclude(page=pages).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=pages, permission=permission
            )
    admins = Role.objects.filter(plan=plan, kind=Role.Kind.PLAN_ADMIN).values_list(
        "user", flat=True
    )
    group.user_set.set(admins)
    return group


def add_page(parent: Page, **fields) -> ContentPage:
    """A content page below ``parent``, published (the demo loader, tests)."""
    page = ContentPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def page_moved(page: Page) -> None:
    """A page and the pages below it belong to the plan of their new place."""
    for moved in ContentPage.objects.descendant_of(page, inclusive=True):
        plan = moved.plan_from_tree()
        if moved.plan_id != (plan.pk if plan else None):
            ContentPage.objects.filter(pk=moved.pk).update(plan=plan)
        public_version_changed.send(sender=ContentPage, instance=moved)


def restriction_changed(page: Page) -> None:
    """The pages a view restriction on ``page`` covers changed their public version
    (restricted pages leave the search index, freed ones come back)."""
    for covered in ContentPage.objects.descendant_of(page, inclusive=True):
        public_version_changed.send(sender=ContentPage, instance=covered)
