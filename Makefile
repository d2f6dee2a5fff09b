# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := FORUM_DEVELOPMENT=true $(BIN)/flask --app wsgi
TRANSLATIONS := $(patsubst %.po,%.mo,$(wildcard forum/translations/*/LC_MESSAGES/messages.po))

.PHONY: run test install icu browser words lint translations extract-messages seed-large clean

run: install translations words
	$(FLASK) db upgrade
	$(FLASK) forum seed-demo
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install translations browser words
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

# The search engine is installed by hash first: it has one maintainer and frequent
# releases, so the exact file we reviewed is the one that runs.
WHOOSH := whoosh3==3.54.0 --hash=sha256:fb9656781a8f42a6ddc273e6e9e456edd0ad8976f4899d9593c424b59a445539

$(VENV)/.installed: pyproject.toml constraints.txt | icu
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	echo '$(WHOOSH)' | $(BIN)/pip install --quiet --require-hashes --no-deps -r /dev/stdin
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

translations: install $(TRANSLATIONS)

forum/translations/%/LC_MESSAGES/messages.mo: forum/translations/%/LC_MESSAGES/messages.po
	$(BIN)/pybabel compile --statistics --domain messages --input-file $< --output-file $@ 2>&1 | tail -n 1

# PyICU (Unicode's lookalike data for names that imitate staff) is built against
# Debian's ICU, which gets the security updates. Installed here when we may (root with
# apt); otherwise we say what is missing.
icu:
	@{ pkg-config --exists icu-i18n && command -v c++ && \
	  $(PYTHON) -c 'import os, sysconfig; assert os.path.exists(sysconfig.get_path("include") + "/Python.h")'; \
	} >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's ICU and a C++ compiler for PyICU"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ python3-dev >/dev/null; \
	  else echo "PyICU needs ICU, a C++ compiler and Python's headers: apt-get install libicu-dev pkg-config g++ python3-dev" >&2; exit 1; fi; }

# Search splits German compound words with Debian's German word list (wngerman),
# read at run time. Installed here when we may (root with apt); otherwise we say so.
words:
	@test -f /usr/share/dict/ngerman || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's German word list for splitting compound words"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wngerman >/dev/null; \
	  else echo "Search splits compound words with Debian's German word list: apt-get install wngerman" >&2; exit 1; fi; }

# Browser tests drive Debian's Chromium. Installed here when we may (root with apt);
# otherwise the browser tests say why they skip (and fail in CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium not found: browser tests will be skipped (apt-get install chromium)"; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

extract-messages: install
	$(BIN)/pybabel extract --ignore-dirs '.*' --mapping-file babel.cfg --keywords _l --no-location --sort-output --width 100 --output-file forum/translations/messages.pot .
	$(BIN)/pybabel update --input-file forum/translations/messages.pot --output-dir forum/translations --no-fuzzy-matching --ignore-obsolete --width 100

seed-large: install translations words
	$(FLASK) db upgrade
	$(FLASK) forum seed --posts 200000
	$(FLASK) forum reindex

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
