# One entry point. Every target installs what it needs and is safe to run again.
#   make demo   broker + worker + replay of the seeds, alerts shown live
#   make test   lint, types, import contract, schema freshness, then every test (real broker included)
#   make bench  the benchmarks in bench/
#   make soak   every fault scenario of tests/reliability many times, with a table (about 90 minutes)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml uv.lock | sha256sum | cut -c1-12)

# uv installs exactly the versions in uv.lock (make, CI and the Docker image alike). uv itself is
# pinned in scripts/uv-requirements.txt and installed with pip into a tools folder of its own.
TOOLS  := .cache/tools
export UV := $(CURDIR)/$(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never

.PHONY: uv venv lock compile java-maven test-servers chromium demo test lint check bench soak broker-start broker-stop clean

uv: $(UV)

$(UV): scripts/uv-requirements.txt
	@test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet -r scripts/uv-requirements.txt
	@touch $@

venv: $(STAMP)

# The locked dependencies and the project, editable. MILESTONES_EDITABLE_NO_COMPILE: the
# editable install leaves the extraction core alone; `make compile` builds it in place (once).
$(STAMP): pyproject.toml uv.lock | $(UV)
	MILESTONES_EDITABLE_NO_COMPILE=1 UV_PROJECT_ENVIRONMENT=$(VENV) \
	  $(UV) sync --quiet --locked --extra test --python $(PYTHON)
	@rm -f $(VENV)/.installed-*
	@touch $@

# After editing dependencies in pyproject.toml: re-resolve uv.lock (then commit both).
lock: $(UV)
	$(UV) lock --python $(PYTHON)

# The extraction core compiled with mypyc (setup.py), rebuilt whenever one of its sources changed;
# pip's install above builds it the first time. MILESTONES_PURE_PYTHON=1 builds nothing (and
# removes the compiled modules): everything then runs as plain Python.
EXTRACT_SOURCES := $(wildcard streams/extract/*.py)
COMPILED        := streams/extract/_native_sources.json

compile: $(COMPILED)

$(COMPILED): $(EXTRACT_SOURCES) setup.py mypyc.ini | $(STAMP)
	$(BIN)/python setup.py --quiet build_ext --inplace

# The local broker runs Kafka's jars on Java 17, fetched by Maven; install both when missing.
java-maven:
	@command -v java >/dev/null && command -v mvn >/dev/null || { \
	  echo "installing OpenJDK 17 and Maven (Debian packages)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless maven; }

# RabbitMQ and NATS (Debian packages) for the desk-bus bridge tests; installed only when missing.
test-servers:
	@bash scripts/install-test-servers.sh

# Headless Chromium (Debian package) for the live page's browser test, driven by Playwright;
# Playwright's own browser download is never used.
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "installing chromium (Debian package) for the browser test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

demo: compile java-maven
	$(BIN)/milestones demo

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/milestones schemas --check

# Two test processes (pytest-xdist), each file whole in one of them, each process with its own
# broker: most tests wait on Kafka, replays and restarts rather than the CPU, so two at a time
# take about half the time on two cores. 'python -m pytest' alone runs them one by one.
test: lint compile java-maven test-servers chromium
	$(BIN)/milestones broker fetch
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: compile
	$(BIN)/python bench/run.py

soak: compile java-maven
	$(BIN)/milestones broker fetch
	$(BIN)/python bench/soak.py

broker-start: venv
	$(BIN)/milestones broker start

broker-stop: venv
	$(BIN)/milestones broker stop

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache
