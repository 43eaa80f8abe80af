#!/usr/bin/env bash
# Creates an administrator account (there is no default one in production).
# Usage: scripts/create-admin.sh [--remote] <email> "<name>"
# Asks for the password without echoing it; --remote writes to the deployed D1, otherwise the
# local one.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

target=--local
if [ "${1:-}" = "--remote" ]; then target=--remote; shift; fi
[ $# -eq 2 ] || { echo "usage: scripts/create-admin.sh [--remote] <email> \"<name>\"" >&2; exit 2; }
read -rsp "Password (at least 10 characters): " password; echo
mkdir -p target
printf '%s\n' "$password" | cargo run -q -p sito-devtools --bin account -- create-admin "$1" "$2" > target/create-admin.sql
wrangler d1 execute DB "$target" --file target/create-admin.sql > /dev/null
rm -f target/create-admin.sql
echo "administrator $1 created (or already present)"
