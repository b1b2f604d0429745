# The command index of fcrin-press. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PO_FILES := $(shell find locale home news networks -name django.po -o -name djangojs.po 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)
ADDRESS ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install system-packages messages run serve bench bench-alerts fuzz test lint format translations screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-16s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(INSTALLED) system-packages ## Create .venv and install the pinned dependencies

# The PDF of a release (news/distribution/pdf.py) is laid out by WeasyPrint, which needs Pango and
# HarfBuzz, in the font its stylesheet names: Debian packages, installed as `make bench` installs wrk.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-open-sans

system-packages: ## Install the Debian packages the PDFs of releases need (as root; otherwise says which)
	@missing=$$(for package in $(PDF_PACKAGES); do \
		dpkg-query -W -f '$${Status}' $$package 2> /dev/null | grep -q "ok installed" || echo $$package; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
		echo "Installing" $$missing "(the PDFs of releases)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing > /dev/null; \
	else \
		echo "The PDFs of releases need these Debian packages, missing here:" $$missing >&2; \
		echo "  sudo apt-get install" $$missing >&2; \
	fi

%.mo: %.po
	$(MANAGE) compilemessages --ignore=.venv > /dev/null

messages: $(INSTALLED) $(MO_FILES) ## Compile the translation catalogues

# The task worker (e-mail alerts) runs beside the server and stops with it: the database queue's
# db_worker, or RQ's worker when TASKS_BACKEND=rq.
WORKER := $(if $(filter rq,$(TASKS_BACKEND)),rqworker default --with-scheduler --job-class django_tasks_rq.Job,db_worker --backend background)
with-worker = $(MANAGE) $(WORKER) & worker=$$!; trap 'kill $$worker 2> /dev/null; wait $$worker' EXIT INT TERM;

# The address every absolute link is built on (fcrin_site/settings/base.py): the one served here.
SITE_URL ?= $${FCRIN_SITE_URL:-http://$(ADDRESS)}

run: ## Set everything up and serve the site on http://$(ADDRESS) (SQLite by default), with a task worker
	@echo "[1/6] Python packages in $(VENV) (the first time, pip takes a minute or two)"
	@$(MAKE) -s --no-print-directory $(INSTALLED)
	@echo "[2/6] System packages for the PDFs of releases"
	@$(MAKE) -s --no-print-directory system-packages
	@echo "[3/6] Translation catalogues"
	@$(MAKE) -s --no-print-directory messages
	@echo "[4/6] Database: migrations"
	@$(MANAGE) migrate --noinput --verbosity 0
	@echo "[5/6] Demo content and the site's address"
	@FCRIN_SITE_URL=$(SITE_URL) $(MANAGE) load_initial_data
	@FCRIN_SITE_URL=$(SITE_URL) $(MANAGE) site_address
	@echo "[6/6] Administrator account"
	@echo
	@echo "Site:  $(SITE_URL)/"
	@echo "Admin: $(SITE_URL)/admin/"
	@$(MANAGE) ensure_superuser
	@echo
	@echo "E-mails (alert confirmations) are printed here; a task worker runs beside the server."
	@export FCRIN_SITE_URL=$(SITE_URL); $(with-worker) $(MANAGE) runserver $(ADDRESS)

# `make serve` is the production stack on loopback: production settings, DEBUG off, whitenoise,
# gunicorn. Only the HTTPS-only and secret settings are relaxed, each through the variable production
# reads, so what runs here is what runs behind a TLS proxy. DATABASE_URL and REDIS_URL are honoured.
SERVE_ENV := DJANGO_SETTINGS_MODULE=fcrin_site.settings.production \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-serve-only-not-a-secret-$$(hostname)-0123456789abcdef} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-0} \
	DJANGO_HSTS_SECONDS=$${DJANGO_HSTS_SECONDS:-0} \
	DJANGO_SERVE_MEDIA=$${DJANGO_SERVE_MEDIA:-1} \
	GUNICORN_BIND=$${GUNICORN_BIND:-$(ADDRESS)}

