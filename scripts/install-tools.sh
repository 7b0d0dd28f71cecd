#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already in place, so a second
# run takes seconds. Everything comes from the package registries (crates.io, npm, Debian).
#   scripts/install-tools.sh           Rust wasm target, wasm-pack, wasm-bindgen-cli, npm devDependencies
#   scripts/install-tools.sh browser   the same plus Chromium for the browser test
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must be exactly the wasm-bindgen crate's version (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
[[ -n $WASM_BINDGEN_VERSION ]] || { echo "install-tools: no pinned wasm-bindgen in Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

if [[ $(wasm-pack --version 2>/dev/null) != "wasm-pack $WASM_PACK_VERSION" ]]; then
  cargo install wasm-pack --locked --version "$WASM_PACK_VERSION" --force
fi

# Without --locked: wasm-bindgen-cli's lock file pins a crate version the registry may lack.
if [[ $(wasm-bindgen --version 2>/dev/null) != "wasm-bindgen $WASM_BINDGEN_VERSION"* ]]; then
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm devDependencies (binaryen's wasm-opt, TypeScript, playwright-core, Ajv), exactly as locked.
# node_modules/.package-lock.json is npm's record of the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
# wasm-pack must find THIS wasm-opt (the Makefile puts node_modules/.bin first on PATH): without
# one it downloads binaryen from GitHub, and Debian's binaryen package produces broken modules.
[[ -x node_modules/.bin/wasm-opt ]] || { echo "install-tools: node_modules/.bin/wasm-opt missing" >&2; exit 1; }

if [[ ${1:-} == browser && ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) == 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "install-tools: the browser test needs Chromium at /usr/bin/chromium." >&2
    echo "  Install it as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
