# Two commands on a fresh machine (Debian 12, Rust toolchain, Node 20):
#   make serve   build the page (wasm web build + JS bundle) and serve it on http://127.0.0.1:$PORT (8080)
#   make test    every check: fmt, clippy, cargo test, wasm build, Node tests, tsc, browser test
# Both install what they need first (scripts/install-tools.sh), quickly when it is already there.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# npm's wasm-opt (binaryen) first: wasm-pack must never fall back to downloading binaryen.
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

CRATE_INPUTS := Cargo.toml Cargo.lock $(shell find src schemas -type f 2>/dev/null)
NPM_INPUTS := $(shell find npm -type f 2>/dev/null)
PKG := pkg/package.json
WWW_PKG := www/pkg/.built
WWW_BUNDLE := www/build/main.js
WWW_SOURCES := www/sample.js $(shell find www/src -type f 2>/dev/null)
# The page's own code and CodeMirror, bundled: main.js starts the engine worker and loads the rest
# as a chunk. The worker (www/worker.js) and the wasm glue are loaded unbundled.
ESBUILD := esbuild www/src/main.js --bundle --splitting --format=esm --target=es2022 --minify \
  --sourcemap=linked --legal-comments=linked --outdir=www/build --entry-names=[name] --chunk-names=chunks/[name]-[hash]
PKG_VERSION = $(shell node -p "require('./pkg/package.json').version")
PKG_TARBALL = target/npm/mews-connector-validator-$(PKG_VERSION).tgz
WASM_PACK := wasm-pack build --release --mode no-install

.PHONY: help tools tools-browser pkg www-pkg www serve test lint cargo-test test-node test-types test-browser install-pkg bench bench-callgrind bench-memory schemas fuzz fuzz-corpus mutants

help:
	@echo "make serve    build and serve the checker page on http://127.0.0.1:\$$PORT (default 8080)"
	@echo "make test     run every test (installs what is missing)"
	@echo "make pkg      build the npm package into pkg/"
	@echo "make bench    time the npm package against Ajv in Node; writes BENCHMARKS.md"
	@echo "make bench-callgrind  instructions per call of the native engine; writes BENCHMARKS.md"
	@echo "make bench-memory  peak memory of the CLI on hostile inputs (issue 9's figures)"
	@echo "make schemas  regenerate schemas/ from the OpenAPI document"
	@echo "make fuzz     run each fuzz target for FUZZ_SECONDS (default 600) on one core (nightly)"
	@echo "make mutants  mutation testing (cargo-mutants) per scope; MUTANTS_SCOPES picks scopes; see MUTANTS.md"

tools:
	@scripts/install-tools.sh

tools-browser:
	@scripts/install-tools.sh browser

# ---- the page: wasm-pack's web build in www/pkg/ and the JS bundle in www/build/ ---------------
# The library builds leave out the CLI (`--no-default-features`: their size is budgeted).
$(WWW_PKG): $(CRATE_INPUTS)
	rm -rf www/pkg
	$(WASM_PACK) --target web --out-dir www/pkg -- --no-default-features
	touch $@

$(WWW_BUNDLE): $(WWW_SOURCES) package-lock.json
	rm -rf www/build
	$(ESBUILD) --log-level=warning

www-pkg: tools
	@$(MAKE) $(WWW_PKG)

# Everything the page loads, and nothing else (no Node build).
www: tools
	@$(MAKE) $(WWW_PKG) $(WWW_BUNDLE)

serve: www
	node www/serve.mjs

# ---- the npm package: the page's web build plus wasm-pack's nodejs builds, in one package ------
# The third build, with the CLI, is what `npx mews-connector-validator` runs.
pkg: tools
	@$(MAKE) $(PKG)

$(PKG): $(WWW_PKG) $(NPM_INPUTS) LICENSE
	rm -rf pkg
	mkdir -p pkg
	cp -r www/pkg pkg/web
	rm pkg/web/.built
	$(WASM_PACK) --target nodejs --out-dir pkg/node -- --no-default-features
	$(WASM_PACK) --target nodejs --out-dir pkg/cli
	node npm/assemble.mjs

# ---- tests -------------------------------------------------------------------------------------
test: tools-browser
	@$(MAKE) lint cargo-test $(PKG) $(WWW_BUNDLE) install-pkg test-node test-types test-browser

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

cargo-test:
	cargo test --all-targets
	cargo test --doc

# Installs the packed package into node_modules, as a user's `npm install` would.
install-pkg: $(PKG)
	mkdir -p target/npm
	npm pack ./pkg --pack-destination target/npm --silent >/dev/null
	npm install --no-save --no-audit --no-fund $(PKG_TARBALL)

# The Node tests compare the npm package with the native CLI: MEWS_CLI is its path (wherever
# CARGO_TARGET_DIR puts it); with CI set, a missing binary fails those tests instead of skipping.
CARGO_TARGET := $(shell cargo metadata --format-version 1 --no-deps 2>/dev/null | node -p "JSON.parse(require('fs').readFileSync(0, 'utf8')).target_directory" 2>/dev/null)
export MEWS_CLI ?= $(CARGO_TARGET)/debug/mews-connector-validator

