"""Environment for the test run, loaded by pytest (``-p tests.environment``) before
pytest-django reads the settings. Settings come only from the environment; these are the
values a test run needs, and anything already set (DATABASE_URL for the PostgreSQL run,
CI) wins."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-0123456789abcdef")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1,plan-b.example")
os.environ.setdefault("SECURE_COOKIES", "false")
# Requests are logged at INFO (vahti.core.logs); tests that read logs raise the level.
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The page cache on, as in production (there with Redis); tests/site/test_page_cache.py.
os.environ.setdefault("PAGE_CACHE_SECONDS", "86400")
# Static files from the apps' folders, as in development: no collectstatic before tests.
os.environ.setdefault("STATIC_MANIFEST", "false")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test itself in that thread are safe (nothing else runs in it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Uploaded and generated images go to a throw-away directory.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="vahti-test-media-"))
# Requests stop at a deadline (vahti.core.timelimit, tested in tests/core/test_time_limit.py
# with limits of their own); a test machine running the suite in parallel may be slow.
os.environ.setdefault("REQUEST_TIME_LIMIT", "600")
os.environ.setdefault("ADMIN_REQUEST_TIME_LIMIT", "600")
