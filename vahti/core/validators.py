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


# Identifiers are part of addresses (/actions/L3.2/) and compared without case, which
# SQLite does for ASCII letters only: ASCII letters, digits and . - _ then.
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def validate_action_identifier(value: str) -> None:
    if not IDENTIFIER.match(value.strip()):
        raise ValidationError(
            _(
                "“%(value)s” cannot be an identifier: start with a letter (a–z) or digit and "
                "use only letters a–z, digits, dots, hyphens and underscores, e.g. “126” or “L3.2”."
            ),
            code="invalid_identifier",
            params={"value": value},
        )
