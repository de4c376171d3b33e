"""The workbook described for people: what each sheet holds and what each column
means, for the admin's import page and docs/workbook.md (the ``workbook_docs`` command).
The sheets and columns themselves are :mod:`vahti.workbook.sheets`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from vahti.core.i18n import language_codes
from vahti.workbook.sheets import SHEETS

SHEET_DESCRIPTIONS = {
    "plan": gettext_lazy("One row: the plan. Needed when importing into an empty installation."),
    "lists": gettext_lazy(
        "The plan's own lists, a row per item: statuses, implementation phases, impacts, "
        "timeframes (schedule), category types, indicator dimensions and their categories "
        "(dimension_category, with the dimension as parent) and scenarios."
    ),
    "fields": gettext_lazy(
        "The plan's own action fields, a row per field: its kind, names, help text and "
        "unit in each language, whether it is public and required. Fields not in the "
        "sheet are kept."
    ),
    "field_options": gettext_lazy(
        "The options of the choice and ordered choice fields, a row per option; for an "
        "ordered choice, the order is the scale. Options not in the sheet are kept."
    ),
    "categories": gettext_lazy("Themes and other categories, a tree per category type."),
    "organisations": gettext_lazy("The city's organisation tree."),
    "people": gettext_lazy(
        "People named on actions; the identifier names them in the actions sheet."
    ),
    "actions": gettext_lazy("The actions; imported ones are published."),
    "field_values": gettext_lazy(
        "Each action's values of the plan's own fields, a row per value. An action named "
        "in the workbook gets exactly its rows here as its values of the fields this "
        "sheet names; its values of other fields are kept."
    ),
    "tasks": gettext_lazy(
        "The tasks of each action; an action named in the workbook gets exactly its rows "
        "here, matched to its current tasks by name (so a name appears once per action)."
    ),
    "history": gettext_lazy(
        "Each action's published status and phase over time, a row per change, oldest "
        "first. Read when the import adds the action: it is published once per row, on "
        "the row's date, so its timeline, the plan's progress on past dates and the feeds "
        "show the past as it was. An action that exists keeps the history its "
        "publications recorded."
    ),
    "news": gettext_lazy(
        "The news posts of each action; an action named in the workbook gets exactly its "
        "rows here, matched to its current posts by title and date."
    ),
    "indicators": gettext_lazy("The indicators."),
    "goals": gettext_lazy(
        "Each indicator's goals; an indicator named here gets exactly these goals."
    ),
    "values": gettext_lazy(
        "Indicator values, a row per period (and dimension category); a row for a period "
        "that has a value changes it, the others are added, values not in the sheet stay."
    ),
}
COLUMN_DESCRIPTIONS = {
    "identifier": gettext_lazy("Unique within the plan (for a category: within its type)."),
    "primary_language": gettext_lazy("fi, sv or en."),
    "other_languages": gettext_lazy("E.g. sv, en."),
    "time_zone": gettext_lazy("E.g. Europe/Helsinki."),
    "kind": gettext_lazy(
        "status, phase, impact, schedule, category_type, dimension, dimension_category or scenario."
    ),
    "parent": gettext_lazy(
        "The identifier of the item above it (for dimension_category: its dimension)."
    ),
    "order": gettext_lazy("The position in lists, 0 first."),
    "name": gettext_lazy(
        "The name, a column per language; required in the plan's primary language."
    ),
    "short_name": gettext_lazy("A short name, a column per language."),
    "lead": gettext_lazy("The lead paragraph, a column per language."),
    "description": gettext_lazy("HTML (sanitised), a column per language."),
    "official_name": gettext_lazy("The name in the plan as decided, a column per language."),
    "official_description": gettext_lazy(
        "The text of the plan as decided: HTML, a column per language."
    ),
    "official_description_source": gettext_lazy("Where the official text comes from."),
    "abbreviation": gettext_lazy("E.g. Kymp."),
    "color": gettext_lazy("#rrggbb."),
    "is_completed": gettext_lazy("Statuses: counts as completed (yes/no)."),
    "sentiment": gettext_lazy("Statuses: positive, neutral or negative."),
    "is_estimate": gettext_lazy("Impacts: is an estimate (no for “not estimated”)."),
    "begins_at": gettext_lazy("Timeframes: the first day."),
    "ends_at": gettext_lazy("Timeframes: the last day."),
    "is_primary": gettext_lazy("Category types: the action list is grouped by it."),
    "type": gettext_lazy("The category type's identifier."),
    "first_name": gettext_lazy("First name."),
    "last_name": gettext_lazy("Last name."),
    "organisation": gettext_lazy("The organisation's identifier."),
    "email": gettext_lazy("Not shown publicly; lets the person log in."),
    "title": gettext_lazy("Job title, a column per language."),
    "status": gettext_lazy("The status's identifier (lists sheet)."),
    "phase": gettext_lazy("The implementation phase's identifier."),
    "impact": gettext_lazy("The impact's identifier."),
    "schedules": gettext_lazy("Timeframe identifiers."),
    "start_date": gettext_lazy("2025-01-31."),
    "end_date": gettext_lazy("2025-12-31."),
    "continuous": gettext_lazy("yes for an action without an end."),
    "categories": gettext_lazy("type/identifier of each category, e.g. theme/transport."),
    "primary_organisation": gettext_lazy("The primarily responsible organisation's identifier."),
    "collaborating_organisations": gettext_lazy("Identifiers of the collaborating organisations."),
    "contact_persons": gettext_lazy("Identifiers of the contact persons (people sheet)."),
    "editors": gettext_lazy("Identifiers of people who may edit the action."),
    "moderators": gettext_lazy("Identifiers of people who approve its changes."),
    "related_actions": gettext_lazy("Identifiers of related actions."),
    "visibility": gettext_lazy("public or internal."),
    "internal_notes": gettext_lazy("Never shown publicly."),
    "updated_at": gettext_lazy(
        "When the action's information was last updated (“Tietoja päivitetty”). Empty "
        "for an added action: the day of its last history row, else the import day. "
        "Changing it changes the date; a change of another column with the same date "
        "here is dated the import day."
    ),
    "emission_reduction_estimate": gettext_lazy(
        "Estimated yearly emission reduction, t CO₂e/a (two decimals at most)."
    ),
    "energy_savings_estimate": gettext_lazy("Estimated yearly energy savings, MWh/a."),
    "renewable_production_estimate": gettext_lazy(
        "Estimated yearly renewable energy production, MWh/a."
    ),
    "estimate_year": gettext_lazy("The year the estimates refer to, e.g. 2030."),
    "estimate_method": gettext_lazy(
        "How the estimates were made or where they come from, a column per language."
    ),
    "published_on": gettext_lazy("The news post's date."),
    "fields.kind": gettext_lazy(
        "text, rich_text, number, date, yes_no, choice, ordered_choice or category."
    ),
    "fields.help_text": gettext_lazy("Shown with the field in the form, a column per language."),
    "fields.unit": gettext_lazy("For a number, e.g. € or t CO₂e/a, a column per language."),
    "fields.category_type": gettext_lazy(
        "For a category field: the category type it offers (lists sheet)."
    ),
    "fields.public": gettext_lazy(
        "no: shown only to the plan's editors, never publicly (empty: yes)."
    ),
    "fields.required": gettext_lazy("yes: an action cannot be saved without a value."),
    "field_options.field": gettext_lazy("The field's identifier (fields sheet)."),
    "field_values.field": gettext_lazy("The field's identifier (fields sheet)."),
    "field_values.value": gettext_lazy(
        "By the field's kind: a number (e.g. 120000 or 1 250,5), a date, yes or no, an "
        "option's identifier, or a category's identifier; empty for a text field."
    ),
    "field_values.text": gettext_lazy(
        "A text or rich text field's value (rich text in HTML), a column per language."
    ),
    # Described for one sheet only ("sheet.column"), where the name means another thing.
    "history.date": gettext_lazy("The day the action was published with this status and phase."),
    "history.status": gettext_lazy("The status's identifier then (lists sheet)."),
    "history.phase": gettext_lazy("The implementation phase's identifier then."),
    "news.title": gettext_lazy(
        "The title, a column per language; required in the plan's primary language."
    ),
    "news.body": gettext_lazy("The text: HTML, a column per language."),
    "author": gettext_lazy("The author's identifier (people sheet)."),
    "action": gettext_lazy("The action's identifier."),
    "state": gettext_lazy("not_started, in_progress, completed or cancelled."),
    "due_at": gettext_lazy("The due date."),
    "completed_at": gettext_lazy(
        "When it was completed (or cancelled); required for a completed task."
    ),
    "comment": gettext_lazy("HTML, a column per language."),
    "level": gettext_lazy("strategic, tactical or operational."),
    "unit": gettext_lazy("E.g. kt CO₂e, a column per language; required in the primary language."),
    "quantity": gettext_lazy("What is measured, a column per language."),
    "time_resolution": gettext_lazy(
        "year, month or day: a value per period, dated on its last day."
    ),
    "desired_direction": gettext_lazy("decrease or increase; empty: from the goals."),
    "minimum_value": gettext_lazy("Values below are refused."),
    "maximum_value": gettext_lazy("Values above are refused."),
    "decimals": gettext_lazy("Decimals shown."),
    "data_source": gettext_lazy("Where the values come from, a column per language."),
    "data_source_url": gettext_lazy("The data source's address."),
    "licence": gettext_lazy("E.g. CC BY 4.0."),
    "actions": gettext_lazy("Linked actions: identifier:effect[:progress], e.g. 126:decreases."),
    "emission_goal": gettext_lazy(
        "yes: the plan's emission goal, beside which the actions' estimated cuts are shown "
        "(one strategic, decreasing indicator per plan)."
    ),
    "indicator": gettext_lazy("The indicator's identifier."),
    "date": gettext_lazy("The last day of the period, e.g. 2024-12-31."),
    "value": gettext_lazy("A number."),
    "scenario": gettext_lazy("The scenario's identifier; empty for the plan's own goal."),
    "dimension": gettext_lazy("For a breakdown: the dimension's identifier."),
    "category": gettext_lazy("For a breakdown: the dimension category's identifier."),
}


def documentation() -> list[dict]:
    """The sheets and their columns, described: the admin's page and docs/workbook.md."""
    sheets = []
    for name, sheet_columns in SHEETS.items():
        described, seen = [], set()
        for column in sheet_columns:
            key = column.name.rsplit("_", 1)[0] if column.translated else column.name
            if key in seen:
                continue
            seen.add(key)
            described.append(
                {
                    "name": f"{key}_<{'/'.join(language_codes())}>" if column.translated else key,
                    "required": column.required,
                    "description": COLUMN_DESCRIPTIONS.get(
                        f"{name}.{key}", COLUMN_DESCRIPTIONS.get(key, "")
                    ),
                    "public": column.public,
                }
            )
        sheets.append({"name": name, "description": SHEET_DESCRIPTIONS[name], "columns": described})
    return sheets
