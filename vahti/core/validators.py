from __future__ import annotations

import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def validate_hex_color(value: str) -> None:
    if value and not HEX_COLOR.match(value):
        raise ValidationError(
            _("“%(value)s” is not a colour: write it as #RRGGBB, e.g. #1f7a3a."),
            code="invalid_color",
            params={"value": value},
        )


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is not a time zone: use a name such as Europe/Helsinki."),
            code="invalid_time_zone",
            params={"value": value},
        ) from None
