"""gunicorn's settings for ``make serve`` (``gunicorn -c python:vahti.gunicorn_conf``).
Each can be changed through the environment, as everything else is:

- ``BIND``: the address to listen on, ``127.0.0.1:8000`` (put a TLS proxy in front);
- ``WEB_CONCURRENCY``: worker processes, twice the processor cores by default;
- ``WEB_THREADS``: threads per worker, 4 (a thread waiting for the database or the
  cache lets another run);
- ``WEB_TIMEOUT``: seconds a worker's main loop may stay silent before the worker is
  restarted, 60.

What bounds a request is Vahti's own time limit (``REQUEST_TIME_LIMIT``, 20 s, and
``ADMIN_REQUEST_TIME_LIMIT``, 50 s; vahti.core.timelimit), not gunicorn's: with threaded
workers (``gthread``) the main thread tells the arbiter it is alive whatever its request
threads do, so ``timeout`` never stops a slow render, and a sync worker killed by it
would take every request it held down with it, answering nothing. Neither worker class
sees a client that has gone while the render runs; Vahti's limit does (between queries,
from the socket gunicorn hands over) and stops the render's queries, and the deadline
bounds the rest. The limits are below ``graceful_timeout`` where it matters (a public
page ends before a restarting worker is killed).

Requests are logged by Vahti itself (``vahti.request``), not by gunicorn, and gunicorn's
own messages use the same format (``LOG_FORMAT``).
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from vahti.env import LOG_FORMATTERS, Env

env = Env()
try:
    bind = [env.str("BIND", default="127.0.0.1:8000")]
    workers = env.int("WEB_CONCURRENCY", default=2 * (os.cpu_count() or 1), minimum=1)
    threads = env.int("WEB_THREADS", default=4, minimum=1)
    timeout = env.int("WEB_TIMEOUT", default=60, minimum=1)
    log_format = env.choice("LOG_FORMAT", ["json", "text"], "json")
except ImproperlyConfigured as error:
    raise SystemExit(f"Configuration error: {error}") from None

worker_class = "gthread"
graceful_timeout = 30
keepalive = 5
# Django is loaded once and the workers forked from it: less memory, and a bad setting
# stops the server before any worker starts.
preload_app = True
# A worker is replaced after this many requests (with jitter, not all at once).
max_requests = 5000
max_requests_jitter = 500
accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": LOG_FORMATTERS,
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": log_format},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
