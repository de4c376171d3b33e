"""Helpers for management commands that call services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def command_error(error: ValidationError, arguments: dict[str, str]) -> CommandError:
    """A ``CommandError`` naming, for each problem, the argument it is about:
    ``arguments`` maps a service's field names to the command's (``{"hosts": "--host"}``)."""
    if not hasattr(error, "error_dict"):
        return CommandError(" ".join(str(message) for message in error.messages))
    lines = []
    for field, errors in error.error_dict.items():
        name = arguments.get(field, field)
        for problem in errors:
            lines.append(f"{name}: {' '.join(str(message) for message in problem.messages)}")
    return CommandError("\n".join(lines))
