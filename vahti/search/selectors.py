"""Searching a plan in one language.

The database ranks the matches (PostgreSQL: ``ts_rank`` over the weighted vector; SQLite:
FTS5's ``bm25``, titles weighing four times the body), both over the terms Python
indexed (``vahti.search.analysis``). Every searched word must match, as a prefix of a
term, by one of its alternatives in the visitor's language or the plan's primary
language (which fallback texts are written in): a Finnish word's base forms, so that
"pyöräilyn" finds "pyöräily" and the compound "pyöräilyverkosto". Two queries whatever
the plan's size: the number of matches of each kind, counted without reading them, then
one page of them. Ranking is bounded: up to ``MAX_RANKED`` matches (of the kind shown)
are all ranked; past that, the page is read in the plan's natural order from an index in
that order, so that the time does not grow with the number of matches beyond counting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
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
    # More matches than are ranked: they are in the plan's natural order.
    in_plan_order: bool = False

    @property
    def searched(self) -> bool:
        return bool(text.query_words(self.query))

    @property
    def ranked_at_most(self) -> int:
        return MAX_RANKED


# A search with at most this many matches (of the kind shown) ranks them all, best first.
# With more, they are listed in the plan's natural order, from an index in that order,
# and the visitor is told so: ranking grows with the matches (bm25 or ts_rank of every
# one). CPU of a search on the bench plans (SQLite): 12.8 ms ranking 147 matches, 16.3 ms
# ranking 1,470 (some 2.6 µs a match), 11.2 ms for 1,470 and 18.2 ms for 14,700 in natural
# order. At a thousand, the dearest ranked search costs about what the largest natural
# one does; and a word found in more than a thousand entries hardly tells which is meant.
MAX_RANKED = 1000
# Loaded for each hit; the rest is for the database's index only.
DEFERRED = ("vector", "title_stems", "body_stems")
NATURAL_ORDER = ("rank_order", "sort_key", "id")

# One page of the matches, best first (equally good ones by kind, then in natural order):
# ``matched`` is each match's id, kind, rank_order, sort_key and score (lower is better),
# and ``kind`` is '' for all kinds. Only the kind's are ranked: the filter goes down into
# ``matched`` (PostgreSQL), or is there already (SQLite, by the FTS5 row numbers).
_RANKED_PAGE = """
    WITH matched AS MATERIALIZED (SELECT * FROM ({matched}) kept WHERE %s IN ('', kind))
    SELECT {columns} FROM (
        SELECT id, score, rank_order, sort_key FROM matched
        ORDER BY score, rank_order, sort_key, id LIMIT %s OFFSET %s
    ) page JOIN {table} entry ON entry.id = page.id
    ORDER BY page.score, page.rank_order, page.sort_key, page.id
"""


def _quoted(term: str) -> str:
    """A term as a quoted lexeme of a ``tsquery`` (terms are letters and digits; quotes
    and backslashes would be escaped all the same)."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _postgresql_query(terms: text.Terms) -> SearchQuery:
    # The index holds Python's terms (``simple`` configuration): each word, as one of its
    # alternatives' prefix.
    raw = " & ".join(
        "(" + " | ".join(f"{_quoted(prefix)}:*" for prefix in prefixes) + ")"
        for prefixes in terms.alternatives()
    )
    return SearchQuery(raw, config=text.FALLBACK_CONFIG, search_type="raw")


def _postgresql_matched(plan: Plan, language: str, terms: text.Terms) -> tuple[str, list]:
    query = _postgresql_query(terms)
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


def _sqlite_matched(
    plan: Plan, language: str, terms: text.Terms, kind: str | None = None
) -> tuple[str, list]:
    # Each match's kind and order are read from the narrow index kept for this (the
    # entries' rows, with their texts, are many times slower to visit one by one); with
    # a kind, only its matches are, told by their FTS5 row numbers.
    of_kind = ""
    if kind:
        code = SearchEntry.FTS_KIND_CODES[kind]
        of_kind = f"AND search_fts.rowid %% {SearchEntry.FTS_KINDS} = {code}"
    sql = f"""
        SELECT entry.id, entry.kind, entry.rank_order, entry.sort_key,
            bm25(search_fts, 0.0, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
        FROM search_fts JOIN {SearchEntry._meta.db_table} entry
            INDEXED BY {SearchEntry.RANKING_INDEX}
            ON entry.id = search_fts.rowid / {SearchEntry.FTS_KINDS}
        WHERE search_fts MATCH %s {of_kind}
    """  # noqa: S608 (the names and weights are ours; the query is a parameter)
    return sql, [_fts_match(plan, language, terms)]


