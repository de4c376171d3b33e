"""Answers are compressed for clients that accept gzip: pages (from the page cache too),
the API's JSON and the CSV downloads; conditional requests still get their 304s."""

from __future__ import annotations

import gzip

import pytest

from tests.factories import make_action
from vahti.core.compression import compressible

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def actions(plan, status):
    for number in range(1, 4):
        make_action(plan, str(number), name_fi=f"Pyöräilyn edistäminen {number}", status=status)


def vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


@pytest.mark.usefixtures("actions")
def test_a_page_is_compressed_for_a_client_that_accepts_gzip_and_plain_for_others(client):
    plain = client.get("/actions/")
    assert plain.status_code == 200 and not plain.has_header("Content-Encoding")
    assert "accept-encoding" in vary(plain)
    assert "Pyöräilyn edistäminen 2" in plain.content.decode()

    # From the page cache now, compressed all the same (each time anew: random padding).
    for _time in range(2):
        packed = client.get("/actions/", **GZIP)
        assert packed["X-Vahti-Cache"] == "hit"
        assert packed["Content-Encoding"] == "gzip"
        assert "accept-encoding" in vary(packed)
        assert gzip.decompress(packed.content) == plain.content
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)


@pytest.mark.usefixtures("actions")
def test_a_page_first_rendered_for_gzip_is_kept_plain_in_the_cache(client):
    packed = client.get("/actions/1/", **GZIP)
    assert packed["X-Vahti-Cache"] == "miss" and packed["Content-Encoding"] == "gzip"
    plain = client.get("/actions/1/")
    assert plain["X-Vahti-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content == gzip.decompress(packed.content)


@pytest.mark.usefixtures("actions")
def test_a_compressed_page_revalidates_with_its_weak_etag(client):
    packed = client.get("/actions/", **GZIP)
    assert packed["ETag"].startswith('W/"')
    again = client.get("/actions/", HTTP_IF_NONE_MATCH=packed["ETag"], **GZIP)
    assert again.status_code == 304 and again.content == b""
    plain = client.get("/actions/")
    assert client.get("/actions/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


@pytest.mark.usefixtures("actions")
def test_the_api_compresses_its_json_and_still_answers_304(client):
    plain = client.get("/api/v1/actions/")
    packed = client.get("/api/v1/actions/", **GZIP)
    assert packed.status_code == 200 and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert {"accept-encoding", "accept-language"} <= vary(packed)
    assert packed["ETag"] == f"W/{plain['ETag']}"
    again = client.get("/api/v1/actions/", HTTP_IF_NONE_MATCH=packed["ETag"], **GZIP)
    assert again.status_code == 304


@pytest.mark.usefixtures("actions")
def test_the_csv_download_streams_compressed(client):
    plain = client.get("/en/actions.csv")
    packed = client.get("/en/actions.csv", **GZIP)
    assert packed.streaming and packed["Content-Encoding"] == "gzip"
    assert not packed.has_header("Content-Length")
    text = gzip.decompress(b"".join(packed.streaming_content)).decode("utf-8")
    assert text == b"".join(plain.streaming_content).decode("utf-8")
    assert "Pyöräilyn edistäminen 3" in text


def test_only_text_is_compressed():
    for content_type in (
        "text/html; charset=utf-8",
        "text/csv; charset=utf-8",
        "application/json",
        "application/atom+xml; charset=utf-8",
        "text/calendar",
        "image/svg+xml",
    ):
        assert compressible(content_type), content_type
    for content_type in ("image/png", "image/jpeg", "application/pdf", "", "application/zip"):
        assert not compressible(content_type), content_type
    assert not compressible("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def test_the_admin_is_never_compressed(admin_client, plan):
    """Its pages show what only their user may see beside words from the address: the
    two things BREACH needs."""
    response = admin_client.get("/admin/snippets/actions/action/?q=salaisuus", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"salaisuus" in response.content


@pytest.mark.usefixtures("actions")
def test_a_304_and_a_head_answer_vary_by_accept_encoding_as_the_page_does(client):
    # A shared cache that keeps the 304's or the HEAD's headers must not lose the page's
    # Vary: without it, a gzip copy could be given to a client that cannot read it.
    packed = client.get("/actions/", **GZIP)
    assert "accept-encoding" in vary(packed)
    again = client.get("/actions/", HTTP_IF_NONE_MATCH=packed["ETag"], **GZIP)
    assert again.status_code == 304 and "accept-encoding" in vary(again)
    head = client.head("/actions/", **GZIP)
    assert head.status_code == 200 and head.content == b""
    assert "accept-encoding" in vary(head)
    api = client.get("/api/v1/actions/", **GZIP)
    api_again = client.get("/api/v1/actions/", HTTP_IF_NONE_MATCH=api["ETag"], **GZIP)
    assert api_again.status_code == 304 and "accept-encoding" in vary(api_again)


@pytest.mark.usefixtures("actions")
def test_a_head_request_for_a_streamed_download_is_answered(client):
    head = client.head("/en/actions.csv", **GZIP)
    assert head.status_code == 200 and "accept-encoding" in vary(head)
    assert head["Content-Type"].startswith("text/csv")
