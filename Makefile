# Vahti: `make run` to try it, `make test` to test it. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# `make run` is a local trial: DEBUG on, SQLite unless DATABASE_URL says otherwise.
RUN_ENV := DEBUG=true

.PHONY: voikko pdf-fonts run serve test test-fast lint format bench load translations messages check-migrations install install-dev clean

run: $(VENV)/.runtime translations voikko pdf-fonts
	$(RUN_ENV) $(MANAGE) migrate --noinput
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) demo_admin
	@echo "Serving the demo plans at http://127.0.0.1:8000/ (Helsinki) and http://127.0.0.1:8000/northbay/ (Northbay, fictional). Ctrl-C stops it."
	$(RUN_ENV) $(MANAGE) runserver 127.0.0.1:8000

# Finnish search by base forms needs Voikko (Debian's libvoikko1 and voikko-fi): installed
# where it can be (Debian, as root or with sudo that asks nothing); elsewhere search uses
# Snowball stems, and this says so. It never fails.
VOIKKO_LOADS := $(BIN)/python -c "import libvoikko; libvoikko.Voikko('fi')" >/dev/null 2>&1
voikko: $(VENV)/.runtime
	@$(VOIKKO_LOADS) && exit 0; \
	if command -v apt-get >/dev/null 2>&1; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && sudo="sudo -n"; } ; \
	  if [ "$$(id -u)" -eq 0 ] || [ -n "$$sudo" ]; then \
	    $$sudo apt-get install -y -qq --no-install-recommends libvoikko1 voikko-fi >/dev/null 2>&1 \
	    || { $$sudo apt-get update -qq >/dev/null 2>&1 && \
	         $$sudo apt-get install -y -qq --no-install-recommends libvoikko1 voikko-fi >/dev/null 2>&1; }; \
	  fi; \
	fi; \
	$(VOIKKO_LOADS) || echo "Voikko is not installed (apt-get install libvoikko1 voikko-fi): Finnish search will use Snowball stems."; \
	true

# The reports' PDFs are drawn by WeasyPrint with Debian's Pango and fonts (libpango-1.0-0,
# libpangoft2-1.0-0, fonts-dejavu-core): installed like Voikko where it can be; elsewhere
# the report's PDF download says it is not available, and this says so. It never fails.
PDF_LOADS := $(BIN)/python -c "import weasyprint" >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q .
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig
pdf-fonts: $(VENV)/.runtime
	@$(PDF_LOADS) && exit 0; \
	if command -v apt-get >/dev/null 2>&1; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && sudo="sudo -n"; } ; \
	  if [ "$$(id -u)" -eq 0 ] || [ -n "$$sudo" ]; then \
	    $$sudo apt-get install -y -qq --no-install-recommends $(PDF_PACKAGES) >/dev/null 2>&1 \
	    || { $$sudo apt-get update -qq >/dev/null 2>&1 && \
	         $$sudo apt-get install -y -qq --no-install-recommends $(PDF_PACKAGES) >/dev/null 2>&1; }; \
	  fi; \
	fi; \
	$(PDF_LOADS) || echo "WeasyPrint cannot load (apt-get install $(PDF_PACKAGES)): reports are not available as PDF."; \
	true

# Production: the settings come from the environment (SECRET_KEY, ALLOWED_HOSTS,
# DATABASE_URL, REDIS_URL, ...; see README.md). gunicorn serves the site with its static
# files (WhiteNoise); the reminders and Wagtail's scheduled publishing run beside it
# (each reminder is sent once however many servers run them). Ctrl-C or SIGTERM stops all.
serve: $(VENV)/.runtime translations
	$(MANAGE) check --deploy
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	@trap 'kill 0' EXIT INT TERM; \
	$(MANAGE) send_reminders --loop & \
	while sleep 60; do $(MANAGE) publish_scheduled >/dev/null; done & \
	$(BIN)/gunicorn -c python:vahti.gunicorn_conf vahti.wsgi

test: $(VENV)/.dev translations
	$(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

# Everything but the browser tests.
test-fast: $(VENV)/.dev translations
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory check-migrations

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: $(VENV)/.runtime
	$(RUN_ENV) $(MANAGE) makemigrations --check --dry-run

bench: $(VENV)/.dev translations
	$(BIN)/python -m perf.bench

# A bounded load test on loopback: gunicorn + PostgreSQL + Redis, driven by wrk (from
# Debian's packages, installed if missing). Prints throughput, latency and errors.
load: $(VENV)/.dev translations
	@command -v wrk >/dev/null 2>&1 || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
	$(BIN)/python -m perf.load

translations: $(VENV)/.runtime
	@$(RUN_ENV) $(MANAGE) compile_translations

# Refresh the .po files from the code and templates (needs GNU gettext's xgettext).
messages: $(VENV)/.runtime
	$(RUN_ENV) $(MANAGE) makemessages --locale fi --locale sv --locale en --no-obsolete --add-location file --ignore ".venv/*" --ignore "var/*"

install: $(VENV)/.runtime pdf-fonts
install-dev: $(VENV)/.dev

$(VENV)/bin/python:
	$(PYTHON) scripts/make_venv.py $(VENV)

# The front-end libraries (package-lock.json) come with the runtime: from the npm
# registry, hash-checked, without needing Node.js.
$(VENV)/.runtime: requirements.lock package-lock.json | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python scripts/fetch_assets.py var/assets
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@

clean:
	rm -rf $(VENV) var/static var/assets
