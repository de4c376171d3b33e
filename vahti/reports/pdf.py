"""A completed report as a print-quality PDF, drawn by WeasyPrint from an HTML template.

WeasyPrint needs Debian's Pango and fonts (``make pdf-fonts``); without them
:class:`PdfUnavailable` is raised and the site says the PDF is not available. Nothing is
fetched over the network: the template carries its own styles, and the fetcher refuses
every address but inline ``data:`` ones (an image in a commentary from another host is
left out)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("vahti.reports")


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it needs cannot be loaded."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango missing
        logger.warning("WeasyPrint cannot load: %s", error)
        raise PdfUnavailable(str(error)) from error
    return weasyprint


def _local_fetcher(weasyprint):
    class LocalOnly(weasyprint.URLFetcher):
        """Inline data only: no page of the report reaches another host, or a file."""

        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                raise ValueError(f"Not fetched for a report: {url[:80]}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols=["data"], allow_redirects=False)


def pdf_bytes(html: str) -> bytes:
    """The HTML document as PDF bytes."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(
        string=html, base_url="about:blank", url_fetcher=_local_fetcher(weasyprint)
    )
    # Fixed metadata: the same report gives the same file. PDF/UA-1: tagged (headings,
    # lists, tables and the reading order reach a screen reader), with the document's
    # language and title; WeasyPrint writes no time stamp or random id for it.
    return document.write_pdf(
        pdf_identifier=b"vahti-report",
        pdf_variant="pdf/ua-1",
        uncompressed_pdf=False,
        custom_metadata=False,
    )


def kept(parts: tuple, build: Callable[[], bytes]) -> bytes:
    """The PDF ``build`` draws, kept in the shared cache under everything it shows beside
    the snapshots (``parts``: the report as saved, the language, the plan's name, the
    address, the release), so that an edit of an action, which does not change a
    completed report, does not draw it again. Not kept when pages are not
    (``PAGE_CACHE_SECONDS`` 0)."""
    if not settings.PAGE_CACHE_SECONDS:
        return build()
    key = "vahti:report-pdf:" + hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
    try:
        found = cache.get(key)
    except Exception:  # the cache is down: draw it, as without a cache
        logger.warning("cache unavailable for a report's PDF", exc_info=True)
        return build()
    if found is None:
        found = build()
        try:
            cache.set(key, found, timeout=7 * 24 * 3600)
        except Exception:
            logger.warning("cache unavailable for a report's PDF", exc_info=True)
    return found
