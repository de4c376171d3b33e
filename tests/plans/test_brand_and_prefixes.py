"""The brand colour is adjusted to stay readable (never refused for its contrast), and
every first path segment the site answers at is reserved from being a plan's prefix."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from vahti.plans.brand import BLACK, MINIMUM_CONTRAST, WHITE, contrast_ratio, palette
from vahti.plans.prefixes import reserved_segments


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast_ratio(WHITE, BLACK), 2) == 21.0
    assert round(contrast_ratio("#767676", WHITE), 2) == 4.54
    assert round(contrast_ratio("#777777", WHITE), 2) == 4.48


@pytest.mark.parametrize(
    ("colour", "on_brand", "brand_text"),
    [
        ("#0a5c36", WHITE, "#0a5c36"),  # dark enough: used as it is
        ("#ffcc00", BLACK, "#8f7200"),  # yellow: black text on it, darkened as text
        ("#777777", BLACK, "#767676"),  # just below 4.5:1 on white: darkened a step
        ("#ffffff", BLACK, "#757575"),
    ],
)
def test_text_on_the_colour_and_the_colour_as_text_reach_4_5_to_1(colour, on_brand, brand_text):
    colours = palette(colour)
    assert (colours.on_brand, colours.brand_text) == (on_brand, brand_text)
    assert contrast_ratio(colours.on_brand, colours.brand) >= MINIMUM_CONTRAST
    assert contrast_ratio(colours.brand_text, WHITE) >= MINIMUM_CONTRAST


def test_every_colour_gets_readable_text():
    """White or black on any grey (the hardest case) reaches 4.5:1: no colour need be
    refused for its contrast."""
    for value in range(256):
        grey = f"#{value:02x}{value:02x}{value:02x}"
        colours = palette(grey)
        assert contrast_ratio(colours.on_brand, grey) >= MINIMUM_CONTRAST, grey
        assert contrast_ratio(colours.brand_text, WHITE) >= MINIMUM_CONTRAST, grey


def test_the_first_segment_of_every_site_address_is_reserved():
    def first_segments(resolver, route=""):
        for item in resolver.url_patterns:
            full = route + str(item.pattern).lstrip("^")
            if isinstance(item, URLResolver):
                yield from first_segments(item, full)
            elif isinstance(item, URLPattern) and full:
                yield full.split("/", 1)[0].split("\\", 1)[0].rstrip("$")

    segments = {s for s in first_segments(get_resolver()) if s and "<" not in s and "(" not in s}
    assert segments, "no addresses found"
    assert segments <= reserved_segments(), segments - reserved_segments()
