"""Scale-out: two app servers (gunicorn, as ``make serve`` runs it) on loopback against
the same PostgreSQL database and Redis. A change published through one is shown by the
other on the very next request, though both cache pages; a session begun on one works on
the other; the reminders, run by both at once, are sent once."""

from __future__ import annotations

import datetime
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.conftest import needs_database_server
from tests.editing.conftest import form_data
from tests.factories import PersonFactory, make_action, task

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"


pytestmark = [
    pytest.mark.django_db(transaction=True),
    needs_database_server,
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    s = connection.settings_dict
    return (
        f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:"
        f"{s['PORT'] or 5432}/{s['NAME']}"
    )


@pytest.fixture
def environment(tmp_path, redis_url):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "scale-out-test-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,vahti.test",
        "SECURE_COOKIES": "false",
        "STATIC_MANIFEST": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        # This run's own keys, whatever else the Redis server holds.
        "CACHE_KEY_PREFIX": f"vahti-test-{uuid.uuid4().hex}",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "tests.notifications.mailboxes.Appending",
        "VAHTI_TEST_MAILBOX": str(tmp_path / "mailbox.jsonl"),
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }


@pytest.fixture
def servers(environment, tmp_path):
    """Two gunicorn servers, each its own process tree; their addresses."""
    started = []
    for name in ("a", "b"):
        port = free_port()
        log = (tmp_path / f"{name}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:vahti.gunicorn_conf", "vahti.wsgi"],
            cwd=ROOT,
            env={**environment, "BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append((process, f"http://127.0.0.1:{port}", tmp_path / f"{name}.log"))
    try:
        for process, address, log in started:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    pytest.fail(f"the server at {address} stopped:\n{log.read_text()}")
                try:
                    if requests.get(f"{address}/healthz", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"the server at {address} did not start:\n{log.read_text()}")
                time.sleep(0.2)
        yield [address for _process, address, _log in started]
    finally:
        for process, _address, _log in started:
            process.terminate()
        for process, _address, _log in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_two_servers_share_pages_sessions_and_jobs(world, servers, environment, tmp_path):
    a, b = servers
    admin = world.users["plan_admin"]
    # Hashed as the servers' settings expect (the tests' own hasher is a fast one).
    hasher = PBKDF2PasswordHasher()
    admin.password = hasher.encode(PASSWORD, hasher.salt())
    admin.save()

    # Both serve the site's address (a balancer in front passes its Host on), and the
    # second asked gets the first one's rendering.
    site = {"Host": "vahti.test"}
    first = requests.get(f"{a}/actions/126/", headers=site, timeout=30)
    assert first.status_code == 200 and first.headers["X-Vahti-Cache"] == "miss"
    assert "Elinkeinopolitiikka ja päästövähennykset" in first.text
    second = requests.get(f"{b}/actions/126/", headers=site, timeout=30)
    assert second.headers["X-Vahti-Cache"] == "hit"

    # Signed in on A …
    editor = requests.Session()
    editor.headers.update(site)
    login = editor.get(f"{a}/admin/login/", timeout=30)
    fields = form_data(login.text)
    fields.update(username=["plan_admin"], password=[PASSWORD])
    signed_in = editor.post(f"{a}/admin/login/", data=fields, timeout=30)
    assert signed_in.status_code == 200 and "/admin/logout/" in signed_in.text
    # … the same session works on B: the edit form, and publishing from it.
    edit = f"/admin/snippets/actions/action/edit/{world.action_126.pk}/"
    page = editor.get(f"{b}{edit}", timeout=30)
    assert page.status_code == 200 and "w-editor-form" in page.text
    assert "X-Vahti-Cache" not in page.headers or page.headers["X-Vahti-Cache"] != "hit"
    fields = form_data(page.text, "w-editor-form")
    fields["name_fi"] = ["Elinkeinopolitiikka, päivitetty"]
    published = editor.post(
        f"{b}{edit}", data={**fields, "action-publish": ["publish"]}, timeout=30
    )
    assert published.status_code == 200 and published.url.endswith(
        "/admin/snippets/actions/action/"
    )

    # A shows it on the very next request, though it had the page cached.
    after = requests.get(f"{a}/actions/126/", headers=site, timeout=30)
    assert after.headers["X-Vahti-Cache"] == "miss"
    assert "Elinkeinopolitiikka, päivitetty" in after.text
    assert (
        requests.get(f"{b}/actions/126/", headers=site, timeout=30).headers["X-Vahti-Cache"]
        == "hit"
    )
    # Signed-in pages are never shared: the editor's public page comes fresh from B.
    own = editor.get(f"{b}/actions/126/", timeout=30)
    assert own.headers["X-Vahti-Cache"] == "bypass" and "private" in own.headers["Cache-Control"]

    # The background job, started beside each server at once, sends each reminder once.
    soon = datetime.date.today() + datetime.timedelta(days=7)
    for n in range(6):
        person = PersonFactory(plan=world.plan, email=f"person{n}@example.invalid")
        make_action(
            world.plan, f"J{n}", tasks=[task("Tehtävä", due=soon)],
            contact_persons=[(person, "contact")],
        )  # fmt: skip
    jobs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "send_reminders", "--plan", world.plan.identifier],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _server in servers
    ]
    for job in jobs:
        _out, errors = job.communicate(timeout=120)
        assert job.returncode == 0, errors
    mailbox = Path(environment["VAHTI_TEST_MAILBOX"])
    sent = Counter(json.loads(line)["to"][0] for line in mailbox.read_text().splitlines())
    assert {f"person{n}@example.invalid" for n in range(6)} <= set(sent)
    assert set(sent.values()) == {1}
