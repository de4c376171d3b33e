"""``make load``: a bounded load test of the public pages and the API, on loopback only.

It sets up what production runs: a PostgreSQL database of its own (``LOAD_DATABASE_URL``,
by default ``vahti_load`` on 127.0.0.1, created if missing and rebuilt each run) with the
demo plan and a generated plan of ``LOAD_ACTIONS`` actions (1,500), Redis as the cache
(``LOAD_REDIS_URL``, under a key prefix of its own), static files collected, and gunicorn
with the production settings (``make serve``'s configuration). Then wrk (Debian's
package) sends requests from ``LOAD_CLIENTS`` connections (50) for ``LOAD_SECONDS`` (60)
over a mix of addresses: every page type of both plans and the API. It runs twice: with
the page cache, as in production, and without it (``PAGE_CACHE_SECONDS=0``), which is
what the cache saves. It prints throughput, latency percentiles and the errors (socket
errors and answers other than 2xx/3xx), and exits 1 if there were any errors.

The API's per-client rate limit is raised for the run: every request comes from one
address, and the test measures capacity, not the limiter.
"""

from __future__ import annotations

import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vahti_load")
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/0")
ACTIONS = int(os.environ.get("LOAD_ACTIONS", "1500"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
PORT = int(os.environ.get("LOAD_PORT", "8765"))
HOST = "127.0.0.1"
GENERATED_HOST = "generated.load.invalid"


def environment(**extra: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("LOAD_SECRET_KEY", "load-" + secrets.token_hex(32)),
        "ALLOWED_HOSTS": f"{HOST},{GENERATED_HOST}",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"vahti-load-{secrets.token_hex(4)}",
        "API_RATE_LIMIT": "100000000",
        "LOG_LEVEL": "WARNING",
        "BIND": f"{HOST}:{PORT}",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def fresh_database() -> None:
    """Drop and create the load test's own database (never DATABASE_URL's)."""
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1].split("?")[0]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


SETUP = """
from vahti.actions.models import Action
from vahti.demo.generate import generate_plan
from vahti.demo.generate_indicators import generate_indicators
from vahti.plans.models import PlanDomain
plan = generate_plan("generated", {actions})
generate_indicators(plan, values=2000)
PlanDomain.objects.create(plan=plan, hostname="{host}")
for p in ("hnh2035", "generated"):
    ids = Action.objects.filter(plan__identifier=p).public().order_by("?")
    print(p, " ".join(ids.values_list("identifier", flat=True)[:40]))
"""


def addresses(identifiers: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(host, path) pairs: every public page type of both plans, and the API."""
    found = []
    for plan, host in (("hnh2035", HOST), ("generated", GENERATED_HOST)):
        ids = identifiers[plan]
        pages = [
            "/", "/actions/", "/actions/?view=dashboard", "/actions/?status=late",
            "/indicators/", "/insight/", "/search/?q=päästöjen", "/data/", "/feedback/",
            "/en/", "/sv/actions/", "/feeds/updates.atom",
            *(f"/actions/{i}/" for i in ids[:20]), *(f"/en/actions/{i}/" for i in ids[20:30]),
            "/api/v1/plans/", "/api/v1/actions/", "/api/v1/indicators/",
            *(f"/api/v1/actions/{i}/" for i in ids[30:40]),
        ]  # fmt: skip
        found += [(host, urllib.parse.quote(page, safe="/?=&")) for page in pages]
    return found


LUA = """
local requests = {{
{entries}
}}
local counter = 0
request = function()
  counter = counter + 1
  local entry = requests[(counter % #requests) + 1]
  return wrk.format("GET", entry[2], {{ Host = entry[1] }})
end
"""


def lua_script(pairs: list[tuple[str, str]]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    entries = ",\n".join(f"  {{{quoted(h)}, {quoted(p)}}}" for h, p in pairs)
    return LUA.format(entries=entries)


def start_server(env: dict[str, str], log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:vahti.gunicorn_conf", "vahti.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def warm(pairs: list[tuple[str, str]]) -> None:
    for host, page in pairs:
        address = f"http://{HOST}:{PORT}{page}"
        request = urllib.request.Request(address, headers={"Host": host})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()


def run_wrk(script: Path) -> dict[str, str]:
    threads = max(1, min(os.cpu_count() or 1, CLIENTS))
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{CLIENTS}", f"-d{SECONDS}s", "--latency", "--timeout", "10s",
         "-s", str(script), f"http://{HOST}:{PORT}/"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = done.stdout

    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, out)
        return match.group(1) if match else default

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests": find(r"(\d+) requests in"),
        "rps": find(r"Requests/sec:\s+([\d.]+)"),
        "p50": find(r"\s50%\s+([\d.]+\w+)"),
        "p75": find(r"\s75%\s+([\d.]+\w+)"),
        "p90": find(r"\s90%\s+([\d.]+\w+)"),
        "p99": find(r"\s99%\s+([\d.]+\w+)"),
        "non2xx": find(r"Non-2xx or 3xx responses: (\d+)"),
        "socket": str(sum(int(n) for n in errors.groups())) if errors else "0",
        "raw": out,
    }


ROW = "{:<10} {:>7} {:>8} {:>10} {:>8} {:>8} {:>8} {:>8} {:>7} {:>7}"


def main() -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (make load does it).")
    base = environment()
    print(f"setting up: PostgreSQL {DATABASE_URL}, Redis {REDIS_URL}, {ACTIONS} actions")
    fresh_database()
    manage(base, "migrate", "--noinput")
    manage(base, "load_demo")
    listed = manage(base, "shell", "-c", SETUP.format(actions=ACTIONS, host=GENERATED_HOST))
    identifiers = {
        line.split(" ", 1)[0]: line.split(" ", 1)[1].split() for line in listed.splitlines() if line
    }
    manage(base, "collectstatic", "--noinput", "--verbosity", "0")
    pairs = addresses(identifiers)
    work = Path(tempfile.mkdtemp(prefix="vahti-load-"))
    script = work / "mix.lua"
    script.write_text(lua_script(pairs))
    gunicorn = base.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1))
    print(
        f"Vahti load · gunicorn {gunicorn} workers × {base.get('WEB_THREADS', '4')} threads · "
        f"PostgreSQL + Redis · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"{CLIENTS} connections · {SECONDS} s per run · {len(pairs)} addresses "
        "(pages of both plans and the API, in turn)"
    )
    header = ROW.format(
        "run", "clients", "requests", "req/s", "p50", "p75", "p90", "p99", "non-2xx", "socket"
    )
    print(header)
    print("-" * len(header))
    failures = 0
    rates = {}
    for label, extra in (("cached", {}), ("uncached", {"PAGE_CACHE_SECONDS": "0"})):
        server = start_server({**base, **extra}, work / f"{label}.log")
        try:
            warm(pairs)
            found = run_wrk(script)
        finally:
            stop_server(server)
        errors = int(found["non2xx"]) + int(found["socket"])
        failures += errors
        rates[label] = float(found["rps"])
        print(
            ROW.format(
                label, CLIENTS, found["requests"], found["rps"], found["p50"], found["p75"],
                found["p90"], found["p99"], found["non2xx"], found["socket"],
            )
        )  # fmt: skip
    print()
    cached, uncached = rates["cached"], rates["uncached"]
    print(
        f"throughput: cached {cached:.1f} req/s, uncached {uncached:.1f} req/s "
        f"(the page cache serves {cached / uncached:.1f}× as many)"
        if uncached
        else f"throughput: cached {cached:.1f} req/s, uncached nothing served"
    )
    print("errors: none" if not failures else f"errors: {failures} (see {work})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
