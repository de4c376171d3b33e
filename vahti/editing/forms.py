"""The action edit form: each editor gets only the fields their role lets them change,
and every choice (status, categories, organisations, people, other actions) comes from
the action's own plan."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from vahti.access import policies, scopes
from vahti.access.services import (
    LOGIN_USED_ELSEWHERE_MESSAGE,
    existing_login_refused,
    person_access_update,
)
from vahti.actions.models import Action
from vahti.core.models import OTHER_PLAN_MESSAGE
from vahti.editing.field_form import add_plan_fields, clean_plan_fields, put_field_values
from vahti.editing.scoping import admin_queryset
from vahti.editing.widgets import ChosenActionsWidget
from vahti.orgs.models import Organization, Person
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
)

# Form fields (or inline formsets) and the operation needed to change them.
GUARDED_FIELDS = {
    "identifier": policies.CHANGE_IDENTIFIER,
    "visibility": policies.CHANGE_IDENTIFIER,
    "merged_with": policies.CHANGE_IDENTIFIER,
    "responsible_parties": policies.CHANGE_RESPONSIBILITY,
    "contact_persons": policies.CHANGE_RESPONSIBILITY,
}

IDENTIFIER_REQUIRED_MESSAGE = _(
    "An action needs an identifier, in a draft too: its address is made from it."
)

PLAN_CHOICES = {
    "status": ActionStatus,
    "implementation_phase": ActionImplementationPhase,
    "impact": ActionImpact,
    "schedules": ActionSchedule,
    "categories": Category,
}


class ActionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        action: Action = self.instance
        for formset in self.formsets.values():
            _tell_rows_their_action(formset, action)
        working = take_the_working_plan(self, for_user)
        if action.pk:
            # An action stays in its plan.
            self.fields.pop("plan", None)
            allowed = policies.action_operations(for_user, action)
            for name, operation in GUARDED_FIELDS.items():
                if operation not in allowed:
                    self.fields.pop(name, None)
                    self.formsets.pop(name, None)
            self._limit_to_plan(action.plan_id)
        elif working is not None:
            self._limit_to_plan(working.pk)
        elif "plan" in self.fields:
            plans = policies.plans_administered_by(for_user)
            self.fields["plan"].queryset = plans
            if plans.count() == 1:
                self.fields["plan"].initial = plans.get().pk
        # A new action's choices come from the plans the editor may add actions to.
        narrow_every_choice(
            self, for_user, None if action.pk else policies.plans_administered_by(for_user)
        )
        add_plan_fields(self)  # the plan's own fields (vahti.editing.field_form)
        if "identifier" in self.fields:
            self.fields["identifier"].error_messages["required"] = IDENTIFIER_REQUIRED_MESSAGE

    def clean(self):
        cleaned = super().clean()
        plan = cleaned.get("plan") or (self.instance.plan if self.instance.plan_id else None)
        if plan is not None:
            if not self.instance.pk and not policies.can_add_action(self.for_user, plan):
                self.add_error(None, NOT_YOURS_MESSAGE % {"plan": plan})
            refuse_other_plans(self, plan)
        clean_plan_fields(self)
        return cleaned

    def save(self, commit=True):
        put_field_values(self)
        return super().save(commit=commit)

    def _limit_to_plan(self, plan_id: int) -> None:
        for name, model in PLAN_CHOICES.items():
            if name in self.fields:
                self.fields[name].queryset = model.objects.filter(plan_id=plan_id)
        others = Action.objects.filter(plan_id=plan_id).exclude(pk=self.instance.pk)
        for name in ("related_actions", "merged_with"):
            if name in self.fields:
                self.fields[name].queryset = others
        for formset_name, field_name, model in (
            ("responsible_parties", "organization", Organization),
            ("contact_persons", "person", Person),
            ("news_posts", "author", Person),
        ):
            formset = self.formsets.get(formset_name)
            if formset is not None:
                _limit_formset_field(formset, field_name, model.objects.filter(plan_id=plan_id))


def _on_every_row(formset, change) -> None:
    """Apply ``change(form)`` to every form of an inline formset, including the rows
    made later (the empty form the page copies when an editor adds a row, and the new
    rows of a submitted form)."""
    add_fields = formset.add_fields

    def add_fields_and_change(form, index):
        add_fields(form, index)
        change(form)

    formset.add_fields = add_fields_and_change
    for form in formset.forms:
        change(form)


def _tell_rows_their_action(formset, action: Action) -> None:
    """New rows learn their action before they are validated, so that their checks know
    the plan (its primary language, its organisations)."""

    def set_action(form):
        form.instance.action = action

    _on_every_row(formset, set_action)


def _limit_formset_field(formset, field_name: str, queryset) -> None:
    """Limit a field's choices in every row of an inline formset."""

    def limit(form):
        if field_name in form.fields:
            form.fields[field_name].queryset = queryset

    _on_every_row(formset, limit)


