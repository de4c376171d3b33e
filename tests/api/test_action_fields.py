"""The plan's own fields and the estimates in the API (issue 24): the plan gives its
public fields with their options, each action its public values typed by kind and its
estimates; a non-public field and its values never appear."""

import json

import pytest

from tests.api.conftest import SECRETS
from tests.api.test_read_api import get


def test_the_plan_gives_its_public_fields_with_options(client, open_plan):
    plan = get(client, "/api/v1/plans/hnh/")
    fields = {field["identifier"]: field for field in plan["fields"]}
    assert list(fields) == ["cost", "funding", "flagship", "decided", "partners", "story",
                            "sector"]  # fmt: skip
    assert fields["cost"]["kind"] == "number" and fields["cost"]["unit"] == {"fi": "€"}
    assert fields["sector"]["category_type"] == "theme"
    assert [o["identifier"] for o in fields["funding"]["options"]] == ["budget", "eu"]
    assert fields["funding"]["options"][1]["name"] == {"fi": "EU-rahoitus", "sv": "EU"}


def test_an_action_gives_its_public_values_typed_and_its_estimates(client, open_plan):
    action = get(client, "/api/v1/actions/1/")
    assert action["fields"] == {
        "cost": 1250000.5,
        "funding": {"identifier": "eu", "name": {"fi": "EU-rahoitus", "sv": "EU"}},
        "flagship": False,
        "decided": "2024-05-22",
        "partners": {"fi": "Helen Oy", "sv": "Helen Ab"},
        "story": {"fi": "<p>Hyvä </p>"},
        "sector": {"identifier": "liikenne", "name": {"fi": "Liikenne"}},
    }
    assert action["estimates"] == {
        "emission_reduction": 8000.5,
        "energy_savings": 1200,
        "renewable_production": None,
        "year": 2030,
        "method": {"fi": "Liikennemalli"},
    }
    other = get(client, "/api/v1/actions/2/")
    assert other["fields"] == {} and other["estimates"] is None
    listed = get(client, "/api/v1/actions/")["results"]
    assert listed[0]["fields"] == action["fields"]


def test_the_plan_document_has_the_fields_and_no_secret_one(client, open_plan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/api/v1/plans/hnh/document.json")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    document = json.loads(body)
    assert document["plan"]["fields"][0]["identifier"] == "cost"
    [one] = [a for a in document["actions"] if a["identifier"] == "1"]
    assert one["fields"]["cost"] == 1250000.5 and one["estimates"]["year"] == 2030
    for secret in ("non-public field", "non-public field's value"):
        assert SECRETS[secret].encode() not in body
    assert b'"note"' not in body


def test_an_indicator_says_whether_it_is_the_plans_emission_goal(client, open_plan):
    from vahti.indicators.models import Indicator

    assert get(client, "/api/v1/indicators/ghg/")["is_emission_goal"] is False
    Indicator.objects.filter(identifier="ghg").update(level="strategic", is_emission_goal=True)
    assert get(client, "/api/v1/indicators/ghg/")["is_emission_goal"] is True
    listed = {i["identifier"]: i for i in get(client, "/api/v1/indicators/")}
    assert listed["ghg"]["is_emission_goal"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["1", "2"]),
        ("f.funding=eu", ["1"]),
        ("f.funding=budget", []),
        ("f.flagship=no", ["1"]),
        ("f.flagship=yes", []),
        ("f.cost.min=1000000&f.cost.max=1250000.5", ["1"]),
        ("f.cost.max=10", []),
        ("f.decided.min=2024-01-01", ["1"]),
        ("f.decided.max=2024-05-21", []),
        ("f.sector=liikenne", ["1"]),  # a category, and those below it
        ("f.funding=eu&status=late", []),
    ],
)
def test_the_actions_are_filtered_by_the_plans_fields_as_on_the_site(
    client, open_plan, query, expected
):
    found = get(client, f"/api/v1/actions/?{query}")
    assert sorted(a["identifier"] for a in found["results"]) == expected


@pytest.mark.parametrize(
    ("query", "parameter", "words"),
    [
        ("f.funding=nope", "f.funding", "There is no “nope”; known: budget, eu."),
        ("f.cost.min=lots", "f.cost.min", "Give a number with a decimal point"),
        ("f.decided.max=4.3.2025", "f.decided.max", "Give a date as year-month-day"),
        ("f.flagship=maybe", "f.flagship", "Give yes or no."),
        ("f.cost=5", "f.cost", "Give this field as f.cost.min / .max."),
        ("f.funding.min=1", "f.funding.min", "Give this field as f.funding."),
        ("f.partners=Helen", "f.partners", "no public field “partners”"),  # text: no filter
        ("f.note=x", "f.note", "no public field “note”"),  # not public
        ("f.sector=", "f.sector", "The value is empty."),
        ("f.cost.min=1E%2B999999999", "f.cost.min", "Ensure that there are no more than 20"),
        ("f.cost.max=0.00001", "f.cost.max", "no more than 4 decimal places"),
        ("f.cost.min=5&f.cost.max=1", "f.cost.max", "less than the least value given"),
    ],
)
def test_a_bad_field_filter_is_named(client, open_plan, query, parameter, words):
    response = client.get(f"/api/v1/actions/?{query}")
    assert response.status_code == 400
    [problem] = response.json()["errors"]
    assert problem["parameter"] == parameter and words in problem["message"]
