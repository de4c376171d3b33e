"""Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium the browser tests are skipped locally; with CI=true they fail, so CI can
never pass without having run them."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest
from django.core.signals import request_finished, request_started

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


# The live server's threads that are inside a request now: a browser closed at the end of
# a test may leave one running (an autosave, a page still loading), and the database's
# flush after the test must not run beside it (on PostgreSQL the flush's TRUNCATE and the
# request's row lock deadlock, and the flush fails).
_serving: set[threading.Thread] = set()
_serving_lock = threading.Lock()


def _request_started(**kwargs):
    with _serving_lock:
        _serving.add(threading.current_thread())


def _request_finished(**kwargs):
    with _serving_lock:
        _serving.discard(threading.current_thread())


request_started.connect(_request_started, weak=False, dispatch_uid="browser-serving")
request_finished.connect(_request_finished, weak=False, dispatch_uid="browser-serving")


def wait_until_the_server_is_idle(quiet: float = 0.25, timeout: float = 30.0) -> list[str]:
    """Wait until no other thread has been inside a request for `quiet` seconds (a
    closing page sends Wagtail's autosave as it goes, which may reach the server a moment
    later; a thread that ended without finishing its request counts as finished); the
    names of those still busy at the deadline."""
    deadline = time.monotonic() + timeout
    idle_since = time.monotonic()
    while True:
        with _serving_lock:
            _serving.difference_update([t for t in _serving if not t.is_alive()])
            busy = [t.name for t in _serving if t is not threading.current_thread()]
        now = time.monotonic()
        if busy:
            idle_since = now
        elif now - idle_since >= quiet:
            return []
        if now > deadline:
            return busy
        time.sleep(0.02)


@pytest.fixture(autouse=True)
def idle_server_before_flush(transactional_db):
    """Set up before (so torn down after) the page and the demo, and after the database:
    what the browser left running ends before the flush."""
    yield
    busy = wait_until_the_server_is_idle()
    assert not busy, f"the live server was still serving after 30 s: {busy}"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests cannot start under CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (install Debian's chromium)")


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"playwright is not installed ({error})")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
            )
        except Exception as error:
            _unavailable(f"Chromium did not start: {error}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db, live_server):
    """The demo plans, served by the live server (loaded once per process, then put back
    for each test: tests/browser/demo_snapshot.py)."""
    from tests.browser.demo_snapshot import load_demo_fast

    load_demo_fast()
    return live_server
