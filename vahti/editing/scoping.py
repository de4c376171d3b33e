"""Every row the admin lists, offers or looks up by id is narrowed through vahti.access.

Wagtail's generic views read their rows straight from the model: a chooser lists, finds
and "chooses" any row of any plan, a bulk action's confirmation page names any object by
its id, a listing's filters offer every plan's statuses and organisations, and a form's
choices come from every plan. Here each of those asks :func:`admin_queryset`, the one
narrowing (vahti.access.scopes for a plan's data, Wagtail's page permissions plus the
user's plans for pages). The snippet views get it through :class:`ScopedSnippetViewSet`;
the bulk actions of every model (snippets, pages, users…) through
:func:`scope_every_bulk_action`, run when the admin starts.
"""

from __future__ import annotations

from functools import wraps

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import BooleanField, CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import URLResolver
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.models import Page, PageLogEntry
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.models.pages import PageLogEntryManager
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from vahti.access import scopes
from vahti.editing.races import RaceSafeCreateView
from vahti.editing.versions import VersionCheckedEditView
from vahti.editing.views import LanguageMarkingInspectView
from vahti.plans.models import Plan


def admin_queryset(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see in the admin."""
    if issubclass(queryset.model, Page):
        return queryset.filter(pk__in=pages_visible_to(user).values("pk"))
    return scopes.visible_to(user, queryset)


def pages_visible_to(user) -> QuerySet[Page]:
    """The pages the user may explore (Wagtail's page permissions), the pages of the
    plans they take part in, and the root; in the admin, of the working plan only."""
    if user.is_active and user.is_superuser:
        pages = Page.objects.all()
    else:
        plans = scopes.plans_taking_part(user)
        pages = Page.objects.filter(
            Q(depth=1)
            | Q(pk__in=PagePermissionPolicy().explorable_instances(user).values("pk"))
            | Q(planpages__plan__in=plans)
            | Q(contentpage__plan__in=plans)
        )
    plan = scopes.admin_working_plan(user)
    if plan is not None:
        pages = pages.filter(Q(depth=1) | Q(planpages__plan=plan) | Q(contentpage__plan=plan))
    return pages


class WorkingPlanPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, the pages one may explore (the explorer, the admin's
    page search) narrowed to the plan one works in."""

    def explorable_instances(self, user, *args, **kwargs):
        pages = super().explorable_instances(user, *args, **kwargs)
        plan = scopes.admin_working_plan(user)
        if plan is None:
            return pages
        return pages.filter(Q(depth=1) | Q(planpages__plan=plan) | Q(contentpage__plan=plan))


# Choosers ---------------------------------------------------------------------------


class ScopedChooseView(ChooseView):
    def get_object_list(self):
        return admin_queryset(self.request.user, super().get_object_list())


class ScopedChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return admin_queryset(self.request.user, super().get_object_list())


class ScopedChosenView(SnippetChosenView):
    def get_object(self, pk):
        return admin_queryset(self.request.user, self.model_class.objects.all()).get(pk=pk)


class ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return admin_queryset(self.request.user, super().get_objects(pks))


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


# Listings ---------------------------------------------------------------------------


class ScopedFilterSet(WagtailFilterSet):
    """A listing's filters offer only the rows the user may see (their plans, their
    plans' statuses, organisations…)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        for listed in self.filters.values():
            # django-filter's model choice filters read their rows from .queryset.
            queryset = getattr(listed, "queryset", None)
            if isinstance(queryset, QuerySet):
                listed.queryset = admin_queryset(user, queryset)


class ScopedIndexView(IndexView):
    """A listing of what the user may see, of their working plan. Installation admins
    see each row's plan and may filter by it; for others the plan is implied (the working
    plan), so neither is shown."""

    base_filterset_class = ScopedFilterSet

    def get_base_queryset(self):
        # The viewset's own queryset (get_queryset) narrowed once more, so that a
        # viewset's listing is of the working plan without code of its own.
        return admin_queryset(self.request.user, super().get_base_queryset())

    @cached_property
    def filterset_class(self):
        if not _has_plan(self.model) or not isinstance(self.list_filter, list | tuple):
            return super().filterset_class
        wanted = [name for name in self.list_filter if name != "plan"]
        if self.request.user.is_superuser:
            wanted.insert(0, "plan")
        original = self.list_filter
        self.list_filter = wanted
        try:
            return super().filterset_class
        finally:
            self.list_filter = original

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        """A column in the admin's language: the plan's (a ForeignKey without a label of
        its own would be headed “Plan”), a yes/no field's cells as Yes/No."""
        column = super()._get_custom_column(field_name, column_class, **kwargs)
        try:
            field = self.model._meta.get_field(field_name)
        except FieldDoesNotExist:
            return column
        if field_name == "plan":
            column.label = capfirst(Plan._meta.verbose_name)
        elif isinstance(field, BooleanField) and column_class is Column:
            return YesNoColumn(column.name, label=column.label, sort_key=column.sort_key, **kwargs)
        return column

    @cached_property
    def columns(self):
        columns = super().columns
        if not _has_plan(self.model):
            return columns
        others = [column for column in columns if getattr(column, "name", None) != "plan"]
        if not self.request.user.is_superuser:
            return others
        if len(others) < len(columns):
            return columns
        return [*columns, self._get_custom_column("plan")]


class YesNoColumn(Column):
    """A yes/no field's cell in the admin's language (Wagtail would write True/False)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else (_("Yes") if value else _("No"))


def _has_plan(model) -> bool:
    return any(field.name == "plan" for field in model._meta.concrete_fields)


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet's admin whose listing, filters and chooser show only what the user may
    see (a subclass narrows its listing further in ``get_queryset``), and whose edit
    form refuses a save based on an older version (vahti.editing.versions)."""

    index_view_class = ScopedIndexView
    add_view_class = RaceSafeCreateView
    edit_view_class = VersionCheckedEditView
    inspect_view_class = LanguageMarkingInspectView
    chooser_viewset_class = ScopedSnippetChooserViewSet

    def get_queryset(self, request):
        return admin_queryset(request.user, self.model._default_manager.all())


# The parameters by which Wagtail's admin URLs name a page.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def guard_page_views(patterns: list) -> None:
    """Every admin URL that names a page (explore, edit, history, usage, move…): a page
    of another plan than the one the user works in is not found (404), as the snippets'
    objects are (vahti.editing.permissions.guard_object_view)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            guard_page_views(pattern.url_patterns)
            continue
        names = set(pattern.pattern.regex.groupindex) & set(PAGE_PARAMETERS)
        view = pattern.callback
        if not names or getattr(view, "_vahti_plan_guarded", False):
            continue

        @wraps(view)
        def guarded(request, *args, view=view, names=names, **kwargs):
            plan = scopes.admin_working_plan(request.user)
            if plan is not None:
                ids = {kwargs[name] for name in names if name in kwargs}
                of_plan = Page.objects.filter(pk__in=ids).filter(
                    Q(depth=1) | Q(planpages__plan=plan) | Q(contentpage__plan=plan)
                )
                if of_plan.count() < len(ids):
                    raise Http404
            return view(request, *args, **kwargs)

        guarded._vahti_plan_guarded = True
        pattern.callback = guarded


def guard_page_chooser(patterns: list) -> None:
    """Wagtail's page chooser opened at a page names that page, whoever asks: here only
    at the pages the user may see (its children are narrowed by the
    construct_page_chooser_queryset hook). The other views of a page are guarded too
    (:func:`guard_page_views`)."""
    guard_page_views(patterns)
    for pattern in patterns:
        if getattr(pattern, "name", None) != "wagtailadmin_choose_page_child":
            continue
        view = pattern.callback
        if getattr(view, "_vahti_guarded", False):
            continue

        @wraps(view)
        def guarded(request, *args, view=view, **kwargs):
            parent = kwargs.get("parent_page_id")
            if not pages_visible_to(request.user).filter(pk=parent).exists():
                raise Http404
            return view(request, *args, **kwargs)

        guarded._vahti_guarded = True
        pattern.callback = guarded


# Bulk actions -----------------------------------------------------------------------


def scope_every_bulk_action() -> None:
    """Bulk actions (Wagtail's /admin/bulk/<app>/<model>/<action>/?id=…) confirm with
    the names of the objects chosen, those the user may not act on included. Any
    registered bulk action, of any model, now knows only the objects the user may see:
    the others are as if they did not exist."""
    if getattr(BulkAction, "_vahti_scoped", False):
        return
    unscoped = BulkAction.get_actionable_objects

    def get_actionable_objects(self):
        objects, extra = unscoped(self)
        hidden = [*objects, *extra.get("items_with_no_access", [])]
        visible = set(
            admin_queryset(
                self.request.user, self.model._default_manager.filter(pk__in=[o.pk for o in hidden])
            ).values_list("pk", flat=True)
        )
        objects = [o for o in objects if o.pk in visible]
        extra = {
            **extra,
            "items_with_no_access": [
                o for o in extra.get("items_with_no_access", []) if o.pk in visible
            ],
        }
        if not objects and not extra["items_with_no_access"]:
            raise Http404
        return objects, extra

    BulkAction.get_actionable_objects = get_actionable_objects
    BulkAction._vahti_scoped = True


# The audit log ------------------------------------------------------------------------


def scope_the_audit_log() -> None:
    """Wagtail's site history report (installation admins only) lists the log entries of
    every plan. In the admin it now lists those of the working plan only: the plan's own
    settings, its pages and every object of it that is still there (an object deleted
    since is known by its id alone, so its entries show under "All plans")."""
    for manager_class in (ModelLogEntryManager, PageLogEntryManager):
        if manager_class.__dict__.get("_vahti_scoped", False):
            continue
        unscoped = manager_class.viewable_by_user

        def viewable_by_user(self, user, unscoped=unscoped):
            entries = unscoped(self, user)
            plan = scopes.admin_working_plan(user)
            return entries if plan is None else log_entries_of_plan(entries, plan)

        manager_class.viewable_by_user = viewable_by_user
        manager_class._vahti_scoped = True


def log_entries_of_plan(entries: QuerySet, plan) -> QuerySet:
    """``entries`` (page or model log entries) of the objects of ``plan``."""
    if issubclass(entries.model, PageLogEntry):
        return entries.filter(
            page__in=Page.objects.filter(Q(planpages__plan=plan) | Q(contentpage__plan=plan))
        )
    content_types = ContentType.objects.get_for_models(*_models_with_a_plan(), Plan)
    of_plan = Q(content_type=content_types[Plan], object_id=str(plan.pk))
    for model in _models_with_a_plan():
        ids = model._default_manager.filter(plan=plan).annotate(
            text_id=Cast("pk", output_field=CharField())
        )
        of_plan |= Q(content_type=content_types[model], object_id__in=ids.values("text_id"))
    return entries.filter(of_plan)


def _models_with_a_plan() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if any(
            field.name == "plan" and field.related_model is Plan
            for field in model._meta.concrete_fields
        )
    ]
