#!/usr/bin/env bash
# The slow suites, each under its own CTest label, after scripts/test.sh has built the tree.
#   scripts/test-slow.sh            every slow label
#   scripts/test-slow.sh browser    one of them
set -euo pipefail
cd "$(dirname "$0")/.."
labels=("$@")
if [ ${#labels[@]} -eq 0 ]; then labels=(fuzz browser cluster); fi
for label in "${labels[@]}"; do
  echo "== slow suite: $label"
  if [ "$label" = browser ]; then scripts/install-deps.sh browser; fi
  ctest --test-dir build --output-on-failure --timeout 1800 -L "^${label}\$"
done
