"""Read configuration from environment variables, refusing bad values at start-up.

Every setting Vahti reads from the environment goes through one of these helpers, so a
typo in a deployment ("DEBUG=ture", "DATABASE_URL=postgress://…") stops the process with
a message naming the variable, instead of silently falling back to a default.
Secrets can also be given as files: ``SECRET_KEY_FILE=/run/secrets/key`` instead of
``SECRET_KEY=…`` (the usual way with Docker and systemd credentials).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class Env:
    def __init__(self, environ: Mapping[str, str] | None = None):
        self.environ = os.environ if environ is None else environ

    def raw(self, name: str) -> str | None:
        """The variable's value, read from ``NAME`` or from the file named by ``NAME_FILE``."""
        value = self.environ.get(name)
        file_name = self.environ.get(f"{name}_FILE")
        if value is not None and file_name is not None:
            raise ImproperlyConfigured(f"Set either {name} or {name}_FILE, not both.")
        if file_name is not None:
            try:
                return Path(file_name).read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ImproperlyConfigured(
                    f"{name}_FILE={file_name!r} cannot be read: {error.strerror}."
                ) from error
        return value

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.raw(name)
        if value is None or value == "":
            return default
        return value

    def bool(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None or value == "":
            return default
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a boolean: use one of "
            f"{', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}."
        )

    def int(self, name: str, default: int, *, minimum: int | None = None) -> int:
        value = self.raw(name)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
        if minimum is not None and number < minimum:
            raise ImproperlyConfigured(f"{name}={number} is below the minimum of {minimum}.")
        return number

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        """A comma-separated list; empty items are refused (they are always typos)."""
        value = self.raw(name)
        if value is None or value.strip() == "":
            return list(default or [])
        items = [item.strip() for item in value.split(",")]
        if any(item == "" for item in items):
            raise ImproperlyConfigured(f"{name}={value!r} has an empty item between commas.")
        return items

    def proxies(self, name: str) -> int | tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """See :func:`trusted_proxies`."""
        return trusted_proxies(self.raw(name) or "", name)

    def choice(self, name: str, choices: list[str], default: str) -> str:
        value = self.str(name, default)
        if value not in choices:
            raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
        return value


def trusted_proxies(
    value: str, name: str = "TRUSTED_PROXIES"
) -> int | tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Which proxies' ``X-Forwarded-For`` is believed (vahti.core.addresses): nothing
    (``0``, the default), how many proxies stand in front (``1``), or their addresses
    and networks (``10.0.0.5, 2001:db8::/64``)."""
    value = value.strip()
    if value == "":
        return 0
    if value.isdigit():
        count = int(value)
        if count > 10:
            raise ImproperlyConfigured(
                f"{name}={count}: say how many proxies stand in front (at most 10), or "
                "list their addresses."
            )
        return count
    networks = []
    for item in value.split(","):
        item = item.strip()
        if item == "":
            raise ImproperlyConfigured(f"{name}={value!r} has an empty item between commas.")
        try:
            networks.append(ipaddress.ip_network(item))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is neither an address nor a network ({error}); give "
                "the number of proxies in front, or their addresses and networks, such as "
                "10.0.0.5, 192.0.2.0/24 or 2001:db8::/64."
            ) from None
    return tuple(networks)


# SQLite with several people saving at once (`make run` serves many threads):
# - write-ahead logging, so that pages are read while a save is in progress (and the
#   NORMAL sync that is safe with it: a power cut may lose the last save, never the file);
# - writes wait for each other for up to 20 s instead of failing with "database is
#   locked" at once (well below the server's 60 s worker timeout);
# - every transaction takes the write lock when it begins: SQLite cannot turn a read
#   into a write while another writer has committed since, and fails at once rather
#   than wait. Saves check the latest version and then write, so they begin as writers,
#   and one waits for the other to finish before it checks (vahti.actions.services).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}


def database_config(url: str) -> dict:
    """Django's DATABASES entry for a ``DATABASE_URL``, only for the engines Vahti supports."""
    import dj_database_url

    scheme = url.split(":", 1)[0].lower()
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL has the scheme {scheme!r}; Vahti runs on sqlite:///path "
            "or postgres://user:password@host:port/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {error}") from error
    if not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL names no database.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        folder = Path(config["NAME"]).parent
        if config["NAME"] != ":memory:" and not folder.is_dir():
            # SQLite's own message ("unable to open database file") names neither the
            # variable nor the path, and comes only at the first query.
            raise ImproperlyConfigured(
                f"DATABASE_URL points into {str(folder)!r}, which is not a folder: "
                "create it or choose another path."
            )
        # Django's SQLite, keeping our triggers when migrations rebuild a table.
        config["ENGINE"] = "vahti.core.sqlite"
        # Persistent connections buy nothing on SQLite and keep files open in tests.
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {**config.get("OPTIONS", {}), **SQLITE_OPTIONS}
        # Tests use a file beside the database (one per test worker): an in-memory
        # database shared with the browser tests' server thread locks whole tables.
        config["TEST"] = {"NAME": f"{config['NAME']}-test"}
    return config


# A Redis that does not answer (a host gone, a network split) costs a request a second
# or so, and the site goes on without it, instead of every request waiting for the
# operating system to give up on the connection (minutes).
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}


def redis_url_checked(url: str) -> str:
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL={url!r} must start with redis://, rediss:// or unix://."
        )
    return url


# The log formats (``LOG_FORMAT``), for Django's logging and gunicorn's alike.
LOG_FORMATTERS = {
    "json": {"()": "vahti.core.logs.JsonFormatter"},
    "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
}
