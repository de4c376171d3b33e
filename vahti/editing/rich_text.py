"""The admin's rich text editor: Wagtail's Draftail, which posts its content as JSON. A
posted value that is not (a script's plain text, a broken request) is taken as plain text,
escaped, instead of failing the request with a server error; the field cleans it with
nh3 before it is stored, like every rich text."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea


class RichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            text = str(data.get(name) or "")
            return f"<p>{escape(text)}</p>" if text.strip() else ""
