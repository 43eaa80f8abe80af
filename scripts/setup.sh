#!/usr/bin/env bash
# Installs whatever pinned tool is missing; quick when everything is already there.
# Sources: rustup (wasm32 target), crates.io (wasm-bindgen-cli, Trunk, worker-build),
# Debian (chromium, chromium-driver), npm (wrangler, binaryen, Workbox, Playwright, axe-core).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

step() { printf '\n== %s\n' "$*"; }

# The toolchain and target come from rust-toolchain.toml.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup: wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# cargo_tool <binary> <crate> <version> <version-probe-regex> [--locked]
cargo_tool() {
  local bin=$1 crate=$2 version=$3 locked=${4:-}
  if "$bin" --version 2>/dev/null | grep -q -- "$version"; then
    return
  fi
  step "cargo install $crate $version (cold installs take minutes on two cores)"
  cargo install "$crate" --version "$version" $locked
}
# wasm-bindgen-cli refuses --locked; its version must equal the one in Cargo.lock.
cargo_tool wasm-bindgen wasm-bindgen-cli "$SITO_WASM_BINDGEN_VERSION"
cargo_tool trunk trunk "$SITO_TRUNK_VERSION" --locked
cargo_tool worker-build worker-build "$SITO_WORKER_BUILD_VERSION" --locked

if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER" ]; then
  step "apt: chromium chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install --no-save` installs the versions of package-lock.json. `npm ci` would refuse the
  # lock file, because npm leaves the other platforms' optional rollup binaries out of it.
  step "npm install (package-lock.json)"
  npm install --no-audit --no-fund --no-save
fi

