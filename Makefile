# drsynth: `make synth` writes the configuration, `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
TERRAFORM := scripts/terraform.sh

.PHONY: help bindings bindings-schema synth check lint test validate venv audit-venv audit nextest lambdas bench bench-handlers e2e diagram plan apply-zone drill drill-end

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# Settings for synth, e.g. SYNTH_ARGS="--config drsynth.toml" (make check
# always compares the committed default).
SYNTH_ARGS ?=

synth: ## write terraform/main.tf.json (with $(SYNTH_ARGS))
	$(CARGO) run --quiet --locked -p synth -- $(SYNTH_ARGS)

check: ## fail when the committed terraform/main.tf.json is not what synth writes
	$(CARGO) run --quiet --locked -p synth -- --check

lint: ## rustfmt, clippy and rustdoc of the library and the CLI, warnings are errors; every generated service compiles
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	RUSTDOCFLAGS='-D warnings' $(CARGO) doc --quiet --no-deps --locked -p drsynth-core -p constructs -p drsynth-cli
	$(CARGO) check --quiet --locked -p drsynth-provider-aws --features all

BINDINGS_SCHEMA := providers/aws/schema/hashicorp-aws-5.100.0.json.gz

bindings: ## regenerate the drsynth-provider-aws crate (providers/aws/src) and its cargo features from the pinned provider schema
	$(CARGO) run --quiet --locked -p drsynth-bindgen -- $(BINDINGS_SCHEMA) providers/aws

bindings-schema: ## refresh the pinned schema from the provider Terraform installs (offline mirror or registry), then make bindings
	rm -rf target/bindings-schema && mkdir -p target/bindings-schema
	printf '{"terraform":{"required_providers":{"aws":{"source":"hashicorp/aws","version":"5.100.0"}}}}\n' \
		> target/bindings-schema/main.tf.json
	$(TERRAFORM) -chdir=target/bindings-schema init -input=false -no-color >/dev/null
	$(TERRAFORM) -chdir=target/bindings-schema providers schema -json | gzip -9 -n > target/bindings-schema/schema.json.gz
	mv target/bindings-schema/schema.json.gz $(BINDINGS_SCHEMA)
	$(MAKE) --no-print-directory bindings

VENV := .venv
VENV_STAMP := $(VENV)/.installed-$(shell sha256sum requirements-test.txt | cut -c1-16)

venv: $(VENV_STAMP) ## the Python test tools (moto) in .venv, installed once per requirements-test.txt
$(VENV_STAMP): requirements-test.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	rm -f $(VENV)/.installed-* && touch $@

AUDIT_VENV := .venv-audit
AUDIT_VENV_STAMP := $(AUDIT_VENV)/.installed-$(shell sha256sum requirements-audit.txt | cut -c1-16)

audit-venv: $(AUDIT_VENV_STAMP) ## checkov (pinned) in .venv-audit, installed once per requirements-audit.txt
$(AUDIT_VENV_STAMP): requirements-audit.txt
	python3 -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-audit.txt
	rm -f $(AUDIT_VENV)/.installed-* && touch $@

audit: check audit-venv ## checkov on both profiles: fails on any check neither fixed nor skipped with a reason in checkov/<profile>.yaml
	$(CARGO) build --quiet --locked -p synth
	$(AUDIT_VENV)/bin/python scripts/checkov_audit.py --synth target/debug/synth --checkov $(AUDIT_VENV)/bin/checkov

lambdas: ## release-build the handlers and package terraform/lambda/*.zip (glibc <= 2.34, deterministic)
	$(CARGO) build --release --locked -p payment -p queue-replicator -p conflict-detector
	scripts/package-lambdas.sh

plan: synth ## terraform init + plan into terraform/tfplan, then the plan summary (exit 2 on stateful destroys unless ALLOW_DATA_LOSS=1)
	$(TERRAFORM) -chdir=terraform init -input=false
	$(TERRAFORM) -chdir=terraform plan -input=false -out=tfplan
	$(TERRAFORM) -chdir=terraform show -json tfplan > terraform/tfplan.json
	$(CARGO) run --quiet --locked -p synth -- plan-summary terraform/tfplan.json $(SYNTH_ARGS) $(if $(ALLOW_DATA_LOSS),--allow-data-loss)

# A failover drill on the deployed stack: plan the switch, let synth prove
# the plan changes nothing else (and print what to watch), then apply it.
# A refused plan is deleted, so it cannot be applied by hand later.
define drill_apply
	$(TERRAFORM) -chdir=terraform init -input=false >/dev/null
	$(TERRAFORM) -chdir=terraform plan -input=false -var failover_drill=$(1) -out=drill.tfplan
	$(TERRAFORM) -chdir=terraform show -json drill.tfplan > terraform/drill.json
	$(CARGO) run --quiet --locked -p synth -- drill terraform/drill.json $(SYNTH_ARGS) \
		|| { rm -f terraform/drill.tfplan terraform/drill.json; exit 2; }
	$(TERRAFORM) -chdir=terraform apply -input=false drill.tfplan
	rm -f terraform/drill.tfplan terraform/drill.json
