"""Adding many actions at once, each with its past publications: the importer's way.

:func:`action_create` publishes through Wagtail, a few hundred queries per action with
its tasks and history. Here every action is built and validated in memory first
(:func:`action_build`, the same rules, no query), then :func:`actions_publish` writes
them all with a fixed number of queries: the rows, their children and links, one
revision per publication (the history's and the current one), the audit log's entries
and the progress history (:mod:`vahti.actions.history`), exactly what publishing each
in turn would have stored, and Wagtail's reference index.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from vahti.actions.models import Action, ProgressChange
from vahti.actions.services import CHILD_RELATIONS, M2M_RELATIONS, _apply, _split, _validate
from vahti.core.inserts import rows_insert
from vahti.core.naturalsort import natural_sort_key
from vahti.core.upserts import references_add

BATCH = 500


@dataclass
class NewAction:
    """An action to add: ``earlier`` are its past publications, oldest first, each
    (its moment, the fields it changed, e.g. status), before the current one at
    ``updated_at``."""

    action: Action
    earlier: list[tuple[datetime.datetime, dict]] = field(default_factory=list)
    updated_at: datetime.datetime | None = None


def action_build(*, plan, identifier: str, data: dict) -> Action:
    """The action as :func:`action_create` would add it, validated, not yet saved.
    The caller vouches that ``identifier`` is free and that every referenced row
    (status, organisations, people, …) is the plan's own."""
    fields, relations = _split(data)
    # A new action's unnamed links are empty: said so, they are not asked of the database.
    relations = {name: [] for name in M2M_RELATIONS} | relations
    action = Action(plan=plan, identifier=identifier, live=False)
    children = _apply(action, fields, relations)
    _validate(action, children, in_memory=True)
    return action


def actions_insert(new: list[NewAction]) -> None:
    """Give the actions their rows (and ids), so that others can link to them before
    :func:`actions_publish`."""
    now = timezone.now()
    for item in new:
        action = item.action
        action.identifier = action.identifier.strip()
        action.sort_key = natural_sort_key(action.identifier)
        action.live = True
        action.has_unpublished_changes = False
        action.first_published_at = action.last_published_at = now
        action.updated_at = item.updated_at or (item.earlier[-1][0] if item.earlier else now)
    Action.objects.bulk_create([item.action for item in new], batch_size=BATCH)


@transaction.atomic
def actions_publish(new: list[NewAction], *, user=None) -> None:
    """Store the inserted actions' children, links, revisions, log and history."""
    if not new:
        return
    with disable_reference_index_auto_update():
        _children(new)
        revisions = _revisions(new, user)
        for item, (_first, last) in zip(new, revisions, strict=True):
            item.action.latest_revision = item.action.live_revision = last
        Action.objects.bulk_update(
            [item.action for item in new], ["latest_revision", "live_revision"], batch_size=BATCH
        )
    _reference_index(new)


def _reference_index(new: list[NewAction]) -> None:
    """Wagtail's index of what each action refers to ("usage" in the admin), as its
    ``create_or_update_for_object`` writes it for a new object, read from the actions in
    memory and written in one go."""
    if ReferenceIndex.is_indexed(Action):
        references_add([item.action for item in new])


def _children(new: list[NewAction]) -> None:
    for relation in CHILD_RELATIONS:
        rows = []
        for item in new:
            for child in getattr(item.action, relation).all():
                child.action = item.action
                rows.append(child)
        if rows:
            type(rows[0]).objects.bulk_create(rows, batch_size=BATCH)
    for relation in ("categories", "schedules", "related_actions"):
        through = getattr(Action, relation).through
        source, target = _through_columns(through, relation)
        rows = [
            through(**{source: item.action.pk, target: other.pk})
            for item in new
            for other in getattr(item.action, relation).all()
        ]
        rows_insert(through, rows)


def _through_columns(through, relation: str) -> tuple[str, str]:
    if relation == "related_actions":
        return "from_action_id", "to_action_id"
    target = Action._meta.get_field(relation).related_model._meta.model_name
    return "action_id", f"{target}_id"


def _revisions(new: list[NewAction], user) -> list[tuple[Revision, Revision]]:
    """One revision per publication, with the log entries and progress rows that
    publishing it writes; returns each action's first and last revision."""
    content_type = ContentType.objects.get_for_model(Action)
    base_type = new[0].action.get_base_content_type()
    encoder = DjangoJSONEncoder()
    now = timezone.now()
    plan_revisions: list[list[Revision]] = []
    published_states = []
    for item in new:
        action = item.action
        final = action.serializable_data()
        publications = [*item.earlier, (action.updated_at, {})]
        revisions, states = [], []
        for when, changes in publications:
            content = {**final}
            for name, value in changes.items():  # foreign keys, stored by name
                content[name] = value.pk if value is not None else None
            content["updated_at"] = encoder.default(when)
            revisions.append(
                Revision(
                    content_type=content_type,
                    base_content_type=base_type,
                    object_id=str(action.pk),
                    user=user,
                    content=content,
                    object_str=str(action),
                    created_at=now,
                )
            )
            states.append((when, content.get("status"), content.get("implementation_phase")))
        plan_revisions.append(revisions)
        published_states.append(states)
    Revision.objects.bulk_create([r for rs in plan_revisions for r in rs], batch_size=BATCH)
    _log_and_history(new, plan_revisions, published_states, content_type, user)
    return [(revisions[0], revisions[-1]) for revisions in plan_revisions]


def _log_and_history(new, plan_revisions, published_states, content_type, user) -> None:
    context = get_active_log_context()
    user = user or context.user
    now = timezone.now()
    entries, changes = [], []
    for item, revisions, states in zip(new, plan_revisions, published_states, strict=True):
        action = item.action
        public = action.visibility == Action.Visibility.PUBLIC and not action.merged_with_id
        last = None
        for index, (revision, (when, status, phase)) in enumerate(
            zip(revisions, states, strict=True)
        ):
            for name in ("wagtail.create" if index == 0 else "wagtail.edit", "wagtail.publish"):
                entries.append(
                    ModelLogEntry(
                        content_type=content_type,
                        label=str(action),
                        action=name,
                        timestamp=now,
                        data={},
                        user=user,
                        uuid=context.uuid,
                        object_id=str(action.pk),
                        revision=revision,
                        content_changed=True,
                    )
                )
            state = (status, phase, public)
            if state != last:
                changes.append(
                    ProgressChange(
                        plan_id=action.plan_id,
                        action=action,
                        changed_at=when,
                        status_id=status,
                        implementation_phase_id=phase,
                        is_public=public,
                        revision=revision,
                    )
                )
                last = state
    # Nothing reads these rows' ids back: inserted without them (faster).
    rows_insert(ModelLogEntry, entries)
    rows_insert(ProgressChange, changes)
