"""Language prefixes that follow the plan.

A plan is read in its primary language without a prefix (``/actions/126/``) and in its
other languages under one (``/sv/actions/126/``). Django's ``i18n_patterns`` ties the
unprefixed language to ``settings.LANGUAGE_CODE``, one for the whole installation, and
caches reversed URLs per language only, so a Swedish-first plan hosted beside Helsinki's
would get Finnish at its bare addresses. Instead each primary language gets its own
URLconf (so Django caches each one's reverse table separately) whose language prefix is
empty for that language; the middleware picks the URLconf of the request's plan.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

from django.conf import settings
from django.urls import LocalePrefixPattern, URLResolver
from django.utils import translation
from django.utils.translation import get_language_from_path

from vahti.core.i18n import language_codes
from vahti.core.urls import urlconf_for


class PlanLanguagePrefixPattern(LocalePrefixPattern):
    """``<language>/`` for every language but ``default_language``, which has none."""

    def __init__(self, default_language: str):
        super().__init__(prefix_default_language=False)
        self.default_language = default_language

    @property
    def language_prefix(self) -> str:
        language = translation.get_language() or self.default_language
        return "" if language == self.default_language else f"{language}/"


def plan_language_patterns(*urls, default_language: str) -> list[URLResolver]:
    return [URLResolver(PlanLanguagePrefixPattern(default_language), list(urls))]


def register_urlconfs(module_name: str, build: Callable[[str], types.ModuleType]) -> None:
    """Create ``<module_name>_<code>`` for each language other than the default one."""
    for code in language_codes():
        if code != settings.LANGUAGE_CODE:
            sys.modules[f"{module_name}_{code}"] = build(code)


class PlanLocaleMiddleware:
    """Activates the language of the address: its prefix, or else the plan's primary
    language. Replaces Django's LocaleMiddleware; needs ``request.plan``
    (:class:`vahti.site.middleware.PlanMiddleware`) before it.

    Browsers' Accept-Language is not consulted: every address names one language, so
    pages can be cached and shared, and the language switch leads to the others.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        plan = getattr(request, "plan", None)
        primary = plan.primary_language if plan is not None else settings.LANGUAGE_CODE
        urlconf = urlconf_for(primary)
        if urlconf != settings.ROOT_URLCONF:
            request.urlconf = urlconf
        language = get_language_from_path(request.path_info) or primary
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
