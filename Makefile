# The front door. Two commands matter (see README.md):
#   make serve   install what is missing, build, serve dist/ on http://127.0.0.1:8000/
#   make test    install what is missing, build, run every test (native + browser)
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
PORT ?= 8000
JOBS ?= $(shell nproc)

NATIVE := build/native
WASM := build/wasm

.PHONY: all setup native wasm dist serve test test-native test-browser bench clean

all: dist

setup:
	@bash scripts/setup.sh

native: setup
	@[ -f $(NATIVE)/CMakeCache.txt ] || cmake --preset native -G "Unix Makefiles" >/dev/null
	cmake --build $(NATIVE) -j$(JOBS)

wasm: setup
	@[ -f $(WASM)/CMakeCache.txt ] || cmake --preset wasm -G "Unix Makefiles" >/dev/null
	cmake --build $(WASM) -j$(JOBS)

# The deployable site: copy dist/ to any static host.
dist: wasm
	@bash scripts/make-dist.sh $(WASM)/wasm dist

serve: dist
	@echo "Serving dist/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test-native: native
	ctest --test-dir $(NATIVE) --output-on-failure -j$(JOBS)

test-browser: dist
	node --test --test-concurrency=1 tests/browser/

test: test-native test-browser

bench: dist
	node bench/pathological.mjs

clean:
	rm -rf build dist
