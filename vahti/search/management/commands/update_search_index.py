from django.core.management.base import BaseCommand, CommandError

from vahti.plans.models import Plan
from vahti.search.services import rebuild_plan


class Command(BaseCommand):
    help = (
        "Rewrite the search index of every plan, or of the plans named. Publishing keeps "
        "the index current; this is for data written around it (bulk loads, restores)."
    )

    def add_arguments(self, parser):
        parser.add_argument("plans", nargs="*", metavar="PLAN", help="plan identifiers")

    def handle(self, *args, plans, **options):
        chosen = Plan.objects.order_by("identifier")
        if plans:
            chosen = chosen.filter(identifier__in=plans)
            missing = sorted(set(plans) - set(chosen.values_list("identifier", flat=True)))
            if missing:
                raise CommandError(f"No plan with the identifier: {', '.join(missing)}.")
        for plan in chosen:
            count = rebuild_plan(plan)
            self.stdout.write(f"{plan.identifier}: {count} entries")
