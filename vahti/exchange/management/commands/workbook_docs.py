"""``manage.py workbook_docs``: docs/workbook.md, the workbook's sheets and columns, from
the same description the admin's import page shows (a test keeps the file current)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import translation

from vahti.workbook.documentation import documentation

INTRO = """# The plan workbook

A plan's data as an Excel workbook (or one sheet as a CSV file named after it, e.g.
`tasks.csv`): what a plan admin exports and imports in the admin (*Import and export*),
and what `manage.py export_plan PLAN FILE` and `manage.py import_plan FILE [--plan PLAN]
[--dry-run]` write and read. The public download (`/data/plan.xlsx`) has the sheets
fields, field_options, actions, field_values, tasks, indicators, goals and values,
without the columns marked *not public* and without the plan's non-public fields.

- Rows name things by identifier: an existing identifier changes that thing, a new one
  adds it. Importing the same workbook twice changes nothing the second time.
- A column left out leaves that field as it is; an empty cell empties it.
- Lists are separated by commas; a category is written `type/identifier`; dates as
  `2025-12-31` (or as spreadsheet dates); yes/no as `yes`, `no` (also `true`, `false`,
  `kyllä`, `ei`).
- Texts have a column per language: `name_fi`, `name_sv`, `name_en`.
- A formula is refused: write values. Merged cells are refused too: write the value in
  each cell. A sheet whose name begins with `_` is left alone.
- A text marked required is required in the plan's primary language: for the plan
  sheet, the `primary_language` of its row (a new plan in English needs no `name_fi`).
- The whole workbook is checked first and every problem is reported with its sheet, row
  and column, all in one pass: every problem of a row, and of the rows that belong to
  it (an action's tasks, an indicator's goals). Only a row whose key (its identifier,
  or a task's action, state and due date) cannot be read is checked no further, and a
  rule of the whole row (a completed task needs its date) is checked once its cells
  are right. Nothing is written unless there are no problems, and then all of it in
  one transaction. The report counts what is added, changed and left unchanged, each
  task by itself; with a problem it lists the problems only.
- An Excel file may unpack to at most 100 MB and a million XML tags (some 200,000
  cells), measured while unpacking it: a larger plan is imported a sheet at a time, or
  as CSV files.

## Moving a plan here with its past

A plan kept elsewhere keeps its past when its workbook carries it: the actions sheet's
`updated_at` (the day each action was last updated, its "Tietoja päivitetty"), the
history sheet (each action's status and phase from the day they were published, a row
per change) and the news sheet. An action the import adds is then published once per
history row, on that row's day, and last on its `updated_at` day: its page, the
dashboard's timeliness, the over-time view (from the first history day) and the feeds
show the plan as it was, not as updated on the import day, and the feeds date each
status change on its own day instead of announcing it as news. A day may not be in the
future, nor a history row after its action's `updated_at`. An action that exists keeps
the history its publications recorded; its `updated_at` changes only when the cell
does. Exporting a plan writes all three, so an exported plan moves to another
installation with its past.

## The plan's own fields

A plan's own action fields (a cost estimate, funding, "kärkihanke", …) are defined in
the fields sheet, the options of its choice fields in the field_options sheet, and each
action's values are in the field_values sheet, **a row per value**: the action, the
field, and the value (a number, a date, yes/no, an option's or a category's identifier),
or for a text field its text in each language. A sheet of rows rather than a column per
field in the actions sheet, because:

- the actions sheet stays the same for every plan and every year: adding, renaming or
  removing a field in the admin changes no column, so last year's workbook and
  instructions still fit, and the same columns import into any plan;
- a text field needs a column per language, which for eight fields would add
  twenty-four columns to an already wide sheet; here every text field shares three;
- Excel's filter on the field column shows one field's values across the plan (every
  action's cost estimate, sorted), and a value is added by adding a row, without
  scrolling past forty columns to find the right one;
- an action without a value simply has no row, and a field's kind decides how its one
  value cell is read, so every problem names the row and cell that holds it.

The fields the field_values sheet names are replaced for each action named in the
workbook: its values of those fields become exactly its rows (an empty value empties
the field). Values of fields the sheet does not name are kept, so the public download,
which leaves out the non-public fields, imports back without touching them. Each value
is checked by the field's kind: an unknown field or option, a category of another type,
a number or date that cannot be read, and a required field left empty are problems of
their row and column. The actions sheet holds each action's estimated yearly effects
(`emission_reduction_estimate` in t CO₂e/a, `energy_savings_estimate` and
`renewable_production_estimate` in MWh/a), the year they refer to and the method.

Generated by `manage.py workbook_docs > docs/workbook.md`.
"""


def markdown() -> str:
    with translation.override("en"):
        parts = [INTRO]
        for sheet in documentation():
            parts.append(f"\n## {sheet['name']}\n\n{sheet['description']}\n")
            parts.append("| column | required | meaning |\n| --- | --- | --- |")
            for column in sheet["columns"]:
                required = "yes" if column["required"] else ""
                note = "" if column["public"] else " (not public)"
                parts.append(f"| `{column['name']}` | {required} | {column['description']}{note} |")
        return "\n".join(parts) + "\n"


class Command(BaseCommand):
    help = "Print the workbook's documentation (docs/workbook.md)."

    def handle(self, *args, **options):
        self.stdout.write(markdown(), ending="")
