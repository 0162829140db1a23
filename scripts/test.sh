#!/usr/bin/env bash
# `make test`: every check and test CI runs, ordered for a 2-core machine.
#
# Most of the time is compilation, and the AWS SDK dominates it. Each build
# happens once:
#   1. the release build of the handlers, packaged (what the emulator
#      scenarios deploy), while pip installs moto and checkov;
#   2. one debug build of every target of the workspace, with clippy as the
#      compiler of the workspace's own crates: the lint and the test build in
#      one pass, instead of a separate `cargo clippy` that checks every
#      dependency (the SDK among them) a second time;
#   3. then, side by side: nextest on every test but the emulator
#      scenarios, the freshness and checkov checks on the synth just built,
#      the doctests, and the check of every generated binding with rustdoc
#      (in their own target directory, so they never wait for the test
#      build's lock);
#   4. last, the four emulator scenarios side by side: they mostly wait on
#      Terraform and moto, and the handlers they run need a moto that is not
#      starved of CPU.
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

begun=$(date +%s)
declare -A pid started took
failed=()

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
  } >"$logs/$job.log" 2>&1 &
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

stop_if_failed() {
  [ "${#failed[@]}" -eq 0 ] && return
  echo "[make test] failed: ${failed[*]} (full logs in $logs/)" >&2
  exit 1
}

start fmt "$CARGO" fmt --all -- --check
finish fmt
stop_if_failed

start python-tools make --no-print-directory venv audit-venv
start lambdas make --no-print-directory lambdas
finish lambdas python-tools
stop_if_failed

start build-and-clippy "$CARGO" build --workspace --all-targets --locked
finish build-and-clippy
stop_if_failed

start tests "$CARGO" nextest run --workspace --locked --no-fail-fast -E 'not binary(e2e)'
start freshness-and-checkov bash -c '
  target/debug/synth --check
  .venv-audit/bin/python scripts/checkov_audit.py --synth target/debug/synth --checkov .venv-audit/bin/checkov'
# The whole workspace, as built above (only constructs and synth have any).
start doctests "$CARGO" test --quiet --locked --doc --workspace
# The lint target directory: these two only check, so nothing is shared
# with the test build, and its lock stays free for the doctests.
start bindings-and-rustdoc env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS bash -c "
  $CARGO check --quiet --locked --target-dir target/lint -p constructs --features aws-all
  RUSTDOCFLAGS='-D warnings' $CARGO doc --quiet --no-deps --locked --target-dir target/lint -p constructs -p synth"
finish freshness-and-checkov doctests bindings-and-rustdoc tests
stop_if_failed

# Last and alone: the handlers' SDK clients give up on an attempt after
# about 1.5 s, as they must in Lambda, and moto starved of CPU by other
# work answers slower than that (a retried write then reads as a replay).
start e2e "$CARGO" nextest run --workspace --locked --no-fail-fast --test-threads 4 -E 'binary(e2e)'
finish e2e

# The scenarios' step timings, which nextest printed with each result.
grep -E '^\[[a-z0-9]+\] step timings' -A 40 "$logs/e2e.log" | grep -E '^(\[|  )' || true

total=$(($(date +%s) - begun))
echo "[make test] jobs: $(for job in "${!took[@]}"; do printf '%s %ss, ' "$job" "${took[$job]}"; done)"
stop_if_failed
echo "[make test] every check and test passed in $((total / 60)) min $((total % 60)) s"
