"""Hostile text in any field an editor fills in never reaches a public page as active
content: not as a script, an event handler or a javascript: link."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    ImpactFactory,
    OrganizationFactory,
    PersonFactory,
    PhaseFactory,
    ScheduleFactory,
    make_action,
    make_indicator,
    task,
)
from vahti.indicators.models import IndicatorRelation

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert("s")</script><img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">x</a><svg onload="alert(3)"></svg>'
    '"><script>alert(4)</script><p style="background:url(javascript:alert(5))">y</p>'
)


# For fields of at most 100 and 30 characters.
SHORT = '<script>alert(8)</script><img src=x onerror="alert(9)">'
SHORTEST = "<script>alert(10)</script>"


def translated_columns(*names, text=HOSTILE):
    return {f"{name}_{code}": text for name in names for code in ("fi", "sv", "en")}


def active_content(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        if element.name in {"script", "iframe", "object", "embed", "svg", "img"}:
            if element.name == "script" and element.get("src", "").startswith("/static/"):
                continue
            if element.name == "img" and "person__photo" in element.get("class", []):
                continue
            classes = element.get("class", [])
            if element.name == "svg" and {"network", "distribution__bar", "swatch"} & set(classes):
                continue  # the insight network's and the dashboard's drawings, the site's
            found.append(str(element)[:80])
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            link = attribute in {"href", "src", "action", "formaction", "xlink:href"}
            if attribute.startswith("on") or (link and "javascript:" in text.lower()):
                found.append(f"{element.name}[{attribute}={text[:40]}]")
            if attribute == "style":
                found.append(f"{element.name}[style]")
    return found


def test_hostile_text_in_every_field_stays_inert_on_every_page(client, plan, category):
    action = make_action(
        plan,
        "1",
        categories=[category],
        **translated_columns(
            "name", "lead", "description", "official_name", "official_description",
            "official_description_source",
        ),
        tasks=[
            task(
                HOSTILE,
                "completed",
                completed=datetime.date(2024, 1, 1),
                **translated_columns("comment"),
                name_sv=HOSTILE,
                name_en=HOSTILE,
            ),
            task(HOSTILE, comment_fi=HOSTILE),
        ],
        news_posts=[
            {"published_on": datetime.date(2024, 2, 1), **translated_columns("title", "body")}
        ],
    )  # fmt: skip
    make_action(plan, "2", related_actions=[action], description_fi="<p>toimenpide 1</p>")
    cause = make_indicator(
        plan,
        "cause",
        **translated_columns("name", "description", "data_source"),
        # Short fields get the shortest hostile texts that fit.
        **{f"unit_{code}": "<script>alert(6)</script>" for code in ("fi", "sv", "en")},
        **{f"quantity_{code}": '<img src=x onerror="alert(7)">' for code in ("fi", "sv", "en")},
        values=[(2020, 1), (2021, 2), (2022, 3)],
        goals=[(2030, 10)],
        action_links=[(action, "increases", True)],
    )
    effect = make_indicator(
        plan, "effect", level="strategic", values=[(2022, 5)], categories=[category]
    )
    IndicatorRelation.objects.create(cause=cause, effect_indicator=effect)
    pages = ["/", "/actions/", "/actions/1/", "/actions/2/"]
    pages += ["/indicators/", "/indicators/cause/", "/indicators/effect/", "/insight/"]
    for prefix in ("", "/sv", "/en"):
        for path in pages:
            response = client.get(f"{prefix}{path}")
            assert response.status_code == 200
            assert active_content(response.content.decode()) == [], f"{prefix}{path}"
            # The text itself is still there, shown as text.
            if path == "/actions/1/":
                assert 'alert("s")' in BeautifulSoup(response.content, "html.parser").get_text()


def test_hostile_names_of_the_plan_its_lists_trees_and_people_stay_inert(client, plan):
    """Every other text an editor gives that a public page shows: the plan's name and
    introduction, themes and other categories, organisations, people, and the names in
    the plan's lists (statuses, phases, impacts, timeframes)."""
    for name, value in {
        **translated_columns("name"),
        **translated_columns("short_name", text=SHORT),
        **translated_columns("intro"),
    }.items():
        setattr(plan, name, value)
    plan.save()
    theme_type = CategoryTypeFactory(
        plan=plan, identifier="theme", is_primary=True, **translated_columns("name", text=SHORT)
    )
    theme = CategoryFactory(
        type=theme_type, identifier="theme1", **translated_columns("name", "lead")
    )
    sub_theme = CategoryFactory(
        type=theme_type, parent=theme, identifier="sub", **translated_columns("name")
    )
    audience = CategoryFactory(
        type=CategoryTypeFactory(plan=plan, identifier="audience", is_primary=False),
        identifier="firms",
        **translated_columns("name", "lead"),
    )
    division = OrganizationFactory(
        plan=plan,
        identifier="division",
        **translated_columns("name"),
        **translated_columns("abbreviation", text=SHORTEST),
    )
    unit = OrganizationFactory(
        plan=plan, identifier="unit", parent=division, **translated_columns("name")
    )
    person = PersonFactory(
        plan=plan,
        organization=unit,
        first_name=SHORT,
        last_name=SHORT,
        email="someone@example.invalid",
        **translated_columns("title"),
    )
    lists = {
        "status": ActionStatusFactory(plan=plan, **translated_columns("name", text=SHORT)),
        "implementation_phase": PhaseFactory(plan=plan, **translated_columns("name", text=SHORT)),
        "impact": ImpactFactory(plan=plan, **translated_columns("name", text=SHORT)),
    }
    schedule = ScheduleFactory(plan=plan, **translated_columns("name", text=SHORT))
    make_action(
        plan,
        "1",
        categories=[sub_theme, audience],
        responsible_parties=[(unit, "primary"), (division, "collaborator")],
        contact_persons=[(person, "contact")],
        schedules=[schedule],
        tasks=[task("Tehtävä", due=datetime.date(2020, 1, 1))],
        **lists,
    )
    pages = [
        "/",
        "/actions/",
        "/actions/?view=dashboard",
        f"/actions/?category=theme1&organization=division&status={lists['status'].identifier}",
        "/actions/1/",
        "/categories/theme/theme1/",
        "/categories/theme/sub/",
        "/categories/audience/firms/",
        "/organizations/division/",
        "/organizations/unit/",
        "/indicators/",
        "/insight/",
    ]
    for prefix in ("", "/sv", "/en"):
        for path in pages:
            response = client.get(f"{prefix}{path}")
            assert response.status_code == 200, f"{prefix}{path}"
            assert active_content(response.content.decode()) == [], f"{prefix}{path}"
    text = BeautifulSoup(client.get("/actions/1/").content, "html.parser").get_text()
    assert "alert(8)" in text and "alert(10)" in text  # shown, as text
