"""Helpers for management commands that call services."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.http.request import validate_host


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


def hosts_not_allowed(hosts) -> list[str]:
    """The host names ``ALLOWED_HOSTS`` does not let through: Django refuses their
    requests (400) until they are added to it."""
    return [host for host in hosts if not validate_host(host, settings.ALLOWED_HOSTS)]
