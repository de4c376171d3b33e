"""When a plan's data last changed: ``Plan.data_changed_at``.

Every save and delete of a plan's own rows (its lists, categories, organisations,
people, actions and their children, indicators and their values) moves the plan's
timestamp forward. The API answers ``Last-Modified`` with it and page caches can key on
it, so it must never lag behind a change: each app registers its models with
:func:`watch`, and the services that write with ``bulk_create`` or ``update()`` (which
send no signals) call :func:`touch` themselves.

Inside :func:`batched` (an import, the demo loader) the timestamps are moved once per
plan at the end instead of once per row.

Beside the timestamp each plan has a *data version* in the shared cache (Redis in
production, so every process sees the same one): a counter moved on with every change,
once when the change is made and again when its transaction commits. The public page
cache (``vahti.site.pagecache``) keeps each page with the version it was rendered at and
serves it only while that is still the version. A counter rather than the timestamp:
two changes in the same instant, or committed in the other order than made, still leave
a version no page was rendered at. :func:`routing_version` is the same for which plan a
host name serves (plans and their domains).

With Redis each process keeps a copy of the versions it has read, which Redis invalidates
as they change (``vahti.core.tracking``); a change returns only once Redis has sent every
process word of it.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from vahti.core import tracking

logger = logging.getLogger("vahti.pagecache")

_pending: ContextVar[set[int] | None] = ContextVar("vahti_changed_plans", default=None)

PlanOf = Callable[[models.Model], int | None]


ROUTING = "routing"


def _version_key(name: int | str) -> str:
    return f"vahti:data-version:{name}"


def _current(name: int | str) -> int | None:
    key = _version_key(name)
    version = cache.get(key)
    if version is None:
        # Lost (a new cache, or evicted): start from a random number, so that no page
        # kept from before can match it. ``add``: a version another process has just
        # set is not overwritten.
        cache.add(key, secrets.randbits(62), timeout=None)
        version = cache.get(key)
    return version


def _advance(names) -> None:
    for name in names:
        key = _version_key(name)
        try:
            try:
                cache.incr(key)
            except ValueError:  # not in the cache: any new number is a new version
                cache.add(key, secrets.randbits(62), timeout=None)
        except Exception:
            # The change is saved; the cache did not take the new version (down, or
            # out of memory: give Redis an eviction policy, see README). Forget the
            # version instead (Redis deletes even when full): no page matches a
            # missing one.
            logger.exception("data version %s could not be moved on", name)
            try:
                cache.delete(key)
            except Exception:
                logger.exception("data version %s could not be forgotten either", name)
    tracked = tracking.for_default_cache()
    if tracked is not None:
        # Every process's tracked copy hears of the new versions before this returns.
        tracked.settle()


def advance_versions(*names: int | str) -> None:
    """Move the versions on now and once more when the transaction commits: a page
    rendered in between, by another process that still read the old rows, is not kept
    as current."""
    names = {name for name in names if name}
    if names:
        _advance(names)
        transaction.on_commit(lambda: _advance(names))


def data_version(plan_id: int) -> int:
    """The plan's data version (see the module's description)."""
    return _current(plan_id)


def kept_for_version(plan, name: str, build: Callable[[], object]):
    """What ``build`` gives for the plan, kept in the cache for as long as the plan's
    data stays the same: what every page of a plan reads the same (its footer) costs no
    query but after a change. ``plan``: the request's plan, as read for this request.

    Keyed by the plan's data version and by its ``data_changed_at`` read from the
    database with the plan: without Redis each process has a cache (and versions) of its
    own, and the timestamp is what tells a process that another one changed the plan."""
    return kept_for_versions([plan], name, build)


def kept_for_versions(plans, name: str, build: Callable[[], object]):
    """:func:`kept_for_version` over several plans: kept while none of them changes.
    ``name`` tells apart what is kept; a long one (a query's text) is shortened to its
    hash."""
    try:
        parts = [
            f"{plan.pk}:{plan.data_changed_at.timestamp() if plan.data_changed_at else 0}"
            f":{data_version(plan.pk)}"
            for plan in plans
        ]
        versions = parts[0] if len(parts) == 1 else _digest(*parts)
        key = f"vahti:per-version:{versions}:{name if len(name) <= 60 else _digest(name)}"
        found = cache.get(key)
    except Exception:  # the cache is down: read it, as without a cache
        logger.warning("cache unavailable for %s", name[:60], exc_info=True)
        return build()
    if found is None:
        found = build()
        try:
            cache.set(key, found, timeout=24 * 3600)
        except Exception:
            logger.warning("cache unavailable for %s", name[:60], exc_info=True)
    return found


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def routing_version() -> int:
    """The version of which plan serves which host name."""
    return _current(ROUTING)


def versions(plan_id: int) -> tuple[int, int]:
    """The plan's data version and the routing version: with Redis, usually from this
    process's tracked copy (``vahti.core.tracking``), else in one cache round trip."""
    keys = {_version_key(plan_id): plan_id, _version_key(ROUTING): ROUTING}
    tracked = tracking.for_default_cache()
    if tracked is not None:
        found = tracked.get([cache.make_key(key) for key in keys])
        if found is not None and None not in found:
            return found[0], found[1]
    found = cache.get_many(keys)
    if len(found) < 2:
        return data_version(plan_id), routing_version()
    return found[_version_key(plan_id)], found[_version_key(ROUTING)]


def _plans() -> models.QuerySet:
    # By name: the models are built on this module (they watch and advance versions).
    return apps.get_model("plans", "Plan").objects.all()


def touch(*plan_ids: int | None) -> None:
    """Note that these plans' data changed now."""
    ids = {pk for pk in plan_ids if pk}
    if not ids:
        return
    pending = _pending.get()
    if pending is not None:
        pending |= ids
        return
    _plans().filter(pk__in=ids).update(data_changed_at=timezone.now())
    advance_versions(*ids)


def touch_all() -> None:
    """Note that every plan's data changed: for what plans share (images)."""
    touch(*_plans().values_list("pk", flat=True))


@contextmanager
def batched() -> Iterator[None]:
    """Collect the changes made inside the block and note them once, at its end."""
    if _pending.get() is not None:  # already inside a batch: the outer one notes them
        yield
        return
    token = _pending.set(set())
    try:
        yield
        ids = _pending.get()
    finally:
        _pending.reset(token)
    touch(*ids)


def _plan_id(attribute: str) -> PlanOf:
    return lambda instance: getattr(instance, attribute, None)


def through(parent_field: str) -> PlanOf:
    """The plan of a child row, read from its parent (in memory when it is there)."""

    def plan_of(instance):
        field = instance._meta.get_field(parent_field)
        if field.is_cached(instance):
            parent = getattr(instance, parent_field)
            return parent.plan_id if parent is not None else None
        parent_id = getattr(instance, field.attname)
        if parent_id is None:
            return None
        return (
            field.related_model._base_manager.filter(pk=parent_id)
            .values_list("plan_id", flat=True)
            .first()
        )

    return plan_of


def watch(model: type[models.Model], plan_of: PlanOf | None = None) -> None:
    """Touch the plan whenever a row of ``model`` is saved or deleted. ``plan_of`` finds
    the row's plan id; by default its ``plan_id``."""
    find = plan_of or _plan_id("plan_id")

    def changed(sender, instance, **kwargs):
        if kwargs.get("raw"):  # loading fixtures
            return
        touch(find(instance))

    key = f"vahti-plan-changes-{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=key + "-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=key + "-delete")


def watch_links(through_model: type[models.Model], plan_of: PlanOf | None = None) -> None:
    """Touch the plan when a many-to-many relation (``through_model``) changes."""
    find = plan_of or _plan_id("plan_id")

    def changed(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            touch(find(instance))

    m2m_changed.connect(
        changed,
        sender=through_model,
        weak=False,
        dispatch_uid=f"vahti-plan-changes-{through_model._meta.label_lower}",
    )
