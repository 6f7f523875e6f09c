#!/usr/bin/env bash
# The slow suites, each under its own CTest label, after scripts/test.sh has built the tree.
#   scripts/test-slow.sh            every slow label
#   scripts/test-slow.sh browser    one of them
# The fuzz suite needs clang: it installs clang-14 and libFuzzer's runtime from Debian when
# they are missing, and builds its own tree, build-fuzz (instrumented, with ASan and UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."
labels=("$@")
if [ ${#labels[@]} -eq 0 ]; then labels=(fuzz browser cluster); fi

fuzz_build() {
  local missing=()
  for p in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DATTNREEL_FUZZ=ON -DATTNREEL_BUILD_TESTS=OFF -DATTNREEL_FUZZ_SECONDS="${FUZZ_SECONDS:-90}"
  cmake --build build-fuzz -j"$(nproc)" --target scene_fuzzer
}

# fuzz runs in a clang tree of its own (build-fuzz); the other labels share one CTest run
# over build/, so they end with one summary.
others=()
for label in "${labels[@]}"; do
  if [ "$label" = fuzz ]; then
    echo "== slow suite: fuzz"
    fuzz_build
    ctest --test-dir build-fuzz --output-on-failure --timeout 1800 -L '^fuzz$'
  else
    if [ "$label" = browser ]; then scripts/install-deps.sh browser; fi
    if [ "$label" = cluster ]; then scripts/install-deps.sh cluster; fi
    others+=("$label")
  fi
done
if [ ${#others[@]} -gt 0 ]; then
  echo "== slow suites: ${others[*]}"
  ctest --test-dir build --output-on-failure --timeout 1800 -L "^($(IFS='|'; echo "${others[*]}"))\$"
fi
