"""Model validation without a query per row, for bulk writes (the importer).

``full_clean`` asks the database about every foreign key and check constraint of every
row: for an import of thousands of rows that is most of its time. A bulk writer that
knows its foreign keys point at rows it has already read (the plan's own lists,
organisations, people) calls :func:`clean_in_memory` instead: the same field checks,
``clean()`` and check constraints, with the constraints' conditions evaluated in Python.
A condition this evaluator cannot read is asked of the database as before.
"""

from __future__ import annotations

import operator

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q

LOOKUPS = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class Unreadable(Exception):
    """The condition uses something the evaluator does not know: ask the database."""


class Excluded(Exception):
    """The condition reads an excluded field: Django skips such a constraint too."""


def _value(instance: models.Model, value, exclude):
    if isinstance(value, F):
        return _attribute(instance, value.name, exclude)
    if hasattr(value, "resolve_expression"):
        raise Unreadable(value)
    return value


def _attribute(instance: models.Model, name: str, exclude):
    if name in exclude:
        raise Excluded(name)
    field = instance._meta.get_field("id" if name == "pk" else name)
    if field.many_to_many or field.one_to_many:
        raise Unreadable(name)
    return getattr(instance, field.attname)


def holds(condition, instance: models.Model, exclude=frozenset()) -> bool | None:
    """The condition's value for the row in SQL's three-valued logic (None: unknown,
    which a check constraint lets pass)."""
    if isinstance(condition, tuple):
        path, expected = condition
        name, _sep, lookup = path.partition("__")
        lookup = lookup or "exact"
        actual = _attribute(instance, name, exclude)
        if lookup == "isnull":
            return (actual is None) == bool(expected)
        if lookup == "in":
            return None if actual is None else actual in expected
        compare = LOOKUPS.get(lookup)
        if compare is None:
            raise Unreadable(path)
        expected = _value(instance, expected, exclude)
        if actual is None or expected is None:
            return None
        return compare(actual, expected)
    if not isinstance(condition, Q):
        raise Unreadable(condition)
    values = [holds(child, instance, exclude) for child in condition.children]
    if condition.connector == Q.AND:
        result = False if False in values else (None if None in values else True)
    elif condition.connector == Q.OR:
        result = True if True in values else (None if None in values else False)
    else:
        raise Unreadable(condition.connector)
    if condition.negated:
        return None if result is None else not result
    return result


def check_constraints(instance: models.Model, exclude: set[str]) -> None:
    """The model's check constraints on the row, as ``validate_constraints`` checks
    them (unique constraints are the caller's: it knows the rows it writes)."""
    errors = []
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue
        try:
            passes = holds(constraint.condition, instance, exclude) is not False
        except Excluded:
            continue
        except Unreadable:
            try:
                constraint.validate(type(instance), instance, exclude=exclude)
            except ValidationError as error:
                errors.append(error)
            continue
        if not passes:
            errors.append(
                ValidationError(
                    constraint.get_violation_error_message(), code=constraint.violation_error_code
                )
            )
    if errors:
        raise ValidationError({NON_FIELD_ERRORS: errors})


def clean_in_memory(instance: models.Model, exclude=(), clean=None) -> None:
    """``full_clean`` without its queries: foreign keys that are set are taken to exist
    (the caller read them), ``clean`` (default the model's) must need no query, and
    uniqueness is the caller's to know."""
    exclude = set(exclude)
    errors: dict = {}
    known = {
        field.name
        for field in instance._meta.concrete_fields
        if field.is_relation and getattr(instance, field.attname) is not None
    }
    try:
        instance.clean_fields(exclude=exclude | known)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        (clean or instance.clean)()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        check_constraints(instance, exclude | set(errors))
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
