"""The OpenAPI document is valid and every endpoint answers as it says: schemathesis
generates requests from the document (good and bad parameters alike) and checks each
answer's status, headers and body against it, against the real app and database."""

import json

import jsonschema
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from vahti.api.api import api

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()
# Requests that fit the document and requests that do not (bad types, out of range):
# each must get the answer the document promises. Deterministic, so a run is repeatable.
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], deterministic=True
)
# A body beyond the size limit is refused with 413 (too large) before it is read.
rejection = schema.config.checks.negative_data_rejection
rejection.expected_statuses = [*rejection.expected_statuses, "413"]


@pytest.fixture
def wsgi_requests(open_plan):
    """Requests through the real WSGI handler, inside the test's transaction: like
    Django's test client, it must not close the connection when a request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


# schemathesis asks for gzip but, calling the app directly (WSGI), reads the body as it
# comes: answers are asked for uncompressed (compression: tests/core/test_compression.py).
PLAIN = {"Accept-Encoding": "identity"}


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_document(case, wsgi_requests):
    # A filter naming a status, category, … that the plan does not have is answered
    # 400 with the known identifiers (tested in test_read_api): well-formed, but not
    # "valid data" for this plan, which the generator cannot know.
    case.call_and_validate(headers=PLAIN, excluded_checks=[positive_data_acceptance])


def test_the_document_is_valid_openapi(client, db):
    from schemathesis.specs.openapi import definitions  # noqa: F401 (the meta-schemas)

    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert document == json.loads(json.dumps(api.get_openapi_schema()))
    meta = schemathesis.openapi.from_dict(document)
    meta.validate()
    assert {"/api/v1/actions/", "/api/v1/plans/{identifier}/document.json"} <= set(
        document["paths"]
    )


def test_the_plan_document_matches_its_published_schema(client, open_plan):
    schema_document = client.get("/api/v1/plan-document.schema.json").json()
    jsonschema.Draft202012Validator.check_schema(schema_document)
    # A file, sent as it is read.
    response = client.get("/api/v1/plans/hnh/document.json")
    document = json.loads(b"".join(response.streaming_content))
    jsonschema.Draft202012Validator(schema_document).validate(document)
    assert [a["identifier"] for a in document["actions"]] == ["1", "2"]
    assert [i["identifier"] for i in document["indicators"]] == ["ghg"]
    assert len(document["indicators"][0]["values"]) == 3
    assert document["news_posts"][0]["title"] == {"fi": "Baana avattiin"}


@schema.include(method=["POST", "PUT"]).parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_write_answer_matches_the_document(case, wsgi_requests, open_plan):
    """The writes again, with a good token: checked, refused or saved, each answer is
    the one documented."""
    from vahti.access.services import api_token_create

    _token, secret = api_token_create(open_plan.plan, name="schemathesis", user=None)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {secret}", **PLAIN},
        excluded_checks=[positive_data_acceptance],
    )
