"""The plan document (``/api/v1/plans/<id>/document.json``) as a file, built once per
version of the plan's data and served from disk with its ETag.

A plan of 15,000 actions makes a document of some 40 MB: built in one piece, as a dict
validated and rendered in a request, it took 15 seconds and held the whole string and
its objects in memory. Here it is written batch by batch (:data:`BATCH` actions, then
their news, then the indicators a few at a time) to a temporary file that is renamed
into place, so a reader never sees half a document and the memory held is one batch's.

The file's name is a digest of what its content depends on: the plan, its data version
(``vahti.plans.changes``, shared by every process through the cache) and its data
timestamp, the site address its links point to, the schema's version and the day (the
derived lateness reads the date). The same digest is the ETag. Any process finding the
file (MEDIA_ROOT is shared storage, and not served: ``vahti.core.media``) serves it; one
that does not, builds it. A change moves the version, so the next request builds a new
file; the plan's older files are removed then.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import FileResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from ninja.responses import NinjaJSONEncoder

from vahti.actions.open_data import news_for_data
from vahti.actions.selectors import public_actions
from vahti.api import data
from vahti.core import timelimit
from vahti.indicators.models import IndicatorValue
from vahti.indicators.selectors import public_indicators
from vahti.plans.changes import data_version

BATCH = 500  # actions read and written at a time (eight queries each)
INDICATOR_BATCH = 20  # indicators at a time, each with all its values
BUILD_WAIT = 30  # seconds a request waits for another process's build before its own


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "var" / "plan-documents"


def document_key(ctx: data.Context) -> str:
    """The digest naming this plan's document as it is now, at this site address."""
    plan = ctx.plan
    try:
        version = str(data_version(plan.pk))
    except Exception:  # the cache is down: the data's timestamp alone
        version = "-"
    parts = [
        str(plan.pk),
        version,
        plan.data_changed_at.isoformat() if plan.data_changed_at else "",
        ctx.site,
        data.SCHEMA_VERSION,
        ctx.today.isoformat(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def _dumps(value) -> str:
    # As ninja renders an answer (dates and times the same way), but UTF-8 as it is.
    return json.dumps(value, cls=NinjaJSONEncoder, ensure_ascii=False)


def _write_list(out: TextIO, items: Iterable[dict]) -> None:
    out.write("[")
    for index, item in enumerate(items):
        if index:
            out.write(",")
        out.write(_dumps(item))
    out.write("]")


def _batches(queryset: QuerySet, size: int) -> Iterator[list[int]]:
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _actions(ctx: data.Context, actions: QuerySet) -> Iterator[dict]:
    for ids in _batches(actions, BATCH):
        yield from data.actions_data(ctx, actions.filter(pk__in=ids))


def _news(ctx: data.Context, actions: QuerySet) -> Iterator[dict]:
    posts = news_for_data(actions).iterator(chunk_size=BATCH)
    for post in posts:
        yield from data.news_data(ctx, [post])


def _values(ids: list[int]) -> dict[str, list[dict]]:
    """The indicators' values as the document gives them, read as plain rows: a daily
    series of ten thousand values is no ten thousand model instances."""
    found: dict[str, list[dict]] = {}
    rows = (
        IndicatorValue.objects.filter(indicator_id__in=ids)
        .order_by("date", "category__dimension__order", "category__order", "pk")
        .values_list(
            "indicator__identifier",
            "date",
            "value",
            "category__dimension__identifier",
            "category__identifier",
        )
    )
    for indicator, day, value, dimension, category in rows.iterator(chunk_size=2000):
        found.setdefault(indicator, []).append(
            {"date": day, "value": value, "dimension": dimension, "category": category}
        )
    return found


def _indicators(ctx: data.Context) -> Iterator[dict]:
    indicators = public_indicators(ctx.plan)
    for ids in _batches(indicators, INDICATOR_BATCH):
        values = _values(ids)
        items = data.indicators_data(ctx, indicators.filter(pk__in=ids), values=False)
        for item in items:
            item["values"] = values.get(item["identifier"], [])
            totals = [value for value in item["values"] if value["category"] is None]
            item["latest_value"] = totals[-1] if totals else None
            yield item


def write_document(ctx: data.Context, out: TextIO) -> None:
    """The plan document (:func:`vahti.api.data.plan_document`'s content) written to
    ``out`` a batch at a time: the queries grow with the batches, not the actions."""
    plan = ctx.plan
    actions = public_actions(plan).in_natural_order()
    out.write('{"schema_version":' + _dumps(data.SCHEMA_VERSION))
    out.write(',"plan":' + _dumps(data.plan_data(ctx)))
    out.write(',"categories":' + _dumps(data.categories_data(ctx, data.plan_categories(plan))))
    out.write(',"organizations":' + _dumps(data.organizations_data(ctx)))
    out.write(',"actions":')
    _write_list(out, _actions(ctx, actions))
    out.write(',"news_posts":')
    _write_list(out, _news(ctx, actions))
    out.write(',"indicators":')
    _write_list(out, _indicators(ctx))
    out.write("}")


def document_file(ctx: data.Context, key: str) -> Path:
    """The path of the plan's current document (``key``: :func:`document_key`), built
    if no process has yet."""
    path = folder() / f"{ctx.plan.pk}-{key}.json"
    if path.exists():
        return path
    # One process builds; the others asking meanwhile wait for its file (a plan of
    # 15,000 actions takes seconds) rather than build the same file each.
    lock = f"vahti:plan-document-building:{key}"
    try:
        building_elsewhere = not cache.add(lock, 1, timeout=BUILD_WAIT)
    except Exception:  # the cache is down: build it here
        building_elsewhere = False
    if building_elsewhere:
        deadline = time.monotonic() + BUILD_WAIT
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if path.exists():
                return path
    try:
        # Built for every client to come: finished even past this request's time limit.
        with timelimit.unlimited():
            _build(ctx, path)
    finally:
        with contextlib.suppress(Exception):
            cache.delete(lock)
    return path


def _build(ctx: data.Context, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            write_document(ctx, out)
        os.chmod(temporary, 0o644)
        # Atomic: another process building the same document at once replaces it with
        # the same content; a reader has the old file or the new, never a part.
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _remove_older(ctx.plan, keep=path)


def document_response(request, plan, ctx: data.Context):
    """The document's file with its ETag and Last-Modified, or 304 Not Modified when
    the client has it (the API middleware leaves a file's answer to this)."""
    key = document_key(ctx)
    etag = quote_etag(key)
    last_modified = math.ceil(plan.data_changed_at.timestamp()) if plan.data_changed_at else None
    # A client with the current document needs no file: none is read, nor built.
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        try:
            opened = document_file(ctx, key).open("rb")
        except FileNotFoundError:  # removed by a process that built a newer one
            opened = document_file(ctx, key).open("rb")
        response = FileResponse(opened, content_type="application/json")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, no-cache"
    patch_vary_headers(response, ["Authorization"])
    return response


def _remove_older(plan, keep: Path) -> None:
    """The plan's documents built before its data last changed, or more than a day ago
    (a process still sending one keeps reading it: an open file outlives its name).
    Those of its other addresses built since are kept."""
    oldest = time.time() - 24 * 3600
    if plan.data_changed_at is not None:
        oldest = max(oldest, plan.data_changed_at.timestamp())
    for old in keep.parent.glob(f"{plan.pk}-*.json"):
        try:
            if old != keep and old.stat().st_mtime < oldest:
                old.unlink(missing_ok=True)
        except FileNotFoundError:  # removed by another process meanwhile
            pass
