"""With Redis stopped, the API, logins and feedback still answer (the limits count in
each process's memory meanwhile, vahti.core.counters) and the failure is logged; nothing
answers 500. Runs a Redis server of its own and stops it: the shared one is never
touched. Without redis-server the test is skipped locally and fails in CI."""

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.test import Client

from tests.conftest import make_user
from tests.feedback.test_feedback import errors, send
from tests.notifications.conftest import town  # noqa: F401 (the plan, people and clock)
from vahti.env import REDIS_CACHE_OPTIONS
from vahti.feedback.models import Feedback

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("town")]
PLANS = "/api/v1/plans/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(settings):
    """A Redis server of this test's own, as the cache; the test stops it."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"redis-server did not start on port {port}")
                time.sleep(0.05)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": REDIS_CACHE_OPTIONS,
            }
        }
        yield server
    finally:
        server.kill()
        server.wait()


def stop(server) -> None:
    server.terminate()
    server.wait(timeout=10)


def test_the_api_logins_and_feedback_keep_answering_with_redis_stopped(own_redis, settings, caplog):
    settings.API_RATE_LIMIT = 3
    make_user("editori")
    assert Client().get(PLANS).status_code == 200
    stop(own_redis)

    with caplog.at_level(logging.WARNING, logger="vahti.limits"):
        api = Client(REMOTE_ADDR="198.51.100.7")
        answers = [api.get(PLANS) for _ in range(4)]
        # Answered, and still limited: in this process's own memory meanwhile.
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[0]["RateLimit-Remaining"] == "2"

        browser = Client()
        wrong = browser.post("/admin/login/", {"username": "editori", "password": "wrong"})
        assert wrong.status_code == 200 and "eivät täsmänneet" in wrong.content.decode()
        right = browser.post(
            "/admin/login/", {"username": "editori", "password": "a-long-test-password"}
        )
        assert right.status_code == 302

        sent = send(Client(), "/feedback/", message="Redis on poissa")
        assert sent.status_code == 302, errors(sent)
        assert Feedback.objects.filter(message="Redis on poissa").exists()

    warnings = [r.getMessage() for r in caplog.records if r.name == "vahti.limits"]
    assert any("Cache unavailable" in message for message in warnings)


@pytest.fixture
def silent_redis(settings):
    """A "Redis" that takes connections and never answers: a host gone mid-conversation."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(100)
    held = []

    def hold():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=hold, daemon=True).start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{listener.getsockname()[1]}/0",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    yield
    listener.close()
    for connection in held:
        connection.close()


def test_a_redis_that_does_not_answer_slows_the_api_and_logins_only_briefly(
    silent_redis, settings, caplog
):
    settings.API_RATE_LIMIT = 3
    make_user("editori")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="vahti.limits"):
        api = Client(REMOTE_ADDR="198.51.100.7")
        assert [api.get(PLANS).status_code for _ in range(4)] == [200, 200, 200, 429]
        right = Client().post(
            "/admin/login/", {"username": "editori", "password": "a-long-test-password"}
        )
        assert right.status_code == 302
    assert time.monotonic() - started < 15
    assert any("Cache unavailable" in r.getMessage() for r in caplog.records)


def test_the_configured_redis_cache_gives_up_on_a_silent_server():
    environ = {**os.environ, "DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6390/0"}
    environ["DJANGO_SETTINGS_MODULE"] = "vahti.settings"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['OPTIONS'])",
        ],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert run.stdout.strip() == str(REDIS_CACHE_OPTIONS), run.stderr
    assert REDIS_CACHE_OPTIONS["socket_timeout"] <= 2
