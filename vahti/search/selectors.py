"""Searching a plan in one language.

The database ranks the matches (PostgreSQL: ``ts_rank`` over the weighted vector, with
each word stemmed in the visitor's language and in the plan's primary language, which
fallback texts are written in; SQLite: FTS5's ``bm25`` over the stems, titles weighing
four times the body). Every searched word must match, as a prefix of a stem, so that
"pyöräilyn" finds "pyöräily" and the compound "pyöräilyverkosto". Two queries whatever
the plan's size: the ranked ids of every match, then the entries of one page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F
from django.urls import reverse
from django.utils.safestring import SafeString

from vahti.plans.models import Plan
from vahti.search import text
from vahti.search.models import SearchEntry

PAGE_SIZE = 20
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0


@dataclass(frozen=True)
class Hit:
    kind: str
    url: str
    title: SafeString
    title_language: str
    context: str
    context_language: str
    # Marked with the language of each of its parts that is not the page's.
    excerpt: SafeString


@dataclass
class SearchResults:
    query: str
    kind: str | None
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    page: Page | None = None

    @property
    def searched(self) -> bool:
        return bool(text.query_words(self.query))


def _postgresql_matches(plan: Plan, language: str, terms: text.Terms):
    query = None
    for searched_language in terms.languages:
        config = text.TEXT_SEARCH_CONFIGS.get(searched_language, text.FALLBACK_CONFIG)
        raw = " & ".join(f"{word}:*" for word in terms.words)
        part = SearchQuery(raw, config=config, search_type="raw")
        query = part if query is None else query | part
    return list(
        SearchEntry.objects.filter(plan=plan, language=language, vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", "rank_order", "sort_key", "pk")
        .values_list("pk", "kind")
    )


def _fts_match(plan: Plan, language: str, terms: text.Terms) -> str:
    """An FTS5 query: the plan's language, and each word as a stem prefix in any of the
    searched languages. Stems are word characters only, quoted all the same."""
    scope = f'scope:"p{plan.pk}{language}"'
    words = []
    for index in range(len(terms.words)):
        stems = dict.fromkeys(terms.stems(lang)[index] for lang in terms.languages)
        words.append("{title body}: (" + " OR ".join(f'"{stem}"*' for stem in stems) + ")")
    return " AND ".join([scope, *words])


def _sqlite_matches(plan: Plan, language: str, terms: text.Terms):
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT entry.id, entry.kind
            FROM search_fts JOIN {SearchEntry._meta.db_table} entry
                ON entry.id = search_fts.rowid
            WHERE search_fts MATCH %s
            ORDER BY bm25(search_fts, 0.0, {TITLE_WEIGHT}, {BODY_WEIGHT}),
                entry.rank_order, entry.sort_key, entry.id
            """,  # noqa: S608 (the table name and weights are ours; the query is a parameter)
            [_fts_match(plan, language, terms)],
        )
        return cursor.fetchall()


def _url(entry: SearchEntry) -> str:
    if entry.kind == SearchEntry.Kind.INDICATOR:
        url = reverse("site:indicator-detail", kwargs={"identifier": entry.identifier})
    elif entry.kind == SearchEntry.Kind.PAGE:
        url = reverse("site:content-page", kwargs={"slug": entry.identifier})
    else:
        url = reverse("site:action-detail", kwargs={"identifier": entry.identifier})
    return f"{url}#{entry.anchor}" if entry.anchor else url


def _hit(entry: SearchEntry, terms: text.Terms, language: str) -> Hit:
    # Entries indexed before their parts were recorded are one part in one language.
    parts = [tuple(part) for part in entry.body_parts] or [
        (0, len(entry.body), entry.body_language)
    ]
    return Hit(
        kind=entry.kind,
        url=_url(entry),
        title=text.highlight(entry.title, terms, entry.title_language),
        title_language=entry.title_language,
        context=entry.context,
        context_language=entry.context_language,
        excerpt=text.excerpt(entry.body, terms, parts, language),
    )


def search(
    plan: Plan,
    language: str,
    query: str,
    *,
    kind: str | None = None,
    page_number: int | str | None = 1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    """The entries of ``plan`` in ``language`` that match every word of ``query``, best
    first, one page of them with highlighted excerpts; ``kind`` keeps one kind only (the
    counts per kind are of all matches)."""
    kind = kind if kind in SearchEntry.Kind.values else None
    results = SearchResults(query=query, kind=kind)
    terms = text.Terms.parse(query, [language, plan.primary_language])
    if not terms:
        return results
    if connection.vendor == "postgresql":
        matches = _postgresql_matches(plan, language, terms)
    else:
        matches = _sqlite_matches(plan, language, terms)
    results.counts = dict(Counter(found_kind for _pk, found_kind in matches))
    ids = [pk for pk, found_kind in matches if kind is None or found_kind == kind]
    results.total = len(ids)
    page = Paginator(ids, page_size).get_page(page_number)
    shown = list(page.object_list)
    entries = SearchEntry.objects.defer("vector", "title_stems", "body_stems").in_bulk(shown)
    # An entry can go between the two queries (an action being republished): left out.
    page.object_list = [_hit(entries[pk], terms, language) for pk in shown if pk in entries]
    results.page = page
    return results
