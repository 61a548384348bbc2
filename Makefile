# emalu: `make run` serves the demo site, `make test` runs the whole suite.
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
# The suite runs on PostgreSQL (the ledger's guarantees are PostgreSQL's); override for another server.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/emalu
# Bytecode is written (to __pycache__/, ignored by git) even where the shell says not to: the suite
# starts gunicorn and manage.py dozens of times, and each start would compile the project again.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: install run test bench lint format messages screenshots clean

$(BIN)/activate:
	@python=$$(scripts/find-python) && echo "Using $$python" && "$$python" -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	@command -v msgfmt >/dev/null || { echo "GNU gettext is needed to compile translations: apt-get install gettext" >&2; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# Demo site on SQLite (var/emalu.sqlite3), console mail, http://127.0.0.1:8000/ (PORT=8001 for
# another port, when 8000 is taken; the links in the mail it prints follow it).
PORT ?= 8000
run: install
	@mkdir -p var
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0
	DEBUG=1 $(MANAGE) migrate --no-input -v 0
	DEBUG=1 $(MANAGE) load_demo
	DEBUG=1 SITE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The whole suite over two pytest-xdist workers a core, each with a test database of its own
# (named by the run's id: two runs on one TEST_DATABASE_URL at once keep apart, tests/live/);
# a worker that runs out of tests takes some from the others (worksteal). Two, not one: a live
# test waits for the processes it starts (gunicorn, Chromium, manage.py), and a second worker
# fills that wait (on 2 cores: 526 s with one worker a core, 466 s with two, the CPU idle 6 s of
# 935). WORKERS=... for another count. The migrated database the
# workers' test databases copy, the live tests' template database and static files are built once
# for the run (tests/live/). With PYTEST_ARGS (a file, -k ...), one process.
WORKERS ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || sysctl -n hw.ncpu) )))
test: install
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) compilemessages --ignore=.venv -v 0
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest $(or $(strip $(PYTEST_ARGS)),-n $(WORKERS) --dist worksteal)

# Benchmarks on PostgreSQL (a database of their own); prints a table, writes var/bench.json.
bench: install
	bench/run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract the catalogues (kk, ru); translate what it adds, then `make test` checks completeness.
messages: install
	DEBUG=1 $(MANAGE) makemessages -l kk -l ru --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=node_modules --ignore=conf
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0

# PNGs of every public page state (kk, ru x 390, 1280 px) and the desk pages, in var/screenshots/:
# the site served by gunicorn on a SQLite database of its own, Debian's Chromium.
screenshots: install
	$(PY) scripts/screenshots

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static