test-node:
	cargo build --bin mews-connector-validator
	node --test tests/node/

test-types:
	tsc -p tests/types/tsconfig.json
	tsc -p tests/types/tsconfig.browser.json

# The page as served (www/pkg and www/build must be built: `make www`), in headless Chromium.
test-browser:
	node --test --test-concurrency=1 tests/browser/

# Benchmarks (BENCHMARKS.md says what they measure). Minutes, not part of `make test`.
# --expose-gc: the bench collects garbage between workloads, so one's garbage is not billed to the next.
bench: pkg
	node --expose-gc bench/side-by-side.mjs

# Peak memory (max RSS) of the release CLI on issue 9's hostile inputs; SCALE=0.1 for a quick run.
bench-memory:
	cargo build --release --bin mews-connector-validator
	node bench/memory.mjs

bench-callgrind:
	@command -v valgrind >/dev/null || { echo "bench-callgrind needs valgrind (apt-get install -y valgrind)" >&2; exit 1; }
	cargo build --release --example bench_workloads
	node bench/callgrind.mjs

# Also lists the conditions read from the docs' tables in target/conditions.txt, for review.
schemas:
	mkdir -p target
	cargo run --release --bin mews-schema-gen -- --conditions-list target/conditions.txt

# ---- fuzzing (nightly; the fuzz/ crate is its own workspace, outside the stable build) ----------
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= request input session checklist render

fuzz-corpus:
	node fuzz/seeds.mjs

# One target at a time, one job each (-jobs=1 writes libFuzzer's output to fuzz/fuzz-0.log; its
# last lines and the final stats are printed). A crash stops the run; its input is in
# fuzz/artifacts/TARGET/.
fuzz: fuzz-corpus
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@cd fuzz && for target in $(FUZZ_TARGETS); do \
	  echo "== $$target: $(FUZZ_SECONDS) s"; \
	  rm -f fuzz-0.log; \
	  status=0; cargo +nightly fuzz run --debug-assertions $$target corpus/$$target -- \
	    -jobs=1 -max_total_time=$(FUZZ_SECONDS) -timeout=20 -print_final_stats=1 -dict=json.dict || status=$$?; \
	  grep -E "^#[0-9]+.*(INITED|DONE|pulse|NEW|REDUCE)" fuzz-0.log | tail -n 2; \
	  grep -E "^stat::|ERROR|panicked" fuzz-0.log || true; \
	  if [ $$status -ne 0 ]; then tail -n 40 fuzz-0.log; exit $$status; fi; \
	done

