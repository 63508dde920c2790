# Two entry points for a fresh machine: `make demo` and `make test`. Each builds .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test eval weights conformance bench chromium clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The sample articles contain contradictions, so `check` exits 1 there: that is the demo working.
demo: $(STAMP)
	$(VENV)/bin/haiti-claims check data; test $$? -le 1

test: $(STAMP) chromium
	$(PY) -m pytest -q

# The HTML report's test opens it in Debian's chromium: installed here when missing and apt-get can (as root).
chromium:
	@command -v chromium >/dev/null || ! command -v apt-get >/dev/null || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# Every labelled corpus (../shared/seeds, ../shared/dev, tests/corpora) checked and scored: one table.
# `make eval SAVE=--save` records the figures in bench/eval.json (the floors tests/test_eval.py holds).
eval: $(STAMP)
	$(PY) -m bench.eval $(SAVE)

# Pass rates on peer projects' test cases (../shared/conformance), beside the peer libraries.
# `make conformance SAVE=--save` records this project's rates in bench/conformance.json (the ratchet).
$(VENV)/.bench-installed: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

conformance: $(VENV)/.bench-installed
	$(PY) -m bench.conformance $(SAVE)

# Speed against raw spaCy, cold and warm claim store, N = 100 and 1,000 articles (~17 min on 2 cores).
# `make bench ARGS=--large` adds N = 10,000 (about an hour and a half more; with `--skip raw-one,alternative`,
# 45 min); `ARGS="--repeat 2"` keeps the fastest of two. The README's Performance section has the figures.
bench: $(STAMP)
	$(PY) -m bench.bench $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache

# The matcher's packaged weights (python -m haiti_claims.match.fit --help), fitted on every labelled story there is
# but our held-out corpora: a `held-out` file in a corpus's folder keeps it out, so its `make eval` row is held out.
FITTED := $(filter-out $(patsubst %/held-out,%,$(wildcard tests/corpora/*/held-out)),$(patsubst %/gold.json,%,$(wildcard tests/corpora/*/gold.json)))
weights: $(STAMP)
	$(PY) -m haiti_claims.match.fit ../shared/dev/stories/* ../shared/seeds $(FITTED) \
		--out haiti_claims/match/weights.json
