# Two commands do all set-up: `make run` (the app) and `make test` (the whole suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint format bench clean browser-deps bytecode pot catalogs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.run-deps $@

# Byte-compile the package as pip does for an installed one: Python skips compiling it at every
# start, even where PYTHONDONTWRITEBYTECODE is set (as on our CI machines). Cheap when up to date.
# The interface catalogs (.po) are compiled to .mo here too: the app reads a .mo newer than its .po.
bytecode: | $(BIN)/python
	@$(BIN)/python -m compileall -q curriculum app.py
	@$(BIN)/pybabel -q compile -D messages -d curriculum/locale || echo 'a catalog did not compile: the app reads its .po instead (tests/test_catalogs.py says why)'

# Interface strings: extract the English sources into the template, then merge it into every catalog
# (translators then fill in the new entries with Poedit or Weblate; see README "Translating the interface").
PYBABEL_KEYWORDS := --no-default-keywords -k _C:1c,2 -k _NC:1c,2,3
pot: | $(BIN)/python  ## re-extract curriculum/locale/messages.pot from the code
	$(BIN)/pybabel extract -F babel.cfg $(PYBABEL_KEYWORDS) --no-location --project curricula -o curriculum/locale/messages.pot curriculum

catalogs: pot  ## update every catalog from the template (new entries empty, changed ones fuzzy)
	$(BIN)/pybabel update -D messages -i curriculum/locale/messages.pot -d curriculum/locale --previous

run: $(VENV)/.run-deps bytecode  ## start the app on the bundled workspace (port: STREAMLIT_SERVER_PORT, default 8501)
	$(BIN)/streamlit run app.py --server.headless true

browser-deps:  ## Debian's Chromium for the end-to-end tests, LibreOffice (Writer, Calc, UNO) for the Word and spreadsheet tests, Java for the Nu HTML validator, poppler-utils and qpdf for the Arabic PDF tests, and axe-core and vnu-jar from the npm registry (--ignore-scripts: vnu-jar's own script would download a Java)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@{ command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils qpdf >/dev/null; }
	@{ command -v soffice >/dev/null 2>&1 && test -e /usr/lib/libreoffice/program/libsclo.so && /usr/bin/python3 -c 'import uno' 2>/dev/null; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui python3-uno >/dev/null; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }
	@{ test -f node_modules/axe-core/axe.min.js && test -f node_modules/vnu-jar/build/dist/vnu.jar; } || npm ci --ignore-scripts --no-audit --no-fund --silent

test: $(VENV)/.dev-deps browser-deps bytecode  ## lint, then every test (unit, pages, real browser)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .

format: $(VENV)/.dev-deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(VENV)/.bench-deps: requirements-bench.txt $(VENV)/.dev-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench: $(VENV)/.bench-deps bytecode  ## print the performance figures the issues ask for
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache
