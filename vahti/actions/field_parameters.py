"""How an address names a filter by one of the plan's own fields: ``f.<identifier>`` for
a choice, an ordered choice, a category or yes/no, ``f.<identifier>.min`` and ``.max``
for a number or a date (an identifier cannot contain a dot). One rule for the site's
action list, its downloads and the API, so that a name one refuses the others refuse
too, with the same words."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from vahti.actions.models import ActionField

PREFIX = "f."
RANGE_ENDS = ("min", "max")


def is_ranged(field: ActionField) -> bool:
    """Whether the field is filtered by a range (at least, at most)."""
    return field.kind in (ActionField.Kind.NUMBER, ActionField.Kind.DATE)


def parameter_problem(fields: Mapping[str, ActionField], name: str) -> str | None:
    """Why the parameter ``name`` (starting with ``f.``) names no filter among ``fields``
    (the plan's public filterable fields by identifier), or None when it names one."""
    identifier, _dot, end = name[len(PREFIX) :].partition(".")
    field = fields.get(identifier)
    if field is None:
        return _("The plan has no public field “%(field)s” to filter by; known: %(known)s.") % {
            "field": identifier,
            "known": ", ".join(fields) or "–",
        }
    ranged = is_ranged(field)
    if ranged != (end in RANGE_ENDS) or (end and end not in RANGE_ENDS):
        form = f"{PREFIX}{identifier}.min / .max" if ranged else f"{PREFIX}{identifier}"
        return _("Give this field as %(form)s.") % {"form": form}
    return None
