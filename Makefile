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

.PHONY: help tools tools-browser pkg www-pkg www serve test lint cargo-test test-node test-types test-browser install-pkg bench schemas

help:
	@echo "make serve    build and serve the checker page on http://127.0.0.1:\$$PORT (default 8080)"
	@echo "make test     run every test (installs what is missing)"
	@echo "make pkg      build the npm package into pkg/"
	@echo "make bench    size and load-to-first-report figures of the wasm package"
	@echo "make schemas  regenerate schemas/ from the OpenAPI document"

tools:
	@scripts/install-tools.sh

tools-browser:
	@scripts/install-tools.sh browser

# ---- the page: wasm-pack's web build in www/pkg/ and the JS bundle in www/build/ ---------------
$(WWW_PKG): $(CRATE_INPUTS)
	rm -rf www/pkg
	$(WASM_PACK) --target web --out-dir www/pkg
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

# ---- the npm package: the page's web build plus wasm-pack's nodejs build, in one package ------
pkg: tools
	@$(MAKE) $(PKG)

$(PKG): $(WWW_PKG) npm/assemble.mjs npm/README.md LICENSE
	rm -rf pkg
	mkdir -p pkg
	cp -r www/pkg pkg/web
	rm pkg/web/.built
	$(WASM_PACK) --target nodejs --out-dir pkg/node
	node npm/assemble.mjs

# ---- tests -------------------------------------------------------------------------------------
test: tools-browser
	@$(MAKE) lint cargo-test $(PKG) $(WWW_BUNDLE) install-pkg test-node test-types test-browser

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

# The page as served (www/pkg and www/build must be built: `make www`), in headless Chromium.
test-browser:
	node --test --test-concurrency=1 tests/browser/

bench: pkg
	node tests/node/bench.mjs

schemas:
	cargo run --release --bin mews-schema-gen --
