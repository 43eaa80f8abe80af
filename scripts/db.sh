#!/usr/bin/env bash
# Prepares a local D1: applies the numbered migrations, then loads the demo content and the
# development accounts of every role (both idempotent).
# Usage: scripts/db.sh [persist-dir]   (default: wrangler's own .wrangler/state)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

persist=()
[ $# -gt 0 ] && persist=(--persist-to "$1")
wrangler d1 migrations apply DB --local "${persist[@]}"
mkdir -p target
cargo run -q -p sito-devtools --bin seed -- demo content/demo > target/seed-demo.sql
wrangler d1 execute DB --local "${persist[@]}" --file target/seed-demo.sql > /dev/null
echo "demo content loaded"
cargo run -q -p sito-devtools --bin seed -- accounts > target/seed-accounts.sql
wrangler d1 execute DB --local "${persist[@]}" --file target/seed-accounts.sql > /dev/null
echo "development accounts ready"
