"""``manage.py import_plan FILE [--plan IDENTIFIER] [--dry-run]``: the admin's import
from the command line, with a progress bar and the same report."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vahti.plans.models import Plan
from vahti.workbook import reader
from vahti.workbook.importer import import_workbook


class Command(BaseCommand):
    help = "Import a plan workbook (.xlsx, or one sheet as CSV); nothing is kept on a problem."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the workbook, e.g. hnh2035.xlsx, or tasks.csv")
        parser.add_argument(
            "--plan", help="the plan's identifier (needed when the workbook has no plan sheet)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )

    def handle(self, *args, file, plan=None, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        target = None
        if plan:
            target = Plan.objects.filter(identifier=plan).first()
            if target is None:
                raise CommandError(f"There is no plan “{plan}”.")
        try:
            sheets = reader.read(path.name, path.read_bytes())
        except reader.Unreadable as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{file} cannot be imported.") from None
        report = import_workbook(sheets, plan=target, dry_run=dry_run, progress=self.bar)
        self.stdout.write("")
        if report.problems:
            # No counts: with a problem they are of a part of the workbook only.
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(report.problems)} problem(s): nothing was imported. Fix them and run again."
            )
        for sheet, counts in report.rows:
            self.stdout.write(
                f"{sheet}: {counts.created} added, {counts.updated} changed, "
                f"{counts.unchanged} unchanged"
            )
        if dry_run:
            self.stdout.write("Dry run: the workbook is valid; nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported into {report.plan.identifier}."))

    def bar(self, sheet: str, done: int, total: int) -> None:
        """A progress bar on a terminal; a line per sheet elsewhere."""
        stream = self.stdout
        if total == 0:
            return
        if getattr(sys.stdout, "isatty", lambda: False)():
            width = 30
            filled = int(width * done / total)
            stream.write(
                f"\r{sheet:<14} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
            )
            if done == total:
                stream.write("")
        elif done == total:
            stream.write(f"{sheet}: {total} checked")
