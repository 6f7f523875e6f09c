#!/usr/bin/env bash
# Installs the Debian packages attnreel needs to build and test, skipping what is
# already installed (so it needs no network when nothing is missing).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libcairo2-dev libharfbuzz-dev libfreetype-dev libfribidi-dev
  libeigen3-dev libyaml-cpp-dev nlohmann-json3-dev catch2
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavfilter-dev libswresample-dev
  libespeak-ng-dev espeak-ng-data
  libcpp-httplib-dev nlohmann-json3-dev zlib1g-dev
  libwebp-dev libjpeg-dev
  python3-jsonschema python3-yaml
)
# `install-deps.sh browser`: also what the browser suite needs (scripts/test-slow.sh asks).
if [ "${1:-}" = "browser" ]; then packages+=(chromium); fi
# `install-deps.sh cluster`: munge and Slurm for the one-node cluster the cluster suite starts.
if [ "${1:-}" = "cluster" ]; then packages+=(munge slurm-wlm slurm-client iproute2); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
