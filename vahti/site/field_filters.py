"""The action list's filters by the plan's own public fields: a choice, an ordered
choice, yes/no or a category as a select, a number or a date as a range (at least, at
most). Named in the address by the field's identifier after ``f.``, which an identifier
cannot contain: ``?f.funding=eu&f.cost.min=1000``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vahti.actions.field_parameters import PREFIX, parameter_problem
from vahti.actions.field_values import PlanFields
from vahti.actions.filters import FieldFilter
from vahti.actions.models import ActionField
from vahti.core.numbers import TypedDecimalField
from vahti.core.trees import descendants
from vahti.site.choices import LangSelect, indented, label_with

Kind = ActionField.Kind


def _select(field: ActionField, choices) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=field.name, required=False, choices=[("", _("All")), *choices], widget=LangSelect
    )


def _range(field: ActionField, end: str) -> forms.Field:
    template = _("%(field)s, at least") if end == "min" else _("%(field)s, at most")
    label = label_with(template, field.name)
    if field.kind == Kind.DATE:
        return forms.DateField(
            label=label,
            required=False,
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2025-06-30.")},
        )
    return TypedDecimalField(
        label=label,
        required=False,
        max_digits=20,
        decimal_places=4,
        widget=forms.TextInput,
        error_messages={"invalid": _("Enter a number, e.g. 1200 or 0.5.")},
    )


def check_ranges(form: forms.Form, plan_fields: PlanFields) -> None:
    """An error on a range whose least is more than its most (which nothing would match)."""
    data = form.cleaned_data
    for field in plan_fields.filterable:
        name = PREFIX + field.identifier
        least, most = data.get(f"{name}.min"), data.get(f"{name}.max")
        if least is not None and most is not None and least > most:
            form.add_error(
                f"{name}.max", _("This is less than the least value given; nothing can match.")
            )


def check_parameters(form: forms.Form, plan_fields: PlanFields) -> None:
    """An error naming each ``f.`` parameter of the address that is no filter of the
    plan (an unknown field, or a number's range given as one value), as the downloads
    and the API name it: left out silently, it would look like a filter applied."""
    fields = {field.identifier: field for field in plan_fields.filterable}
    for name in form.data:
        problem = parameter_problem(fields, name) if name.startswith(PREFIX) else None
        if problem:
            message = _("%(parameter)s: %(message)s") % {"parameter": name, "message": problem}
            form.add_error(None, message)


def form_fields(plan_fields: PlanFields) -> dict[str, forms.Field]:
    """The form's fields for the plan's public filterable fields, by parameter name."""
    made: dict[str, forms.Field] = {}
    for field in plan_fields.filterable:
        name = PREFIX + field.identifier
        if field.has_options:
            made[name] = _select(field, [(o.identifier, o.name) for o in field.option_list])
        elif field.kind == Kind.CATEGORY:
            made[name] = _select(field, indented(field.category_list))
        elif field.kind == Kind.YES_NO:
            made[name] = _select(field, [("yes", _("Yes")), ("no", _("No"))])
        else:
            made[f"{name}.min"] = _range(field, "min")
            made[f"{name}.max"] = _range(field, "max")
    return made


def _one(field: ActionField, data: dict) -> FieldFilter | None:
    name = PREFIX + field.identifier
    chosen = data.get(name) or ""
    if field.has_options and chosen:
        option = next(o for o in field.option_list if o.identifier == chosen)
        return FieldFilter(field, option_id=option.pk)
    if field.kind == Kind.CATEGORY and chosen:
        chosen_pk = next(c.pk for c in field.category_list if c.identifier == chosen)
        rows = [(c.pk, c.parent_id) for c in field.category_list]
        return FieldFilter(field, category_ids=frozenset(descendants(rows, [chosen_pk])))
    if field.kind == Kind.YES_NO and chosen:
        return FieldFilter(field, yes_no=chosen == "yes")
    least, most = data.get(f"{name}.min"), data.get(f"{name}.max")
    if least is not None or most is not None:
        return FieldFilter(field, least=least, most=most)
    return None


def field_filters(plan_fields: PlanFields, data: dict) -> tuple[FieldFilter, ...]:
    """The filters of the valid values in ``data`` (a form's cleaned data): a choice
    field's value is one of its choices there, an invalid one is left out."""
    found = []
    for field in plan_fields.filterable:
        try:
            one = _one(field, data)
        except (StopIteration, ValidationError):
            continue
        if one is not None:
            found.append(one)
    return tuple(found)
