"""A request's database work stops at its time limit or when its client has gone
(vahti.core.timelimit): the page answers 503 and says so, the next request is served as
usual, and work outside requests (commands, the admin's background import) is not limited.

The slow query is real (SQLite counting through a recursive CTE, PostgreSQL's pg_sleep),
run by the action page through its selector."""

import json
import logging
import socket
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client, RequestFactory

from tests.core.test_env import start
from tests.factories import make_action
from vahti.actions import action_page
from vahti.core import timelimit

TOO_LONG_FI = "Sivun valmistelu kesti liian kauan. Yritä hetken kuluttua uudelleen."
TOO_LONG_EN = "The page took too long to prepare. Please try again in a moment."


def slow_query(seconds: float = 5.0) -> int:
    """A query that runs for about ``seconds`` unless it is stopped."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sleep(%s), 1", [seconds])
            return cursor.fetchone()[1]
        rows = int(seconds * 8_000_000)  # a few million rows a second
        cursor.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %s) "
            "SELECT count(*) FROM c",
            [rows],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def action(transactional_db, plan):
    # transactional_db: each request in autocommit, as in production (a query stopped
    # outside an atomic block would otherwise break the test's own transaction).
    return make_action(plan, "126", name_fi="Pyöräilyn edistäminen")


@pytest.fixture
def slow_action_page(monkeypatch):
    """The action page runs ``work()`` before it reads the action."""
    original = action_page.action_for_site

    def install(work):
        def action_for_site(plan, identifier):
            work()
            return original(plan, identifier)

        monkeypatch.setattr(action_page, "action_for_site", action_for_site)
        return lambda: monkeypatch.setattr(action_page, "action_for_site", original)

    return install


def test_a_query_past_the_limit_answers_503_and_the_next_request_works(
    client, settings, action, slow_action_page, caplog
):
    settings.REQUEST_TIME_LIMIT = 0.05
    restore = slow_action_page(slow_query)
    with caplog.at_level(logging.WARNING, logger="vahti.timelimit"):
        response = client.get("/actions/126/")
    assert response.status_code == 503
    assert TOO_LONG_FI in response.content.decode()
    assert response["Retry-After"] == str(timelimit.RETRY_AFTER)
    assert response["Cache-Control"] == "no-store"
    assert "Stopped GET /actions/126/: past its time limit" in caplog.text
    assert "Traceback" not in caplog.text

    restore()
    settings.REQUEST_TIME_LIMIT = 20
    response = client.get("/actions/126/")
    assert response.status_code == 200
    assert "Pyöräilyn edistäminen" in response.content.decode()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the connection is handed on unlimited
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"


def test_what_the_stopped_request_wrote_is_rolled_back(client, settings, action, slow_action_page):
    settings.REQUEST_TIME_LIMIT = 0.05

    def write_then_wait():
        with transaction.atomic():
            Group.objects.create(name="half-done")
            slow_query()

    slow_action_page(write_then_wait)
    assert client.get("/actions/126/").status_code == 503
    assert not Group.objects.filter(name="half-done").exists()


def test_queries_stop_when_the_client_has_gone(
    client, settings, action, slow_action_page, monkeypatch
):
    settings.REQUEST_TIME_LIMIT = 20
    monkeypatch.setattr(timelimit, "CLIENT_CHECK_EVERY", 0)
    ours, theirs = socket.socketpair()
    ran = []

    def many_queries():
        theirs.close()  # the reader closed the tab while the page was being made
        for number in range(1000):
            with connection.cursor() as cursor:
                cursor.execute("SELECT %s", [number])
            ran.append(number)

    slow_action_page(many_queries)
    try:
        response = client.get("/actions/126/", **{"gunicorn.socket": ours})
    finally:
        ours.close()
    assert response.status_code == 503
    assert ran == []


def test_a_request_stopped_before_its_view_answers_503_without_a_traceback(
    settings, action, monkeypatch, caplog
):
    """Stopped in the page cache's or the plan's lookup (a middleware): handler500."""
    settings.REQUEST_TIME_LIMIT = 20
    monkeypatch.setattr(timelimit, "CLIENT_CHECK_EVERY", 0)
    ours, theirs = socket.socketpair()
    theirs.close()
    # As in production: the test client would raise the error instead of answering.
    client = Client(raise_request_exception=False)
    try:
        response = client.get("/actions/126/", **{"gunicorn.socket": ours})
    finally:
        ours.close()
    assert response.status_code == 503
    assert TOO_LONG_FI in response.content.decode()
    assert "Stopped GET /actions/126/: its client went away" in caplog.text
    assert "Internal Server Error" not in caplog.text
    assert "Traceback" not in caplog.text


def test_a_client_still_there_is_served(client, settings, action):
    settings.REQUEST_TIME_LIMIT = 20
    ours, theirs = socket.socketpair()
    try:
        theirs.sendall(b"GET /next HTTP/1.1\r\n")  # a next request waiting: still there
        assert timelimit.client_gone(ours) is False
        response = client.get("/actions/126/", **{"gunicorn.socket": ours})
    finally:
        ours.close()
        theirs.close()
    assert response.status_code == 200


def test_work_outside_requests_is_not_limited(client, settings, action, slow_action_page):
    """The admin's import runs in a thread a request starts (vahti.exchange.progress);
    commands and the reminders run outside requests altogether."""
    settings.REQUEST_TIME_LIMIT = 0.05
    assert slow_query(0.3) > 0  # outside a request, as a management command
    done = []

    def background_job():
        try:
            done.append(slow_query(0.3))
        finally:
            connection.close()

    def start_job_and_wait():
        job = threading.Thread(target=background_job)
        job.start()
        job.join()

    slow_action_page(start_job_and_wait)
    response = client.get("/actions/126/")
    assert done and done[0] > 0
    # The request itself asked for nothing after its time was up but the page's queries.
    assert response.status_code == 503


def test_the_api_answers_in_json(english):
    request = RequestFactory().get("/api/v1/actions/")
    response = timelimit.too_long(request, timelimit.Deadline(0.05))
    assert response.status_code == 503
    assert json.loads(response.content) == {"detail": TOO_LONG_EN}


def test_no_limit_with_zero(client, settings, action, slow_action_page):
    settings.REQUEST_TIME_LIMIT = 0
    slow_action_page(lambda: slow_query(0.2))
    assert client.get("/actions/126/").status_code == 200


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "REQUEST_TIME_LIMIT='soon' is not a whole number."),
        ("-1", "REQUEST_TIME_LIMIT=-1 is below the minimum of 0."),
    ],
)
def test_start_up_refuses_a_bad_time_limit(value, message):
    result = start(DEBUG="true", REQUEST_TIME_LIMIT=value)
    assert result.returncode != 0
    assert message in result.stderr


def test_start_up_refuses_a_bad_admin_time_limit():
    result = start(DEBUG="true", ADMIN_REQUEST_TIME_LIMIT="1.5")
    assert "ADMIN_REQUEST_TIME_LIMIT='1.5' is not a whole number." in result.stderr


def test_a_query_read_in_chunks_is_bounded_too(db, plan):
    """``.iterator()`` reads through a server-side cursor on PostgreSQL: the timeout is
    set (and lowered) beside it, never through it."""
    from vahti.actions.models import Action

    make_action(plan, "1")
    make_action(plan, "2")
    deadline = timelimit.Deadline(30)
    guard = timelimit.QueryGuard(connection, deadline)
    guard.timeout_ms = 10**9  # set long ago: the next query lowers it
    with transaction.atomic(), connection.execute_wrapper(guard):
        found = [a.identifier for a in Action.objects.order_by("identifier").iterator(1)]
    guard.release()
    assert found == ["1", "2"]
    if connection.vendor == "postgresql":
        assert guard.timeout_ms is not None and guard.timeout_ms <= 30_000


def test_the_plan_document_is_finished_past_the_time_limit(client, plan, settings, monkeypatch):
    """Built once for every client to come, the document is not lost half-written when
    the request that builds it runs out of time."""
    import time

    from vahti.api import document

    make_action(plan, "126", name_fi="Pyöräilyn edistäminen")
    settings.REQUEST_TIME_LIMIT = 0.3
    write = document.write_document

    def slow_write(ctx, out):
        time.sleep(0.5)  # past the request's deadline, then its queries
        return write(ctx, out)

    monkeypatch.setattr(document, "write_document", slow_write)
    response = client.get(f"/api/v1/plans/{plan.identifier}/document.json")
    assert response.status_code == 200
    body = json.loads(b"".join(response.streaming_content))
    assert [a["identifier"] for a in body["actions"]] == ["126"]
