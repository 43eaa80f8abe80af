#!/usr/bin/env bash
# Builds the app (Trunk → dist/: the whole portal from index.html, its everyday pages from
# portale.html, and the CV tool from cv.html and the proposal tool from proposte.html, each as its
# own wasm, so the portal's first load carries neither), then the Workbox service worker, and the worker (worker-build → worker/build/).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SITO_ROOT"

echo "== app: trunk build (portal)"
(cd app && trunk build --release)
echo "== app: trunk build (the portal's everyday pages)"
# The same page as index.html, with the everyday pages' wasm (PortaleApp); made from it, so the
# two heads cannot drift apart.
sed -e 's/data-bin="sito-app"/data-bin="sito-portale"/' -e '/rel="copy-/d' app/index.html > app/portale.html
(cd app && trunk build portale.html --release true --dist ../target/dist-portale)
echo "== app: trunk build (CV tool)"
(cd app && trunk build cv.html --release true --dist ../target/dist-cv)
echo "== app: trunk build (proposal tool)"
(cd app && trunk build proposte.html --release true --dist ../target/dist-proposte)
# Trunk names every page index.html; the hashed JS, wasm and CSS names cannot collide.
cp target/dist-cv/index.html dist/cv.html
cp target/dist-proposte/index.html dist/proposte.html
cp target/dist-portale/index.html dist/portale.html
for extra in target/dist-cv target/dist-proposte target/dist-portale; do
  find "$extra" -maxdepth 1 -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' \) -exec cp {} dist/ \;
done
echo "== app: service worker"
node scripts/build-sw.mjs
echo "== worker: worker-build"
(cd worker && worker-build --release)
