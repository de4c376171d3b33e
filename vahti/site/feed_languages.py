"""Atom feeds whose texts say which language they are in.

A feed is in the page's language (``xml:lang="en"`` on the English one), but a plan's
names fall back to its primary language when they have no translation: "Task
completed: Päästöraportti vuodelta 2025" in the English feed. A feed reader, and the
screen reader reading it, should read the Finnish words as Finnish. So each title is
written as its pieces, each piece knowing its language (:func:`worded`):

- all in the feed's language: plain text, as before;
- all in one other language: the element carries ``xml:lang`` (the entry itself when
  its title and summary share that language);
- mixed: an XHTML title (RFC 4287, 3.1.1.3) whose foreign pieces are spans with their
  language. Still text to the reader: every piece is written as XML character data,
  never parsed as markup.

Django's ``Atom1Feed`` has no hook for an element's attributes, so the elements it
writes pass through :class:`_Marking`, which adds them.
"""

from __future__ import annotations

import re

from django.utils.feedgenerator import Atom1Feed

from vahti.core.i18n import active_language

XHTML = "http://www.w3.org/1999/xhtml"
# Punctuation, spaces and digits ("1 ", ": ", " – "): no language of their own.
NEUTRAL = re.compile(r"[\W\d_]*")
MIXED = None  # language_of() of pieces in several languages

Pieces = list[tuple[str, str]]


def worded(template: str, **values) -> Pieces:
    """``template % values`` as (text, language) pieces: the template's own words in
    the active language, each value in its own (a ``TranslatedStr``'s ``lang``)."""
    page = active_language()
    marker = "\x00"
    filled = template % {key: f"{marker}{key}{marker}" for key in values}
    pieces = []
    for index, part in enumerate(filled.split(marker)):
        if index % 2:  # between markers: the name of a value
            value = values[part]
            pieces.append((str(value), getattr(value, "lang", None) or page))
        elif part:
            pieces.append((part, page))
    return pieces


def language_of(pieces: Pieces) -> str | None:
    """The one language of the pieces' words; "" when they have no words, MIXED when
    they are in several languages."""
    languages = {lang for text, lang in pieces if not NEUTRAL.fullmatch(text)}
    if len(languages) > 1:
        return MIXED
    return languages.pop() if languages else ""


def write_text(handler, name: str, pieces: Pieces, around: str) -> None:
    """An Atom text element of ``pieces`` inside an element in the language ``around``."""
    lang = language_of(pieces)
    text = "".join(piece for piece, _lang in pieces)
    if lang is not MIXED:
        handler.addQuickElement(name, text, {"xml:lang": lang} if lang not in ("", around) else {})
        return
    handler.startElement(name, {"type": "xhtml"})
    handler.startElement("div", {"xmlns": XHTML})
    for piece, piece_lang in pieces:
        if piece_lang != around and not NEUTRAL.fullmatch(piece):
            handler.addQuickElement("span", piece, {"xml:lang": piece_lang, "lang": piece_lang})
        else:
            handler.characters(piece)
    handler.endElement("div")
    handler.endElement(name)


class _Marking:
    """The XML handler Atom1Feed writes to, writing the title from its pieces and
    marking the summary with its language."""

    def __init__(self, handler, title: Pieces | None, summary_lang: str | None, around: str):
        self.handler = handler
        self.title = title
        self.summary_lang = summary_lang
        self.around = around

    def addQuickElement(self, name, contents=None, attrs=None):
        if name == "title" and self.title is not None:
            write_text(self.handler, name, self.title, self.around)
            self.title = None  # the first title only: the feed's or the entry's own
            return
        attrs = dict(attrs or {})
        if name == "summary" and self.summary_lang not in (None, "", self.around):
            attrs["xml:lang"] = self.summary_lang
        self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class LanguageAtomFeed(Atom1Feed):
    """Atom with each title and summary marked with its language when it is not the
    feed's. Reads ``title_pieces`` (:func:`worded`) of the feed and of each item, and
    ``summary_lang`` of each item."""

    def add_root_elements(self, handler):
        marking = _Marking(handler, self.feed.get("title_pieces"), None, self.feed["language"])
        super().add_root_elements(marking)

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        lang = self._entry_lang(item)
        if lang:
            attrs["xml:lang"] = lang
        return attrs

    def add_item_elements(self, handler, item):
        around = self._entry_lang(item) or self.feed["language"]
        marking = _Marking(handler, item.get("title_pieces"), item.get("summary_lang"), around)
        super().add_item_elements(marking, item)

    def _entry_lang(self, item) -> str | None:
        """The language of all the entry's text when it is not the feed's."""
        title = language_of(item.get("title_pieces") or [])
        if title and title == item.get("summary_lang") and title != self.feed["language"]:
            return title
        return None
