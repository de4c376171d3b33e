"""The admin for indicators: their snippet editor and that of the plan's lists they
use (dimensions and their categories, scenarios).

An indicator's texts, links and breakdown dimensions are the plan's own content: plan
admins change them in the snippet editor, viewers read them. Its values and goals have a
page of their own (``indicator_data_admin``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from vahti.actions.models import Action
from vahti.editing.forms import PlanContentForm, _limit_formset_field
from vahti.editing.permissions import PlanContentPermissionPolicy
from vahti.editing.viewsets import PlanContentViewSet, translated
from vahti.indicators.models import (
    Dimension,
    DimensionCategory,
    Indicator,
    Scenario,
)
from vahti.orgs.models import Person


class IndicatorAdminForm(PlanContentForm):
    """Every choice in the inline rows (people, actions, other indicators) comes from the
    indicator's plan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan_id = self.instance.plan_id
        if not plan_id:
            return
        for formset_name, field_name, queryset in (
            ("contact_persons", "person", Person.objects.filter(plan_id=plan_id)),
            ("action_links", "action", Action.objects.filter(plan_id=plan_id)),
            (
                "effect_links",
                "effect_indicator",
                Indicator.objects.filter(plan_id=plan_id).exclude(pk=self.instance.pk),
            ),
        ):
            formset = self.formsets.get(formset_name)
            if formset is not None:
                _limit_formset_field(formset, field_name, queryset)


class DataLinkPanel(HelpPanel):
    """A link from the editor to the indicator's values and goals."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            instance = kwargs.get("instance")
            if instance is not None and instance.pk:
                self.content = format_html(
                    '<p><a class="button button-secondary" href="{}">{}</a></p>',
                    reverse("vahti_indicator_data", args=[instance.pk]),
                    _("Enter values and goals"),
                )
            else:
                self.content = _("Save the indicator first; then enter its values and goals.")


class IndicatorViewSet(PlanContentViewSet):
    model = Indicator
    icon = "table"
    menu_label = gettext_lazy("Indicators")
    menu_order = 105
    add_to_admin_menu = True
    list_display = ["name_fi", "identifier", "level", "time_resolution", "plan"]
    list_filter = ["plan", "level", "visibility"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    DataLinkPanel(),
                    FieldPanel("plan"),
                    FieldRowPanel([FieldPanel("identifier"), FieldPanel("level")]),
                    FieldPanel("is_emission_goal"),
                    translated("name", gettext_lazy("Name")),
                    translated("description", gettext_lazy("Description")),
                    FieldPanel("categories"),
                ],
                heading=gettext_lazy("Basic information"),
            ),
            ObjectList(
                [
                    translated("unit", gettext_lazy("Unit")),
                    translated("quantity", gettext_lazy("Quantity")),
                    FieldRowPanel([FieldPanel("time_resolution"), FieldPanel("desired_direction")]),
                    FieldRowPanel(
                        [
                            FieldPanel("minimum_value"),
                            FieldPanel("maximum_value"),
                            FieldPanel("decimals"),
                        ]
                    ),
                ],
                heading=gettext_lazy("Measurement"),
            ),
            ObjectList(
                [
                    FieldPanel("organization"),
                    InlinePanel(
                        "contact_persons",
                        panels=[FieldPanel("person")],
                        heading=gettext_lazy("Contact persons"),
                    ),
                    translated("data_source", gettext_lazy("Data source")),
                    FieldRowPanel([FieldPanel("data_source_url"), FieldPanel("licence")]),
                    FieldRowPanel([FieldPanel("updated_values_due_at"), FieldPanel("visibility")]),
                ],
                heading=gettext_lazy("Responsibility and source"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "action_links",
                        panels=[
                            FieldPanel("action"),
                            FieldRowPanel([FieldPanel("effect"), FieldPanel("indicates_progress")]),
                        ],
                        heading=gettext_lazy("Actions that affect it"),
                    ),
                    InlinePanel(
                        "effect_links",
                        panels=[
                            FieldPanel("effect_indicator"),
                            FieldRowPanel([FieldPanel("effect"), FieldPanel("confidence")]),
                        ],
                        heading=gettext_lazy("Its effects on other indicators"),
                    ),
                ],
                heading=gettext_lazy("Links"),
            ),
        ],
        base_form_class=IndicatorAdminForm,
    )


class PlanListViewSet(PlanContentViewSet):
    """One of a plan's own named lists (the indicators' dimensions, scenarios), under
    Snippets."""

    add_to_admin_menu = False
    list_display = ["name_fi", "identifier", "plan"]
    list_filter = ["plan"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("order")]),
            translated("name", gettext_lazy("Name")),
        ],
        base_form_class=PlanContentForm,
    )


class DimensionViewSet(PlanListViewSet):
    model = Dimension
    icon = "list-ul"
    menu_label = gettext_lazy("Dimensions")


class DimensionCategoryViewSet(PlanContentViewSet):
    model = DimensionCategory
    icon = "tag"
    menu_label = gettext_lazy("Dimension categories")
    add_to_admin_menu = False
    list_display = ["name_fi", "identifier", "dimension", "plan"]
    list_filter = ["plan", "dimension"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldPanel("dimension"),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("order"), FieldPanel("color")]),
            translated("name", gettext_lazy("Name")),
        ],
        base_form_class=PlanContentForm,
    )


class ScenarioViewSet(PlanListViewSet):
    model = Scenario
    icon = "resubmit"
    menu_label = gettext_lazy("Scenarios")


for viewset in (IndicatorViewSet, DimensionViewSet, DimensionCategoryViewSet, ScenarioViewSet):
    register_permission_policy(viewset.model, PlanContentPermissionPolicy(viewset.model))
    register_snippet(viewset)
