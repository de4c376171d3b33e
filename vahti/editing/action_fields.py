"""The plan's own action fields in the admin (issue 24): a plan admin defines each field
(its kind, name, help text and unit in the plan's languages, order, whether it is public
or required) with a choice field's options inline. Only the plan's admins see and change
them (others get 403 and no menu item).

Nothing the actions hold is lost here: a field's kind or category type does not change
while actions have values of it, and a field or option that actions use is not deleted;
each is refused with a message naming the actions. Registers itself on import
(vahti.editing.wagtail_hooks imports it).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView

from vahti.access import policies, scopes
from vahti.actions.models import Action, ActionField, ActionFieldValue
from vahti.core.i18n import language_codes
from vahti.core.usage import EXAMPLES, Usage
from vahti.editing.permissions import PlanContentPermissionPolicy, guard_object_view
from vahti.editing.plan_lists import InUseDeleteView, PlanListItemForm
from vahti.editing.races import LostRaceMixin
from vahti.editing.scoping import (
    ScopedChooseResultsView,
    ScopedChooseView,
    ScopedChosenMultipleView,
    ScopedChosenView,
    admin_queryset,
)
from vahti.editing.versions import VersionCheckedMixin
from vahti.editing.viewsets import ListedOnlyChooserViewSet, PlanContentViewSet, translated


def actions_using(values) -> list[Usage]:
    """The actions that hold ``values`` (ActionFieldValues), for a refusal's message."""
    actions = Action.objects.filter(pk__in=values.values("action_id")).in_natural_order()
    count = actions.count()
    if not count:
        return []
    examples = [str(action) for action in actions[:EXAMPLES]]
    return [Usage(kind=str(Action._meta.verbose_name_plural), count=count, examples=examples)]


def _actions_named(values) -> str:
    found = actions_using(values)
    if not found:
        return ""
    more = " …" if found[0].count > len(found[0].examples) else ""
    return f"{', '.join(found[0].examples)}{more} ({found[0].count})"


class ActionFieldForm(PlanListItemForm):
    """The field and its options: its category type from the plan's own; its kind and
    category type kept while actions have values; an option in use not deleted."""

    def clean(self):
        cleaned = super().clean()
        field = self.instance
        if field.pk:
            self._keep_what_values_need(field, cleaned)
        self._refuse_deleting_used_options()
        return cleaned

    def _keep_what_values_need(self, field, cleaned) -> None:
        values = ActionFieldValue.objects.filter(field_id=field.pk)
        before = ActionField.objects.filter(pk=field.pk).values("kind", "category_type_id").get()
        for name, old, new in (
            ("kind", before["kind"], cleaned.get("kind")),
            (
                "category_type",
                before["category_type_id"],
                getattr(cleaned.get("category_type"), "pk", None),
            ),
        ):
            if name in self.fields and new != old and name not in self.errors:
                used_by = _actions_named(values)
                if used_by:
                    self.add_error(
                        name,
                        _(
                            "This cannot be changed while actions have values of the field: "
                            "%(actions)s. Empty the field in those actions first, or add a "
                            "new field."
                        )
                        % {"actions": used_by},
                    )

    def _refuse_deleting_used_options(self) -> None:
        formset = self.formsets.get("options")
        if formset is None:
            return
        for row in formset.forms:
            option = row.instance
            if not option.pk or not formset._should_delete_form(row):
                continue
            used_by = _actions_named(ActionFieldValue.objects.filter(option_id=option.pk))
            if used_by:
                self.add_error(
                    None,
                    _(
                        "The option “%(option)s” cannot be deleted because actions have "
                        "chosen it: %(actions)s. Choose another option in those actions first."
                    )
                    % {"option": option, "actions": used_by},
                )


