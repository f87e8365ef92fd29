# Greenlight: `make run` (demo on SQLite, no services) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/greenlight
REDIS_URL ?= redis://127.0.0.1:6379/1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint format install install-dev migrate demo worker clean vendor messages

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Run Greenlight with demo content on SQLite at http://127.0.0.1:$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Run every test (lint included) against PostgreSQL at DATABASE_URL and Redis at REDIS_URL
test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=$(DATABASE_URL) $(BIN)/python scripts/ensure_database.py
	DATABASE_URL=$(DATABASE_URL) DJANGO_SETTINGS_MODULE=innovation.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) $(BIN)/pytest $(PYTEST_ARGS)
	# The search backend contract and the quality of similar ideas and novelty again on SQLite,
	# the embedded default (an in-memory test database).
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 REDIS_URL=$(REDIS_URL) $(BIN)/pytest tests/search/test_backend_contract.py tests/search/test_meaning_quality.py -q

## Extract new strings into locale/*/LC_MESSAGES/*.po and compile the catalogues (needs GNU gettext)
messages: install
	$(BIN)/python scripts/messages.py --compile

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## A Celery worker and beat against REDIS_URL (production-like setups)
worker: install
	REDIS_URL=$(REDIS_URL) $(BIN)/celery -A innovation worker --beat --loglevel=INFO

## Refresh the vendored front-end libraries (package.json) from the npm registry into static/vendor
vendor:
	rm -rf /tmp/greenlight-vendor && mkdir -p /tmp/greenlight-vendor
	cd /tmp/greenlight-vendor && npm pack leaflet@$$(node -p "require('$(CURDIR)/package.json').dependencies.leaflet") >/dev/null && tar xzf leaflet-*.tgz
	rm -rf static/vendor/leaflet && mkdir -p static/vendor/leaflet
	cp -r /tmp/greenlight-vendor/package/dist/leaflet.js /tmp/greenlight-vendor/package/dist/leaflet.js.map /tmp/greenlight-vendor/package/dist/leaflet.css /tmp/greenlight-vendor/package/dist/images /tmp/greenlight-vendor/package/LICENSE static/vendor/leaflet/

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
