"""A plan's own lists in the admin: action statuses (colour, sentiment, completed),
implementation phases, impacts, schedules and category types, each in its ``order``.

The plan's admins change them, its viewers read them (:class:`PlanContentPermissionPolicy`);
every row is checked by the model's own ``clean`` and constraints, as the workbook
importer checks it. A row still in use (a status that actions have, a category type with
categories) is not deleted: the delete page says what uses it.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSetGroup

from vahti.core.usage import usages
from vahti.editing.forms import PlanContentForm
from vahti.editing.permissions import ListingPlanContentPermissionPolicy
from vahti.editing.plan_settings import PlanSettingsViewSet
from vahti.editing.viewsets import ListedOnlyChooserViewSet, PlanContentViewSet, translated
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    CategoryType,
)


def in_use_message(obj, found) -> str:
    """“Käynnissä” cannot be deleted because it is in use by actions (2): 126 …, 127 …"""
    parts = [
        _("%(kind)s (%(count)d): %(examples)s%(more)s")
        % {
            "count": usage.count,
            "kind": usage.kind,
            "examples": ", ".join(usage.examples),
            "more": " …" if usage.count > len(usage.examples) else "",
        }
        for usage in found
    ]
    return _(
        "“%(object)s” cannot be deleted because it is in use by %(users)s. Change or "
        "delete those first."
    ) % {"object": obj, "users": "; ".join(parts)}


class InUseDeleteView(DeleteView):
    """Wagtail's delete, refused with a message naming what uses the row (the view's
    ``in_use_also``: reverse relations that would otherwise be deleted with it)."""

    in_use_also: tuple[str, ...] = ()

    def in_use(self):
        if not hasattr(self, "_in_use"):
            self._in_use = usages(self.object, also=self.in_use_also)
        return self._in_use

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = self.in_use()
        if found:
            context["in_use_message"] = in_use_message(self.object, found)
        return context

    def form_valid(self, form):
        if self.in_use():
            messages.error(self.request, in_use_message(self.object, self.in_use()))
            return redirect(self.request.path)
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError):
            # Put in use between the page and the click.
            self._in_use = usages(self.object, also=self.in_use_also)
            messages.error(self.request, in_use_message(self.object, self.in_use()))
            return redirect(self.request.path)


class PlanListItemForm(PlanContentForm):
    """A row of one of the plan's lists (its constraints with the plan are checked by
    :class:`PlanContentForm`: a second status “done” is a form error)."""


class PlanListItemViewSet(PlanContentViewSet):
    add_to_admin_menu = False
    chooser_viewset_class = ListedOnlyChooserViewSet
    delete_view_class = InUseDeleteView
    delete_template_name = "editing/delete_in_use.html"
    ordering = ["plan", "order", "pk"]
    list_filter = ["plan"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    in_use_also: tuple[str, ...] = ()
    # The row's own fields, beside the plan, identifier, order and name.
    own_fields: list = []

    def get_delete_view_kwargs(self, **kwargs):
        return {**super().get_delete_view_kwargs(**kwargs), "in_use_also": self.in_use_also}

    def get_edit_handler(self):
        return ObjectList(
            [
                FieldPanel("plan"),
                FieldRowPanel([FieldPanel("identifier"), FieldPanel("order")]),
                translated("name", gettext_lazy("Name")),
                *self.own_fields,
            ],
            base_form_class=PlanListItemForm,
        ).bind_to_model(self.model)


class ActionStatusViewSet(PlanListItemViewSet):
    model = ActionStatus
    icon = "circle-check"
    menu_label = gettext_lazy("Statuses")
    list_display = ["name", "identifier", "order", "color", "sentiment", "is_completed", "plan"]
    own_fields = [
        FieldRowPanel([FieldPanel("color"), FieldPanel("sentiment")]),
        FieldPanel("is_completed"),
    ]


class PhaseViewSet(PlanListItemViewSet):
    model = ActionImplementationPhase
    icon = "resubmit"
    menu_label = gettext_lazy("Implementation phases")
    list_display = ["name", "identifier", "order", "color", "plan"]
    own_fields = [FieldPanel("color")]


class ImpactViewSet(PlanListItemViewSet):
    model = ActionImpact
    icon = "pick"
    menu_label = gettext_lazy("Impacts")
    list_display = ["name", "identifier", "order", "is_estimate", "plan"]
    own_fields = [FieldPanel("is_estimate")]


class ScheduleViewSet(PlanListItemViewSet):
    model = ActionSchedule
    icon = "date"
    menu_label = gettext_lazy("Schedules")
    list_display = ["name", "identifier", "order", "begins_at", "ends_at", "plan"]
    own_fields = [FieldRowPanel([FieldPanel("begins_at"), FieldPanel("ends_at")])]


class CategoryTypeViewSet(PlanListItemViewSet):
    model = CategoryType
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Category types")
    list_display = ["name", "identifier", "order", "is_primary", "plan"]
    own_fields = [FieldPanel("is_primary")]
    # Deleting a type would delete its categories (and take them off the actions).
    in_use_also = ("categories",)


LIST_VIEWSETS = (
    ActionStatusViewSet,
    PhaseViewSet,
    ImpactViewSet,
    ScheduleViewSet,
    CategoryTypeViewSet,
)

for viewset in LIST_VIEWSETS:
    register_permission_policy(viewset.model, ListingPlanContentPermissionPolicy(viewset.model))


class PlanViewSetGroup(SnippetViewSetGroup):
    """The “Plan” menu: the plan's settings and its lists."""

    menu_label = gettext_lazy("Plan")
    menu_icon = "cog"
    menu_order = 140
    items = (PlanSettingsViewSet, *LIST_VIEWSETS)


register_snippet(PlanViewSetGroup)


class CategoryAdminForm(PlanListItemForm):
    """A category's parent is one of its plan's categories of the same type; putting it
    inside itself is an error of the parent field (``Category.clean``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "parent" in self.fields:
            self.fields["parent"].queryset = self.fields["parent"].queryset.filter(
                type_id=self.instance.type_id
            )


class CategoryDeleteView(InUseDeleteView):
    """A category with sub-categories or actions stays (its actions would lose it)."""

    in_use_also = ("children",)
