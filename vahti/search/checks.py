"""A system check: the search index built with another Finnish analysis than search now
uses (Voikko installed, or gone, since the index was written) finds less than it should
until it is rebuilt."""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError

INDEX_OUTDATED = "search.W001"
OUTDATED_MESSAGE = (
    "The search index was built with {built} but {used} is in use for Finnish: run "
    "manage.py update_search_index."
)
VOIKKO_REQUIRED = "search.E001"
SAMPLE = 1000


# Not tagged ``database``: it runs at every start (``runserver``, ``check``, ``migrate``)
# so that the warning is seen; a database not migrated yet has nothing to warn about.
@checks.register()
def index_analysis_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return _index_analysis_messages()


def _index_analysis_messages() -> list[checks.CheckMessage]:
    from django.core.exceptions import ImproperlyConfigured

    from vahti.search import analysis
    from vahti.search.models import SearchEntry

    try:
        used = analysis.finnish_analyser()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id=VOIKKO_REQUIRED)]
    try:
        # The oldest entries, the first to be left behind by a change of analyser: a
        # bounded read at every start, whatever the size of the index.
        oldest = SearchEntry.objects.order_by("id").values_list("finnish_analyser", flat=True)
        built = [name for name in dict.fromkeys(oldest[:SAMPLE]) if name not in ("", used)][:1]
    except DatabaseError:
        return []
    return [
        checks.Warning(OUTDATED_MESSAGE.format(built=name, used=used), id=INDEX_OUTDATED)
        for name in built
    ]
