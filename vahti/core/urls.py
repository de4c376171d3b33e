"""Addresses of a plan's public pages, for every face that links to them (the site, the
API, feeds and e-mails): each primary language has its own URLconf (see
``vahti.site.locale``)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation

from vahti.core.i18n import language_codes


def urlconf_for(language: str) -> str:
    """The URLconf of plans whose primary language is ``language``."""
    if language == settings.LANGUAGE_CODE or language not in language_codes():
        return settings.ROOT_URLCONF
    import_module(settings.ROOT_URLCONF)  # registers the others
    return f"{settings.ROOT_URLCONF}_{language}"


def plan_path(plan, name: str, language: str | None = None, **kwargs) -> str:
    """The path of one of ``plan``'s pages in ``language`` (by default its primary
    language), whichever plan the current request is for: below the plan's own address,
    without the current request's path prefix (``vahti.site.middleware``)."""
    with translation.override(language or plan.primary_language):
        path = reverse(name, urlconf=urlconf_for(plan.primary_language), kwargs=kwargs)
    script_prefix = get_script_prefix()
    if script_prefix != "/" and path.startswith(script_prefix):
        path = "/" + path[len(script_prefix) :]
    return path