class ActionFieldEditView(VersionCheckedMixin, LostRaceMixin, EditView):
    """An option chosen by an action between the form's check and the save: the form
    says so instead of failing. A save based on an older version of the field is
    refused (vahti.editing.versions)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            form.add_error(
                None,
                _(
                    "An option you deleted was chosen by an action meanwhile: nothing was "
                    "saved. Check the options and save again."
                ),
            )
            messages.error(self.request, self.get_error_message())
            return self.form_invalid(form)


class ActionFieldDeleteView(InUseDeleteView):
    """A field that actions have values of stays (deleting it would erase them)."""

    def in_use(self):
        if not hasattr(self, "_in_use"):
            self._in_use = actions_using(ActionFieldValue.objects.filter(field_id=self.object.pk))
        return self._in_use


class PlanAdminsOnlyPermissionPolicy(PlanContentPermissionPolicy):
    """The plan's admins (and installation admins) read and change; nobody else sees
    the screens. Asked once per request for the listing's buttons and the menu."""

    def user_has_permission(self, user, action):
        answers = user.__dict__.setdefault("_vahti_plan_admin_rights", {})
        if "any" not in answers:
            answers["any"] = scopes.runs_working_plan(user)
        return answers["any"]

    def user_has_permission_for_instance(self, user, action, instance):
        return policies.can_edit_plan_content(user, instance.plan)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.filter(plan__in=policies.plans_administered_by(user))

    def guard(self, view, url_name: str):
        return guard_object_view(
            view, self.model, lambda user, obj: policies.can_edit_plan_content(user, obj.plan)
        )


def _administered(user, queryset):
    return queryset.filter(plan__in=policies.plans_administered_by(user))


class FieldSearchForm(BaseFilterForm):
    """The chooser's search: a field by its identifier or its name in any language
    (Wagtail's own search box needs a search index, which fields have none)."""

    q = forms.CharField(
        label=gettext_lazy("Search term"),
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Search")}),
        required=False,
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        matches = Q(identifier__icontains=query)
        for code in language_codes():
            matches |= Q(**{f"name_{code}__icontains": query})
        return objects.filter(matches)


class AdminsOnly:
    """The plan's admins choose fields; anyone else is refused (403), as the fields'
    listing refuses them."""

    filter_form_class = FieldSearchForm

    def dispatch(self, request, *args, **kwargs):
        if not PlanAdminsOnlyPermissionPolicy(ActionField).user_has_permission(
            request.user, "choose"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminsOnlyChooseView(AdminsOnly, ScopedChooseView):
    def get_object_list(self):
        return _administered(self.request.user, super().get_object_list())


class AdminsOnlyChooseResultsView(AdminsOnly, ScopedChooseResultsView):
    def get_object_list(self):
        return _administered(self.request.user, super().get_object_list())


class AdminsOnlyChosenView(AdminsOnly, ScopedChosenView):
    def get_object(self, pk):
        fields = admin_queryset(self.request.user, self.model_class.objects.all())
        return _administered(self.request.user, fields).get(pk=pk)


class AdminsOnlyChosenMultipleView(AdminsOnly, ScopedChosenMultipleView):
    def get_objects(self, pks):
        return _administered(self.request.user, super().get_objects(pks))


class AdminsOnlyChooserViewSet(ListedOnlyChooserViewSet):
    """The fields' chooser (used by no form) lists only the fields of plans one runs."""

    choose_view_class = AdminsOnlyChooseView
    choose_results_view_class = AdminsOnlyChooseResultsView
    chosen_view_class = AdminsOnlyChosenView
    chosen_multiple_view_class = AdminsOnlyChosenMultipleView


class ActionFieldViewSet(PlanContentViewSet):
    model = ActionField
    icon = "form"
    menu_label = gettext_lazy("Action fields")
    menu_order = 145
    add_to_admin_menu = True
    chooser_viewset_class = AdminsOnlyChooserViewSet
    edit_view_class = ActionFieldEditView
    delete_view_class = ActionFieldDeleteView
    delete_template_name = "editing/delete_in_use.html"
    ordering = ["plan", "order", "pk"]
    list_display = ["name", "identifier", "kind", "order", "is_public", "is_required", "plan"]
    list_filter = ["plan", "kind"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return self.model.objects.filter(
            plan__in=policies.plans_administered_by(request.user)
        ).select_related("plan", "category_type")

    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("kind"), FieldPanel("order")]),
            translated("name", gettext_lazy("Name")),
            translated("help_text", gettext_lazy("Help text")),
            translated("unit", gettext_lazy("Unit")),
            FieldPanel("category_type"),
            FieldRowPanel([FieldPanel("is_public"), FieldPanel("is_required")]),
            InlinePanel(
                "options",
                panels=[
                    FieldRowPanel([FieldPanel("identifier"), FieldPanel("order")]),
                    translated("name", gettext_lazy("Name")),
                ],
                heading=gettext_lazy("Options (for a choice or an ordered choice)"),
                label=gettext_lazy("Option"),
            ),
        ],
        base_form_class=ActionFieldForm,
    )


register_permission_policy(ActionField, PlanAdminsOnlyPermissionPolicy(ActionField))
register_snippet(ActionFieldViewSet)
