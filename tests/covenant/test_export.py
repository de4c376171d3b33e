"""The Covenant of Mayors export: one test per mapping rule (each column from each kind of
source, the value maps, unmapped values reported as missing, units), the workbook's
layout and its sheet of missing values."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    make_action,
)
from vahti.actions.models import ActionField, ActionFieldOption
from vahti.covenant.categories import HEADINGS
from vahti.covenant.export import covenant_workbook
from vahti.covenant.selectors import covenant_rows, problem_text
from vahti.covenant.services import covenant_mapping_save

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def field(plan, identifier, kind, **data):
    data.setdefault("name_fi", identifier.capitalize())
    made = ActionField(plan=plan, identifier=identifier, kind=kind, **data)
    made.full_clean()
    made.save()
    return made


def option(of, identifier, name):
    return ActionFieldOption.objects.create(field=of, identifier=identifier, name_fi=name)


def row_of(plan, identifier):
    return next(r for r in covenant_rows(plan) if r.action.identifier == identifier)


def missing(row) -> dict:
    return {column: problem_text(problem) for column, problem in row.missing}


def test_a_list_column_from_a_choice_field_reads_the_options_covenant_value(plan):
    sector = field(plan, "sector", ActionField.Kind.CHOICE)
    traffic, homes = option(sector, "traffic", "Liikenne"), option(sector, "homes", "Asuminen")
    make_action(plan, "1", field_values=[{"field": sector, "option": traffic}])
    make_action(plan, "2", field_values=[{"field": sector, "option": homes}])
    make_action(plan, "3")
    covenant_mapping_save(
        plan,
        sources={"sector_field": sector},
        values={("sector", "option", traffic.pk): "transport", ("sector", "option", homes.pk): ""},
    )
    assert row_of(plan, "1").values["sector"] == "Transport"
    assert row_of(plan, "2").values["sector"] is None
    assert missing(row_of(plan, "2"))["sector"] == "“Asuminen” is not mapped to a Covenant value."
    assert missing(row_of(plan, "3"))["sector"] == "The action has no value."


def test_a_list_column_from_a_category_field_maps_categories_and_their_children(plan):
    themes = CategoryTypeFactory(plan=plan)
    mobility = CategoryFactory(plan=plan, type=themes, name_fi="Liikenne")
    cycling = CategoryFactory(plan=plan, type=themes, parent=mobility, name_fi="Pyöräily")
    theme = field(plan, "theme", ActionField.Kind.CATEGORY, category_type=themes)
    make_action(plan, "1", field_values=[{"field": theme, "category": cycling}])
    covenant_mapping_save(
        plan,
        sources={"area_field": theme},
        values={("area", "category", mobility.pk): "transport.walking_cycling"},
    )
    assert row_of(plan, "1").values["area"] == "Modal shift to walking & cycling"


def test_a_list_column_from_a_category_type_takes_the_first_mapped_category(plan):
    themes = CategoryTypeFactory(plan=plan)
    unmapped = CategoryFactory(plan=plan, type=themes, name_fi="Seuranta", order=1)
    energy = CategoryFactory(plan=plan, type=themes, name_fi="Energia", order=2)
    make_action(plan, "1", categories=[unmapped, energy])
    make_action(plan, "2", categories=[unmapped])
    covenant_mapping_save(
        plan,
        sources={"instrument_category_type": themes},
        values={("instrument", "category", energy.pk): "grants_subsidies"},
    )
    assert row_of(plan, "1").values["instrument"] == "Grants and subsidies"
    assert missing(row_of(plan, "2"))["instrument"] == (
        "“Seuranta” is not mapped to a Covenant value."
    )


def test_a_list_column_can_be_the_same_for_every_action(plan):
    make_action(plan, "1")
    covenant_mapping_save(plan, sources={"origin_fixed": "local_authority"}, values={})
    assert row_of(plan, "1").values["origin"] == "Local authority"
    assert "origin" not in missing(row_of(plan, "1"))


def test_a_column_without_a_source_is_reported_for_every_action(plan):
    make_action(plan, "1")
    assert missing(row_of(plan, "1"))["origin"] == "No source is chosen for this column."


def test_an_area_of_another_sector_is_reported(plan):
    make_action(plan, "1")
    covenant_mapping_save(
        plan,
        sources={"sector_fixed": "transport", "area_fixed": "industry.processes"},
        values={},
    )
    assert missing(row_of(plan, "1"))["area"] == (
        "“Energy efficiency in industrial processes” is not an area of intervention of the "
        "sector “Transport”."
    )


def test_the_status_is_mapped_from_the_actions_status(plan):
    going, late = ActionStatusFactory(plan=plan), ActionStatusFactory(plan=plan, name_en="Late")
    make_action(plan, "1", status=going)
    make_action(plan, "2", status=late)
    make_action(plan, "3")
    covenant_mapping_save(plan, sources={}, values={("status", "status", going.pk): "ongoing"})
    assert row_of(plan, "1").values["status"] == "Ongoing"
    assert missing(row_of(plan, "2"))["status"] == "“Late” is not mapped to a Covenant value."
    assert missing(row_of(plan, "3"))["status"] == "The action has no value."


def test_responsible_body_start_and_end_come_from_the_action(plan):
    primary = OrganizationFactory(plan=plan, name_fi="Kymp", name_en="Urban Environment")
    partner = OrganizationFactory(plan=plan, name_fi="Kuva")
    make_action(
        plan,
        "1",
        responsible_parties=[(partner, "collaborator"), (primary, "primary")],
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    make_action(
        plan, "2", schedule_continuous=True, responsible_parties=[(partner, "collaborator")]
    )
    row = row_of(plan, "1")
    assert row.values["responsible"] == "Urban Environment"
    assert (row.values["start"], row.values["end"]) == (
        datetime.date(2021, 3, 1),
        datetime.date(2025, 12, 31),
    )
    problems = missing(row_of(plan, "2"))
    assert problems["responsible"] == "The action has no value."
    assert problems["end"] == "The action is continuous: the template asks for an end."


def test_estimates_come_from_the_action_unless_a_number_field_is_named(plan):
    make_action(
        plan,
        "1",
        energy_savings_estimate=Decimal("120.50"),
        renewable_production_estimate=Decimal("30"),
        emission_reduction_estimate=Decimal("45.25"),
        estimate_year=2030,
    )
    values = row_of(plan, "1").values
    assert (values["energy_savings"], values["renewable_production"]) == (120.5, 30)
    assert values["emission_reduction"] == Decimal("45.25")
    assert values["costs"] is None


def test_number_fields_are_converted_to_the_templates_units(plan):
    gwh = field(plan, "savings", ActionField.Kind.NUMBER, unit_fi="GWh/a")
    kt = field(plan, "cut", ActionField.Kind.NUMBER, unit_fi="kt CO₂e/a")
    keur = field(plan, "cost", ActionField.Kind.NUMBER, unit_fi="k€")
    make_action(
        plan,
        "1",
        energy_savings_estimate=Decimal("1"),
        estimate_year=2030,
        field_values=[
            {"field": gwh, "number": Decimal("1.5")},
            {"field": kt, "number": Decimal("0.25")},
            {"field": keur, "number": Decimal("200")},
        ],
    )
    covenant_mapping_save(
        plan,
        sources={"energy_savings_field": gwh, "emission_reduction_field": kt, "costs_field": keur},
        values={},
    )
    values = row_of(plan, "1").values
    assert values["energy_savings"] == Decimal("1500.00")
    assert values["emission_reduction"] == Decimal("250.00")
    assert values["costs"] == Decimal("200000.00")


def test_a_number_field_of_an_unknown_unit_or_kind_is_refused(plan):
    euros = field(plan, "cost", ActionField.Kind.NUMBER, unit_fi="€")
    sector = field(plan, "sector", ActionField.Kind.CHOICE)
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(plan, sources={"energy_savings_field": euros}, values={})
    assert refused.value.message_dict["energy_savings_field"] == [
        "The unit “€” of “Cost” cannot be converted to MWh/a: give the field one of "
        "kWh/a, MWh/a, GWh/a."
    ]
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(plan, sources={"costs_field": sector}, values={})
    assert refused.value.message_dict["costs_field"] == ["“Sector” is not a number field."]


def test_the_workbook_is_laid_out_like_the_template_with_the_missing_values(plan):
    status = ActionStatusFactory(plan=plan)
    organization = OrganizationFactory(plan=plan, name_fi="Ympa")
    make_action(
        plan,
        "10",
        name_fi="Pyöräteiden verkko",
        name_en="Cycle network",
        status=status,
        responsible_parties=[(organization, "primary")],
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2030, 12, 31),
        emission_reduction_estimate=Decimal("12.5"),
        estimate_year=2030,
    )
    make_action(plan, "2", name_fi="Lämpöpumput")
    make_action(plan, "3", name_fi="Sisäinen", visibility="internal")
    covenant_mapping_save(
        plan,
        sources={
            "sector_fixed": "transport",
            "area_fixed": "transport.walking_cycling",
            "instrument_fixed": "land_use_planning",
            "origin_fixed": "local_authority",
        },
        values={("status", "status", status.pk): "ongoing"},
    )
    workbook = load_workbook(io.BytesIO(covenant_workbook(plan)))
    table, gaps = workbook.worksheets
    rows = list(table.iter_rows(values_only=True))
    assert table.title == "Mitigation actions"
    assert list(rows[0]) == list(HEADINGS.values())
    # Natural order (2 before 10), public actions only, the Covenant's labels.
    assert [r[0] for r in rows[1:]] == ["Lämpöpumput", "Cycle network"]
    assert rows[2][1:6] == (
        "Transport",
        "Modal shift to walking & cycling",
        "Land use planning regulation",
        "Local authority",
        "Ympa",
    )
    assert rows[2][8] == "Ongoing"
    assert rows[2][12] == 12.5
    gap_rows = list(gaps.iter_rows(values_only=True))
    assert gap_rows[0] == ("Action", "Name", "Column", "What is missing")
    assert ("2", "Lämpöpumput", "Implementation status", "The action has no value.") in gap_rows
    assert ("2", "Lämpöpumput", "Responsible body", "The action has no value.") in gap_rows
    assert not [r for r in gap_rows if r[0] == "10"]
