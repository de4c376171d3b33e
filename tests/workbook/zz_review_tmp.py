import pytest

from tests.factories import CategoryTypeFactory
from tests.workbook.test_workbook import run, workbook_bytes
from tests.workbook.test_workbook_fields import FIELDS, sheets
from vahti.actions.models import ActionField, ActionFieldValue

pytestmark = [pytest.mark.django_db]


def test_category_type_change_with_values(small_plan):
    problems, report = run("plan.xlsx", workbook_bytes(sheets()), small_plan)
    assert problems == []
    CategoryTypeFactory(plan=small_plan, identifier="sector", name_fi="Sektori")
    rows = [FIELDS[0]] + [r if r[0] != "theme" else ["theme", "category", "Teema", "Theme", None, "sector", 7, None, None] for r in FIELDS[1:]]
    problems, report = run("plan.xlsx", workbook_bytes({"fields": rows}), small_plan)
    print("PROBLEMS", problems)
    field = ActionField.objects.get(plan=small_plan, identifier="theme")
    value = ActionFieldValue.objects.get(field=field)
    print("FIELD TYPE", field.category_type.identifier, "VALUE CATEGORY TYPE", value.category.type.identifier)
    try:
        value.full_clean()
        print("VALUE VALID")
    except Exception as e:
        print("VALUE INVALID", e)
