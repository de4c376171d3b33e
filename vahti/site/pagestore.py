"""What the page cache (:mod:`vahti.site.pagecache`) keeps of a page, and the pages
each process keeps in its own memory."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    plan_id: int
    data_version: int
    routing_version: int
    day: str
    time_zone: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    # Whether the body holds a placeholder to fill in (pagecache.fill_in).
    fills: bool = False


class LocalPages:
    """The pages this process served last, up to ``max_bytes`` of them (the least
    recently served are dropped first): a page from here is not fetched from the shared
    cache. It is served under the same rule as one from there (pagecache's ``_current``),
    so it is never older than the shared cache's."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._pages.get(key)
            if entry is not None:
                self._pages.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        size = _size(entry)
        with self._lock:
            self._remove(key)
            if size > self.max_bytes:
                return
            self._pages[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._pages)))

    def discard(self, key: str) -> None:
        with self._lock:
            self._remove(key)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    @property
    def size(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._pages)

    def _remove(self, key: str) -> None:
        entry = self._pages.pop(key, None)
        if entry is not None:
            self._bytes -= _size(entry)


def _size(entry: Entry) -> int:
    return len(entry.body) + sum(len(name) + len(value) for name, value in entry.headers) + 200