class PlanContentForm(WagtailAdminModelForm):
    """For a plan's own content (categories, organisations, people): the plan is implied
    (the object's own, or for a new one the plan the editor works in), and every other
    choice comes from it. Only an installation admin working in all plans chooses it."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        take_the_working_plan(self, for_user)
        if self.instance.plan_id:
            self.fields.pop("plan", None)
            plan_id = self.instance.plan_id
            for field in self.fields.values():
                queryset = getattr(field, "queryset", None)
                if queryset is not None and _has_plan(queryset.model):
                    field.queryset = queryset.filter(plan_id=plan_id)
        elif "plan" in self.fields:
            self.fields["plan"].queryset = policies.plans_administered_by(for_user)
        # A new object's choices come from the plans the editor may add it to.
        narrow_every_choice(
            self,
            for_user,
            None if self.instance.pk else policies.plans_administered_by(for_user),
        )

    def clean(self):
        cleaned = super().clean()
        plan = cleaned.get("plan") or (self.instance.plan if self.instance.plan_id else None)
        if plan is not None:
            if not self.instance.pk and not policies.can_edit_plan_content(self.for_user, plan):
                self.add_error(None, NOT_YOURS_MESSAGE % {"plan": plan})
            refuse_other_plans(self, plan)
        return cleaned

    def _get_validation_exclusions(self):
        # Django leaves out of the model's checks every field the form does not show, and
        # with it every constraint naming it: the plan's constraints (an email or an
        # identifier once per plan) are checked by _validate_plan_constraints instead.
        return super()._get_validation_exclusions() | {"plan"}

    def _post_clean(self):
        super()._post_clean()
        validate_plan_constraints(self)


def validate_plan_constraints(form) -> None:
    """Check the model's constraints that involve its plan, one by one, even where the
    plan is implied rather than a field of the form: each refusal is the model's own
    message on the field it concerns (or on the form when it concerns several), before
    the database refuses the save with an error page."""
    instance = form.instance
    if not instance.plan_id:
        return
    # The fields Django would check, the plan among them.
    exclude = forms.ModelForm._get_validation_exclusions(form) - {"plan"}
    using = router.db_for_write(type(instance), instance=instance)
    for model, constraints in instance.get_constraints():
        for constraint in constraints:
            names = _constraint_fields(model, constraint)
            if "plan" not in names:
                continue
            try:
                constraint.validate(model, instance, exclude=exclude, using=using)
            except ValidationError as error:
                shown = [name for name in names - {"plan"} if name in form.fields]
                form.add_error(shown[0] if len(shown) == 1 else None, error)


def _constraint_fields(model, constraint) -> set[str]:
    """The model's fields a constraint names, in its fields, expressions or condition."""
    names = set(getattr(constraint, "fields", ()) or ())
    expressions = [*getattr(constraint, "expressions", ()), getattr(constraint, "condition", None)]
    for expression in expressions:
        if expression is not None:
            # Django's own walk over F() and Q() (it decides the same way which
            # constraints an excluded field skips).
            names.update(parts[0] for parts in model._get_expr_references(expression))
    return names


NOT_YOURS_MESSAGE = _(
    "You cannot add this to the plan “%(plan)s”: choose a plan you run as the plan you work in."
)


def take_the_working_plan(form, user):
    """A new object goes to the plan the user works in (vahti.access.scopes): its plan
    field is not asked. Returns that plan, or ``None`` (outside the admin, or an
    installation admin working in all plans, who chooses the plan in the form)."""
    plan = scopes.admin_working_plan(user)
    if plan is not None and not form.instance.pk and "plan" in form.fields:
        form.fields.pop("plan")
        form.instance.plan = plan
    return plan


def _chosen_objects(value) -> list:
    if value is None:
        return []
    if isinstance(value, list | tuple | set | QuerySet):
        return list(value)
    return [value]


def _other_plans_in(fields, cleaned) -> dict:
    """The first object of another plan among each plan-owned choice of a form."""
    found = {}
    for name, field in fields.items():
        queryset = getattr(field, "queryset", None)
        if name == "plan" or queryset is None or not _has_plan(queryset.model):
            continue
        for obj in _chosen_objects(cleaned.get(name)):
            if getattr(obj, "plan_id", None) is not None:
                found.setdefault(name, obj)
    return found


