# drsynth: `make synth` writes the configuration, `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
TERRAFORM := scripts/terraform.sh

.PHONY: help synth check lint test validate

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

synth: ## write terraform/main.tf.json
	$(CARGO) run --quiet --locked -p synth

check: ## fail when the committed terraform/main.tf.json is not what synth writes
	$(CARGO) run --quiet --locked -p synth -- --check

lint: ## rustfmt and clippy, warnings are errors
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

test: lint check ## everything CI runs: lint, freshness check, unit, snapshot, CLI and terraform validate tests
	@if command -v cargo-nextest >/dev/null; then \
		$(CARGO) nextest run --workspace --locked --no-fail-fast; \
	else \
		echo "cargo-nextest not found; using cargo test (install it with: cargo install cargo-nextest --locked)"; \
		$(CARGO) test --workspace --locked --no-fail-fast; \
	fi

VALIDATE_DIR := target/validate

validate: synth ## terraform init and validate a scratch copy of terraform/ (offline mirror when present)
	rm -rf $(VALIDATE_DIR) && mkdir -p $(VALIDATE_DIR)/lambda
	cp terraform/main.tf.json $(VALIDATE_DIR)/
	# filebase64sha256 needs the packages; stand in empty zips for unbuilt ones.
	for package in payment queue-replicator; do \
		if [ -f terraform/lambda/$$package.zip ]; then cp terraform/lambda/$$package.zip $(VALIDATE_DIR)/lambda/; \
		else { printf 'PK\005\006'; head -c 18 /dev/zero; } > $(VALIDATE_DIR)/lambda/$$package.zip; fi; \
	done
	$(TERRAFORM) -chdir=$(VALIDATE_DIR) init -backend=false -input=false -no-color >/dev/null
	$(TERRAFORM) -chdir=$(VALIDATE_DIR) validate
