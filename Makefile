# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Debug is off unless asked for: the development targets ask.
DEV := DJANGO_DEBUG=1

.PHONY: run test lint services-up services-down worker migrate demo reset-db clean

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --no-input

demo: migrate
	$(DEV) $(PY) manage.py load_demo --if-empty

run: demo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev-installed
	./scripts/npm-assets
	./scripts/run-tests

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV) $(PY) manage.py check
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

# Production: runs the task queue and retries failed restoration-index updates.
worker: $(VENV)/.installed
	$(PY) manage.py restoration_index worker

services-up:
	./scripts/services up

services-down:
	./scripts/services down

reset-db:
	rm -f db.sqlite3
	$(MAKE) demo
