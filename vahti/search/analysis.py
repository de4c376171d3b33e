"""Words turned into the terms the search index holds, and searched words into the
prefixes that find them, per language.

Finnish changes a word's stem as it inflects (liikenne, liikenteen, liikennettä), which
the Snowball stemmer cannot undo, and joins words into compounds (päästövähennykset). With
the Voikko analyser (Debian's ``libvoikko1`` and ``voikko-fi``, the ``libvoikko``
bindings) a Finnish word is indexed as itself, its base forms and, for a compound, the
base forms of its parts and its trailing sub-compounds (kaukolämpöverkko: kauko, lämpö,
verkko, lämpöverkko), so that a search for any base form, as a prefix, finds it. Swedish
and English keep their Snowball stems, and so does Finnish where Voikko cannot be loaded
(``SEARCH_FINNISH_ANALYSER``): search then works as before, which the log says once.
"""

from __future__ import annotations

import logging
import threading
from functools import cache, lru_cache

import snowballstemmer
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# The Snowball stemmer of each language.
STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
# SEARCH_FINNISH_ANALYSER: Voikko where it loads (auto), Voikko or an error, or Snowball.
AUTO, VOIKKO, SNOWBALL = "auto", "voikko", "snowball"
CHOICES = [AUTO, VOIKKO, SNOWBALL]
VOIKKO_MISSING = "The Finnish analyser Voikko cannot be loaded ({reason})."
FALLBACK_WARNING = (
    "Finnish search uses Snowball stems, not base forms: {reason}. Install Debian's "
    "libvoikko1 and voikko-fi for search by base forms and compound parts."
)

# Neither Voikko's handle nor a Snowball stemmer is safe to share between threads (a
# stemmer keeps its working word on itself): Voikko is called under a lock, which its
# cached analyses take once per distinct word, and each thread has its own stemmers.
_voikko_lock = threading.Lock()
_warned = threading.Event()
_local = threading.local()


def _stemmer(language: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        algorithm = STEMMERS.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """The word's Snowball stem in ``language``, lower-cased (the word itself in another)."""
    word = word.lower()
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def _voikko():
    """Voikko's Finnish analyser, or why it cannot be loaded (a string); made once, under
    the lock, whichever thread asks first."""
    with _voikko_lock:
        return _voikko_loaded()


@cache
def _voikko_loaded():
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except ImportError:
        return "the libvoikko package is not installed"
    except OSError as error:  # libvoikko.so.1 missing
        return f"libvoikko1 is not installed: {error}"
    except Exception as error:
        return f"{type(error).__name__}: {error}"


def voikko_problem() -> str | None:
    """Why Voikko cannot be loaded, or None when it can."""
    handle = _voikko()
    return handle if isinstance(handle, str) else None


def finnish_analyser() -> str:
    """What analyses Finnish now, ``voikko`` or ``snowball``, by the setting
    ``SEARCH_FINNISH_ANALYSER``; ``voikko`` asked for but not loadable is an error."""
    chosen = getattr(settings, "SEARCH_FINNISH_ANALYSER", AUTO)
    if chosen == SNOWBALL:
        _warn_once(f"SEARCH_FINNISH_ANALYSER={SNOWBALL}")
        return SNOWBALL
    problem = voikko_problem()
    if problem is None:
        return VOIKKO
    if chosen == VOIKKO:
        raise ImproperlyConfigured(VOIKKO_MISSING.format(reason=problem))
    _warn_once(problem)
    return SNOWBALL


def _warn_once(reason: str) -> None:
    if not _warned.is_set():
        _warned.set()
        logger.warning(FALLBACK_WARNING.format(reason=reason))


def _analyses(word: str) -> list[tuple[str, str]]:
    """Voikko's analyses of the word: (base form, structure) pairs."""
    handle = _voikko()
    with _voikko_lock:
        found = handle.analyze(word)
    return [(a.get("BASEFORM") or "", a.get("STRUCTURE") or "") for a in found]


@lru_cache(maxsize=65536)
def _base_forms(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(base.lower() for base, _ in _analyses(word) if base))


def _compound_parts(word: str, structure: str) -> list[str]:
    """The word split where Voikko's structure marks a part's start (an '=' before the
    part's letters, then one mark per letter)."""
    parts, letters = [], iter(word)
    for mark in structure:
        if mark == "=":
            parts.append("")
        elif parts:
            parts[-1] += next(letters, "")
    parts = [part for part in parts if part]
    return parts if "".join(parts) == word else [word]


def _compound_terms(word: str, structure: str) -> list[str]:
    """Each part's base forms (the part itself when unknown), and the trailing
    sub-compounds from each inner boundary, their last part in its base form."""
    parts = [part.lower() for part in _compound_parts(word, structure)]
    if len(parts) < 2:
        return []
    terms = []
    bases = [_base_forms(part) or (part,) for part in parts]
    for part_bases in bases:
        terms += part_bases
    for start in range(1, len(parts) - 1):
        head = "".join(parts[start:-1])
        terms += [head + base for base in bases[-1]]
    return terms


@lru_cache(maxsize=131072)
def _voikko_terms(word: str) -> tuple[str, ...]:
    analyses = _analyses(word)
    surface = word.lower()
    if not analyses:
        # Unknown to Voikko (a name, an abbreviation): itself, and its stem, which a
        # search for it looks for.
        return _longest([surface, stem(word, "fi")])
    terms = [surface, *(base.lower() for base, _ in analyses if base)]
    for _base, structure in analyses:
        if structure.count("=") > 1:
            terms += _compound_terms(word, structure)
    return _longest(terms)


def _longest(terms: list[str]) -> tuple[str, ...]:
    """The terms without those another one begins with: every prefix that finds one of
    them finds the longer one too, and a word matched by several of its terms would rank
    above a word matched once (aurinkovoiman: not aurinkovoima, nor aurinko)."""
    unique = dict.fromkeys(terms)
    return tuple(
        term for term in unique if not any(o != term and o.startswith(term) for o in unique)
    )


def index_terms(word: str, language: str, analyser: str) -> tuple[str, ...]:
    """What the index holds for ``word`` of a text in ``language``."""
    if language == "fi" and analyser == VOIKKO:
        return _voikko_terms(word)
    return (stem(word, language),)


@lru_cache(maxsize=131072)
def index_terms_joined(word: str, language: str, analyser: str) -> str:
    """:func:`index_terms` space-separated: a text's terms are these joined."""
    return " ".join(index_terms(word, language, analyser))


def query_prefixes(word: str, language: str, analyser: str) -> tuple[str, ...]:
    """The prefixes, any of which finds ``word`` searched in ``language``: a Finnish
    word's base forms when Voikko knows it, else (a name, a word still being typed) its
    stem, as in every other language."""
    if language == "fi" and analyser == VOIKKO:
        bases = _base_forms(word)
        if bases:
            return bases
    return (stem(word, language),)
