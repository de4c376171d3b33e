"""The demo plans are workbook sheets imported through the plan importer: a mistake in
them is refused as a city's workbook would be, and nothing of the plan is kept."""

import datetime
import shutil

import pytest
from django.utils import translation

from vahti.actions.models import Action
from vahti.demo import loader
from vahti.demo.extras import resolve
from vahti.plans.models import Plan

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 28)


def test_relative_days_are_written_as_days_and_other_cells_stay():
    assert resolve("today-3", TODAY) == "2026-11-25"
    assert resolve("today+30", TODAY) == "2026-12-28"
    assert resolve("2020-02-03", TODAY) == "2020-02-03"
    assert resolve("a today-3", TODAY) == "a today-3"


def test_a_mistake_in_the_demo_data_is_named_by_sheet_row_and_column(tmp_path, monkeypatch):
    shutil.copytree(loader.DATA / "northbay2040", tmp_path / "northbay2040")
    actions = tmp_path / "northbay2040" / "actions.csv"
    text = actions.read_text(encoding="utf-8")
    actions.write_text(text.replace("on_time", "in_a_hurry", 1))
    monkeypatch.setattr(loader, "DATA", tmp_path)

    with translation.override("en"), pytest.raises(loader.DemoDataError) as error:
        loader.load_demo(today=TODAY, plans=("northbay2040",))

    assert "Sheet “actions”, row 2, column “status”" in str(error.value)
    assert "in_a_hurry" in str(error.value)
    assert not Plan.objects.filter(identifier="northbay2040").exists()
    assert not Action.objects.exists()


def test_the_helsinki_plan_has_fields_of_every_common_kind_and_estimates():
    from vahti.actions.models import ActionField, ActionFieldValue

    loader.load_demo(today=TODAY, plans=("hnh2035",))
    plan = Plan.objects.get(identifier="hnh2035")
    fields = {f.identifier: f for f in ActionField.objects.filter(plan=plan)}
    assert {f.kind for f in fields.values()} >= {
        "number", "choice", "yes_no", "ordered_choice", "date", "text"
    }  # fmt: skip
    assert fields["kustannusarvio"].unit_fi == "€" and fields["rahoitus"].name_sv
    assert not fields["sisainen-huomio"].is_public
    assert fields["vaikutusten-taso"].options.count() == 4
    valued = ActionFieldValue.objects.filter(action__plan=plan).values("action").distinct()
    assert valued.count() >= 20
    estimated = Action.objects.filter(plan=plan, emission_reduction_estimate__gt=0)
    assert estimated.count() >= 12
    assert all(a.estimate_year == 2030 and a.estimate_method_fi for a in estimated)
