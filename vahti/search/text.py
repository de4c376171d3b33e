"""Words, stems and excerpts for full-text search, the same for every database.

PostgreSQL stems with its own Snowball dictionaries (``finnish``, ``swedish``,
``english``); on SQLite we stem with the same Snowball algorithms in Python
(``snowballstemmer``) and let FTS5 match the stems. Excerpts are cut and highlighted
here in both cases, so the marked words are the ones the stemmer matched: "pyöräilyn"
marks "pyöräily", "pyöräilyä" and "pyöräilyverkosto" alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The Snowball stemmer, and PostgreSQL's text search configuration, of each language.
STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
TEXT_SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
FALLBACK_CONFIG = "simple"

MAX_TERMS = 10
WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@cache
def _stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    word = word.lower()
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stems(text: str, language: str) -> str:
    """The text as space-separated stems (what SQLite's FTS5 table indexes)."""
    return " ".join(stem(word, language) for word in words(text))


def plain_text(rich_text: str) -> str:
    """The words of sanitised rich text, tags turned into spaces so that paragraphs do
    not run together."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", rich_text or ""))).strip()


def join_texts(*texts: str) -> str:
    return " · ".join(text for text in texts if text)


def query_words(query: str) -> list[str]:
    """The searched words, lower-cased, without repeats; punctuation is not searchable
    (it never reaches a query language)."""
    return list(dict.fromkeys(word.lower() for word in words(query)))[:MAX_TERMS]


@dataclass(frozen=True)
class Terms:
    """The searched words and, for each language they may match in, their stems."""

    words: tuple[str, ...]
    languages: tuple[str, ...]

    @classmethod
    def parse(cls, query: str, languages: list[str]) -> Terms:
        return cls(tuple(query_words(query)), tuple(dict.fromkeys(languages)))

    def __bool__(self) -> bool:
        return bool(self.words)

    def stems(self, language: str) -> list[str]:
        return [stem(word, language) for word in self.words]

    def matches(self, word: str, language: str | None) -> bool:
        """Whether a word of a text in ``language`` is one of the searched ones: its stem
        begins with a searched stem, as the database's prefix match has it."""
        word_stem = stem(word, language or "")
        return any(
            word_stem.startswith(searched)
            for searched_language in self.languages
            for searched in self.stems(searched_language)
        )


def highlight(text: str, terms: Terms, language: str | None) -> SafeString:
    """``text`` escaped, with the searched words wrapped in ``<mark>``."""
    parts, last = [], 0
    for found in WORD.finditer(text):
        if terms.matches(found.group(), language):
            parts += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
            last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def excerpt(text: str, terms: Terms, language: str | None, *, length: int = 32) -> SafeString:
    """About ``length`` words of ``text`` around the first searched word, highlighted;
    the beginning of the text when no word matches (the match was in the title)."""
    found = list(WORD.finditer(text))
    if not found:
        return mark_safe("")
    first = next(
        (index for index, word in enumerate(found) if terms.matches(word.group(), language)), 0
    )
    start_word = max(0, first - length // 4)
    end_word = min(len(found), start_word + length) - 1
    start = found[start_word].start() if start_word else 0
    end = found[end_word].end() if end_word < len(found) - 1 else len(text)
    piece = text[start:end].strip()
    lead = "… " if start_word else ""
    tail = " …" if end < len(text) else ""
    return mark_safe(f"{lead}{highlight(piece, terms, language)}{tail}")  # noqa: S308
