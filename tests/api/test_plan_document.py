"""The plan document is built once per version of the plan's data, batch by batch, into a
file served with its ETag: the same content as the document built in one piece, a 304
for a client that has it, a new ETag and content after a change, and queries that grow
with the batches, not the actions."""

import json

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from ninja.responses import NinjaJSONEncoder

from vahti.actions.models import Action
from vahti.actions.services import action_update
from vahti.api import data, document, schemas
from vahti.demo.generate import generate_plan
from vahti.demo.generate_indicators import generate_indicators
from vahti.plans.models import Plan


@pytest.fixture(autouse=True)
def documents_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def fetch(client, identifier: str, **headers):
    response = client.get(f"/api/v1/plans/{identifier}/document.json", **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def built_in_one_piece(identifier: str) -> dict:
    """The document as the API answered it before: one dict, validated by its schema and
    rendered by ninja."""
    plan = Plan.objects.get(identifier=identifier)
    request = RequestFactory().get("/")
    whole = data.plan_document(data.Context(plan, data.site_address(plan, request)))
    rendered = schemas.PlanDocument.model_validate(whole).model_dump()
    return json.loads(json.dumps(rendered, cls=NinjaJSONEncoder))


@pytest.mark.django_db
def test_the_document_has_the_content_it_had_when_built_in_one_piece(client, open_plan):
    response, body = fetch(client, "hnh")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(body) == built_in_one_piece("hnh")


@pytest.mark.django_db
def test_a_generated_plan_written_in_small_batches_is_the_same_document(client, monkeypatch):
    generate_indicators(generate_plan("gen", 30), count=5, values=40)
    monkeypatch.setattr(document, "BATCH", 7)
    monkeypatch.setattr(document, "INDICATOR_BATCH", 2)
    _response, body = fetch(client, "gen")
    found = json.loads(body)
    assert found == built_in_one_piece("gen")
    assert len(found["actions"]) == Action.objects.filter(plan__identifier="gen").public().count()
    assert found["news_posts"] and len(found["indicators"]) == 5
    assert any(value["category"] for value in found["indicators"][0]["values"])


@pytest.mark.django_db
def test_a_client_with_the_current_document_gets_304_until_the_plan_changes(client, open_plan):
    first, body = fetch(client, "hnh")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    again, again_body = fetch(client, "hnh", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again_body == b""
    assert again["ETag"] == etag

    action = Action.objects.get(plan=open_plan.plan, identifier="1")
    action_update(action, user=None, name_fi="Uusi nimi ykköselle")

    changed, changed_body = fetch(client, "hnh", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    names = {a["identifier"]: a["name"]["fi"] for a in json.loads(changed_body)["actions"]}
    assert names["1"] == "Uusi nimi ykköselle"
    assert "Uusi nimi ykköselle" not in body.decode()


@pytest.mark.django_db
def test_the_document_reads_the_same_queries_for_10_and_60_actions(client):
    generate_plan("small", 10)
    generate_plan("large", 60)
    counts, documents = {}, {}
    for identifier in ("small", "large"):
        with CaptureQueriesContext(connection) as captured:
            response, body = fetch(client, identifier)
        assert response.status_code == 200
        counts[identifier] = len(captured)
        documents[identifier] = json.loads(body)
    assert counts["small"] == counts["large"]
    # Each plan its own document: nothing of the other's.
    assert documents["small"]["plan"]["identifier"] == "small"
    assert len(documents["small"]["actions"]) < 10 < len(documents["large"]["actions"])
    # From the file: the plan and its version only.
    with CaptureQueriesContext(connection) as captured:
        fetch(client, "large")
    assert len(captured) < counts["large"]
