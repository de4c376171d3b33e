"""SQLite, as `make run` uses it: many people writing at the same moment all succeed.

Each test opens its own database file through the same `DATABASE_URL` handling the
settings use (vahti.env.database_config), whatever database the test run itself is on,
so it runs on the SQLite and on the PostgreSQL run alike."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections, transaction

from tests.simultaneous import at_once, failures
from vahti.env import database_config

WRITERS = 20
ROUNDS = 5  # saves by each writer, one after another


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """The alias ``writers``: a fresh SQLite file configured as DATABASE_URL would."""
    config = database_config(f"sqlite:///{tmp_path / 'vahti.sqlite3'}")
    connections.settings["writers"] = connections.configure_settings(
        {"default": connections.settings["default"], "writers": config}
    )["writers"]
    with django_db_blocker.unblock():
        with connections["writers"].cursor() as cursor:
            cursor.execute("CREATE TABLE saves (writer integer NOT NULL, seen integer NOT NULL)")
        connections["writers"].close()
        yield "writers"
        connections["writers"].close()
    del connections["writers"]  # this thread's connection to the file, then its settings
    del connections.settings["writers"]


def test_twenty_writers_at_once_on_a_file_database_all_succeed(file_database):
    """Each writer reads, then writes, in one transaction, as a save does (it checks the
    latest version, then stores the new one). Before: "database is locked" for most of
    them, as SQLite refuses to turn a read into a write while another writer is busy."""

    def save(n: int) -> None:
        for _ in range(ROUNDS):
            with (
                transaction.atomic(using=file_database),
                connections[file_database].cursor() as cursor,
            ):
                cursor.execute("SELECT COUNT(*) FROM saves")
                (seen,) = cursor.fetchone()
                time.sleep(0.001)  # the work a save does between its check and its write
                cursor.execute("INSERT INTO saves (writer, seen) VALUES (%s, %s)", [n, seen])

    errors = failures(at_once(save, range(WRITERS)))

    assert errors == []
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT writer, seen FROM saves ORDER BY seen")
        rows = cursor.fetchall()
    connections[file_database].close()
    assert sorted(writer for writer, _ in rows) == sorted(list(range(WRITERS)) * ROUNDS)
    # One after another: each saw every save committed before it, none saw a stale count.
    assert [seen for _, seen in rows] == list(range(WRITERS * ROUNDS))


def test_readers_are_not_held_up_by_a_writer(file_database):
    """Write-ahead logging: a page can be read while a save is in progress."""
    writing, read = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with transaction.atomic(using=file_database):
                with connections[file_database].cursor() as cursor:
                    cursor.execute("INSERT INTO saves (writer, seen) VALUES (1, 0)")
                writing.set()
                read.wait(timeout=30)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(timeout=30)
    try:
        with connections[file_database].cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone() == ("wal",)
            cursor.execute("SELECT COUNT(*) FROM saves")
            assert cursor.fetchone() == (0,)  # the uncommitted save is not seen
    finally:
        read.set()
        thread.join(timeout=30)
        connections[file_database].close()
    assert errors == []
