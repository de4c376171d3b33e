"""The plan's own fields in the action form (issue 24): one form field per ActionField
of the action's plan, in their order, in a tab of their own.

The values are the action's ``field_values`` children: the form puts them on the action
before Wagtail saves it, so a draft, its preview, publishing, reverting and the revision
comparison all carry them. Every choice (an option, a category) comes from the action's
own plan, read in at most three queries whatever the number of fields; a posted id of
anything else is the form's "not a valid choice" error.
"""

from __future__ import annotations

import functools

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import TextDiff, diff_text
from wagtail.admin.panels import Panel, TabbedInterface
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.admin.templatetags.wagtailadmin_tags import formattedfield
from wagtail.admin.widgets import AdminDateInput
from wagtail.utils.text import text_from_html as html_to_text

from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.core.i18n import language_codes
from vahti.core.numbers import TypedDecimalField
from vahti.core.richtext import RICH_TEXT_FEATURES, sanitize_html
from vahti.plans.models import Category

PREFIX = "plan_field__"
Kind = ActionField.Kind
YES, NO = "yes", "no"
EMPTY_CHOICE = ("", "---------")

REQUIRED_MESSAGE = _("“%(field)s” is required: fill it in before saving.")
# A text is required in the plan's primary language: the message says which, each
# sentence whole so that every language can write it its own way.
REQUIRED_IN_LANGUAGE_MESSAGES = {
    "fi": _("“%(field)s” is required in Finnish: fill it in before saving."),
    "sv": _("“%(field)s” is required in Swedish: fill it in before saving."),
    "en": _("“%(field)s” is required in English: fill it in before saving."),
}
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def form_name(field: ActionField, language: str | None = None) -> str:
    """``plan_field__cost-estimate``; a text kind's ``plan_field__summary__fi``."""
    name = f"{PREFIX}{field.identifier}"
    return f"{name}__{language}" if language else name


def plan_fields(plan_id: int) -> list[ActionField]:
    """The plan's fields in their order, each with its choices (``field.choices``: id →
    option or category, in their order): one query, joined to the options and to the
    category type's categories (a field has one or the other, never both)."""
    languages = language_codes()
    field_columns = [f.attname for f in ActionField._meta.concrete_fields]
    chosen_columns = ["id", "identifier", "order", *[f"name_{code}" for code in languages]]
    rows = (
        ActionField.objects.filter(plan_id=plan_id)
        .order_by(
            "order",
            "pk",
            "options__order",
            "options__pk",
            "category_type__categories__order",
            "category_type__categories__pk",
        )
        .values(
            *field_columns,
            *[f"options__{column}" for column in chosen_columns],
            *[f"category_type__categories__{column}" for column in chosen_columns],
        )
    )
    fields: dict[int, ActionField] = {}
    for row in rows:
        field = fields.get(row["id"])
        if field is None:
            field = ActionField.from_db(rows.db, field_columns, [row[c] for c in field_columns])
            field.choices = {}
            fields[field.pk] = field
        for prefix, model, extra in (
            ("options__", ActionFieldOption, {"field_id": field.pk}),
            ("category_type__categories__", Category, {"type_id": field.category_type_id}),
        ):
            if row[f"{prefix}id"] is not None:
                values = {column: row[f"{prefix}{column}"] for column in chosen_columns}
                field.choices[values["id"]] = model(plan_id=plan_id, **extra, **values)
    return list(fields.values())


def _label(field: ActionField, language_name=None) -> str:
    label = str(field.name)
    if field.kind == Kind.NUMBER and field.unit:
        label = f"{label} ({field.unit})"
    return f"{label} ({language_name})" if language_name else label


def _form_fields(field: ActionField, languages: list[str]) -> dict[str, forms.Field]:
    """The form fields of one ActionField, by their names in the form: a text's one
    per language of the plan, the primary language first. A required one is marked
    ``shown_required`` (a text's in the primary language): the form checks it
    (clean_plan_fields) with a message naming the field and the language."""
    common = {"required": False, "help_text": field.help_text or ""}
    if field.kind in ActionField.TEXT_KINDS:
        made = {}
        for code in languages:
            if field.kind == Kind.TEXT:
                widget = forms.Textarea(attrs={"rows": 3, "lang": code})
            else:
                widget = get_rich_text_editor_widget(features=RICH_TEXT_FEATURES)
            made[form_name(field, code)] = forms.CharField(
                label=_label(field, LANGUAGE_NAMES.get(code, code)), widget=widget, **common
            )
        _mark_required(made[form_name(field, languages[0])], field.is_required)
        return made
    label = _label(field)
    if field.kind == Kind.NUMBER:
        made_field = TypedDecimalField(label=label, max_digits=20, decimal_places=4, **common)
    elif field.kind == Kind.DATE:
        made_field = forms.DateField(label=label, widget=AdminDateInput, **common)
    elif field.kind == Kind.YES_NO:
        made_field = forms.ChoiceField(
            label=label, choices=[EMPTY_CHOICE, (YES, _("Yes")), (NO, _("No"))], **common
        )
    else:  # a choice, an ordered choice or a category
        made_field = forms.ChoiceField(
            label=label,
            choices=[EMPTY_CHOICE, *[(str(pk), str(obj)) for pk, obj in field.choices.items()]],
            **common,
        )
    _mark_required(made_field, field.is_required)
    return {form_name(field): made_field}


