"""Numbers tracked in the process (vahti.core.tracking): read from Redis once, then
remembered until Redis says they changed; a change made anywhere is seen at once."""

from __future__ import annotations

import uuid

import pytest
import redis

from vahti.core.tracking import TrackedNumbers


@pytest.fixture
def keys(redis_url):
    client = redis.Redis.from_url(redis_url)
    names = [f"vahti-test-{uuid.uuid4().hex}:{n}" for n in ("a", "b")]
    client.set(names[0], 1)
    client.set(names[1], 2)
    yield client, names
    client.delete(*names)
    client.close()


@pytest.fixture
def tracked(redis_url):
    numbers = TrackedNumbers(redis_url)
    yield numbers
    numbers.forget()


def test_numbers_are_read_once_then_remembered(keys, tracked):
    _, names = keys
    assert tracked.get(names) == [1, 2]
    for _ in range(50):
        assert tracked.get(names) == [1, 2]
    assert (tracked.asked, tracked.remembered) == (1, 50)


def test_a_change_made_by_another_process_is_seen_at_once(keys, tracked, redis_url):
    client, names = keys
    # The process making the change has numbers of its own, and settles them.
    other = TrackedNumbers(redis_url)
    try:
        tracked.get(names)
        for expected in range(2, 502):
            client.incr(names[0])
            other.settle()
            assert tracked.get(names) == [expected, 2]
            assert tracked.get(names) == [expected, 2]  # and then remembered
    finally:
        other.forget()
    assert tracked.remembered >= 500


def test_deleted_numbers_and_an_emptied_database_are_forgotten(keys, tracked):
    client, names = keys
    tracked.get(names)
    client.delete(names[1])
    tracked.settle()
    assert tracked.get(names) == [1, None]
    client.set(names[1], 7)
    tracked.settle()
    assert tracked.get(names) == [1, 7]


def test_numbers_are_confirmed_with_redis_at_least_every_so_often(keys, tracked):
    _, names = keys
    tracked.confirm_after = 0
    tracked.get(names)
    tracked.get(names)
    assert (tracked.asked, tracked.remembered) == (2, 0)


def test_a_lost_connection_forgets_everything_and_connects_again(keys, tracked):
    client, names = keys
    tracked.retry_after = 0
    tracked.get(names)
    tracked._connection.send_command("CLIENT", "ID")
    connection_id = tracked._connection.read_response()
    # Redis closes the connection (a restart looks the same); changes are missed.
    client.client_kill_filter(_id=connection_id)
    client.set(names[0], 5)
    assert tracked.get(names) is None  # the caller asks the cache instead
    assert tracked.get(names) == [5, 2]


def test_when_redis_cannot_be_reached_the_caller_is_told(caplog):
    tracked = TrackedNumbers("redis://127.0.0.1:9/0", timeout=0.5)  # nothing listens
    assert tracked.get(["a"]) is None
    tracked.settle()  # does not raise either
    assert tracked.get(["a"]) is None  # not asked again at once
    assert "tracked numbers unavailable" in caplog.text
