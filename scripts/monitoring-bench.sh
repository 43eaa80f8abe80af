#!/usr/bin/env bash
# The monitoring report's cost with a year of generated data (`seed year`): a fresh local D1 on
# its own port, the worker on workerd (`wrangler dev --test-scheduled`), then
# scripts/monitoring-bench.mjs times the page, its JSON and the daily cron. Prints figures,
# asserts nothing. Needs a built worker (scripts/build.sh).
#   scripts/monitoring-bench.sh [port] [requests]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"
port="${1:-8799}"
requests="${2:-30}"
state="$SITO_ROOT/.wrangler/bench-monitoring-$port"
rm -rf "$state"
mkdir -p target
wrangler d1 migrations apply DB --local --persist-to "$state" > /dev/null
cargo run -q -p sito-devtools --bin seed -- accounts > target/seed-accounts.sql
wrangler d1 execute DB --local --persist-to "$state" --file target/seed-accounts.sql > /dev/null
echo "== a year of generated activity"
cargo run -q -p sito-devtools --bin seed -- year > target/seed-year.sql
# Straight into the local D1's SQLite file (wrangler's `execute --file` takes many minutes for
# 40 MB of SQL); the server is not running yet.
db_file="$(ls "$state"/v3/d1/miniflare-D1DatabaseObject/*.sqlite | grep -v metadata)"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()' "$db_file" target/seed-year.sql
wrangler dev --local --ip 127.0.0.1 --port "$port" --inspector-port 0 --persist-to "$state" --test-scheduled \
  --var TRUSTED_ADDRESS_HEADER: --var "PUBLIC_ORIGIN:http://127.0.0.1:$port" \
  --var DEVICE_TOKEN_KEY:development-only-device-token-key --show-interactive-dev-session=false \
  > "target/bench-monitoring-$port.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" > /dev/null && break
  sleep 1
done
node scripts/monitoring-bench.mjs "http://127.0.0.1:$port" "$requests"
echo "== without the daily aggregates (every month end counted from the opportunities)"
wrangler d1 execute DB --local --persist-to "$state" --command "DELETE FROM open_daily" > /dev/null
node scripts/monitoring-bench.mjs "http://127.0.0.1:$port" "$requests" year
