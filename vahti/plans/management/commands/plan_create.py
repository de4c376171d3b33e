"""``manage.py plan_create IDENTIFIER --name … --language en [--languages fi,sv]
[--time-zone Europe/Helsinki] [--host …]``: a new plan with its default lists, served at
its host names. Running it again with the same arguments changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from vahti.core.commands import command_error, hosts_not_allowed
from vahti.plans.models import Plan
from vahti.plans.setup import plan_create, plan_differences

ARGUMENTS = {
    "identifier": "IDENTIFIER",
    "name": "--name",
    "primary_language": "--language",
    "other_languages": "--languages",
    "time_zone": "--time-zone",
    "hosts": "--host",
}


def language_list(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


class Command(BaseCommand):
    help = (
        "Create a plan with default statuses, phases, impacts, schedules and a theme "
        "category type in its languages, served at the given host names."
    )

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="the plan's identifier, e.g. espoo2030")
        parser.add_argument("--name", required=True, help="the plan's name in its primary language")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help=f"the primary language (default {settings.LANGUAGE_CODE})",
        )
        parser.add_argument(
            "--languages",
            type=language_list,
            default=[],
            help="the other languages, comma-separated, e.g. fi,sv",
        )
        parser.add_argument("--time-zone", default="Europe/Helsinki")
        parser.add_argument(
            "--host",
            action="append",
            default=[],
            help="a host name that serves the plan (may be given several times)",
        )

    def handle(self, *args, identifier, name, language, languages, time_zone, host, **options):
        with translation.override("en"):
            wanted = {
                "name": name,
                "primary_language": language,
                "other_languages": languages,
                "time_zone": time_zone,
                "hosts": host,
            }
            existing = Plan.objects.filter(identifier=identifier.strip()).first()
            if existing is not None:
                differ = plan_differences(existing, **wanted)
                if differ:
                    named = ", ".join(ARGUMENTS[argument] for argument in differ)
                    raise CommandError(
                        f"IDENTIFIER: the plan “{existing.identifier}” already exists with "
                        f"other settings ({named}); nothing was changed. Use plan_host_add "
                        "for more host names, and the admin for the rest."
                    )
                self.stdout.write(
                    f"The plan “{existing.identifier}” already exists as given; nothing changed."
                )
                return
            try:
                plan = plan_create(identifier, **wanted)
            except ValidationError as error:
                raise command_error(error, ARGUMENTS) from None
            hosts = ", ".join(plan.domains.values_list("hostname", flat=True)) or "no host name"
            for refused in hosts_not_allowed(plan.domains.values_list("hostname", flat=True)):
                self.stderr.write(
                    self.style.WARNING(
                        f"Add {refused} to ALLOWED_HOSTS: until then its requests are refused."
                    )
                )
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created the plan “{plan.identifier}” ({', '.join(plan.languages)}; {hosts})."
                )
            )
