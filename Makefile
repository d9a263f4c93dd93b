# bk — build, test and demo. `make demo` and `make test` work on a fresh Debian 12 machine.
SHELL := /bin/bash
SWIFT ?= swift
BUILD_FLAGS ?=
BIN_DIR = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcurl4-openssl-dev libssl-dev libxml2-utils openssl jq python3-jsonschema

.PHONY: setup build test demo bench clean

## setup: install missing system packages and create the test PKI when absent
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] && ! { [ "$$missing" = " python3-jsonschema" ] && python3 -c 'import jsonschema' 2>/dev/null; }; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	@bash Examples/make-test-pki.sh Examples/pki

## build: compile bk and bk-holder
build: setup
	$(SWIFT) build $(BUILD_FLAGS)

## test: unit and end-to-end tests
test: build
	$(SWIFT) test $(BUILD_FLAGS)

## demo: start the test holders, log in the richest test citizen, print the overview
demo: build
	@BIN="$(BIN_DIR)" bash Examples/demo.sh

## bench: performance scenarios side by side with curl (release build); figures go to BENCHMARKS.md
bench: setup
	@for p in time valgrind curl; do dpkg -s $$p >/dev/null 2>&1 || { $(SUDO) apt-get update -qq; $(SUDO) apt-get install -y -qq $$p >/dev/null; }; done
	$(SWIFT) build -c release
	BIN="$$($(SWIFT) build -c release --show-bin-path)" python3 Benchmarks/bench.py $(SCENARIOS)

clean:
	rm -rf .build .build-bench .state Examples/pki
