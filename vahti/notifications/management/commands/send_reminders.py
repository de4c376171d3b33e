"""Plan and send the reminders that are due: run it from a scheduler (see the README),
or keep it running with ``--loop``. ``--dry-run`` prints what would be sent to whom about
which action, a line each, and sends and stores nothing."""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand, CommandError

from vahti.notifications import services
from vahti.plans.models import Plan


class Command(BaseCommand):
    help = "Send the reminders that are due (to contact persons, organisation and plan admins)."

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="Only this plan (its identifier).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent; send nothing."
        )
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, a round every --interval."
        )
        parser.add_argument(
            "--interval", type=int, default=900, help="Seconds between rounds with --loop."
        )

    def handle(self, *args, plan=None, dry_run=False, loop=False, interval=900, **options):
        plans = Plan.objects.all()
        if plan:
            plans = plans.filter(identifier=plan)
            if not plans.exists():
                known = ", ".join(Plan.objects.values_list("identifier", flat=True)) or "–"
                raise CommandError(f"There is no plan “{plan}”; the plans are: {known}.")
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        stopping = []
        if loop:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: stopping.append(True))
        while True:
            outcome = services.run(plans=list(plans), dry_run=dry_run, out=self.stdout.write)
            verb = "would send" if dry_run else "sent"
            self.stderr.write(
                f"{outcome.due} reminders due; {verb} {outcome.reminders} reminders "
                f"in {outcome.emails} emails; {outcome.failed} emails failed (retried later); "
                f"{outcome.unknown} emails of unknown outcome (cut off during the hand-off, "
                f"not sent again); "
                f"{outcome.feedback_deleted} old feedback messages deleted."
            )
            if not loop:
                return
            waited = 0
            while waited < interval and not stopping:
                time.sleep(1)
                waited += 1
            if stopping:
                return
