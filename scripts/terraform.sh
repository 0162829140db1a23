#!/usr/bin/env bash
# Runs terraform with a CLI configuration that installs hashicorp/aws from an
# offline filesystem mirror when this machine has one, and from the registry
# otherwise. Usage: scripts/terraform.sh -chdir=terraform plan
#
# The mirror is, in order: $DRSYNTH_TF_MIRROR; a well-known plugin directory
# holding registry.terraform.io/hashicorp/aws; a search of the filesystem
# (done once, remembered in target/terraform/mirror).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$root/target/terraform"
mkdir -p "$state"

command -v terraform >/dev/null || {
  echo "error: terraform is not on PATH; install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install)" >&2
  exit 127
}

has_aws() { [ -d "$1/registry.terraform.io/hashicorp/aws" ]; }

find_mirror() {
  if [ -n "${DRSYNTH_TF_MIRROR:-}" ]; then
    has_aws "$DRSYNTH_TF_MIRROR" || {
      echo "error: DRSYNTH_TF_MIRROR=$DRSYNTH_TF_MIRROR holds no registry.terraform.io/hashicorp/aws" >&2
      exit 2
    }
    echo "$DRSYNTH_TF_MIRROR"
    return
  fi
  for dir in /opt/tf-plugins /usr/share/terraform/plugins /usr/local/share/terraform/plugins \
    "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins"; do
    if has_aws "$dir"; then echo "$dir"; return; fi
  done
  if [ -f "$state/mirror" ]; then
    local remembered
    remembered=$(cat "$state/mirror")
    if [ -z "$remembered" ] || has_aws "$remembered"; then echo "$remembered"; return; fi
  fi
  local found
  found=$(find / -maxdepth 6 -type d -path '*/registry.terraform.io/hashicorp/aws' 2>/dev/null | head -n 1 || true)
  found=${found%/registry.terraform.io/hashicorp/aws}
  echo "$found" >"$state/mirror"
  echo "$found"
}

mirror=$(find_mirror)
config="$state/cli.tfrc"
tmp=$(mktemp "$config.XXXXXX")
if [ -n "$mirror" ]; then
  cat >"$tmp" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
TFRC
else
  mkdir -p "$state/plugin-cache"
  cat >"$tmp" <<TFRC
plugin_cache_dir = "$state/plugin-cache"
TFRC
fi
mv "$tmp" "$config"

export TF_CLI_CONFIG_FILE="$config"
export TF_IN_AUTOMATION=1
export CHECKPOINT_DISABLE=1
exec terraform "$@"
