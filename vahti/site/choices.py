"""The public filters' choices and labels, keeping the language of each text: a plan's
lists and fields may lack a translation, and then show the primary language's text, which
the page marks with ``lang`` so that a screen reader reads it in that language."""

from __future__ import annotations

from django import forms
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from vahti.core.i18n import TranslatedStr, active_language
from vahti.core.trees import tree_order


def foreign_lang(text) -> str | None:
    """The language of ``text`` when it is not the page's, else None."""
    lang = getattr(text, "lang", None)
    return lang if lang and lang != active_language() else None


def in_its_language(text) -> SafeString:
    """The text, escaped, wrapped in ``<span lang="…">`` when not in the page's language."""
    lang = foreign_lang(text)
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, text)
    return format_html("{}", text)


def label_with(template, text) -> SafeString:
    """``template`` (translated, with ``%(field)s``) around ``text`` in its own language:
    "Kustannusarvio, at least" with only the name marked as Finnish."""
    return mark_safe(escape(str(template)) % {"field": in_its_language(text)})  # noqa: S308


def indented(items) -> list[tuple[str, TranslatedStr]]:
    """(identifier, name) choices of a tree (items with ``pk``, ``parent_id``,
    ``identifier`` and ``name``), each child indented under its parent, each name keeping
    its language."""
    by_pk = {item.pk: item for item in items}
    ordered = tree_order((item.pk, item.parent_id) for item in items)
    return [(by_pk[pk].identifier, indent(by_pk[pk].name, depth)) for pk, depth in ordered]


def indent(name, depth: int) -> TranslatedStr:
    return TranslatedStr("— " * depth + str(name), getattr(name, "lang", None))


class LangSelect(forms.Select):
    """A select whose options in another language than the page's carry ``lang``."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        lang = foreign_lang(label)
        if lang:
            option["attrs"]["lang"] = lang
        return option
