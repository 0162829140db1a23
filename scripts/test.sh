#!/usr/bin/env bash
# `make test`: every check and test CI runs, ordered for a 2-core machine.
#
# Most of the time is compilation, and the AWS SDK dominates it; the rest
# is Terraform and moto. Each build happens once, and the machine is kept
# busy without starving moto:
#   1. one debug build of every target of the workspace, with clippy-driver
#      as the compiler of the workspace's own crates: the lint and the test
#      build in one pass, instead of a separate `cargo clippy` that checks
#      every dependency (the SDK among them) a second time; pip installs
#      moto and checkov beside it;
#   2. nextest on every test but the emulator scenarios, the freshness check
#      and the doctests, while the release build of the handlers (what the
#      scenarios deploy) takes whatever CPU they leave;
#   3. the four emulator scenarios side by side (they mostly wait on
#      Terraform and moto), while checkov, the check of every generated
#      binding and rustdoc take whatever CPU they leave.
# Every job writes target/test-logs/<job>.log; a failed job's log is printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CARGO=${CARGO:-cargo}
logs=target/test-logs
rm -rf "$logs" && mkdir -p "$logs"

clippy_driver=$(command -v clippy-driver || true)
[ -n "$clippy_driver" ] || {
  echo "error: clippy-driver is not on PATH; install it with: rustup component add clippy" >&2
  exit 1
}
# What `cargo clippy -- -D warnings` runs: clippy-driver for the workspace's
# crates, with CLIPPY_ARGS (clippy's own encoding of the arguments after --).
# Every debug cargo command below keeps these, so none rebuilds another's work.
export RUSTC_WORKSPACE_WRAPPER=$clippy_driver
export CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
# For the builds that share nothing with the debug build.
unlinted=(env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS)

begun=$(date +%s)
declare -A pid started took
failed=()

# Each job in its own process group, so that an interrupt stops it whole
# (cargo, nextest and the moto servers of its tests), not just its shell.
set -m
stop_jobs() {
  trap - INT TERM
  echo "[make test] interrupted; stopping the jobs" >&2
  for group in "${pid[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 130
}
trap stop_jobs INT TERM

start() {
  local job=$1
  shift
  started[$job]=$(date +%s)
  # The job's own end time: jobs are waited for in an order, not as they end.
  {
    status=0
    "$@" || status=$?
    date +%s >"$logs/$job.ended"
    exit "$status"
  } </dev/null >"$logs/$job.log" 2>&1 &
  pid[$job]=$!
  echo "[make test] $job: started"
}

finish() {
  local job status
  for job in "$@"; do
    status=0
    wait "${pid[$job]}" || status=$?
    took[$job]=$(($(cat "$logs/$job.ended") - started[$job]))
    if [ "$status" -eq 0 ]; then
      echo "[make test] $job: passed in ${took[$job]} s"
    else
      echo "[make test] $job: FAILED (exit $status) after ${took[$job]} s; $logs/$job.log ends:"
      tail -n 80 "$logs/$job.log" | sed 's/^/    /'
      failed+=("$job")
    fi
  done
}

synth_check() {
  target/debug/synth --check
}

stop_if_failed() {
  [ "${#failed[@]}" -eq 0 ] && return
  echo "[make test] failed: ${failed[*]} (full logs in $logs/)" >&2
  exit 1
}

start fmt "$CARGO" fmt --all -- --check
finish fmt
stop_if_failed

start python-tools make --no-print-directory venv audit-venv
start build-and-clippy "$CARGO" build --workspace --all-targets --locked
finish build-and-clippy python-tools
stop_if_failed

# Work that only uses what the tests leave idle runs at the lowest CPU
# priority: the handlers' SDK clients give up on an attempt after about
# 1.5 s, as they must in Lambda, and a moto starved of CPU answers slower
# than that (a retried write then reads as a replay, and a test fails).
idle=(nice -n 19)

start tests "$CARGO" nextest run --workspace --locked --no-fail-fast -E 'not binary(e2e)'
start freshness synth_check
# The whole workspace, as built above (only constructs and synth have any).
start doctests "$CARGO" test --quiet --locked --doc --workspace
# Without the lint wrapper: the packages are byte for byte what
# `make lambdas` builds on its own.
start lambdas "${idle[@]}" "${unlinted[@]}" make --no-print-directory lambdas
finish freshness doctests tests lambdas
stop_if_failed

start e2e "$CARGO" nextest run --workspace --locked --no-fail-fast --test-threads 4 -E 'binary(e2e)'
start checkov "${idle[@]}" .venv-audit/bin/python scripts/checkov_audit.py \
  --synth target/debug/synth --checkov .venv-audit/bin/checkov
# In their own target directory: these only check, so nothing is shared
# with the test build.
start bindings-and-rustdoc "${idle[@]}" "${unlinted[@]}" bash -c "
  $CARGO check --quiet --locked --target-dir target/lint -p drsynth-provider-aws --features all
  RUSTDOCFLAGS='-D warnings' $CARGO doc --quiet --no-deps --locked --target-dir target/lint -p drsynth-core -p constructs -p drsynth-cli"
finish checkov bindings-and-rustdoc e2e

# The scenarios' step timings, which nextest printed with each result.
sed -n -E '/^ *\[[a-z0-9]+\] step timings/,/ s  total$/p' "$logs/e2e.log" || true

total=$(($(date +%s) - begun))
echo "[make test] jobs: $(for job in "${!took[@]}"; do printf '%s %ss, ' "$job" "${took[$job]}"; done)"
stop_if_failed
echo "[make test] every check and test passed in $((total / 60)) min $((total % 60)) s"
