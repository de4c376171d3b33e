"""The plan's own fields in the workbook (issue 24): their definitions, options and each
action's values of every kind, and the estimates, go out and come back unchanged; every
bad value is a problem naming its sheet, row and column, and then nothing is kept."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.factories import CategoryTypeFactory
from tests.workbook.test_workbook import fingerprint, run, workbook_bytes
from vahti.actions.models import Action, ActionField, ActionFieldValue
from vahti.plans.models import Plan
from vahti.workbook.export import Export

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(english):
    """The messages in the language of the source strings."""


FIELDS = [
    ["identifier", "kind", "name_fi", "name_en", "unit_fi", "category_type", "order", "public",
     "required"],
    ["cost", "number", "Kustannusarvio", "Cost estimate", "€", None, 0, None, None],
    ["funding", "choice", "Rahoitus", "Funding", None, None, 1, None, None],
    ["flagship", "yes_no", "Kärkihanke", "Flagship", None, None, 2, None, None],
    ["level", "ordered_choice", "Vaikutusten taso", "Level", None, None, 3, None, None],
    ["decided", "date", "Päätöspäivä", "Decided", None, None, 4, None, None],
    ["partners", "text", "Kumppanit", "Partners", None, None, 5, None, None],
    ["story", "rich_text", "Tarina", "Story", None, None, 6, None, None],
    ["theme", "category", "Teema", "Theme", None, "theme", 7, None, None],
    ["note", "text", "Sisäinen huomio", "Internal note", None, None, 8, "no", None],
]  # fmt: skip
OPTIONS = [
    ["field", "identifier", "name_fi", "order"],
    ["funding", "budget", "Talousarvio", 0],
    ["funding", "eu", "EU-rahoitus", 1],
    ["level", "local", "Paikallinen", 0],
    ["level", "city", "Koko kaupunki", 1],
]
VALUES = [
    ["action", "field", "value", "text_fi", "text_en"],
    ["1", "cost", "1 250 000,5", None, None],
    ["1", "funding", "eu", None, None],
    ["1", "flagship", "kyllä", None, None],
    ["1", "level", "city", None, None],
    ["1", "decided", "2024-05-22", None, None],
    ["1", "partners", None, "Helen Oy", "Helen Ltd"],
    ["1", "story", None, "<p>Baana <b>valmis</b></p>", None],
    ["1", "theme", "liikenne", None, None],
    ["1", "note", None, "Vain meille", None],
]
ACTIONS = [
    ["identifier", "name_fi", "emission_reduction_estimate", "energy_savings_estimate",
     "estimate_year", "estimate_method_fi"],
    ["1", "Pyöräily", "8000.5", 1200, 2030, "Liikennemalli"],
]  # fmt: skip


def sheets(**changed):
    return {
        "fields": FIELDS,
        "field_options": OPTIONS,
        "actions": ACTIONS,
        "field_values": VALUES,
        **changed,
    }


def values_of(plan) -> dict:
    return {
        v.field.identifier: v.value
        for v in ActionFieldValue.objects.filter(action__plan=plan).select_related(
            "field", "option", "category"
        )
    }


def test_fields_options_values_and_estimates_import_and_export_again(small_plan):
    problems, report = run("plan.xlsx", workbook_bytes(sheets()), small_plan)
    assert problems == [] and report.applied
    assert report.counts["fields"].created == 9 and report.counts["field_options"].created == 4
    values = values_of(small_plan)
    assert values["cost"] == Decimal("1250000.5")
    assert values["funding"].identifier == "eu" and values["level"].identifier == "city"
    assert values["flagship"] is True and values["decided"] == datetime.date(2024, 5, 22)
    assert values["partners"] == "Helen Ltd" and "<b>valmis</b>" in values["story"]
    assert values["theme"].identifier == "liikenne" and values["note"] == "Vain meille"
    action = Action.objects.get(plan=small_plan, identifier="1")
    assert action.emission_reduction_estimate == Decimal("8000.50")
    assert action.energy_savings_estimate == 1200 and action.estimate_year == 2030
    assert action.estimate_method_fi == "Liikennemalli"
    # Kept in the action's revision, like its other content.
    revision = action.latest_revision.content
    assert len(revision["field_values"]) == 9

    # The export reads back as the same workbook: importing it changes nothing.
    exported = Export(Plan.objects.get(pk=small_plan.pk), public=False).workbook()
    before = fingerprint(small_plan)
    problems, report = run("plan.xlsx", exported, small_plan)
    assert problems == [] and report.counts["actions"].updated == 0
    assert fingerprint(small_plan) == before
    book = load_workbook(io.BytesIO(exported), read_only=True)
    rows = {(r[0], r[1]): r[2] for r in list(book["field_values"].values)[1:]}
    assert rows[("1", "cost")] == 1250000.5 and rows[("1", "flagship")] is True
    assert rows[("1", "funding")] == "eu" and rows[("1", "theme")] == "liikenne"


def test_the_public_export_leaves_out_non_public_fields_and_importing_it_keeps_them(
    small_plan,
):
    run("plan.xlsx", workbook_bytes(sheets()), small_plan)
    public = Export(Plan.objects.get(pk=small_plan.pk), public=True).workbook()
    book = load_workbook(io.BytesIO(public), read_only=True)
    assert "note" not in [r[0] for r in book["fields"].values]
    assert "note" not in [r[1] for r in book["field_values"].values]
    assert "Vain meille" not in str(list(book["field_values"].values))
    problems, report = run("public.xlsx", public, small_plan)
    assert problems == [] and report.applied
    assert values_of(small_plan)["note"] == "Vain meille"


def test_a_row_per_field_replaces_that_field_and_an_empty_value_empties_it(small_plan):
    run("plan.xlsx", workbook_bytes(sheets()), small_plan)
    problems, _report = run(
        "plan.xlsx",
        workbook_bytes(
            {"field_values": [VALUES[0], ["1", "cost", 99, None, None], ["1", "funding", None]]}
        ),
        small_plan,
    )
    assert problems == []
    values = values_of(small_plan)
    assert values["cost"] == 99 and "funding" not in values and values["note"] == "Vain meille"


def problem_of(small_plan, content, where, words):
    run("plan.xlsx", workbook_bytes(sheets()), small_plan)
    before = fingerprint(small_plan)
    problems, report = run("plan.xlsx", workbook_bytes(content), small_plan)
    assert any((p.sheet, p.row, p.column) == where and words in p.message for p in problems), [
        str(p) for p in problems
    ]
    assert not report.applied and fingerprint(small_plan) == before


@pytest.mark.parametrize(
    ("row", "where", "words"),
    [
        (["1", "nope", "5"], ("field_values", 2, "field"), "“nope” is not in the plan."),
        (["1", "funding", "lottery"], ("field_values", 2, "value"), "is not an option of"),
        (["1", "cost", "lots"], ("field_values", 2, "value"), "“lots” is not a number."),
        (["1", "decided", "22.5.2024x"], ("field_values", 2, "value"), "is not a date"),
        (["1", "flagship", "maybe"], ("field_values", 2, "value"), "is not yes or no"),
        (["1", "theme", "other/x"], ("field_values", 2, "value"), "is not a category of the type"),
        (["9", "cost", "5"], ("field_values", 2, "action"), "Unknown action “9”"),
    ],
)
def test_a_bad_value_is_named_and_nothing_is_kept(small_plan, row, where, words):
    problem_of(small_plan, {"field_values": [VALUES[0], row]}, where, words)


def test_a_category_of_another_type_is_refused(small_plan):
    from tests.factories import CategoryFactory, CategoryTypeFactory

    sectors = CategoryTypeFactory(
        plan=small_plan, identifier="sector", name_fi="Sektori", is_primary=False
    )
    CategoryFactory(plan=small_plan, type=sectors, identifier="energy", name_fi="Energia")
    problem_of(
        small_plan,
        {"field_values": [VALUES[0], ["1", "theme", "energy"]]},
        ("field_values", 2, "value"),
        "is not a category of the type “theme”",
    )


def test_a_required_field_left_empty_is_refused(small_plan):
    required = [FIELDS[0], [*FIELDS[1][:-1], "yes"]]
    problem_of(
        small_plan,
        {"fields": required, "field_values": [VALUES[0], ["1", "cost", None]]},
        ("field_values", 2, "value"),
        "Required: “Cost estimate” cannot be empty.",
    )
    # An added action without a row for it is refused on its row of the actions sheet.
    problem_of(
        small_plan,
        {"fields": required, "actions": [["identifier", "name_fi"], ["2", "Uusi"]]},
        ("actions", 2, None),
        "“Cost estimate” (cost) is required",
    )


def test_a_field_of_an_unknown_kind_or_changing_kind_with_values_is_refused(small_plan):
    problem_of(
        small_plan,
        {"fields": [FIELDS[0], ["cost", "date", "Kustannusarvio"]]},
        ("fields", 2, "kind"),
        "its kind cannot change",
    )
    problem_of(
        small_plan,
        {"fields": [FIELDS[0], ["x", "colour", "X"]]},
        ("fields", 2, "kind"),
        "is not one of",
    )
    assert ActionField.objects.filter(plan=small_plan).count() == 9


def test_a_category_field_with_values_keeps_its_category_type(small_plan):
    """Its values' categories are of that type (a reviewer found the import changing it,
    leaving every value invalid)."""
    CategoryTypeFactory(plan=small_plan, identifier="sector", name_fi="Sektori", is_primary=False)
    problem_of(
        small_plan,
        {"fields": [FIELDS[0], ["theme", "category", "Teema", "Theme", None, "sector", 7]]},
        ("fields", 2, "category_type"),
        "its category type cannot change",
    )
    theme = ActionField.objects.get(plan=small_plan, identifier="theme")
    assert theme.category_type.identifier == "theme"


def test_a_bad_estimate_is_named_by_its_column(small_plan):
    header = ["identifier", "name_fi", "emission_reduction_estimate", "estimate_year"]
    problem_of(
        small_plan,
        {"actions": [header, ["1", "Pyöräily", "lots", 2030]]},
        ("actions", 2, "emission_reduction_estimate"),
        "“lots” is not a number.",
    )
    problem_of(
        small_plan,
        {"actions": [header, ["1", "Pyöräily", 5, 1800]]},
        ("actions", 2, "estimate_year"),
        "1990",
    )
