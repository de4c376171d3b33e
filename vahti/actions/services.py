"""Every write to an action goes through here: the editing side, the importer, the API
and the demo loader call these, so validation, transactions and revisions happen once.

Translated texts are passed by column, e.g. ``name_fi="…", name_en="…"``. Children are
passed as lists of dicts (tasks, news posts) or of (object, role) pairs (responsible
organisations, contact persons) and replace the action's current ones; a child equal in
name (or organisation, person) to a current one keeps that one's row.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.locks import BasicLock

from vahti.actions.models import (
    Action,
    ActionFieldValue,
    ContactPerson,
    NewsPost,
    ResponsibleParty,
    Task,
)
from vahti.core.constraints import clean_in_memory
from vahti.core.i18n import column_name, language_codes
from vahti.core.revisions import without_volatile_keys
from vahti.core.richtext import sanitize_rich_text
from vahti.core.services import prefixed_errors, reference_index_updated_once

# ``field_values``: the plan's own fields (vahti.actions.models.fields), as a list of
# dicts of ActionFieldValue's columns, e.g. ``{"field": cost, "number": Decimal(5)}``.
CHILD_RELATIONS = ("tasks", "responsible_parties", "contact_persons", "news_posts", "field_values")
M2M_RELATIONS = ("categories", "schedules", "related_actions")


def _children(action: Action, relations: dict) -> dict[str, list]:
    built: dict[str, list] = {}
    if "tasks" in relations:
        built["tasks"] = [
            Task(sort_order=index, **task) for index, task in enumerate(relations["tasks"])
        ]
    if "news_posts" in relations:
        built["news_posts"] = [NewsPost(**post) for post in relations["news_posts"]]
    if "responsible_parties" in relations:
        built["responsible_parties"] = [
            ResponsibleParty(organization=organization, role=role, sort_order=index)
            for index, (organization, role) in enumerate(relations["responsible_parties"])
        ]
    if "contact_persons" in relations:
        built["contact_persons"] = [
            ContactPerson(person=person, role=role, sort_order=index)
            for index, (person, role) in enumerate(relations["contact_persons"])
        ]
    if "field_values" in relations:
        built["field_values"] = [ActionFieldValue(**value) for value in relations["field_values"]]
    elif not action.pk:
        built["field_values"] = []  # a new action has none: its revision need not ask
    if action.pk:
        for relation, items in built.items():
            _keep_identity(
                relation, items, list(getattr(action, relation).all()), CHILD_KEYS[relation]
            )
    return built


def _name_columns(prefix: str) -> list[str]:
    return [column_name(prefix, code) for code in language_codes()]


# What makes a new child "the same" as one the action has: it then keeps its row (id,
# creation time), so links to a task and its history survive an edit.
CHILD_KEYS = {
    "tasks": _name_columns("name"),
    "news_posts": [*_name_columns("title"), "published_on"],
    "responsible_parties": ["organization_id"],
    "contact_persons": ["person_id"],
    "field_values": ["field_id"],
}


def _keep_identity(relation: str, items: list, existing: list, key: list[str]) -> None:
    """Give each new child the id of an existing one with the same key (an explicit
    ``pk`` wins); unmatched existing children are deleted when the action is saved."""
    unused = {child.pk: child for child in existing}
    by_key: dict[tuple, list] = {}
    for child in existing:
        by_key.setdefault(tuple(getattr(child, k) or "" for k in key), []).append(child)
    for index, item in enumerate(items):
        if item.pk is not None:
            match = unused.get(item.pk)
            if match is None:
                raise ValidationError(
                    {
                        f"{relation}[{index}]": ValidationError(
                            _("The action has no such item (id %(pk)s) to change."),
                            code="unknown_child",
                            params={"pk": item.pk},
                        )
                    }
                )
        else:
            candidates = [
                c
                for c in by_key.get(tuple(getattr(item, k) or "" for k in key), [])
                if c.pk in unused
            ]
            match = candidates[0] if candidates else None
        if match is None:
            item.pk = None
            continue
        del unused[match.pk]
        item.pk = match.pk
        item._state.adding = False
        if hasattr(match, "created_at"):
            item.created_at = match.created_at


def _validate(action: Action, children: dict[str, list], *, in_memory: bool = False) -> None:
    """``in_memory``: without queries (:func:`vahti.core.constraints.clean_in_memory`),
    for a bulk writer that read every referenced row and knows the identifier is free."""
    errors: dict = {}
    try:
        exclude = ["latest_revision", "live_revision", "locked_by"]
        if in_memory:
            clean_in_memory(action, exclude, clean=action.clean_references)
        else:
            action.full_clean(exclude=exclude)
    except ValidationError as error:
        errors.update(error.error_dict)
    for relation, items in children.items():
        for index, child in enumerate(items):
            child.action = action
            try:
                if in_memory:
                    clean_in_memory(child, ["action"])
                else:
                    child.full_clean(exclude=["action"])
                # Constraints spanning the action (one primary organisation, …) are checked
                # by the database on save; check the ones we can in memory here.
            except ValidationError as error:
                errors.update(prefixed_errors(f"{relation}[{index}]", error).error_dict)
    primaries = [
        party
        for party in children.get("responsible_parties", [])
        if party.role == ResponsibleParty.Role.PRIMARY
    ]
    if len(primaries) > 1:
        errors.setdefault("responsible_parties", []).append(
            ValidationError(ResponsibleParty._meta.constraints[1].violation_error_message)
        )
    for relation, key in (
        ("responsible_parties", "organization_id"),
        ("contact_persons", "person_id"),
    ):
        seen = [getattr(child, key) for child in children.get(relation, [])]
        if len(seen) != len(set(seen)):
            errors.setdefault(relation, []).append(
                ValidationError(
                    ResponsibleParty._meta.constraints[0].violation_error_message
                    if relation == "responsible_parties"
                    else ContactPerson._meta.constraints[0].violation_error_message
                )
            )
    if errors:
        raise ValidationError(errors)


def _apply(action: Action, fields: dict, relations: dict) -> dict[str, list]:
    for name, value in fields.items():
        setattr(action, name, value)
    for name in M2M_RELATIONS:
        if name in relations:
            setattr(action, name, list(relations[name]))
    children = _children(action, relations)
    for name, items in children.items():
        setattr(action, name, items)
    # Clean rich text now rather than only on the way into the database, so that the
    # revision, the comparison in content_would_change() and the row all hold the same.
    for instance in [action, *(child for items in children.values() for child in items)]:
        sanitize_rich_text(instance)
    return children


def _split(data: dict) -> tuple[dict, dict]:
    relations = {k: v for k, v in data.items() if k in CHILD_RELATIONS + M2M_RELATIONS}
    fields = {k: v for k, v in data.items() if k not in relations}
    return fields, relations


@contextmanager
def action_write_lock(action_id: int) -> Iterator[None]:
    """One writer of an action at a time: a transaction that holds the action's row
    until it ends, so that a save checks "am I based on the latest version?" and
    stores its own as one step, and two publishes cannot interleave (one would delete
    the other's new tasks, or deadlock). Whoever waited then reads what the other
    stored. On PostgreSQL the row is locked; SQLite's write transactions begin with
    the database's write lock already (vahti.env.SQLITE_OPTIONS)."""
    with transaction.atomic():
        _lock(action_id)
        yield


def _lock(action_id: int) -> None:
    """Hold the action's row until the current transaction ends (see above)."""
    # FOR NO KEY UPDATE: rows pointing at the action (tasks, search entries) stay
    # insertable by others meanwhile (vahti.core.services.row_write_lock).
    list(Action.objects.select_for_update(no_key=True).filter(pk=action_id).values_list("pk"))


LOCKED_BY_MESSAGE = _(
    "Action %(identifier)s is locked by %(user)s: it cannot be changed until it is unlocked."
)
LOCKED_MESSAGE = _("Action %(identifier)s is locked: %(reason)s.")


def action_check_unlocked(action: Action, user) -> None:
    """Refuse (:func:`action_lock_error`) a change by ``user`` that Wagtail's lock on
    ``action`` holds back, as the admin's editor does.

    For the writes that go round the editor (the importer, a report's answer). Holds the
    action's row until the transaction ends and reads its lock and publishing state
    afresh, so that a lock taken or a draft saved while the caller was checking is seen."""
    _lock(action.pk)
    action.refresh_from_db(
        fields=[
            "locked",
            "locked_at",
            "locked_by",
            "live",
            "has_unpublished_changes",
            "latest_revision",
            "live_revision",
        ]
    )
    error = action_lock_error(action, user)
    if error is not None:
        raise error


def action_lock_error(action: Action, user) -> ValidationError | None:
    """Why Wagtail's lock on ``action`` holds ``user`` back, naming the action and who
    locked it; None when it does not (no lock, or ``user`` took it). No ``user`` (a
    script) is held back like anyone who did not take the lock."""
    lock = action.get_lock()
    user = user if user is not None else AnonymousUser()
    if lock is None or not lock.for_user(user):
        return None
    if isinstance(lock, BasicLock) and action.locked_by_id:
        return ValidationError(
            LOCKED_BY_MESSAGE,
            code="locked",
            params={
                "identifier": action.identifier,
                "user": action.locked_by.get_full_name() or action.locked_by.get_username(),
            },
        )
    # Locked by a script, or waiting for its scheduled publication: Wagtail says why.
    return ValidationError(
        LOCKED_MESSAGE,
        code="locked",
        params={"identifier": action.identifier, "reason": lock.get_description(user)},
    )


@transaction.atomic
def action_create(
    *, plan, user=None, publish: bool = True, updated_at: datetime.datetime | None = None, **data
) -> Action:
    fields, relations = _split(data)
    action = Action(plan=plan, live=False)
    children = _apply(action, fields, relations)
    _validate(action, children)
    if publish:
        action.updated_at = updated_at or timezone.now()
    with reference_index_updated_once(action):
        action.save()
        revision = action.save_revision(user=user, log_action="wagtail.create", clean=False)
        if publish:
            _publish(action, revision, user)
    return action


@transaction.atomic
def action_update(
    action: Action,
    *,
    user=None,
    publish: bool = True,
    updated_at: datetime.datetime | None = None,
    **data,
) -> Action:
    """Change an action; with ``publish`` the public page changes too, else only a draft
    revision is stored and the public page keeps showing the published version."""
    _lock(action.pk)
    fields, relations = _split(data)
    children = _apply(action, fields, relations)
    _validate(action, children)
    if publish:
        action.updated_at = updated_at or timezone.now()
    with reference_index_updated_once(action):
        if publish or not action.live:
            action.save()
        revision = action.save_revision(user=user, log_action=True, clean=False)
        if publish:
            _publish(action, revision, user)
    return action


def _publish(action: Action, revision, user) -> None:
    # Publishing rebuilds the action from the revision and saves it: the public page and
    # "Tietoja päivitetty" (updated_at, set by the caller) change only here.
    action.publish(revision, user=user, skip_permission_checks=True, updated_at=action.updated_at)
    action.refresh_from_db()


def action_content(action: Action) -> dict:
    """The action's content as a revision stores it, without ids, timestamps and
    publishing state: two actions with equal content have equal values here."""
    return without_volatile_keys(action.serializable_data())


def content_would_change(action: Action, **data) -> bool:
    """Whether ``action_update(action, **data)`` would change anything.

    Works on a copy rebuilt from the action's own content, so nothing is written."""
    copy = Action.from_serializable_data(action.serializable_data())
    copy.pk = action.pk
    fields, relations = _split(data)
    _apply(copy, fields, relations)
    return action_content(copy) != action_content(action)


def forget_deleted_children(action: Action) -> None:
    """Children of an in-memory action (rebuilt from a revision) whose rows have been
    deleted since become new rows, so that saving the action creates them again."""
    if not action.pk:
        return
    children = {relation: list(getattr(action, relation).all()) for relation in CHILD_RELATIONS}
    # Which of them still exist, in one query for all four kinds.
    asked = [
        type(rows[0])
        .objects.filter(pk__in=[child.pk for child in rows if child.pk])
        .order_by()
        .values_list(Value(relation, output_field=CharField()), "pk")
        for relation, rows in children.items()
        if any(child.pk for child in rows)
    ]
    if not asked:
        return
    existing = set(asked[0].union(*asked[1:], all=True)) if len(asked) > 1 else set(asked[0])
    for relation, rows in children.items():
        for child in rows:
            if child.pk and (relation, child.pk) not in existing:
                child.pk = None
                child._state.adding = True
