# TypeScript client: generated from openapi.yaml into generated/typescript/ by the
# @hey-api/openapi-ts version pinned in package-lock.json (see docs/typescript.md).
#
# Every language follows the same pattern: a mk/<language>.mk included by the Makefile with
# <lang>-setup, <lang>-generate, <lang>-check-generated and <lang>-test targets, which the
# Makefile's setup, generate, check-generated and test targets depend on.
NODE     ?= node
NPM      ?= npm
TS_STAMP := node_modules/.stamp
TS_OUT   := generated/typescript
TSC      := node_modules/.bin/tsc
TS_TESTS := tests/ts

.PHONY: ts-setup ts-generate ts-check-generated ts-test

# npm ci installs exactly the lock file and fails if package.json and the lock disagree.
$(TS_STAMP): package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

ts-setup: $(TS_STAMP)

# Generate into a fresh temporary directory, then replace the committed tree as a whole,
# so a file the generator no longer writes cannot survive.
ts-generate: $(TS_STAMP)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(NODE) scripts/generate_ts.mjs "$$tmp/typescript"; \
	rm -rf $(TS_OUT); mkdir -p $(dir $(TS_OUT)); cp -R "$$tmp/typescript" $(TS_OUT); \
	echo "regenerated $(TS_OUT)/"

ts-check-generated: $(TS_STAMP)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(NODE) scripts/generate_ts.mjs "$$tmp/typescript" >/dev/null; \
	if ! diff -r $(TS_OUT) "$$tmp/typescript"; then \
		echo "$(TS_OUT)/ differs from a fresh generation from openapi.yaml: run 'make generate'" >&2; \
		exit 1; \
	fi; \
	echo "$(TS_OUT)/ is up to date"

# The client alone must type-check under --strict with only the DOM library (no Node types),
# then the client and the tests are compiled together into a temporary directory and run by
# node's test runner. The end-to-end tests start the development server from the venv.
ts-test: $(TS_STAMP) $(STAMP)
	$(TSC) -p $(TS_TESTS)/tsconfig.client.json
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(TSC) -p $(TS_TESTS)/tsconfig.json --outDir "$$tmp"; \
	echo '{"type": "module"}' > "$$tmp/package.json"; \
	OCTOAI_REPO_ROOT="$(CURDIR)" OCTOAI_DEVSERVER="$(CURDIR)/$(BIN)/octoai-devserver" \
		$(NODE) --test --test-reporter=spec "$$tmp/$(TS_TESTS)/"*.test.js
