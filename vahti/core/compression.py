"""Answers compressed with gzip for clients that accept it: pages, the API's JSON, CSV,
feeds. Static files are not compressed here: WhiteNoise, before this middleware, serves
them compressed ahead of time. Images and documents are already compressed and are
sent as they are.

It goes before the page cache (vahti.site.pagecache) in ``MIDDLEWARE``, so a page from
the cache is compressed too while the cache keeps one plain copy for every client, and
before the API's conditional answers, whose ``ETag`` it makes weak (a compressed body
is not the same bytes); ``If-None-Match`` compares weakly, so a 304 still comes.

BREACH (guessing a secret in a compressed page from its length): Django adds 0–100
random bytes to each compressed answer, CSRF tokens are masked anew on every answer, and
public pages hold no secret (their forms are checked by origin, vahti.core.origin). The
admin is never compressed: its pages show what only their user may see (feedback
senders' addresses, internal notes) beside words an attacker can put in the address
(a listing's search), which is what BREACH needs.
"""

from __future__ import annotations

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers


def compressible(content_type: str) -> bool:
    """Text of some kind: HTML, CSV, JSON, XML (feeds, SVG), calendars, scripts."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type.startswith("text/") or media_type.endswith(("json", "xml", "javascript"))


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            return response
        headless = request.method == "HEAD" and (response.streaming or not response.content)
        if response.status_code == 304 or headless:
            # No body to compress, but the same Vary as the full answer it stands for, so
            # that a shared cache keeping these headers keeps the two copies apart.
            if response.status_code == 304 or compressible(response.get("Content-Type", "")):
                patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if not compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
