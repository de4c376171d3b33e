"""Template helpers of the public site: translated text with its language, dates in the
plan's format, links to the same page in the plan's other languages, and links for
mentions of other actions."""

from __future__ import annotations

import datetime

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from vahti.actions.mentions import link_mentions
from vahti.core.i18n import active_language

register = template.Library()

# The seed page writes dates as 03.02.2020; Finland-Swedish does the same.
DATE_FORMATS = {"fi": "d.m.Y", "sv": "d.m.Y", "en": "j M Y"}


def _foreign_lang(value) -> str | None:
    lang = getattr(value, "lang", None)
    if lang and lang != active_language():
        return lang
    return None


@register.simple_tag
def tr(value):
    """The text, escaped; wrapped in <span lang="…"> when it is not in the page's language
    (a fallback to the plan's primary language)."""
    if value is None:
        return ""
    lang = _foreign_lang(value)
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, value)
    return format_html("{}", value)


@register.simple_tag
def lang_attr(value):
    """` lang="fi"` for an element holding fallback text, else nothing."""
    lang = _foreign_lang(value)
    return format_html(' lang="{}"', lang) if lang else ""


@register.filter
def plan_date(value):
    """A date or time as the page's language writes it, in the active (plan's) time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return format_date(value, DATE_FORMATS.get(active_language(), "Y-m-d"))


@register.filter
def iso_date(value):
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return value.isoformat()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in each of the plan's languages: code, native name, url, current."""
    request = context["request"]
    plan = getattr(request, "plan", None)
    codes = plan.languages if plan else [active_language()]
    current = active_language()
    versions = []
    for code in codes:
        info = get_language_info(code)
        versions.append(
            {
                "code": code,
                "name": info["name_local"].capitalize(),
                "url": translate_url(request.get_full_path(), code),
                "is_current": code == current,
            }
        )
    return versions


@register.simple_tag(takes_context=True)
def with_mentions(context, html):
    """Rich text (already expanded and safe) with mentions of other actions linked."""
    mentions = context.get("mentions") or {}
    if not mentions:
        return html
    return mark_safe(  # noqa: S308  (input is sanitised rich text; links are built escaped)
        link_mentions(
            str(html),
            lambda identifier: (
                mentions[identifier].get_absolute_url() if identifier in mentions else None
            ),
        )
    )


@register.filter
def is_late(task, today):
    return task.is_late_on(today)
