"""The plan's organisations in the admin, as a tree with their abbreviations: listed
each under its parent, in order; the parent chosen among the plan's organisations, and
never the organisation itself or one below it (``Organization.clean``). An organisation
that has people, sub-units, actions or indicators is not deleted: the delete page says
which."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from vahti.editing.permissions import ListingPlanContentPermissionPolicy
from vahti.editing.plan_lists import InUseDeleteView, PlanListItemForm
from vahti.editing.trees import TreeListingMixin
from vahti.editing.viewsets import ListedOnlyChooserViewSet, PlanContentViewSet, translated
from vahti.orgs.models import Organization


class OrganizationViewSet(TreeListingMixin, PlanContentViewSet):
    model = Organization
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    menu_order = 115
    add_to_admin_menu = True
    chooser_viewset_class = ListedOnlyChooserViewSet
    delete_view_class = InUseDeleteView
    delete_template_name = "editing/delete_in_use.html"
    list_display = ["name", "abbreviation", "identifier", "order", "parent", "plan"]
    list_filter = ["plan"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en", "abbreviation_fi"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("parent"), FieldPanel("identifier"), FieldPanel("order")]),
            translated("name", gettext_lazy("Name")),
            translated("abbreviation", gettext_lazy("Abbreviation")),
        ],
        base_form_class=PlanListItemForm,
    )


register_permission_policy(Organization, ListingPlanContentPermissionPolicy(Organization))
register_snippet(OrganizationViewSet)
