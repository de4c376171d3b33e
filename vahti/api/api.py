"""The public API, version 1: ``/api/v1/``, built here in one place from its parts, each a
router on :mod:`vahti.api.base`: the reads (:mod:`vahti.api.reads`), the plan's files
(:mod:`vahti.api.downloads`), the root's index (:mod:`vahti.api.index`) and the writes
(:mod:`vahti.api.writes`). The OpenAPI document is at ``/api/v1/openapi.json``; the
reference is a page of the site (``/data/api/``, :mod:`vahti.api.reference`), with a
form to try each reading endpoint.
"""

from __future__ import annotations

from ninja import NinjaAPI

from vahti.api import downloads, index, reads, writes
from vahti.api.base import EXCEPTION_HANDLERS, TITLE, VERSION

DESCRIPTION = """
The public data of the climate action plans published on this site: actions with their
tasks, responsible organisations, contact persons, categories, status, phase, impact and
schedule; the plans' categories and organisations; indicators with their values and
goals; news posts. Only public, published data.

Every list and object belongs to one plan: give `plan=<identifier>` (see `/plans/`),
or leave it out for the plan served at this address. Texts come in every language the
plan is published in, by language code. Answers carry `ETag` and `Last-Modified`: send
`If-None-Match` or `If-Modified-Since` for a `304 Not Modified`. Any site may read the
API from a browser (CORS). Each client may make a limited number of requests a minute;
beyond it the answer is `429` with `Retry-After`.

Data feeds keep indicator values and goals current through the writes (`POST` and `PUT`
under `/indicators/{identifier}/`) with a plan's API token, sent as
`Authorization: Bearer <token>`; a plan admin creates and revokes tokens in the admin.
Writes are checked like the admin's forms: one bad value and nothing is saved, and the
answer names each problem by its place in the body. Every write is in the audit log.
Writes are not offered to browsers on other sites.
"""

api = NinjaAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    urls_namespace="api-v1",
    # No Swagger UI console: it failed dozens of accessibility checks and had no page
    # language. The reference page has its own forms to try the endpoints.
    docs_url=None,
    openapi_url="/openapi.json",
)
for exception, handler in EXCEPTION_HANDLERS.items():
    api.add_exception_handler(exception, handler)

# All at the API's root, in this order: it is the order of the OpenAPI document's paths
# and of the URL patterns.
for part in (reads, downloads, index, writes):
    api.add_router("", part.router)
