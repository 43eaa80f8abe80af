#!/usr/bin/env bash
# Prints sizes and timings (DESIGN.md "Budgets"); asserts nothing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"
[ -f dist/index.html ] && [ -f worker/build/index.js ] || scripts/build.sh
node scripts/figures.mjs
echo
cargo run -q --release -p sito-devtools --bin search_bench
echo
cargo test --release -p sito-app --target wasm32-unknown-unknown --test search_bench -- --include-ignored --nocapture 2>&1 \
  | grep -E "^(browser|  index|  per query)"