serve: messages system-packages ## Serve with the production stack (gunicorn, DEBUG off) on http://$(ADDRESS), with a task worker
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	export $(SERVE_ENV); $(with-worker) $(BIN)/gunicorn --config gunicorn.conf.py

bench: messages ## Benchmark every public page type on an archive of N releases (default 10000) into .bench/
	@# The load runs use wrk, a Debian package, installed here as CI installs Chromium.
	@command -v wrk > /dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null)
	$(BIN)/python scripts/bench.py $(N) $(BENCH_ARGS)

bench-alerts: messages ## Send one release to N subscribers (default 10000) through a loopback SMTP server into .bench/alerts.json
	$(BIN)/python scripts/bench_alerts.py $(N)

fuzz: messages system-packages ## Send 12,000 hostile requests (tests/fuzz_corpus.py) to the production stack; fails on any 5xx
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

# One pytest-xdist worker per core (TEST_WORKERS=0 runs in one process); each test module, and the
# demo package, stays on one worker (tests/conftest.py), so module fixtures are built once.
TEST_WORKERS ?= auto

# The browser tests are transactional: the database is flushed after each, data migrations' rows
# included (root collection, roles), which the next module of the same worker would miss. So
# `make test` runs them in a pytest run of their own, after the rest; PYTEST_ARGS runs what it names.
PYTEST = $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

test: messages system-packages ## Run the whole test suite (browser tests need /usr/bin/chromium)
	@# pytest exits 5 when it collected nothing: for this project that is a broken suite, not a pass.
	@if [ -n "$(PYTEST_ARGS)" ]; then $(PYTEST) $(PYTEST_ARGS); status=$$?; else \
		$(PYTEST) --ignore=tests/browser; status=$$?; $(PYTEST) tests/browser; browser=$$?; \
		if [ $$status -eq 0 ]; then status=$$browser; fi; fi; \
	if [ $$status -eq 5 ]; then echo "make test: no tests were collected" >&2; exit 1; fi; exit $$status

# Private names of Django, Wagtail and wagtail-localize (underscore names, ORM compiler internals,
# request attributes Wagtail sets for itself): app code uses their public API only (STYLE.md).
PRIVATE_NAMES := \\b_wagtail_[a-z_]+|\\b_find_for_request|\\b_get_raw_host|\\b_cached_parent_obj|klass_info|get_related_populators|_iterable_class|_prefetch_related_lookups|_known_related_objects|\.get_compiler\(|_json_script_escapes|_get_data_hash|_get_path\(|def _urls\(|^\s*from (django|wagtail|wagtail_localize|modelsearch|modelcluster|treebeard)[.a-z_]* import .*\b_[a-z]

lint: $(INSTALLED) ## Check code style (ruff), template indentation (djhtml), import contracts, private names
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find fcrin_site home news networks -name '*.html' 2>/dev/null)
	PYTHONPATH=. $(BIN)/lint-imports
	@if git grep -nE '$(PRIVATE_NAMES)' -- fcrin_site home news networks ':!*/migrations/*'; then \
		echo "Private Django/Wagtail names above: use their public API (STYLE.md, 'Correctness before speed')." >&2; exit 1; fi

format: $(INSTALLED) ## Fix code style and template indentation
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(find fcrin_site home news networks -name '*.html' 2>/dev/null)

translations: $(INSTALLED) ## Extract UI strings into every catalogue, then compile them
	$(MANAGE) makemessages --locale=fr --no-location --ignore=.venv --ignore=news --ignore=networks --ignore=tests --ignore=static
	@# The reusable apps carry their own catalogues, so that another site installing them gets them too.
	@for app in news networks; do \
		if [ -d $$app ]; then mkdir -p $$app/locale && (cd $$app && ../$(BIN)/python ../manage.py makemessages --locale=fr --no-location); fi; \
	done
	$(MANAGE) compilemessages --ignore=.venv

screenshots: $(INSTALLED) ## Screenshots (1280 and 375 px) of every public page type in both languages of the site on ADDRESS, into .artifacts/screenshots
	$(BIN)/python scripts/screenshots.py $(PATHS)

clean: ## Remove the virtualenv, the SQLite database and built files
	rm -rf $(VENV) db.sqlite3 static $(MO_FILES)
