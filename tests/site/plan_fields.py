"""A plan's own fields of every kind, for the public site's tests: ``make_fields`` makes
them (with ``extra`` more public number fields, to count queries with many fields) and
``values_for`` gives an action a value of each."""

from __future__ import annotations

import datetime
from decimal import Decimal

from tests.factories import CategoryFactory, CategoryTypeFactory
from vahti.actions.models import ActionField, ActionFieldOption

Kind = ActionField.Kind


def _field(plan, identifier, kind, order, **data):
    data.setdefault("name_fi", identifier)
    return ActionField.objects.create(
        plan=plan, identifier=identifier, kind=kind, order=order, **data
    )


def _options(field, *names):
    return [
        ActionFieldOption.objects.create(
            field=field, identifier=f"o{index}", order=index, name_fi=fi, name_sv=sv, name_en=en
        )
        for index, (fi, sv, en) in enumerate(names)
    ]


# identifier: kind, Finnish, Swedish and English name.
FIELDS = {
    "cost": (Kind.NUMBER, "Kustannusarvio", "Kostnadsberäkning", "Cost estimate"),
    "decided": (Kind.DATE, "Päätöspäivä", "Beslutsdag", "Decision date"),
    "flagship": (Kind.YES_NO, "Kärkihanke", "Spetsprojekt", "Flagship"),
    "funding": (Kind.CHOICE, "Rahoitus", "Finansiering", "Funding"),
    "priority": (Kind.ORDERED_CHOICE, "Kiireellisyys", "Prioritet", "Priority"),
    "sector": (Kind.CATEGORY, "Sektori", "Sektor", "Sector"),
    "note": (Kind.TEXT, "Huomio", "Anmärkning", "Note"),
    "background": (Kind.RICH_TEXT, "Tausta", "Bakgrund", "Background"),
}


def make_fields(plan, extra: int = 0, type_identifier: str = "sector") -> dict:
    """The plan's fields by identifier (and a non-public "internal"), with the options
    of the choice fields and the categories of the category field."""
    sector_type = CategoryTypeFactory(
        plan=plan, identifier=type_identifier, name_fi="Sektori", is_primary=False
    )
    sectors = [
        CategoryFactory(type=sector_type, identifier=identifier, name_fi=fi, name_sv=sv, name_en=en)
        for identifier, fi, sv, en in [
            ("energy", "Energia", "Energi", "Energy"),
            ("traffic", "Liikenne", "Trafik", "Traffic"),
        ]
    ]
    made: dict = {}
    for order, (identifier, (kind, fi, sv, en)) in enumerate(FIELDS.items(), start=1):
        data = {"name_fi": fi, "name_sv": sv, "name_en": en}
        if kind == Kind.NUMBER:
            data["unit_fi"] = "€"
        if kind == Kind.CATEGORY:
            data["category_type"] = sector_type
        made[identifier] = _field(plan, identifier, kind, order, **data)
    made["internal"] = _field(
        plan, "internal", Kind.CHOICE, 9, name_fi="Sisäinen luokka", is_public=False
    )
    made["funding_options"] = _options(
        made["funding"],
        ("Kaupunki", "Staden", "City"),
        ("EU-rahoitus", "EU-finansiering", "EU funding"),
    )
    made["priority_options"] = _options(
        made["priority"],
        ("Matala", "Låg", "Low"),
        ("Keskitaso", "Medel", "Medium"),
        ("Korkea", "Hög", "High"),
    )
    made["internal_options"] = _options(made["internal"], ("Salainen", "Hemlig", "Secret"))
    made["sectors"] = sectors
    made["extra"] = [
        _field(plan, f"extra{index}", Kind.NUMBER, 10 + index, name_fi=f"Lisäluku {index}")
        for index in range(extra)
    ]
    return made


def values_for(fields, *, cost="1200.5", option=0, priority=2, sector=0, flagship=True):
    """A value of each field of ``make_fields`` (the extra ones too) for action_create."""
    return [
        {"field": fields["cost"], "number": Decimal(cost)},
        {"field": fields["decided"], "date": datetime.date(2025, 3, 4)},
        {"field": fields["flagship"], "yes_no": flagship},
        {"field": fields["funding"], "option": fields["funding_options"][option]},
        {"field": fields["priority"], "option": fields["priority_options"][priority]},
        {"field": fields["sector"], "category": fields["sectors"][sector]},
        {"field": fields["note"], "text_fi": "Vain suomeksi kirjoitettu huomio"},
        {"field": fields["background"], "rich_text_fi": "<p>Tausta <strong>tärkeä</strong></p>"},
        {"field": fields["internal"], "option": fields["internal_options"][0]},
        *({"field": item, "number": Decimal(n)} for n, item in enumerate(fields["extra"])),
    ]
