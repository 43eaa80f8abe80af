#!/usr/bin/env bash
# API and browser tests against the real worker on workerd (`wrangler dev`) with a fresh local
# D1, in headless Chromium. Playwright starts and stops wrangler itself (playwright.config.ts).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

# One state per port, so that runs on different ports never share a database.
export SITO_TEST_STATE="$SITO_ROOT/.wrangler/test-state-${SITO_TEST_PORT:-8788}"
rm -rf "$SITO_TEST_STATE"
wrangler d1 migrations apply DB --local --persist-to "$SITO_TEST_STATE" > /dev/null
# The accounts of every role that the tests sign in with (devtools DEMO_ACCOUNTS).
mkdir -p target
cargo run -q -p sito-devtools --bin seed -- accounts > target/seed-accounts.sql
wrangler d1 execute DB --local --persist-to "$SITO_TEST_STATE" --file target/seed-accounts.sql > /dev/null
# A first administrator made the production way (scripts/create-admin.sh runs the same command).
printf 'primo-amministratore-2026\n' |
  cargo run -q -p sito-devtools --bin account -- create-admin primo@sito-giovani.test "Primo amministratore" > target/first-admin.sql
wrangler d1 execute DB --local --persist-to "$SITO_TEST_STATE" --file target/first-admin.sql > /dev/null
playwright test "$@"
