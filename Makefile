# planq — build, test and run from a fresh Debian machine.
#   make run      install build deps, build release, import samples/, show status
#   make test     install build deps, run the test suite
#   make install  PREFIX=/usr/local
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/planq
DEBS := libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libjemalloc-dev pkg-config
PKGS := sqlite3 libcmark-gfm libxml-2.0 jemalloc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_DB := .planq/demo.db

.PHONY: deps build release test run install clean bench bench-deps instructions templates screenshots fuzz mcp-check

# Installs the Debian -dev packages only when pkg-config cannot find one of the libraries.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $(PKGS) && \
		[ -f "$$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]; then \
		echo "deps: $(PKGS) found"; \
	else \
		echo "deps: installing $(DEBS)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEBS); \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in: a command starts in 7 ms instead of 14 (no
# dynamic loading and relocation of libFoundation), which is most of a short command's time.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: deps
	$(SWIFT) build
	$(SWIFT) test

run: release
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) --db $(DEMO_DB) import samples/
	$(BIN) --db $(DEMO_DB) status --today 2026-03-18
	$(BIN) --db $(DEMO_DB) tasks --week 3

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 -s $(BIN) $(DESTDIR)$(PREFIX)/bin/planq

# Speed against floors measured in the same run (../shared/bench, beside the checkout).
# PRESET=small|medium|large; the corpus is generated outside the checkout.
PRESET ?= medium
BENCH_DIR ?= /tmp/planq-bench-$(PRESET)
BENCH_TOOLS := sqlite3 cmark-gfm hyperfine time taskwarrior

bench-deps:
	@missing=""; for tool in sqlite3 cmark-gfm hyperfine task; do command -v $$tool >/dev/null 2>&1 || missing=1; done; \
	[ -x /usr/bin/time ] || missing=1; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(BENCH_TOOLS); fi

bench: release bench-deps
	@test -d ../shared/bench || { echo "bench: ../shared/bench is not beside the checkout"; exit 1; }
	@test -f $(BENCH_DIR)/corpus.json || python3 ../shared/bench/gen_corpus.py $(BENCH_DIR) --preset $(PRESET)
	../shared/bench/run.sh $(BENCH_DIR) $(BIN)

# The instructions a full import executes (callgrind): a count that, unlike the bench's times,
# repeats between runs on a busy machine. IPRESET=small|medium (medium takes some minutes).
IPRESET ?= small
instructions: release
	@command -v valgrind >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind; }
	@test -d ../shared/bench || { echo "instructions: ../shared/bench is not beside the checkout"; exit 1; }
	@test -f /tmp/planq-bench-$(IPRESET)/corpus.json || python3 ../shared/bench/gen_corpus.py /tmp/planq-bench-$(IPRESET) --preset $(IPRESET)
	scripts/count_instructions.sh $(BIN) /tmp/planq-bench-$(IPRESET)

clean:
	rm -rf .build .planq

# Compiles templates/ (report.css, adr.md, adr-nygard.md, runbook.md) into Swift sources; a test checks they match.
TEMPLATE_SOURCES := Sources/Reports/HTML/Stylesheet.swift Sources/Generators/BuiltinTemplates.swift
templates: $(TEMPLATE_SOURCES)
$(TEMPLATE_SOURCES) &: templates/report.css templates/adr.md templates/adr-nygard.md templates/runbook.md scripts/embed_templates.py
	python3 scripts/embed_templates.py

# Renders the sample week report to PNG, light and dark, with headless Chromium (installed here).
screenshots: build
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-color-emoji; }
	@dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-color-emoji
	sh scripts/screenshots.sh .build/debug/planq

# The fuzz and kill tests with many more cases than `make test` runs (1,500 fuzz cases and
# 6 kills there).
fuzz: build
	PLANQ_FUZZ_CASES=$${PLANQ_FUZZ_CASES:-50000} PLANQ_KILLS=$${PLANQ_KILLS:-200} $(SWIFT) test --filter "FuzzTests|KillTests"

# `planq mcp` driven by the official MCP Python SDK's stdio client (from PyPI, in a venv under
# .build): every tool called on the samples, a writing query refused.
MCP_VENV := .build/mcp-venv
mcp-check: build
	@test -x $(MCP_VENV)/bin/python || { python3 -m venv $(MCP_VENV) && $(MCP_VENV)/bin/pip install -q mcp; }
	@rm -rf .build/mcp-check && mkdir -p .build/mcp-check
	.build/debug/planq --db .build/mcp-check/kb.db import samples/ -q
	$(MCP_VENV)/bin/python scripts/mcp_client_check.py .build/debug/planq .build/mcp-check/kb.db