def _counts(plan: Plan, language: str, terms: text.Terms) -> dict[str, int]:
    """The number of matches of each kind, counted without reading them (on SQLite from
    the FTS5 row numbers, which carry the kind). One query."""
    if connection.vendor == "postgresql":
        matched = SearchEntry.objects.filter(
            plan=plan, language=language, vector=_postgresql_query(terms)
        )
        counts = matched.aggregate(
            **{kind: Count("id", filter=Q(kind=kind)) for kind in SearchEntry.Kind.values}
        )
        return {kind: count for kind, count in counts.items() if count}
    # One pass over the matches, each counted under its kind (a GROUP BY would sort them).
    kinds = list(SearchEntry.FTS_KIND_CODES.items())
    each_kind = ", ".join(
        f"count(*) FILTER (WHERE rowid %% {SearchEntry.FTS_KINDS} = {code})"
        for _kind, code in kinds
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {each_kind} FROM search_fts WHERE search_fts MATCH %s",  # noqa: S608
            [_fts_match(plan, language, terms)],
        )
        counts = cursor.fetchone()
    return {str(kind): count for (kind, _code), count in zip(kinds, counts, strict=True) if count}


def _ranked_page(
    plan: Plan, language: str, terms: text.Terms, kind: str | None, offset: int, limit: int
) -> list[SearchEntry]:
    """``limit`` matches of ``kind`` (or of any) from ``offset`` on, best first: every
    match is ranked. One query."""
    if connection.vendor == "postgresql":
        matched, params = _postgresql_matched(plan, language, terms)
    else:
        matched, params = _sqlite_matched(plan, language, terms, kind)
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"entry.{quote(field.column)}"
        for field in SearchEntry._meta.concrete_fields
        if field.name not in DEFERRED
    )
    sql = _RANKED_PAGE.format(
        matched=matched, columns=columns, table=quote(SearchEntry._meta.db_table)
    )
    return list(SearchEntry.objects.raw(sql, [*params, kind or "", limit, offset]))


def _natural_page(
    plan: Plan, language: str, terms: text.Terms, kind: str | None, offset: int, limit: int
) -> list[SearchEntry]:
    """``limit`` matches of ``kind`` (or of any) from ``offset`` on, in natural order:
    the index in that order is walked, keeping the matches, until the page is full. One
    query."""
    entries = SearchEntry.objects.filter(plan=plan, language=language)
    if connection.vendor == "postgresql":
        entries = entries.filter(vector=_postgresql_query(terms))
    else:
        # The names are ours; the query is a parameter.
        fts_ids = RawSQL(  # noqa: S611
            f"SELECT rowid / {SearchEntry.FTS_KINDS} FROM search_fts"  # noqa: S608
            " WHERE search_fts MATCH %s",
            [_fts_match(plan, language, terms)],
        )
        entries = entries.filter(id__in=fts_ids)
    if kind:
        # Every entry of a kind has its rank order (``services``): the walk is of its part
        # of the index alone (a filter by kind would let PostgreSQL sort the matches).
        entries = entries.filter(rank_order=SearchEntry.KIND_ORDER[kind])
    return list(entries.order_by(*NATURAL_ORDER).defer(*DEFERRED)[offset : offset + limit])


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
    """The entries of ``plan`` in ``language`` that match every word of ``query``, one
    page of them with highlighted excerpts: best first when there are at most
    ``MAX_RANKED``, else in the plan's natural order. ``kind`` keeps one kind only (the
    counts per kind are of all matches). A page past the last is the last."""
    kind = kind if kind in SearchEntry.Kind.values else None
    results = SearchResults(query=query, kind=kind)
    terms = text.Terms.parse(query, [language, plan.primary_language])
    if not terms:
        return results
    results.counts = _counts(plan, language, terms)
    results.total = results.counts.get(kind, 0) if kind else sum(results.counts.values())
    results.in_plan_order = results.total > MAX_RANKED
    page = Paginator(range(results.total), page_size).get_page(page_number)
    entries = []
    if results.total:
        listed = _natural_page if results.in_plan_order else _ranked_page
        offset = (page.number - 1) * page_size
        entries = listed(plan, language, terms, kind, offset, page_size)
    page.object_list = [_hit(entry, terms, language) for entry in entries]
    results.page = page
    return results
