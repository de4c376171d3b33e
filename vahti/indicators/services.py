"""Every write to an indicator's values and goals goes through here: the admin's forms
and CSV upload, the demo loader, the importer and the API. All rows are checked
before anything is written (their reading and checking is ``value_rows``'); one bad
row and nothing is saved, and the problems name the row and column they are in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vahti.core.services import prefixed_errors, reference_index_updated_once
from vahti.indicators.models import (
    ActionIndicator,
    Indicator,
    IndicatorContactPerson,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
)
from vahti.indicators.value_rows import RowProblem, ValueRow, ValuesRejected, whole_row_problems
from vahti.plans import changes


@dataclass(frozen=True, slots=True)
class ValuesSaved:
    created: int
    updated: int
    deleted: int
    unchanged: int


@transaction.atomic
def indicator_values_save(
    indicator: Indicator,
    rows: Sequence[ValueRow],
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> ValuesSaved:
    """Store the rows: a row for a period (and category) that has a value changes that
    value, the others are added. With ``replace`` the values not among the rows are
    deleted, so that the indicator has exactly these values. Checks every row first
    (``ValuesRejected``); then writes all of them in one transaction. With ``dry_run``
    nothing is written: the counts say what saving would do."""
    problems = whole_row_problems(indicator, enumerate(rows, start=1))
    for index, row in enumerate(rows, start=1):
        if row.category is not None and row.category.plan_id != indicator.plan_id:
            problems.append(
                RowProblem(index, "category", _("The category belongs to another plan."))
            )
    if problems:
        raise ValuesRejected(problems)
    existing = {
        (value.date, value.category_id): value
        # Locked, so that two uploads to one indicator take turns; ordered by the row's
        # own id (the default ordering would join the categories, which cannot be locked).
        for value in IndicatorValue.objects.filter(indicator=indicator)
        .order_by("pk")
        .select_for_update()
    }
    created, changed, kept = [], [], set()
    for row in rows:
        key = (row.date, row.category.pk if row.category else None)
        kept.add(key)
        current = existing.get(key)
        if current is None:
            created.append(
                IndicatorValue(
                    indicator=indicator, date=row.date, value=row.value, category=row.category
                )
            )
        elif current.value != row.value:
            current.value = row.value
            changed.append(current)
    stale = [value.pk for key, value in existing.items() if key not in kept] if replace else []
    counts = ValuesSaved(
        created=len(created),
        updated=len(changed),
        deleted=len(stale),
        unchanged=len(rows) - len(created) - len(changed),
    )
    if dry_run:
        return counts
    if stale:
        IndicatorValue.objects.filter(pk__in=stale).delete()
    IndicatorValue.objects.bulk_create(created, batch_size=1000)
    IndicatorValue.objects.bulk_update(changed, ["value", "updated_at"], batch_size=1000)
    if created or changed or stale:
        Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
        changes.touch(indicator.plan_id)  # bulk writes send no signals
    return counts


@transaction.atomic
def indicator_value_delete(indicator: Indicator, value_id: int) -> IndicatorValue:
    """Delete one of the indicator's values (never another indicator's)."""
    value = IndicatorValue.objects.select_for_update().get(pk=value_id, indicator=indicator)
    value.delete()
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
    return value


def _now():
    from django.utils import timezone

    return timezone.now()


@transaction.atomic
def indicator_goals_save(
    indicator: Indicator, goals: Sequence[tuple], *, dry_run: bool = False
) -> bool:
    """Give the indicator exactly these goals, (date, value[, scenario]) each, checked like
    its values. Returns whether anything changed (with ``dry_run``: would change, and
    nothing is written)."""
    built = []
    errors = {}
    for index, (date, value, *rest) in enumerate(goals):
        goal = IndicatorGoal(
            indicator=indicator, date=date, value=value, scenario=rest[0] if rest else None
        )
        try:
            # Not against the goals stored now: they are all replaced.
            goal.full_clean(exclude=["indicator"], validate_constraints=False)
        except ValidationError as error:
            errors.update(prefixed_errors(f"goals[{index}]", error).error_dict)
        if any(g.date == goal.date and g.scenario_id == goal.scenario_id for g in built):
            errors[f"goals[{index}].date"] = [_("Two goals for the same period and scenario.")]
        built.append(goal)
    if errors:
        raise ValidationError(errors)

    def key(goal):
        return (goal.scenario_id or 0, goal.date, goal.value)

    current = list(IndicatorGoal.objects.filter(indicator=indicator))
    if sorted(map(key, current)) == sorted(map(key, built)):
        return False
    if dry_run:
        return True
    IndicatorGoal.objects.filter(indicator=indicator).delete()
    IndicatorGoal.objects.bulk_create(built)
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=_now())
    changes.touch(indicator.plan_id)
    return True


def _content(indicator: Indicator) -> dict:
    """The indicator's content without ids and timestamps; goals in a fixed order (the
    databases sort the goals without a scenario differently: NULLs first or last)."""
    from vahti.core.revisions import without_volatile_keys

    content = without_volatile_keys(indicator.serializable_data())
    content["goals"] = sorted(
        content.get("goals", []),
        key=lambda g: (g["scenario"] is not None, g["scenario"] or 0, str(g["date"]), g["value"]),
    )
    return content


@transaction.atomic
def indicator_upsert(
    plan,
    identifier: str,
    *,
    categories: Sequence = (),
    goals: Sequence[tuple] = (),
    contact_persons: Sequence = (),
    action_links: Sequence[tuple] = (),
    effect_links: Sequence[tuple] = (),
    **fields,
) -> tuple[Indicator, bool]:
    """Create the indicator with this identifier, or give the existing one exactly these
    texts and children; writes nothing when nothing differs. Children:
    ``goals`` (date, value[, scenario]), ``contact_persons`` (person, …),
    ``action_links`` (action, effect, indicates_progress),
    ``effect_links`` (affected indicator, effect, confidence). Returns (indicator, changed).
    """
    indicator = Indicator.objects.filter(plan=plan).identified_by(identifier).first()
    created = indicator is None
    if created:
        indicator = Indicator(plan=plan, identifier=identifier)
    before = None if created else _content(indicator)
    for name, value in fields.items():
        setattr(indicator, name, value)
    _set_children(indicator, categories, goals, contact_persons, action_links, effect_links)
    if not created and _content(indicator) == before:
        return indicator, False
    _full_clean_with_children(indicator)
    with reference_index_updated_once(indicator):
        indicator.save()
    return indicator, True


def _set_children(
    indicator: Indicator,
    categories: Sequence,
    goals: Sequence[tuple],
    contact_persons: Sequence,
    action_links: Sequence[tuple],
    effect_links: Sequence[tuple],
) -> None:
    """Give the (unsaved) indicator exactly these children, in the order given."""
    indicator.categories = list(categories)
    indicator.goals = [
        IndicatorGoal(date=date, value=value, scenario=rest[0] if rest else None)
        for date, value, *rest in goals
    ]
    indicator.contact_persons = [
        IndicatorContactPerson(person=person, sort_order=index)
        for index, person in enumerate(contact_persons)
    ]
    indicator.action_links = [
        ActionIndicator(action=action, effect=effect, indicates_progress=progress, sort_order=index)
        for index, (action, effect, progress) in enumerate(action_links)
    ]
    indicator.effect_links = [
        IndicatorRelation(
            effect_indicator=other, effect=effect, confidence=confidence, sort_order=index
        )
        for index, (other, effect, confidence) in enumerate(effect_links)
    ]


def _full_clean_with_children(indicator: Indicator) -> None:
    """Check the indicator and each of its children; raise every problem at once, each
    child's under its list and place (``goals[0].date``)."""
    errors = {}
    try:
        indicator.full_clean()
    except ValidationError as error:
        errors.update(error.error_dict)
    for relation in ("goals", "contact_persons", "action_links", "effect_links"):
        for index, child in enumerate(getattr(indicator, relation).all()):
            child_field = "cause" if relation == "effect_links" else "indicator"
            setattr(child, child_field, indicator)
            try:
                child.full_clean(exclude=[child_field])
            except ValidationError as error:
                errors.update(prefixed_errors(f"{relation}[{index}]", error).error_dict)
    if errors:
        raise ValidationError(errors)
