# Environment shared by every project script: pinned tool versions and where the tools live.
# Sourced, not executed.

export SITO_WASM_BINDGEN_VERSION=0.2.130
export SITO_TRUNK_VERSION=0.21.14
export SITO_WORKER_BUILD_VERSION=0.8.7

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SITO_ROOT="$root"
# npm's binaryen (wasm-opt 132) before anything else called wasm-opt; cargo-installed tools next.
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# worker-build and Trunk must not download binaries: point them at the installed ones.
export WASM_BINDGEN_BIN="$HOME/.cargo/bin/wasm-bindgen"
export ESBUILD_BIN="$root/node_modules/@esbuild/linux-x64/bin/esbuild"
# wrangler runs fully offline.
export CLOUDFLARE_CF_FETCH_ENABLED=false
export WRANGLER_SEND_METRICS=false
export WRANGLER_LOG_PATH="$root/.wrangler/logs"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120
