"""Words, index terms and excerpts for full-text search, the same for every database.

Python turns each word into the terms the index holds (``vahti.search.analysis``:
Finnish by Voikko's base forms and compound parts, other languages by their Snowball
stems) and both databases index those terms as they are: FTS5 on SQLite, a ``simple``
``tsvector`` on PostgreSQL. A searched word matches a text's word when one of the word's
terms begins with one of the searched word's prefixes; excerpts are marked here by the
same rule, so "liikenne" marks "liikenteen" and "liikennevalot" alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from vahti.search import analysis

# PostgreSQL's text search configuration of each language (vahti.search.migrations 0001;
# the index is written with ``simple`` since 0004).
TEXT_SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
FALLBACK_CONFIG = "simple"

MAX_TERMS = 10
# Letters and digits: PostgreSQL's parser splits the terms at the same places
# (underscores and hyphens separate words in both).
WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def index_text(text: str, language: str, analyser: str | None = None) -> str:
    """The text as the space-separated terms the index holds."""
    analyser = analyser or analysis.finnish_analyser()
    terms = analysis.index_terms_joined
    return " ".join([terms(word, language, analyser) for word in WORD.findall(text)])


def index_parts(text: str, parts: list[Part], language: str, analyser: str | None = None) -> str:
    """:func:`index_text` of a text joined of ``parts`` in different languages, each
    part with its own; what lies between the parts, in ``language``."""
    analyser = analyser or analysis.finnish_analyser()
    pieces, position = [], 0
    for start, end, part_language in sorted(parts):
        if start < position:  # overlapping parts: not written so, read as one
            continue
        pieces.append(index_text(text[position:start], language, analyser))
        pieces.append(index_text(text[start:end], part_language or language, analyser))
        position = end
    pieces.append(index_text(text[position:], language, analyser))
    return " ".join(piece for piece in pieces if piece)


def plain_text(rich_text: str) -> str:
    """The words of sanitised rich text, tags turned into spaces so that paragraphs do
    not run together."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", rich_text or ""))).strip()


SEPARATOR = " · "

# Where a part of a joined text is and the language it is in: (start, end, language).
Part = tuple[int, int, str]


def join_texts(*texts: str) -> str:
    return SEPARATOR.join(text for text in texts if text)


def join_parts(*parts: tuple[str, str]) -> tuple[str, list[Part]]:
    """``(text, language)`` pairs joined as :func:`join_texts` does, and where each text
    is in the result: a body may mix the visitor's language with fallback texts."""
    joined, where = "", []
    for value, language in parts:
        if not value:
            continue
        if joined:
            joined += SEPARATOR
        where.append((len(joined), len(joined) + len(value), language))
        joined += value
    return joined, where


def query_words(query: str) -> list[str]:
    """The searched words, lower-cased, without repeats; punctuation is not searchable
    (it never reaches a query language)."""
    return list(dict.fromkeys(word.lower() for word in words(query)))[:MAX_TERMS]


@dataclass(frozen=True)
class Terms:
    """The searched words and, for each language they may match in, the prefixes that
    find them."""

    words: tuple[str, ...]
    languages: tuple[str, ...]

    @classmethod
    def parse(cls, query: str, languages: list[str]) -> Terms:
        return cls(tuple(query_words(query)), tuple(dict.fromkeys(languages)))

    def __bool__(self) -> bool:
        return bool(self.words)

    @cached_property
    def analyser(self) -> str:
        return analysis.finnish_analyser()

    def prefixes(self, language: str) -> list[tuple[str, ...]]:
        """For each searched word, the prefixes that find it in ``language``."""
        return [analysis.query_prefixes(word, language, self.analyser) for word in self.words]

    def alternatives(self) -> list[tuple[str, ...]]:
        """For each searched word, the prefixes that find it in any searched language:
        every word must match, by one of its alternatives."""
        return [
            tuple(dict.fromkeys(prefix for found in per_language for prefix in found))
            for per_language in zip(
                *(self.prefixes(language) for language in self.languages), strict=True
            )
        ]

    @cached_property
    def _all_prefixes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for found in self.alternatives() for p in found))

    def matches(self, word: str, language: str | None) -> bool:
        """Whether a word of a text in ``language`` is one of the searched ones: one of
        its index terms begins with a searched prefix, as the database's match has it."""
        terms = analysis.index_terms(word, language or "", self.analyser)
        return any(term.startswith(self._all_prefixes) for term in terms)


def highlight(text: str, terms: Terms, language: str | None) -> SafeString:
    """``text`` escaped, with the searched words wrapped in ``<mark>``."""
    parts, last = [], 0
    for found in WORD.finditer(text):
        if terms.matches(found.group(), language):
            parts += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
            last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def _language_at(parts: list[Part], position: int) -> str:
    return next((lang for start, end, lang in parts if start <= position < end), "")


def _marked(text: str, start: int, end: int, terms: Terms, parts: list[Part], page: str) -> str:
    """``text[start:end]`` highlighted, each part with its own language's stems and
    wrapped in ``<span lang>`` when that is not the page's; what lies between the parts
    (separators, identifiers) has no language."""
    pieces, position = [], start
    for part_start, part_end, lang in parts:
        part_start, part_end = max(part_start, position), min(part_end, end)
        if part_start >= part_end:
            continue
        if position < part_start:
            pieces.append(highlight(text[position:part_start], terms, None))
        marked = highlight(text[part_start:part_end], terms, lang or None)
        if lang and lang != page:
            marked = format_html('<span lang="{}">{}</span>', lang, marked)
        pieces.append(marked)
        position = part_end
    if position < end:
        pieces.append(highlight(text[position:end], terms, None))
    return "".join(pieces)


def excerpt(
    text: str, terms: Terms, parts: list[Part], page_language: str, *, length: int = 32
) -> SafeString:
    """About ``length`` words of ``text`` around the first searched word, highlighted;
    the beginning of the text when no word matches (the match was in the title). Each
    part of the text (``parts``, see :func:`join_parts`) is matched with the stems of its
    own language and marked with it when it is not the page's."""
    found = list(WORD.finditer(text))
    if not found:
        return mark_safe("")
    first = next(
        (
            index
            for index, word in enumerate(found)
            if terms.matches(word.group(), _language_at(parts, word.start()) or None)
        ),
        0,
    )
    start_word = max(0, first - length // 4)
    end_word = min(len(found), start_word + length) - 1
    start = found[start_word].start() if start_word else 0
    end = found[end_word].end() if end_word < len(found) - 1 else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lead = "… " if start_word else ""
    tail = " …" if end < len(text.rstrip()) else ""
    body = _marked(text, start, end, terms, parts, page_language)
    return mark_safe(f"{lead}{body}{tail}")  # noqa: S308 (every piece is escaped above)
