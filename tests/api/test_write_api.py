"""Writes through the API: a plan's token posts an indicator's values and goals, checked
like the admin's forms (the same messages), saved all or nothing, logged with the
token's name; no token, a wrong, revoked or expired one, or another plan's indicator
is refused with a clear answer."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from tests.conftest import make_user
from tests.factories import PlanFactory, make_indicator
from vahti.access.models import ApiToken
from vahti.access.services import api_token_create, api_token_revoke, token_digest
from vahti.indicators import periods
from vahti.indicators.models import Indicator, IndicatorGoal, IndicatorValue
from vahti.indicators.value_rows import NOT_A_NUMBER_MESSAGE
from vahti.plans.models import Plan

pytestmark = pytest.mark.usefixtures("english")
VALUES = "/api/v1/indicators/ghg/values/"
GOALS = "/api/v1/indicators/ghg/goals/"


@pytest.fixture
def admin(db):
    return make_user("feed-admin")


@pytest.fixture
def token(open_plan, admin):
    _token, secret = api_token_create(open_plan.plan, name="Energy feed", user=admin)
    return secret


def send(client, method, url, body, secret=None, **headers):
    if secret:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **headers
    )


def stored(identifier="ghg") -> list[tuple]:
    return list(
        IndicatorValue.objects.filter(indicator__identifier=identifier)
        .order_by("date")
        .values_list("date", "value")
    )


def year(y: int) -> datetime.date:
    return datetime.date(y, 12, 31)


def test_a_token_adds_and_changes_values_and_the_change_is_logged(client, open_plan, token):
    before = Plan.objects.get(pk=open_plan.plan.pk).data_changed_at
    body = {"values": [{"date": "2021", "value": 2250.5}, {"date": "2022", "value": "2 100,5"}]}

    answer = send(client, "post", VALUES, body, token)

    assert answer.status_code == 200, answer.content
    assert answer.json() == {
        "indicator": "ghg",
        "dry_run": False,
        "created": 1,
        "updated": 1,
        "deleted": 0,
        "unchanged": 0,
    }
    assert stored() == [(year(2019), 2630.5), (year(2020), 2400), (year(2021), 2250.5),
                        (year(2022), 2100.5)]  # fmt: skip
    entry = ModelLogEntry.objects.get(action="vahti.indicator.values")
    assert entry.user is None
    assert entry.data["api_token"]["name"] == "Energy feed"
    assert entry.data["created"] == 1 and entry.data["updated"] == 1
    with translation.override("en"):
        assert entry.message == "Values changed through the API token “Energy feed”"
    # The public API and pages see the change at once (their Last-Modified moves).
    assert Plan.objects.get(pk=open_plan.plan.pk).data_changed_at > before
    assert client.get("/api/v1/indicators/ghg/").json()["values"][-1]["value"] == 2100.5
    assert ApiToken.objects.get().last_used_at is not None


def test_put_replaces_the_whole_series(client, open_plan, token):
    answer = send(client, "put", VALUES, {"values": [{"date": "2020-12-31", "value": 1}]}, token)
    assert answer.status_code == 200, answer.content
    assert answer.json()["deleted"] == 2 and answer.json()["updated"] == 1
    assert stored() == [(year(2020), 1.0)]
    assert ModelLogEntry.objects.get(action="vahti.indicator.values").data["replace"] is True


def test_a_dry_run_counts_but_saves_and_logs_nothing(client, open_plan, token):
    body = {"values": [{"date": "2030", "value": 5}], "dry_run": True}
    answer = send(client, "put", VALUES, body, token)
    assert answer.json()["created"] == 1 and answer.json()["deleted"] == 3
    assert answer.json()["dry_run"] is True
    assert len(stored()) == 3
    assert not ModelLogEntry.objects.filter(action="vahti.indicator.values").exists()


def test_bad_values_save_nothing_and_each_problem_is_named_as_in_the_admin(
    client, open_plan, token
):
    body = {
        "values": [
            {"date": "2023", "value": 1},
            {"date": "2024-06-30", "value": 2},  # not the end of a year
            {"date": "2025", "value": "lots"},
            {"date": "2026", "value": 3, "dimension": "sector", "category": "nope"},
            {"date": "2023", "value": 4},  # twice
        ]
    }
    answer = send(client, "post", VALUES, body, token)

    assert answer.status_code == 400
    problems = {e["parameter"]: e["message"] for e in answer.json()["errors"]}
    assert answer.json()["detail"] == "Nothing was saved: 4 problems in values."
    indicator = Indicator.objects.get(identifier="ghg")
    translation.activate("en")  # the answers' language (no Accept-Language: English)
    assert problems == {
        "values[1].date": periods.off_period_message(datetime.date(2024, 6, 30), "year"),
        "values[2].value": NOT_A_NUMBER_MESSAGE % {"text": "lots"},
        "values[3].category": "The dimension “sector” has no category “nope”.",
        "values[4].date": "2023 appears twice (also on row 0).",
    }
    # The admin's CSV upload says the same of the same row.
    from vahti.indicators.value_rows import ValuesRejected, parse_values_csv

    with pytest.raises(ValuesRejected) as admin:
        parse_values_csv(indicator, "date,value\n2024-06-30,2\n2025,lots\n")
    assert [p.message for p in admin.value.problems] == [
        problems["values[1].date"],
        problems["values[2].value"],
    ]
    assert len(stored()) == 3
    assert not ModelLogEntry.objects.filter(action="vahti.indicator.values").exists()


def test_values_outside_the_indicators_range_are_refused(client, open_plan, token):
    indicator = Indicator.objects.get(identifier="ghg")
    Indicator.objects.filter(pk=indicator.pk).update(minimum_value=0)
    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": -5}]}, token)
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameter"] == "values[0].value"
    assert len(stored()) == 3


def test_malformed_bodies_get_a_400_naming_the_field(client, open_plan, token):
    answer = send(client, "post", VALUES, {"values": [{"value": 1}]}, token)
    assert answer.status_code == 400
    assert "values.0.date" in answer.json()["detail"]
    answer = client.post(
        VALUES, data="{not json", content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert answer.status_code == 400
    assert answer.json()["detail"] == "The request's body is not JSON: send JSON in UTF-8."
    too_many = {"values": [{"date": "2023", "value": 1}] * 20_001}
    answer = send(client, "post", VALUES, too_many, token)
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameter"] == "values"
    huge = '{"values": [' + ",".join(['{"date": "2023", "value": 1}'] * 250_000) + "]}"
    answer = client.post(
        VALUES, data=huge, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("The request is too large: at most 6 MB.")
    assert len(stored()) == 3


@pytest.mark.parametrize(
    ("item", "parameter", "words"),
    [
        ({"date": "2023", "value": True}, "values.0.value", "valid number"),  # not 1
        ({"date": "2023", "value": False}, "values.0.value", "valid number"),  # not 0
        ({"date": "\u0662\u0660\u0662\u0663", "value": 1}, "values[0].date", "is not a date"),
        ({"date": "\uff12\uff10\uff12\uff13", "value": 1}, "values[0].date", "is not a date"),
        ({"date": "2023-\u0661\u0662-31", "value": 1}, "values[0].date", "is not a date"),
        ({"date": "2023", "value": "\u0665"}, "values[0].value", "is not a number"),
        ({"date": "2023", "value": "1\u0660,5"}, "values[0].value", "is not a number"),
    ],
)
def test_only_numbers_and_ascii_digits_are_taken_as_numbers_and_dates(
    client, open_plan, token, item, parameter, words
):
    """JSON true is not the number 1, and ٢٠٢٣ or ２０２３ is not the year 2023."""
    answer = send(client, "post", VALUES, {"values": [item]}, token)
    assert answer.status_code == 400, answer.content
    body = answer.json()
    named = [e["parameter"] for e in body.get("errors", [])] + [body["detail"]]
    assert any(parameter in text for text in named), body
    assert words in json.dumps(body, ensure_ascii=False), body
    assert len(stored()) == 3
    goals = list(IndicatorGoal.objects.values_list("date", "value"))
    goal = send(client, "put", GOALS, {"goals": [{"date": "2035", "value": True}]}, token)
    assert goal.status_code == 400 and "goals.0.value" in goal.json()["detail"]
    assert list(IndicatorGoal.objects.values_list("date", "value")) == goals


def test_goals_are_replaced_checked_and_logged(client, open_plan, token):
    answer = send(client, "put", GOALS, {"goals": [{"date": "2035", "value": 0}]}, token)
    assert answer.status_code == 200, answer.content
    assert answer.json() == {"indicator": "ghg", "dry_run": False, "changed": True, "goals": 1}
    assert list(IndicatorGoal.objects.values_list("date", "value")) == [(year(2035), 0.0)]
    entry = ModelLogEntry.objects.get(action="vahti.indicator.goals")
    with translation.override("en"):
        assert entry.message == "Goals changed through the API token “Energy feed”"

    again = send(client, "put", GOALS, {"goals": [{"date": "2035", "value": 0}]}, token)
    assert again.json()["changed"] is False
    assert ModelLogEntry.objects.filter(action="vahti.indicator.goals").count() == 1

    bad = send(
        client,
        "put",
        GOALS,
        {
            "goals": [
                {"date": "2040", "value": 1, "scenario": "dream"},
                {"date": "2040-05", "value": 1},
            ]
        },
        token,
    )
    assert bad.status_code == 400
    assert {e["parameter"] for e in bad.json()["errors"]} == {"goals[0].scenario", "goals[1].date"}
    assert bad.json()["errors"][0]["message"] == "The plan has no scenario “dream”."
    dry = send(client, "put", GOALS, {"goals": [], "dry_run": True}, token)
    assert dry.json()["changed"] is True
    assert IndicatorGoal.objects.count() == 1


@pytest.mark.parametrize("header", [None, "Bearer vahti_wrong", "Basic Zm9vOmJhcg=="])
def test_without_a_good_token_nothing_is_written(client, open_plan, header):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": 1}]}, **headers)
    assert answer.status_code == 401
    assert answer["WWW-Authenticate"].startswith("Bearer")
    if header == "Bearer vahti_wrong":
        assert answer.json()["detail"] == (
            "The API token is not known: check that it was copied whole."
        )
    else:
        assert "API token" in answer.json()["detail"]
    assert len(stored()) == 3


def test_a_logged_in_admin_still_needs_a_token(client, open_plan, admin):
    from vahti.access.models import Role

    Role.objects.create(user=admin, plan=open_plan.plan, kind="plan_admin")
    client.force_login(admin)
    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": 1}]})
    assert answer.status_code == 401


def test_revoked_and_expired_tokens_are_refused_by_name(client, open_plan, admin):
    token, secret = api_token_create(open_plan.plan, name="Old feed", user=admin)
    api_token_revoke(token, user=admin)
    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": 1}]}, secret)
    assert answer.status_code == 401
    assert answer.json()["detail"] == "The API token “Old feed” has been revoked."

    soon = timezone.now() + datetime.timedelta(seconds=1)
    expiring, secret = api_token_create(open_plan.plan, name="Trial", user=admin, expires_at=soon)
    ApiToken.objects.filter(pk=expiring.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": 1}]}, secret)
    assert answer.json()["detail"] == "The API token “Trial” has expired."
    assert len(stored()) == 3


def test_a_token_writes_only_its_own_plans_indicators(client, open_plan, admin):
    other = PlanFactory(identifier="muu")
    make_indicator(other, "ghg", values=[(2020, 1)])
    make_indicator(other, "only-there")
    _token, secret = api_token_create(other, name="Other city", user=admin)

    answer = send(client, "post", VALUES, {"values": [{"date": "2023", "value": 9}]}, secret)
    assert answer.status_code == 200
    assert IndicatorValue.objects.filter(indicator__plan=other).count() == 2
    assert IndicatorValue.objects.filter(indicator__plan=open_plan.plan).count() == 3

    _mine, my_secret = api_token_create(open_plan.plan, name="Mine", user=admin)
    answer = send(
        client, "post", "/api/v1/indicators/only-there/values/",
        {"values": [{"date": "2023", "value": 9}]}, my_secret,
    )  # fmt: skip
    assert answer.status_code == 404
    assert answer.json()["detail"] == "The plan “hnh” has no indicator “only-there”."


def test_a_token_reaches_the_plans_internal_indicators_too(client, open_plan, token):
    answer = send(
        client, "post", "/api/v1/indicators/secret/values/",
        {"values": [{"date": "2023", "value": 9}]}, token,
    )  # fmt: skip
    assert answer.status_code == 200
    # …and they stay out of the public API.
    assert client.get("/api/v1/indicators/secret/").status_code == 404


def test_writes_are_not_offered_to_other_sites(client, open_plan, token):
    preflight = client.options(
        VALUES,
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "PUT" not in preflight["Access-Control-Allow-Methods"]
    assert "authorization" not in preflight["Access-Control-Allow-Headers"].lower()
    answer = send(
        client, "post", VALUES, {"values": [{"date": "2023", "value": 1}]}, token,
        HTTP_ORIGIN="https://elsewhere.example",
    )  # fmt: skip
    assert answer.status_code == 200
    assert "Access-Control-Allow-Origin" not in answer


def test_writes_are_rate_limited_per_token(client, open_plan, token, settings):
    settings.API_RATE_LIMIT = 2
    body = {"values": [{"date": "2023", "value": 1}]}
    assert [send(client, "post", VALUES, body, token).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]


def test_only_the_digest_of_a_secret_is_stored(open_plan, admin):
    token, secret = api_token_create(open_plan.plan, name="  Two   words ", user=admin)
    assert secret.startswith("vahti_") and len(secret) > 40
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in json.dumps(row, default=str)
    assert row["digest"] == token_digest(secret)
    assert row["name"] == "Two words"
    assert secret.startswith(row["prefix"]) and len(row["prefix"]) < len(secret) / 3
    created = ModelLogEntry.objects.get(action="vahti.api_token.create")
    assert secret not in json.dumps(created.data)


def test_the_document_describes_the_writes_and_their_token(client, db):
    document = client.get("/api/v1/openapi.json").json()
    post = document["paths"]["/api/v1/indicators/{identifier}/values/"]["post"]
    assert post["security"] == [{"PlanToken": []}]
    assert document["components"]["securitySchemes"]["PlanToken"]["scheme"] == "bearer"
    assert {"200", "400", "401", "404"} <= set(post["responses"])
    assert "put" in document["paths"]["/api/v1/indicators/{identifier}/goals/"]