def _mark_required(made: forms.Field, required: bool) -> None:
    """Marked as Wagtail marks a required input, and told to assistive technology; not
    the form field's ``required``, whose check and message are Django's own."""
    made.shown_required = required
    if required:
        made.widget.attrs["aria-required"] = "true"


def _initial(field: ActionField, value: ActionFieldValue | None, languages: list[str]) -> dict:
    if value is None:
        return {}
    if field.kind in ActionField.TEXT_KINDS:
        column = field.value_column
        return {
            form_name(field, code): getattr(value, f"{column}_{code}") or "" for code in languages
        }
    if field.kind == Kind.YES_NO:
        initial = "" if value.yes_no is None else (YES if value.yes_no else NO)
    elif field.kind in (*ActionField.CHOICE_KINDS, Kind.CATEGORY):
        initial = getattr(value, f"{field.value_column}_id") or ""
    else:
        initial = getattr(value, field.value_column)
    return {form_name(field): initial}


def add_plan_fields(form) -> None:
    """Add the form fields of the action's plan's own fields. A new action whose plan
    the installation admin chooses in the form has them once the form is sent with the
    plan (a required one is then asked for before the action is saved)."""
    action = form.instance
    plan = action.plan if action.plan_id else _chosen_plan(form)
    form.plan_fields = plan_fields(plan.pk) if plan is not None else []
    if not form.plan_fields:
        return
    form.plan_languages = plan.languages
    existing = {value.field_id: value for value in action.field_values.all()}
    for field in form.plan_fields:
        made = _form_fields(field, form.plan_languages)
        form.fields.update(made)
        initial = _initial(field, existing.get(field.pk), form.plan_languages)
        for name, value in initial.items():
            form.initial.setdefault(name, value)


def _chosen_plan(form):
    """The plan sent in a new action's form, among those the form offers (None when
    none or another is sent: the form's own check names that)."""
    if not form.is_bound or "plan" not in form.fields:
        return None
    field = form.fields["plan"]
    try:  # read as the form's own plan field reads it
        return field.clean(
            field.widget.value_from_datadict(form.data, form.files, form.add_prefix("plan"))
        )
    except ValidationError:
        return None


def _columns(field: ActionField, cleaned: dict) -> dict:
    """The value's columns from the cleaned form: empty values dropped."""
    if field.kind in ActionField.TEXT_KINDS:
        columns = {}
        for code, _n in settings.LANGUAGES:
            text = (cleaned.get(form_name(field, code)) or "").strip()
            if field.kind == Kind.RICH_TEXT:
                text = sanitize_html(text) if html_to_text(text).strip() else ""
            if text:
                columns[f"{field.value_column}_{code}"] = text
        return columns
    raw = cleaned.get(form_name(field))
    if raw in (None, ""):
        return {}
    if field.kind == Kind.YES_NO:
        return {"yes_no": raw == YES}
    if field.kind in (*ActionField.CHOICE_KINDS, Kind.CATEGORY):
        return {field.value_column: field.choices[int(raw)]}
    return {field.value_column: raw}


def _texts_not_in_form(field: ActionField, value, languages: list[str]) -> dict:
    """A value's texts in languages the plan no longer has (the form does not show
    them): kept as they are."""
    if value is None or field.kind not in ActionField.TEXT_KINDS:
        return {}
    found = {}
    for code, _n in settings.LANGUAGES:
        text = getattr(value, f"{field.value_column}_{code}") or ""
        if code not in languages and text:
            found[f"{field.value_column}_{code}"] = text
    return found


def clean_plan_fields(form) -> None:
    """A required field left empty is an error of its (first) form field; a text is
    required in the plan's primary language, and the message names that language."""
    for field in form.plan_fields:
        if not field.is_required:
            continue
        columns = _columns(field, form.cleaned_data)
        message = REQUIRED_MESSAGE
        if field.kind in ActionField.TEXT_KINDS:
            primary = form.plan_languages[0]
            name = form_name(field, primary)
            filled = f"{field.value_column}_{primary}" in columns
            message = REQUIRED_IN_LANGUAGE_MESSAGES.get(primary, REQUIRED_MESSAGE)
        else:
            name, filled = form_name(field), bool(columns)
        if not filled and name not in form.errors:
            form.add_error(name, message % {"field": field.name})


