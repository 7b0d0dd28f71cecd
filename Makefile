# Two commands on a fresh machine (Debian 12, Rust toolchain, Node 20):
#   make serve   build the wasm package and serve the checker page on http://127.0.0.1:8080
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
PKG := pkg/package.json
WWW_PKG := www/pkg/.built
PKG_VERSION = $(shell node -p "require('./pkg/package.json').version")
PKG_TARBALL = target/npm/mews-connector-validator-$(PKG_VERSION).tgz
WASM_PACK := wasm-pack build --release --mode no-install

.PHONY: help tools tools-browser pkg serve test lint cargo-test test-node test-types test-browser install-pkg bench bench-callgrind schemas

help:
	@echo "make serve    build and serve the checker page on http://127.0.0.1:8080"
	@echo "make test     run every test (installs what is missing)"
	@echo "make pkg      build the npm package into pkg/"
	@echo "make bench    time the npm package against Ajv in Node; writes BENCHMARKS.md"
	@echo "make bench-callgrind  instructions per call of the native engine; writes BENCHMARKS.md"
	@echo "make schemas  regenerate schemas/ from the OpenAPI document"

tools:
	@scripts/install-tools.sh

tools-browser:
	@scripts/install-tools.sh browser

# ---- the npm package: wasm-pack's web and nodejs builds combined into one package -------------
pkg: tools
	@$(MAKE) $(PKG)

$(PKG): $(CRATE_INPUTS) npm/assemble.mjs npm/README.md LICENSE
	rm -rf pkg
	$(WASM_PACK) --target web --out-dir pkg/web
	$(WASM_PACK) --target nodejs --out-dir pkg/node
	node npm/assemble.mjs

# The page loads the package's browser build from www/pkg/.
$(WWW_PKG): $(PKG)
	rm -rf www/pkg
	cp -r pkg/web www/pkg
	touch $@

serve: pkg
	@$(MAKE) $(WWW_PKG)
	node www/serve.mjs

# ---- tests -------------------------------------------------------------------------------------
test: tools-browser
	@$(MAKE) lint cargo-test $(PKG) $(WWW_PKG) install-pkg test-node test-types test-browser

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

cargo-test:
	cargo test --all-targets
	cargo test --doc

# Installs the packed package into node_modules, as a user's `npm install` would.
install-pkg: $(PKG)
	mkdir -p target/npm
	npm pack ./pkg --pack-destination target/npm --silent >/dev/null
	npm install --no-save --no-audit --no-fund $(PKG_TARBALL)

test-node:
	node --test tests/node/

test-types:
	tsc -p tests/types/tsconfig.json
	tsc -p tests/types/tsconfig.browser.json

test-browser:
	node --test tests/browser/

# Benchmarks (BENCHMARKS.md says what they measure). Minutes, not part of `make test`.
# --expose-gc: the bench collects garbage between workloads, so one's garbage is not billed to the next.
bench: pkg
	node --expose-gc bench/side-by-side.mjs

bench-callgrind:
	@command -v valgrind >/dev/null || { echo "bench-callgrind needs valgrind (apt-get install -y valgrind)" >&2; exit 1; }
	cargo build --release --example bench_workloads
	node bench/callgrind.mjs

schemas:
	cargo run --release --bin mews-schema-gen --
