"""``manage.py plan_host_add PLAN HOST [--path PREFIX]``: serve a plan at a host name
too. Running it again changes nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from vahti.core.commands import command_error, hosts_not_allowed
from vahti.plans.models import Plan, normalise_hostname
from vahti.plans.prefixes import normalise_prefix
from vahti.plans.setup import plan_host_add

ARGUMENTS = {"hostname": "HOST", "path_prefix": "--path"}


class Command(BaseCommand):
    help = "Serve a plan at a host name as well."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's identifier")
        parser.add_argument("host", help="the host name, e.g. ilmasto.espoo.fi")
        parser.add_argument(
            "--path",
            help="serve the plan under /PREFIX/ on a host shared with other plans",
            default=None,
        )

    def handle(self, *args, plan, host, path, **options):
        with translation.override("en"):
            target = Plan.objects.filter(identifier=plan).first()
            if target is None:
                raise CommandError(f"PLAN: there is no plan “{plan}”.")
            try:
                added = plan_host_add(target, host, path_prefix=path)
            except ValidationError as error:
                raise command_error(error, ARGUMENTS) from None
            hostname = normalise_hostname(host)
            prefix = normalise_prefix(path)
            address = f"{hostname}/{prefix}/" if prefix else hostname
            for refused in hosts_not_allowed([hostname]):
                self.stderr.write(
                    self.style.WARNING(
                        f"Add {refused} to ALLOWED_HOSTS: until then its requests are refused."
                    )
                )
            if added:
                self.stdout.write(self.style.SUCCESS(f"{address} now serves “{plan}”."))
            else:
                self.stdout.write(f"{address} already serves “{plan}”; nothing changed.")
