"""Path prefixes: one host serving several plans, each under ``/<prefix>/``.

A prefix is a slug that cannot be mistaken for anything else the host answers at its
root: the admin, the API, files, a language prefix or one of the public site's own
first path segments (a test keeps this list in step with the URLconf).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PREFIX_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Answered at the host's root whatever plans it serves.
ROOT_SEGMENTS = frozenset(
    {
        "admin",
        "api",
        "static",
        "media",
        "documents",
        "oidc",
        "healthz",
        "robots.txt",
        "sitemap.xml",
        "brand.css",
        "favicon.ico",
    }
)
# The first segments of the public site's own addresses (vahti.site.urls and the data
# pages beside it).
SITE_SEGMENTS = frozenset(
    {
        "actions",
        "actions.csv",
        "actions.xlsx",
        "feedback",
        "categories",
        "organizations",
        "indicators",
        "insight",
        "estimates",
        "reports",
        "search",
        "data",
        "feeds",
        "pages",
    }
)


def reserved_segments() -> frozenset[str]:
    return ROOT_SEGMENTS | SITE_SEGMENTS | {code for code, _name in settings.LANGUAGES}


def validate_path_prefix(value: str) -> None:
    if not value:
        return
    if not PREFIX_PATTERN.match(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a path prefix: use lower-case letters, digits and "
                "hyphens, e.g. “espoo”, without slashes."
            ),
            code="invalid_prefix",
            params={"value": value},
        )
    if value in reserved_segments():
        raise ValidationError(
            _(
                "“%(value)s” cannot be a path prefix: the site already uses /%(value)s/ for "
                "something else. Choose another, such as the city's name."
            ),
            code="reserved_prefix",
            params={"value": value},
        )


def normalise_prefix(value: str | None) -> str:
    """``/espoo/`` and ``Espoo`` are the prefix ``espoo``."""
    return (value or "").strip().strip("/").lower()


def first_segment(path: str) -> str:
    """``/espoo/actions/`` → ``espoo``; ``/`` → ``""``."""
    return path.lstrip("/").split("/", 1)[0]
