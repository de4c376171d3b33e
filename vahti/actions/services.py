"""Every write to an action goes through here: the editing side, the importer, the API
and the demo loader call these, so validation, transactions and revisions happen once.

Translated texts are passed by column, e.g. ``name_fi="…", name_en="…"``. Children are
passed as lists of dicts (tasks, news posts) or of (object, role) pairs (responsible
organisations, contact persons) and replace the action's current ones.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from vahti.actions.models import Action, ContactPerson, NewsPost, ResponsibleParty, Task
from vahti.core.richtext import sanitize_rich_text
from vahti.core.services import prefixed_errors

CHILD_RELATIONS = ("tasks", "responsible_parties", "contact_persons", "news_posts")
M2M_RELATIONS = ("categories", "schedules", "related_actions")

# Keys of a revision's content that change on every save and say nothing of the content.
VOLATILE_KEYS = frozenset(
    {
        "pk",
        "id",
        "action",
        "created_at",
        "updated_at",
        "latest_revision",
        "live_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "draft_title",
        "expired",
        "go_live_at",
        "expire_at",
    }
)


def _children(relations: dict) -> dict[str, list]:
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
    return built


def _validate(action: Action, children: dict[str, list]) -> None:
    errors: dict = {}
    try:
        action.full_clean(exclude=["latest_revision", "live_revision", "locked_by"])
    except ValidationError as error:
        errors.update(error.error_dict)
    for relation, items in children.items():
        for index, child in enumerate(items):
            child.action = action
            try:
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
    children = _children(relations)
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
    fields, relations = _split(data)
    children = _apply(action, fields, relations)
    _validate(action, children)
    if publish:
        action.updated_at = updated_at or timezone.now()
    if publish or not action.live:
        action.save()
    revision = action.save_revision(user=user, log_action=True, clean=False)
    if publish:
        _publish(action, revision, user)
    return action


def _publish(action: Action, revision, user) -> None:
    # Publishing rebuilds the action from the revision and saves it: the public page and
    # "Tietoja päivitetty" (updated_at, set above) change only here.
    revision.publish(user=user, skip_permission_checks=True)
    action.refresh_from_db()


def action_content(action: Action) -> dict:
    """The action's content as a revision stores it, without ids, timestamps and
    publishing state: two actions with equal content have equal values here."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in VOLATILE_KEYS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(action.serializable_data())


def content_would_change(action: Action, **data) -> bool:
    """Whether ``action_update(action, **data)`` would change anything.

    Works on a copy rebuilt from the action's own content, so nothing is written."""
    copy = Action.from_serializable_data(action.serializable_data())
    copy.pk = action.pk
    fields, relations = _split(data)
    _apply(copy, fields, relations)
    return action_content(copy) != action_content(action)