def refuse_other_plans(form, plan) -> None:
    """A form error for each choice, in the form and in its inline rows, of another plan
    than ``plan``: before the database's same-plan checks refuse it with an error."""
    for name, obj in _other_plans_in(form.fields, form.cleaned_data).items():
        if obj.plan_id != plan.pk and name not in form.errors:
            form.add_error(
                name, OTHER_PLAN_MESSAGE % {"object": obj, "other_plan": obj.plan, "plan": plan}
            )
    for formset_name, formset in form.formsets.items():
        for row in formset.forms:
            if row.errors or not hasattr(row, "cleaned_data"):
                continue
            for obj in _other_plans_in(row.fields, row.cleaned_data).values():
                if obj.plan_id != plan.pk:
                    label = getattr(formset.model._meta, "verbose_name_plural", formset_name)
                    message = OTHER_PLAN_MESSAGE % {
                        "object": obj,
                        "other_plan": obj.plan,
                        "plan": plan,
                    }
                    form.add_error(None, f"{str(label).capitalize()}: {message}")


def narrow_every_choice(form, user, plans=None) -> None:
    """Every choice of the form and of its inline rows narrowed to what the user may
    see: no other plan's rows. With ``plans`` (a new object's form, before its plan is
    known), a plan's rows come from those plans only."""

    def narrow(one_form):
        for field in one_form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            queryset = admin_queryset(user, queryset)
            if plans is not None and _has_plan(queryset.model):
                queryset = queryset.filter(plan__in=plans)
            field.queryset = queryset

    narrow(form)
    for formset in form.formsets.values():
        _on_every_row(formset, narrow)


def _has_plan(model) -> bool:
    return any(field.name == "plan" for field in model._meta.concrete_fields)


class PersonAdminForm(PlanContentForm):
    """A person, and in the same step their login and the actions they are the contact
    person of (vahti.access.services.person_access_update)."""

    can_log_in = forms.BooleanField(
        label=_("Can log in"),
        required=False,
        help_text=_(
            "Creates a login for the email address above and sends a link for choosing "
            "a password. The person can then update the actions chosen below."
        ),
    )
    contact_for = forms.ModelMultipleChoiceField(
        label=_("Contact person for"),
        queryset=Action.objects.none(),
        required=False,
        widget=ChosenActionsWidget,
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        person = self.instance
        plans = [person.plan_id] if person.plan_id else policies.plans_administered_by(for_user)
        self.fields["contact_for"].queryset = Action.objects.filter(
            plan__in=plans
        ).in_natural_order()
        if person.pk:
            self.fields["can_log_in"].initial = person.user_id is not None
            self.fields["contact_for"].initial = list(
                person.contact_for.values_list("action_id", flat=True)
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("can_log_in") and not cleaned.get("email"):
            self.add_error(
                "email", _("A person who logs in needs an email address: it is their login.")
            )
        plan = cleaned.get("plan") or (self.instance.plan if self.instance.plan_id else None)
        email = cleaned.get("email")
        if (
            cleaned.get("can_log_in")
            and email
            and plan is not None
            and self.instance.user_id is None
            and existing_login_refused(plan, email, user=self.for_user)
        ):
            self.add_error("email", LOGIN_USED_ELSEWHERE_MESSAGE)
        if plan is not None and any(a.plan_id != plan.pk for a in cleaned.get("contact_for", [])):
            self.add_error("contact_for", _("Only actions of the person's own plan can be chosen."))
        return cleaned

    def save(self, commit=True):
        person = super().save(commit=commit)
        if commit:
            person_access_update(
                person,
                can_log_in=self.cleaned_data.get("can_log_in", False),
                contact_for=list(self.cleaned_data.get("contact_for", [])),
                user=self.for_user,
            )
        return person


class RoleAdminForm(PlanContentForm):
    """A role is given to someone who already has a login in the plan (a person with
    "can log in"), so that the list of users never shows other plans' people."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        plans = (
            [self.instance.plan_id]
            if self.instance.plan_id
            else list(policies.plans_administered_by(for_user).values_list("pk", flat=True))
        )
        if "user" in self.fields:
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(Q(people__plan__in=plans) | Q(vahti_roles__plan__in=plans))
                .distinct()
                .order_by("last_name", "first_name", "username")
            )
        if "organization" in self.fields and not self.instance.pk:
            self.fields["organization"].queryset = Organization.objects.filter(plan__in=plans)
