"""Keeping the search index current. Every way of publishing or unpublishing an action,
every indicator save and every change to a content page's public version sends the
domain's ``public_version_changed``: :mod:`vahti.search.receivers` calls in here.
``rebuild_plan`` rewrites a plan's entries at once (bulk-loaded plans, a change of the
plan's languages, ``manage.py update_search_index``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Prefetch

from vahti.actions.models import Action, ActionField, ActionFieldValue, Task
from vahti.content.models import ContentPage
from vahti.core.i18n import TranslatedStr, column_name, language_codes, pick_translation
from vahti.core.inserts import rows_insert
from vahti.indicators.models import Indicator
from vahti.plans import changes
from vahti.plans.models import Plan
from vahti.search import analysis, text
from vahti.search.models import SearchEntry

BATCH = 1000
_deferred: ContextVar[bool] = ContextVar("vahti_search_deferred", default=False)


@contextmanager
def deferred() -> Iterator[None]:
    """Skip indexing one object at a time inside the block, for a loader that then calls
    :func:`rebuild_plan` once."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def _text(obj, field: str, language: str, primary: str) -> TranslatedStr:
    texts = {code: getattr(obj, column_name(field, code), "") for code in language_codes()}
    return pick_translation(texts, language, primary)


def _body(parts: list[TranslatedStr], fallback_language: str) -> tuple[str, str, list[text.Part]]:
    """The parts as one text, said to be in the language of its longest part (what the
    database stems it with), and where each part is with its own language (what the
    excerpts are marked with)."""
    present = [part for part in parts if part]
    if not present:
        return "", "", []
    longest = max(present, key=len)
    body, where = text.join_parts(*((part, part.lang or "") for part in present))
    return body, longest.lang or fallback_language, where


def _entry(plan: Plan, language: str, **fields) -> SearchEntry:
    entry = SearchEntry(plan=plan, language=language, **fields)
    entry_terms_set(entry, analysis.finnish_analyser())
    return entry


def entry_terms_set(entry, analyser: str) -> None:
    """Compute the entry's index terms (also given a historical model's entry, by the
    migration that rebuilt them)."""
    parts = [tuple(part) for part in entry.body_parts]
    entry.title_stems = text.index_text(entry.title, entry.title_language, analyser)
    entry.body_stems = text.index_parts(entry.body, parts, entry.body_language, analyser)
    has_finnish = "fi" in {entry.title_language, entry.body_language, *(p[2] for p in parts)}
    entry.finnish_analyser = analyser if has_finnish else ""


def searchable_values() -> Prefetch:
    """An action's values of the plan's public text and rich text fields, in the
    fields' order, as ``action.searchable_values``: searched with the action's own text.
    A non-public field's value is never read."""
    values = (
        ActionFieldValue.objects.filter(
            field__is_public=True, field__kind__in=ActionField.TEXT_KINDS
        )
        .select_related("field")
        .order_by("field__order", "field_id")
    )
    return Prefetch("field_values", queryset=values, to_attr="searchable_values")


def _field_texts(action: Action, language: str, primary: str) -> list[TranslatedStr]:
    found = []
    for value in action.searchable_values:
        if value.field.kind == ActionField.Kind.RICH_TEXT:
            rich = _text(value, "rich_text", language, primary)
            found.append(TranslatedStr(text.plain_text(rich), rich.lang))
        else:
            found.append(_text(value, "text", language, primary))
    return found


def _action_entries(plan: Plan, action: Action, tasks: Iterable[Task]) -> Iterator[SearchEntry]:
    """The action's entries (with ``searchable_values`` prefetched) and its tasks'."""
    primary = plan.primary_language
    tasks = list(tasks)
    for language in plan.languages:
        name = _text(action, "name", language, primary)
        rich = (
            TranslatedStr(text.plain_text(value), value.lang)
            for value in (
                _text(action, "description", language, primary),
                _text(action, "official_description", language, primary),
            )
        )
        body, body_language, body_parts = _body(
            [
                _text(action, "lead", language, primary),
                *rich,
                _text(action, "official_name", language, primary),
                *_field_texts(action, language, primary),
            ],
            name.lang,
        )
        title = f"{action.identifier} {name}"
        yield _entry(
            plan,
            language,
            kind=SearchEntry.Kind.ACTION,
            action=action,
            identifier=action.identifier,
            title=title,
            title_language=name.lang or primary,
            body=body,
            body_language=body_language,
            body_parts=body_parts,
            rank_order=SearchEntry.KIND_ORDER[SearchEntry.Kind.ACTION],
            sort_key=action.sort_key,
        )
        for task in tasks:
            task_name = _text(task, "name", language, primary)
            comment = _text(task, "comment", language, primary)
            comment_text = text.plain_text(comment)
            yield _entry(
                plan,
                language,
                kind=SearchEntry.Kind.TASK,
                action=action,
                identifier=action.identifier,
                anchor=f"task-{task.pk}",
                title=str(task_name),
                title_language=task_name.lang or primary,
                context=title,
                context_language=name.lang or primary,
                body=comment_text,
                body_language=comment.lang or "",
                body_parts=[(0, len(comment_text), comment.lang or "")],
                rank_order=SearchEntry.KIND_ORDER[SearchEntry.Kind.TASK],
                sort_key=action.sort_key,
            )


