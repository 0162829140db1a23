#!/usr/bin/env python3
"""Runs checkov on both profiles and holds them to checkov/<profile>.yaml.

Usage: checkov_audit.py --synth target/debug/synth [--checkov .venv-audit/bin/checkov]

For each profile the configuration is synthesized (the default profile is
terraform/main.tf.json itself, which `make check` keeps fresh), scanned
once with every check, and each failure is classified:

- skipped: its check id is in the profile's `skip-check` list, where every
  entry must carry its reason after `#`;
- failed: anything else. One failure fails the audit.

Production is scanned a second time with `--recovery-control` (the Route
53 ARC option), held to the same skips: the option may add no failure.

The audit also fails on a skip that matches no failure (stale: remove it),
and on a default-profile skip that the production profile does not pass
(every such skip claims that `--profile production` fixes it).

checkov 3.3.30 raises on the string `terraform.required_version` when it
parses Terraform JSON, and on top-level `moved` and `removed` blocks, so it
scans a copy without them (settings and state migrations: provider
requirements, the backend, renames; nothing it checks).
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ("default", "production")
# Top-level blocks checkov 3.3.30 cannot parse; none holds a resource.
UNPARSED_BLOCKS = ("terraform", "moved", "removed")
# Production requires remote state; the bucket only has to be named.
PROFILE_ARGS = {
    "default": [],
    "production": ["--backend", "s3", "--state-bucket", "acme-terraform-state"],
}
# What is scanned: (name, profile whose skips apply, extra synth flags).
SCANS = (
    ("default", "default", []),
    ("production", "production", []),
    ("production+arc", "production", ["--recovery-control"]),
)
SKIP_LINE = re.compile(r"^\s*-\s*(CKV2?_[A-Z0-9_]+)\s*(?:#\s*(.*?))?\s*$")


class AuditError(Exception):
    pass


def read_skips(path):
    """The profile's skips: {check id: reason}; an entry without a reason is an error."""
    text = path.read_text()
    config = yaml.safe_load(text) or {}
    listed = config.get("skip-check") or []
    reasons = {}
    for line in text.splitlines():
        match = SKIP_LINE.match(line)
        if match:
            reasons[match.group(1)] = match.group(2) or ""
    skips = {}
    for check_id in listed:
        reason = reasons.get(check_id, "")
        if not reason:
            raise AuditError(
                f"{path.relative_to(ROOT)}: skip {check_id} has no reason; "
                "write why after `#` on its line, or fix the construct and remove the skip"
            )
        skips[check_id] = reason
    return skips


def synthesize(synth, profile, extra):
    if profile == "default" and not extra:
        path = ROOT / "terraform" / "main.tf.json"
        if not path.is_file():
            raise AuditError(f"{path} is missing; run `make synth`")
        return json.loads(path.read_text())
    result = subprocess.run(
        [synth, "--stdout", "--profile", profile, *PROFILE_ARGS[profile], *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AuditError(f"synth --profile {profile} {' '.join(extra)} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def scan(checkov, document, work):
    """checkov's failed checks on `document`, as (check id, resource, name)."""
    work.mkdir(parents=True, exist_ok=True)
    scanned = {key: value for key, value in document.items() if key not in UNPARSED_BLOCKS}
    (work / "main.tf.json").write_text(json.dumps(scanned, indent=2))
    # No network: no guideline mapping, no platform downloads.
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE", CHECKOV_NO_OUTPUT_FILE="1")
    result = subprocess.run(
        [
            checkov,
            "--directory", str(work),
            "--framework", "terraform_json",
            "--output", "json",
            "--skip-download",
            "--quiet",
            "--compact",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    # checkov exits 1 when a check fails; anything else is checkov failing.
    if result.returncode not in (0, 1):
        raise AuditError(f"checkov exited {result.returncode}:\n{result.stderr}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AuditError(f"checkov printed no JSON report ({error}):\n{result.stderr}") from error
    if isinstance(report, list):
        raise AuditError("checkov returned several reports; expected terraform_json only")
    summary = report["summary"]
    if summary.get("parsing_errors"):
        raise AuditError(f"checkov could not parse the configuration: {summary}")
    failed = [
        (record["check_id"], record["resource"], record["check_name"])
        for record in report.get("results", {}).get("failed_checks", [])
    ]
    return summary, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", required=True, help="the synth binary")
    parser.add_argument("--checkov", default=str(ROOT / ".venv-audit" / "bin" / "checkov"))
    parser.add_argument("--work", default=str(ROOT / "target" / "checkov"))
    args = parser.parse_args()

    problems = []
    results = {}
    skips = {profile: read_skips(ROOT / "checkov" / f"{profile}.yaml") for profile in PROFILES}
    for name, profile, extra in SCANS:
        document = synthesize(args.synth, profile, extra)
        summary, failed = scan(args.checkov, document, Path(args.work) / name)
        skipped = [f for f in failed if f[0] in skips[profile]]
        new = [f for f in failed if f[0] not in skips[profile]]
        results[name] = (summary, failed, skipped, new)
        for check_id, resource, check_name in new:
            problems.append(
                f"{name}: {check_id} fails on {resource}: {check_name}; fix the construct, "
                f"or skip {check_id} in checkov/{profile}.yaml with the reason"
            )
        if extra:
            continue
        matched = {f[0] for f in failed}
        for check_id in sorted(set(skips[profile]) - matched):
            problems.append(
                f"{name}: skip {check_id} in checkov/{profile}.yaml matches no failure; remove it"
            )

    production_failing = {f[0] for f in results["production"][1]}
    for check_id in sorted(set(skips["default"]) - set(skips["production"])):
        if check_id in production_failing:
            problems.append(
                f"default: skip {check_id} says the production profile fixes it, but production fails it"
            )

    version = results["default"][0].get("checkov_version", "?")
    print(f"checkov {version}, framework terraform_json")
    for name, profile, _ in SCANS:
        summary, failed, skipped, new = results[name]
        ids = len({f[0] for f in skipped})
        print(
            f"  {name:<14} {summary['passed']} passed, {len(new)} failed, "
            f"{len(skipped)} skipped ({ids} check ids, checkov/{profile}.yaml)"
        )
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AuditError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
