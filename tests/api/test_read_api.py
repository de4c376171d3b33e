"""The public read API: what it gives, how it pages and filters, its errors and its
HTTP behaviour (conditional GET, CORS, rate limit)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_action
from vahti.actions.models import Action
from vahti.actions.services import action_update


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_plans_with_their_lists(client, open_plan):
    [plan] = get(client, "/api/v1/plans/")
    assert plan["identifier"] == "hnh"
    assert plan["name"] == {"fi": "Hiilineutraali Helsinki", "sv": "Kolneutralt"}
    assert plan["languages"] == ["fi", "sv", "en"]
    assert plan["url"] == "http://testserver/"
    assert [s["identifier"] for s in plan["statuses"]] == ["on_time", "late"]
    assert [t["identifier"] for t in plan["category_types"]] == ["theme"]
    assert get(client, "/api/v1/plans/hnh/") == plan


def test_an_action_with_everything_public_about_it(client, open_plan):
    action = get(client, "/api/v1/actions/1/")
    assert action["url"] == "http://testserver/actions/1/"
    assert action["name"] == {"fi": "Pyöräilyn edistäminen", "sv": "Främjande av cykling"}
    assert action["description"] == {"fi": "<p>Kuvaus </p>"}  # sanitised
    assert (action["status"], action["implementation_phase"], action["impact"]) == (
        "on_time",
        "implementation",
        "high",
    )
    assert action["schedules"] == ["2020-2022"]
    assert action["categories"] == [{"type": "theme", "identifier": "pyoraily"}]
    assert action["responsible_organizations"] == [
        {"organization": "liikenne", "role": "primary"},
        {"organization": "kasko", "role": "collaborator"},
    ]
    assert action["contact_persons"] == [
        {
            "first_name": "Mikko",
            "last_name": "Martikka",
            "title": {"fi": "erityissuunnittelija"},
            "organization": "liikenne",
            "role": "contact",
        }
    ]
    assert [
        (t["name"]["fi"], t["state"], t["due_at"], t["completed_at"]) for t in action["tasks"]
    ] == [
        ("Baana valmis", "completed", "2025-01-01", "2025-01-05"),
        ("Uudet reitit", "not_started", "2027-06-01", None),
    ]
    assert action["related_actions"] == ["2"]  # listed on 2, shown on both
    assert get(client, "/api/v1/actions/2/")["related_actions"] == ["1"]
    assert "internal_notes" not in action


def test_the_action_list_pages_in_the_plans_order(client, open_plan):
    for number in range(5, 12):
        make_action(open_plan.plan, str(number))
    first = get(client, "/api/v1/actions/?page_size=4")
    assert first["count"] == 9  # 1, 2 and 5–11: not the internal or unpublished ones
    assert [a["identifier"] for a in first["results"]] == ["1", "2", "5", "6"]
    assert first["previous"] is None
    second = get(client, first["next"])
    assert [a["identifier"] for a in second["results"]] == ["7", "8", "9", "10"]
    third = get(client, second["next"])
    assert [a["identifier"] for a in third["results"]] == ["11"]
    assert third["next"] is None
    assert get(client, third["previous"]) == second


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=liikenne", ["1", "2"]),  # the theme and the one below it
        ("category=pyoraily", ["1"]),
        ("organization=kymp", ["1"]),  # the division: its unit's actions
        ("organization=kasko", ["1", "2"]),
        ("organization=kasko&primary_only=true", ["2"]),
        ("status=late", ["2"]),
        ("phase=implementation", ["1"]),
        ("schedule=2020-2022", ["1"]),
        ("impact=high", ["1"]),
        ("q=pyöräily", ["1"]),
        ("q=kävely&status=late", ["2"]),
        ("q=kävely&status=on_time", []),
    ],
)
def test_filters_like_the_action_list(client, open_plan, query, expected):
    page = get(client, f"/api/v1/actions/?{query}")
    assert [a["identifier"] for a in page["results"]] == expected
    assert page["count"] == len(expected)


@pytest.mark.parametrize(
    ("url", "status", "parameter", "words"),
    [
        ("/api/v1/actions/?status=nope", 400, "status", "“nope”; known: on_time, late"),
        ("/api/v1/actions/?category=nope", 400, "category", "“nope”; known: liikenne, pyoraily"),
        ("/api/v1/actions/?category_type=nope", 400, "category_type", "“nope”; known: theme"),
        ("/api/v1/actions/?organization=nope", 400, "organization", "“nope”"),
        ("/api/v1/actions/?page=zero", 400, "page", "valid integer"),
        ("/api/v1/actions/?page_size=501", 400, "page_size", "less than or equal to 500"),
        ("/api/v1/actions/?page=3", 404, "page", "Out of range"),
        ("/api/v1/news/?action=3", 400, "action", "Unknown action"),  # internal
    ],
)
def test_bad_parameters_are_named(client, open_plan, url, status, parameter, words):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert [e["parameter"] for e in body["errors"]] == [parameter]
    assert words in body["errors"][0]["message"]
    assert body["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/actions/3/",  # internal
        "/api/v1/actions/4/",  # never published
        "/api/v1/actions/404/",
        "/api/v1/indicators/secret/",
        "/api/v1/plans/nope/",
        "/api/v1/actions/?plan=nope",
    ],
)
def test_what_is_not_public_is_not_found(client, open_plan, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_messages_follow_accept_language(client, open_plan):
    english = client.get("/api/v1/actions/?status=nope").json()["detail"]
    finnish = client.get("/api/v1/actions/?status=nope", headers={"Accept-Language": "fi"})
    assert english == "Bad parameter status: there is no “nope”."
    assert finnish["Content-Language"] == "fi"
    assert finnish.json()["detail"] != english


def test_another_plan_by_its_identifier(client, open_plan, other_plan):
    make_action(other_plan, "X1", name_fi="Toisen suunnitelman")
    assert [a["identifier"] for a in get(client, "/api/v1/actions/?plan=other")["results"]] == [
        "X1"
    ]
    assert client.get("/api/v1/actions/1/?plan=other").status_code == 404
    assert {p["identifier"] for p in get(client, "/api/v1/plans/")} == {"hnh", "other"}


def test_categories_organisations_and_news(client, open_plan):
    categories = get(client, "/api/v1/categories/")
    assert [(c["identifier"], c["parent"]) for c in categories] == [
        ("liikenne", None),
        ("pyoraily", "liikenne"),
    ]
    assert get(client, "/api/v1/categories/?type=theme") == categories
    organizations = get(client, "/api/v1/organizations/")
    assert {(o["identifier"], o["parent"]) for o in organizations} == {
        ("kymp", None),
        ("liikenne", "kymp"),
        ("kasko", None),
    }
    news = get(client, "/api/v1/news/")
    assert news["count"] == 1
    assert news["results"][0] == {
        "action": "1",
        "title": {"fi": "Baana avattiin"},
        "published_on": "2025-01-08",
        "author": "Mikko Martikka",
        "body": {"fi": "<p>Hienoa.</p>"},
    }
    assert get(client, "/api/v1/news/?action=2")["count"] == 0


def test_indicators_with_goals_and_values(client, open_plan):
    [indicator] = get(client, "/api/v1/indicators/")  # not the internal one
    assert indicator["identifier"] == "ghg"
    assert indicator["goals"] == [
        {"date": "2030-12-31", "value": 1000.0, "scenario": None},
        {"date": "2035-12-31", "value": 500.0, "scenario": None},
    ]
    assert indicator["latest_value"] == {
        "date": "2021-12-31",
        "value": 2300.0,
        "dimension": None,
        "category": None,
    }
    assert indicator["actions"] == [
        {"action": "1", "effect": "decreases", "indicates_progress": False}
    ]
    detail = get(client, "/api/v1/indicators/ghg/")
    assert [(v["date"], v["value"]) for v in detail["values"]] == [
        ("2019-12-31", 2630.5),
        ("2020-12-31", 2400.0),
        ("2021-12-31", 2300.0),
    ]


def test_an_unchanged_answer_is_304_and_a_publication_changes_it(client, open_plan):
    first = client.get("/api/v1/actions/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified and "no-cache" in first["Cache-Control"]
    again = client.get("/api/v1/actions/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/actions/", headers={"If-Modified-Since": modified})
    assert since.status_code == 304

    action_update(Action.objects.get(plan=open_plan.plan, identifier="1"), name_fi="Uusi nimi")
    changed = client.get("/api/v1/actions/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["results"][0]["name"]["fi"] == "Uusi nimi"


def test_a_draft_changes_nothing_public(client, open_plan):
    before = client.get("/api/v1/actions/")
    action_update(
        Action.objects.get(plan=open_plan.plan, identifier="1"), name_fi="Luonnos", publish=False
    )
    after = client.get("/api/v1/actions/", headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 304


def test_any_site_may_read_it(client, open_plan):
    response = client.get("/api/v1/actions/", headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/actions/",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert preflight["Access-Control-Allow-Origin"] == "*"


def test_too_many_requests_get_a_clear_429(client, open_plan, settings):
    settings.API_RATE_LIMIT = 3
    address = "198.51.100.7"  # a client of its own: the counts are per client
    answers = [client.get("/api/v1/plans/", REMOTE_ADDR=address) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    refused = answers[-1]
    seconds = int(refused["Retry-After"])
    assert 1 <= seconds <= 60
    assert refused.json()["detail"] == (
        f"Too many requests: at most 3 a minute from one client. Try again in {seconds} seconds."
    )
    assert client.get("/api/v1/plans/", REMOTE_ADDR="198.51.100.8").status_code == 200


def test_the_list_costs_the_same_queries_for_any_number_of_actions(client, open_plan):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/actions/?page_size=500").status_code == 200
        return len(captured)

    few = queries()
    for number in range(10, 60):
        make_action(
            open_plan.plan,
            str(number),
            status=open_plan.status,
            categories=[open_plan.theme],
            responsible_parties=[(open_plan.unit, "primary")],
            tasks=[{"name_fi": "T", "due_at": datetime.date(2030, 1, 1)}],
        )
    assert queries() == few <= 14


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/categories/?type=a%00b",
        "/api/v1/actions/%00/",
        "/api/v1/actions/?q=%00",
    ],
)
def test_a_nul_character_is_a_bad_parameter(client, open_plan, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "holds a NUL character" in response.json()["detail"]


def test_a_nul_character_on_the_site_is_a_bad_request(client, open_plan):
    response = client.get("/actions/?q=a%00")
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_the_workbook_and_its_sheets_come_from_the_api_too(client, open_plan):
    workbook = client.get("/api/v1/plans/hnh/plan.xlsx")
    assert workbook.status_code == 200
    assert workbook["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert workbook.content == client.get("/data/plan.xlsx").content
    assert workbook["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/plans/hnh/plan.xlsx", HTTP_IF_NONE_MATCH=workbook["ETag"])
    assert again.status_code == 304

    for sheet in ("actions", "tasks", "indicators", "goals", "values"):
        answer = client.get(f"/api/v1/plans/hnh/{sheet}.csv")
        assert answer.status_code == 200, sheet
        assert answer["Content-Type"] == "text/csv; charset=utf-8"
        assert answer.content == client.get(f"/data/{sheet}.csv").content
        assert answer["Last-Modified"]
    actions = client.get("/api/v1/plans/hnh/actions.csv").content.decode("utf-8-sig")
    assert actions.splitlines()[0].startswith("identifier,")
    assert "Pyöräilyn edistäminen" in actions


def test_downloads_of_unknown_plans_and_sheets_are_refused_clearly(client, open_plan):
    answer = client.get("/api/v1/plans/nope/plan.xlsx")
    assert answer.status_code == 404
    assert answer.json()["detail"].startswith("There is no plan “nope”")
    answer = client.get("/api/v1/plans/hnh/people.csv")
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameter"] == "sheet"