def _indicator_entries(plan: Plan, indicator: Indicator) -> Iterator[SearchEntry]:
    primary = plan.primary_language
    for language in plan.languages:
        name = _text(indicator, "name", language, primary)
        description = _text(indicator, "description", language, primary)
        body, body_language, body_parts = _body(
            [
                TranslatedStr(text.plain_text(description), description.lang),
                _text(indicator, "quantity", language, primary),
                _text(indicator, "data_source", language, primary),
            ],
            name.lang,
        )
        yield _entry(
            plan,
            language,
            kind=SearchEntry.Kind.INDICATOR,
            indicator=indicator,
            identifier=indicator.identifier,
            title=str(name),
            title_language=name.lang or primary,
            # The identifier, after the texts, has no language.
            body=text.join_texts(body, indicator.identifier),
            body_language=body_language,
            body_parts=body_parts,
            rank_order=SearchEntry.KIND_ORDER[SearchEntry.Kind.INDICATOR],
            sort_key=indicator.sort_key,
        )


def _page_entries(plan: Plan, page: ContentPage) -> Iterator[SearchEntry]:
    primary = plan.primary_language
    for language in plan.languages:
        heading = _text(page, "heading", language, primary)
        body = _text(page, "body", language, primary)
        text_body, body_language, body_parts = _body(
            [
                _text(page, "lead", language, primary),
                TranslatedStr(text.plain_text(body), body.lang),
            ],
            heading.lang,
        )
        yield _entry(
            plan,
            language,
            kind=SearchEntry.Kind.PAGE,
            page=page,
            identifier=page.slug,
            title=str(heading) or page.title,
            title_language=heading.lang or primary,
            body=text_body,
            body_language=body_language,
            body_parts=body_parts,
            rank_order=SearchEntry.KIND_ORDER[SearchEntry.Kind.PAGE],
            sort_key=page.path,
        )


def _searchable(action: Action) -> bool:
    return action.is_public and not action.merged_with_id


@transaction.atomic
def index_action(action: Action) -> None:
    """Index the action and its tasks as they are stored (published), or drop them from
    the index when the action is not public."""
    if _deferred.get():
        return
    SearchEntry.objects.filter(action_id=action.pk).delete()
    # The search page shows the index: its pages change with it (vahti.plans.changes).
    changes.touch(action.plan_id)
    stored = (
        Action.objects.filter(pk=action.pk)
        .select_related("plan")
        .prefetch_related("tasks", searchable_values())
    ).first()
    if stored is None or not _searchable(stored):
        return
    SearchEntry.objects.bulk_create(_action_entries(stored.plan, stored, stored.tasks.all()))


@transaction.atomic
def index_indicator(indicator: Indicator) -> None:
    if _deferred.get():
        return
    SearchEntry.objects.filter(indicator_id=indicator.pk).delete()
    changes.touch(indicator.plan_id)
    if indicator.is_public:
        plan = Plan.objects.get(pk=indicator.plan_id)
        SearchEntry.objects.bulk_create(_indicator_entries(plan, indicator))


@transaction.atomic
def index_page(page: ContentPage) -> None:
    """Index the page as published (its live row), or drop it when it is not live or
    not readable by everyone."""
    if _deferred.get():
        return
    SearchEntry.objects.filter(page_id=page.pk).delete()
    from vahti.content.selectors import public_pages

    # The plan as stored: a move may have changed it since ``page`` was read.
    plan_id = ContentPage.objects.filter(pk=page.pk).values_list("plan_id", flat=True).first()
    changes.touch(plan_id, page.plan_id)
    stored = (
        public_pages(plan_id).filter(pk=page.pk).select_related("plan").first() if plan_id else None
    )
    if stored is not None and stored.plan is not None:
        SearchEntry.objects.bulk_create(_page_entries(stored.plan, stored))


@transaction.atomic
def rebuild_plan(
    plan: Plan, *, progress: Callable[[int, int], None] | None = None, progress_every: int = BATCH
) -> int:
    """Rewrite every entry of the plan; returns how many there are. ``progress`` is told
    (actions indexed, actions to index) every ``progress_every`` actions and at the end."""
    SearchEntry.objects.filter(plan=plan).delete()
    changes.touch(plan.pk)
    public = Action.objects.filter(plan=plan).public()
    total = public.count() if progress else 0
    actions = public.prefetch_related(
        Prefetch("tasks", queryset=Task.objects.order_by("due_at", "pk")), searchable_values()
    ).iterator(chunk_size=BATCH)

    def entries() -> Iterator[SearchEntry]:
        done = 0
        for done, action in enumerate(actions, 1):
            yield from _action_entries(plan, action, action.tasks.all())
            if progress and done % progress_every == 0:
                progress(done, total)
        if progress:
            progress(done, total)
        for indicator in Indicator.objects.filter(plan=plan).public():
            yield from _indicator_entries(plan, indicator)
        for page in ContentPage.objects.filter(plan=plan).live().public():
            yield from _page_entries(plan, page)

    # Tens of thousands of entries in a large plan: one statement for all (see inserts).
    return rows_insert(SearchEntry, entries())


def rebuild_plan_unless_deferred(plan: Plan) -> None:
    """:func:`rebuild_plan`, except inside :func:`deferred` (whose loader rebuilds)."""
    if not _deferred.get():
        rebuild_plan(plan)