endef

drill: synth ## failover drill: invert the primary's health check (nothing else changes); prints what to watch
	$(call drill_apply,true)

drill-end: synth ## end the failover drill: the health checks report the real state again
	$(call drill_apply,false)

# A new zone's name servers exist only once it is created, and the ACM
# certificates validate only once the parent domain delegates to them.
ZONE_ADDRESS := aws_route53_zone.dns_zone

apply-zone: synth ## first apply with a new zone, phase 1: create only the hosted zone and print its name servers (then delegate, then make plan)
	$(TERRAFORM) -chdir=terraform init -input=false
	$(TERRAFORM) -chdir=terraform apply -input=false -target=$(ZONE_ADDRESS)
	$(TERRAFORM) -chdir=terraform output hosted_zone_name_servers

diagram: ## docs/architecture.svg from the construct graph (Graphviz, installed when missing)
	@command -v dot >/dev/null || { apt-get update -qq && apt-get install -y -qq graphviz; }
	@mkdir -p target
	$(CARGO) run --quiet --locked -p synth -- graph --format dot > target/architecture.dot
	dot -Tsvg target/architecture.dot -o docs/architecture.svg

SYNTH := target/release/synth

bench: ## synth speed and scale: criterion, whole-process time (hyperfine), peak RSS, clean build time and size
	@command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
	$(CARGO) bench --locked -p payments --bench synth -- --noplot
	$(CARGO) build --release --locked -p synth
	@mkdir -p target/bench-out/app target/bench-out/scale50
	hyperfine --warmup 20 --min-runs 100 -N \
		'$(SYNTH) --stdout' \
		'$(SYNTH) --out target/bench-out/app' \
		'$(SYNTH) --stdout --scale 10' \
		'$(SYNTH) --stdout --scale 50' \
		'$(SYNTH) --out target/bench-out/scale50 --scale 50'
	@for scale in 1 10 50; do \
		/usr/bin/time -f '%M' -o target/synth-rss.txt $(SYNTH) --stdout --scale $$scale >/dev/null 2>&1; \
		echo "peak RSS, $$scale environment(s): $$(cat target/synth-rss.txt) KiB"; \
	done
	@rm -rf target/bench-clean; start=$$(date +%s%N); \
		$(CARGO) build --release --locked -p synth --target-dir target/bench-clean >/dev/null 2>&1; \
		echo "clean release build of synth: $$(( ($$(date +%s%N) - start) / 1000000 )) ms"; \
		echo "synth binary: $$(stat -c %s target/bench-clean/release/synth) bytes"; \
		rm -rf target/bench-clean

bench-handlers: venv ## handler figures: build time, sizes, cold start, latency and memory against moto
	@start=$$(date +%s); $(MAKE) --no-print-directory lambdas >/dev/null; \
		echo "release build and packaging: $$(( $$(date +%s) - start )) s (incremental; see the README for a clean build)"
	@ls -l target/release/payment target/release/queue-replicator target/release/conflict-detector terraform/lambda/*.zip | awk '{print $$5, $$9}'
	PAYMENT_BOOTSTRAP=$(CURDIR)/target/lambda/payment/bootstrap $(CARGO) bench --locked -p payment --bench runtime

nextest: ## cargo-nextest, installed when missing
	@command -v cargo-nextest >/dev/null || $(CARGO) install cargo-nextest --locked

e2e: venv lambdas nextest ## the emulator scenarios side by side: offline apply, verify, re-plan, destroy against moto, interrupted applies; prints step timings
	$(CARGO) nextest run --workspace --locked --no-fail-fast --test-threads 4 -E 'binary(e2e)'

test: nextest ## everything CI runs, in one pass per build (scripts/test.sh): lint, freshness, checkov, unit, snapshot, CLI, validate, handler, moto and e2e tests
	scripts/test.sh

VALIDATE_DIR := target/validate

validate: synth ## terraform init and validate a scratch copy of terraform/ (offline mirror when present)
	rm -rf $(VALIDATE_DIR) && mkdir -p $(VALIDATE_DIR)/lambda
	cp terraform/main.tf.json $(VALIDATE_DIR)/
	# filebase64sha256 needs the packages; stand in empty zips for unbuilt ones.
	for package in payment queue-replicator conflict-detector; do \
		if [ -f terraform/lambda/$$package.zip ]; then cp terraform/lambda/$$package.zip $(VALIDATE_DIR)/lambda/; \
		else { printf 'PK\005\006'; head -c 18 /dev/zero; } > $(VALIDATE_DIR)/lambda/$$package.zip; fi; \
	done
	$(TERRAFORM) -chdir=$(VALIDATE_DIR) init -backend=false -input=false -no-color >/dev/null
	$(TERRAFORM) -chdir=$(VALIDATE_DIR) validate
