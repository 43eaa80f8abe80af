#!/usr/bin/env bash
# Builds the app (Trunk → dist/, then the Workbox service worker) and the worker (worker-build →
# worker/build/).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

echo "== app: trunk build"
(cd app && trunk build --release)
echo "== app: service worker"
node scripts/build-sw.mjs
echo "== worker: worker-build"
(cd worker && worker-build --release)
