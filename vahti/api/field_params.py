"""The actions' filters by the plan's own public fields, as the site's action list takes
them: ``f.<field>=<option or category identifier, yes or no>`` for a choice, an ordered
choice, a category or yes/no, ``f.<field>.min`` and ``f.<field>.max`` for a number (with
a decimal point) or a date (year-month-day). A 400 names every bad one."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vahti.actions.field_parameters import PREFIX, is_ranged, parameter_problem
from vahti.actions.field_values import public_fields
from vahti.actions.filters import FieldFilter
from vahti.actions.models import ActionField
from vahti.api.base import ApiProblem
from vahti.core.trees import descendants
from vahti.plans.models import Plan

Kind = ActionField.Kind
# The bounds of ActionFieldValue.number, checked as the site's filter checks them.
NUMBER = forms.DecimalField(max_digits=20, decimal_places=4)


class _Bad(ValueError):
    pass


def field_filters(plan: Plan, query) -> tuple[FieldFilter, ...]:
    """The filters of the ``f.`` parameters in ``query`` (a QueryDict)."""
    names = [name for name in query if name.startswith(PREFIX)]
    if not names:
        return ()
    fields = {field.identifier: field for field in public_fields(plan).filterable}
    found, problems = [], []
    for name in sorted(names):
        try:
            found.append(_one(fields, name, query.get(name, "").strip()))
        except _Bad as bad:
            problems.append({"parameter": name, "message": str(bad)})
    problems.extend(_crossed_ranges(found))
    if problems:
        raise ApiProblem(
            400,
            _("Bad parameter %(parameter)s: %(message)s") % problems[0],
            problems,
        )
    return tuple(found)


def _crossed_ranges(found: list[FieldFilter]) -> list[dict]:
    """A range whose least is more than its most, which nothing can match."""
    ends: dict[str, dict] = {}
    for one in found:
        if one.least is not None:
            ends.setdefault(one.field.identifier, {})["least"] = one.least
        if one.most is not None:
            ends.setdefault(one.field.identifier, {})["most"] = one.most
    return [
        {
            "parameter": f"{PREFIX}{identifier}.max",
            "message": _("This is less than the least value given; nothing can match."),
        }
        for identifier, bounds in ends.items()
        if len(bounds) == 2 and bounds["least"] > bounds["most"]
    ]


def _one(fields: dict, name: str, value: str) -> FieldFilter:
    problem = parameter_problem(fields, name)
    if problem:
        raise _Bad(problem)
    identifier, _dot, end = name[len(PREFIX) :].partition(".")
    field = fields[identifier]
    if not value:
        raise _Bad(_("The value is empty."))
    if is_ranged(field):
        bound = _date(value) if field.kind == Kind.DATE else _number(value)
        return FieldFilter(field, **{"least" if end == "min" else "most": bound})
    if field.has_options:
        options = {o.identifier: o for o in field.option_list}
        return FieldFilter(field, option_id=_known(options, value).pk)
    if field.kind == Kind.CATEGORY:
        categories = {c.identifier: c for c in field.category_list}
        chosen = _known(categories, value)
        rows = [(c.pk, c.parent_id) for c in field.category_list]
        return FieldFilter(field, category_ids=frozenset(descendants(rows, [chosen.pk])))
    if value not in ("yes", "no"):
        raise _Bad(_("Give yes or no."))
    return FieldFilter(field, yes_no=value == "yes")


def _known(items: dict, value: str):
    if value not in items:
        raise _Bad(
            _("There is no “%(value)s”; known: %(known)s.")
            % {"value": value, "known": ", ".join(items) or "–"}
        )
    return items[value]


def _number(value: str) -> Decimal:
    """A number the stored values' column can hold (20 digits, 4 decimals), as the
    site's filter takes it; a larger one would fail the database's comparison."""
    try:
        return NUMBER.clean(value)
    except ValidationError as error:
        raise _Bad(
            " ".join([_("Give a number with a decimal point, e.g. 1200.5."), *error.messages])
        ) from None


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _Bad(_("Give a date as year-month-day, e.g. 2025-06-30.")) from None
