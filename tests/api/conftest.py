import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    ImpactFactory,
    OrganizationFactory,
    PersonFactory,
    PhaseFactory,
    PlanFactory,
    ScheduleFactory,
    make_action,
    make_indicator,
    task,
)
from vahti.actions.models import Action, ActionField, ActionFieldOption
from vahti.actions.services import action_update

# Words that must never leave the database through the API, a download or a feed.
SECRETS = {
    "internal note": "SALAINEN-MUISTIINPANO",
    "internal action": "SISÄINEN-TOIMENPIDE",
    "internal action's task": "SISÄINEN-TEHTÄVÄ",
    "draft": "LUONNOS-TEKSTI",
    "unpublished action": "JULKAISEMATON",
    "email": "mikko.secret@example.invalid",
    "internal indicator": "SISÄINEN-MITTARI",
    "non-public field": "SISÄINEN-KENTTÄ",
    "non-public field's value": "SISÄINEN-ARVO",
}


def add_fields(plan, action, theme) -> None:
    """The plan's own fields, one of each kind and a non-public one, valued on
    ``action``, which also gets estimates."""
    kinds = {
        "cost": ("number", "Kustannusarvio"),
        "funding": ("choice", "Rahoitus"),
        "flagship": ("yes_no", "Kärkihanke"),
        "decided": ("date", "Päätöspäivä"),
        "partners": ("text", "Kumppanit"),
        "story": ("rich_text", "Tarina"),
        "sector": ("category", "Sektori"),
    }
    fields = {
        identifier: ActionField.objects.create(
            plan=plan,
            identifier=identifier,
            kind=kind,
            name_fi=name,
            order=order,
            unit_fi="€" if kind == "number" else "",
            category_type=theme.type if kind == "category" else None,
        )
        for order, (identifier, (kind, name)) in enumerate(kinds.items())
    }
    secret = ActionField.objects.create(
        plan=plan, identifier="note", kind="text", name_fi=SECRETS["non-public field"],
        is_public=False, order=9,
    )  # fmt: skip
    eu = ActionFieldOption.objects.create(
        field=fields["funding"], identifier="eu", name_fi="EU-rahoitus", name_sv="EU", order=1
    )
    ActionFieldOption.objects.create(
        field=fields["funding"], identifier="budget", name_fi="Talousarvio", order=0
    )
    action_update(
        action,
        field_values=[
            {"field": fields["cost"], "number": Decimal("1250000.5")},
            {"field": fields["funding"], "option": eu},
            {"field": fields["flagship"], "yes_no": False},
            {"field": fields["decided"], "date": datetime.date(2024, 5, 22)},
            {"field": fields["partners"], "text_fi": "Helen Oy", "text_sv": "Helen Ab"},
            {"field": fields["story"], "rich_text_fi": "<p>Hyvä <script>x</script></p>"},
            {"field": fields["sector"], "category": theme},
            {"field": secret, "text_fi": SECRETS["non-public field's value"]},
        ],
        emission_reduction_estimate=Decimal("8000.50"),
        energy_savings_estimate=Decimal("1200"),
        estimate_year=2030,
        estimate_method_fi="Liikennemalli",
    )


@dataclass
class OpenPlan:
    plan: object
    status: object
    late: object
    theme: object
    sub_theme: object
    unit: object
    division: object


@pytest.fixture
def open_plan(db) -> OpenPlan:
    """A plan with public actions, categories, organisations, people, indicators and
    news, and something secret of every kind (``SECRETS``)."""
    plan = PlanFactory(
        identifier="hnh", name_fi="Hiilineutraali Helsinki", name_sv="Kolneutralt", name_en=""
    )
    status = ActionStatusFactory(plan=plan, identifier="on_time", name_fi="Aikataulussa")
    late = ActionStatusFactory(plan=plan, identifier="late", name_fi="Myöhässä")
    phase = PhaseFactory(plan=plan, identifier="implementation", name_fi="Toteutus")
    impact = ImpactFactory(plan=plan, identifier="high", name_fi="Suuri")
    schedule = ScheduleFactory(plan=plan, identifier="2020-2022", name_fi="2020–2022")
    themes = CategoryTypeFactory(plan=plan, identifier="theme", name_fi="Teema", is_primary=True)
    theme = CategoryFactory(plan=plan, type=themes, identifier="liikenne", name_fi="Liikenne")
    sub_theme = CategoryFactory(
        plan=plan, type=themes, identifier="pyoraily", name_fi="Pyöräily", parent=theme
    )
    division = OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
    unit = OrganizationFactory(
        plan=plan, identifier="liikenne", name_fi="Liikennesuunnittelu", parent=division
    )
    other_unit = OrganizationFactory(plan=plan, identifier="kasko", name_fi="Kasvatus")
    mikko = PersonFactory(
        plan=plan,
        first_name="Mikko",
        last_name="Martikka",
        title_fi="erityissuunnittelija",
        organization=unit,
        email=SECRETS["email"],
    )
    one = make_action(
        plan,
        "1",
        name_fi="Pyöräilyn edistäminen",
        name_sv="Främjande av cykling",
        lead_fi="Baanat ja kaupunkipyörät.",
        description_fi="<p>Kuvaus <script>alert(1)</script></p>",
        status=status,
        implementation_phase=phase,
        impact=impact,
        schedules=[schedule],
        categories=[sub_theme],
        internal_notes=SECRETS["internal note"],
        responsible_parties=[(unit, "primary"), (other_unit, "collaborator")],
        contact_persons=[(mikko, "contact")],
        tasks=[
            task("Baana valmis", state="completed", completed=datetime.date(2025, 1, 5),
                 due=datetime.date(2025, 1, 1)),
            task("Uudet reitit", due=datetime.date(2027, 6, 1)),
        ],
        news_posts=[{"title_fi": "Baana avattiin", "body_fi": "<p>Hienoa.</p>",
                     "published_on": datetime.date(2025, 1, 8), "author": mikko}],
    )  # fmt: skip
    two = make_action(
        plan,
        "2",
        name_fi="Kävely",
        status=late,
        categories=[theme],
        responsible_parties=[(other_unit, "primary")],
        related_actions=[one],
    )
    internal = make_action(
        plan,
        "3",
        name_fi=SECRETS["internal action"],
        visibility="internal",
        tasks=[task(SECRETS["internal action's task"])],
    )
    add_fields(plan, one, theme)
    make_action(plan, "4", name_fi=SECRETS["unpublished action"], publish=False)
    action_update(two, name_fi=SECRETS["draft"], publish=False)
    assert Action.objects.get(pk=two.pk).name_fi == "Kävely"
    make_indicator(
        plan,
        "ghg",
        name_fi="Kasvihuonekaasupäästöt",
        values=[(2019, 2630.5), (2020, 2400), (2021, 2300)],
        goals=[(2030, 1000), (2035, 500)],
        # The link to the internal action must not show.
        action_links=[(one, "decreases", False), (internal, "increases", False)],
    )
    make_indicator(plan, "secret", name_fi=SECRETS["internal indicator"], visibility="internal")
    return OpenPlan(plan, status, late, theme, sub_theme, unit, division)
