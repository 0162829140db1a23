#!/usr/bin/env bash
# Packages the release builds of the handlers as terraform/lambda/<name>.zip,
# each holding one executable `bootstrap`, deterministically: rebuilding
# unchanged code gives identical bytes, so Terraform never redeploys for
# nothing. Refuses a binary that needs a glibc newer than provided.al2023's.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# provided.al2023 ships glibc 2.34.
max_glibc=2.34
out=terraform/lambda
mkdir -p "$out" target/lambda

newer_than() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ] && [ "$1" != "$2" ]; }

for package in payment queue-replicator conflict-detector; do
  binary="target/release/$package"
  [ -x "$binary" ] || { echo "error: $binary is missing; run cargo build --release -p $package" >&2; exit 1; }
  needed=$(objdump -T "$binary" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  if newer_than "$needed" "$max_glibc"; then
    echo "error: $binary needs glibc $needed, newer than the $max_glibc of provided.al2023; symbols:" >&2
    objdump -T "$binary" | grep -E "GLIBC_$needed" >&2
    exit 1
  fi
  stage="target/lambda/$package"
  mkdir -p "$stage"
  cp "$binary" "$stage/bootstrap"
  strip --strip-all "$stage/bootstrap"
  python3 scripts/zip_bootstrap.py "$stage/bootstrap" "$out/$package.zip"
  echo "packaged $out/$package.zip (glibc <= $needed, $(stat -c %s "$out/$package.zip") bytes, sha256 $(sha256sum "$out/$package.zip" | cut -c1-16))"
done