def put_field_values(form) -> None:
    """Replace the action's field values (in memory: Wagtail saves or stores them in
    the revision) with the form's; a field's existing value keeps its row."""
    action = form.instance
    existing = {value.field_id: value for value in action.field_values.all()}
    values = []
    for field in form.plan_fields:
        kept = _texts_not_in_form(field, existing.get(field.pk), form.plan_languages)
        columns = {**kept, **_columns(field, form.cleaned_data)}
        if not columns:
            continue
        value = existing.get(field.pk) or ActionFieldValue(field=field)
        value.field = field
        for column in ActionFieldValue._meta.concrete_fields:
            if column.name not in ("id", "action", "field"):
                setattr(value, column.attname, None if column.null else "")
        for name, column_value in columns.items():
            setattr(value, name, column_value)
        values.append(value)
    action.field_values = values


def shown_value(field: ActionField, action) -> str:
    """An action's value of ``field`` as text, for the revision comparison."""
    value = next((v for v in action.field_values.all() if v.field_id == field.pk), None)
    if value is None:
        return ""
    if field.kind in ActionField.TEXT_KINDS:
        column = field.value_column
        texts = [
            (code, getattr(value, f"{column}_{code}") or "") for code, _n in settings.LANGUAGES
        ]
        if field.kind == Kind.RICH_TEXT:
            texts = [(code, html_to_text(text)) for code, text in texts]
        return "\n".join(f"{code}: {text}" for code, text in texts if text)
    if field.kind == Kind.YES_NO:
        return "" if value.yes_no is None else str(_("Yes") if value.yes_no else _("No"))
    if field.kind in (*ActionField.CHOICE_KINDS, Kind.CATEGORY):
        chosen_id = getattr(value, f"{field.value_column}_id")
        chosen = getattr(field, "choices", {}).get(chosen_id)
        return str(chosen) if chosen is not None else str(chosen_id or "")
    shown = getattr(value, field.value_column)
    return "" if shown is None else str(shown)


class FieldValueComparison:
    """One plan field's values in two revisions of an action."""

    is_field = True
    is_child_relation = False

    def __init__(self, field, obj_a, obj_b):
        self.field = field
        self.val_a, self.val_b = shown_value(field, obj_a), shown_value(field, obj_b)

    def field_label(self):
        return capfirst(str(self.field.name))

    def htmldiff(self):
        if self.field.kind in ActionField.TEXT_KINDS:
            return diff_text(self.val_a, self.val_b).to_html()
        if self.val_a != self.val_b:
            return TextDiff([("deletion", self.val_a), ("addition", self.val_b)]).to_html()
        return escape(self.val_a)

    def has_changed(self):
        return self.val_a != self.val_b


class PlanFieldsPanel(Panel):
    """The form fields the form added for the plan's fields (see add_plan_fields)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editing/plan_fields_panel.html"

        def plan_fields(self):
            return getattr(self.form, "plan_fields", None) or []

        def is_shown(self):
            return bool(self.plan_fields())

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            languages = getattr(self.form, "plan_languages", [])
            context["rendered_fields"] = [
                _rendered(self.form[name])
                for field in self.plan_fields()
                for name in _form_fields_names(field, languages)
            ]
            return context

        def get_comparison(self):
            action = self.instance
            if action is None or not action.plan_id:
                return []
            return [
                functools.partial(FieldValueComparison, field)
                for field in plan_fields(action.plan_id)
            ]


def _form_fields_names(field: ActionField, languages: list[str]) -> list[str]:
    if field.kind in ActionField.TEXT_KINDS:
        return [form_name(field, code) for code in languages]
    return [form_name(field)]


def _rendered(bound_field) -> str:
    """Wagtail's field layout, its label marked required as Wagtail marks a required
    input where the field is (see _mark_required)."""
    context = formattedfield(field=bound_field)
    context["required"] = getattr(bound_field.field, "shown_required", False)
    return render_to_string("wagtailadmin/shared/formatted_field.html", context)


class TabsWithPlanFields(TabbedInterface):
    """Wagtail renders, after the tabs, every form field no panel declares: the plan's
    fields are the form's own (added per plan) and rendered in their tab."""

    class BoundPanel(TabbedInterface.BoundPanel):
        def render_missing_fields(self):
            declared = self.panel.get_form_options().get("fields", [])
            return mark_safe(  # noqa: S308 - Django's rendering of the form's own fields
                "".join(
                    str(self.form[name])
                    for name in self.form.fields
                    if name not in declared and not name.startswith(PREFIX)
                )
            )
