#!/usr/bin/env bash
# Prints sizes and timings (DESIGN.md "Budgets"); asserts nothing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"
[ -f dist/index.html ] && [ -f worker/build/index.js ] || scripts/build.sh
node scripts/figures.mjs
