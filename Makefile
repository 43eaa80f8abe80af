# The two commands of the README: `make dev` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help dev test setup build db lint test-native test-wasm test-e2e figures

help:
	@echo "make dev   install what is missing, build, prepare the local D1 with demo content, serve http://127.0.0.1:8787"
	@echo "make test  run every test (fmt, clippy, native, wasm in Chromium, API and end-to-end on wrangler dev)"
	@echo "make figures  print sizes and timings (not asserted)"

dev: setup build db
	@echo "The editors' desk is at http://127.0.0.1:8787/redazione (accounts listed above)."
	source scripts/env.sh && wrangler dev --local --ip 127.0.0.1 --port 8787 --var TRUSTED_ADDRESS_HEADER:"" --var DEVICE_TOKEN_KEY:development-only-device-token-key

test: setup lint test-native build test-wasm test-e2e

setup:
	scripts/setup.sh

build:
	scripts/build.sh

db:
	scripts/db.sh

# The app is built twice, as the browser's (`hydrate`, its default) and inside the worker
# (`ssr`): two cargo runs, so that cargo never unifies the two feature sets into one build.
lint:
	source scripts/env.sh && cargo fmt --all --check
	source scripts/env.sh && cargo clippy --workspace --exclude sito-app --all-targets --all-features -- -D warnings
	source scripts/env.sh && cargo clippy -p sito-app --all-targets -- -D warnings
	source scripts/env.sh && cargo clippy -p sito-app --target wasm32-unknown-unknown --all-targets -- -D warnings
	source scripts/env.sh && cargo clippy -p sito-app --target wasm32-unknown-unknown --lib --no-default-features --features ssr -- -D warnings
	source scripts/env.sh && cargo clippy -p sito-worker --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	source scripts/env.sh && cargo test --workspace --exclude sito-app --all-features
	source scripts/env.sh && cargo test -p sito-app --lib

test-wasm:
	source scripts/env.sh && cargo test -p sito-app --target wasm32-unknown-unknown

test-e2e:
	scripts/e2e.sh

figures:
	scripts/figures.sh
