"""A number typed as people write it in the active language, shown back as stored.

In Finnish and Swedish a decimal comma (“1 234,5”); a decimal point in every language;
spaces, non-breaking and thin spaces group the thousands. In English a comma groups the
thousands only as the English pages print them (“42,000,000”, “1,234.5”): every group
after the first of exactly three digits. Any other comma there (“0,5”, “1,23”) stays an
error rather than a guess: it could be a decimal comma.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import get_language

DECIMAL_COMMA_LANGUAGES = ("fi", "sv")
# What people put between the thousands: a space, a non-breaking space (what Finnish
# and Swedish number formats give when copied), a narrow non-breaking or a thin space.
GROUPING_SPACES = (" ", "\xa0", "\u202f", "\u2009")
# English thousands grouping, strictly: one to three digits, then groups of three.
ENGLISH_GROUPING = re.compile(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")


def number_typed(text: str, language: str | None) -> str:
    """``text`` with its grouping spaces dropped, and a decimal comma made a point (in
    Finnish and Swedish) or English grouping commas dropped (in other languages)."""
    for space in GROUPING_SPACES:
        text = text.replace(space, "")
    if (language or "").split("-")[0] in DECIMAL_COMMA_LANGUAGES:
        if "." not in text:
            text = text.replace(",", ".", 1)
    elif ENGLISH_GROUPING.fullmatch(text):
        text = text.replace(",", "")
    return text


def without_padding(number) -> Decimal | None:
    """A stored number without the zeros its four decimal places add: 1200.5000 is
    1200.5, 1200.0000 is 1200 (normalize alone would write 1.2E+3)."""
    if number in (None, ""):
        return None
    try:
        number = Decimal(str(number))
    except InvalidOperation:
        return number
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


class TypedDecimalField(forms.DecimalField):
    """A DecimalField in the active language (see the module docstring)."""

    def __init__(self, **kwargs):
        super().__init__(localize=True, **kwargs)
        self.widget.attrs["inputmode"] = "decimal"

    def to_python(self, value):
        if isinstance(value, str):
            value = number_typed(value.strip(), get_language())
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, str):
            return value  # what the editor typed, shown back as typed
        return without_padding(value)
