# Two commands set everything up on a fresh machine:  make demo   and   make test
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# Root installs Debian packages directly; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install python-deps node-deps messages messages-update chromium lint migrate seed serve lock bench clean

demo: install migrate seed serve ## set up, load the demo and serve http://127.0.0.1:8000

install: python-deps node-deps messages

python-deps: $(VENV)/.installed
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	touch $@

node-deps: node_modules/.installed
# --ignore-scripts: no package may run code at install time (and h5p-standalone's would fail).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

messages: python-deps
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# After adding or changing translatable strings: extract them and write their Vietnamese.
# locale/wagtail/ (Wagtail admin Vietnamese, from locale/wagtail/vi_*.py) is rebuilt, never extracted.
messages-update: python-deps
	$(PY) manage.py makemessages -l vi --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete -v 0
	$(PY) locale/fill_vi.py
	$(PY) locale/wagtail/build.py

migrate:
	$(PY) manage.py migrate --noinput

seed:
	$(PY) manage.py seed_demo

serve:
	@echo "Serving http://127.0.0.1:8000  (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's chromium; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: python-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py makemigrations --check --dry-run

test: install chromium lint ## lint, checks, and the whole suite with coverage
	$(VENV)/bin/pytest --cov --cov-report=term:skip-covered

# Re-pin every Python dependency after changing pyproject.toml.
lock: python-deps
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

bench: install
	$(PY) bench/run.py
	$(PY) bench/lesson_page.py
	$(PY) bench/import_people.py
	$(PY) bench/quiz_load.py

clean:
	rm -rf $(VENV) node_modules var .coverage htmlcov
