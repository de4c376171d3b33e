"""Template helpers of the public site: translated text with its language, dates in the
plan's format, links to the same page in the plan's other languages, and links for
mentions of other actions."""

from __future__ import annotations

import datetime

from django import template
from django.urls import get_script_prefix, reverse, translate_url
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from vahti.actions.mentions import link_mentions
from vahti.core.i18n import active_language
from vahti.site import charts
from vahti.site.choices import foreign_lang, in_its_language
from vahti.site.formatting import (
    DATE_FORMATS,
    decimal,
    number,
    number_formatter,
    percent,
    period,
    period_formatter,
)

register = template.Library()
# Formatting's own functions: the charts' text alternatives (vahti.site.charts) write
# numbers and periods the same way.
register.filter("number", number)
register.filter("decimal", decimal)
register.filter("period", period)
register.filter("percent", percent)


@register.simple_tag
def tr(value):
    """The text, escaped; wrapped in <span lang="…"> when it is not in the page's language
    (a fallback to the plan's primary language)."""
    if value is None:
        return ""
    return in_its_language(value)


@register.filter
def late_reason(reason):
    """Why an action is late, escaped; a late task's name marked with its language when
    it is not the page's (a Finnish task name in an English sentence)."""
    if reason.task is None:
        return escape(str(reason))
    template, values = reason.wording()
    filled = {key: escape(value) for key, value in values.items()}
    filled["task"] = in_its_language(reason.task)
    return mark_safe(escape(template) % filled)  # noqa: S308 (every part escaped)


@register.simple_tag
def abbreviated(name, abbreviation):
    """``<abbr title="name">abbreviation</abbr>``, each in its own language: the
    element's ``lang`` is the title's (an English name), an inner span's the
    abbreviation's when that differs ("Elo", Finnish)."""
    page = active_language()
    title_lang = foreign_lang(name)
    shown_lang = getattr(abbreviation, "lang", None) or page
    inner = abbreviation
    if shown_lang != (title_lang or page):
        inner = format_html('<span lang="{}">{}</span>', shown_lang, abbreviation)
    lang = format_html(' lang="{}"', title_lang) if title_lang else ""
    return format_html('<abbr title="{}"{}>{}</abbr>', name, lang, inner)


@register.simple_tag
def lang_attr(value):
    """` lang="fi"` for an element holding fallback text, else nothing."""
    lang = foreign_lang(value)
    return format_html(' lang="{}"', lang) if lang else ""


@register.simple_tag
def lang_for(code):
    """` lang="sv"` for an element whose text is in language ``code``, when that is not
    the page's language."""
    return format_html(' lang="{}"', code) if code and code != active_language() else ""


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


def _in_language(path: str, code: str, not_found: bool) -> str:
    """This address in another language; from a page that was not found, the front page
    in that language."""
    if not_found:
        with translation.override(code):
            return reverse("site:front-page")
    # Resolved without the plan's path prefix (the script prefix), which the
    # translated address, reversed, carries again.
    prefix = get_script_prefix()
    if prefix != "/" and path.startswith(prefix):
        unprefixed = "/" + path[len(prefix) :]
        translated = translate_url(unprefixed, code)
        return translated if translated != unprefixed else path
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in each of the plan's languages: code, native name, url, current.

    ``page_address`` in the context, when a view sets it, is the address the browser
    shows (an htmx answer's pushed address), which may differ from the one asked for."""
    request = context["request"]
    address = context.get("page_address") or request.get_full_path()
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
                "url": _in_language(address, code, context.get("not_found", False)),
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


@register.filter
def rate_unit(unit):
    """The unit of a change a year: a share in per cent changes by percentage points
    (from 60 % to 61 % is 1 percentage point, not 1 %)."""
    return _("percentage points") if str(unit or "").strip() == "%" else unit


@register.simple_tag
def values_table_body(data, indicator, resolution=""):
    """The rows of an indicator's data table. Built here rather than in a template loop:
    a table of ten thousand values renders in milliseconds instead of seconds. Each row
    carries its date and each cell its exact value, which the chart reads. ``resolution``:
    that of a summarised series (``vahti.indicators.summary``)."""
    format_number = number_formatter(indicator.decimals)
    period_of = period_formatter(resolution or indicator.time_resolution)
    with_total = bool(data.totals)

    def cell(value):
        if value is None:
            return "<td>–</td>"
        return f'<td data-value="{value!r}">{escape(format_number(value))}</td>'

    rows = []
    for day, total, parts in data.rows():
        cells = [cell(total)] if with_total else []
        cells += [cell(part) for part in parts]
        rows.append(
            f'<tr data-date="{day.isoformat()}"><th scope="row">{escape(period_of(day))}</th>'
            f"{''.join(cells)}</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (numbers and dates, escaped)


@register.filter
def is_none(value):
    return value is None


PROGRESS_LABELS = {
    "achieved": _("Goal achieved"),
    "on_track": _("On track"),
    "off_track": _("Off track"),
    "not_enough_data": _("Not enough data"),
    "no_goal": _("No goal set"),
}


@register.simple_tag
def progress_badge(assessment):
    """The indicator's progress against its goal as a badge (colour and words)."""
    progress = str(assessment.progress)
    return format_html(
        '<span class="progress progress--{}">{}</span>', progress, PROGRESS_LABELS[progress]
    )


@register.simple_tag
def small_chart(summary):
    """A small chart of an indicator's recent values (``{% small_chart summary as chart %}``)."""
    return charts.small_chart(summary)
