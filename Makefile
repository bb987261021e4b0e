# The front door. Two commands matter (see README.md):
#   make serve   install what is missing, build the sample blog (posts/, hugo.toml) with
#                the native tool into build/site, serve it on http://127.0.0.1:8000/ and
#                rebuild it when a post is saved (open pages reload)
#   make test    install what is missing, build, run every test (native under
#                ASan + UBSan, browser, the first visit's size budget)
#   make fuzz    libFuzzer on every fuzz target for FUZZ_SECONDS each (default 60)
#   make site SRC=~/my-hugo-site OUT=public BASE_URL=https://example.com/
#                a Hugo-style site built for a static host
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
PORT ?= 8000
JOBS ?= $(shell nproc)

NATIVE := build/native
WASM := build/wasm
ASAN := build/asan
FUZZ := build/fuzz
FUZZ_SECONDS ?= 60
# make site / make serve: the Hugo-style site to build and where to.
SRC ?= .
OUT ?= build/site
BASE_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: all setup native native-tool wasm dist test-dist site serve test test-native test-asan test-browser test-size asan fuzz bench screenshots clean

all: dist

setup:
	@bash scripts/setup.sh

native: setup
	@[ -f $(NATIVE)/CMakeCache.txt ] || cmake --preset native -G "Unix Makefiles" >/dev/null
	cmake --build $(NATIVE) -j$(JOBS)

# The native tool alone (build/native/wasm-blog), without the tests.
native-tool: setup
	@[ -f $(NATIVE)/CMakeCache.txt ] || cmake --preset native -G "Unix Makefiles" >/dev/null
	cmake --build $(NATIVE) -j$(JOBS) --target wasm-blog

wasm: setup
	@[ -f $(WASM)/CMakeCache.txt ] || cmake --preset wasm -G "Unix Makefiles" >/dev/null
	cmake --build $(WASM) -j$(JOBS)

# The no-build site (hash routes, nothing prerendered): copy dist/ to any
# static host. Its posts/index.json is the tool's, from the front matter.
dist: wasm native-tool
	@bash scripts/make-dist.sh $(WASM)/wasm dist $(NATIVE)/wasm-blog

# SRC built for a static host: prerendered pages, feeds, the widget (from dist/).
site: dist
	$(NATIVE)/wasm-blog build $(SRC) $(OUT) --base-url $(BASE_URL) --assets dist

# SRC built into OUT for http://127.0.0.1:$(PORT)/ and served there; a saved
# post or config rebuilds it and open pages reload (scripts/serve.mjs; the
# reload script is added as pages are served, never written into OUT).
serve: dist
	node scripts/serve.mjs --site $(SRC) --out $(OUT) --port $(PORT) --tool $(NATIVE)/wasm-blog --assets dist

test-native: native
	ctest --test-dir $(NATIVE) --output-on-failure -j$(JOBS)

# The native tests (Catch2, conformance, fuzz replays), every target built
# with AddressSanitizer + UndefinedBehaviorSanitizer: any report fails. -O1
# and line tables only: ASan's own advice, and a third of -O2 -g's compile
# time under the sanitizers (the test files themselves: -O0, tests/CMakeLists.txt).
# Debian's clang, as for make fuzz: the sanitizers' own compiler, and it
# builds this tree in 30% less time than g++; its linker lld links in a
# third less than ld (a folder configured otherwise is configured anew).
ASAN_FLAGS := -O1 -g1 -DNDEBUG
asan: setup
	@grep -qs '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' $(ASAN)/CMakeCache.txt \
	  && grep -qs '^CMAKE_EXE_LINKER_FLAGS:[A-Z]*=-fuse-ld=lld' $(ASAN)/CMakeCache.txt || rm -rf $(ASAN)
	@[ -f $(ASAN)/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B $(ASAN) -G "Unix Makefiles" \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBLOG_SANITIZE=address,undefined \
	  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=$(ASAN_FLAGS)" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$(ASAN_FLAGS)" \
	  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
	cmake --build $(ASAN) -j$(JOBS)

test-asan: asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN) --output-on-failure -j$(JOBS)

# libFuzzer (Debian's clang) on every target of tests/fuzz/ for FUZZ_SECONDS
# each: a table of executions, corpus and findings (tests/fuzz/run.sh).
fuzz: setup
	@[ -f $(FUZZ)/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G "Unix Makefiles" \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBLOG_SANITIZE=address,undefined -DBLOG_FUZZ=ON >/dev/null
	cmake --build $(FUZZ) -j$(JOBS) --target fuzz_targets
	bash tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

# dist/ for the tests: its index written by the sanitized tool, which the
# native tests built already (no third compile of the core), and which the
# browser tests run too (BLOG_TOOL), so a sanitizer report fails them.
test-dist: wasm asan
	@bash scripts/make-dist.sh $(WASM)/wasm dist $(ASAN)/wasm-blog

# The browser test files are independent (each has its own server on a free
# port, its own temporary folders and browser contexts; run.mjs starts one
# Chromium for all of them): as many files at a time as there are cores.
# Run alone, a file leaves most of a core idle while it waits on Chromium.
BROWSER_JOBS ?= $(JOBS)
BROWSER_TESTS = BLOG_TOOL=$(ASAN)/wasm-blog node tests/browser/run.mjs --concurrency $(BROWSER_JOBS)
test-browser: test-dist
	$(BROWSER_TESTS)

# The first visit's size budget (tests/size/): reads the dist/ made above.
SIZE_TESTS = node --test tests/size/
test-size: test-dist
	$(SIZE_TESTS)

# Every test once: the native ones under the sanitizers, the browser and size
# tests. The sanitized build and the wasm build run side by side, and the
# native tests while the engines link (a build alone leaves a core idle in
# its configure step and its last links); then the browser and size tests.
# (`make test-native`: the native tests in the plain build.)
test:
	@$(MAKE) --no-print-directory -j2 test-asan test-dist
	$(BROWSER_TESTS)
	$(SIZE_TESTS)

bench: dist
	node bench/first-visit.mjs
	node bench/throughput.mjs
	node bench/index.mjs
	node bench/scale.mjs
	node bench/size.mjs
	node bench/pathological.mjs
	node bench/memory.mjs
	node bench/build.mjs
	node bench/lighthouse.mjs
	node bench/search.mjs

# The README's screenshots (docs/*.png) from dist/, in Debian's Chromium.
screenshots: dist
	node scripts/screenshots.mjs

clean:
	rm -rf build dist
