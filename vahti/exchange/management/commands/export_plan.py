"""``manage.py export_plan PLAN FILE [--public]``: the plan as a workbook that
``import_plan`` takes back unchanged (``--public``: only what the site shows)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vahti.plans.models import Plan
from vahti.workbook.export import Export


class Command(BaseCommand):
    help = "Export a plan as an Excel workbook (or one sheet as CSV: FILE ends in -<sheet>.csv)."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's identifier")
        parser.add_argument("file", help="e.g. hnh2035.xlsx, or hnh2035-actions.csv")
        parser.add_argument("--public", action="store_true", help="only the public data")

    def handle(self, *args, plan, file, public=False, **options):
        found = Plan.objects.filter(identifier=plan).first()
        if found is None:
            raise CommandError(f"There is no plan “{plan}”.")
        export = Export(found, public=public)
        path = Path(file)
        if path.suffix == ".csv":
            sheet = next((s for s in export.sheet_names() if path.stem.endswith(s)), None)
            if sheet is None:
                raise CommandError(
                    f"End the file name in -<sheet>.csv: {', '.join(export.sheet_names())}."
                )
            path.write_text("\ufeff" + export.csv(sheet), encoding="utf-8")
        else:
            path.write_bytes(export.workbook())
        self.stdout.write(f"Wrote {path}.")
