"""``manage.py role_grant PLAN EMAIL ROLE [--organization IDENTIFIER]``: give someone a
role in a plan; a new login gets an invitation to choose a password. Running it again
changes nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from vahti.access.models import Role
from vahti.access.roles import role_grant
from vahti.core.commands import command_error
from vahti.orgs.models import Organization
from vahti.plans.models import Plan

ARGUMENTS = {"email": "EMAIL", "kind": "ROLE", "organization": "--organization"}


class Command(BaseCommand):
    help = (
        "Give the login with this email address a role in a plan (created, with an "
        "invitation to choose a password, when there is none)."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's identifier")
        parser.add_argument("email", help="the person's email address: their login")
        parser.add_argument("role", help=f"one of: {', '.join(Role.Kind.values)}")
        parser.add_argument(
            "--organization", help="for an organisation admin: the organisation's identifier"
        )

    def handle(self, *args, plan, email, role, organization=None, **options):
        with translation.override("en"):
            target = Plan.objects.filter(identifier=plan).first()
            if target is None:
                raise CommandError(f"PLAN: there is no plan “{plan}”.")
            unit = None
            if organization:
                unit = Organization.objects.filter(plan=target, identifier=organization).first()
                if unit is None:
                    raise CommandError(
                        f"--organization: the plan “{plan}” has no organisation “{organization}”."
                    )
            try:
                _role, created = role_grant(target, email, role, unit)
            except ValidationError as error:
                raise command_error(error, ARGUMENTS) from None
            address = email.strip().lower()
            if created:
                self.stdout.write(self.style.SUCCESS(f"{address} is now {role} of “{plan}”."))
            else:
                self.stdout.write(f"{address} already is {role} of “{plan}”; nothing changed.")
