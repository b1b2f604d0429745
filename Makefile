# The command index of fcrin-press. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PO_FILES := $(shell find locale home news networks -name django.po 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)
ADDRESS ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install messages run serve bench test lint format translations screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(INSTALLED) ## Create .venv and install the pinned dependencies

%.mo: %.po
	$(MANAGE) compilemessages --ignore=.venv > /dev/null

messages: $(INSTALLED) $(MO_FILES) ## Compile the translation catalogues

run: messages ## Set everything up and serve the site on http://$(ADDRESS) (SQLite by default)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) ensure_superuser
	$(MANAGE) runserver $(ADDRESS)

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

serve: messages ## Serve with the production stack (gunicorn, DEBUG off) on http://$(ADDRESS)
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(BIN)/gunicorn --config gunicorn.conf.py fcrin_site.wsgi

bench: messages ## Benchmark every public page type on an archive of N releases (default 10000) into .bench/
	@# The load runs use wrk, a Debian package, installed here as CI installs Chromium.
	@command -v wrk > /dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null)
	$(BIN)/python scripts/bench.py $(N) $(BENCH_ARGS)

test: messages ## Run the whole test suite (browser tests need /usr/bin/chromium)
	@# pytest exits 5 when it collected nothing: for this project that is a broken suite, not a pass.
	@$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: no tests were collected" >&2; exit 1; fi; exit $$status

lint: $(INSTALLED) ## Check code style (ruff) and template indentation (djhtml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find fcrin_site home news networks -name '*.html' 2>/dev/null)

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

screenshots: $(INSTALLED) ## Screenshots (desktop and 375 px) of a running site into .artifacts/screenshots
	$(BIN)/python scripts/screenshots.py $(PATHS)

clean: ## Remove the virtualenv, the SQLite database and built files
	rm -rf $(VENV) db.sqlite3 static $(MO_FILES)
