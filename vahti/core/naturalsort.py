"""Natural order of action identifiers: 9 < 10 < 126, L3.2 < L3.10 < L10.1.

The key is stored in a column (``Action.sort_key``) so that the database can order a
plan of any size and find an action's neighbours with one indexed query.
"""

from __future__ import annotations

import re

_PARTS = re.compile(r"(\d+)")
# Wide enough for any identifier a person types; 12 digits keep "000000000126" sortable.
_WIDTH = 12
SORT_KEY_MAX_LENGTH = 255


def natural_sort_key(identifier: str) -> str:
    """A string that sorts like the identifier's natural order, case-insensitively."""
    parts = []
    for part in _PARTS.split(identifier.strip().casefold()):
        if not part:
            continue
        if part.isdigit():
            digits = part.lstrip("0") or "0"
            # Numbers sort before letters ("0" < "a"), and by value: pad to a fixed width.
            # Longer numbers than the width keep their order by a length prefix.
            parts.append(
                "0" + digits.rjust(_WIDTH, "0")
                if len(digits) <= _WIDTH
                else "1" + str(len(digits)).rjust(4, "0") + digits
            )
        else:
            parts.append(part)
    return "".join(parts)[:SORT_KEY_MAX_LENGTH]
