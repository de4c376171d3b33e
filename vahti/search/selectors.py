"""Searching a plan in one language.

The database ranks the matches (PostgreSQL: ``ts_rank`` over the weighted vector; SQLite:
FTS5's ``bm25``, titles weighing four times the body), both over the terms Python
indexed (``vahti.search.analysis``). Every searched word must match, as a prefix of a
term, by one of its alternatives in the visitor's language or the plan's primary
language (which fallback texts are written in): a Finnish word's base forms, so that
"pyöräilyn" finds "pyöräily" and the compound "pyöräilyverkosto". Two queries whatever
the plan's size: the number of matches of each kind with the ids of one page of them,
then that page's entries. Every match is ranked, so the time still grows with their
number, but only a page of them leaves the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import F
from django.urls import reverse
from django.utils.safestring import SafeString

from vahti.plans.models import Plan
from vahti.search import text
from vahti.search.models import SearchEntry

PAGE_SIZE = 20
LAST_PAGE = 10**9  # past any plan's matches, read as the last page
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


# One page of the matches, best first (equally good ones by kind, then in natural order),
# and the number of matches of each kind, in one statement: the ranking is computed once,
# and only the page's ids and a row per kind leave the database. ``matched`` is each match's
# id, kind, rank_order, sort_key and score (lower is better). The page's rows are those
# with an id; ``kind`` is '' for all kinds. A page past the last is the last, as the
# paginator has it.
_COUNTS_AND_PAGE = """
    WITH matched AS MATERIALIZED ({matched}),
    shown AS (SELECT * FROM matched WHERE %s IN ('', kind))
    SELECT kind, count(*), NULL, NULL, NULL, NULL FROM matched GROUP BY kind
    UNION ALL
    SELECT * FROM (
        SELECT kind, 0, score, rank_order, sort_key, id FROM shown
        ORDER BY score, rank_order, sort_key, id
        LIMIT %s OFFSET {offset}
    ) page
    ORDER BY 3, 4, 5, 6
"""
# The offset of a page after the first: the one asked for, or the last page's if that is
# past the matches (the first page needs no such count).
_LATER_OFFSET = """(
    SELECT CASE WHEN count(*) > %s THEN %s ELSE (count(*) - 1) / %s * %s END FROM shown
)"""


def _quoted(term: str) -> str:
    """A term as a quoted lexeme of a ``tsquery`` (terms are letters and digits; quotes
    and backslashes would be escaped all the same)."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _postgresql_matched(plan: Plan, language: str, terms: text.Terms) -> tuple[str, list]:
    # The index holds Python's terms (``simple`` configuration): each word, as one of its
    # alternatives' prefix.
    raw = " & ".join(
        "(" + " | ".join(f"{_quoted(prefix)}:*" for prefix in prefixes) + ")"
        for prefixes in terms.alternatives()
    )
    query = SearchQuery(raw, config=text.FALLBACK_CONFIG, search_type="raw")
    matched = (
        SearchEntry.objects.filter(plan=plan, language=language, vector=query)
        .annotate(score=-SearchRank(F("vector"), query))
        .values("id", "kind", "rank_order", "sort_key", "score")
    )
    sql, params = matched.query.sql_with_params()
    return sql, list(params)


def _fts_match(plan: Plan, language: str, terms: text.Terms) -> str:
    """An FTS5 query: the plan's language, and each word as a prefix of a term, by any
    of its alternatives (``vahti.search.analysis``). Terms are letters and digits,
    quoted all the same."""
    scope = f'scope:"p{plan.pk}{language}"'
    words = [
        "{title body}: (" + " OR ".join(f'"{prefix}"*' for prefix in prefixes) + ")"
        for prefixes in terms.alternatives()
    ]
    return " AND ".join([scope, *words])


def _sqlite_matched(plan: Plan, language: str, terms: text.Terms) -> tuple[str, list]:
    # Each match's kind and order are read from the narrow index kept for this (the
    # entries' rows, with their texts, are many times slower to visit one by one).
    sql = f"""
        SELECT entry.id, entry.kind, entry.rank_order, entry.sort_key,
            bm25(search_fts, 0.0, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
        FROM search_fts JOIN {SearchEntry._meta.db_table} entry
            INDEXED BY {SearchEntry.RANKING_INDEX} ON entry.id = search_fts.rowid
        WHERE search_fts MATCH %s
    """  # noqa: S608 (the names and weights are ours; the query is a parameter)
    return sql, [_fts_match(plan, language, terms)]


def _counts_and_page(
    plan: Plan, language: str, terms: text.Terms, kind: str | None, offset: int, limit: int
) -> tuple[dict[str, int], list[int]]:
    """The number of matches of each kind, and the ids of ``limit`` matches of ``kind``
    (or of any) from ``offset`` on (a multiple of ``limit``; past them all, the last
    ``limit`` or fewer), best first. One query."""
    if connection.vendor == "postgresql":
        matched, params = _postgresql_matched(plan, language, terms)
    else:
        matched, params = _sqlite_matched(plan, language, terms)
    counts, ids = {}, []
    with connection.cursor() as cursor:
        sql = _COUNTS_AND_PAGE.format(matched=matched, offset=_LATER_OFFSET if offset else "0")
        offset_params = [offset, offset, limit, limit] if offset else []
        cursor.execute(sql, [*params, kind or "", limit, *offset_params])
        for found_kind, count, *_order, pk in cursor.fetchall():
            if pk is None:
                counts[found_kind] = count
            else:
                ids.append(pk)
    return counts, ids


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


def _page_asked(page_number, page_size: int) -> int:
    """The page number as the paginator reads it, before the number of matches is known:
    not a number, the first; before the first or past the last, the last (``LAST_PAGE``,
    which the query reads as the last there is)."""
    try:
        return Paginator(range(LAST_PAGE * page_size), page_size).validate_number(page_number)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return LAST_PAGE


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
    requested = _page_asked(page_number, page_size)
    offset = (requested - 1) * page_size
    results.counts, shown = _counts_and_page(plan, language, terms, kind, offset, page_size)
    results.total = results.counts.get(kind, 0) if kind else sum(results.counts.values())
    page = Paginator(range(results.total), page_size).get_page(page_number)
    entries = SearchEntry.objects.defer("vector", "title_stems", "body_stems").in_bulk(shown)
    # An entry can go between the two queries (an action being republished): left out.
    page.object_list = [_hit(entries[pk], terms, language) for pk in shown if pk in entries]
    results.page = page
    return results
