"""Numbers from Redis remembered in this process until Redis says they changed.

Serving a page from the page cache needs its plan's current data version
(``vahti.plans.changes``); asking Redis costs a round trip, which takes longer than
everything else the page needs. So each process reads such numbers on a connection of its
own on which Redis's server-assisted client-side caching is on (``CLIENT TRACKING``, with
RESP3): for every key the connection has read, Redis sends it an invalidation message as
the key is changed, by any process. The copy is dropped when the message is read, which
is before every use, so a number is used only while no message about it has come. Redis
may answer the process that made the change a moment before it sends the messages, so
that process waits for them with one more round trip (:meth:`TrackedNumbers.settle`):
once a change is made, every process knows.

What cannot be seen this way is a connection that is lost without a word, so an answer
from Redis is asked for at least once a ``confirm_after`` seconds: one round trip a second
at most per process, however many pages it serves. A connection that breaks, or is new,
starts with nothing remembered. When Redis cannot be reached, :meth:`TrackedNumbers.get`
says so (``None``) and the caller asks the cache as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time

import redis
from django.conf import settings

logger = logging.getLogger("vahti.pagecache")


class TrackedNumbers:
    """Integer values of Redis keys (as Django's Redis cache stores integers)."""

    def __init__(
        self,
        url: str,
        *,
        confirm_after: float = 1.0,
        timeout: float = 2.0,
        retry_after: float = 1.0,
    ):
        self.url = url
        self.confirm_after = confirm_after
        self.timeout = timeout
        # After a failure, Redis is not asked again for this long: the caller asks the
        # cache, which fails on its own.
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._connection: redis.connection.AbstractConnection | None = None
        self._pid = 0
        self._known: dict[str, int] = {}
        self._confirmed = 0.0  # when Redis last answered on the connection
        self._retry_at = 0.0  # after a failure, when to try connecting again
        # Counted for the tests and the bench: answers given without asking Redis.
        self.remembered = 0
        self.asked = 0

    def get(self, keys: list[str]) -> list[int | None] | None:
        """The keys' values (``None`` for a missing key), or ``None`` if Redis cannot be
        asked now."""
        with self._lock:
            try:
                return self._get(keys)
            except (redis.RedisError, OSError, ValueError) as error:
                logger.warning("tracked numbers unavailable: %s", error)
                self._drop(retry_in=self.retry_after)
                return None

    def settle(self) -> None:
        """Wait until Redis has sent every connection its messages about the changes
        made so far: call after changing a key. Redis sends them when it has made the
        change, but may answer the process that made it first; anything it answers
        after that comes later, so one round trip is enough."""
        with self._lock:
            try:
                connection = self._connect()
                if connection is not None:
                    connection.send_command("PING")
                    connection.read_response()
                    self._confirmed = time.monotonic()
            except (redis.RedisError, OSError) as error:
                logger.warning("tracked numbers unavailable: %s", error)
                self._drop(retry_in=self.retry_after)

    def forget(self) -> None:
        """Close the connection and forget every number (tests; a changed setting)."""
        with self._lock:
            self._drop()

    def _get(self, keys: list[str]) -> list[int | None] | None:
        connection = self._connect()
        if connection is None:
            return None
        # Read the invalidation messages that have come since the last use.
        while connection.can_read(timeout=0):
            connection.read_response(push_request=True, timeout=0)
        if time.monotonic() - self._confirmed < self.confirm_after:
            known = [self._known.get(key) for key in keys]
            if None not in known:
                self.remembered += 1
                return known
        self.asked += 1
        connection.send_command("MGET", *keys)
        # Messages that come before the answer are about changes made before it.
        answer = connection.read_response()
        self._confirmed = time.monotonic()
        values = [None if value is None else int(value) for value in answer]
        for key, value in zip(keys, values, strict=True):
            if value is not None:
                self._known[key] = value
        return values

    def _connect(self) -> redis.connection.AbstractConnection | None:
        if self._pid != os.getpid():  # a new process (forked): its own connection
            self._connection = None
            self._known.clear()
            self._pid = os.getpid()
        if self._connection is not None:
            return self._connection
        if time.monotonic() < self._retry_at:
            return None
        pool = redis.ConnectionPool.from_url(
            self.url,
            protocol=3,
            socket_timeout=self.timeout,
            socket_connect_timeout=self.timeout,
        )
        connection = pool.make_connection()
        # On every (re)connection: track, and start with nothing remembered.
        connection.register_connect_callback(self._on_connect)
        connection.connect()
        self._connection = connection
        return connection

    def _on_connect(self, connection) -> None:
        self._known.clear()
        self._confirmed = 0.0
        connection._parser.set_invalidation_push_handler(self._invalidated)
        connection.send_command("CLIENT", "TRACKING", "ON")
        answer = connection.read_response()
        if isinstance(answer, Exception):
            raise answer

    def _invalidated(self, message) -> None:
        keys = message[1]
        if keys is None:  # the database was emptied
            self._known.clear()
            return
        for key in keys:
            self._known.pop(key.decode() if isinstance(key, bytes) else key, None)

    def _drop(self, retry_in: float = 0.0) -> None:
        connection, self._connection = self._connection, None
        self._known.clear()
        self._confirmed = 0.0
        self._retry_at = time.monotonic() + retry_in
        if connection is not None:
            with contextlib.suppress(Exception):  # it is being thrown away
                connection.disconnect()


_default: TrackedNumbers | None = None


def for_default_cache() -> TrackedNumbers | None:
    """The tracked numbers of the default cache when it is Redis, else ``None`` (a cache
    in the process's own memory is read at no cost)."""
    global _default
    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith(".RedisCache"):
        return None
    location = config["LOCATION"]
    # Django's Redis cache writes to the first server; so is the one to ask.
    url = location[0] if isinstance(location, list | tuple) else location.split(",")[0]
    if _default is None or _default.url != url:
        if _default is not None:
            _default.forget()
        _default = TrackedNumbers(url)
    return _default
