#!/usr/bin/env bash
# Prints sizes and timings (DESIGN.md "Budgets"); asserts nothing.
# The first screen's figures are measured for this tree and for a base revision in the same run
# (FIGURES_BASE, default the previous commit), so that the two can be read side by side.
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
echo
cargo run -q --release -p sito-devtools --bin match_bench
echo
cargo test --release -p sito-app --target wasm32-unknown-unknown --test match_bench -- --include-ignored --nocapture 2>&1 \
  | grep -E "^(browser|  read|  rank)"

# The base revision, built in its own worktree and target directory.
base_rev="$(git rev-parse --short "${FIGURES_BASE:-HEAD~1}")"
base_dir="$SITO_ROOT/target/figures-base"
if [ "$(git -C "$base_dir" rev-parse --short HEAD 2>/dev/null || true)" != "$base_rev" ]; then
  rm -rf "$base_dir"
  git worktree prune
  git worktree add --force --detach "$base_dir" "$base_rev" > /dev/null
  ln -s "$SITO_ROOT/node_modules" "$base_dir/node_modules"
  echo "== building $base_rev for comparison (its own target directory)"
  CARGO_TARGET_DIR="$SITO_ROOT/target/figures-base-target" "$base_dir/scripts/build.sh" > target/figures-base-build.log 2>&1
fi

# One server per build, each on a fresh local D1 with the demo content and 2,000 opportunities.
serve() { # serve <dir> <port> <state>
  local dir=$1 port=$2 state=$3
  rm -rf "$state"
  (cd "$dir" && wrangler d1 migrations apply DB --local --persist-to "$state" > /dev/null)
  cargo run -q -p sito-devtools --bin seed -- demo content/demo > target/figures-demo.sql
  cargo run -q -p sito-devtools --bin seed -- synthetic 2000 > target/figures-2000.sql
  (cd "$dir" && wrangler d1 execute DB --local --persist-to "$state" --file "$SITO_ROOT/target/figures-demo.sql" > /dev/null)
  (cd "$dir" && wrangler d1 execute DB --local --persist-to "$state" --file "$SITO_ROOT/target/figures-2000.sql" > /dev/null)
  (cd "$dir" && exec setsid wrangler dev --local --ip 127.0.0.1 --port "$port" --inspector-port 0 \
    --persist-to "$state" --var PUBLIC_ORIGIN:"http://127.0.0.1:$port" --show-interactive-dev-session=false > /dev/null 2>&1) &
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" > /dev/null && return 0
    sleep 0.2
  done
  echo "the server on $port did not start" >&2
  return 1
}
cleanup() { pkill -f "wrangler dev --local --ip 127.0.0.1 --port 879[23]" || true; }
trap cleanup EXIT
serve "$SITO_ROOT" 8792 "$SITO_ROOT/.wrangler/figures-now"
serve "$base_dir" 8793 "$SITO_ROOT/.wrangler/figures-base"
node scripts/render-figures.mjs "now=http://127.0.0.1:8792" "$base_rev=http://127.0.0.1:8793"
