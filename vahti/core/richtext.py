"""Rich text that is safe to show: every value is cleaned with nh3 before it is stored.

Wagtail's editor only produces the formats we allow, but text also arrives from imports,
the API and the demo loader; cleaning in the field itself means no write path can store
a script. The allowed set is what an action description needs: paragraphs, emphasis,
lists, sub-headings and links (including Wagtail's internal page links).
"""

from __future__ import annotations

import re

import nh3
from wagtail.fields import RichTextField

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "blockquote"]

ALLOWED_TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_TAG = re.compile(r"<[^>]*>")


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    # Wagtail stores internal links as <a linktype="page" id="42">, the id being the
    # linked page's number, and turns them into href links when showing them. Any other
    # id could take over one of the page's own anchors (id="main"): dropped.
    if attribute == "id" and not value.isdigit():
        return None
    return value


def sanitize_html(value: str) -> str:
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_attribute_filter,
    ).strip()
    # An editor's empty field arrives as "<p></p>": no text is no text.
    if not _TAG.sub("", cleaned).replace("&nbsp;", "").strip():
        return ""
    return cleaned


class SanitizedRichTextField(RichTextField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(*args, **kwargs)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return sanitize_html(value) if isinstance(value, str) else value


def sanitize_rich_text(instance) -> None:
    """Clean every sanitised rich-text field of a model instance in place."""
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, SanitizedRichTextField):
            value = getattr(instance, model_field.attname)
            if isinstance(value, str):
                setattr(instance, model_field.attname, sanitize_html(value))
