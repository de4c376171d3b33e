"""A plan with one own action field of each kind (issue 24), for the admin's tests."""

from __future__ import annotations

from dataclasses import dataclass

from tests.factories import CategoryFactory, CategoryTypeFactory
from vahti.actions.models import ActionField, ActionFieldOption

Kind = ActionField.Kind


@dataclass
class Fields:
    summary: ActionField  # text
    background: ActionField  # rich text
    cost: ActionField  # number, €
    decided: ActionField  # date
    flagship: ActionField  # yes/no
    funding: ActionField  # choice
    priority: ActionField  # ordered choice
    sector: ActionField  # category
    options: dict
    categories: dict


def make_fields(plan) -> Fields:
    """One field of each kind, in the order of the dataclass."""

    def field(identifier, kind, name, order, **data):
        return ActionField.objects.create(
            plan=plan, identifier=identifier, kind=kind, name_fi=name, order=order, **data
        )

    sectors = CategoryTypeFactory(
        plan=plan, identifier="sector", name_fi="Sektori", is_primary=False
    )
    categories = {
        "traffic": CategoryFactory(plan=plan, type=sectors, name_fi="Liikenne"),
        "heating": CategoryFactory(plan=plan, type=sectors, name_fi="Lämmitys"),
    }
    made = {
        "summary": field("summary", Kind.TEXT, "Tiivistelmä", 1),
        "background": field("background", Kind.RICH_TEXT, "Tausta", 2),
        "cost": field(
            "cost",
            Kind.NUMBER,
            "Kustannusarvio",
            3,
            name_en="Cost estimate",
            unit_fi="€",
            help_text_fi="Koko toimenpiteen arvioidut kustannukset.",
        ),
        "decided": field("decided", Kind.DATE, "Päätöspäivä", 4),
        "flagship": field("flagship", Kind.YES_NO, "Kärkihanke", 5),
        "funding": field("funding", Kind.CHOICE, "Rahoitus", 6),
        "priority": field("priority", Kind.ORDERED_CHOICE, "Kiireellisyys", 7),
        "sector": field("sector", Kind.CATEGORY, "Sektori", 8, category_type=sectors),
    }
    options = {}
    for field_name, identifier, name, order in (
        ("funding", "eu", "EU-rahoitus", 1),
        ("funding", "city", "Kaupungin budjetti", 2),
        ("priority", "low", "Matala", 1),
        ("priority", "high", "Korkea", 2),
    ):
        options[identifier] = ActionFieldOption.objects.create(
            field=made[field_name], identifier=identifier, name_fi=name, order=order
        )
    return Fields(**made, options=options, categories=categories)


# The category kind first: a plan of one field then reads as much as one of every kind.
KINDS = [Kind.CATEGORY, *(kind for kind in Kind if kind != Kind.CATEGORY)]


def add_fields(plan, count: int, actions=()) -> list[ActionField]:
    """``count`` fields of every kind in turn (choices with three options, categories
    of a type of their own), each with a value in each of ``actions``."""
    from vahti.actions.services import action_update

    sectors = CategoryTypeFactory(plan=plan, identifier="fieldsectors", is_primary=False)
    categories = [CategoryFactory(plan=plan, type=sectors) for _n in range(3)]
    made, values = [], []
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        field = ActionField.objects.create(
            plan=plan,
            identifier=f"field-{index}",
            kind=kind,
            name_fi=f"Kenttä {index}",
            order=index,
            category_type=sectors if kind == Kind.CATEGORY else None,
        )
        options = [
            ActionFieldOption.objects.create(field=field, identifier=f"o{n}", name_fi=f"O {n}")
            for n in range(3 if field.has_options else 0)
        ]
        column = {
            Kind.TEXT: {"text_fi": "Teksti"},
            Kind.RICH_TEXT: {"rich_text_fi": "<p>Teksti</p>"},
            Kind.NUMBER: {"number": 5},
            Kind.DATE: {"date": "2030-01-01"},
            Kind.YES_NO: {"yes_no": True},
            Kind.CHOICE: {"option": options[0] if options else None},
            Kind.ORDERED_CHOICE: {"option": options[-1] if options else None},
            Kind.CATEGORY: {"category": categories[0]},
        }[kind]
        values.append({"field": field, **column})
        made.append(field)
    for action in actions:
        action_update(action, field_values=values)
    return made
