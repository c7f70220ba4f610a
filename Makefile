# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCALES := zh zh_Hant en
MO_FILES := $(foreach l,$(LOCALES),locales/$(l)/LC_MESSAGES/messages.mo)

.PHONY: run test install locales extract-messages bench check-knowledge dialogues clean system-deps fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP) locales

# Compiled catalogues are build output (not in git): always rebuilt from the .po files.
locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy --domain messages --input-file $< --output-file $@ --statistics 2>&1 | tail -1

locales: $(MO_FILES)

# Staff/developers: after adding _() strings, refresh the catalogues, translate, commit the .po.
extract-messages: $(STAMP)
	$(BIN)/pybabel extract --mapping-file babel.cfg --keywords tr:2 --keywords text:2 --keywords gettext:2 --keywords N_ --no-location --omit-header --sort-output --output-file locales/messages.pot bot
	$(BIN)/python -m bot.tools.catalogues locales knowledge/rules

run: install
	$(BIN)/python -m bot

# Redis is needed by the multi-replica storage tests; installed here when missing.
system-deps:
	@command -v redis-server >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null) || echo "warning: redis-server could not be installed; Redis tests will be skipped"

test: install system-deps
	$(BIN)/python -m pytest -q

# The fuzz property of tests/test_fuzz.py over >= 10,000 random updates (deterministic: derandomized).
fuzz: install
	FUZZ_EXAMPLES=1300 FUZZ_STEPS=30 FUZZ_MIN_UPDATES=10000 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

check-knowledge: install
	$(BIN)/python -m bot check-knowledge knowledge

dialogues: install
	$(BIN)/python -m bot dialogue tests/dialogues

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(MO_FILES) .pytest_cache
