"""A plan's brand colour, made readable (WCAG 2.1, success criterion 1.4.3: 4.5:1).

The colour is *adjusted*, never refused for its contrast: text on it is white or
black, whichever contrasts more (one of them always reaches at least 4.58:1), and
where the colour would be text or links on the page's white background a darkened
variant that reaches 4.5:1 is used instead. Only something that is not a colour is
refused (``vahti.core.validators.validate_hex_color``).
"""

from __future__ import annotations

from dataclasses import dataclass

MINIMUM_CONTRAST = 4.5
WHITE = "#ffffff"
BLACK = "#000000"
PAGE_BACKGROUND = WHITE
DEFAULT_BRAND = "#0a5c36"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def relative_luminance(color: str) -> float:
    r, g, b = (_channel(v) for v in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: str) -> str:
    """White or black, whichever is easier to read on ``background``."""
    return (
        WHITE if contrast_ratio(WHITE, background) >= contrast_ratio(BLACK, background) else BLACK
    )


def darkened(color: str, background: str = PAGE_BACKGROUND) -> str:
    """``color`` made darker, step by step towards black, until it reaches 4.5:1 on
    ``background`` (itself when it already does)."""
    r, g, b = _rgb(color)
    for step in range(0, 101):
        keep = 1 - step / 100
        candidate = "#{:02x}{:02x}{:02x}".format(*(round(v * keep) for v in (r, g, b)))
        if contrast_ratio(candidate, background) >= MINIMUM_CONTRAST:
            return candidate
    return BLACK


@dataclass(frozen=True)
class Palette:
    brand: str  # backgrounds: the header, buttons
    on_brand: str  # text on them
    brand_text: str  # the brand colour as text or links on the page, and hover backgrounds

    @property
    def ratios(self) -> dict[str, float]:
        return {
            "on_brand": round(contrast_ratio(self.on_brand, self.brand), 2),
            "brand_text": round(contrast_ratio(self.brand_text, PAGE_BACKGROUND), 2),
        }


def palette(color: str | None) -> Palette:
    brand = (color or DEFAULT_BRAND).lower()
    return Palette(brand=brand, on_brand=text_on(brand), brand_text=darkened(brand))
