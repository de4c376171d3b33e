"""Mentions of other actions in text: “toimenpiteen 128”, “toimenpiteiden 126, 127 ja 128”,
“åtgärd 128”, “actions 12 and 14” become links to those actions' pages.

Pure functions on sanitised HTML; the selector looks the identifiers up in one query.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.html import escape

# Any inflection of the word for "action" in the three languages.
_ACTION_WORD = r"(?:toimenpi(?:de|te)\w*|åtgärd\w*|actions?)"
_IDENTIFIER = r"[A-Za-z]{0,3}\d+(?:[.\-]\d+)*[a-z]?"
# Sanitised HTML writes a no-break space (common in Finnish: "toimenpiteen 128") as &nbsp;.
_SPACE = r"(?:\s|&nbsp;|&#160;|\xa0)"
_CONJUNCTION = (
    rf"(?:,{_SPACE}*|{_SPACE}+(?:ja|sekä|tai|och|eller|and|or){_SPACE}+|{_SPACE}*[–-]{_SPACE}*)"
)
MENTION = re.compile(
    rf"\b(?P<word>{_ACTION_WORD}){_SPACE}+(?P<ids>{_IDENTIFIER}(?:{_CONJUNCTION}{_IDENTIFIER})*)\b",
    re.IGNORECASE,
)
_ONE_IDENTIFIER = re.compile(rf"\b{_IDENTIFIER}\b")
_TAG = re.compile(r"(<[^>]*>)")


def find_mentioned_identifiers(html: str) -> set[str]:
    """Lower-cased identifiers mentioned after a word for “action”, outside links."""
    found: set[str] = set()
    for part, is_text in _parts(html or ""):
        if is_text:
            for match in MENTION.finditer(part):
                ids = match.group("ids")
                found |= {m.group(0).lower() for m in _ONE_IDENTIFIER.finditer(ids)}
    return found


def link_mentions(html: str, url_for: Callable[[str], str | None]) -> str:
    """Wrap each mentioned identifier that ``url_for`` knows in a link; text already inside
    a link is left alone. ``html`` must be sanitised HTML (tags never contain text)."""
    if not html:
        return html
    return "".join(
        MENTION.sub(lambda m: _link_match(m, url_for), part) if is_text else part
        for part, is_text in _parts(html)
    )


def _parts(html: str):
    """(part, is_text_outside_links) for each tag and each run of text."""
    depth = 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part[1:].split(None, 1)[0].rstrip(">/").lower() if len(part) > 2 else ""
            if name == "a":
                depth += 1
            elif name == "/a":
                depth = max(0, depth - 1)
            yield part, False
        else:
            yield part, depth == 0


def _link_match(match: re.Match, url_for: Callable[[str], str | None]) -> str:
    word, ids = match.group("word"), match.group("ids")
    between = match.group(0)[len(word) : len(match.group(0)) - len(ids)]

    def link(identifier_match: re.Match) -> str:
        identifier = identifier_match.group(0)
        url = url_for(identifier.lower())
        if not url:
            return identifier
        return f'<a href="{escape(url)}" class="mention">{identifier}</a>'

    return word + between + _ONE_IDENTIFIER.sub(link, ids)