# ---- mutation testing (cargo-mutants, pinned; MUTANTS.md holds the results) ---------------------
# One scope at a time, each building and running only the fast test targets that exercise its
# files (passed as cargo arguments, `-C`: after `--` they would limit the test step only, and
# every mutant would build all ~56 test targets: 20–45 s instead of 2–5 s). `--in-place` reuses
# target/ (a copy of the tree would rebuild every dependency per scope), so src/ must be
# committed first: cargo-mutants restores each file after its mutant; if a run is killed,
# `git checkout -- src`. Results per scope are in target/mutants/SCOPE/mutants.out/ (caught.txt,
# missed.txt, unviable.txt, timeout.txt).
# The newer scopes leave out `--lib`: the crate's unit-test harness is a second build of the whole
# crate (6.6 of ~12 s per mutant); their survivors are rerun with it (`--iterate -C --lib`).
# `make mutants MUTANTS_SCOPES=timing` runs one scope. Not part of `make test`.
MUTANTS_VERSION := 27.1.0
# Each mutant rebuilds the crate and relinks every listed test target: without debug info, and with
# mold when it is installed (Debian package `mold`), that is about a third faster. Their own target
# directory, so these flags do not invalidate the normal build.
MUTANTS_RUSTFLAGS := $(if $(shell command -v mold),-C link-arg=-fuse-ld=mold)
MUTANTS_TIMEOUT ?= 300
# A mutant can make a `const fn` loop forever at compile time (`i += 1` → `i *= 1`): builds are cut.
MUTANTS_BUILD_TIMEOUT ?= 240
# Extra cargo-mutants arguments, e.g. a sample: MUTANTS_ARGS="--shard 0/4 --sharding round-robin".
MUTANTS_ARGS ?=
# The habit on a change: MUTANTS_BASE=<commit> mutates only the lines of src/ changed since it
# (`--in-diff`), in minutes; without it each scope is mutated whole (hours for the larger ones).
MUTANTS_BASE ?=
MUTANTS_DIFF := target/mutants/changes.diff
MUTANTS_SCOPES ?= secret timing review datetime checklist render render_formats conformance validation pipeline session rules source api input diagnostic
mutants_files_secret := $(wildcard src/secret/*.rs)
mutants_tests_secret := --lib --test=secrets --test=hostile_output --test=cli_formats --test=input_curl --test=input_http
mutants_files_timing := src/session/timing.rs
mutants_tests_timing := --test=session_rates --test=boundaries --test=session_report
mutants_files_review := src/session/review.rs
mutants_tests_review := --test=session_rates --test=session_checklist --test=session_report --test=boundaries
mutants_files_datetime := src/conformance/datetime.rs src/conformance/dates.rs src/conformance/hygiene.rs
mutants_tests_datetime := --test=conformance_rules --test=boundaries --test=rule_examples
mutants_files_checklist := src/checklist/mod.rs src/checklist/semantic.rs
mutants_tests_checklist := --test=checklist_validation --test=session_checklist --test=session_timeline --test=rule_examples
mutants_files_render := src/render/text.rs src/render/json.rs
mutants_tests_render := --test=cli_formats --test=hostile --lib
mutants_files_render_formats := $(filter-out src/render/text.rs src/render/json.rs,$(wildcard src/render/*.rs))
mutants_tests_render_formats := --test=cli_formats --test=session_report --test=session_timeline --test=fixes --test=conformance_rules_md --test=hostile_output --test=session_cli --test=engine_cli --test=conformance_cli --test=cli_io
mutants_files_conformance := $(filter-out src/conformance/datetime.rs src/conformance/dates.rs src/conformance/hygiene.rs,$(wildcard src/conformance/*.rs))
mutants_tests_conformance := --test=conformance_rules --test=conformance_engine --test=conformance_examples --test=rule_examples --test=rules_triggered --test=boundaries --test=conditional_required --test=secrets --test=engine_examples
mutants_files_validation := $(wildcard src/validation/*.rs)
mutants_tests_validation := --test=schema_messages --test=engine_examples --test=engine_mutations --test=engine_positions --test=engine_bad_input --test=rules_triggered --test=rule_examples --test=limits --test=proptest_mutations
mutants_files_pipeline := $(wildcard src/pipeline/*.rs)
mutants_tests_pipeline := --test=engine_examples --test=engine_positions --test=engine_address --test=engine_bad_input --test=engine_report_schema --test=fixes --test=limits --test=rules_triggered --test=rule_examples --test=conformance_engine --test=session_timeline
mutants_files_session := $(filter-out src/session/timing.rs src/session/review.rs,$(wildcard src/session/*.rs))
mutants_tests_session := --test=session_report --test=session_har --test=session_malformed --test=session_insight --test=session_rates --test=session_cli --test=session_checklist --test=session_timeline --test=boundaries --test=hostile_output
mutants_files_rules := $(wildcard src/rules/*.rs)
mutants_tests_rules := --lib --test=rule_examples --test=conformance_rules_md --test=rules_triggered
# The engine's lower layers (issue 8's split of the old `engine/`): the parsed source and its
# positions, the spec data, pasted inputs, diagnostics and options. Unit tests carry much of them.
mutants_files_source := $(wildcard src/source/*.rs)
mutants_tests_source := --lib --test=engine_positions --test=engine_bad_input --test=engine_examples --test=engine_mutations --test=limits --test=fixes
mutants_files_api := $(wildcard src/api/*.rs)
mutants_tests_api := --lib --test=engine_address --test=engine_examples --test=conformance_examples --test=conformance_engine --test=schemas_bundle --test=schemas_conditions --test=rules_triggered --test=library_schema
mutants_files_input := $(wildcard src/input/*.rs)
mutants_tests_input := --lib --test=input_curl --test=input_http --test=input_pastes --test=input_robustness --test=hostile --test=secrets
mutants_files_diagnostic := $(wildcard src/diagnostic/*.rs) src/options.rs
mutants_tests_diagnostic := --lib --test=engine_report_schema --test=fixes --test=cli_formats --test=secrets --test=limits --test=rules_triggered --test=schema_messages

mutants:
	@cargo mutants --version 2>/dev/null | grep -qx "cargo-mutants $(MUTANTS_VERSION)" \
	  || cargo install cargo-mutants --version $(MUTANTS_VERSION) --locked
	@git diff --quiet -- src || { echo "make mutants mutates src/ in place: commit or stash src/ first" >&2; exit 1; }
	@mkdir -p $(addprefix target/mutants/,$(MUTANTS_SCOPES))
	$(if $(MUTANTS_BASE),@git diff $(MUTANTS_BASE) -- src > $(MUTANTS_DIFF))
	@status=0; $(foreach scope,$(MUTANTS_SCOPES),\
	  echo "== mutants: $(scope): $(mutants_files_$(scope))"; \
	  CARGO_TARGET_DIR=target/mutants/build CARGO_PROFILE_DEV_DEBUG=0 RUSTFLAGS="$(MUTANTS_RUSTFLAGS)" \
	  cargo mutants --in-place --timeout $(MUTANTS_TIMEOUT) --build-timeout $(MUTANTS_BUILD_TIMEOUT) --output target/mutants/$(scope) \
	    $(addprefix --file ,$(mutants_files_$(scope))) $(addprefix -C ,$(mutants_tests_$(scope))) \
	    $(if $(MUTANTS_BASE),--in-diff $(MUTANTS_DIFF)) $(MUTANTS_ARGS) || status=$$?;) \
	exit $$status
