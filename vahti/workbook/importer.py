"""Importing a plan workbook (:mod:`vahti.workbook.sheets`).

Everything is written through the domain's services and models, exactly as the admin
writes it, inside one transaction: each row in a savepoint of its own, so that every
problem of every row is found in one pass. Added actions are checked row by row in
memory and written together after the last row (:mod:`vahti.actions.bulk`: a few
queries per action however large the plan, where publishing each costs hundreds). With
problems, or in a dry run, the transaction is rolled back and nothing is kept; the
report says what would have been added and changed, or lists every problem with its
sheet, row and column.

Rows name things by identifier: a row whose identifier exists changes that thing, the
others are added; importing the same workbook twice changes nothing the second time. A
column left out of a sheet leaves that field alone; an empty cell empties it. The tasks
of an action named in the workbook become exactly its rows in the tasks sheet (when the
workbook has one), matched to the current tasks by name; likewise an indicator's goals.
Values are added or changed by date (and category); others are kept.

Each family of sheets has its module in :mod:`vahti.workbook.imports`; this one runs
them in the sheets' order, each sheet able to name what the ones before it hold.
"""

from __future__ import annotations

from django.db import transaction

from vahti.core.planner import analyze_after_bulk_write
from vahti.orgs.models import Organization
from vahti.plans import changes
from vahti.plans.models import Category, Plan
from vahti.search import services as search
from vahti.workbook.imports.actions import import_actions
from vahti.workbook.imports.fields import import_fields, import_options
from vahti.workbook.imports.indicators import import_indicators
from vahti.workbook.imports.lists import import_lists
from vahti.workbook.imports.people import import_people
from vahti.workbook.imports.plan import import_plan
from vahti.workbook.imports.rows import Progress, SheetRows
from vahti.workbook.imports.trees import import_tree
from vahti.workbook.imports.values import import_values
from vahti.workbook.reader import Sheet
from vahti.workbook.report import Report
from vahti.workbook.sheets import ORDER


class Importer(SheetRows):
    def run(self) -> None:
        import_plan(self)
        if self.plan is None:
            return
        import_lists(self)
        import_fields(self)
        import_options(self)
        import_tree(self, "categories", Category)
        import_tree(self, "organisations", Organization)
        import_people(self)
        import_actions(self)
        import_indicators(self)
        import_values(self)


def import_workbook(
    sheets: dict[str, Sheet],
    *,
    plan: Plan | None = None,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Check and import the sheets (from :func:`vahti.workbook.reader.read`) into ``plan``
    (or the plan the plan sheet names, created if new). Nothing is kept when there is a
    problem or with ``dry_run``; ``report.applied`` says whether it was."""
    importer = Importer(sheets, plan=plan, user=user, progress=progress)
    with transaction.atomic():
        with search.deferred(), changes.batched():
            importer.run()
        report = importer.report
        if report.problems or dry_run:
            transaction.set_rollback(True)
            report.applied = False
        else:
            if report.plan is not None:
                search.rebuild_plan(report.plan)
            report.applied = True
            analyze_after_bulk_write()
    report.problems.sort(
        key=lambda p: (ORDER.index(p.sheet) if p.sheet in ORDER else -1, p.row or 0)
    )
    return report
