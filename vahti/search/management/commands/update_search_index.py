import time

from django.core.management.base import BaseCommand, CommandError

from vahti.plans.models import Plan
from vahti.search.analysis import finnish_analyser
from vahti.search.services import rebuild_plan

# Progress is printed every this many actions of a plan, and at its end.
PROGRESS_EVERY = 1000


class Command(BaseCommand):
    help = (
        "Rewrite the search index of every plan, or of the plans named, with the analysis "
        "now in use (Voikko for Finnish where it is installed). Publishing keeps the index "
        "current; this is for data written around it (bulk loads, restores) and after "
        "installing or removing Voikko."
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
        self.stdout.write(f"Finnish analysed with {finnish_analyser()}")
        for plan in chosen:
            start = time.perf_counter()

            def progress(done, total, plan=plan):
                self.stdout.write(f"{plan.identifier}: {done}/{total} actions")

            count = rebuild_plan(plan, progress=progress, progress_every=PROGRESS_EVERY)
            seconds = time.perf_counter() - start
            self.stdout.write(f"{plan.identifier}: {count} entries ({seconds:.1f} s)")
