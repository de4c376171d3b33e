"""Each action of a plan as it stands, in the snapshot's JSON format (see the module
docstring of vahti.reports.models): read for all the plan's actions in a fixed number of
queries, whatever their number.

Texts are written in the plan's languages: the primary language always (empty when the
text is), the others when they have a text. An action with unpublished changes is frozen
as it is published; an action never published as it is stored.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import dateformat, formats, translation
from django.utils.translation import gettext

from vahti.actions.models import Action, ActionField, ActionFieldValue, ResponsibleParty
from vahti.core.i18n import DATE_FORMATS, column_name
from vahti.indicators.models import ActionIndicator, IndicatorValue
from vahti.plans.models import Category

ESTIMATES = {
    "emission_reduction": "emission_reduction_estimate",
    "energy_savings": "energy_savings_estimate",
    "renewable_production": "renewable_production_estimate",
}


def texts(obj, name: str, languages: list[str]) -> dict[str, str]:
    """``{"fi": …, "sv": …}``: the primary language always, the others when written."""
    primary, *others = languages
    found = {primary: getattr(obj, column_name(name, primary), "") or ""}
    for code in others:
        value = getattr(obj, column_name(name, code), "")
        if value:
            found[code] = value
    return found


def snapshot_actions(plan):
    """The plan's actions (merged ones left out) in its natural order, with all that a
    snapshot holds."""
    latest = IndicatorValue.objects.totals().filter(indicator_id=OuterRef("indicator_id"))
    latest = latest.order_by("-date", "-pk")
    return (
        Action.objects.filter(plan=plan, merged_with__isnull=True)
        .select_related("status", "implementation_phase")
        .prefetch_related(
            Prefetch(
                "categories",
                queryset=Category.objects.select_related("type").order_by(
                    "type__order", "type_id", "order", "pk"
                ),
            ),
            Prefetch(
                "responsible_parties",
                queryset=ResponsibleParty.objects.select_related("organization"),
            ),
            "tasks",
            Prefetch(
                "field_values",
                queryset=ActionFieldValue.objects.select_related("option", "category"),
            ),
            Prefetch(
                "indicator_links",
                queryset=ActionIndicator.objects.filter(indicator__visibility="public")
                .select_related("indicator")
                .annotate(
                    latest_date=Subquery(latest.values("date")[:1]),
                    latest_value=Subquery(latest.values("value")[:1]),
                )
                .order_by("-indicates_progress", "indicator__sort_key", "pk"),
            ),
        )
        .in_natural_order()
    )


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _in_languages(languages: list[str], make) -> dict[str, str]:
    """``make()`` in each of the plan's languages."""
    found = {}
    for code in languages:
        with translation.override(code):
            found[code] = str(make())
    return found


def _number(value: Decimal, unit: str) -> str:
    """1200.5000 → "1 200,5 €" in Finnish (in the active language)."""
    digits = format(value, "f")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    shown = formats.number_format(Decimal(digits), use_l10n=True, force_grouping=True)
    return f"{shown} {unit}".strip()


def date_display(day, code: str) -> str:
    """The date as shown in the language ``code``: "25 Nov 2020" in English. The month's
    name is the language's own, not the one active when the report is completed."""
    with translation.override(code):
        return dateformat.format(day, DATE_FORMATS.get(code, "Y-m-d"))


def field_entry(field: ActionField, value: ActionFieldValue | None, languages) -> dict:
    """A field of the action: its value (None when empty) and the value as shown."""
    entry = {
        "identifier": field.identifier,
        "name": texts(field, "name", languages),
        "kind": field.kind,
        "is_public": field.is_public,
        "unit": texts(field, "unit", languages),
        "value": None,
        "display": {languages[0]: ""},
    }
    if value is None:
        return entry
    value.field = field  # read already: no query per value
    if value.is_empty:
        return entry
    kind = field.kind
    if kind in ActionField.TEXT_KINDS:
        entry["value"] = entry["display"] = texts(value, field.value_column, languages)
    elif kind == ActionField.Kind.NUMBER:
        entry["value"] = _decimal(value.number)
        units = texts(field, "unit", languages)
        entry["display"] = {
            # A unit not translated is the primary language's ("€" reads the same).
            code: _with_language(
                code, lambda c=code: _number(value.number, units.get(c) or units[languages[0]])
            )
            for code in languages
        }
    elif kind == ActionField.Kind.DATE:
        entry["value"] = value.date.isoformat()
        entry["display"] = {code: date_display(value.date, code) for code in languages}
    elif kind == ActionField.Kind.YES_NO:
        entry["value"] = value.yes_no
        entry["display"] = _in_languages(
            languages, lambda: gettext("yes") if value.yes_no else gettext("no")
        )
    elif kind in ActionField.CHOICE_KINDS:
        entry["value"] = value.option.identifier
        entry["display"] = texts(value.option, "name", languages)
    else:
        entry["value"] = value.category.identifier
        entry["display"] = texts(value.category, "name", languages)
    return entry


def _with_language(code: str, make) -> str:
    with translation.override(code):
        return make()


def action_data(action: Action, fields: list[ActionField], answer, languages) -> dict:
    """One action of :func:`snapshot_actions` as the snapshot keeps it."""
    values = {value.field_id: value for value in action.field_values.all()}
    return {
        "identifier": action.identifier,
        "name": texts(action, "name", languages),
        "url": action.get_absolute_url(),
        "is_public": action.is_public,
        "categories": [
            {
                "identifier": category.identifier,
                "name": texts(category, "name", languages),
                "type": category.type.identifier,
            }
            for category in action.categories.all()
        ],
        "status": _status(action.status, languages) if action.status_id else None,
        "phase": {
            "identifier": action.implementation_phase.identifier,
            "name": texts(action.implementation_phase, "name", languages),
        }
        if action.implementation_phase_id
        else None,
        "start_date": _date(action.start_date),
        "end_date": _date(action.end_date),
        "responsible": [
            {
                "identifier": party.organization.identifier,
                "name": texts(party.organization, "name", languages),
                "role": party.role,
            }
            for party in action.responsible_parties.all()
        ],
        "tasks": [
            {
                "name": texts(task, "name", languages),
                "state": task.state,
                "due_at": _date(task.due_at),
                "completed_at": _date(task.completed_at),
            }
            for task in action.tasks.all()
        ],
        "fields": [field_entry(field, values.get(field.pk), languages) for field in fields],
        "estimates": {
            **{key: _decimal(getattr(action, column)) for key, column in ESTIMATES.items()},
            "year": action.estimate_year,
            "method": texts(action, "estimate_method", languages),
        },
        "indicators": [_indicator(link, languages) for link in action.indicator_links.all()],
        **_answer(answer, languages),
    }


def _status(status, languages) -> dict:
    return {
        "identifier": status.identifier,
        "name": texts(status, "name", languages),
        "color": status.color,
        "is_completed": status.is_completed,
    }


def _indicator(link, languages) -> dict:
    indicator = link.indicator
    return {
        "identifier": indicator.identifier,
        "name": texts(indicator, "name", languages),
        "unit": texts(indicator, "unit", languages),
        "latest": {"date": link.latest_date.isoformat(), "value": link.latest_value}
        if link.latest_date
        else None,
    }


def _answer(answer, languages) -> dict:
    if answer is None:
        return {"commentary": {languages[0]: ""}, "answered_by": None, "answered_at": None}
    user = answer.answered_by
    return {
        "commentary": texts(answer, "commentary", languages),
        "answered_by": (user.get_full_name() or user.get_username()) if user else None,
        "answered_at": answer.updated_at.isoformat(),
    }
