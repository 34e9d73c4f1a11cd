# The two commands README gives: `make site` and `make test`. Both install the Debian
# packages they need where missing, then set up .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --quiet --disable-pip-version-check
# uv installs the locks (pip installs uv): the same packages and hash checks as pip, in a
# few seconds instead of twenty. Compiled to bytecode at once, as pip does: where
# PYTHONDONTWRITEBYTECODE is set (as on this project's machines), every build the tests
# start would compile MkDocs, Material and WeasyPrint again.
UV      := $(BIN)/uv
INSTALL := $(UV) pip install --quiet --compile-bytecode --python $(BIN)/python
# Two stamps: the build's packages (make site) and the tests' on top (make test).
READY      := $(VENV)/.build-installed
TEST_READY := $(VENV)/.test-installed
# The engine that builds the site: mkdocs, or its maintained fork properdocs (README).
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

NODE_READY := node_modules/.installed

.PHONY: setup system-site system-test site site-unlocked test test-suite check serve preview screenshots bench new-card translations translated lint links lock clean

setup: system-site $(READY)

# The Debian packages a command needs, where missing (tools/system-packages lists them):
# as root it installs them with apt-get, otherwise it stops with the one `sudo apt-get
# install` line to run; silent when nothing is missing. The first prerequisite of the
# commands that need them, so it runs before the venv is made.
system-site system-test:
	@PYTHON=$(PYTHON) VENV=$(VENV) sh tools/system-packages $(@:system-%=%)

# The venv and uv in it, itself checked against the hashes of requirements-uv.lock.
$(UV): requirements-uv.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements-uv.lock
	touch $@

# Exactly the locked packages, each checked against its hash; then the card core as a
# package (pyproject.toml), editable, built with the locked setuptools.
$(READY): requirements.lock pyproject.toml $(UV)
	$(INSTALL) --require-hashes -r requirements.lock
	$(INSTALL) --no-deps --no-build-isolation --editable .
	touch $@

# The tests' lock holds the build's packages too (at the same versions), so a new venv
# for `make test` installs it alone, in one pass.
$(TEST_READY): requirements-test.lock requirements.lock pyproject.toml $(UV)
	$(INSTALL) --require-hashes -r requirements-test.lock
	$(INSTALL) --no-deps --no-build-isolation --editable .
	touch $(READY) $@

# After a change to a requirements*.txt: compile the three locks again (every package,
# with hashes) with uv, the installer already in .venv. README says more.
lock: $(UV)
	for name in requirements requirements-test requirements-uv; do \
	  $(UV) pip compile --quiet --generate-hashes --python $(BIN)/python \
	    --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) -o $$name.lock $$name.txt \
	    || exit 1; \
	done

# Build into a temporary folder and swap it in only after a strict build succeeded,
# so a failed build leaves the last good site/ as it was. One build at a time per
# checkout (flock): a second `make site` waits, so site/ is always one whole build.
site: system-site $(READY)
	@flock --nonblock .site.lock true || \
	  echo "make site: another build is running in this folder; waiting for it to finish."
	@flock .site.lock $(MAKE) --no-print-directory site-unlocked

# tools/config_guard.py reads mkdocs.yml before MkDocs does: MkDocs would run a tag or a hook
# in it while loading it, before any check of ours (CONTRIBUTING, "Who reviews what").
site-unlocked:
	$(BIN)/python -m tools.config_guard mkdocs.yml
	rm -rf .site-new
	$(BIN)/python -m $(ENGINE) build --strict --site-dir .site-new || { rm -rf .site-new; exit 1; }
	rm -rf .site-old
	if [ -d site ]; then mv site .site-old; fi
	mv .site-new site
	rm -rf .site-old
	@echo "Built site/ (open site/index.html, or run 'make serve')."

# axe-core for the accessibility tests, exactly as package-lock.json pins it.
$(NODE_READY): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The full gate CI runs: the lint beside every test, spread over the machine's cores
# (pytest-xdist). The lint runs while the tests wait on their first builds and browsers,
# so it adds no time; both must pass.
test: system-test $(TEST_READY) $(NODE_READY)
	$(BIN)/python -m tools.config_guard mkdocs.yml
	$(MAKE) --no-print-directory --jobs=2 lint test-suite

test-suite: $(TEST_READY) $(NODE_READY)
	$(BIN)/python -m pytest --numprocesses=auto

# Quick feedback while editing: one strict build first (its messages name file and fix),
# the lint, then the unit tests and the content checks of what editors write, on the site/
# just built (no second build). What an editor can break in docs/ fails here first, with
# the message `make test` would give; `make test` stays the gate.
check: system-site $(TEST_READY)
	$(MAKE) --no-print-directory site
	$(MAKE) --no-print-directory lint
	HANDBOOK_CHECK_SITE=site $(BIN)/python -m pytest --numprocesses=auto -m "unit or content" -q --tb=line -p no:cacheprovider

# Build-time benchmark (not a test): `make bench`, or `make bench QUICK=1` to stop at N=100.
bench: system-site $(READY)
	$(BIN)/python -m bench.run $(if $(QUICK),--quick)

# PNG screenshots of the built site/ for reviewers (desktop, phone, both languages);
# CI uploads them. Needs Chromium, as make test does.
screenshots: system-test site $(TEST_READY)
	$(BIN)/python -m tools.screenshots

# Live preview for editors at http://127.0.0.1:8000/ ; skips the card PDFs for speed.
serve: system-site $(READY)
	$(BIN)/python -m tools.config_guard mkdocs.yml
	HANDBOOK_PDFS=false $(BIN)/python -m $(ENGINE) serve --livereload

# The last look before a release: the full site/ through nginx with deploy/nginx.conf, as the
# intranet serves it (headers, 404 pages, Content-Security-Policy) on 127.0.0.1; Ctrl-C stops it.
preview: system-test site
	$(BIN)/python -m tools.preview

# Editors' tools (see CONTRIBUTING.md). A new attitude or tip, German and English page:
#   make new-card KIND=tip ID=klare-worte
# KIND and ID reach the tool in the environment (make exports command-line variables);
# they never become part of the shell command, so no value can run as code.
new-card: $(READY)
	$(BIN)/python -m tools.new_card

# Translations to check: the original's text or their own changed since they were checked.
translations: $(READY)
	$(BIN)/python -m tools.translation_report

# After checking a translation against its original (CONTRIBUTING.md, "Translations"):
#   make translated FILE=docs/tipps/kontakt.en.md
# FILE reaches the tool in the environment, as KIND and ID do for new-card.
translated: $(READY)
	$(BIN)/python -m tools.translated

# The Python checks (ruff, mypy: configured in pyproject.toml) and the Markdown lint of
# docs/; make test runs them first.
lint: $(TEST_READY)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy
	$(BIN)/python -m tools.nbsp docs
	$(BIN)/pymarkdown --strict-config --config .pymarkdown.json scan -r docs || { \
	  echo "Markdown lint: each line above is file:line:column: rule: problem. Fix that line;"; \
	  echo "CONTRIBUTING.md explains the rules we use."; exit 1; }

# Every link and anchor of the built site/ (also part of make test).
links: $(TEST_READY)
	$(BIN)/python -m tools.check_links site

clean:
	rm -rf site .site-new .site-old .site.lock .cache .pytest_cache test-artifacts .preview
