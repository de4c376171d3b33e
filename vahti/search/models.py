"""The search index: one entry per public thing and language, kept current on publish.

An entry holds the text a visitor of that language reads (with the fallback to the
plan's primary language, and the language each text really is in). The database indexes
the terms Python computed for it (``vahti.search.analysis``) by triggers written in the
migrations: on PostgreSQL a weighted ``tsvector`` (title A, body B) behind a GIN index;
on SQLite an FTS5 table. See ``vahti.search.selectors`` for the queries.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import Action
from vahti.content.models import ContentPage
from vahti.indicators.models import Indicator
from vahti.plans.models import Plan


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ACTION = "action", _("Actions")
        TASK = "task", _("Tasks")
        INDICATOR = "indicator", _("Indicators")
        PAGE = "page", _("Pages")

    # The order in which kinds are listed when they match equally well.
    KIND_ORDER = {Kind.ACTION: 0, Kind.INDICATOR: 1, Kind.PAGE: 2, Kind.TASK: 3}

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        ContentPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Where the entry leads: the action's or indicator's identifier or the page's slug,
    # and an anchor.
    identifier = models.CharField(max_length=300)
    anchor = models.CharField(max_length=50, blank=True)
    title = models.TextField()
    title_language = models.CharField(max_length=10)
    # What the entry belongs to, e.g. a task's action ("126 Kokeilualustat").
    context = models.TextField(blank=True)
    context_language = models.CharField(max_length=10, blank=True)
    body = models.TextField(blank=True)
    body_language = models.CharField(max_length=10, blank=True)
    # The body joins texts that may be in different languages (fallbacks): where each
    # one is, [[start, end, language], …], for marking the excerpts' languages.
    body_parts = models.JSONField(default=list, blank=True)
    rank_order = models.PositiveSmallIntegerField(default=0)
    sort_key = models.CharField(max_length=300, blank=True)
    # The index terms of the title and the body (vahti.search.analysis), which both
    # databases index as they are: SQLite in FTS5, PostgreSQL in the vector its trigger
    # computes with the ``simple`` configuration.
    title_stems = models.TextField(blank=True)
    body_stems = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)
    # What analysed the entry's Finnish words (``voikko`` or ``snowball``; blank when it
    # has none): a system check notices an index built otherwise than search now reads.
    finnish_analyser = models.CharField(max_length=10, blank=True, default="")

    # SQLite reads each match's kind and order from this index rather than from its row
    # (``vahti.search.selectors``): a search matching thousands visits every one.
    RANKING_INDEX = "search_entry_ranking"
    # SQLite: an entry's FTS5 row is numbered ``id * FTS_KINDS + FTS_KIND_CODES[kind]``,
    # so that the matches of each kind are counted from the FTS5 index alone (reading
    # the kind of each match, from a column or the entry, costs several counts).
    FTS_KINDS = 4
    FTS_KIND_CODES = {Kind.ACTION: 0, Kind.TASK: 1, Kind.INDICATOR: 2, Kind.PAGE: 3}

    class Meta:
        indexes = [
            models.Index(fields=["plan", "language", "kind"]),
            models.Index(
                fields=["id", "kind", "rank_order", "sort_key"], name="search_entry_ranking"
            ),
            # A search with more matches than are ranked walks this, in natural order.
            models.Index(
                fields=["plan", "language", "rank_order", "sort_key", "id"],
                name="search_entry_natural",
            ),
        ]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.title
