"""A completed report as a print-quality PDF, drawn by WeasyPrint from an HTML template.

WeasyPrint needs Debian's Pango and fonts (``make pdf-fonts``); without them
:class:`PdfUnavailable` is raised and the site says the PDF is not available. Nothing is
fetched over the network: the template carries its own styles, and the fetcher refuses
every address but inline ``data:`` ones (an image in a commentary from another host is
left out)."""

from __future__ import annotations

import logging

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
    # Fixed metadata: the same report gives the same file.
    return document.write_pdf(
        pdf_identifier=b"vahti-report", uncompressed_pdf=False, custom_metadata=False
    )
