"""What running Vahti in production needs: a health check for the load balancer, logs a
collector can read, uploaded images served (documents only through their privacy
check), and the security headers of a production configuration."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import make_action
from vahti.core.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_the_health_check_reports_the_database_and_the_cache(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3")  # any host: probes use the IP
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    found = response.json()
    assert found["status"] == "ok"
    assert found["database"]["ok"] and found["cache"]["ok"]


def test_the_health_check_fails_naming_the_cache_when_it_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    found = response.json()
    assert found["status"] == "failing" and found["database"]["ok"]
    assert not found["cache"]["ok"] and "Connection" in found["cache"]["error"]
    assert client.post("/healthz").status_code == 405


def test_each_request_is_logged_once_as_one_json_object(client, plan, caplog):
    make_action(plan, "1")
    with caplog.at_level(logging.INFO, logger="vahti.request"):
        client.get("/actions/1/?q=private+words")
        client.get("/actions/1/")
    records = [r for r in caplog.records if r.name == "vahti.request"]
    # Two pages: the address with a query is another page.
    assert [(r.path, r.status, r.cache) for r in records] == [("/actions/1/", 200, "miss")] * 2
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["level"] == "INFO" and line["logger"] == "vahti.request"
    assert line["method"] == "GET" and line["status"] == 200 and line["duration_ms"] > 0
    assert "private" not in json.dumps(line)  # query strings can tell what someone read


def test_a_log_record_with_an_exception_stays_one_line():
    try:
        raise ValueError("rikki\nmonella rivillä")
    except ValueError:
        info = sys.exc_info()
    record = logging.LogRecord("vahti", logging.ERROR, __file__, 1, "failed", None, info)
    text = JsonFormatter().format(record)
    assert "\n" not in text and "ValueError" in json.loads(text)["exception"]


def test_uploaded_images_are_served_and_other_media_files_are_not(client, settings, tmp_path):
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100")
    response = client.get(rendition.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/media/documents/private.pdf").status_code == 404
    assert client.get("/media/images/../documents/private.pdf").status_code == 404
    assert client.post(rendition.url).status_code == 405


def test_https_answers_carry_hsts_under_production_settings(client, plan, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    make_action(plan, "1")
    response = client.get("/actions/1/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
