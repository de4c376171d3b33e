"""Template filters for the estimated effects: figures rounded as estimates are."""

from __future__ import annotations

from django import template

from vahti.site.formatting import number, percent

register = template.Library()


@register.filter
def estimate(value) -> str:
    """An estimate in the page's language, with no more decimals than it deserves:
    1 200 t, 12 t, 2,5 t, 0,25 t (Finnish)."""
    if value is None:
        return ""
    size = abs(float(value))
    return number(value, 0 if size >= 10 or size == 0 else 1 if size >= 1 else 2)


@register.filter
def estimate_percent(value) -> str:
    """A share in per cent rounded as an estimate, its sign as the page's language
    writes it: 703 % (Finnish, Swedish), 703% (English)."""
    if value is None:
        return ""
    return percent(estimate(value))
